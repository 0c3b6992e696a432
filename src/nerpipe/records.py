"""Doc -> records: the one bridge from spaCy objects to pydantic models.

Offsets move from the repaired text spaCy read back to the raw text (`layout.Layout.to_raw`),
so every `text` field equals `raw[start:end]`.
"""

from __future__ import annotations

import hashlib
from typing import Any, cast

from spacy.tokens import Doc

from nerpipe.layout import Layout
from nerpipe.link import link, slug
from nerpipe.models import Citation, DocumentRecord, Entity, Label, Span

LINKED_LABELS = ("PERSON", "ORG", "GPE", "LOC")


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text (the `text_sha256` of a record)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span_records(parts: list[tuple[Doc, int]], layout: Layout) -> tuple[list[Span], list[Entity]]:
    raw = layout.raw
    ents = [(e, offset) for doc, offset in parts for e in doc.ents]
    mentions = [(e.text, e.label_, e.id_) for e, _ in ents if e.label_ in LINKED_LABELS]
    assignment, clusters = link(mentions, layout.text)
    ids = [c.gazetteer_id or f"{c.label.lower()}:{slug(c.canonical)}" for c in clusters]
    spans = []
    linked = iter(assignment)
    for e, offset in ents:
        start, end = layout.to_raw(offset + e.start_char, offset + e.end_char)
        label = e.label_
        entity_id = ids[next(linked)] if label in LINKED_LABELS else None
        norm, mod = (e._.norm, e._.mod) if label == "DATE" else (None, None)  # only dates have them
        # built by our own code from validated parts: construct without re-validating each field
        spans.append(
            Span.model_construct(
                start=start, end=end, label=cast(Label, label), text=raw[start:end], pattern=e.id_ or None,
                norm=norm, mod=mod, entity_id=entity_id,
            )
        )  # fmt: skip
    counts = [0] * len(clusters)
    for i in assignment:
        counts[i] += 1
    entities = [
        Entity(id=ids[i], label=c.label, name=c.canonical, aliases=sorted(c.names), mentions=counts[i])
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
    return DocumentRecord(
        id=doc_id,
        source=source,
        text_sha256=sha256(layout.raw),
        spans=spans,
        citations=_citation_records(parts, layout),
        entities=entities,
        meta=meta or {},
    )
