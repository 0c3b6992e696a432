"""Cutting a footnote or endnote into the pieces that may each be one citation (pure functions).

A note is cut into sentences, a sentence at semicolons (a semicolon inside a title, "The Far
East; China", does not cut), and a piece at an " and " that closes one citation and opens
another ("..., pp. 30–32 and Kimball, “...”", "..., 023.1/11–759 and Dougall note, ...").

>>> text = "Perkins to Franklin, June 21, 1948, NARA, RG 59, CDF 1945–1949, 811.00. See Hart, Empire, 12."
>>> [[text[s:e] for s, e, _ in sentence] for sentence in note_pieces(text, 0, len(text))]
[['Perkins to Franklin, June 21, 1948, NARA, RG 59, CDF 1945–1949, 811.00.'], ['See Hart, Empire, 12.']]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from nerpipe import regexes as rx
from nerpipe.citations.chicago import dates_in, name_shaped

# A piece that only adds a unit is short: "1949–1950", "Box 20, 10", "Historical Blackout 2".
UNIT_PIECE_MAX = 100
# A date to the day marks a document, not a folder ("Kidd to Merchant, September 3, 1954").
DAY_DATE = regex.compile(r"\d{4}-\d\d-\d\d")


@lru_cache(maxsize=64)
def _outside(text: str, start: int, end: int) -> bytes:
    """For each character of text[start:end]: is it outside brackets and quotes (1) or not (0)?
    A bracket or quote takes the state it opens or closes. (Only those characters are visited;
    a note's pieces ask this of the same spans several times.)"""
    out = bytearray(b"\x01" * (end - start))
    depth = 0
    quote = False
    marks = [m.start() for m in rx.BRACKET_OR_QUOTE.finditer(text, start, end)]
    for k, i in enumerate(marks):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "“":
            quote = True
        else:
            quote = False
        if depth or quote:
            stop = marks[k + 1] if k + 1 < len(marks) else end
            out[i - start : stop - start] = b"\x00" * (stop - i)
    return bytes(out)


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


def _pieces(text: str, start: int, end: int, free: bytes, base: int) -> list[tuple[int, int, bool]]:
    pieces: list[tuple[int, int, bool]] = []
    p_start = start
    cuts = []
    since = start  # where the piece before a semicolon starts
    for i in range(start, end):
        if text[i] == ";" and free[i - base] and not _title_goes_on(text, i, end, since):
            cuts.append(i)
            since = i + 1
    for cut in [*cuts, end]:
        for i, (a, b) in enumerate(_and_split(text, p_start, cut, free, base)):
            pieces.append((a, b, bool(pieces) or i > 0))
        p_start = cut + 1
    return [(a, b, j) for a, b, j in pieces if text[a:b].strip()]


def _title_goes_on(text: str, cut: int, end: int, start: int) -> bool:
    """Does the title go on past this semicolon ("The Far East; China, pp. 1365–1409", "Near East
    Region; Iran; Iraq (URL)")? The words after it are a few capitalised ones, then pages, a
    bracket or the end, and the piece before holds no locator."""
    after = text[cut + 1 : end]
    m = rx.TITLE_AFTER_SEMICOLON.match(after)
    if not m:
        return False
    last = text[start:cut]
    return rx.LOCATOR_HINT.search(last) is None and rx.US_HINT.search(last) is None and "," in last


def _and_split(text: str, start: int, end: int, free: bytes, base: int) -> list[tuple[int, int]]:
    """Cut at an " and " that closes one document or work and opens another: the left side ends
    with a date, a web address, pages or brackets, or holds a locator or a work; the right side
    opens a correspondence line, a quoted title, an author, an archive, "passim", a document
    ("minutes of ...", "Dougall note, ...") or the next volume of a series."""
    out = []
    p_start = start
    for m in rx.NOTE_AND.finditer(text, start, end):
        if not free[m.start() - base]:
            continue
        left, right = text[p_start : m.start()], text[m.end() : end]
        if right.lstrip().startswith("passim") and _document_line(left) and not _locates(left):
            continue  # "A to B, October 25, 1955 and passim, NARA, ...": one record, the line its title
        if _closes(left) and opens(right) and rx.CORRESPONDENCE.search(left.rsplit(",", 1)[-1]) is None:
            out.append((p_start, m.start()))
            p_start = m.end()
    out.append((p_start, end))
    return out


def _document_line(piece: str) -> bool:
    """Does the piece describe a document ("Karl Honaman to McIlvaine (...), October 25, 1955")?"""
    return rx.CORRESPONDENCE.search(piece) is not None or "“" in piece


def _locates(piece: str) -> bool:
    """Does the piece hold a locator or a work of its own (not only a document's line)?"""
    return any(
        p.search(piece) is not None
        for p in (rx.LOCATOR_HINT, rx.ARCHIVE_RE, rx.US_HINT, rx.URL, rx.NOTE_PAGE_REF, rx.PUBLICATION)
    )


def _closes(left: str) -> bool:
    left = left.rstrip()
    if not left:
        return False
    return (
        _ends_with_date(left)
        or left.endswith(")")
        or left[
            -1:
        ].isdigit()  # a folder's number: "..., Box 5, Historical Blackout 3 and Bryton Barron, ..."
        or rx.URL.search(left) is not None
        or rx.NOTE_PAGE_REF.search(left) is not None
        or rx.LOCATOR_HINT.search(left) is not None
        or rx.ARCHIVE_RE.search(left) is not None
        or rx.US_HINT.search(left) is not None
    )


def opens(right: str) -> bool:
    """Does `right` open a new document or work ("Noble to Merchant, ...", "“Title,” ...",
    "Justin Hart, Empire of Ideas", "passim, NARA, ...", "minutes of July 1995 HAC meeting")?"""
    right = right.lstrip()
    lead = rx.NOTE_LEAD_IN.match(right)
    if lead and not right.startswith(("in ", "and ")):
        right = right[lead.end() :]
    work_lead = rx.WORK_LEAD_IN.match(right)
    if work_lead and not right.startswith(("and ", "also ")):
        right = right[work_lead.end() :]
    if not right or (right[:1].isdigit() and not rx.SERIES_VOLUME.match(right)):
        return False
    if rx.URL.match(right):
        return False
    head = right.split(",", 1)[0]
    if right.startswith(("“", '"', "passim", "Box ")) or rx.ARCHIVE_RE.match(right):
        return True
    if rx.SERIES_VOLUME.match(right) or rx.GENRE_START.match(right):
        return True
    corr = rx.CORRESPONDENCE_LINE.match(head)
    if corr and name_shaped_list(corr.group("sender")):
        return True
    genre = rx.GENRE_AFTER_NAME.match(head)
    if genre and not any(ch.isdigit() for ch in genre.group("name")) and " and " not in genre.group("name"):
        if name_shaped(genre.group("name")):
            return True  # "Dougall note, ...", "Jack Fleischer memorandum, ..."
        if not genre.group("rest").strip() and rx.DATE_AFTER.match(right[len(head) :]):
            return True  # "press conference transcript, March 15, 1955 in NARA"
    rest = right[len(head) :]
    names = [p for p in rx.NAME_LIST_SEP.split(head.strip()) if p]
    if names and all(name_shaped(p) for p in names):
        if rest.startswith((", “", ', "', ", ed.", ", eds.")):
            return True  # "Kimball, “...”", "John Snell, ed., ..."
        # "Justin Hart, Empire of Ideas": a full name, then a title
        return all(len(p.split()) >= 2 for p in names) and rest.startswith(", ") and rest[2:3].isupper()
    return False


def name_shaped_list(names: str) -> bool:
    """ "Henry Hayward and Neal Stanford", "U.S. Embassy Tokyo": every name name-shaped, or the
    sender an office ("U.S. Embassy Tokyo", "Secretary of State") of capitalised words."""
    parts = [p for p in rx.NAME_LIST_SEP.split(names.strip()) if p]
    if parts and all(name_shaped(p) for p in parts):
        return True
    return bool(rx.OFFICE_SENDER.match(names.strip()))


def _ends_with_date(piece: str) -> bool:
    dates = dates_in(piece)
    return bool(dates) and not piece[dates[-1].end :].strip(" .,;:)?]")


def unit_shaped(text: str, start: int, end: int) -> bool:
    """Could text[start:end] be one more unit of the locator before it ("1949–1950", "Yalta 3",
    "Box 20, 10"), rather than a document line or prose?"""
    piece = text[start:end].strip()
    if not piece or len(piece) > UNIT_PIECE_MAX or rx.CORRESPONDENCE.search(piece):
        return False
    if any(ch in piece for ch in '“”"'):
        return False
    return not any(DAY_DATE.match(d.norm or "") for d in dates_in(piece))


def bracketed_citation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of a parenthesis that holds the piece's citation after prose: "Winnacker's
    memorandum was forwarded ... in late April 1955 (see Robert Anderson to ..., NARA, ...)",
    "... opponents (United States Relations With China ... (Washington: ..., 1949), pp. III–XVII)",
    "... to release records.” (p. 214)". A parenthesis opened by "see" counts after any text."""
    free = _outside(text, start, end)
    depth = 0
    open_at = -1
    quote = False
    for i in range(start, end):
        ch = text[i]
        if ch in "“":
            quote = True
        elif ch in "”":
            quote = False
        if quote:
            continue
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0 and open_at >= 0:
                inner = text[open_at + 1 : i].strip()
                if any(p.fullmatch(text, open_at, i + 1) for p in (rx.PUBLICATION, rx.ISSUE)) or rx.URL.match(
                    inner
                ):
                    continue  # the work's own publication facts or address
                before = "".join(c for c, f in zip(text[start:open_at], free, strict=False) if f)
                led = rx.PAREN_LEAD_IN.match(inner) is not None
                after = text[i + 1 : end].strip(" .,;")
                at_end = not after or after[:1].islower()  # "(Report ... (Washington: ...)) was rewritten"
                cited = any(ch.isdigit() for ch in inner) and not rx.NUMBER_ONLY.match(inner)
                if at_end and cited and (led or rx.PROSE_RUN.search(before)):
                    return open_at + 1, i
    return None


def trailing_remark(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A parenthesis closing the piece that gives another copy: "..., 1957–HAC–Annual Meeting (also
    available online at Department of State, ... website, https://...)" -> (where the piece now
    ends, the remark's start, its end)."""
    piece = text[start:end].rstrip(" .")
    if not piece.endswith(")"):
        return None
    close = start + len(piece) - 1
    depth = 0
    for i in range(close, start - 1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                inner = text[i + 1 : close]
                if rx.AVAILABLE_AT.match(inner) and i > start:
                    return i, i + 1, close
                return None
    return None


def skip_prose_lead(text: str, start: int, end: int) -> int:
    """Where a document line starts after prose: "This was a response to Walter Bedell Smith to
    U.S. Embassy Tokyo ..., NARA, ..." -> at "Walter". Only a correspondence line after the prose
    counts ("memorandum of conversation between Dulles and ..." is a description, kept whole)."""
    free = _outside(text, start, end)
    first = next((i for i in range(start, end) if text[i] == "," and free[i - start]), end)
    for run in rx.PROSE_RUN.finditer(text, start, first):
        nxt = rx.NEXT_CAPITAL.match(text, run.end(), first)
        if nxt and rx.CORRESPONDENCE_LINE.match(text[nxt.end() : first]):
            return nxt.end()
    return start


def cut_prose_tail(text: str, start: int, end: int) -> int:
    """Where a piece's citation ends before a clause of prose after it: "..., Box 8, Yalta-Malta
    Papers, etc., 1955, Dulles solicited information about the use of ..." -> before ", Dulles"."""
    free = _outside(text, start, end)
    pos = start
    for i in range(start, end + 1):
        if i == end or (text[i] == "," and free[i - start]):
            segment = text[pos:i]
            if pos > start and _prose(segment):
                return pos - 1 if text[pos - 1] == "," else pos
            pos = i + 1
    return end


def _prose(segment: str) -> bool:
    """A clause of prose: four lower-case words in a row outside quotes, and no digit in them."""
    bare = rx.QUOTED_OR_BRACKETED.sub(" ", segment)
    m = rx.PROSE_RUN.search(bare)
    return m is not None and not rx.NOTE_PAGE_REF.search(bare)
