"""A/B: nerpipe end to end on one synthetic corpus, another tree's sources against this one's.

    mkdir /tmp/base && git archive <commit> | tar -x -C /tmp/base
    python bench/ab.py /tmp/base/src --megabytes 3 --rounds 6

Runs alternate (base, head, head, base, ...) so that a shared machine's load falls on both, and
each run reports its CPU seconds (user + system) beside its wall time: on a machine other work
shares, CPU time is the steadier measure. The best of the rounds is printed for each tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (bench/run.py: the synthetic corpus)

SCRIPT = """
import resource, sys, time
from pathlib import Path
from nerpipe.batch import run
t = time.perf_counter()
run([Path(sys.argv[1])], Path(sys.argv[2]), jobs=1, overwrite=True)
wall = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_SELF)
print(wall, usage.ru_utime + usage.ru_stime)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_src", type=Path, help="the other tree's src/ directory")
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    trees = {"base": str(args.base_src.resolve()), "head": str(HERE.parent / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files, words = bench.build_corpus(corpus, args.megabytes)
        best = {name: (float("inf"), float("inf")) for name in trees}
        for i in range(args.rounds):
            order = list(trees.items()) if i % 2 == 0 else list(trees.items())[::-1]
            for name, src in order:
                env = dict(os.environ, PYTHONPATH=src)
                command = [sys.executable, "-c", SCRIPT, str(corpus), str(Path(tmp) / name)]
                out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
                wall, cpu = (float(x) for x in out.split())
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
                print(
                    f"{name}: {words / wall:,.0f} words/s wall, {words / cpu:,.0f} words per CPU second",
                    flush=True,
                )
        summary = {
            name: {"words_per_s": words / w, "words_per_cpu_s": words / c} for name, (w, c) in best.items()
        }
        print(json.dumps({"files": files, "words": words, "best": summary}, indent=1))


if __name__ == "__main__":
    main()
