"""Compile hand-written annotation notes into a gold JSONL line (stdlib only).

Annotators write what they read, in reading order, without counting offsets:

    # comment lines and blank lines are ignored
    {"seek": "In 1962, the Sihanouk"}              move the cursor to this text
    {"t": "Pol Pot", "l": "PERSON"}                 next "Pol Pot" after the cursor
    {"t": "Khmer Rouge", "l": "ORG", "ctx": "the so-called Khmer Rouge"}
    {"cite": "Chanda 1986, p. 59", "kind": "bibliographic", "id": "c1",
     "authors": ["Chanda"], "year": "1986", "pages": [[59, 59]], "reference": "r-chanda"}

A text annotated only in part says which parts, so that evaluation scores only those:

    {"region": "spans", "from": "Notes", "to": "McCardle, October 1, 1956"}
                                                    entities annotated from the first "Notes"
                                                    after the cursor to the end of the next
                                                    "McCardle, October 1, 1956" ("citations"
                                                    or "all" for the other kinds of record)

Entity lines (`t`) and citation lines (`cite`) keep separate cursors, so a citation and the
entities inside it can be listed in any order relative to each other. `ctx` disambiguates: the
compiler finds `ctx` after the cursor, then `t` (or `cite`) inside it. Cursors restart at the
beginning of each notes file. Matches inside running heads
(short lines repeated three or more times) are skipped. Citation `id`s are local names; the
`antecedent` and `reference` fields name ids and become indices into the sorted citation list.

Usage:
    python tools/compile_gold.py TEXT NOTES... --id DOC_ID -o GOLD.jsonl
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import itertools
import json
import sys
from pathlib import Path

LABELS = {"PERSON", "ORG", "GPE", "LOC", "DATE"}
KIND_FIELDS = {
    "archival": [
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
        "reference",
    ],
    "ibid": ["pages", "antecedent"],
    "bibliographic": ["authors", "year", "title", "pages", "date", "reference"],
    "interview": ["persons", "place", "date"],
}
LIST_FIELDS = {"authors", "persons"}


def running_head_ranges(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of lines that repeat 3+ times and are short: running heads."""
    lines = text.split("\n")
    counts = collections.Counter(line.strip() for line in lines if line.strip())
    heads = {line for line, n in counts.items() if n >= 3 and len(line) < 120}
    ranges, pos = [], 0
    for line in lines:
        if line.strip() in heads:
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


