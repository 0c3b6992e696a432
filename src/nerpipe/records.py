"""Doc -> records: the one bridge from spaCy objects to pydantic models.

Offsets move from the repaired text spaCy read back to the raw text (`layout.Layout.to_raw`),
so every `text` field equals `raw[start:end]`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from spacy.tokens import Doc

from nerpipe.layout import Layout
from nerpipe.link import link, slug
from nerpipe.models import Citation, DocumentRecord

LINKED_LABELS = ("PERSON", "ORG", "GPE", "LOC")


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text (the `text_sha256` of a record)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span_records(
    parts: list[tuple[Doc, int]], layout: Layout
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The spans and entities of all parts, as plain data for one validation of the record."""
    raw, repaired = layout.raw, layout.text
    ents = [
        (offset + e.start_char, offset + e.end_char, e.label_, e.id_, e)
        for doc, offset in parts
        for e in doc.ents
    ]
    mentions = [(repaired[s:end], label, id_) for s, end, label, id_, _ in ents if label in LINKED_LABELS]
    assignment, clusters = link(mentions, repaired)
    ids = [c.gazetteer_id or f"{c.label.lower()}:{slug(c.canonical)}" for c in clusters]
    spans = []
    linked = iter(assignment)
    for s, e, label, id_, ent in ents:
        start, end = layout.to_raw(s, e)
        entity_id = ids[next(linked)] if label in LINKED_LABELS else None
        norm, mod = (ent._.norm, ent._.mod) if label == "DATE" else (None, None)  # only dates have them
        spans.append(
            {"start": start, "end": end, "label": label, "text": raw[start:end], "pattern": id_ or None,
             "norm": norm, "mod": mod, "entity_id": entity_id}
        )  # fmt: skip
    counts = [0] * len(clusters)
    for i in assignment:
        counts[i] += 1
    entities = [
        {
            "id": ids[i],
            "label": c.label,
            "name": c.canonical,
            "aliases": sorted(c.names),
            "mentions": counts[i],
        }
        for i, c in enumerate(clusters)
    ]
    return spans, entities


def _citation_records(parts: list[tuple[Doc, int]], layout: Layout) -> list[Citation]:
    """Citations of all parts; a later part's links shift by the citations before it."""
    out: list[Citation] = []
    for doc, offset in parts:
        base = len(out)
        for c in doc._.citations or ():
            start, end = layout.to_raw(offset + c.start, offset + c.end)
            update: dict[str, Any] = {"start": start, "end": end, "text": layout.raw[start:end]}
            for link_field in ("antecedent", "reference"):
                if getattr(c, link_field) is not None:
                    update[link_field] = getattr(c, link_field) + base
            out.append(c.model_copy(update=update))
    return out


def to_record(
    parts: list[tuple[Doc, int]],
    layout: Layout,
    doc_id: str,
    source: str | None = None,
    meta: dict[str, Any] | None = None,
) -> DocumentRecord:
    """The document record of processed Docs (each with its offset in the repaired text).

    A text longer than spaCy's `max_length` is processed in paragraph-aligned parts; offsets
    still point into the whole raw text.
    """
    spans, entities = _span_records(parts, layout)
    # one validation of the whole record: pydantic-core checks a thousand spans in about a
    # millisecond, several times faster than building each model in Python
    return DocumentRecord.model_validate(
        {
            "id": doc_id,
            "source": source,
            "text_sha256": sha256(layout.raw),
            "spans": spans,
            "citations": _citation_records(parts, layout),
            "entities": entities,
            "meta": meta or {},
        }
    )
