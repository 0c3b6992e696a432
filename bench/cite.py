"""Citation finding alone, quickly: MB/s on citation-dense real text and on adversarial text.

    python bench/cite.py                 # median of 3, adversarial texts at 1,000,000 chars
    python bench/cite.py --size 100000   # a quicker look
    python bench/cite.py --profile "f. 1, "   # cProfile one case (a label below, or "notes")
    python bench/run.py --citations-only # the same figures from the full benchmark's script

Cases: the notes of the real texts (after their last notes heading; the same text `bench/run.py`
measures), the whole real texts, the headline adversarial text ("f. 1, op. 2, d. " repeated
200,000 times) and every adversarial unit of `run.ADVERSARIAL` repeated to `--size` characters.
Each figure is the median of `--repeats` passes, CPU time (`time.process_time`) beside wall time.
`digest` is a hash of the records found, so that a change can be checked to find the same.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import statistics
import time
from typing import Any

import corpora
import run
from nerpipe.citations import find_citations


def cases(size: int, headline_reps: int) -> dict[str, list[str]]:
    """Label -> the texts of that case (each text is one document)."""
    notes = [t for _, t in run.notes_sections()]
    out = {
        "notes of the real texts": notes,
        "whole real texts": [t for _, t in corpora.real_texts()],
        f"{run.HEADLINE_ADVERSARIAL!r} x {headline_reps:,}": [run.HEADLINE_ADVERSARIAL * headline_reps],
    }
    dense = "\n\n".join(notes)
    out[f"notes repeated to {size:,} chars"] = [run.repeat_to(dense, size)]
    for label, unit in run.ADVERSARIAL.items():
        out[f"{label!r} to {size:,} chars"] = [run.repeat_to(unit, size)]
    return out


def measure(texts: list[str], repeats: int) -> dict[str, Any]:
    """Median CPU and wall seconds of `find_citations` over `texts`, MB/s of each, a digest."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cpu: list[float] = []
    wall: list[float] = []
    digest = ""
    found = 0
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        results = [find_citations(t) for t in texts]
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
        found = sum(len(r) for r in results)
        h = hashlib.sha256()
        for r in results:
            for c in r:
                h.update(c.model_dump_json().encode())
        digest = h.hexdigest()[:12]
    c, w = statistics.median(cpu), statistics.median(wall)
    return {
        "mb": size,
        "cpu_s": c,
        "wall_s": w,
        "cpu_mb_s": size / c if c else float("inf"),
        "wall_mb_s": size / w if w else float("inf"),
        "citations": found,
        "digest": digest,
    }


def report(size: int, headline_reps: int, repeats: int, only: str | None = None) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    print(
        f"| case | MB | CPU s | wall s | MB/s CPU | MB/s wall | citations | digest |  (median of {repeats})"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, texts in cases(size, headline_reps).items():
        if only and only not in label:
            continue
        f = measure(texts, repeats)
        figures[label] = f
        print(
            f"| {label} | {f['mb']:.3f} | {f['cpu_s']:.3f} | {f['wall_s']:.3f} | {f['cpu_mb_s']:.3f}"
            f" | {f['wall_mb_s']:.3f} | {f['citations']} | {f['digest']} |",
            flush=True,
        )
    return figures


def profile(label: str, size: int, headline_reps: int) -> None:
    texts = next(t for k, t in cases(size, headline_reps).items() if label in k)
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        find_citations(t)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
    pstats.Stats(prof).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="chars of each adversarial text")
    parser.add_argument("--headline-reps", type=int, default=200_000, help="repetitions of the headline unit")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", help="only the cases whose label contains this")
    parser.add_argument(
        "--profile", metavar="LABEL", help="cProfile the first case whose label contains LABEL"
    )
    args = parser.parse_args()
    find_citations("RGANI, f. 5, op. 75, d. 1062, l. 23.")  # warm the lazy loads
    if args.profile:
        profile(args.profile, args.size, args.headline_reps)
        return
    report(args.size, args.headline_reps, args.repeats, args.only)


if __name__ == "__main__":
    main()
