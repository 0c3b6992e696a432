"""nerpipe against the locator table (tests/data/locators.jsonl): every row, every field.

Each positive row's text, given to `parse_citation`, must give exactly its expected archival
records, in order, with all eleven archival fields equal (titles compared as `nerpipe evaluate`
compares them: case-folded, quotes, `*` and spacing normalised; archives by canonical id). Each
near miss must give no archival record. `tools/score_locators.py` reports the same comparison
as figures.

A row whose expectation contradicts docs/annotation.md, kept failing on purpose, is listed in
`CONTRACT_XFAIL` with the reason (strict: it fails the suite once it passes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nerpipe import parse_citation
from nerpipe.archives import canonical_archive
from nerpipe.evaluate import _norm_title
from nerpipe.models import Citation

TABLE = Path(__file__).resolve().parent / "data" / "locators.jsonl"
FIELDS = (
    "archive",
    "archive_stated",
    "fund",
    "inventory",
    "folder",
    "file",
    "subfile",
    "reel",
    "pages",
    "date",
    "title",
)
# Rows whose expected records contradict docs/annotation.md (the contract wins): text -> reason.
CONTRACT_XFAIL: dict[str, str] = {}


def _rows() -> list[dict[str, Any]]:
    with TABLE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _param(row: dict[str, Any]) -> Any:
    reason = CONTRACT_XFAIL.get(row["text"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(row, id=f"{row['tradition']}:{row['text'][:60]}", marks=marks)


ROWS = _rows()
POSITIVE = [_param(r) for r in ROWS if r["records"]]
NEAR_MISSES = [_param(r) for r in ROWS if not r["records"]]


def _norm(name: str, value: Any) -> Any:
    """A field as it is compared: titles folded, pages as lists of lists, archives canonical."""
    if name == "title":
        return _norm_title(value)
    if name == "pages":
        return [list(p) for p in value] if value else None
    if name == "archive":
        return canonical_archive(value) if value else None
    return value


def _fields(record: Citation | dict[str, Any]) -> dict[str, Any]:
    get = record.get if isinstance(record, dict) else lambda name: getattr(record, name)
    return {name: _norm(name, get(name)) for name in FIELDS}


def _archival(text: str) -> list[Citation]:
    return [c for c in parse_citation(text) if c.kind == "archival"]


def test_locators_table_has_rows_of_both_kinds() -> None:
    assert len(POSITIVE) >= 250 and len(NEAR_MISSES) >= 30
    assert len(CONTRACT_XFAIL) <= 10, "rows kept failing against the contract must stay few"
    texts = {r["text"] for r in ROWS}
    assert set(CONTRACT_XFAIL) <= texts, "an xfail names a row the table no longer has"


@pytest.mark.parametrize("row", POSITIVE)
def test_locators_table_row_parses_to_its_records(row: dict[str, Any]) -> None:
    got = [_fields(c) for c in _archival(row["text"])]
    expected = [_fields(r) for r in row["records"]]
    assert got == expected


@pytest.mark.parametrize("row", NEAR_MISSES)
def test_locators_table_near_miss_gives_no_archival_record(row: dict[str, Any]) -> None:
    assert [_fields(c) for c in _archival(row["text"])] == []
