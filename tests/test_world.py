"""The world gazetteers compiled from data packages (patterns/*_world.jsonl): what they find,
what they must not take blindly, and that they are well-formed and small."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from nerpipe.extract import extract
from nerpipe.patterns import load_patterns
from nerpipe.resources import patterns_dir

WORLD_FILES = ("gpe_world.jsonl", "loc_world.jsonl")

# (text, span text, label): names no hand-written list holds, found through the data
FOUND = [
    ("Riots broke out in Pietermaritzburg in 1949.", "Pietermaritzburg", "GPE"),  # a city
    ("The plant at Bratsk opened in 1961.", "Bratsk", "GPE"),
    ("Coal came from Wollongong and Newcastle.", "Wollongong", "GPE"),
    ("The Kurds of Khūzestān rose again.", "Khūzestān", "GPE"),  # a province (ISO 3166-2)
    ("Troops entered Graubünden.", "Graubünden", "GPE"),
    ("the Swiss canton of Graubunden", "Graubunden", "GPE"),  # diacritics folded
    ("Austria-Hungary declared war in 1914.", "Austria-Hungary", "GPE"),  # a historic state
    ("Manchukuo was proclaimed in 1932.", "Manchukuo", "GPE"),
    ("Upper Volta became Burkina Faso.", "Upper Volta", "GPE"),  # ISO 3166-3
    ("the Confederate States of America seceded", "Confederate States of America", "GPE"),
    ("the colony of Nyasaland", "Nyasaland", "GPE"),
    ("Katangan troops held Elisabethville in 1961.", "Elisabethville", "GPE"),  # a former name
    ("the Austrian garrison of Lemberg", "Lemberg", "GPE"),
    ("drought across the Sahel in 1973", "Sahel", "LOC"),  # a region, not Burkina Faso's province
    ("Settlers crossed the Great Plains.", "Great Plains", "LOC"),
    ("the British Virgin Islands", "British Virgin Islands", "GPE"),  # "Virgin Islands, British"
    # a common word or a person's name with a place cue
    ("He was born in Reading in 1870.", "Reading", "GPE"),
    ("the port of Mobile fell in 1865", "Mobile", "GPE"),
    ("They sailed from Split to Venice.", "Split", "GPE"),
    ("She moved to Nice, France.", "Nice", "GPE"),
    ("a house near Bath", "Bath", "GPE"),
    ("She lived in Lincoln, Nebraska.", "Lincoln", "GPE"),
    ("Talks in Washington began.", "Washington", "GPE"),
    ("King Hussein of Jordan", "Jordan", "GPE"),
    # a given name before a place's name: the person
    ("George Washington crossed the river.", "George Washington", "PERSON"),
    ("Michael Jordan played.", "Michael Jordan", "PERSON"),
    ("President George Washington", "George Washington", "PERSON"),  # a title before
    # a person's name that is a gated place: the surname of the full name, propagated
    ("Abraham Lincoln spoke. Lincoln was shot.", "Lincoln", "PERSON"),
]

# (text, a string that must not be a GPE or LOC span)
NOT_PLACES = [
    ("Reading lists were long.", "Reading"),
    ("a Nice idea, he said", "Nice"),
    ("The Mobile units moved.", "Mobile"),
    ("The Split between them widened.", "Split"),
    ("a Bath chair", "Bath"),
    ("The menu offered Green Chile Stew.", "Chile"),  # inside a capitalised name of a dish
    ("Hamilton to Jackson, May 2, 1931.", "Jackson"),  # correspondence: a person
    ("The letter went to Victoria.", "Victoria"),  # "to" is no cue for a person's name
    ("at Lincoln's request", "Lincoln"),
    ("the Virgin Islands, British and American", "British"),  # a nationality, never a place
    ("Of the seven, four came.", "Of"),  # a town in Turkey, and a function word: dropped
    ("Unity, Progress and Reform were its watchwords.", "Unity"),  # a state of South Sudan
    ("The Bay was calm that night.", "Bay"),  # a region of Somalia; a common word
]


@pytest.mark.parametrize(("text", "span", "label"), FOUND)
def test_world_data_finds_places(nlp: Language, text: str, span: str, label: str) -> None:
    spans = [(s.text, s.label) for s in extract(text, id="t", nlp=nlp).spans]
    assert (span, label) in spans


@pytest.mark.parametrize(("text", "word"), NOT_PLACES)
def test_world_data_does_not_take_ambiguous_names_blindly(nlp: Language, text: str, word: str) -> None:
    spans = [s.text for s in extract(text, id="t", nlp=nlp).spans if s.label in ("GPE", "LOC")]
    assert word not in spans


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("George Washington crossed it; Washington was tired.", "George Washington", "Washington"),
        # the given name must open the name: "Chet" inside "Chou Chet" gives no "Chet Cambodia"
        ("the leaders of post-Chou Chet Cambodia", None, "Cambodia"),
        ("Chou Chet Cambodia", None, "Cambodia"),
    ],
)
def test_given_name_before_place(nlp: Language, text: str, person: str | None, place: str) -> None:
    spans = [(s.text, s.label) for s in extract(text, id="t", nlp=nlp).spans]
    if person:
        assert (person, "PERSON") in spans
    assert (place, "GPE") in spans
    assert not any(label == "PERSON" and t.endswith(" " + place) and t != person for t, label in spans)


@pytest.mark.parametrize("name", WORLD_FILES)
def test_world_files_are_small_and_say_their_source(name: str) -> None:
    path = patterns_dir() / name
    assert path.stat().st_size < 5_000_000
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 50
    for row in rows:
        assert row["source"].startswith(("data:", "world:")), row
        assert row.get("gate") in (None, "place-cue", "name-cue"), row


def test_world_entries_never_shadow_hand_written_ones() -> None:
    entries = load_patterns()
    hand = {(e.label, e.pattern) for e in entries if not (e.source or "").startswith(("data:", "world:"))}
    world = [(e.label, e.pattern) for e in entries if (e.source or "").startswith(("data:", "world:"))]
    assert world
    assert not hand & set(world)
    assert len(world) == len(set(world))
