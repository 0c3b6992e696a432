"""Merge two annotation passes into the final gold, applying written adjudication decisions.

Spans and citations on which both passes agree are kept. Each disagreement must be settled by a
decision in DECISIONS (keep or drop, with the guideline that decides it); an unsettled
disagreement stops the merge, so no difference is resolved silently.

Usage: python tools/adjudicate.py PASS_A.jsonl PASS_B.jsonl -o GOLD.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

# (start, end, label) -> (keep?, reason). Reasons are added to docs/annotation.md.
DECISIONS: dict[tuple[int, int, str], tuple[bool, str]] = {
    (17959, 17966, "GPE"): (
        False,
        "'Vietnam-Kampuchean Conflict' names an event; the event rule beats the hyphen rule",
    ),
    (32516, 32540, "ORG"): (
        True,
        "'the Vietnamese workers party' is the party's own name, lowercased in a quotation",
    ),
    (76401, 76437, "ORG"): (
        True,
        "'Questions of the history of the CPSU' is a periodical: the whole name is ORG",
    ),
    (76433, 76437, "ORG"): (False, "inside the periodical's name, which is one ORG span"),
}


def key(span: dict) -> tuple[int, int, str]:
    return span["start"], span["end"], span["label"]


def merge(a: dict, b: dict) -> dict:
    if a["text_sha256"] != b["text_sha256"]:
        raise SystemExit("the passes annotate different texts")
    spans_a = {key(s): s for s in a["spans"]}
    spans_b = {key(s): s for s in b["spans"]}
    spans = []
    for k in sorted(spans_a.keys() | spans_b.keys()):
        if k in spans_a and k in spans_b:
            spans.append(spans_a[k])
            continue
        if k not in DECISIONS:
            raise SystemExit(f"undecided disagreement: {k} {(spans_a.get(k) or spans_b[k])['text']!r}")
        if DECISIONS[k][0]:
            spans.append(spans_a.get(k) or spans_b[k])
    if a["citations"] != b["citations"]:
        raise SystemExit("the passes' citation records differ: add citation decisions first")
    return {**a, "spans": spans}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pass_a", type=Path)
    parser.add_argument("pass_b", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    a = json.loads(args.pass_a.read_text(encoding="utf-8"))
    b = json.loads(args.pass_b.read_text(encoding="utf-8"))
    args.out.write_text(json.dumps(merge(a, b), ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
