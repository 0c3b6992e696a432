"""Export documents.jsonl to the formats other tools read.

    prodigy / spacy   span JSONL: {"text", "spans": [{"start", "end", "label"}], "meta"}
    docbin            a .spacy file (spacy.tokens.DocBin): ents, and citations in doc.spans
    conll             token<TAB>BIO-tag, a blank line between paragraphs, "# id = ..." per doc
    csv               one row per entity and per citation, UTF-8 with a header
    csl-json          CSL items (Zotero imports them): one per archive unit or work cited, its
                      citations counted in `note`; an archive's name in `archive`, its place in
                      `archive-place`, the unit and the sheets cited in `archive_location`

The text of each document is read back from the run's `texts/` directory (`texts.read_text`)
and checked against `text_sha256`. The output is written to a temporary file renamed when
complete: a failed export leaves no partial file.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import spacy
from spacy.tokens import Doc, DocBin

from nerpipe.archives import load_registry, places
from nerpipe.citations import format_pages
from nerpipe.interchange import LABEL_STUDIO_CONFIG, label_studio_task
from nerpipe.models import Citation, DocumentRecord
from nerpipe.texts import atomic_path, read_text, text_name

FORMATS = ("prodigy", "spacy", "docbin", "conll", "csv", "csl-json", "tei", "label-studio")
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


def archive_place(archive_id: str | None) -> str | None:
    """The city an archive is in, as CSL's `archive-place` wants it: its first place written with
    its state or country ("College Park, MD"), else its first place that is no division.

    >>> archive_place("NARA"), archive_place("RGANI"), archive_place("LOC"), archive_place(None)
    ('College Park, MD', 'Moscow', 'Washington, DC', None)
    """
    found = places(archive_id)
    return next((p for p in found if ", " in p), None) or next(
        (p for p in found if "Division" not in p), None
    )


def archive_location(c: Citation, pages: list[tuple[int, int]] | None = None) -> str:
    """The unit in Russian archival notation, with the sheets cited (`pages`, default the
    citation's): "f. 5, op. 75, d. 1062, l. 23" (one sheet), "..., ll. 23-24, 35" (several)."""
    parts = [f"f. {c.fund}"]
    if c.inventory:
        parts.append(f"op. {c.inventory}")
    if c.folder:
        parts.append(f"papka {c.folder}")
    parts.append(f"d. {c.file}")
    if c.subfile:
        parts.append(f"dossier {c.subfile}")
    pages = c.pages if pages is None else pages
    if pages:
        single = len(pages) == 1 and pages[0][0] == pages[0][1]
        parts.append(("l. " if single else "ll. ") + format_pages(pages))
    return ", ".join(parts)


def merge_pages(pages: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sheets cited, sorted, touching ranges joined.

    >>> merge_pages([(86, 86), (85, 85), (23, 24), (24, 30)])
    [(23, 30), (85, 86)]
    """
    merged: list[tuple[int, int]] = []
    for first, last in sorted(pages):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _issued(date: str | None, year: str | None) -> dict[str, Any] | None:
    value = date or year
    if not value or not value[:4].isdigit():
        return None
    parts = [int(p) for p in value.split("/")[0].split("-")[:3] if p.isdigit()]
    return {"date-parts": [parts]}


Key = tuple[str | None, ...]


def source_key(record: DocumentRecord, index: int, seen: frozenset[int] = frozenset()) -> Key | None:
    """What citation `index` of `record` cites, the same for every citation of it: an archive
    unit ("unit", archive, fund, inventory, folder, file, subfile) or a work ("work", authors,
    year, title). An ibid cites what its antecedent cites; an in-text citation what its
    reference-list entry cites. None for interviews and what names no unit or work."""
    c = record.citations[index]
    link = c.antecedent if c.kind == "ibid" else c.reference
    if link is not None and link not in seen and 0 <= link < len(record.citations):
        return source_key(record, link, seen | {index})
    if c.kind in ("archival", "ibid") and c.fund and c.file:
        return ("unit", c.archive, c.fund, c.inventory, c.folder, c.file, c.subfile)
    if c.kind == "bibliographic" and (c.authors or c.title):
        title = " ".join((c.title or "").casefold().split()) or None
        return ("work", "; ".join(c.authors or ()).casefold() or None, c.year, title)
    return None


def to_csl(records: Iterable[DocumentRecord]) -> list[dict[str, Any]]:
    """CSL-JSON items, one per archive unit or work cited across `records` (first cited first).

    Every citation of a source (an ibid, an in-text citation of a reference-list entry) counts
    for it: `note` says how often and where. An archival item's `archive_location` lists every
    sheet cited; a work's fields come from its reference-list entry where there is one.
    """
    registry = load_registry()
    groups: dict[Key, list[tuple[DocumentRecord, Citation]]] = {}
    for r in records:
        for i, c in enumerate(r.citations):
            key = source_key(r, i)
            if key is not None:
                groups.setdefault(key, []).append((r, c))
    items, ids = [], Counter[str]()
    for key, cited in groups.items():
        entries = [c for _, c in cited if c.section == "references"]
        base = entries[0] if entries else next((c for _, c in cited if c.kind != "ibid"), cited[0][1])
        item = _archival_item(base, cited, registry) if key[0] == "unit" else _work_item(base, entries)
        item_id = _slug(" ".join(str(part) for part in key[1:] if part)) or "source"
        ids[item_id] += 1
        item["id"] = item_id if ids[item_id] == 1 else f"{item_id}-{ids[item_id]}"
        in_text = [(r, c) for r, c in cited if c.section == "text"]
        per_doc = Counter(r.id for r, _ in in_text)
        where = ", ".join(f"{doc} ({n})" for doc, n in per_doc.items())
        times = f"{len(in_text)} time" + ("s" if len(in_text) != 1 else "")
        item["note"] = f"nerpipe: cited {times}" + (f" in {where}" if where else "")
        items.append(item)
    return items


def _archival_item(
    base: Citation, cited: list[tuple[DocumentRecord, Citation]], registry: dict[str, dict[str, object]]
) -> dict[str, Any]:
    pages = merge_pages(page for _, c in cited for page in c.pages or ())
    entry = registry.get(base.archive or "", {})
    titles = {c.title for _, c in cited if c.title}
    item: dict[str, Any] = {
        "type": "manuscript",
        "title": titles.pop()
        if len(titles) == 1
        else f"{base.archive or 'Archive'}, {archive_location(base, [])}",
        "archive": str(entry.get("name", base.archive or "")),
        "archive_location": archive_location(base, pages),
    }
    place = archive_place(base.archive)
    if place:
        item["archive-place"] = place
    dates = {c.date for _, c in cited if c.date}
    issued = _issued(dates.pop(), None) if len(dates) == 1 else None
    if issued:
        item["issued"] = issued
    return item


def _work_item(base: Citation, entries: list[Citation]) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "article-newspaper" if base.date and not base.authors else "book"}
    if base.authors:
        item["author"] = [{"family": a} for a in base.authors]
    if base.title:
        item["title"] = base.title
    if entries and base.pages:  # a reference-list entry's pages are the work's own
        item["page"] = format_pages(base.pages)
    issued = _issued(base.date, base.year)
    if issued:
        item["issued"] = issued
    return item


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def export(records: list[DocumentRecord], fmt: str, out: Path, texts: Path | None = None) -> int:
    """Write `records` as `fmt` to `out`; return the number of items written.

    `texts` is the run's texts directory (`DIR/texts`), for the formats that carry the text.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "tei":
        return to_tei_files(records, out, texts)
    if fmt == "label-studio":
        with atomic_path(out.with_suffix(".xml")) as tmp:
            tmp.write_text(LABEL_STUDIO_CONFIG, encoding="utf-8")
    with atomic_path(out) as tmp:
        if fmt == "docbin":
            return to_docbin(records, tmp, texts)
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            return _write(records, fmt, fh, texts)


def to_tei_files(records: list[DocumentRecord], directory: Path, texts: Path | None) -> int:
    """One TEI P5 file per document in `directory` (`tei.to_tei`), named as its text is."""
    from nerpipe.tei import to_tei

    directory.mkdir(parents=True, exist_ok=True)
    for r in records:
        xml = to_tei(r, read_text(r, texts))
        with atomic_path(directory / (text_name(r.id).removesuffix(".txt") + ".xml")) as tmp:
            tmp.write_text(xml, encoding="utf-8")
    return len(records)


def _write(records: list[DocumentRecord], fmt: str, fh: IO[str], texts: Path | None) -> int:
    if fmt == "label-studio":  # a JSON list of tasks, the labeling config beside it (`export`)
        tasks = [label_studio_task(r, read_text(r, texts)) for r in records]
        json.dump(tasks, fh, ensure_ascii=False, indent=1)
        return len(tasks)
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
