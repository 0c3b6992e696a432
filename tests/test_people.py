"""People the gazetteers never saw: given names from a data package, name shapes, title cues,
speaker labels and propagation. Every name here is made up or general knowledge, none is taken
from a dev text; each table has rows that must be found and near misses that must not."""

from __future__ import annotations

import json

import pytest

from nerpipe.entities import _short_forms
from nerpipe.patterns import load_lexicon
from nerpipe.resources import patterns_dir

# -- the compiled given names ---------------------------------------------------------------
# (word, list it must be in: "given", "ambiguous" or None for neither)
GIVEN_NAMES = [
    ("Mohammad", "given"),  # Arabia/Persia
    ("Józef", "given"),  # Poland
    ("Patrice", "given"),  # France, Francophone Africa
    ("Gamal", "given"),  # Egypt
    ("Vittorio", "given"),  # Italy
    ("Shigeru", "given"),  # Japan: given name first in English writing
    ("Jawaharlal", None),  # not in the package: a known gap (README)
    ("Hope", "ambiguous"),  # a common English word
    ("Chase", "ambiguous"),
    ("Grant", "ambiguous"),
    ("Georgia", "ambiguous"),  # a country
    ("August", "ambiguous"),  # a month
    ("The", None),
    ("General", None),  # a title
    ("Von", None),  # a particle
    ("Cong", None),  # known only where the family name comes first
]


@pytest.mark.parametrize(("word", "where"), GIVEN_NAMES)
def test_given_names_compiled_from_the_package(word: str, where: str | None) -> None:
    lexicon = load_lexicon()
    assert (word in lexicon["given_names"]) is (where == "given")
    assert (word in lexicon["given_names_ambiguous"]) is (where == "ambiguous")


def test_given_names_record_their_source_and_licence() -> None:
    data = json.loads((patterns_dir() / "lexicon-given-names.json").read_text(encoding="utf-8"))
    assert data["_source"]["package"] == "gender-guesser"
    assert data["_source"]["version"] and "Free Documentation License" in data["_source"]["licence"]
    assert (patterns_dir() / "lexicon-given-names.json").stat().st_size < 5_000_000


# -- name shapes ----------------------------------------------------------------------------
SHAPES = [
    ("a cable from Walter K. Pennington to the embassy", "Walter K. Pennington"),
    ("signed by John F. X. Delahunt and others", "John F. X. Delahunt"),
    ("Lyman Asher Drury sailed for Lisbon", "Lyman Asher Drury"),  # the middle name, not cut
    ("the report of Oswald\nKeane Tilden was", "Oswald\nKeane Tilden"),  # cut by a line end
    ("an envoy, Otto von Reinholt, came", "Otto von Reinholt"),
    ("Johan van der Kolff wrote", "Johan van der Kolff"),
    ("Hafez al-Rashidi replied", "Hafez al-Rashidi"),
    ("we met W. E. B. Du Mont there", "W. E. B. Du Mont"),
    ("U. Alexis Pellham cabled", "U. Alexis Pellham"),
    ("Jean-Pierre Delorme arrived", "Jean-Pierre Delorme"),
    ("Félix Kaboré-Sanou spoke", "Félix Kaboré-Sanou"),
    ("Samuel P. Whitfield Jr. testified", "Samuel P. Whitfield Jr."),
    ("Thomas Ashby, Jr., wrote", "Thomas Ashby, Jr."),
    ("Robert McAllister and others", "Robert McAllister"),
    ("Daniel O'Rourke said", "Daniel O'Rourke"),
    ("Mohammad Qavamzadeh resigned", "Mohammad Qavamzadeh"),  # a given name from the package
    ("Hope M. Carrington wrote", "Hope M. Carrington"),  # an ambiguous one, with its initial
]


