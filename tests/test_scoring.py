"""The scorer, on hand-counted examples."""

from __future__ import annotations

from typing import Any

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


def _doc(
    spans: list[tuple[int, int, str]], citations: list[tuple[int, int]], meta: dict | None = None
) -> Any:
    from nerpipe.models import Citation, DocumentRecord, Span

    text = "x" * 100
    return DocumentRecord(
        id="d",
        text_sha256="0",
        spans=[Span(start=s, end=e, label=lab, text=text[s:e]) for s, e, lab in spans],  # type: ignore[arg-type]
        citations=[Citation(start=s, end=e, kind="ibid", text=text[s:e], antecedent=0) for s, e in citations],
        meta=meta or {},
    )


@pytest.mark.parametrize(
    ("meta", "ents_p", "cite_fp"),
    [
        # the whole text annotated: the prediction at 60-65 is a false positive
        (None, 0.5, 1),
        # only 0-50 annotated for spans and citations: what lies beyond is not scored
        ({"annotated": {"spans": [[0, 50]], "citations": [[0, 50]]}}, 1.0, 0),
        # spans annotated in part, citations everywhere
        ({"annotated": {"spans": [[0, 50]]}}, 1.0, 1),
    ],
)
def test_evaluate_scores_only_the_annotated_regions(meta: dict | None, ents_p: float, cite_fp: int) -> None:
    from nerpipe.evaluate import evaluate

    gold = _doc([(0, 5, "PERSON")], [(10, 20)], meta)
    pred = _doc([(0, 5, "PERSON"), (60, 65, "GPE")], [(10, 20), (70, 80)])
    report = evaluate([gold], [pred])
    assert report["ents_p"] == ents_p
    assert report["citations"]["detection"]["ALL"]["fp"] == cite_fp
