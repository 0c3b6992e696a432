"""Date grammar: find calendar expressions in text and normalise them to TIMEX3-style values.

The grammar is the `DATE` pattern in `regexes.py`; this module turns its named groups into a
value at the precision the text gives:

    "April 1, 1965"                  -> 1965-04-01
    "9th July 1966", "21.01.1978"    -> 1966-07-09, 1978-01-21
    "29 VII, 1976"                   -> 1976-07-29   (Roman month)
    "February, 1978"                 -> 1978-02
    "second quarter 1966"            -> 1966-Q2
    "summer of 1965"                 -> 1965-SU
    "mid-sixties", "the 1970s"       -> 196X (mod MID), 197X
    "1946-1954", "January 24-26, 1973" -> 1946/1954, 1973-01-24/1973-01-26
    "end of 1954"                    -> 1954 (mod END)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import regex

from nerpipe import regexes as rx
from nerpipe.months import FOREIGN_MONTHS, fold
from nerpipe.regexes import DATE

T = TypeVar("T")

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
ROMAN = {
    r: i
    for i, r in enumerate(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1)
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
MODS = {
    "early": "START", "beginning": "START", "start": "START",
    "mid": "MID", "middle": "MID",
    "late": "END", "end": "END",
}  # fmt: skip


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: character offsets, the matched text, its value and modifier."""

    start: int
    end: int
    text: str
    norm: str | None
    mod: str | None = None


def _month(word: str | None) -> int | None:
    if not word:
        return None
    foreign = FOREIGN_MONTHS.get(fold(word))
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or ROMAN.get(word.upper()) or foreign


