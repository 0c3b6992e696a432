"""Benchmark nerpipe in one run on a corpus that repeats no more than a real one; print Markdown.

    python bench/run.py                      # the full run (`make bench`; 38 minutes on a busy 2-core machine)
    python bench/run.py --small 2 --large 5  # a quicker look at the same figures
    python bench/run.py --smoke              # seconds: the smoke run tests/test_bench.py makes
    python bench/run.py --corpus-only        # build the corpora and print their statistics only
    python bench/run.py --citations-only     # citation finding alone (bench/cite.py), minutes

Corpora (bench/corpora.py; built in a temporary directory, nothing large committed):

* the real texts of corpus/ (the seed and the dev texts), measured alone;
* the honest corpus, the headline: variants of the real texts whose distinct paragraphs,
  distinct 8-word sequences and vocabulary growth come close to the real texts' (the table of
  repetition statistics shows each corpus beside the real texts);
* labelled extras: the favourable corpus (the old headline: paragraphs drawn at random, heavy
  repetition) and the worst case (the honest corpus with no words kept between documents).

Figures: nerpipe end to end (`nerpipe run` in a subprocess, files in, JSONL out, 1 job); spaCy's
`spacy.blank("en")` tokenizer alone on the same texts (first pass, a memory zone per document,
warm) and the ratios; the real texts alone, whole process, and `nerpipe.extract` in-process
(first pass, warm); `--jobs 2` against `--jobs 1`; start-up; peak RSS at two sizes; citation
finding alone on citation-dense real text and on adversarial locator-like text, and its time
against input size; reading a PDF per page beside the pipeline's on its text (bench/pdf.py).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import corpora
from corpora import CORPUS, ROOT, Repetition

NERPIPE = Path(sys.executable).with_name("nerpipe")
# `nerpipe run ARGS` as the `nerpipe` script runs it (`nerpipe.cli.main`), which then writes to
# REPORT the peak RSS of its largest process, in KB: its own (VmHWM) or a worker's. Measured in
# the process itself because the rusage its parent sees also counts the pages of the parent the
# child was forked from, before its exec (the bench's own statistics take gigabytes).
#     python -c LAUNCHER REPORT KEEP ARGS...   (KEEP = "all", or "none" to keep no words)
LAUNCHER = (
    "import resource, sys\n"
    "report, keep = sys.argv[1], sys.argv[2]\n"
    "if keep == 'none':  # the worst case: no words kept between documents\n"
    "    import nerpipe.memory\n"
    "    assert hasattr(nerpipe.memory, 'KEPT_LIMIT'), 'nerpipe.memory.KEPT_LIMIT is gone: fix the bench'\n"
    "    nerpipe.memory.KEPT_LIMIT = 0\n"
    "from nerpipe.cli import main\n"
    "sys.argv = ['nerpipe', *sys.argv[3:]]\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    with open('/proc/self/status') as f:\n"
    "        own = next(int(line.split()[1]) for line in f if line.startswith('VmHWM:'))\n"
    "    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    with open(report, 'w') as f:\n"
    "        f.write(str(max(own, workers)))\n"
)
# Where the notes of a real text start: a line that is only a notes section's heading.
NOTES_HEADING = re.compile(
    r"^(?:notes|endnotes|references|bibliography|works cited|sources)\s*$", re.I | re.M
)
# Adversarial locator-like text: level words and numbers with no file to end the unit.
ADVERSARIAL = {
    "f. 1, op. 2, d. ": "f. 1, op. 2, d. ",
    "Fund 1, inventory 2, file ": "Fund 1, inventory 2, file ",
    "Ф. 1. Оп. 2. Д. ": "Ф. 1. Оп. 2. Д. ",
    "f. 1, ": "f. 1, ",
    "(": "(",
    "(Fund 5, inventory 5, file ((((((p. 1-...": "(Fund 5, inventory 5, file " * 4 + "((((((" + "p. 1-" * 20,
}
HEADLINE_ADVERSARIAL = "f. 1, op. 2, d. "


# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------


def timed(argv: list[str], check: bool = True) -> dict[str, float]:
    """Run `argv`; its wall time, CPU time and exit code (0, or 3 when some documents failed)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if check and code not in (0, 3):
            err.seek(0)
            raise RuntimeError(f"{argv} exited {code}: {err.read().decode(errors='replace')[-2000:]}")
    # CPU time of the process and of its workers: what other load on the machine changes least
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "exit": code}


