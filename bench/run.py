"""Benchmark nerpipe end to end, in one run, and print the figures and ratios as Markdown.

    python bench/run.py                      # 20 MB and 200 MB corpora (about 15 minutes)
    python bench/run.py --small 1 --large 5  # a quick look
    python bench/run.py --smoke              # seconds: the smoke test `make test` runs

Measures on a synthetic corpus built from corpus/ (paragraphs shuffled, names varied, nothing
large committed):

* nerpipe's words per second per core, end to end (files in, JSONL out), in a subprocess;
* the same texts through `spacy.blank("en")`'s tokenizer alone, and the ratio;
* scaling from 1 to 2 jobs;
* peak RSS at two corpus sizes (it must stay flat);
* the StringStore with and without `nlp.memory_zone()`, and the memory the kept words take at
  their limit (`memory.KeptWords`);
* the same run with no words kept between documents (the worst case for the tokenizer);
* citation finding alone in MB/s, and its time on inputs of 1 KB to 1 MB (linear or not).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nerpipe.memory import KEPT_LIMIT

ROOT = Path(__file__).resolve().parents[1]
DOC_BYTES = 60_000  # a synthetic article's size, about the seed's
# Names swapped in for variety, so the StringStore sees new strings as a real corpus would.
NAMES = [
    "Nguyen Van Hieu", "Tran Quoc Hoan", "Le Thanh Nghi", "Pham Hung", "Hoang Tung", "Vo Chi Cong",
    "Ieng Thirith", "Khieu Ponnary", "Son Sen", "Vorn Vet", "Hu Nim", "Koy Thuon", "Chou Chet",
    "Andrei Gromyko", "Mikhail Kapitsa", "Ilya Shcherbakov", "Boris Ponomarev", "Zhou Enlai",
]  # fmt: skip


def corpus_paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]
    return [para for text in texts for para in text.split("\n\n") if len(para.split()) > 5]


def vary(paragraph: str, rng: random.Random) -> str:
    """Swap a few known names for others and add a numbered name, so strings keep changing."""
    for name in ("Pol Pot", "Le Duan", "Nuon Chea", "Pham Van Dong", "Ieng Sary"):
        if name in paragraph and rng.random() < 0.5:
            paragraph = paragraph.replace(name, rng.choice(NAMES))
    if rng.random() < 0.3:
        paragraph += f" Comrade Tran Van Xuan{rng.randrange(10**6)} agreed."
    return paragraph


def build_corpus(directory: Path, megabytes: float, seed: int = 13) -> tuple[int, int]:
    """Write synthetic articles until `megabytes` are written; return (files, words)."""
    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    directory.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = files = words = 0
    while written < target:
        doc: list[str] = []
        size = 0
        while size < DOC_BYTES:
            para = vary(rng.choice(paragraphs), rng)
            doc.append(para)
            size += len(para.encode("utf-8")) + 2
        text = "\n\n".join(doc)
        (directory / f"synthetic-{files:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        words += len(text.split())
        files += 1
    return files, words


def run_nerpipe(corpus: Path, out: Path, jobs: int, kept: int | None = None) -> dict[str, float]:
    """`nerpipe run` in a subprocess: wall time and its peak RSS (children included).

    `kept=0` keeps no words between documents (`memory.KEPT_LIMIT`): every document then pays
    for every word as if the corpus shared none, the worst case.
    """
    script = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "import nerpipe.memory\n"
        + (f"nerpipe.memory.KEPT_LIMIT = {kept}\n" if kept is not None else "")
        + "from nerpipe.batch import run\n"
        "t = time.perf_counter()\n"
        f"s = run([Path({str(corpus)!r})], Path({str(out)!r}), jobs={jobs}, overwrite=True)\n"
        "elapsed = time.perf_counter() - t\n"
        "rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(elapsed, rss, s.documents, s.errors)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    elapsed, rss_kb, docs, errors = result.stdout.split()
    return {
        "seconds": float(elapsed),
        "peak_rss_mb": int(rss_kb) / 1024,
        "documents": int(docs),
        "errors": int(errors),
    }


def tokenizer_seconds(corpus: Path) -> float:
    import spacy

    nlp = spacy.blank("en")
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        nlp.tokenizer(text)
    return time.perf_counter() - start


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


def citation_speed(corpus: Path, passes: int = 3) -> dict[str, float]:
    """`find_citations` over the corpus in MB/s: the best of `passes` passes, as `timeit` reports
    a function's speed (the end-to-end figures are single runs of the whole system)."""
    from nerpipe.citations import find_citations

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        found = sum(len(find_citations(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return {"mb_per_s": size / 1e6 / best, "citations": found}


def citation_scaling() -> list[tuple[int, float]]:
    """Seconds to parse 1 KB .. 1 MB of citation-dense and of adversarial text (one document)."""
    from nerpipe.citations import find_citations

    seed = (ROOT / "corpus" / "mosyakov-khmer-rouge.txt").read_text(encoding="utf-8")
    adversarial = "(Fund 5, inventory 5, file " * 4 + "((((((" + "p. 1-" * 20
    rows = []
    for size in (1_000, 10_000, 100_000, 1_000_000):
        text = (seed * (size // len(seed) + 1))[:size]
        hostile = (adversarial * (size // len(adversarial) + 1))[:size]
        start = time.perf_counter()
        find_citations(text)
        find_citations(hostile)
        rows.append((size, time.perf_counter() - start))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=20.0, help="MB of the small corpus")
    parser.add_argument("--large", type=float, default=200.0, help="MB of the large corpus")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, for the test suite")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.smoke:
        args.small, args.large = 0.15, 0.3
    with tempfile.TemporaryDirectory(prefix="nerpipe-bench-") as tmp:
        work = Path(tmp)
        small_files, small_words = build_corpus(work / "small", args.small)
        large_files, large_words = build_corpus(work / "large", args.large)
        one = run_nerpipe(work / "small", work / "out1", jobs=1)
        cold = run_nerpipe(work / "small", work / "out0", jobs=1, kept=0)
        two = run_nerpipe(work / "small", work / "out2", jobs=2)
        large = run_nerpipe(work / "large", work / "out3", jobs=1)
        tok = tokenizer_seconds(work / "small")
        strings = string_store_growth(work / "small", min(small_files, 20))
        cites = citation_speed(work / "small")
        kept_memory = kept_words_memory(documents=20 if args.smoke else 200)
        scaling = citation_scaling()
    wps = small_words / one["seconds"]
    figures = {
        "corpus": {
            "small_mb": args.small,
            "small_files": small_files,
            "small_words": small_words,
            "large_mb": args.large,
            "large_files": large_files,
            "large_words": large_words,
        },
        "words_per_second_per_core": round(wps),
        "words_per_second_nothing_kept": round(small_words / cold["seconds"]),
        "tokenizer_words_per_second": round(small_words / tok),
        "ratio_to_tokenizer": round(wps / (small_words / tok), 3),
        "speedup_2_jobs": round(one["seconds"] / two["seconds"], 2),
        "peak_rss_mb": {
            "small": round(one["peak_rss_mb"]),
            "large": round(large["peak_rss_mb"]),
            "small_2_jobs": round(two["peak_rss_mb"]),
        },
        "large_words_per_second": round(large_words / large["seconds"]),
        "string_store_growth": strings,
        "kept_words_at_limit": {
            "kept": kept_memory["kept"],
            "rss_growth_mb": round(kept_memory["rss_growth_mb"]),
        },
        "citation_mb_per_s": round(cites["mb_per_s"], 1),
        "citation_scaling_seconds": {str(size): round(sec, 4) for size, sec in scaling},
    }
    print("| measure | value | target |")
    print("|---|---:|---|")
    print(
        f"| words/s per core, end to end ({args.small:g} MB, 1 job) | {figures['words_per_second_per_core']:,} | >= 100,000 |"
    )
    print(
        f"| words/s per core, end to end, no words kept between documents (worst case) | {figures['words_per_second_nothing_kept']:,} | |"
    )
    print(f"| spacy.blank('en') tokenizer alone, words/s | {figures['tokenizer_words_per_second']:,} | |")
    print(f"| nerpipe / tokenizer | {figures['ratio_to_tokenizer']} | |")
    print(f"| speed-up, 2 jobs vs 1 | {figures['speedup_2_jobs']}x | >= 1.7x |")
    print(f"| peak RSS, {args.small:g} MB corpus | {figures['peak_rss_mb']['small']} MB | < 400 MB |")
    print(f"| peak RSS, {args.large:g} MB corpus | {figures['peak_rss_mb']['large']} MB | < 400 MB, flat |")
    print(
        f"| peak RSS, {args.small:g} MB, 2 jobs (largest process) | {figures['peak_rss_mb']['small_2_jobs']} MB | |"
    )
    print(
        f"| StringStore growth over {min(small_files, 20)} docs: without zones / zone per doc + kept words ({strings['kept chunks']:,} chunks kept, limit {KEPT_LIMIT:,}) | {strings['without']:,} / {strings['with memory_zone']:,} | bounded |"
    )
    print(
        f"| RSS growth with {kept_memory['kept']:,} chunks kept (made-up vocabulary) | {kept_memory['rss_growth_mb']:.0f} MB | bounded |"
    )
    print(f"| citation finding alone (best of 3 passes) | {figures['citation_mb_per_s']} MB/s | >= 10 MB/s |")
    for size, sec in scaling:
        print(f"| citation finding, {size:,} chars (dense + adversarial) | {sec:.4f} s | linear |")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
