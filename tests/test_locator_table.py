"""The locator table's own shape (tests/data/locators.jsonl): keys, record fields, types, counts.

The table is the contract's statement of what every locator should parse to; these tests check
only that the table itself is well formed and as large as issue 11 asks. They never import the
parser: whether nerpipe agrees with the table is tested elsewhere.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

TABLE = Path(__file__).resolve().parent / "data" / "locators.jsonl"
ARCHIVES_USED = Path(__file__).resolve().parent / "data" / "archives-used.md"

ROW_KEYS = ("text", "tradition", "kind", "convention", "basis", "records")
RECORD_FIELDS = (
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
STRING_FIELDS = ("archive", "fund", "inventory", "folder", "file", "subfile", "reel", "date", "title")
TRADITIONS = {
    "ru",
    "ua",
    "us-nara",
    "us-presidential",
    "us-loc",
    "us-dos",
    "uk",
    "de",
    "fr",
    "cn",
    "vn",
    "hu",
    "pl",
    "cz",
    "other",
}
KINDS = {"locator", "context", "near-miss"}
# ISO 8601 at the precision given: year, year-month, day, quarter, or an interval of two days
ISO_DATE = re.compile(r"^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?(/\d{4}-\d{2}-\d{2})?$")


def _rows() -> list[dict[str, Any]]:
    with TABLE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ROWS = _rows()
RECORDS = [(row["text"], rec) for row in ROWS for rec in row["records"]]


def _positive(row: dict[str, Any]) -> bool:
    return row["kind"] != "near-miss"


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:50] for r in ROWS])
def test_locator_table_row_has_exactly_the_keys(row: dict[str, Any]) -> None:
    assert tuple(row) == ROW_KEYS
    assert isinstance(row["text"], str) and row["text"] == row["text"].strip() and row["text"]
    assert row["tradition"] in TRADITIONS
    assert row["kind"] in KINDS
    assert isinstance(row["convention"], str) and row["convention"]
    assert isinstance(row["basis"], str) and row["basis"]
    assert isinstance(row["records"], list)


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:50] for r in ROWS])
def test_locator_table_near_misses_and_only_they_have_no_records(row: dict[str, Any]) -> None:
    assert (row["kind"] == "near-miss") == (row["records"] == [])


@pytest.mark.parametrize(("text", "rec"), RECORDS, ids=[t[:50] for t, _ in RECORDS])
def test_locator_table_record_has_all_eleven_fields_typed(text: str, rec: dict[str, Any]) -> None:
    assert tuple(rec) == RECORD_FIELDS
    assert isinstance(rec["archive_stated"], bool)
    for name in STRING_FIELDS:
        value = rec[name]
        assert value is None or (isinstance(value, str) and value and value == value.strip()), name
    if rec["archive_stated"]:
        assert rec["archive"] is not None, "a stated archive has an id"
    # a record locates something below the archive
    assert any(rec[n] is not None for n in ("fund", "inventory", "folder", "file", "subfile", "reel"))
    if rec["date"] is not None:
        assert ISO_DATE.match(rec["date"]), rec["date"]


@pytest.mark.parametrize(("text", "rec"), RECORDS, ids=[t[:50] for t, _ in RECORDS])
def test_locator_table_pages_are_ordered_integer_pairs(text: str, rec: dict[str, Any]) -> None:
    pages = rec["pages"]
    if pages is None:
        return
    assert isinstance(pages, list) and pages, "no pages is null, not []"
    for pair in pages:
        assert isinstance(pair, list) and len(pair) == 2
        first, last = pair
        assert type(first) is int and type(last) is int
        assert 0 < first <= last


def test_locator_table_has_no_duplicate_text() -> None:
    dup = [t for t, n in Counter(r["text"] for r in ROWS).items() if n > 1]
    assert dup == []


@pytest.mark.parametrize(
    ("what", "minimum"),
    [("rows", 250), ("ru+ua", 110), ("other", 90), ("near-miss", 40), ("context", 30)],
)
def test_locator_table_is_as_large_as_issue_11_asks(what: str, minimum: int) -> None:
    counts = {
        "rows": len(ROWS),
        "ru+ua": sum(1 for r in ROWS if _positive(r) and r["tradition"] in ("ru", "ua")),
        "other": sum(1 for r in ROWS if _positive(r) and r["tradition"] not in ("ru", "ua")),
        "near-miss": sum(1 for r in ROWS if r["kind"] == "near-miss"),
        "context": sum(1 for r in ROWS if r["kind"] == "context"),
    }
    assert counts[what] >= minimum


@pytest.mark.parametrize("tradition", sorted(TRADITIONS - {"ru", "ua"}))
def test_locator_table_has_six_rows_of_each_other_tradition(tradition: str) -> None:
    assert sum(1 for r in ROWS if _positive(r) and r["tradition"] == tradition) >= 6


def test_locator_table_archive_ids_are_all_listed_in_archives_used() -> None:
    listed = set(re.findall(r"^\| `([^`]+)` \|", ARCHIVES_USED.read_text(encoding="utf-8"), flags=re.M))
    used = {rec["archive"] for _, rec in RECORDS if rec["archive"] is not None}
    assert used - listed == set()
