"""The Aho-Corasick gazetteer: what it matches, where it stops, and that it finds what spaCy's
PhraseMatcher on ORTH finds."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from nerpipe.gazetteer import Gazetteer, place_cue
from nerpipe.patterns import load_patterns
from nerpipe.pipeline import token_bounds, token_offsets

ENTRIES = [
    ("Hanoi", "GPE", "gpe:hanoi", None, "gazetteer"),
    ("Phnom Penh", "GPE", "gpe:phnom-penh", None, "data"),
    ("U.S.", "GPE", "gpe:usa", None, "data"),
    ("Pol Pot", "PERSON", "person:pol-pot", None, "data"),
    ("Pol", "PERSON", "person:pol", None, "data"),
    ("Reading", "GPE", "gpe:reading", "place-cue", "data"),
    ("Pennsylvania", "GPE", "gpe:pennsylvania", None, "data"),
]

# (text, (matched text, label) pairs that must be found, matched texts that must not)
MATCHES = [
    ("Talks in Phnom Penh and Hanoi.", [("Phnom Penh", "GPE"), ("Hanoi", "GPE")], []),
    ("U.S.-led forces", [("U.S.", "GPE")], []),  # the infix rule splits "U.S." off
    ("Pol Pot's men", [("Pol Pot", "PERSON"), ("Pol", "PERSON")], []),  # overlaps go to `select`
    ("Hanoians and Polish troops", [], ["Hanoi", "Pol"]),  # never inside a word
    ("Phnom\nPenh", [], ["Phnom\nPenh"]),  # a phrase is its words with single spaces
    ("born in Reading, he left", [("Reading", "GPE")], []),  # gated: a preposition before
    ("Reading, Pennsylvania", [("Reading", "GPE"), ("Pennsylvania", "GPE")], []),
    ("Reading lists were long.", [], ["Reading"]),  # gated, no cue
    ("Reading, writing and sums", [], ["Reading"]),  # a comma, but no place after it
]


@pytest.mark.parametrize(("text", "found", "absent"), MATCHES)
def test_gazetteer_find_matches_whole_tokens(
    nlp: Language, text: str, found: list[tuple[str, str]], absent: list[str]
) -> None:
    doc = nlp.make_doc(text)
    got = [(text[m[0] : m[1]], m[2]) for m in Gazetteer(ENTRIES).find(text, *token_bounds(doc, len(text)))]
    for pair in found:
        assert pair in got
    for string in absent:
        assert string not in [g for g, _ in got]


CUES = [
    ("He was born in Nice in 1900.", "Nice", True),
    ("They moved to Mobile.", "Mobile", True),
    ("From Bath the road ran west.", "Bath", True),
    ("Nice, France", "Nice", True),
    ("a Nice idea", "Nice", False),
    ("Mobile units moved in.", "Mobile", False),
    ("the Split between them", "Split", False),
    ("Nice, he said.", "Nice", False),  # a comma, but no known place after it
]


@pytest.mark.parametrize(("text", "name", "expected"), CUES)
def test_place_cue_needs_a_preposition_or_a_place_after(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    places = {text.index("France"): text.index("France") + 6} if "France" in text else {}
    assert place_cue(text, start, start + len(name), places) is expected


@pytest.mark.parametrize("label", ["GPE", "LOC", "ORG", "PERSON"])
def test_gazetteer_finds_what_the_phrase_matcher_finds(nlp: Language, seed_text: str, label: str) -> None:
    entries = [e for e in load_patterns() if e.label == label and isinstance(e.pattern, str) and not e.gate]
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for e in entries:
        matcher.add(e.id, [nlp.make_doc(e.pattern)])  # type: ignore[arg-type]
    doc = nlp.make_doc(seed_text)
    starts, ends = token_offsets(doc)
    expected = {(starts[s], ends[e - 1], nlp.vocab.strings[m]) for m, s, e in matcher(doc)}
    gazetteer = Gazetteer((e.pattern, e.label, e.id, e.gate, "gazetteer") for e in entries)
    got = {
        (m[0], m[1], m[3]) for m, _ in gazetteer.occurrences(seed_text, *token_bounds(doc, len(seed_text)))
    }
    assert got == expected
    assert got  # the seed names places, people and organisations of every label