class Locator:
    """Find strings in reading order, skipping running heads."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.heads = running_head_ranges(text)

    def in_head(self, start: int, end: int) -> bool:
        return any(start < h_end and h_start < end for h_start, h_end in self.heads)

    def find(self, needle: str, cursor: int, ctx: str | None, where: str) -> tuple[int, int]:
        if ctx is not None:
            if needle not in ctx:
                raise SystemExit(f"{where}: {needle!r} is not inside its ctx {ctx!r}")
            c = self.text.find(ctx, cursor)
            if c < 0:
                raise SystemExit(f"{where}: ctx {ctx!r} not found after offset {cursor}")
            start = c + ctx.index(needle)
            return start, start + len(needle)
        pos = cursor
        while True:
            start = self.text.find(needle, pos)
            if start < 0:
                raise SystemExit(f"{where}: {needle!r} not found after offset {cursor}")
            end = start + len(needle)
            # A span that crosses a running head ("Nguyen Co\n\n<head>\n\nThach") is allowed;
            # one that lies wholly inside it is not.
            if not any(h_s <= start and end <= h_e for h_s, h_e in self.heads):
                return start, end
            pos = start + 1


def compile_notes(text: str, notes: list[Path], doc_id: str) -> dict:
    loc = Locator(text)
    ent_cursor = cite_cursor = 0
    spans: list[dict] = []
    cites: list[dict] = []
    regions: dict[str, list[list[int]]] = {}
    for path in notes:
        ent_cursor = cite_cursor = 0  # each notes file is read in its own order
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{path}:{n}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                raise SystemExit(f"{where}: not JSON: {err}") from None
            if "region" in item:
                what = item["region"]
                if what not in ("spans", "citations", "all"):
                    raise SystemExit(f"{where}: region must be spans, citations or all")
                lo = text.find(item["from"], min(ent_cursor, cite_cursor))
                hi = text.find(item["to"], lo + 1) if lo >= 0 else -1
                if lo < 0 or hi < 0:
                    raise SystemExit(f"{where}: region bounds not found")
                for key in ("spans", "citations") if what == "all" else (what,):
                    regions.setdefault(key, []).append([lo, hi + len(item["to"])])
            elif "seek" in item:
                pos = text.find(item["seek"], min(ent_cursor, cite_cursor))
                if pos < 0:
                    raise SystemExit(f"{where}: seek text not found")
                ent_cursor = cite_cursor = pos
            elif "t" in item:
                if item.get("l") not in LABELS:
                    raise SystemExit(f"{where}: bad label {item.get('l')!r}")
                start, end = loc.find(item["t"], ent_cursor, item.get("ctx"), where)
                spans.append({"start": start, "end": end, "label": item["l"], "text": item["t"]})
                ent_cursor = end
            elif "cite" in item:
                kind = item.get("kind")
                if kind not in KIND_FIELDS:
                    raise SystemExit(f"{where}: bad kind {kind!r}")
                allowed = set(KIND_FIELDS[kind]) | {"cite", "kind", "id", "ctx", "section"}
                unknown = set(item) - allowed
                if unknown:
                    raise SystemExit(f"{where}: fields not used by {kind}: {sorted(unknown)}")
                start, end = loc.find(item["cite"], cite_cursor, item.get("ctx"), where)
                rec = {
                    "start": start,
                    "end": end,
                    "kind": kind,
                    "text": item["cite"],
                    "section": item.get("section", "text"),
                }
                for field in KIND_FIELDS[kind]:
                    rec[field] = item.get(field, [] if field in LIST_FIELDS else None)
                rec["_id"] = item.get("id")
                cites.append(rec)
                cite_cursor = start + 1
            else:
                raise SystemExit(f"{where}: a line needs 't', 'cite' or 'seek'")
    spans.sort(key=lambda s: s["start"])
    for a, b in itertools.pairwise(spans):
        if b["start"] < a["end"]:
            raise SystemExit(f"overlapping spans: {a} and {b}")
    cites.sort(key=lambda c: c["start"])
    index = {c["_id"]: i for i, c in enumerate(cites) if c["_id"]}
    for c in cites:
        for field in ("antecedent", "reference"):
            if c.get(field) is not None:
                if c[field] not in index:
                    raise SystemExit(f"citation {c['text'][:40]!r}: unknown {field} id {c[field]!r}")
                c[field] = index[c[field]]
        del c["_id"]
    for key, ranges in regions.items():
        items = spans if key == "spans" else cites
        for it in items:
            if not any(lo <= it["start"] and it["end"] <= hi for lo, hi in ranges):
                raise SystemExit(f"{it['text'][:40]!r} lies outside every annotated {key} region")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = {"id": doc_id, "text_sha256": sha, "spans": spans, "citations": cites}
    if regions:
        doc["meta"] = {"annotated": {key: sorted(r) for key, r in regions.items()}}
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path)
    parser.add_argument("notes", type=Path, nargs="+")
    parser.add_argument("--id", required=True)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    text = args.text.read_bytes().decode("utf-8")
    doc = compile_notes(text, args.notes, args.id)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    by_label = collections.Counter(s["label"] for s in doc["spans"])
    by_kind = collections.Counter(c["kind"] for c in doc["citations"])
    print(
        f"{args.out}: {len(doc['spans'])} spans {dict(by_label)}; "
        f"{len(doc['citations'])} citations {dict(by_kind)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