def nerpipe_run(inputs: Path, out: Path, jobs: int = 1, nothing_kept: bool = False) -> dict[str, float]:
    """`nerpipe run INPUTS --out OUT --jobs N` in a subprocess: its wall time, its peak RSS, and
    the lines it wrote."""
    args = ["run", str(inputs), "--out", str(out), "--overwrite", "--quiet", "--jobs", str(jobs)]
    report = out.with_name("peak-rss-kb")
    keep = "none" if nothing_kept else "all"
    result = timed([sys.executable, "-c", LAUNCHER, str(report), keep, *args])
    result["peak_rss_mb"] = int(report.read_text()) / 1024
    for name in ("documents", "entities", "citations", "errors"):
        path = out / f"{name}.jsonl"
        result[name] = _lines(path) if path.exists() else 0
    shutil.rmtree(out, ignore_errors=True)
    return result


def _lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


def worker(kind: str, directory: Path) -> dict[str, float]:
    """Run one in-process measure in a fresh interpreter (`--worker KIND DIR`)."""
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(directory)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.splitlines()[-1])
    return result


def _texts(directory: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.rglob("*.txt"))]


def worker_tokenizer(directory: Path) -> dict[str, float]:
    """spaCy's tokenizer alone: first pass, first pass with a memory zone per document, warm
    (wall seconds, and CPU seconds as `cpu_...`)."""
    import spacy

    texts = [t for _, t in _texts(directory)]
    out: dict[str, float] = {}

    def timed_pass(key: str, nlp: Any, zoned: bool) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            if zoned:
                with nlp.memory_zone():
                    nlp.tokenizer(text)
            else:
                nlp.tokenizer(text)
        out[key] = time.perf_counter() - start
        out[f"cpu_{key}"] = time.process_time() - cpu

    nlp = spacy.blank("en")
    timed_pass("first", nlp, zoned=False)
    timed_pass("warm", nlp, zoned=False)
    timed_pass("zoned", spacy.blank("en"), zoned=True)
    return out


def worker_extract(directory: Path) -> dict[str, float]:
    """`nerpipe.extract` in-process: the pipeline's build, a first pass over the texts, a warm one."""
    start = time.perf_counter()
    import nerpipe
    from nerpipe.extract import default_nlp

    default_nlp()
    build = time.perf_counter() - start
    texts = _texts(directory)
    passes = []
    for _ in range(2):
        start = time.perf_counter()
        for name, text in texts:
            nerpipe.extract(text, id=name)
        passes.append(time.perf_counter() - start)
    return {"build": build, "first": passes[0], "warm": passes[1]}


def string_store_growth(corpus: Path, docs: int) -> dict[str, int]:
    """StringStore growth over `docs` documents: no zones; a zone per document (what `nerpipe run`
    does, keeping the words the corpus keeps using, up to `memory.KEPT_LIMIT` chunks); how many
    chunks that kept."""
    from nerpipe.extract import extract
    from nerpipe.memory import _KEPT, document_zone
    from nerpipe.pipeline import build_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:docs]]
    sizes = {}
    for zoned in (False, True):
        nlp = build_nlp()
        before = len(nlp.vocab.strings)
        for text in texts:
            if zoned:
                with document_zone(nlp, text):
                    extract(text, "x", nlp=nlp)
            else:
                extract(text, "x", nlp=nlp)
        sizes["with memory_zone" if zoned else "without"] = len(nlp.vocab.strings) - before
        if zoned:
            sizes["kept chunks"] = len(_KEPT[nlp].kept)
    return sizes


