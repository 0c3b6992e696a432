"""Precision, recall and F1 over sets of spans (pure; key names follow spaCy's scorer).

Three ways to match an entity span:

* strict: same start, end and label;
* lenient: overlapping, same label (a boundary error still counts);
* untyped: same start and end, any label (separates boundary errors from label errors).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

SpanKey = tuple[int, int, str]  # (start, end, label)


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f": round(self.f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _overlaps(a: SpanKey, b: SpanKey) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Iterable[SpanKey], pred: Iterable[SpanKey], mode: str) -> dict[str, PRF]:
    """Per-label counts for one document under `mode` ("strict", "lenient" or "untyped").

    Lenient precision counts predictions that overlap a gold span of their label; lenient
    recall counts gold spans that a prediction of their label overlaps.
    """
    gold_set, pred_set = set(gold), set(pred)
    counts: dict[str, PRF] = defaultdict(PRF)
    if mode == "strict":
        for g in gold_set:
            counts[g[2]] += PRF(tp=1) if g in pred_set else PRF(fn=1)
        for p in pred_set - gold_set:
            counts[p[2]] += PRF(fp=1)
    elif mode == "untyped":
        gold_b = {(s, e) for s, e, _ in gold_set}
        pred_b = {(s, e) for s, e, _ in pred_set}
        counts["ALL"] = PRF(tp=len(gold_b & pred_b), fp=len(pred_b - gold_b), fn=len(gold_b - pred_b))
    elif mode == "lenient":
        for g in gold_set:
            hit = any(p[2] == g[2] and _overlaps(g, p) for p in pred_set)
            counts[g[2]] += PRF(tp=1) if hit else PRF(fn=1)
        for p in pred_set:
            if not any(g[2] == p[2] and _overlaps(g, p) for g in gold_set):
                counts[p[2]] += PRF(fp=1)
    else:
        raise ValueError(f"unknown matching mode {mode!r}")
    return counts


def summarise(counts: dict[str, PRF]) -> dict[str, object]:
    """spaCy-style keys: `ents_p`, `ents_r`, `ents_f` (micro-averaged) and `ents_per_type`."""
    total = PRF()
    for prf in counts.values():
        total += prf
    return {
        "ents_p": round(total.precision, 4),
        "ents_r": round(total.recall, 4),
        "ents_f": round(total.f, 4),
        "ents_per_type": {label: counts[label].as_dict() for label in sorted(counts)},
    }
