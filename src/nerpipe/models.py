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
        "archive", "archive_stated", "fund", "inventory", "folder", "file", "subfile", "reel",
        "pages", "date", "title", "reference",
    ),
    "ibid": ("pages", "antecedent"),
    "bibliographic": ("authors", "year", "title", "pages", "date", "reference"),
    "interview": ("persons", "place", "date"),
}  # fmt: skip


class Record(BaseModel):
    """Base of every record: immutable, no unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    def to_json(self) -> str:
        """The one serialisation of a record: compact JSON, `None` fields kept."""
        return self.model_dump_json()


class Span(Record):
    """An entity mention; `text == raw_text[start:end]`.

    `pattern` is the id of the rule or gazetteer entry that produced it (absent in gold);
    `norm`/`mod` carry a DATE's TIMEX3 value; `entity_id` groups the variants of one entity.
    """

    start: int = Field(ge=0)
    """Offset of the first character in the raw text."""
    end: int = Field(gt=0)
    """Offset after the last character (exclusive)."""
    label: Label
    """PERSON, ORG, GPE, LOC or DATE."""
    text: str
    """`raw_text[start:end]`; a name cut by a page break keeps the break."""
    pattern: str | None = None
    """Provenance: the gazetteer id ("person:pol-pot") or rule ("rule:vietnamese-name") that fired."""
    norm: str | None = None
    """DATE only: TIMEX3-style value ("1965-04-01", "1966-Q2", "197X", "1946/1954")."""
    mod: str | None = None
    """DATE only: START, MID or END for "early", "mid-", "end of"."""
    entity_id: str | None = None
    """PERSON/ORG/GPE/LOC: shared by the variants of one entity in the document."""
    page: str | None = None
    """The page it stands on: the printed page label ("203", "xii") where the PDF, TEI or text
    shows one, else the physical page number; None where the input shows no page breaks."""


class Resolution(Record):
    """How a back-reference was resolved: its status, and candidates when ambiguous."""

    status: Status
    """resolved, ambiguous (see candidates) or unresolved."""
    target: Literal["antecedent", "reference", "archive", "short_form"]
    """What was looked for: an ibid's antecedent, a reference-list entry, the archive, or the
    full name of a short form defined by "(henceforth X)"."""
    candidates: list[int] = Field(default_factory=list)
    """Indices of the citations that could be meant."""
    note: str | None = None
    """How it was resolved, e.g. "inherited RGANI from the previous archival citation",
    "Noble Papers: henceforth for G. Bernard Noble Papers"."""


class Citation(Record):
    """One citation: its span, kind, section, and the fields of its kind (others stay None)."""

    start: int = Field(ge=0)
    """Offset of the citation's first character (inside the brackets, after a "see ")."""
    end: int = Field(gt=0)
    """Offset after its last character (a final period excluded)."""
    kind: Kind
    """archival, ibid, bibliographic or interview."""
    text: str
    """`raw_text[start:end]`."""
    section: Section = "text"
    """text (running text) or references (an entry of the reference list)."""
    archive: str | None = None
    """Archive id from patterns/archives.json ("RGANI" for RSAMH, TsKhSD, RGANI)."""
    archive_stated: bool | None = None
    """Whether the citation names the archive itself (false: inherited or inferred)."""
    fund: str | None = None
    """Fund (fond, f., Ф.) as numbered: "5", "R-5446"."""
    inventory: str | None = None
    """Inventory (opis, op., list, perechen)."""
    folder: str | None = None
    """Folder (papka, p. between inventory and file)."""
    file: str | None = None
    """File (delo, d., business, document); a range "1-125"."""
    subfile: str | None = None
    """A further level, e.g. "dossier 324"."""
    reel: str | None = None
    """A microfilm reel or roll holding the copy cited ("roll 4521", "rolik 12"): not a level."""
    pages: list[PageRange] | None = None
    """[first, last] page or sheet pairs; verso marks dropped."""
    date: str | None = None
    """ISO 8601 at the precision given ("1978-01-21", "1978-02", "1966-Q2")."""
    title: str | None = None
    """The document's description, or a work's title where no author is cited."""
    authors: list[str] | None = None
    """Bibliographic: surnames in order."""
    year: str | None = None
    """Bibliographic: the year cited ("1986")."""
    persons: list[str] | None = None
    """Interview: the people named."""
    place: str | None = None
    """Interview: the place named."""
    antecedent: int | None = None
    """Ibid: index of the citation it points to, in this document's citation list."""
    reference: int | None = None
    """Index of the matching reference-list entry, in this document's citation list."""
    page: str | None = None
    """The page the citation starts on (see `Span.page`); None where no page breaks show."""
    rule: str | None = None
    """Provenance: the grammar rule that matched ("archival.paren", "ibid.bare-pages")."""
    resolutions: list[Resolution] = Field(default_factory=list)
    """Every back-reference looked up, with its status."""
    warnings: list[str] = Field(default_factory=list)
    """Mismatches found while linking, e.g. "year differs: the reference list has Shawcross 1979"."""


class Entity(Record):
    """One entity of a document: its variants share `id`."""

    id: str
    """Gazetteer id ("person:pol-pot") or "<label>:<slug>" of the canonical name."""
    label: Label
    """PERSON, ORG, GPE or LOC."""
    name: str
    """The canonical name: the most frequent (then longest) variant."""
    aliases: list[str]
    """Every variant seen in the document."""
    mentions: int
    """How many spans name it."""


class DocumentRecord(Record):
    """One document: a line of `documents.jsonl` (and, without `source`, of a gold file)."""

    id: str
    """The document's id, unique in a run: its file stem (its path below the input directory where
    stems collide: "a/intro"), or the `id` of its JSONL line."""
    text_sha256: str
    """Hex SHA-256 of the raw UTF-8 text; evaluation refuses to compare different texts."""
    source: str | None = None
    """Where the text was read from (an absolute path, "/abs/file.jsonl:12", or "-"); the text
    itself is kept in the run's `texts/` directory."""
    spans: list[Span] = Field(default_factory=list)
    """Entity mentions, sorted by start; never overlapping."""
    citations: list[Citation] = Field(default_factory=list)
    """Citations sorted by start; `antecedent` and `reference` index this list."""
    entities: list[Entity] = Field(default_factory=list)
    """The document's entities, variants grouped."""
    meta: dict[str, Any] = Field(default_factory=dict)
    """Keys of an input JSONL line other than id and text, passed through."""


class EntityRow(Span):
    """A row of `entities.jsonl`: a span with its document id."""

    doc_id: str
    """The document's id."""


class CitationRow(Citation):
    """A row of `citations.jsonl`: a citation with its document id and index."""

    doc_id: str
    """The document's id."""
    index: int
    """Position in the document's citation list (what `antecedent` and `reference` point at)."""


class ErrorRecord(Record):
    """A row of `errors.jsonl`: a document that could not be processed, and why."""

    id: str
    """The document's id (file stem, or "file:line" for a bad JSONL line)."""
    source: str
    """The input it came from."""
    kind: str
    """unreadable, decode, binary, jsonl, duplicate (an id already used in the run), component
    (a component raised) or timeout (past its time budget, `--timeout`)."""
    message: str
    """What went wrong, e.g. "invalid UTF-8 at byte 17"."""