@pytest.mark.parametrize(("text", "name"), SHAPES, ids=[s[1] for s in SHAPES])
def test_name_shapes_give_the_whole_name(spans_of, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert (name, "PERSON") in spans_of(text)


# (text, a string that must not be a PERSON span)
SHAPE_MISSES = [
    ("Hope was fading in the capital.", "Hope"),  # an ambiguous given name without an initial
    ("Grant Park was full.", "Grant Park"),
    ("In May Britain refused.", "May Britain"),
    ("the Dean Acheson Papers", "Dean Acheson Papers"),  # a collection after the name
    ("the Lyman Asher Drury Bridge", "Lyman Asher Drury Bridge"),
    ("General Motors and General Electric", "Motors"),  # a company's head is no surname
    ("General Motors and General Electric", "Electric"),
    ("Walter K. Pennington Secretary of State", "Walter K. Pennington Secretary"),
]


@pytest.mark.parametrize(("text", "absent"), SHAPE_MISSES, ids=[s[1] for s in SHAPE_MISSES])
def test_name_shapes_near_misses(spans_of, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert (absent, "PERSON") not in spans_of(text)


# -- cues: titles and speaker labels --------------------------------------------------------
CUES = [
    ("Senator Pettigrew objected", "Pettigrew"),
    ("Emperor Menelik received them", "Menelik"),
    ("Sultan Abdülhamid refused", "Abdülhamid"),
    ("Chancellor Brüning resigned", "Brüning"),
    ("Ambassador Tillotson reported", "Tillotson"),
    ("Secretary Habersham agreed", "Habersham"),
    ("Shah Reza Pahlavi", "Reza Pahlavi"),
    ("General von Seeckt", "von Seeckt"),
    ("President al-Kuwatli", "al-Kuwatli"),
    ("Mr. Halvorsen. I yield.", "Halvorsen"),
    ("Lord Stratford de Redcliffe urged", "Stratford de Redcliffe"),  # a particle after the name
    ("Tsar Nicholas I ordered", "Nicholas I"),  # a regnal number
    ("Emperor Karl VIII abdicated", "Karl VIII"),
    # speaker labels of printed hearings: the surname alone, a PERSON
    ("\nMr. HALVORSEN. I yield the floor.\n", "HALVORSEN"),
    ("\nSenator McCARRAN. The hearing will resume.\n", "McCARRAN"),
    ("\nMrs. O'DELL. Yes.\n", "O'DELL"),
    ("\nMr. DODD. Thank you.\n", "DODD"),  # not the acronym rule's ORG
    ("Senator Jackson asked", "Jackson"),  # an honorific makes a person of a place's name
]


@pytest.mark.parametrize(("text", "name"), CUES, ids=[c[1] for c in CUES])
def test_title_cues_name_a_person_without_the_title(spans_of, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    spans = spans_of(text)
    assert (name, "PERSON") in spans
    assert not any(t == name and label != "PERSON" for t, label in spans)
    assert not any(label == "PERSON" and t.split()[0] in ("Mr.", "Senator", "General") for t, label in spans)


# (text, a string that must not be a PERSON span; with "any": no span at all)
CUE_MISSES = [
    ("\nThe CHAIRMAN. The committee will come to order.\n", "CHAIRMAN", "PERSON"),  # a title, no name
    ("\nMr. CHAIRMAN. I thank you.\n", "CHAIRMAN", "PERSON"),
    ("the USSR and NATO", "USSR", "PERSON"),
    ("\nSTATEMENT OF HON. WALTER PENNINGTON, ASSISTANT SECRETARY\n", "HON", "any"),  # a heading's words
    ("\nSTATEMENT OF HON. WALTER PENNINGTON, ASSISTANT SECRETARY\n", "ASSISTANT", "any"),
]


@pytest.mark.parametrize(("text", "absent", "label"), CUE_MISSES, ids=[c[1] for c in CUE_MISSES])
def test_title_cues_near_misses(spans_of, text: str, absent: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(t == absent and label in (found, "any") for t, found in spans_of(text))


# -- propagation ----------------------------------------------------------------------------
# (text, the later bare mention that must be PERSON, how many PERSON spans with that text)
PROPAGATED = [
    ("Lyman Asher Drury sailed. Drury returned.", "Drury", 1),
    ("Walter K. Pennington wrote. Pennington left.", "Pennington", 1),
    ("Charles de Vaucelles came. Later de Vaucelles left.", "de Vaucelles", 1),
    ("Charles de Vaucelles came. De Vaucelles left.", "De Vaucelles", 1),
    ("Hafez al-Rashidi came. Then Rashidi left.", "Rashidi", 1),
    ("Samuel P. Whitfield Jr. testified. Whitfield said no.", "Whitfield", 1),
    ("Félix Kaboré-Sanou spoke. Kaboré-Sanou left.", "Kaboré-Sanou", 1),
    ("\nMr. HALVORSEN. Yes.\nThe witness thanked HALVORSEN.", "HALVORSEN", 2),  # never the ORG
]


@pytest.mark.parametrize(("text", "name", "count"), PROPAGATED, ids=[p[1] for p in PROPAGATED])
def test_surnames_propagate_to_bare_mentions(spans_of, text: str, name: str, count: int) -> None:  # type: ignore[no-untyped-def]
    spans = spans_of(text)
    assert spans.count((name, "PERSON")) == count
    assert not any(t == name and label != "PERSON" for t, label in spans)


PROPAGATION_MISSES = [
    ("Harry S. Truman spoke. The Truman Doctrine followed.", "Truman", 0),  # named after him
    ("Lyman Asher Drury sailed. The Drury Plan failed.", "Drury", 0),
]


@pytest.mark.parametrize(
    ("text", "name", "count"), PROPAGATION_MISSES, ids=[p[1] for p in PROPAGATION_MISSES]
)
def test_surnames_do_not_propagate_into_names_of_plans(spans_of, text: str, name: str, count: int) -> None:  # type: ignore[no-untyped-def]
    assert spans_of(text).count((name, "PERSON")) == count


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Walter K. Pennington", ["Pennington"]),
        ("Charles de Vaucelles", ["de Vaucelles", "De Vaucelles", "Vaucelles"]),
        ("Johan van der Kolff", ["van der Kolff", "Van der Kolff", "Kolff"]),
        ("Hafez al-Rashidi", ["al-Rashidi", "Rashidi"]),
        ("Samuel P. Whitfield Jr.", ["Whitfield"]),
        ("Thomas Ashby, Jr.", ["Ashby"]),
        ("Félix Kaboré-Sanou", ["Kaboré-Sanou"]),
        ("Pennington, Walter K.", ["Pennington"]),
        ("HALVORSEN", []),  # one word: nothing shorter
        ("Le Duan", []),  # a Vietnamese family name alone names nobody
    ],
)
def test_short_forms(name: str, forms: list[str]) -> None:
    lexicon = load_lexicon()
    families = {n: "vietnamese" for n in lexicon["surnames_vietnamese"]}
    assert _short_forms(name, families, lexicon["name_particles"], lexicon["name_suffixes"]) == forms