def _slash_date(a: str, b: str, year_text: str) -> str | None:
    """ "15/3/1970" (day first), "2/14/78" (month first): the order is the one that makes a date;
    when both do, a two-digit year is the US memo style (month/day/year, 19xx) and a four-digit
    one the European day/month/year."""
    first, second = int(a), int(b)
    year = int(year_text) if len(year_text) == 4 else 1900 + int(year_text)
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first or len(year_text) == 2:
        month, day = first, second
    else:
        day, month = first, second
    return _ymd(year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 4 else None


def _ymd(year: int | None, month: int | None = None, day: int | None = None) -> str:
    out = f"{year:04d}" if year else "XXXX"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def _day(text: str | None) -> int | None:
    return int("".join(ch for ch in text if ch.isdigit())) if text else None


def normalise(m: regex.Match[str]) -> tuple[str | None, str | None]:
    """Turn one match of `DATE` into (TIMEX3 value, mod).

    Group names say what each piece is; the first group set decides the form.
    """
    g = m.groupdict()
    mod = None
    if g.get("mod"):
        word = "".join(ch for ch in g["mod"].lower() if ch.isalpha())
        mod = next((v for k, v in MODS.items() if word.startswith(k)), None)
    if g.get("half"):
        return f"{g['half_year']}-H{ORDINALS[g['half'].lower()]}", None
    if g.get("quarter"):
        return f"{g['quarter_year']}-Q{ORDINALS[g['quarter'].lower()]}", None
    if g.get("season"):
        return f"{g['season_year']}-{SEASONS[g['season'].lower()]}", None
    if g.get("decade_word"):
        century = g.get("decade_century") or "19"
        return f"{century}{DECADE_WORDS[g['decade_word'].lower()]}X", mod
    if g.get("decade"):
        return f"{g['decade'][:3]}X", mod
    if g.get("slash_year"):
        return _slash_date(g["slash_a"], g["slash_b"], g["slash_year"]), None
    if g.get("numeric_year"):
        d, m_, y = int(g["numeric_day"]), int(g["numeric_month"]), int(g["numeric_year"])
        return (_ymd(y, m_, d) if 1 <= m_ <= 12 and 1 <= d <= 31 else None), None
    if g.get("range_year1"):
        y1, y2 = g["range_year1"], g["range_year2"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        m1, m2 = _month(g.get("range_month1")), _month(g.get("range_month2"))
        if m1 and m2:
            return f"{_ymd(int(y1), m1)}/{_ymd(int(y2), m2)}", None
        return f"{y1}/{y2}", mod
    if g.get("mm_year"):
        end_year = int(g["mm_year"])
        m1, m2 = _month(g["mm_month1"]), _month(g["mm_month2"])
        start_year = end_year - 1 if m1 and m2 and m1 > m2 else end_year
        return f"{_ymd(start_year, m1)}/{_ymd(end_year, m2)}", None
    year = _year(g.get("year"))
    month = _month(g.get("month"))
    day1, day2 = _day(g.get("day")), _day(g.get("day2"))
    if day2 and month:
        return f"{_ymd(year, month, day1)}/{_ymd(year, month, day2)}", None
    if month:
        return _ymd(year, month, day1), mod
    if year:
        return f"{year:04d}", mod
    return None, mod


def find_dates(text: str) -> Iterator[DateMatch]:
    """Yield every date expression in `text`, left to right, without overlaps.

    >>> [d.norm for d in find_dates("on April 1, 1965 and in the summer of 1965")]
    ['1965-04-01', '1965-SU']
    """
    for start, end in windows(text):
        for m in DATE.finditer(text, start, end):
            norm, mod = normalise(m)
            yield DateMatch(m.start(), m.end(), m.group(), norm, mod)


# Up to this length a text is searched whole (if `may_hold_date`), not in windows.
SHORT_TEXT = 2 * (rx.DATE_REACH_BEFORE + rx.DATE_REACH_AFTER)


def may_hold_date(text: str) -> bool:
    """Does `text` hold a digit, a decade word or a month name (what every date holds)?

    >>> may_hold_date(", p. 35"), may_hold_date("in March"), may_hold_date("Record of conversation")
    (True, True, False)
    """
    return rx.DIGITS.search(text) is not None or any(w in text for w in rx.DATE_ANCHOR_WORDS)


def windows(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` a date can lie in: around digits, decade words and month names.

    Scanning the whole text with the date grammar costs a lookahead at every word boundary;
    digits are found by a plain character class, the words by `str.find`. The matches are
    those of the whole text: a stretch reaches well past any date (`regexes.DATE_REACH_*`),
    and lookbehinds see the text before it.

    A short text (a citation's description) is one window, or none if it holds no anchor.

    >>> windows("In the 1970s; " + "x" * 200 + " the sixties.")
    [(0, 41), (162, 227)]
    >>> windows("Record of conversation"), windows("in March")
    ([], [(0, 8)])
    """
    if len(text) <= SHORT_TEXT:
        return [(0, len(text))] if may_hold_date(text) else []
    anchors = [(m.start(), m.end()) for m in rx.DIGITS.finditer(text)]
    for word in rx.DATE_ANCHOR_WORDS:
        at = text.find(word)
        while at >= 0:
            anchors.append((at, at + len(word)))
            at = text.find(word, at + 1)
    anchors.sort()
    out: list[tuple[int, int]] = []
    for a, b in anchors:
        lo, hi = max(0, a - rx.DATE_REACH_BEFORE), min(len(text), b + rx.DATE_REACH_AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def last(items: Iterable[T]) -> T | None:
    """The last item of an iterable (the last match of a pattern), or None."""
    tail = deque(items, maxlen=1)
    return tail[0] if tail else None


def last_date(text: str) -> DateMatch | None:
    """The last date in `text`, normalising only that one (a citation's document date); a
    foreign month with its year ("dekabr' 1962") is read here too.

    >>> last_date("Spravka o polozhenii v Laose, dekabr' 1962").norm
    '1962-12'
    """
    if not may_hold_date(text):
        return None
    m = last(DATE.finditer(text))
    foreign = last(rx.FOREIGN_MONTH_YEAR.finditer(text))
    if foreign is not None and (m is None or (foreign.end() >= m.end() and foreign.start() < m.start())):
        m = foreign
    if m is None:
        return None
    norm, mod = normalise(m)
    return DateMatch(m.start(), m.end(), m.group(), norm, mod)


def parse_date(text: str) -> str | None:
    """The value of the last date in `text`, or None."""
    found = last_date(text)
    return found.norm if found else None


# -- date phrases around the grammar's dates (entities only: citation fields read `DATE` alone) --
# Two dates joined into one range: "January 1961–September 1962", "January 1–December 31, 2002",
# "late 1940s to the early 1960s", "1950s to the 1980s" (docs/annotation.md: a range said in one
# phrase is one span). Joined by "and" they stay two.
RANGE_JOIN = regex.compile(r"\s*[-–—]\s*|\s+to\s+(?:the\s+)?")
# "first half of the 1990s", "the second half of 1976": the half belongs to the span.
HALF_BEFORE = regex.compile(r"\b(?:[Ff]irst|[Ss]econd)\s+half\s+of\s+(?:the\s+)?$")
# "FY 2002": a fiscal year is a date with its mark.
FISCAL_BEFORE = regex.compile(r"\bFY\s?$")
# One regex per phrase: an alternation of them is tried at every character (0.05 s on a long
# chapter), each alone starts from its own literal and is a hundred times faster.
DATE_PHRASES = tuple(
    regex.compile(p, regex.VERBOSE)
    for p in (
        # "Winter-Spring 2001": a range of seasons before one year
        rf"(?<![\w-]){rx.SEASON}[-–]{rx.SEASON}\s+{rx.YEAR}(?!\w)",
        # "19th century", "20th-century", "early 21st Century", "the nineteenth century"
        r"""(?<![\w-])(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s])?
            (?:1\d|2[01]|[1-9])(?:st|nd|rd|th)[-\s][Cc]entury(?!\w)""",
        r"(?<![\w-])(?:[Ee]ighteenth|[Nn]ineteenth|[Tt]wentieth|[Tt]wenty-first)[-\s][Cc]entury(?!\w)",
        # "in ‘60s": a decade with its apostrophe (the apostrophe stays outside)
        r"[‘’'](?P<d>[1-9]0s)(?!\w)",
        # "on the 23rd": a day of the month named alone
        r"""\b[Oo]n\s+the\s+(?P<d>(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th))
            (?![-\w]|\s+(?:[Cc]entury|parallel|\p{Lu}))""",
        # "April [19]": an editor's bracketed day
        rf"(?<![\w-]){rx.MONTH_ALONE}\s+\[(?:3[01]|[12]\d|[1-9])\]",
        # "1992–2002To avoid": a range glued to the next word by extraction (a layout leak)
        rf"(?<![\w.\-–/]){rx.YEAR}[-–]{rx.YEAR}(?=\p{{Lu}}\p{{Ll}})",
        # "during the summer", "that winter": a season without a year ("fall" is also the noun);
        # what comes before is matched, not looked behind for
        r"""\b(?:[Dd]uring|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext)\s+(?:the\s+)?
            (?P<d>summer|winter|spring|autumn)(?![\w-]|\s+of\b)""",
    )
)
# A year that is a number of a bill or a telegram: "S. 1801", "H.R. 1965", "2002 ATHENS 002867"
# (docs/annotation.md: years inside unit codes are no DATE).
CODE_BEFORE = regex.compile(r"(?<![\w.])(?:S|H\.\s?R|H\.\s?J\.\s?Res|S\.\s?Res|S\.\s?J\.\s?Res)\.\s$")
CODE_AFTER = regex.compile(r"\s+\p{Lu}{3,}\s+\d{4,}")


def is_code_year(text: str, d: DateMatch) -> bool:
    """Is the date `d` a bill's or a telegram's number ("S. 1801", "2002 ATHENS 002867")?"""
    if not d.text.isdigit():
        return False
    return (
        CODE_BEFORE.search(text, max(0, d.start - 12), d.start) is not None
        or CODE_AFTER.match(text, d.end) is not None
    )


def date_phrases(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """Dates the grammar gives in pieces or not at all, as longer spans (they win by length):
    ranges of two dates, "first half of the 1990s", "FY 2002", seasons' ranges, centuries.

    >>> [d.text for d in date_phrases("From the 1950s to the 1980s, and in the 19th century", [])]
    ['19th century']
    >>> text = "From the 1950s to the 1980s"
    >>> [d.text for d in date_phrases(text, list(find_dates(text)))]
    ['1950s to the 1980s']
    """
    out: list[DateMatch] = []
    for d in dates:
        start, end, norm = d.start, d.end, d.norm
        join = RANGE_JOIN.match(text, end)
        if join:
            window = text[join.end() : join.end() + 60]  # sliced: the grammar's lookbehind sees no dash
            second = DATE.match(window)
            if second and second.group().strip():
                end = join.end() + second.end()
                value, _ = normalise(second)
                norm = f"{d.norm}/{value}" if d.norm and value else d.norm
        before = text[max(0, start - 40) : start]
        half = HALF_BEFORE.search(before) or FISCAL_BEFORE.search(before)
        if half:
            start -= len(before) - half.start()
        if (start, end) != (d.start, d.end):
            out.append(DateMatch(start, end, text[start:end], norm, d.mod))
    for pattern in DATE_PHRASES:
        for m in pattern.finditer(text):
            group = "d" if "d" in pattern.groupindex else 0
            out.append(DateMatch(m.start(group), m.end(group), m.group(group), None))
    return out
