"""Score predicted documents against gold documents: entities and citations.

`evaluate(gold, pred)` takes two lists of `DocumentRecord`, pairs them by id (refusing a pair
whose `text_sha256` differ: offsets into different texts cannot be compared; given the texts,
refusing gold whose offsets fall outside its text or whose span text is not there) and returns
a report dict:

    ents_p/ents_r/ents_f/ents_per_type    strict matching (spaCy's keys)
    lenient, untyped                      the same keys under the other matching modes
    citations.detection                   P/R/F per kind (overlap + same kind)
    citations.fields                      per-field accuracy over matched citation pairs
    errors                                false positives and negatives, with their text
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from nerpipe import regexes as rx
from nerpipe.archives import canonical_archive
from nerpipe.models import KIND_FIELDS, Citation, DocumentRecord
from nerpipe.scoring import PRF, SpanKey, match_spans, summarise

MODES = ("strict", "lenient", "untyped")


class EvaluationError(ValueError):
    """Gold and predictions that cannot be compared."""


def pair_documents(
    gold: Iterable[DocumentRecord], pred: Iterable[DocumentRecord]
) -> list[tuple[DocumentRecord, DocumentRecord]]:
    """Gold and predicted records with the same id; texts must be identical."""
    predicted = {d.id: d for d in pred}
    pairs = []
    for g in gold:
        p = predicted.get(g.id)
        if p is None:
            raise EvaluationError(f"no prediction for gold document {g.id!r}")
        if p.text_sha256 != g.text_sha256:
            raise EvaluationError(
                f"document {g.id!r}: the prediction was made on a different text "
                f"(text_sha256 {p.text_sha256[:12]}... vs gold {g.text_sha256[:12]}...)"
            )
        pairs.append((g, p))
    if not pairs:
        raise EvaluationError("no gold documents to evaluate")
    return pairs


def annotated_regions(doc: DocumentRecord, key: str) -> list[tuple[int, int]] | None:
    """The parts of a gold document annotated for `key` ("spans" or "citations"); None: all.

    A long text may be annotated in part: its gold line then says which parts in
    `meta.annotated` (`{"spans": [[start, end], ...], "citations": [...]}`), and only the
    predictions that overlap those parts are scored.
    """
    annotated = doc.meta.get("annotated")
    if not isinstance(annotated, dict) or key not in annotated:
        return None
    return [(int(lo), int(hi)) for lo, hi in annotated[key]]


def _inside(start: int, end: int, regions: list[tuple[int, int]] | None) -> bool:
    """Does [start, end) overlap one of `regions` (always, when regions is None)?"""
    return regions is None or any(start < hi and lo < end for lo, hi in regions)


def _norm_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = unicodedata.normalize("NFKC", title).casefold()
    title = rx.QUOTES_AND_STARS.sub("", title)
    return " ".join(title.split()).strip(" .,;:") or None


def match_citations(gold: list[Citation], pred: list[Citation]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): same kind, overlapping, largest overlap first."""
    options = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and g.kind == p.kind:
                options.append((-overlap, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(options):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _field_value(c: Citation, field: str, index_map: dict[int, int] | None = None) -> Any:
    value = getattr(c, field)
    if field == "archive":
        return canonical_archive(value)
    if field == "title":
        return _norm_title(value)
    if field in ("antecedent", "reference") and index_map is not None and value is not None:
        return index_map.get(value, -1)
    if field == "pages" and value is not None:
        return [list(p) for p in value]
    return value


def evaluate(
    gold: Iterable[DocumentRecord],
    pred: Iterable[DocumentRecord],
    text_of: Callable[[DocumentRecord], str] | None = None,
) -> dict[str, Any]:
    """Score `pred` against `gold`; see the module docstring for the report's keys.

    `text_of` gives a predicted record's raw text (`texts.read_text`); with it, the gold is
    checked against the text first (`gold.text_problems`).
    """
    pairs = pair_documents(gold, pred)
    if text_of is not None:
        from nerpipe.gold import text_problems

        problems = [f"{g.id}: {problem}" for g, p in pairs for problem in text_problems(g, text_of(p))]
        if problems:
            shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
            raise EvaluationError(
                f"the gold does not fit its text ({len(problems)} problems: {shown}); "
                "nerpipe validate-gold lists them all"
            )
    per_mode: dict[str, dict[str, PRF]] = {m: defaultdict(PRF) for m in MODES}
    detection: dict[str, PRF] = defaultdict(PRF)
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # field -> [correct, total]
    errors: dict[str, list[dict[str, Any]]] = {
        "entity_fp": [],
        "entity_fn": [],
        "citation_fp": [],
        "citation_fn": [],
        "field": [],
    }
    for g, p in pairs:
        span_regions = annotated_regions(g, "spans")
        gold_keys: set[SpanKey] = {(s.start, s.end, s.label) for s in g.spans}
        pred_keys: set[SpanKey] = {
            (s.start, s.end, s.label) for s in p.spans if _inside(s.start, s.end, span_regions)
        }
        for mode in MODES:
            for label, prf in match_spans(gold_keys, pred_keys, mode).items():
                per_mode[mode][label] += prf
        texts: dict[SpanKey, str] = {(s.start, s.end, s.label): s.text for s in [*g.spans, *p.spans]}
        errors["entity_fn"] += [
            {"doc": g.id, "start": k[0], "end": k[1], "label": k[2], "text": texts[k]}
            for k in sorted(gold_keys - pred_keys)
        ]
        errors["entity_fp"] += [
            {"doc": g.id, "start": k[0], "end": k[1], "label": k[2], "text": texts[k]}
            for k in sorted(pred_keys - gold_keys)
        ]

        cite_regions = annotated_regions(g, "citations")
        kept = [i for i, c in enumerate(p.citations) if _inside(c.start, c.end, cite_regions)]
        p = p.model_copy(update={"citations": [p.citations[i] for i in kept]})
        matched = match_citations(g.citations, p.citations)
        # links index the whole predicted list: map them through the kept citations to gold
        pred_to_gold = {kept[pi]: gi for gi, pi in matched}
        for kind in {c.kind for c in [*g.citations, *p.citations]}:
            tp = sum(1 for gi, _ in matched if g.citations[gi].kind == kind)
            detection[kind] += PRF(
                tp=tp,
                fn=sum(1 for c in g.citations if c.kind == kind) - tp,
                fp=sum(1 for c in p.citations if c.kind == kind) - tp,
            )
        matched_g = {gi for gi, _ in matched}
        matched_p = {pi for _, pi in matched}
        errors["citation_fn"] += [
            {"doc": g.id, "kind": c.kind, "text": c.text}
            for i, c in enumerate(g.citations)
            if i not in matched_g
        ]
        errors["citation_fp"] += [
            {"doc": g.id, "kind": c.kind, "text": c.text}
            for i, c in enumerate(p.citations)
            if i not in matched_p
        ]
        for gi, pi in matched:
            gc, pc = g.citations[gi], p.citations[pi]
            for field in KIND_FIELDS[gc.kind]:
                gv = _field_value(gc, field)
                pv = _field_value(pc, field, pred_to_gold)
                ok = gv == pv
                fields[field][0] += ok
                fields[field][1] += 1
                if not ok:
                    errors["field"].append(
                        {
                            "doc": g.id,
                            "kind": gc.kind,
                            "field": field,
                            "gold": gv,
                            "pred": pv,
                            "text": gc.text,
                        }
                    )
    total = PRF()
    for prf in detection.values():
        total += prf
    report: dict[str, Any] = {"documents": len(pairs), **summarise(per_mode["strict"])}
    report["lenient"] = summarise(per_mode["lenient"])
    report["untyped"] = summarise(per_mode["untyped"])
    report["citations"] = {
        "detection": {kind: detection[kind].as_dict() for kind in sorted(detection)}
        | {"ALL": total.as_dict()},
        "fields": {
            f: {"accuracy": round(c / n, 4) if n else None, "n": n} for f, (c, n) in sorted(fields.items())
        },
    }
    report["errors"] = errors
    return report
