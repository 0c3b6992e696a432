"""Validate a gold file: offsets, text equality, labels, overlaps, citation fields and links."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from nerpipe.models import KIND_FIELDS, Citation, DocumentRecord


def check_citation(c: Citation, n_citations: int) -> list[str]:
    """Problems of one gold citation record."""
    problems = []
    used = {f for f in Citation.model_fields if getattr(c, f) not in (None, [], False)} - {
        "start", "end", "kind", "text", "section", "rule", "resolutions", "warnings", "archive_stated",
    }  # fmt: skip
    stray = used - set(KIND_FIELDS[c.kind])
    if stray:
        problems.append(f"fields not used by {c.kind}: {sorted(stray)}")
    for link in ("antecedent", "reference"):
        target = getattr(c, link)
        if target is not None and not 0 <= target < n_citations:
            problems.append(f"{link} {target} is not an index of this document's citations")
    if c.kind == "ibid" and c.antecedent is None:
        problems.append("an ibid needs its antecedent")
    for first, last in c.pages or ():
        if first > last:
            problems.append(f"page range {first}-{last} runs backwards")
    return problems


def text_problems(doc: DocumentRecord, text: str) -> list[str]:
    """Spans and citations of `doc` that lie outside `text` or whose `text` is not what is there."""
    problems = []
    for s in sorted(doc.spans, key=lambda s: s.start):
        if not 0 <= s.start < s.end <= len(text):
            problems.append(f"span {s.start}-{s.end} lies outside the text")
        elif text[s.start : s.end] != s.text:
            problems.append(f"span {s.start}-{s.end} is {text[s.start : s.end]!r}, not {s.text!r}")
    for i, c in enumerate(doc.citations):
        if not 0 <= c.start < c.end <= len(text):
            problems.append(f"citation {i} {c.start}-{c.end} lies outside the text")
        elif text[c.start : c.end] != c.text:
            problems.append(f"citation {i} text does not match the raw text at {c.start}-{c.end}")
    return problems


def validate_document(doc: DocumentRecord, text: str) -> list[str]:
    """Every problem of one gold document against its raw text (empty when valid)."""
    from nerpipe.evaluate import annotated_regions
    from nerpipe.records import sha256

    problems = []
    if sha256(text) != doc.text_sha256:
        problems.append("text_sha256 does not match the text")
    problems += text_problems(doc, text)
    previous_end = 0
    for s in sorted(doc.spans, key=lambda s: s.start):
        if s.start < previous_end:
            problems.append(f"span {s.start}-{s.end} {s.text!r} overlaps the previous span")
        previous_end = max(previous_end, s.end)
    starts = [c.start for c in doc.citations]
    if starts != sorted(starts):
        problems.append("citations are not sorted by start")
    for key, items in (("spans", doc.spans), ("citations", doc.citations)):
        regions = annotated_regions(doc, key)
        for item in items:
            if regions is not None and not any(lo <= item.start and item.end <= hi for lo, hi in regions):
                problems.append(f"{key[:-1]} {item.start}-{item.end} lies outside the annotated {key}")
    for i, c in enumerate(doc.citations):
        problems += [f"citation {i}: {p}" for p in check_citation(c, len(doc.citations))]
    return problems


def validate_gold(path: Path, texts: dict[str, str]) -> dict[str, list[str]]:
    """Problems per document id of a gold JSONL file; `texts` maps ids to raw texts."""
    report: dict[str, list[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = DocumentRecord.model_validate_json(line)
        except ValidationError as err:
            report[f"line {n}"] = [str(e["loc"]) + ": " + e["msg"] for e in err.errors()]
            continue
        if doc.id not in texts:
            report[doc.id] = [f"no text found for document {doc.id!r}"]
            continue
        report[doc.id] = validate_document(doc, texts[doc.id])
    return report
