"""The conventions of historians' notes and organisations by grammar: tables of what must be
found and of near misses (all names made up or general knowledge, none from a dev text)."""

from __future__ import annotations

import pytest

from nerpipe.notes import imprint_spans, note_people, note_regions


def notes(*lines: str) -> str:
    """A short article with a Notes section holding `lines` as notes 1, 2, ..."""
    body = "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
    return f"A paragraph of prose about the question.\n\nNotes\n\n{body}\n"


# (text, span, label)
NOTES_FOUND = [
    (notes("Pennington to Habersham, May 2, 1931, NARA, RG 59, Box 5."), "Pennington", "PERSON"),
    (notes("Pennington to Habersham, May 2, 1931, NARA, RG 59, Box 5."), "Habersham", "PERSON"),
    (notes("Drury through Pennington to Habersham (with enclosures), June 3, 1931."), "Pennington", "PERSON"),
    (notes("Drury through Pennington to Habersham (with enclosures), June 3, 1931."), "Habersham", "PERSON"),
    (notes("Whitfield to Drury and enclosure, June 9, 1931."), "Whitfield", "PERSON"),
    (notes("Ambassador Tillotson to Habersham, May 4, 1931."), "Tillotson", "PERSON"),  # title off
    (notes("Drury memorandum, July 1, 1931."), "Drury", "PERSON"),
    (notes("Pennington minute of July 2, 1931."), "Pennington", "PERSON"),
    (notes("Box 4; and Whitfield to Drury, June 9, 1931."), "Whitfield", "PERSON"),  # a later unit
    (
        notes("See Everett T. Marsh and Ann C. Reid, The Diplomats (Boston: Little, 1953), 2."),
        "Ann C. Reid",
        "PERSON",
    ),
    (notes("Ann C. Reid, ed., Documents on the Pacific (Boston: Little, 1950), 3."), "Ann C. Reid", "PERSON"),
    # the imprint: place and publisher
    (
        notes("Ann C. Reid, The Diplomats (Princeton: Princeton University Press, 1953), 211."),
        "Princeton",
        "GPE",
    ),
    (
        notes("Marsh, Papers (New York: Harcourt, Brace and Company, 1948), 9."),
        "Harcourt, Brace and Company",
        "ORG",
    ),
    (
        notes("Marsh, Papers (Washington, DC: Government Printing Office, 1950)."),
        "Government Printing Office",
        "ORG",
    ),
    # archival unit codes are no organisations; the archive is
    (notes("Pennington to Habersham, May 2, 1931, NARA, RG 59, CDF 1930-1939."), "NARA", "ORG"),
]


