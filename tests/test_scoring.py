"""The scorer, on hand-counted examples."""

from __future__ import annotations

import pytest

from nerpipe.scoring import PRF, match_spans, summarise

GOLD = {(0, 7, "PERSON"), (10, 15, "GPE"), (20, 30, "ORG"), (40, 44, "DATE")}
PRED = {
    (0, 7, "PERSON"),  # exact
    (10, 15, "ORG"),  # right boundaries, wrong label
    (20, 26, "ORG"),  # overlapping, same label
    (50, 55, "GPE"),  # spurious
}


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        # strict: 1 tp (PERSON); fp: GPE-as-ORG, short ORG, spurious GPE; fn: GPE, ORG, DATE
        ("strict", {"ents_p": 0.25, "ents_r": 0.25, "ents_f": 0.25}),
        # lenient: tp PERSON + ORG (overlap); pred fp: (10,15,ORG) and (50,55,GPE); gold fn: GPE, DATE
        ("lenient", {"ents_p": 0.5, "ents_r": 0.5, "ents_f": 0.5}),
        # untyped: boundaries (0,7) and (10,15) agree: 2 of 4 each way
        ("untyped", {"ents_p": 0.5, "ents_r": 0.5, "ents_f": 0.5}),
    ],
)
def test_match_spans_hand_counted(mode: str, expected: dict[str, float]) -> None:
    report = summarise(match_spans(GOLD, PRED, mode))
    for key, value in expected.items():
        assert report[key] == value


def test_per_type_counts() -> None:
    per_type = summarise(match_spans(GOLD, PRED, "strict"))["ents_per_type"]
    assert per_type["ORG"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 2, "fn": 1}
    assert per_type["PERSON"]["f"] == 1.0


@pytest.mark.parametrize(
    ("prf", "p", "r", "f"), [(PRF(2, 2, 0), 0.5, 1.0, 2 / 3), (PRF(0, 0, 0), 0.0, 0.0, 0.0)]
)
def test_prf(prf: PRF, p: float, r: float, f: float) -> None:
    assert (prf.precision, prf.recall) == (p, r)
    assert prf.f == pytest.approx(f)