def kept_words_memory(documents: int = 200, words: int = 3000) -> dict[str, float]:
    """RSS growth once the kept words reach their limit: documents drawn from a vocabulary of
    120,000 made-up words, so every chunk is new and many recur (in a subprocess)."""
    script = (
        "import gc, random\n"
        "def rss():  # resident now, not the peak: building the pipeline peaks higher\n"
        "    gc.collect()\n"
        "    with open('/proc/self/status') as f:\n"
        "        return next(int(l.split()[1]) for l in f if l.startswith('VmRSS:'))\n"
        "from nerpipe.batch import process\n"
        "from nerpipe.corpus import InputDoc\n"
        "from nerpipe.memory import _KEPT\n"
        "from nerpipe.pipeline import build_nlp\n"
        "nlp = build_nlp()\n"
        "rng = random.Random(1)\n"
        "process(InputDoc('warm', 'x', 'Pol Pot met Le Duan.'), nlp)\n"
        "vocab = [f'w{rng.randrange(10**9)}x' for _ in range(120_000)]\n"
        "base = rss()\n"
        f"for i in range({documents}):\n"
        f"    process(InputDoc(str(i), 'x', ' '.join(rng.sample(vocab, {words}))), nlp)\n"
        "print(len(_KEPT[nlp].kept), rss() - base)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    kept, grown_kb = result.stdout.split()
    return {"kept": int(kept), "rss_growth_mb": int(grown_kb) / 1024}


# ---------------------------------------------------------------------------------------------
# Citation finding alone
# ---------------------------------------------------------------------------------------------


def notes_sections() -> list[tuple[str, str]]:
    """The notes or reference list of each real text that has one (after its last heading)."""
    out = []
    for name, text in corpora.real_texts():
        headings = list(NOTES_HEADING.finditer(text))
        if headings:
            out.append((name, text[headings[-1].end() :]))
    return out


def citation_speed(texts: list[str], passes: int) -> dict[str, float]:
    """`find_citations` over `texts` in MB/s (UTF-8): the best of `passes` passes."""
    from nerpipe.citations import find_citations

    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    found = 0
    for _ in range(passes):
        start = time.perf_counter()
        found = sum(len(find_citations(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return {"mb": size / 1e6, "seconds": best, "mb_per_s": size / 1e6 / best, "citations": found}


def repeat_to(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def citation_scaling(dense: str, sizes: tuple[int, ...]) -> dict[str, dict[int, float]]:
    """Seconds to find the citations of one document of each size, dense notes and each
    adversarial text."""
    from nerpipe.citations import find_citations

    table: dict[str, dict[int, float]] = {}
    for label, unit in {"notes (real, repeated)": dense, **ADVERSARIAL}.items():
        row = {}
        for size in sizes:
            text = repeat_to(unit, size)
            start = time.perf_counter()
            find_citations(text)
            row[size] = time.perf_counter() - start
        table[label] = row
    return table


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    def cmd(*argv: str) -> str:
        try:
            return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    cpu = "?"
    if Path("/proc/cpuinfo").exists():
        cpu = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")
            ),
            "?",
        )
    memory = "?"
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 2**20:.0f} GiB"
    import spacy

    dirty = cmd("git", "status", "--porcelain", "--untracked-files=no")
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": cmd("git", "rev-parse", "--short", "HEAD")
        + (" (with uncommitted changes)" if dirty else ""),
        "command": " ".join(["python", "bench/run.py", *sys.argv[1:]]),
        "cpu": f"{os.cpu_count()} cores, {cpu}",
        "memory": memory,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def link_prefix(source: Path, target: Path, megabytes: float) -> None:
    """The first files of `source` adding up to `megabytes`, hard-linked into `target`."""
    target.mkdir(parents=True)
    size = 0
    for path in sorted(source.glob("*.txt")):
        if size >= megabytes * 1_000_000:
            break
        os.link(path, target / path.name)
        size += path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=20.0, help="MB of the headline corpus")
    parser.add_argument("--large", type=float, default=200.0, help="MB of the large corpus (peak RSS)")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repeat: for the test suite")
    parser.add_argument(
        "--corpus-only", action="store_true", help="build the corpora, print their statistics"
    )
    parser.add_argument(
        "--content-swap", type=float, help=f"corpora.CONTENT_SWAP (default {corpora.CONTENT_SWAP})"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--citations-only",
        action="store_true",
        help="citation finding alone (bench/cite.py: dense notes, adversarial texts), then stop",
    )
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, directory = args.worker
        fn = {"tokenizer": worker_tokenizer, "extract": worker_extract}[kind]
        print(json.dumps(fn(Path(directory))))
        return
    if args.smoke:
        args.small, args.large = 0.3, 0.6
    repeats = 1 if args.smoke else 3
    if args.citations_only:
        import cite

        size = 10_000 if args.smoke else 1_000_000
        figures = cite.report(size, 2_000 if args.smoke else 200_000, repeats)
        write_json(args.json, {"citations_alone": figures})
        return
    info = machine()
    figures: dict[str, Any] = {"machine": info, "sizes_mb": {"small": args.small, "large": args.large}}
    with tempfile.TemporaryDirectory(prefix="nerpipe-bench-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        corpora.build_honest(work / "honest-large", args.large, swap=args.content_swap)
        link_prefix(work / "honest-large", work / "honest", args.small)
        corpora.build_favourable(work / "favourable", args.small)
        built = time.perf_counter() - started
        stats = {
            "real": corpora.repetition([t for _, t in corpora.real_texts()], orders=corpora.REAL_ORDERS),
            "honest": corpora.repetition(work / "honest"),
            "honest-large": corpora.repetition(work / "honest-large"),
            "favourable": corpora.repetition(work / "favourable"),
        }
        bounds = corpora.honest_bounds(stats["honest"], stats["real"])
        figures["build_seconds"] = round(built, 1)
        figures["repetition"] = {name: s.as_dict() for name, s in stats.items()}
        figures["honest_bounds"] = bounds
        if args.corpus_only:
            print_header(info)
            print_repetition(stats, {}, args)
            print_bounds(bounds)
            write_json(args.json, figures)
            return
        runs = measure(work, args, repeats, stats)
        figures.update(runs)
    print_report(info, stats, bounds, figures, args)
    write_json(args.json, figures)


def measure(
    work: Path, args: argparse.Namespace, repeats: int, stats: dict[str, Repetition]
) -> dict[str, Any]:
    """Every run of the benchmark; the figures, ready to print."""
    out = work / "out"
    real_words = stats["real"].words
    honest_words = stats["honest"].words
    f: dict[str, Any] = {}
    # start-up, on an idle pipeline
    one = work / "one.txt"
    one.write_text("Pol Pot met Le Duan in Hanoi on April 1, 1965 (RGANI, f. 5, op. 75, d. 1062, l. 23).\n")
    startup: dict[str, list[float]] = {"run": [], "help": [], "schema": []}
    for _ in range(repeats):
        run_one = [str(NERPIPE), "run", str(one), "--out", str(out), "--overwrite", "--quiet"]
        startup["run"].append(timed(run_one)["seconds"])
        startup["help"].append(timed([str(NERPIPE), "--help"])["seconds"])
        startup["schema"].append(timed([str(NERPIPE), "schema"])["seconds"])
    f["startup_seconds"] = {k: _spread(v) for k, v in startup.items()}
    # the real texts alone
    real_runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for _ in range(repeats):
        for jobs in (1, 2):
            if args.smoke and jobs == 2:  # the smoke run tries each code path once: 2 jobs below
                real_runs[2] = real_runs[1]
            else:
                real_runs[jobs].append(nerpipe_run(CORPUS, out, jobs))
    real_one = [r["seconds"] for r in real_runs[1]]
    real_two = [r["seconds"] for r in real_runs[2]]
    f["real"] = {
        "words": real_words,
        "documents": stats["real"].documents,
        "seconds_1_job": _spread(real_one),
        "seconds_2_jobs": _spread(real_two),
        "words_per_second_1_job": round(real_words / statistics.median(real_one)),
        "words_per_cpu_second_1_job": round(
            real_words / statistics.median([r["cpu_seconds"] for r in real_runs[1]])
        ),
        "speedup_2_jobs": round(statistics.median(real_one) / statistics.median(real_two), 2),
        "entities": real_runs[1][0]["entities"],
        "citations": real_runs[1][0]["citations"],
        "errors": real_runs[1][0]["errors"],
    }
    extract = worker("extract", CORPUS)
    f["real"]["extract"] = {
        "build_seconds": round(extract["build"], 2),
        "first_pass_words_per_second": round(real_words / extract["first"]),
        "warm_words_per_second": round(real_words / extract["warm"]),
    }
    tok_real = worker("tokenizer", CORPUS)
    f["real"]["tokenizer_words_per_second"] = {k: round(real_words / v) for k, v in tok_real.items()}
    f["real"]["ratio_to_tokenizer_first_pass"] = round(
        f["real"]["extract"]["first_pass_words_per_second"]
        / f["real"]["tokenizer_words_per_second"]["first"],
        3,
    )
    # the honest corpus: end to end, 1 and 2 jobs, nothing kept; the tokenizer on the same texts
    one_job = nerpipe_run(work / "honest", out, 1)
    two_jobs = nerpipe_run(work / "honest", out, 2)
    nothing = nerpipe_run(work / "honest", out, 1, nothing_kept=True)
    tok = worker("tokenizer", work / "honest")
    wps = honest_words / one_job["seconds"]
    cpu_wps = honest_words / one_job["cpu_seconds"]
    tok_wps = {k: round(honest_words / v) for k, v in tok.items()}  # "cpu_first": per CPU second
    ratios = {k: round((cpu_wps if k.startswith("cpu_") else wps) / v, 3) for k, v in tok_wps.items()}
    f["honest"] = {
        "words": honest_words,
        "documents": stats["honest"].documents,
        "seconds_1_job": round(one_job["seconds"], 2),
        "words_per_second_per_core": round(wps),
        "words_per_cpu_second": round(cpu_wps),
        "tokenizer_words_per_second": tok_wps,
        "ratio_to_tokenizer": ratios,
        "seconds_2_jobs": round(two_jobs["seconds"], 2),
        "speedup_2_jobs": round(one_job["seconds"] / two_jobs["seconds"], 2),
        "cpu_seconds_1_job": round(one_job["cpu_seconds"], 2),
        "cpu_seconds_2_jobs": round(two_jobs["cpu_seconds"], 2),
        "words_per_second_nothing_kept": round(honest_words / nothing["seconds"]),
        "words_per_cpu_second_nothing_kept": round(honest_words / nothing["cpu_seconds"]),
        "peak_rss_mb": round(one_job["peak_rss_mb"]),
        "peak_rss_mb_2_jobs": round(two_jobs["peak_rss_mb"]),
        "entities": one_job["entities"],
        "citations": one_job["citations"],
        "errors": one_job["errors"],
    }
    large = one_job if args.smoke else nerpipe_run(work / "honest-large", out, 1)  # smoke: same path
    f["honest_large"] = {
        "words": stats["honest-large"].words,
        "documents": stats["honest-large"].documents,
        "seconds_1_job": round(large["seconds"], 2),
        "words_per_second_per_core": round(stats["honest-large"].words / large["seconds"]),
        "words_per_cpu_second": round(stats["honest-large"].words / large["cpu_seconds"]),
        "peak_rss_mb": round(large["peak_rss_mb"]),
        "entities": large["entities"],
        "citations": large["citations"],
        "errors": large["errors"],
    }
    # the favourable corpus (the old headline)
    fav = one_job if args.smoke else nerpipe_run(work / "favourable", out, 1)  # smoke: same path
    fav_tok = worker("tokenizer", work / "favourable")
    fav_words = stats["favourable"].words
    f["favourable"] = {
        "words": fav_words,
        "documents": stats["favourable"].documents,
        "words_per_second_per_core": round(fav_words / fav["seconds"]),
        "words_per_cpu_second": round(fav_words / fav["cpu_seconds"]),
        "tokenizer_words_per_second": {k: round(fav_words / v) for k, v in fav_tok.items()},
        "peak_rss_mb": round(fav["peak_rss_mb"]),
        "entities": fav["entities"],
        "citations": fav["citations"],
        "errors": fav["errors"],
    }
    # memory (not in the smoke run: three more pipelines to build)
    if not args.smoke:
        f["string_store_growth"] = string_store_growth(work / "honest", 20)
        f["kept_words_at_limit"] = kept_words_memory(documents=200)
    # citation finding alone
    notes = notes_sections()
    f["citations_alone"] = {
        "notes": citation_speed([t for _, t in notes], passes=repeats) | {"texts": [n for n, _ in notes]},
        "whole_real_texts": citation_speed([t for _, t in corpora.real_texts()], passes=repeats),
    }
    reps = 2_000 if args.smoke else 200_000
    text = HEADLINE_ADVERSARIAL * reps
    from nerpipe.citations import find_citations

    start = time.perf_counter()
    find_citations(text)
    seconds = time.perf_counter() - start
    size = len(text.encode("utf-8")) / 1e6
    f["citations_alone"]["adversarial_headline"] = {
        "text": f"{HEADLINE_ADVERSARIAL!r} x {reps:,}",
        "mb": round(size, 2),
        "seconds": round(seconds, 2),
        "mb_per_s": round(size / seconds, 3),
    }
    sizes = (1_000, 10_000) if args.smoke else (1_000, 10_000, 100_000, 1_000_000)
    dense = "\n\n".join(t for _, t in notes)
    scaling = citation_scaling(dense, sizes)
    top = sizes[-1]
    f["citations_alone"]["scaling_seconds"] = {
        k: {str(n): round(s, 4) for n, s in v.items()} for k, v in scaling.items()
    }
    f["citations_alone"]["adversarial_mb_per_s"] = {
        k: round(len(repeat_to(unit, top).encode("utf-8")) / 1e6 / scaling[k][top], 3)
        for k, unit in ADVERSARIAL.items()
    }
    # PDF reading per page beside the text pipeline's (bench/pdf.py; typesetting needs reportlab)
    if not args.smoke:
        import pdf

        f["pdf_per_page"] = pdf.measure()
    f["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f


def _spread_text(spread: dict[str, float]) -> str:
    """A `_spread` as the tables print it: "2.48 (2.09-2.8)"."""
    return f"{spread['median']} ({spread['min']}-{spread['max']})"


def _spread(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
    }


def write_json(path: Path | None, figures: dict[str, Any]) -> None:
    if path:
        path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def print_header(info: dict[str, str]) -> None:
    print("# nerpipe benchmark\n")
    if "--smoke" in info["command"].split():
        print("**A smoke run** (tiny corpora, one repeat; the real texts' 2-job run, the large and the")
        print("favourable runs copied from the headline run, no memory extras): it checks that the figures")
        print("are computed; none of them means anything.\n")
    print(f"- command: `{info['command']}`")
    print(f"- commit: {info['commit']}; date: {info['date']}")
    print(f"- machine: {info['cpu']}, {info['memory']}; Python {info['python']}, spaCy {info['spacy']}")
    print(f"- load average (1, 5, 15 min) at the start: {info['load']}")
    print()


def print_repetition(stats: dict[str, Repetition], f: dict[str, Any], args: argparse.Namespace) -> None:
    real = stats["real"]
    labels = {
        "real": "real texts of corpus/ (mean of 20 orders)",
        "honest": f"**honest, {args.small:g} MB (headline)**",
        "honest-large": f"honest, {args.large:g} MB",
        "favourable": f"favourable, {args.small:g} MB (extra: the old headline)",
    }
    run_of = {"real": "real", "honest": "honest", "honest-large": "honest_large", "favourable": "favourable"}
    points = [p for p in corpora.GROWTH_POINTS if p <= max(s.words for s in stats.values())]
    print("## Repetition statistics of every corpus used\n")
    print(
        "Paragraphs are blocks between blank lines, whitespace normalised; 8-word sequences are "
        "counted within documents; new word types per 1,000 words at N words are counted over "
        "the last tenth of the first N words (word types: `\\w+` runs, lowercased); entities and "
        "citations are the lines nerpipe wrote for the corpus in this run.\n"
    )
    head = " | ".join(f"new types /1,000 at {p:,}" for p in points)
    print(
        f"| corpus | documents | words | distinct paragraphs | distinct 8-word sequences | the same in the first {real.prefix_words:,} words | {head} | new types /1,000 at the end | vocabulary | Heaps k, beta | entities /1,000 words | citations /1,000 words |"
    )
    print("|---|" + "---:|" * (len(points) + 11))
    for name, s in stats.items():
        cells = [f"{s.novelty[p]:.1f}" if p in s.novelty else "" for p in points]
        run = f.get(run_of[name], {})
        ents = f"{1000 * run['entities'] / s.words:.1f}" if run else ""
        cites = f"{1000 * run['citations'] / s.words:.1f}" if run else ""
        print(
            f"| {labels[name]} | {s.documents:,} | {s.words:,} | {s.distinct_paragraphs:.1%} | {s.distinct_ngrams:.1%} | {s.distinct_ngrams_prefix:.1%} | "
            + " | ".join(cells)
            + f" | {s.novelty[s.words]:.1f} | {s.vocabulary:,} | {s.heaps_k:.2f}, {s.heaps_beta:.3f} | {ents} | {cites} |"
        )
    cells = [f"({real.predicted_novelty(p):.1f})" if p > real.words else "" for p in points]
    print(
        f"| real texts' Heaps fit, extrapolated past {real.words:,} words | | | | | | "
        + " | ".join(cells)
        + f" | ({real.predicted_novelty(stats['honest'].words):.1f} at {stats['honest'].words:,}) | | | | |"
    )
    print()


def print_bounds(bounds: dict[str, bool]) -> None:
    print(
        "Bounds the honest (headline) corpus must meet: "
        + "; ".join(f"{k}: {'met' if v else '**MISSED**'}" for k, v in bounds.items())
        + ".\n"
    )


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def print_report(
    info: dict[str, str],
    stats: dict[str, Repetition],
    bounds: dict[str, bool],
    f: dict[str, Any],
    args: argparse.Namespace,
) -> None:
    print_header(info)
    print_repetition(stats, f, args)
    print_bounds(bounds)
    h, real, large, fav = f["honest"], f["real"], f["honest_large"], f["favourable"]
    rows: list[tuple[str, str, str, str]] = []

    def row(measure: str, value: str, target: str = "", ok: bool | None = None) -> None:
        rows.append((measure, value, target, "" if ok is None else _met(ok)))

    small = f"{args.small:g} MB honest, {h['words']:,} words, {h['documents']:,} files"
    row(
        f"**nerpipe end to end, words/s per core** (`nerpipe run`, 1 job; {small})",
        f"**{h['words_per_second_per_core']:,}**",
        ">= 100,000",
        h["words_per_second_per_core"] >= 100_000,
    )
    for key, label in (
        ("first", "first pass"),
        ("zoned", "first pass, a memory zone per document"),
        ("warm", "warm (second pass)"),
    ):
        row(
            f"spacy.blank('en') tokenizer alone, same texts, {label}, words/s",
            f"{h['tokenizer_words_per_second'][key]:,}",
        )
    row(
        "nerpipe / tokenizer first pass",
        f"{h['ratio_to_tokenizer']['first']}",
        ">= 0.2",
        h["ratio_to_tokenizer"]["first"] >= 0.2,
    )
    row("nerpipe / tokenizer first pass with a zone per document", f"{h['ratio_to_tokenizer']['zoned']}")
    row("nerpipe / tokenizer warm", f"{h['ratio_to_tokenizer']['warm']}")
    row(
        "the same in CPU time: nerpipe words per CPU-second (process and workers, user + sys)",
        f"{h['words_per_cpu_second']:,}",
    )
    row(
        "tokenizer alone, words per CPU-second, first pass / zone per document / warm",
        " / ".join(f"{h['tokenizer_words_per_second']['cpu_' + k]:,}" for k in ("first", "zoned", "warm")),
    )
    row(
        "nerpipe / tokenizer in CPU time, first pass / zone per document / warm",
        " / ".join(f"{h['ratio_to_tokenizer']['cpu_' + k]}" for k in ("first", "zoned", "warm")),
        ">= 0.2 (first pass)",
        h["ratio_to_tokenizer"]["cpu_first"] >= 0.2,
    )
    row(
        f"`--jobs 2` vs `--jobs 1`, {small} ({h['seconds_1_job']} s vs {h['seconds_2_jobs']} s)",
        f"{h['speedup_2_jobs']}x",
        ">= 1.8x",
        h["speedup_2_jobs"] >= 1.8,
    )
    row(
        "CPU seconds of the whole run, `--jobs 1` / `--jobs 2` (parent and workers)",
        f"{h['cpu_seconds_1_job']} / {h['cpu_seconds_2_jobs']}",
    )
    row(f"peak RSS, {args.small:g} MB, 1 job", f"{h['peak_rss_mb']} MB", "< 400 MB", h["peak_rss_mb"] < 400)
    row(
        f"peak RSS, {args.large:g} MB honest ({large['words']:,} words), 1 job",
        f"{large['peak_rss_mb']} MB",
        "< 400 MB, flat",
        large["peak_rss_mb"] < 400,
    )
    row(f"peak RSS, {args.small:g} MB, 2 jobs (largest process)", f"{h['peak_rss_mb_2_jobs']} MB")
    row(
        f"nerpipe end to end, {args.large:g} MB honest, words/s per core (per CPU-second)",
        f"{large['words_per_second_per_core']:,} ({large['words_per_cpu_second']:,})",
    )
    row(
        f"documents that failed (honest {args.small:g} MB / {args.large:g} MB)",
        f"{h['errors']} / {large['errors']}",
        "0",
        h["errors"] == 0 and large["errors"] == 0,
    )
    row(
        f"real texts alone ({real['documents']} texts, {real['words']:,} words), `nerpipe run`, whole process with start-up, 1 job: seconds (median of {len_runs(args)})",
        f"{real['seconds_1_job']['median']} s ({real['seconds_1_job']['min']}-{real['seconds_1_job']['max']})",
    )
    row(
        "real texts, whole process, 1 job, words/s (per CPU-second)",
        f"{real['words_per_second_1_job']:,} ({real['words_per_cpu_second_1_job']:,})",
    )
    row(
        "real texts, whole process, `--jobs 2` vs `--jobs 1`",
        f"{real['speedup_2_jobs']}x ({real['seconds_2_jobs']['median']} s vs {real['seconds_1_job']['median']} s)",
        ">= 1.0x (never slower)",
        real["speedup_2_jobs"] >= 1.0,
    )
    ex = real["extract"]
    row(
        "real texts, `nerpipe.extract` in-process, first pass, words/s",
        f"{ex['first_pass_words_per_second']:,}",
    )
    row("real texts, `nerpipe.extract` in-process, warm, words/s", f"{ex['warm_words_per_second']:,}")
    row("real texts, import and pipeline build in-process, s", f"{ex['build_seconds']}")
    row(
        "real texts, tokenizer alone first pass / zone per document / warm, words/s",
        " / ".join(f"{real['tokenizer_words_per_second'][k]:,}" for k in ("first", "zoned", "warm")),
    )
    row(
        "real texts, `nerpipe.extract` first pass / tokenizer first pass",
        f"{real['ratio_to_tokenizer_first_pass']}",
        ">= 0.2",
        real["ratio_to_tokenizer_first_pass"] >= 0.2,
    )
    s = f["startup_seconds"]
    row(
        f"start-up: `nerpipe run` on one short file, s (median of {len_runs(args)})",
        _spread_text(s["run"]),
        "< 1.5",
        s["run"]["median"] < 1.5,
    )
    row("start-up: `nerpipe --help`, s", _spread_text(s["help"]))
    row(
        "start-up: `nerpipe schema`, s",
        _spread_text(s["schema"]),
    )
    c = f["citations_alone"]
    notes = c["notes"]
    row(
        f"citation finding alone, notes of the real texts ({', '.join(notes['texts'])}; {notes['mb']:.3f} MB, {notes['citations']} citations), best of {len_runs(args)} passes",
        f"{notes['mb_per_s']:.1f} MB/s",
        ">= 10 MB/s",
        notes["mb_per_s"] >= 10,
    )
    whole = c["whole_real_texts"]
    row(
        f"citation finding alone, the whole real texts ({whole['mb']:.3f} MB, {whole['citations']} citations)",
        f"{whole['mb_per_s']:.1f} MB/s",
    )
    adv = c["adversarial_headline"]
    row(
        f"citation finding alone, adversarial: {adv['text']} ({adv['mb']} MB, {adv['seconds']} s)",
        f"{adv['mb_per_s']} MB/s",
        ">= 1 MB/s",
        adv["mb_per_s"] >= 1,
    )
    top = max(int(n) for n in next(iter(c["scaling_seconds"].values())))
    for label, mbs in c["adversarial_mb_per_s"].items():
        row(
            f"citation finding alone, adversarial: {label!r} repeated to {top:,} chars",
            f"{mbs} MB/s",
            ">= 1 MB/s",
            mbs >= 1,
        )
    row(
        f"**extra, the worst case**: nerpipe end to end, {args.small:g} MB honest, no words kept between documents, words/s (per CPU-second)",
        f"{h['words_per_second_nothing_kept']:,} ({h['words_per_cpu_second_nothing_kept']:,})",
    )
    row(
        f"**extra, the favourable corpus** (old headline, {fav['words']:,} words): nerpipe end to end, words/s (per CPU-second)",
        f"{fav['words_per_second_per_core']:,} ({fav['words_per_cpu_second']:,})",
    )
    row(
        "favourable corpus: tokenizer alone first pass / zone per document / warm, words/s",  # wall
        " / ".join(f"{fav['tokenizer_words_per_second'][k]:,}" for k in ("first", "zoned", "warm")),
    )
    row("favourable corpus: peak RSS, 1 job", f"{fav['peak_rss_mb']} MB")
    if "string_store_growth" in f:
        g = f["string_store_growth"]
        row(
            f"StringStore growth over {5 if args.smoke else 20} honest docs: without zones / zone per doc + kept words ({g['kept chunks']:,} chunks kept)",
            f"{g['without']:,} / {g['with memory_zone']:,}",
            "bounded",
        )
        k = f["kept_words_at_limit"]
        row(
            f"RSS growth with {k['kept']:,} chunks kept (made-up vocabulary)",
            f"{k['rss_growth_mb']:.0f} MB",
            "bounded",
        )
    print("## Figures\n")
    print("| measure | value | target | met |")
    print("|---|---:|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    print("## Citation finding alone: seconds against input size (one document)\n")
    sizes = list(next(iter(c["scaling_seconds"].values())))
    print("| text | " + " | ".join(f"{int(n):,} chars" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for label, row_ in c["scaling_seconds"].items():
        print(f"| {label!r} | " + " | ".join(f"{row_[n]:.4f}" for n in sizes) + " |")
    print()
    if "pdf_per_page" in f:
        import pdf

        print("## PDF: reading a page beside running the pipeline on its text (ms per page)\n")
        print(pdf.markdown(f["pdf_per_page"]))
        print()
    print(f"Load average at the end: {f['load_after']}; corpora built in {f['build_seconds']} s.")


def len_runs(args: argparse.Namespace) -> int:
    return 1 if args.smoke else 3


if __name__ == "__main__":
    main()
