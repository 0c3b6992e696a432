"""A smoke run of the benchmark on a tiny corpus (the real run is `make bench`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_smoke_run_prints_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--json", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.read_text())
    assert figures["words_per_second_per_core"] > 0
    assert figures["words_per_second_nothing_kept"] > 0
    assert 0 < figures["kept_words_at_limit"]["kept"] <= 50_000
    assert figures["string_store_growth"]["with memory_zone"] < figures["string_store_growth"]["without"]
    for key in (
        "words/s per core",
        "no words kept",
        "2 jobs",
        "peak RSS",
        "chunks kept",
        "citation finding alone",
    ):
        assert key in result.stdout
