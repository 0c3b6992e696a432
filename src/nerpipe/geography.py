"""Physical geography by name shape (pure): rivers, seas, ranges, deserts, straits ... as LOC.

No list holds every river; the way their names are written does: "Orinoco River", "River
Thames", "Sea of Azov", "Caspian Sea", "Atlas Mountains", "Mount Kilimanjaro", "Gulf of Aden",
"Kalahari Desert", "Strait of Magellan", "Lake Tanganyika", "Cape Horn". One regex pass over
the text (`regexes_geo.PHYSICAL`), like the event and compass scans: no Matcher word tests.

    >>> [text for _, _, text in physical_spans("We crossed the Orinoco River to the Sea of Azov.")]
    ['Orinoco River', 'Sea of Azov']
"""

from __future__ import annotations

import regex

from nerpipe import regexes_geo as rx
from nerpipe.entities import Candidate

RULE = "rule:physical-geography"


def physical_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every feature named by its shape, not an institution named after one.

    >>> physical_spans("Mount Sinai Hospital and the Suez Canal Company")
    []
    """
    out: list[tuple[int, int, str]] = []
    for m in _matches(text):
        last = m.group().rsplit(" ", 1)[-1]
        after = rx.NEXT_WORD.match(text, m.end())
        if rx.INSTITUTION_WORD.fullmatch(last) or (after and rx.INSTITUTION_WORD.fullmatch(after.group(1))):
            continue
        out.append((m.start(), m.end(), m.group()))
    return out


def physical_candidates(text: str) -> list[Candidate]:
    """The features as LOC candidates of the generic rule `rule:physical-geography`."""
    return [Candidate(start, end, "LOC", RULE, "rule") for start, end, _ in physical_spans(text)]


def _matches(text: str) -> list[regex.Match[str]]:
    """`PHYSICAL.finditer(text)`, run only in windows around head words: most text has none."""
    windows: list[list[int]] = []
    for head in rx.GEO_ANY_HEAD.finditer(text):
        start, end = max(0, head.start() - rx.GEO_REACH), min(len(text), head.end() + rx.GEO_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    found: list[regex.Match[str]] = []
    for start, end in windows:
        for m in rx.PHYSICAL.finditer(text, start, end):
            # a match that touches a window's edge may be cut: it is taken only whole
            if (m.start() > start or start == 0) and (m.end() < end or end == len(text)):
                found.append(m)
    return found
