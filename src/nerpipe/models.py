"""The records nerpipe produces: frozen pydantic models, serialised one way (JSON).

A `DocumentRecord` is one line of `documents.jsonl` and one line of a gold file (gold has no
`source` and no provenance). `EntityRow` and `CitationRow` are the flat rows of
`entities.jsonl` and `citations.jsonl`. `docs/annotation.md` is the contract for their fields.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["PERSON", "ORG", "GPE", "LOC", "DATE"]
LABELS: tuple[Label, ...] = ("PERSON", "ORG", "GPE", "LOC", "DATE")
Kind = Literal["archival", "ibid", "bibliographic", "interview"]
KINDS: tuple[Kind, ...] = ("archival", "ibid", "bibliographic", "interview")
Section = Literal["text", "references"]
Status = Literal["resolved", "ambiguous", "unresolved"]
PageRange = tuple[int, int]

# The fields each kind of citation fills (docs/annotation.md, "Fields by kind").
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "archival": (
        "archive", "archive_stated", "fund", "inventory", "folder", "file", "subfile",
        "pages", "date", "title", "reference",
    ),
    "ibid": ("pages", "antecedent"),
    "bibliographic": ("authors", "year", "title", "pages", "date", "reference"),
    "interview": ("persons", "place", "date"),
}  # fmt: skip


class Record(BaseModel):
    """Base of every record: immutable, no unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_json(self) -> str:
        """The one serialisation of a record: compact JSON, `None` fields kept."""
        return self.model_dump_json()


class Span(Record):
    """An entity mention; `text == raw_text[start:end]`.

    `pattern` is the id of the rule or gazetteer entry that produced it (absent in gold);
    `norm`/`mod` carry a DATE's TIMEX3 value; `entity_id` groups the variants of one entity.
    """

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: Label
    text: str
    pattern: str | None = None
    norm: str | None = None
    mod: str | None = None
    entity_id: str | None = None


class Resolution(Record):
    """How a back-reference was resolved: its status, and candidates when ambiguous."""

    status: Status
    target: Literal["antecedent", "reference", "archive"]
    candidates: list[int] = Field(default_factory=list)
    note: str | None = None


class Citation(Record):
    """One citation: its span, kind, section, and the fields of its kind (others stay None)."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    kind: Kind
    text: str
    section: Section = "text"
    # archival
    archive: str | None = None
    archive_stated: bool | None = None
    fund: str | None = None
    inventory: str | None = None
    folder: str | None = None
    file: str | None = None
    subfile: str | None = None
    # shared
    pages: list[PageRange] | None = None
    date: str | None = None
    title: str | None = None
    # bibliographic
    authors: list[str] | None = None
    year: str | None = None
    # interview
    persons: list[str] | None = None
    place: str | None = None
    # links (indices into the document's citation list)
    antecedent: int | None = None
    reference: int | None = None
    # provenance and resolution (absent in gold)
    rule: str | None = None
    resolutions: list[Resolution] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class Entity(Record):
    """One entity of a document: its variants share `id`."""

    id: str
    label: Label
    name: str
    aliases: list[str]
    mentions: int


class DocumentRecord(Record):
    """One document: a line of `documents.jsonl` (and, without `source`, of a gold file)."""

    id: str
    text_sha256: str
    source: str | None = None
    spans: list[Span] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)


class EntityRow(Span):
    """A row of `entities.jsonl`: a span with its document id."""

    doc_id: str


class CitationRow(Citation):
    """A row of `citations.jsonl`: a citation with its document id and index."""

    doc_id: str
    index: int


class ErrorRecord(Record):
    """A row of `errors.jsonl`: a document that could not be processed, and why."""

    id: str
    source: str
    kind: str
    message: str
