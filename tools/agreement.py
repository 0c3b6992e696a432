"""Inter-annotator agreement between two gold passes, with nerpipe's own scorer.

Pass A is read as "gold" and pass B as "prediction": span F1 is then symmetric agreement
(precision and recall swap if the passes swap). Prints a Markdown table.

Usage: python tools/agreement.py PASS_A.jsonl PASS_B.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

from nerpipe.evaluate import evaluate
from nerpipe.jsonl import read_models
from nerpipe.models import DocumentRecord


def main() -> None:
    a = list(read_models(Path(sys.argv[1]), DocumentRecord))
    b = list(read_models(Path(sys.argv[2]), DocumentRecord))
    report = evaluate(a, b)
    print("| label | pass A spans | pass B spans | agreed (strict) | F1 strict | F1 lenient |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, d in report["ents_per_type"].items():
        lenient = report["lenient"]["ents_per_type"][label]["f"]
        print(
            f"| {label} | {d['tp'] + d['fn']} | {d['tp'] + d['fp']} | {d['tp']} | {d['f']:.4f} | {lenient:.4f} |"
        )
    print(f"| micro | | | | {report['ents_f']:.4f} | {report['lenient']['ents_f']:.4f} |")
    det = report["citations"]["detection"]["ALL"]
    print(
        f"\ncitations: {det['tp']} agreed spans of {det['tp'] + det['fn']} (A) / {det['tp'] + det['fp']} (B), F1 {det['f']:.4f}"
    )
    for field, d in report["citations"]["fields"].items():
        print(f"- {field}: {d['accuracy']:.4f} agreement over {d['n']} matched records")


if __name__ == "__main__":
    main()
