"""The cost of reading PDFs, per page, beside the text pipeline's: for `bench/run.py`.

    python bench/pdf.py            # typesets the seed (two columns) and a dev chapter (footnotes)

Each PDF is typeset by tools/make_pdf.py from a corpus text, then read by `nerpipe.pdf.read_pdf`
(best of 3, wall and CPU time) and its text run through `nerpipe.extract` (warm pipeline); the
figures are milliseconds per page for each, and their ratio.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    ("seed, two columns", ROOT / "corpus" / "mosyakov-khmer-rouge.txt", 2),
    ("dev chapter, footnotes", ROOT / "corpus" / "dev" / "frus-history-ch12-statute.txt", 1),
)


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("make_pdf", ROOT / "tools" / "make_pdf.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_pdf"] = module
    spec.loader.exec_module(module)
    return module


def _best(fn: Any, runs: int = 3) -> tuple[float, float]:
    """The best wall and CPU seconds of `runs` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def measure() -> list[dict[str, Any]]:
    """One row per typeset PDF: pages, ms per page to read it and to extract its text's records."""
    from nerpipe.extract import default_nlp, extract
    from nerpipe.layout import repair
    from nerpipe.pdf import read_pdf

    tool = _tool()
    nlp = default_nlp()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, source, columns in SOURCES:
            path = Path(tmp) / "article.pdf"
            clean = repair(source.read_text(encoding="utf-8")).text
            printed = tool.typeset(clean, path, title="An Article", journal="A Journal", columns=columns)
            pages = len(printed.pages)
            text = read_pdf(path).text
            extract(text, nlp=nlp)  # warm
            read_wall, read_cpu = _best(lambda p=path: read_pdf(p))
            run_wall, run_cpu = _best(lambda t=text: extract(t, nlp=nlp))
            rows.append(
                {"pdf": name, "pages": pages, "read ms/page": 1000 * read_wall / pages,
                 "read CPU ms/page": 1000 * read_cpu / pages, "pipeline ms/page": 1000 * run_wall / pages,
                 "pipeline CPU ms/page": 1000 * run_cpu / pages, "read / pipeline": read_cpu / run_cpu}
            )  # fmt: skip
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for r in rows:
        lines.append(
            "| " + " | ".join(f"{r[k]:.2f}" if isinstance(r[k], float) else str(r[k]) for k in keys) + " |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(measure()))
