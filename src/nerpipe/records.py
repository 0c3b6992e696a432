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
from nerpipe.models import Citation, DocumentRecord, Entity, Span

LINKED_LABELS = ("PERSON", "ORG", "GPE", "LOC")


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text (the `text_sha256` of a record)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span_records(doc: Doc, layout: Layout) -> tuple[list[Span], list[Entity]]:
    raw = layout.raw
    ents = list(doc.ents)
    mentions = [(e.text, e.label_, e.id_) for e in ents if e.label_ in LINKED_LABELS]
    assignment, clusters = link(mentions, doc.text)
    ids = []
    for cluster in clusters:
        ids.append(cluster.gazetteer_id or f"{cluster.label.lower()}:{slug(cluster.canonical)}")
    spans = []
    linked = iter(assignment)
    for e in ents:
        start, end = layout.to_raw(e.start_char, e.end_char)
        entity_id = ids[next(linked)] if e.label_ in LINKED_LABELS else None
        spans.append(
            Span(
                start=start, end=end, label=e.label_, text=raw[start:end], pattern=e.id_ or None,
                norm=e._.norm, mod=e._.mod, entity_id=entity_id,
            )
        )  # fmt: skip
    counts = [0] * len(clusters)
    for i in assignment:
        counts[i] += 1
    entities = [
        Entity(id=ids[i], label=c.label, name=c.canonical, aliases=sorted(c.names), mentions=counts[i])  # type: ignore[arg-type]
        for i, c in enumerate(clusters)
    ]
    return spans, entities


def _citation_records(doc: Doc, layout: Layout) -> list[Citation]:
    out = []
    for c in doc._.citations or ():
        start, end = layout.to_raw(c.start, c.end)
        out.append(c.model_copy(update={"start": start, "end": end, "text": layout.raw[start:end]}))
    return out


def to_record(doc: Doc, layout: Layout, doc_id: str, source: str | None = None, meta: dict[str, Any] | None = None) -> DocumentRecord:
    """The document record of a processed Doc, offsets into the raw text."""
    spans, entities = _span_records(doc, layout)
    return DocumentRecord(
        id=doc_id,
        source=source,
        text_sha256=sha256(layout.raw),
        spans=spans,
        citations=_citation_records(doc, layout),
        entities=entities,
        meta=meta or {},
    )
