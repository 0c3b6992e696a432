"""Score `nerpipe.parse_citation` on a locator table (tests/data/locators.jsonl).

Each row's text is parsed with `parse_citation`; its archival records are compared in order with
the row's expected records, all eleven archival fields each (titles as `nerpipe evaluate`
compares them: case-folded, quotes, `*` and spacing normalised; archives by canonical id). A
missing record counts all its fields wrong; a near-miss row (no expected record) that gives a
record is a false positive.

Usage:
    python tools/score_locators.py TABLE.jsonl [N] [--tradition T]

    N              also print the first N errors (field, text, expected, got)
    --tradition T  score only the rows of tradition T ("ru", "us-nara", ...)

Prints record recall, near-miss false-positive rows, rows wholly right, field accuracy (over
every expected record's fields) per field, and records and field accuracy per tradition.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nerpipe import parse_citation
from nerpipe.archives import canonical_archive
from nerpipe.evaluate import _norm_title
from nerpipe.models import Citation

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


def norm(name: str, value: Any) -> Any:
    """A field's value as it is compared: titles folded, pages as lists, archives canonical."""
    if name == "title":
        return _norm_title(value)
    if name == "pages":
        return [list(p) for p in value] if value else None
    if name == "archive":
        return canonical_archive(value) if value else None
    return value


@dataclass
class Tally:
    """Expected and matched records, right and total fields (of one tradition or of all)."""

    records: int = 0
    matched: int = 0
    fields_ok: int = 0
    fields: int = 0


@dataclass
class Report:
    """The scores of a table, and its errors in row order."""

    total: Tally = field(default_factory=Tally)
    per_tradition: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    field_ok: Counter[str] = field(default_factory=Counter)
    field_total: Counter[str] = field(default_factory=Counter)
    near_miss_rows: int = 0
    near_miss_fp: int = 0
    rows: int = 0
    rows_ok: int = 0
    errors: list[tuple[Any, ...]] = field(default_factory=list)


def archival(text: str) -> tuple[list[Citation], str | None]:
    """The archival records of `text`, and the error message if parsing raised."""
    try:
        return [c for c in parse_citation(text) if c.kind == "archival"], None
    except Exception as exc:  # a batch goes on: the row counts as giving nothing
        return [], repr(exc)


def score(rows: list[dict[str, Any]]) -> Report:
    """Score every row of a locator table."""
    rep = Report()
    for row in rows:
        expected: list[dict[str, Any]] = row["records"]
        got, error = archival(row["text"])
        if error:
            rep.errors.append(("EXC", row["text"], error))
        if not expected:
            rep.near_miss_rows += 1
            if got:
                rep.near_miss_fp += 1
                rep.errors.append(("FP", row["text"], [c.model_dump(include=set(FIELDS)) for c in got]))
            continue
        trad = rep.per_tradition[row["tradition"]]
        rep.rows += 1
        wholly = len(expected) == len(got)
        if len(got) != len(expected):
            rep.errors.append(("COUNT", row["text"], len(expected), len(got)))
        for tally in (rep.total, trad):
            tally.records += len(expected)
            tally.matched += min(len(expected), len(got))
        for i, exp in enumerate(expected):
            rec = got[i] if i < len(got) else None
            for name in FIELDS:
                ok = rec is not None and norm(name, getattr(rec, name)) == norm(name, exp.get(name))
                rep.field_total[name] += 1
                rep.field_ok[name] += ok
                for tally in (rep.total, trad):
                    tally.fields += 1
                    tally.fields_ok += ok
                if rec is not None and not ok:
                    wholly = False
                    rep.errors.append(
                        (name, row["text"], norm(name, exp.get(name)), norm(name, getattr(rec, name)))
                    )
        rep.rows_ok += wholly
    return rep


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def print_report(rep: Report, errors: int = 0) -> None:
    """Print the figures (and the first `errors` errors) in the lead's format."""
    t = rep.total
    print(
        f"record recall {t.matched}/{t.records} = {_ratio(t.matched, t.records):.3f}; "
        f"near-miss FP rows {rep.near_miss_fp}/{rep.near_miss_rows}; rows wholly right {rep.rows_ok}/{rep.rows}"
    )
    per_field = {f: round(_ratio(rep.field_ok[f], rep.field_total[f]), 3) for f in FIELDS}
    print(f"field accuracy {_ratio(t.fields_ok, t.fields):.3f}", per_field)
    for name, tally in sorted(rep.per_tradition.items()):
        print(
            f"  {name:16s} records {tally.matched}/{tally.records}  "
            f"fields {_ratio(tally.fields_ok, tally.fields):.3f}"
        )
    for err in rep.errors[:errors]:
        print(err)


def main(argv: list[str]) -> int:
    """Run the scorer on the command line; see the module docstring."""
    args = list(argv)
    tradition = None
    if "--tradition" in args:
        i = args.index("--tradition")
        tradition = args[i + 1]
        del args[i : i + 2]
    if not args:
        print(__doc__)
        return 2
    path = Path(args[0])
    errors = int(args[1]) if len(args) > 1 else 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if tradition:
        rows = [r for r in rows if r["tradition"] == tradition]
    print_report(score(rows), errors)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
