"""Cutting a footnote or endnote into the pieces that may each be one citation (pure functions).

>>> text = "Perkins to Franklin, June 21, 1948, NARA, RG 59, CDF 1945–1949, 811.00. See Hart, Empire, 12."
>>> [[text[s:e] for s, e, _ in sentence] for sentence in note_pieces(text, 0, len(text))]
[['Perkins to Franklin, June 21, 1948, NARA, RG 59, CDF 1945–1949, 811.00'], ['See Hart, Empire, 12']]
"""

from __future__ import annotations

import regex

from nerpipe import regexes as rx
from nerpipe.dates import find_dates

# A piece that only adds a unit is short: "1949–1950", "Box 20, 10", "Historical Blackout 2".
UNIT_PIECE_MAX = 100
# A date to the day marks a document, not a folder ("Kidd to Merchant, September 3, 1954").
DAY_DATE = regex.compile(r"\d{4}-\d\d-\d\d")


def _outside(text: str, start: int, end: int) -> list[bool]:
    """For each character of text[start:end]: is it outside brackets and quotes?"""
    depth = 0
    quote = False
    out = []
    for ch in text[start:end]:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "“":
            quote = True
        elif ch == "”":
            quote = False
        out.append(depth == 0 and not quote)
    return out


def note_pieces(text: str, start: int, end: int) -> list[list[tuple[int, int, bool]]]:
    """The sentences of a note, each a list of (start, end, joined) pieces; `joined` says the piece
    follows another of the same sentence (after a ";" or an " and "), so it may continue its unit."""
    out: list[list[tuple[int, int, bool]]] = []
    s_start = start
    free = _outside(text, start, end)
    bounds = [m for m in rx.NOTE_SENTENCE_END.finditer(text, start, end) if free[m.end() - 1 - start]]
    for m in [*bounds, None]:
        s_end = m.start() + 1 if m else end
        out.append(_pieces(text, s_start, s_end, free, start))
        s_start = m.end() if m else end
    return [p for p in out if p]


def _pieces(text: str, start: int, end: int, free: list[bool], base: int) -> list[tuple[int, int, bool]]:
    pieces: list[tuple[int, int, bool]] = []
    p_start = start
    cuts = [i for i in range(start, end) if text[i] == ";" and free[i - base]]
    for cut in [*cuts, end]:
        for i, (a, b) in enumerate(_and_split(text, p_start, cut, free, base)):
            pieces.append((a, b, bool(pieces) or i > 0))
        p_start = cut + 1
    return [(a, b, j) for a, b, j in pieces if text[a:b].strip()]


def _and_split(text: str, start: int, end: int, free: list[bool], base: int) -> list[tuple[int, int]]:
    """Cut at an " and " that closes one document or locator and opens another: the left side ends
    with a date or holds a locator, the right side opens a correspondence line, an archive or
    "passim" ("..., March 1, 1950 and Noble to Dean Acheson, March 3, 1950 in NARA, ...")."""
    out = []
    p_start = start
    for m in rx.AND_SPLIT.finditer(text, start, end):
        if not free[m.start() - base]:
            continue
        left, right = text[p_start : m.start()], text[m.end() : end]
        head = right.split(",", 1)[0]
        opens = (
            rx.CORRESPONDENCE.search(head) is not None
            or right.startswith(("passim", "NARA", "Box "))
            or rx.ARCHIVE_RE.match(right) is not None
        )
        closes = (
            _ends_with_date(left)
            or rx.LOCATOR_HINT.search(left) is not None
            or rx.ARCHIVE_RE.search(left) is not None
        )
        if opens and closes and rx.CORRESPONDENCE.search(left.rsplit(",", 1)[-1]) is None:
            out.append((p_start, m.start()))
            p_start = m.end()
    out.append((p_start, end))
    return out


def _ends_with_date(piece: str) -> bool:
    dates = list(find_dates(piece))
    return bool(dates) and not piece[dates[-1].end :].strip(" .,;:)")


def unit_shaped(text: str, start: int, end: int) -> bool:
    """Could text[start:end] be one more unit of the locator before it ("1949–1950", "Yalta 3",
    "Box 20, 10"), rather than a document line or prose?"""
    piece = text[start:end].strip()
    if not piece or len(piece) > UNIT_PIECE_MAX or rx.CORRESPONDENCE.search(piece):
        return False
    if any(ch in piece for ch in '“”"'):
        return False
    return not any(DAY_DATE.match(d.norm or "") for d in find_dates(piece))
