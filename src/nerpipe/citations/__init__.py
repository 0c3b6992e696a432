"""Citations: find them in a text, parse archival locators of every tradition, resolve short forms.

The stage reads as its data flow: `locators` (the level grammar of one locator), `notes`
(cutting a footnote into its citations), `find` (where citations stand: brackets, notes, inline,
the reference list), `resolve` (ibid, "(henceforth X)", reference-list links). It imports
`models`, `regexes`, `levels`, `archives` and `dates`, never the stages after it.
"""

from __future__ import annotations

from nerpipe.citations.find import (
    find_citations,
    format_pages,
    locator_codes,
    parse_citation,
    parse_pages,
    periodical_names,
    person_spans,
)
from nerpipe.citations.resolve import resolve

__all__ = [
    "find_citations",
    "format_pages",
    "locator_codes",
    "parse_citation",
    "parse_pages",
    "periodical_names",
    "person_spans",
    "resolve",
]