@pytest.mark.parametrize(
    ("text", "span", "label"), NOTES_FOUND, ids=[f"{n[1]}-{i}" for i, n in enumerate(NOTES_FOUND)]
)
def test_notes_conventions_find(spans_of, text: str, span: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert (span, label) in spans_of(text)


# (text, a string that must not be a span with that label)
NOTES_MISSES = [
    # in running prose the note rules do not fire: no numbered note line
    ("Smothers to Kellner, the saying went, was a long way.", "Smothers", "PERSON"),
    (notes("Britain to France, the memorandum said, was delicate."), "Britain", "PERSON"),
    (notes("U.S. Embassy Tokyo to Secretary of State, May 1, 1931."), "Secretary of State", "PERSON"),
    (notes("U.S. Embassy Tokyo to Secretary of State, May 1, 1931."), "Embassy Tokyo", "PERSON"),
    (notes("Pennington to Habersham, May 2, 1931, NARA, RG 59, CDF 1930-1939."), "RG", "ORG"),
    (notes("Pennington to Habersham, May 2, 1931, NARA, RG 59, CDF 1930-1939."), "CDF", "ORG"),
    (notes("Minute, PRO, FO 371/12345."), "FO", "ORG"),  # a code before its number
]


@pytest.mark.parametrize(
    ("text", "span", "label"), NOTES_MISSES, ids=[f"{n[1]}-{i}" for i, n in enumerate(NOTES_MISSES)]
)
def test_notes_conventions_near_misses(spans_of, text: str, span: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert (span, label) not in spans_of(text)


@pytest.mark.parametrize(
    ("note", "people"),
    [
        ("Ellis to Barton, May 2, 1931.", ["Ellis", "Barton"]),
        ("Ellis memorandum, May 2.", ["Ellis"]),
        ("Ann Reid, ed., Papers, 3.", ["Ann Reid"]),
        ("Reid, ed., Papers, 3.", ["Reid"]),  # an editor's mark is enough
        ("Reid, Papers, 3.", []),  # an author before a title needs a given name or an initial
        ("Wilmington, The Cape Fear Papers, 12.", []),  # a place or a periodical reads the same
        ("A. Reid and Ellis Barton, The Title, 4.", ["A. Reid", "Ellis Barton"]),
        ("Secretary of State to Barton, May 2.", ["Barton"]),  # a title as one correspondent
        ("Memorandum from Ellis to Barton, May 2.", ["Ellis", "Barton"]),
        ("U.S. Embassy Tokyo to Department of State, May 2.", []),  # bodies on both sides
        ("The decision to withdraw, it said, was final.", []),  # prose: no names on either side
        ("Ambassador Ellis to Barton, May 2.", ["Ellis", "Barton"]),
    ],
)
def test_note_people(note: str, people: list[str]) -> None:
    text = f"Prose.\n1. {note}"
    given = {"Ann", "Ellis"}
    found = note_people(text, note_regions(text), lambda w: w[:1].isupper() and w.isalpha(), given.__contains__,
                        frozenset({"ambassador"}))  # fmt: skip
    assert [text[s:e] for s, e, _, _ in found] == people


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("Prose.\n\nNotes\n1. Ellis to Barton.\n2 Ibid., 4.", ["Ellis to Barton.", "Ibid., 4."]),
        ("Prose line\n12 See Barrow, Title, 4.\nMore prose.", ["See Barrow, Title, 4."]),
        ("In 1931 the office grew.\n1950 was a year.", []),  # a year never opens a note
        ("Prose with a number 12 inside a line.", []),
    ],
)
def test_note_regions_are_numbered_lines(text: str, bodies: list[str]) -> None:
    assert [text[s:e] for s, e in note_regions(text)] == bodies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(New York: Knopf, 1948)", [("New York", "GPE"), ("Knopf", "ORG")]),
        (
            "(Cambridge, MA: Harvard University Press, 2003), 12",
            [("Cambridge", "GPE"), ("MA", "GPE"), ("Harvard University Press", "ORG")],
        ),
        ("(Paris: Gallimard, 12 1961)", [("Paris", "GPE"), ("Gallimard", "ORG")]),
        ("(see: the text)", []),  # no year
        ("(Smith 1950: 12)", []),  # author-year with pages, no imprint
    ],
)
def test_imprint_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], label) for s, e, label, _ in imprint_spans(text)] == expected


# -- organisations by grammar ---------------------------------------------------------------
ORGS_FOUND = [
    ("the Committee on Foreign Relations met", "Committee on Foreign Relations"),
    ("the Subcommittee of Appropriations heard", "Subcommittee of Appropriations"),
    ("the Joint Committee on Atomic Energy", "Joint Committee on Atomic Energy"),
    ("the Bureau of Far Eastern Affairs", "Bureau of Far Eastern Affairs"),
    ("the Division of Historical Policy Research", "Division of Historical Policy Research"),
    ("the Research Division wrote", "Research Division"),
    ("the Colonial Office objected", "Colonial Office"),
    ("the Kwantung Army moved", "Kwantung Army"),
    ("the Tariff Commission ruled", "Tariff Commission"),
    ("the Central Intelligence Agency", "Central Intelligence Agency"),
    ("the Senate Committee on Naval Affairs", "Senate Committee on Naval Affairs"),
    # a job title after the name is not swallowed; the person is found beside it
    ("the House Committee on Naval Affairs Chair Ellery M. Pratt said", "House Committee on Naval Affairs"),
    ("the Tariff Commission Chairman Ellery M. Pratt said", "Tariff Commission"),
    ("General Motors and Standard Oil", "General Motors"),
    # short forms of a body named earlier
    ("the League of Nations met. Later the League voted.", "League"),
    ("the House Committee on Naval Affairs sat. Then the Committee refused.", "Committee"),
    ("the Military Junta ruled. The Junta fell.", "Junta"),
]


