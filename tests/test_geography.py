"""Physical geography by name shape: rivers, seas, ranges, deserts, straits, lakes ... as LOC."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nerpipe.extract import extract
from nerpipe.geography import physical_spans

# (text, the feature that must be found by its shape alone)
SHAPES = [
    ("Explorers followed the Orinoco River upstream.", "Orinoco River"),  # X River
    ("the source of the River Niger", "River Niger"),  # River X
    ("The Zambezi Rivers and lakes", "Zambezi Rivers"),
    ("the fleet in the Sea of Azov", "Sea of Azov"),  # Sea of X
    ("trade on the Caspian Sea", "Caspian Sea"),  # X Sea
    ("across the Arctic Ocean", "Arctic Ocean"),  # X Ocean
    ("the Atlas Mountains of Morocco", "Atlas Mountains"),  # X Mountains
    ("the Drakensberg Range", "Drakensberg Range"),  # X Range
    ("Mount Kilimanjaro rose above the plain", "Mount Kilimanjaro"),  # Mount X
    ("the Kalahari Desert in 1890", "Kalahari Desert"),  # X Desert
    ("the Arabian Peninsula", "Arabian Peninsula"),  # X Peninsula
    ("the Gulf of Aden", "Gulf of Aden"),  # Gulf of X
    ("the Bay of Biscay", "Bay of Biscay"),  # Bay of X
    ("the Strait of Magellan", "Strait of Magellan"),  # Strait of X
    ("the Straits of Florida", "Straits of Florida"),
    ("the Korea Strait", "Korea Strait"),  # X Strait
    ("Lake Tanganyika", "Lake Tanganyika"),  # Lake X
    ("the Kuril Islands", "Kuril Islands"),  # X Islands
    ("the Po Valley", "Po Valley"),  # X Valley
    ("the Amazon Basin", "Amazon Basin"),  # X Basin
    ("round Cape Horn", "Cape Horn"),  # Cape X
    ("the Cape of Good Hope", "Cape of Good Hope"),
    ("the Kiel Canal was closed", "Kiel Canal"),  # X Canal, a place
    ("Across Lake Erie they rowed.", "Lake Erie"),  # not "Across Lake Erie"
    ("the Rio Grande Valley", "Rio Grande Valley"),  # three words
]

# (text, a string that must not be a LOC span)
NOT_SHAPES = [
    ("The River was wide.", "The River"),  # a determiner is no name
    ("the river and the Sea calmed", "Sea"),
    ("Mount Sinai Hospital opened a ward.", "Mount Sinai"),  # an institution named after a place
    ("the Suez Canal Company paid", "Suez Canal"),
    ("the Suez Canal Crisis of 1956", "Suez Canal"),  # an event, not a place
    ("the Gulf of Tonkin Resolution passed", "Gulf of Tonkin"),
    ("the Tennessee Valley Authority built dams", "Tennessee Valley"),
    ("up the Orinoco\nRiver", "Orinoco\nRiver"),  # never across a line
]


@pytest.mark.parametrize(("text", "feature"), SHAPES)
def test_physical_geography_found_by_shape(nlp: Language, text: str, feature: str) -> None:
    assert feature in [t for _, _, t in physical_spans(text)]
    spans = [(s.text, s.label) for s in extract(text, id="t", nlp=nlp).spans]
    assert (feature, "LOC") in spans


@pytest.mark.parametrize(("text", "wrong"), NOT_SHAPES)
def test_physical_geography_near_misses(nlp: Language, text: str, wrong: str) -> None:
    spans = [s.text for s in extract(text, id="t", nlp=nlp).spans if s.label == "LOC"]
    assert wrong not in spans


@pytest.mark.parametrize(
    ("text", "inner", "whole"),
    [
        ("the Mekong River delta", "Mekong", "Mekong River"),  # a known river's name stays inside
        ("the Lake Chad basin", "Chad", "Lake Chad"),  # a country's name inside a lake's
    ],
)
def test_physical_geography_holds_gazetteer_names(nlp: Language, text: str, inner: str, whole: str) -> None:
    spans = [s.text for s in extract(text, id="t", nlp=nlp).spans]
    assert whole in spans
    assert inner not in spans
