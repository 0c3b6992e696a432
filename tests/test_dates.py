"""The date grammar: what a DATE span covers, and its TIMEX3 value."""

from __future__ import annotations

import pytest

from nerpipe.dates import find_dates, parse_date

# (text, the date span's text, norm, mod)
DATES = [
    ("April 1, 1965", "April 1, 1965", "1965-04-01", None),
    ("on 9th July 1966,", "9th July 1966", "1966-07-09", None),
    ("21.01.1978", "21.01.1978", "1978-01-21", None),
    ("on the 28th of August 1970", "28th of August 1970", "1970-08-28", None),
    ("February, 1978", "February, 1978", "1978-02", None),
    ("November 13 1973", "November 13 1973", "1973-11-13", None),
    ("29 VII, 1976", "29 VII, 1976", "1976-07-29", None),
    ("5 VI, 1978", "5 VI, 1978", "1978-06-05", None),
    ("in 1965 the", "1965", "1965", None),
    ("1946-1954", "1946-1954", "1946/1954", None),
    ("1946–1954", "1946–1954", "1946/1954", None),
    ("from 1930 to 1954", "1930 to 1954", "1930/1954", None),
    ("in 1965-66", "1965-66", "1965/1966", None),
    ("January 24-26, 1973", "January 24-26, 1973", "1973-01-24/1973-01-26", None),
    (
        "from the 1st to the 6th of August, 1978",
        "1st to the 6th of August, 1978",
        "1978-08-01/1978-08-06",
        None,
    ),
    ("on 1-6 August, 1978", "1-6 August, 1978", "1978-08-01/1978-08-06", None),
    ("August 1-6, 1978", "August 1-6, 1978", "1978-08-01/1978-08-06", None),
    ("In December-January 1977-1978,", "December-January 1977-1978", "1977-12/1978-01", None),
    ("In April-May 1970,", "April-May 1970", "1970-04/1970-05", None),
    ("December-January 1978", "December-January 1978", "1977-12/1978-01", None),
    ("second quarter 1966", "second quarter 1966", "1966-Q2", None),
    ("the fourth quarter of 1977", "fourth quarter of 1977", "1977-Q4", None),
    ("in the first half of 1976", "first half of 1976", "1976-H1", None),
    ("second half of 1954", "second half of 1954", "1954-H2", None),
    ("the summer of 1965", "summer of 1965", "1965-SU", None),
    ("in the spring of 1973", "spring of 1973", "1973-SP", None),
    ("autumn 1968", "autumn 1968", "1968-FA", None),
    ("the winter of 1950", "winter of 1950", "1950-WI", None),
    ("fall 1964", "fall 1964", "1964-FA", None),
    ("in the mid-sixties, when", "mid-sixties", "196X", "MID"),
    ("even in the eighties", "eighties", "198X", None),
    ("the 1970s", "1970s", "197X", None),
    ("in the late 1950s", "late 1950s", "195X", "END"),
    ("early 1960s", "early 1960s", "196X", "START"),
    ("mid-1970s", "mid-1970s", "197X", "MID"),
    ("by the end of 1954", "end of 1954", "1954", "END"),
    ("in the beginning of 1974", "beginning of 1974", "1974", "START"),
    ("the beginning of the 1970s", "beginning of the 1970s", "197X", "START"),
    ("the middle of November 1976", "middle of November 1976", "1976-11", "MID"),
    ("at the end of January 1979", "end of January 1979", "1979-01", "END"),
    ("late 1975", "late 1975", "1975", "END"),
    ("early 1946", "early 1946", "1946", "START"),
    ("in June 1951", "June 1951", "1951-06", None),
    ("In September 1976,", "September 1976", "1976-09", None),
    ("Sept. 3, 1954", "Sept. 3, 1954", "1954-09-03", None),
    ("Jan. 1950", "Jan. 1950", "1950-01", None),
    ("on March 18, 1970.", "March 18, 1970", "1970-03-18", None),
    ("on the 4th of September 1970", "4th of September 1970", "1970-09-04", None),
    ("14 August 1993", "14 August 1993", "1993-08-14", None),
    ("Barvikha 14 August 1993", "14 August 1993", "1993-08-14", None),
    ("in the morning of May 28, the", "May 28", "XXXX-05-28", None),
    ("Beijing, April 4.", "April 4", "XXXX-04-04", None),
    ("on the 10th of July the", "10th of July", "XXXX-07-10", None),
    ("In March Pol Pot", "March", "XXXX-03", None),
    ("until September the", "September", "XXXX-09", None),
    ("October 1976 Plenary", "October 1976", "1976-10", None),
    ("12.03.1971", "12.03.1971", "1971-03-12", None),
    ("1 Oct 1949", "1 Oct 1949", "1949-10-01", None),
    ("June 25, 1950", "June 25, 1950", "1950-06-25", None),
    ("the 1950s and 1960s", "1950s", "195X", None),
    ("in 2003,", "2003", "2003", None),
    ("from 1955 to 1959 revealed", "1955 to 1959", "1955/1959", None),
]

NOT_DATES = [
    "file 1062",
    "Fund 5, inventory 75, file 1061",
    "p. 1965",
    "pp. 1970-1975",
    "24 years",
    "ten days",
    "now and later",
    "at that time",
    "the year 12000",
    "81 mm. mortars",
    "inventory, 1975",
    "No. 1970",
    "N10",
    "he may go",
    "to march on",
]


@pytest.mark.parametrize(("text", "span", "norm", "mod"), DATES, ids=[d[0] for d in DATES])
def test_find_dates_span_and_norm(text: str, span: str, norm: str, mod: str | None) -> None:
    found = list(find_dates(text))
    assert found, f"no date in {text!r}"
    first = found[0]
    assert (first.text, first.norm, first.mod) == (span, norm, mod)
    assert text[first.start : first.end] == span


@pytest.mark.parametrize("text", NOT_DATES)
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert list(find_dates(text)) == []


def test_date_table_is_large_enough() -> None:
    assert len(DATES) >= 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Record of ... from the 1st to the 6th of August, 1978. August 17, 1978", "1978-08-17"),
        ("no date here", None),
    ],
)
def test_parse_date_takes_the_last_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_two_dates_joined_by_and_are_two_spans() -> None:
    found = [d.text for d in find_dates("at the end of January and the beginning of February 1973")]
    assert found[-1] == "beginning of February 1973"