@pytest.mark.parametrize(("text", "span"), ORGS_FOUND, ids=[o[1] + str(i) for i, o in enumerate(ORGS_FOUND)])
def test_organisations_by_grammar(spans_of, text: str, span: str) -> None:  # type: ignore[no-untyped-def]
    assert (span, "ORG") in spans_of(text)


def test_job_title_after_a_committee_leaves_the_person(spans_of) -> None:  # type: ignore[no-untyped-def]
    spans = spans_of("the House Committee on Naval Affairs Chair Ellery M. Pratt said")
    assert ("Ellery M. Pratt", "PERSON") in spans
    assert not any("Chair" in t for t, _ in spans)


ORGS_MISSES = [
    ("Later the League voted.", "League"),  # no league named before
    ("the Committee refused. Then the House Committee on Naval Affairs sat.", "Committee"),  # named after
    ("the League of Nations met. Then the League Council sat.", "League"),  # another name follows
    ("the League of Nations met. the Committee on Appropriations", "Committee"),
    ("Princeton University Press printed it. The Press closed.", "Press"),  # a publisher's head
    ("the Nixon Administration decided", "Nixon Administration"),  # only the person
    ("the Versailles Treaty was signed", "Versailles Treaty"),  # an event
    ("\nHEARINGS BEFORE THE SUBCOMMITTEE\n", "BEFORE"),  # a heading's words are no acronyms
    ("\nHEARINGS BEFORE THE SUBCOMMITTEE\n", "THE"),
]


@pytest.mark.parametrize(
    ("text", "absent"), ORGS_MISSES, ids=[o[1] + str(i) for i, o in enumerate(ORGS_MISSES)]
)
def test_organisations_near_misses(spans_of, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert (absent, "ORG") not in spans_of(text)


# "Surname, Given" opening a reference-list or index line: (text, the PERSON span or None)
SURNAME_GIVEN = [
    ("Index\nDrury, Lyman Asher, 12, 45-47\n", "Drury, Lyman Asher"),
    (
        "Bibliography\nPennington, Walter K. The Historical Office. New York: Knopf, 1950.\n",
        "Pennington, Walter K.",
    ),
    ("Bibliography\nReid, Ann C., ed. Documents. Boston: Little, 1950.\n", "Reid, Ann C."),
    (
        "Bibliography\nMarsh, Everett T., and Ann C. Reid. The Diplomats. Boston: Little, 1953.\n",
        "Marsh, Everett T.",
    ),
    ("Prose.\nFinally, Harold Whitcombe left.\n", None),  # prose: nothing of an entry follows
    ("Prose.\nMoscow, Leonid said, was cold.\n", None),  # a place is no surname
    ("Prose.\nHowever, Walter K. Pennington. The next day\n", None),  # a stop word is no surname
]


@pytest.mark.parametrize(("text", "name"), SURNAME_GIVEN, ids=[str(n) for _, n in SURNAME_GIVEN])
def test_surname_given_lines(spans_of, text: str, name: str | None) -> None:  # type: ignore[no-untyped-def]
    people = [t for t, label in spans_of(text) if label == "PERSON" and ", " in t]
    assert people == ([name] if name else [])
