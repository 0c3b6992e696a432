"""Doc -> records: the one bridge from spaCy objects to pydantic models.

Offsets move from the repaired text spaCy read back to the raw text (`layout.Layout.to_raw`),
so every `text` field equals `raw[start:end]`.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from nerpipe.acronyms import find_acronyms
from nerpipe.layout import Layout, PageBreak, page_breaks, page_labels
from nerpipe.link import link, slug
from nerpipe.models import Citation, DocumentRecord

LINKED_LABELS = ("PERSON", "ORG", "GPE", "LOC")


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text (the `text_sha256` of a record)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Part:
    """One part of a document, processed: what its record needs from it, offsets in the raw text.

    A text longer than spaCy's `max_length` is processed part by part (`extract.parts`), each
    part's Docs and layout freed before the next, so the parts are kept as plain data.
    """

    spans: list[dict[str, Any]]  # Span fields, `entity_id` not yet known
    mentions: list[tuple[str, str, str]]  # (repaired text, label, pattern) of each linked span
    citations: list[Citation]  # `antecedent` and `reference` index this part's citations
    acronyms: list[tuple[str, str]]  # (short, long) defined in the part
    breaks: list[PageBreak] = field(default_factory=list)  # page breaks the part shows


def part_records(docs: list[tuple[Doc, int]], layout: Layout, offset: int = 0) -> Part:
    """The records of processed Docs (each with its offset in the repaired text of `layout`),
    whose raw text starts at `offset` of the document's raw text."""
    raw, repaired = layout.raw, layout.text
    ents = [(off + e.start_char, off + e.end_char, e.label_, e.id_, e) for doc, off in docs for e in doc.ents]
    spans, mentions = [], []
    for s, e, label, id_, ent in ents:
        start, end = layout.to_raw(s, e)
        norm, mod = (ent._.norm, ent._.mod) if label == "DATE" else (None, None)  # only dates have them
        spans.append(
            {"start": offset + start, "end": offset + end, "label": label, "text": raw[start:end],
             "pattern": id_ or None, "norm": norm, "mod": mod, "entity_id": None}
        )  # fmt: skip
        if label in LINKED_LABELS:
            mentions.append((repaired[s:e], label, id_))
    citations: list[Citation] = []
    for doc, off in docs:
        base = len(citations)
        for c in doc._.citations or ():
            start, end = layout.to_raw(off + c.start, off + c.end)
            update: dict[str, Any] = {"start": offset + start, "end": offset + end, "text": raw[start:end]}
            for link_field in ("antecedent", "reference"):
                if getattr(c, link_field) is not None:
                    update[link_field] = getattr(c, link_field) + base
            citations.append(c.model_copy(update=update))
    breaks = [replace(b, offset=offset + b.offset) for b in page_breaks(raw, layout.layout_lines)]
    return Part(spans, mentions, citations, find_acronyms(repaired), breaks)


def link_entities(
    mentions: Iterable[tuple[str, str, str]], acronyms: Iterable[tuple[str, str]]
) -> tuple[list[str], list[int], list[dict[str, Any]]]:
    """Link a document's mentions (in span order): the id of each entity, each mention's entity,
    and the entities' records."""
    assignment, clusters = link(mentions, acronyms=acronyms)
    ids = [c.gazetteer_id or f"{c.label.lower()}:{slug(c.canonical)}" for c in clusters]
    counts = Counter(assignment)
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
    return ids, assignment, entities


def shifted_citations(parts: Iterable[Part]) -> Iterator[Citation]:
    """The citations of all parts; a later part's links shift by the citations before it."""
    base = 0
    for part in parts:
        for c in part.citations:
            update = {
                f: getattr(c, f) + base for f in ("antecedent", "reference") if getattr(c, f) is not None
            }
            yield c.model_copy(update=update) if update else c
        base += len(part.citations)


def page_of(starts: list[tuple[int, str]]) -> Callable[[int], str | None]:
    """A lookup of the page label at a character offset, from (offset, label) page starts.

    >>> page_of([(0, "201"), (100, "202")])(150), page_of([])(5)
    ('202', None)
    """
    offsets = [offset for offset, _ in starts]

    def lookup(offset: int) -> str | None:
        index = bisect.bisect_right(offsets, offset) - 1
        return starts[index][1] if index >= 0 else None

    return lookup


def assemble(
    parts: list[Part],
    text_sha256: str,
    doc_id: str,
    source: str | None = None,
    meta: dict[str, Any] | None = None,
    pages: Sequence[tuple[int, str]] | None = None,
) -> DocumentRecord:
    """The document record of its processed parts; `pages` are (offset, label) page starts the
    input gave (a PDF's, a TEI file's), else they come from the page breaks the text shows."""
    mentions = (m for part in parts for m in part.mentions)
    ids, assignment, entities = link_entities(mentions, [a for part in parts for a in part.acronyms])
    spans = [span for part in parts for span in part.spans]
    page = page_of(list(pages) if pages else page_labels([b for part in parts for b in part.breaks]))
    linked = iter(assignment)
    for span in spans:
        span["entity_id"] = ids[next(linked)] if span["label"] in LINKED_LABELS else None
        span["page"] = page(span["start"])
    # one validation of the whole record: pydantic-core checks a thousand spans in about a
    # millisecond, several times faster than building each model in Python
    return DocumentRecord.model_validate(
        {
            "id": doc_id,
            "source": source,
            "text_sha256": text_sha256,
            "spans": spans,
            "citations": [c.model_copy(update={"page": page(c.start)}) for c in shifted_citations(parts)],
            "entities": entities,
            "meta": meta or {},
        }
    )


def to_record(
    parts: list[tuple[Doc, int]],
    layout: Layout,
    doc_id: str,
    source: str | None = None,
    meta: dict[str, Any] | None = None,
) -> DocumentRecord:
    """The document record of processed Docs (each with its offset in the repaired text)."""
    return assemble([part_records(parts, layout)], sha256(layout.raw), doc_id, source, meta)
