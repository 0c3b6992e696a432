"""Property tests: strings generated from the grammar round-trip to their fields, and arbitrary
text never makes the parsers raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nerpipe import parse_citation
from nerpipe.archives import canonical_archive
from nerpipe.citations import find_citations
from nerpipe.dates import find_dates
from nerpipe.layout import repair
from nerpipe.resolve import resolve

ARCHIVES = ["RSAMH", "RGANI", "TsKhSD", "RGASPI", "GARF", "AVPRF", "APRF", "РГАНИ"]
FUND_WORDS = ["Fund", "fond", "f.", "Ф."]
INVENTORY_WORDS = ["inventory", "opis", "op.", "list", "Оп."]
FILE_WORDS = ["file", "delo", "d.", "document", "Д."]
PAGE_WORDS = ["p.", "pp.", "l.", "ll."]
SEPARATORS = [", ", ". ", " "]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SURNAMES = ["Chanda", "Kiernan", "Gaiduk", "Morris", "Westad", "Zubok", "Nguyen", "Goscha", "Quinn-Judge"]

number = st.integers(min_value=1, max_value=99999).map(str)


@st.composite
def archival(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    archive = draw(st.sampled_from(ARCHIVES))
    fund, inventory, file = draw(number), draw(number), draw(number)
    first = draw(st.integers(1, 900))
    last = draw(st.integers(first, first + 50))
    sep = draw(st.sampled_from(SEPARATORS))
    pages = f"{draw(st.sampled_from(PAGE_WORDS))} {first}" + (f"-{last}" if last != first else "")
    text = sep.join(
        [
            archive,
            f"{draw(st.sampled_from(FUND_WORDS))} {fund}",
            f"{draw(st.sampled_from(INVENTORY_WORDS))} {inventory}",
            f"{draw(st.sampled_from(FILE_WORDS))} {file}",
            pages,
        ]
    )
    return text, {
        "archive": canonical_archive(archive),
        "fund": fund,
        "inventory": inventory,
        "file": file,
        "pages": [(first, last)],
    }


@given(archival())
@settings(max_examples=200, deadline=None)
def test_archival_strings_round_trip(case: tuple[str, dict[str, object]]) -> None:
    text, fields = case
    (record,) = parse_citation(text)
    assert {k: getattr(record, k) for k in fields} == fields


@given(st.sampled_from(SURNAMES), st.integers(1900, 2030), st.one_of(st.none(), st.integers(1, 999)))
@settings(max_examples=100, deadline=None)
def test_author_year_round_trips(surname: str, year: int, page: int | None) -> None:
    text = f"{surname} {year}" + (f", p. {page}" if page else "")
    (record,) = parse_citation(text)
    assert (record.kind, record.authors, record.year) == ("bibliographic", [surname], str(year))
    assert record.pages == ([(page, page)] if page else None)


@given(st.sampled_from(MONTHS), st.integers(1, 28), st.integers(1800, 2040))
@settings(max_examples=100, deadline=None)
def test_dates_round_trip(month: str, day: int, year: int) -> None:
    (date,) = list(find_dates(f"on {month} {day}, {year} the"))
    assert date.norm == f"{year:04d}-{MONTHS.index(month) + 1:02d}-{day:02d}"


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_raises(text: str) -> None:
    resolve(text, find_citations(text))
    parse_citation(text)
    list(find_dates(text))
    repair(text)


@given(
    st.lists(
        st.sampled_from(["(", ")", "Fund 5, ", "file 3", "p. 4", "Ibid.", "\n\n", "1978", " ", "see "]),
        max_size=80,
    )
)
@settings(max_examples=300, deadline=None)
def test_citation_shaped_noise_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    for c in resolve(text, find_citations(text)):
        assert text[c.start : c.end] == c.text


# Fragments that make dates, near-dates and long stretches without any date.
DATE_FRAGMENTS = [
    "in March", "the 1970s", "mid-sixties", "end of January 1979", "1946-1954", "29 VII, 1976",
    "21.01.1978", "April 1, 1965", "file 1062", "p. 1965", "summer of 1965", "the fourth quarter of 1977",
    "December-January 1977-1978", "beginning of the", "Pol Pot met Le Duan", "\n\n", " ", ", ",
    "x" * 150, "parties and authorities", "No. 1970", "Sept. 3, 1954", "1st to the 6th of August, 1978",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_FRAGMENTS), max_size=40), st.sampled_from(["", " ", "-", "\n"]))
def test_find_dates_in_windows_finds_what_the_whole_text_scan_finds(pieces: list[str], joiner: str) -> None:
    from nerpipe.regexes import DATE

    text = joiner.join(pieces)
    assert [(d.start, d.end) for d in find_dates(text)] == [(m.start(), m.end()) for m in DATE.finditer(text)]


NAME_POOL = ["Pol Pot", "Pol", "Pot", "Le Duan", "Le", "Duan", "Ieng Sary", "Sary", "Kim Il Sung", "Il"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*NAME_POOL, " ", ", ", "-", "x", "Polpot", "\n"]), max_size=40),
    st.sets(st.sampled_from(NAME_POOL), min_size=1),
)
def test_occurrences_are_those_of_the_regex_alternation(pieces: list[str], names: set[str]) -> None:
    import regex

    from nerpipe.entities import occurrences

    text = "".join(pieces)
    alternation = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    expected = [(m.start(), m.end()) for m in regex.finditer(rf"(?<![\w-])(?:{alternation})(?![\w])", text)]
    assert occurrences(text, names) == expected
