"""An index of the archive units cited across a corpus (pure, plus a CSV writer).

One row per (archive, fund, inventory, file): how many citations, which pages, which documents.
Ibid citations count for the unit their antecedent cites.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nerpipe.citations import format_pages
from nerpipe.models import DocumentRecord
from nerpipe.texts import atomic_path


@dataclass
class UnitRow:
    """One archive unit and what cites it."""

    archive: str | None
    fund: str
    inventory: str | None
    file: str
    citations: int = 0
    pages: set[tuple[int, int]] = field(default_factory=set)
    documents: list[str] = field(default_factory=list)

    @property
    def pages_text(self) -> str:
        return format_pages(sorted(self.pages))


def _sort_key(value: str | None) -> tuple[int, str]:
    digits = "".join(ch for ch in value or "" if ch.isdigit())
    return (int(digits) if digits else -1, value or "")


def archive_index(docs: Iterable[DocumentRecord]) -> list[UnitRow]:
    """Rows sorted by archive, then fund, inventory and file numerically."""
    rows: dict[tuple[str | None, str, str | None, str], UnitRow] = {}
    for doc in docs:
        for c in doc.citations:
            if c.fund is None or c.file is None or c.section != "text":
                continue
            key = (c.archive, c.fund, c.inventory, c.file)
            row = rows.setdefault(key, UnitRow(*key))
            row.citations += 1
            row.pages.update(c.pages or ())
            if doc.id not in row.documents:
                row.documents.append(doc.id)
    return sorted(
        rows.values(),
        key=lambda r: (r.archive or "", _sort_key(r.fund), _sort_key(r.inventory), _sort_key(r.file)),
    )


def write_csv(rows: list[UnitRow], path: Path) -> None:
    """The index as UTF-8 CSV with a header (written whole or not at all)."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["archive", "fund", "inventory", "file", "citations", "pages", "documents"])
        for r in rows:
            writer.writerow(
                [
                    r.archive or "",
                    r.fund,
                    r.inventory or "",
                    r.file,
                    r.citations,
                    r.pages_text,
                    " ".join(r.documents),
                ]
            )
