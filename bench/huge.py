"""Peak memory of `nerpipe run` on one huge document, built from corpus/ paragraphs.

    python bench/huge.py                 # one 60 MB text (a few minutes)
    python bench/huge.py --mb 5 --mb 20  # several sizes, to see how the peak grows

Each size runs `nerpipe run FILE --out DIR --quiet` in a subprocess, alone, and reads its peak
resident set size from `resource.getrusage(RUSAGE_CHILDREN)` (the largest child so far, so the
sizes run from small to large). The README's figure for one huge document comes from here.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import corpus_paragraphs, vary


def build_text(path: Path, megabytes: float, seed: int = 13) -> int:
    """Write one text of `megabytes` MB of shuffled corpus paragraphs; return its words."""
    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    target = int(megabytes * 1_000_000)
    size = words = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            para = vary(rng.choice(paragraphs), rng) + "\n\n"
            fh.write(para)
            size += len(para.encode("utf-8"))
            words += len(para.split())
    return words


def measure(text: Path, out: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of `nerpipe run` on one file."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "nerpipe", "run", str(text), "--out", str(out), "--quiet"], check=True
    )
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, action="append", help="size of the text in MB (repeatable)")
    args = parser.parse_args()
    print("| text | words | seconds | peak RSS | peak / text size |")
    print("|---:|---:|---:|---:|---:|")
    for megabytes in sorted(args.mb or [60.0]):
        with tempfile.TemporaryDirectory(prefix="nerpipe-huge-") as tmp:
            text = Path(tmp) / "huge.txt"
            words = build_text(text, megabytes)
            seconds, peak = measure(text, Path(tmp) / "out")
        print(f"| {megabytes:g} MB | {words:,} | {seconds:.0f} | {peak:,.0f} MB | {peak / megabytes:.1f}x |")


if __name__ == "__main__":
    main()
