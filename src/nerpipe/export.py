"""Export documents.jsonl to the formats other tools read.

    prodigy / spacy   span JSONL: {"text", "spans": [{"start", "end", "label"}], "meta"}
    docbin            a .spacy file (spacy.tokens.DocBin): ents, and citations in doc.spans
    conll             token<TAB>BIO-tag, a blank line between paragraphs, "# id = ..." per doc
    csv               one row per entity and per citation, UTF-8 with a header
    csl-json          CSL items for archival and bibliographic citations (Zotero imports them),
                      with the CSL variables `archive` and `archive_location`

The text of each document is read back from the run's `texts/` directory (`texts.read_text`)
and checked against `text_sha256`. The output is written to a temporary file renamed when
complete: a failed export leaves no partial file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import spacy
from spacy.tokens import Doc, DocBin

from nerpipe.archives import load_registry
from nerpipe.citations import format_pages
from nerpipe.models import Citation, DocumentRecord
from nerpipe.texts import atomic_path, read_text

FORMATS = ("prodigy", "spacy", "docbin", "conll", "csv", "csl-json")
CSV_FIELDS = (
    "doc_id", "record", "start", "end", "label", "text", "entity_id", "norm",
    "archive", "fund", "inventory", "folder", "file", "subfile", "pages", "date", "title", "authors", "year",
)  # fmt: skip


class ExportError(ValueError):
    """An export that cannot be made (an unknown format)."""


def to_prodigy(records: Iterable[DocumentRecord], texts: Path | None) -> Iterator[dict[str, Any]]:
    """Prodigy / spaCy span JSONL tasks; `texts` is the run's texts directory."""
    for r in records:
        yield {
            "text": read_text(r, texts),
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in r.spans],
            "meta": {"id": r.id, "source": r.source},
        }


def to_docs(records: Iterable[DocumentRecord], texts: Path | None) -> Iterator[Doc]:
    """spaCy Docs: entities in `doc.ents`, citations in `doc.spans["citations"]` (label = kind)."""
    nlp = spacy.blank("en")
    for r in records:
        doc = nlp.make_doc(read_text(r, texts))
        ents = [doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand") for s in r.spans]
        doc.ents = spacy.util.filter_spans([e for e in ents if e is not None])
        cites = [doc.char_span(c.start, c.end, label=c.kind, alignment_mode="expand") for c in r.citations]
        doc.spans["citations"] = [c for c in cites if c is not None]
        doc.user_data["id"] = r.id
        yield doc


def to_docbin(records: Iterable[DocumentRecord], path: Path, texts: Path | None) -> int:
    """Write a .spacy file; return the number of documents."""
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    n = 0
    for doc in to_docs(records, texts):
        docbin.add(doc)
        n += 1
    docbin.to_disk(path)
    return n


def to_conll(records: Iterable[DocumentRecord], texts: Path | None) -> Iterator[str]:
    """CoNLL lines: "token\\tB-PERSON"; a blank line between paragraphs and documents."""
    for doc in to_docs(records, texts):
        yield f"# id = {doc.user_data['id']}"
        for token in doc:
            if token.is_space:
                if "\n\n" in token.text:
                    yield ""
                continue
            tag = f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") else "O"
            yield f"{token.text}\t{tag}"
        yield ""


def to_csv_rows(records: Iterable[DocumentRecord]) -> Iterator[dict[str, Any]]:
    """One row per entity and per citation."""
    for r in records:
        for s in r.spans:
            yield {"doc_id": r.id, "record": "entity", "start": s.start, "end": s.end, "label": s.label,
                   "text": s.text, "entity_id": s.entity_id or "", "norm": s.norm or ""}  # fmt: skip
        for c in r.citations:
            pages = format_pages(c.pages, "; ")
            yield {
                "doc_id": r.id, "record": "citation", "start": c.start, "end": c.end, "label": c.kind,
                "text": c.text, "archive": c.archive or "", "fund": c.fund or "", "inventory": c.inventory or "",
                "folder": c.folder or "", "file": c.file or "", "subfile": c.subfile or "", "pages": pages,
                "date": c.date or "", "title": c.title or "", "authors": "; ".join(c.authors or ()), "year": c.year or "",
            }  # fmt: skip


def archive_location(c: Citation) -> str:
    """The unit in Russian archival notation: "f. 5, op. 75, d. 1062, l. 23"."""
    parts = [f"f. {c.fund}"]
    if c.inventory:
        parts.append(f"op. {c.inventory}")
    if c.folder:
        parts.append(f"papka {c.folder}")
    parts.append(f"d. {c.file}")
    if c.subfile:
        parts.append(f"dossier {c.subfile}")
    if c.pages:
        parts.append("ll. " + format_pages(c.pages))
    return ", ".join(parts)


def _issued(date: str | None, year: str | None) -> dict[str, Any] | None:
    value = date or year
    if not value or not value[:4].isdigit():
        return None
    parts = [int(p) for p in value.split("/")[0].split("-")[:3] if p.isdigit()]
    return {"date-parts": [parts]}


def to_csl(records: Iterable[DocumentRecord]) -> list[dict[str, Any]]:
    """CSL-JSON items for the archival and bibliographic citations (ibid and interviews skipped)."""
    names = {key: str(entry["name"]) for key, entry in load_registry().items()}
    items = []
    for r in records:
        for i, c in enumerate(r.citations):
            if c.kind == "archival" and c.fund and c.file:
                item: dict[str, Any] = {
                    "id": f"{r.id}-{i}", "type": "manuscript",
                    "title": c.title or f"{c.archive or 'Archive'}, {archive_location(c)}",
                    "archive": c.archive or "", "archive_location": archive_location(c),
                }  # fmt: skip
                if c.archive in names:
                    item["archive-place"] = names[c.archive]
            elif c.kind == "bibliographic":
                item = {
                    "id": f"{r.id}-{i}",
                    "type": "article-newspaper" if c.date and not c.authors else "book",
                }
                if c.authors:
                    item["author"] = [{"family": a} for a in c.authors]
                if c.title:
                    item["title"] = c.title
                if c.pages:
                    item["page"] = format_pages(c.pages)
            else:
                continue
            issued = _issued(c.date, c.year)
            if issued:
                item["issued"] = issued
            item["note"] = f"nerpipe: {r.id} [{c.start}:{c.end}] {c.text}"
            items.append(item)
    return items


def export(records: list[DocumentRecord], fmt: str, out: Path, texts: Path | None = None) -> int:
    """Write `records` as `fmt` to `out`; return the number of items written.

    `texts` is the run's texts directory (`DIR/texts`), for the formats that carry the text.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with atomic_path(out) as tmp:
        if fmt == "docbin":
            return to_docbin(records, tmp, texts)
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            return _write(records, fmt, fh, texts)


def _write(records: list[DocumentRecord], fmt: str, fh: IO[str], texts: Path | None) -> int:
    if fmt in ("prodigy", "spacy"):
        n = 0
        for task in to_prodigy(records, texts):
            fh.write(json.dumps(task, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "conll":
        lines = list(to_conll(records, texts))
        fh.write("\n".join(lines) + "\n")
        return len(records)
    if fmt == "csv":
        rows = list(to_csv_rows(records))
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS, restval="")
        writer.writeheader()
        writer.writerows(rows)
        return len(rows)
    items = to_csl(records)
    json.dump(items, fh, ensure_ascii=False, indent=2)
    return len(items)
