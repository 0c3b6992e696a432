"""Date phrases around the grammar's dates (entities only): ranges of two dates, halves, fiscal
years, seasons' ranges, centuries, a day alone, bracketed days, and years that are code numbers."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nerpipe.dates import date_phrases, find_dates, is_code_year
from nerpipe.extract import extract


def _dates(nlp: Language, text: str) -> list[str]:
    return [s.text for s in extract(text, "t", nlp=nlp).spans if s.label == "DATE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From the 1950s to the 1980s, Cold War imperatives", "1950s to the 1980s"),
        ("historians from the late 1940s to the early 1960s,", "late 1940s to the early 1960s"),
        ("vol. X, Cuba, January 1961–September 1962 (https://x)", "January 1961–September 1962"),
        ("Documentation, January 1–December 31, 2002,” Federation", "January 1–December 31, 2002"),
        ("transparency in the first half of the 1990s. After", "first half of the 1990s"),
        ("Authorization Act, FY 2002 and 2003,”", "FY 2002"),
        ("Studies in Intelligence, Winter-Spring 2001, pp. 63–67", "Winter-Spring 2001"),
        ("its original 19th century function", "19th century"),
        ("the maturing 20th-century paradigm", "20th-century"),
        ("“Foreign Relations in the 21st Century: A Proposal,”", "21st Century"),
        ("Covert Actions in ‘60s,” Washington Post", "60s"),
        ("at a press conference on the 23rd, and", "23rd"),
        ("Committee on April [19],” [April 14, 1955?]", "April [19]"),
        ("Chapter 12: Implementing the FRUS Statute, 1992–2002To avoid a review", "1992–2002"),
        ("Briefing Book No. 4, [no date—1997], http://x", "1997"),
        ("from the defeat at Bull Run during the summer, publicly", "summer"),
    ],
)
def test_date_phrases_found(nlp: Language, text: str, expected: str) -> None:
    assert expected in _dates(nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("between 1950 and 1960 the series grew", "1950 and 1960"),  # "and": two dates
        ("in 1965 to the surprise of many", "1965 to the surprise"),
        ("See also “S. 1801—Public Interest Declassification Act”", "1801"),  # a bill's number
        ("Department of State, SAS, 2002 ATHENS 002867.", "2002"),  # a telegram's number
        ("the fall of Saigon", "fall"),  # the noun, not the season
        ("north of the 38th parallel", "38th"),
        ("the 20th Party Congress", "20th"),
    ],
)
def test_date_phrases_near_misses(nlp: Language, text: str, absent: str) -> None:
    assert absent not in _dates(nlp, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("S. 1801 passed", True),
        ("H.R. 1965 passed", True),
        ("2002 ATHENS 002867", True),
        ("in 1801 it", False),
    ],
)
def test_is_code_year(text: str, code: bool) -> None:
    (d,) = [d for d in find_dates(text) if d.text.isdigit()]
    assert is_code_year(text, d) is code


@pytest.mark.parametrize(
    ("text", "norm"),
    [("From the 1950s to the 1980s", "195X/198X"), ("Cuba, January 1961–September 1962", "1961-01/1962-09")],
)
def test_date_phrases_range_value(text: str, norm: str) -> None:
    (d,) = [d for d in date_phrases(text, list(find_dates(text))) if " " in d.text or "–" in d.text]
    assert d.norm == norm
