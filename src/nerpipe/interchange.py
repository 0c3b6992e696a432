"""Annotation tools in and out: correct nerpipe's output in Label Studio, Prodigy or doccano and
bring the corrections back as gold (docs/annotation.md's format), so that `nerpipe evaluate`
scores nerpipe on the user's own articles.

Out: `label_studio_tasks` makes one Label Studio task per document, nerpipe's entities and
citations as predictions (the labeling config is `LABEL_STUDIO_CONFIG`); each citation region
carries its parsed fields as JSON in a per-region text box, to be corrected with the span.

In: `gold_from_label_studio` (Label Studio's JSON export; JSON-MIN too), `gold_from_prodigy`
(ner_manual / spans JSONL, accepted answers only) and `gold_from_doccano` (JSONL with `label`
or `entities`) return gold `DocumentRecord`s, each with the text it annotates. A text's identity is its SHA-256: the text inside
the file must be the text nerpipe wrote beside its output (`DIR/texts/`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import ValidationError

from nerpipe.models import KIND_FIELDS, KINDS, LABELS, Citation, DocumentRecord, Span
from nerpipe.records import sha256

# Citation fields a user corrects in the region's text box (its kind is the region's label).
CITATION_FIELDS = tuple(sorted({f for fields in KIND_FIELDS.values() for f in fields}))
LABEL_STUDIO_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="PERSON" background="#ffa39e"/>
    <Label value="ORG" background="#91d5ff"/>
    <Label value="GPE" background="#b7eb8f"/>
    <Label value="LOC" background="#d3adf7"/>
    <Label value="DATE" background="#ffe58f"/>
  </Labels>
  <Labels name="citation" toName="text">
    <Label value="archival" background="#ffd591"/>
    <Label value="bibliographic" background="#adc6ff"/>
    <Label value="ibid" background="#d9d9d9"/>
    <Label value="interview" background="#87e8de"/>
  </Labels>
  <Text name="text" value="$text"/>
  <TextArea name="fields" toName="text" perRegion="true" editable="true" rows="4"
            placeholder="citation fields as JSON"/>
</View>
"""


class GoldImportError(ValueError):
    """An annotation file that cannot become gold; the message names the item."""


# ---------------------------------------------------------------------------------------------
# Out
# ---------------------------------------------------------------------------------------------


LINKS = ("antecedent", "reference")


def _fields(c: Citation) -> str:
    """A citation's parsed fields as the JSON a user edits (its kind's fields only); a link to
    another citation names that citation's region ("c3"), which survives added or deleted ones."""
    fields = {f: getattr(c, f) for f in KIND_FIELDS[c.kind]}
    for link in LINKS:
        if fields.get(link) is not None:
            fields[link] = f"c{fields[link]}"
    return json.dumps(fields, ensure_ascii=False)


def label_studio_task(record: DocumentRecord, text: str, model_version: str = "nerpipe") -> dict[str, Any]:
    """One Label Studio task: the text, and nerpipe's spans and citations as a prediction."""
    result: list[dict[str, Any]] = []
    for i, s in enumerate(record.spans):
        result.append(
            {"id": f"s{i}", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}}
        )  # fmt: skip
    for i, c in enumerate(record.citations):
        value = {"start": c.start, "end": c.end, "text": c.text}
        result.append(
            {"id": f"c{i}", "from_name": "citation", "to_name": "text", "type": "labels",
             "value": {**value, "labels": [c.kind]}}
        )  # fmt: skip
        result.append(
            {"id": f"c{i}", "from_name": "fields", "to_name": "text", "type": "textarea",
             "value": {**value, "text": [_fields(c)]}}
        )  # fmt: skip
    return {
        "data": {"text": text, "id": record.id, "source": record.source},
        "predictions": [{"model_version": model_version, "result": result}],
    }


# ---------------------------------------------------------------------------------------------
# In
# ---------------------------------------------------------------------------------------------


Imported = tuple[DocumentRecord, str]  # a gold record and the text it annotates


def _gold(doc_id: str, text: str, spans: Iterable[Span], citations: Iterable[Citation]) -> Imported:
    """A gold record, spans and citations sorted by start, with its text (which checks every
    offset)."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    for s in spans:
        if text[s.start : s.end] != s.text:
            raise GoldImportError(
                f"{doc_id}: span {s.start}-{s.end} is {text[s.start : s.end]!r}, not {s.text!r}"
            )
    record = DocumentRecord(
        id=doc_id,
        text_sha256=sha256(text),
        spans=spans,
        citations=sorted(citations, key=lambda c: (c.start, c.end)),
    )
    return record, text


def _span(doc_id: str, text: str, start: int, end: int, label: str) -> Span:
    if label not in LABELS:
        raise GoldImportError(
            f"{doc_id}: unknown label {label!r} at {start}-{end} (labels: {', '.join(LABELS)})"
        )
    if not 0 <= start < end <= len(text):
        raise GoldImportError(f"{doc_id}: span {start}-{end} lies outside the text ({len(text)} characters)")
    return Span(start=start, end=end, label=label, text=text[start:end])


def _citation(doc_id: str, text: str, start: int, end: int, kind: str, fields: dict[str, Any]) -> Citation:
    if kind not in KINDS:
        raise GoldImportError(f"{doc_id}: unknown citation kind {kind!r} at {start}-{end}")
    allowed = set(KIND_FIELDS[kind])
    stray = set(fields) - allowed
    if stray:
        raise GoldImportError(
            f"{doc_id}: citation at {start}-{end}: fields not used by {kind}: {sorted(stray)}"
        )
    try:
        return Citation(start=start, end=end, kind=kind, text=text[start:end], **fields)
    except ValidationError as err:
        raise GoldImportError(f"{doc_id}: citation at {start}-{end}: {err.errors()[0]['msg']}") from None


def gold_from_label_studio(data: Any) -> list[Imported]:
    """Gold from Label Studio's JSON export (each task's last annotation that was not cancelled)
    or its JSON-MIN export (`label` and `citation` lists beside `text`)."""
    tasks = data if isinstance(data, list) else [data]
    out = []
    for n, task in enumerate(tasks, 1):
        if "annotations" not in task and "text" in task:  # JSON-MIN
            out.append(_from_min(task, n))
            continue
        text = task.get("data", {}).get("text")
        doc_id = str(task.get("data", {}).get("id") or task.get("id") or n)
        if not isinstance(text, str):
            raise GoldImportError(f"task {n}: no data.text")
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        if not annotations:
            raise GoldImportError(f"{doc_id}: no annotation to import (only predictions?)")
        result = annotations[-1].get("result", [])
        fields_of = {
            r["id"]: json.loads((r["value"].get("text") or ["{}"])[0] or "{}")
            for r in result
            if r.get("type") == "textarea"
        }
        spans, regions = [], []  # regions: (region id, links as region ids, citation)
        for r in result:
            if r.get("type") != "labels":
                continue
            v = r["value"]
            for label in v.get("labels", []):
                if r.get("from_name") == "citation" or label in KINDS:
                    fields = dict(fields_of.get(r["id"], {}))
                    links = {f: fields.pop(f) for f in LINKS if isinstance(fields.get(f), str)}
                    cite = _citation(doc_id, text, v["start"], v["end"], label, fields)
                    regions.append((r["id"], links, cite))
                else:
                    spans.append(_span(doc_id, text, v["start"], v["end"], label))
        out.append(_gold(doc_id, text, spans, _linked(doc_id, regions)))
    return out


def _linked(doc_id: str, regions: list[tuple[str, dict[str, str], Citation]]) -> list[Citation]:
    """The citations sorted by start, each link to a region id turned into that citation's index."""
    order = sorted(regions, key=lambda r: (r[2].start, r[2].end))
    index = {region_id: i for i, (region_id, _, _) in enumerate(order)}
    out = []
    for _, links, c in order:
        missing = [target for target in links.values() if target not in index]
        if missing:
            raise GoldImportError(
                f"{doc_id}: citation at {c.start}-{c.end} links to no region {missing[0]!r}"
            )
        out.append(c.model_copy(update={f: index[target] for f, target in links.items()}) if links else c)
    return out


def _from_min(task: dict[str, Any], n: int) -> Imported:
    text, doc_id = task["text"], str(task.get("id", n))
    spans = [
        _span(doc_id, text, v["start"], v["end"], lab) for v in task.get("label", []) for lab in v["labels"]
    ]
    cites = [
        _citation(doc_id, text, v["start"], v["end"], lab, {})
        for v in task.get("citation", [])
        for lab in v["labels"]
    ]
    return _gold(doc_id, text, spans, cites)


def gold_from_prodigy(lines: Iterable[dict[str, Any]]) -> list[Imported]:
    """Gold from Prodigy's span JSONL (ner_manual, spans.manual): accepted answers only; a span
    labelled with a citation kind ("archival", ...) is a citation without fields."""
    out = []
    for n, task in enumerate(lines, 1):
        if task.get("answer", "accept") != "accept":
            continue
        text = task["text"]
        doc_id = str(task.get("meta", {}).get("id") or task.get("_input_hash") or n)
        spans, cites = [], []
        for s in task.get("spans", []):
            if s["label"] in KINDS:
                cites.append(_citation(doc_id, text, s["start"], s["end"], s["label"], {}))
            else:
                spans.append(_span(doc_id, text, s["start"], s["end"], s["label"]))
        out.append(_gold(doc_id, text, spans, cites))
    return out


def gold_from_doccano(lines: Iterable[dict[str, Any]]) -> list[Imported]:
    """Gold from doccano's JSONL export: `label: [[start, end, "PERSON"], ...]` (sequence labeling)
    or `entities: [{"start_offset", "end_offset", "label"}]` (newer versions)."""
    out = []
    for n, line in enumerate(lines, 1):
        text = line["text"]
        meta = line.get("meta")
        meta = meta if isinstance(meta, dict) else {}
        doc_id = str(meta.get("id") or line.get("id") or n)
        triples = [tuple(x) for x in line.get("label", [])] + [
            (e["start_offset"], e["end_offset"], e["label"]) for e in line.get("entities", [])
        ]
        spans, cites = [], []
        for start, end, label in triples:
            if label in KINDS:
                cites.append(_citation(doc_id, text, start, end, label, {}))
            else:
                spans.append(_span(doc_id, text, start, end, label))
        out.append(_gold(doc_id, text, spans, cites))
    return out


def read_lines(raw: str) -> Iterator[dict[str, Any]]:
    """The objects of a JSONL text (blank lines skipped)."""
    for n, line in enumerate(raw.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldImportError(f"line {n}: not JSON: {err}") from None


TOOLS = ("label-studio", "prodigy", "doccano")


def import_gold(raw: str, tool: str) -> list[Imported]:
    """Gold records, each with its text, from an export of `tool` (label-studio, prodigy or
    doccano)."""
    if tool == "label-studio":
        try:
            return gold_from_label_studio(json.loads(raw))
        except json.JSONDecodeError:
            return gold_from_label_studio(list(read_lines(raw)))
    if tool == "prodigy":
        return gold_from_prodigy(read_lines(raw))
    if tool == "doccano":
        return gold_from_doccano(read_lines(raw))
    raise GoldImportError(f"unknown tool {tool!r}; choose one of {', '.join(TOOLS)}")
