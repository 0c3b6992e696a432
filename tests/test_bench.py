"""The benchmark: its repetition statistics, its honest corpus's bounds, and a smoke run of it
(the real run is `make bench`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpora  # noqa: E402  (bench/ is not a package)

PARA = "The Soviet embassy in Hanoi reported on the talks with the Vietnamese side at length."
OTHER = "Pol Pot refused every proposal of Hanoi and turned to Beijing for arms and money then."


@pytest.mark.parametrize(
    ("documents", "paragraphs", "distinct_paragraphs", "distinct_8grams"),
    [
        ([PARA], 1, 1.0, 1.0),  # 15 words: 8 sequences, all distinct
        ([PARA, PARA], 2, 0.5, 0.5),  # the same document twice
        ([f"{PARA}\n\n{PARA}"], 2, 0.5, 15 / 23),  # the 7 sequences across the break are new
        ([f"{PARA}\n\n{OTHER}", OTHER], 3, 2 / 3, 24 / 33),
        ([f"{PARA}\n \n{OTHER}"], 2, 1.0, 1.0),  # a blank line with a space is a break
        ([f"{PARA}\n{PARA}"], 1, 1.0, 15 / 23),  # one line break is not
    ],
)
def test_repetition_counts_distinct_paragraphs_and_8grams(
    documents: list[str], paragraphs: int, distinct_paragraphs: float, distinct_8grams: float
) -> None:
    stats = corpora.repetition(documents)
    assert stats.paragraphs == paragraphs
    assert stats.distinct_paragraphs == pytest.approx(distinct_paragraphs)
    assert stats.distinct_ngrams == pytest.approx(distinct_8grams)


@pytest.mark.parametrize(
    ("prefix_words", "distinct"),
    [(15, 1.0), (20, 1.0), (23, 8 / 9), (30, 0.5)],  # the second document starts at word 16
)
def test_repetition_counts_8grams_of_a_prefix(prefix_words: int, distinct: float) -> None:
    stats = corpora.repetition([PARA, PARA], prefix_words=prefix_words)
    assert stats.distinct_ngrams_prefix == pytest.approx(distinct)
    assert stats.distinct_ngrams == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("documents", "vocabulary"),
    [
        (["a b c d"], 4),
        (["A a, a. b"], 2),  # lowercased, punctuation is no word
        (["Soviet's soviet"], 2),  # an inner apostrophe belongs to the word
        (["1978 1978. 1979"], 2),  # numbers are word types too
    ],
)
def test_repetition_counts_word_types(documents: list[str], vocabulary: int) -> None:
    assert corpora.repetition(documents).vocabulary == vocabulary


@pytest.mark.parametrize("beta", [0.5, 0.7])
def test_heaps_fit_recovers_the_exponent(beta: float) -> None:
    curve = {n: 3.0 * n**beta for n in (1000, 2000, 5000, 10_000, 40_000)}
    k, fitted = corpora.heaps_fit(curve)
    assert fitted == pytest.approx(beta)
    assert k == pytest.approx(3.0)


@pytest.mark.parametrize(
    ("digits", "shape"),
    [
        ("1978", r"19\d\d"),  # a year stays in its century
        ("1865", r"18\d\d"),
        ("2001", r"20[0-2]\d"),  # and never after the benchmark
        ("5", r"([1-9]|1\d|2[0-8])"),  # a day, a page, a fund: small
        ("07", r"(0[1-9]|1\d|2[0-8])"),
        ("1062", r"[1-9]\d{3}"),  # not a year: any number of as many digits
        ("009540", r"0\d{5}"),
    ],
)
def test_vary_number_keeps_the_kind_of_number(digits: str, shape: str) -> None:
    import random
    import re

    rng = random.Random(1)
    for _ in range(50):
        assert re.fullmatch(shape, corpora._vary_number(digits, rng))


def test_honest_corpus_varies_names_per_document() -> None:
    builder = corpora.HonestBuilder()
    gazetteer = builder.gazetteer
    seed = next(t for t in builder.templates if t.name == "mosyakov-khmer-rouge")

    def names(text: str) -> set[str]:
        return {m[2] for m in corpora._name_matches(text, gazetteer)}

    real = names(dict(corpora.real_texts())["mosyakov-khmer-rouge"])
    first, second = names(builder.document(seed)), names(builder.document(seed))
    assert len(first) > 0.5 * len(real)  # about as many names as the real text
    assert len(first & real) < 0.5 * len(real)  # mostly others
    assert len(first & second) < 0.5 * len(first)  # and others in each variant


def test_bench_smoke_run_prints_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--json", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.read_text())
    rep = figures["repetition"]
    for name in ("real", "honest", "honest-large", "favourable"):
        assert rep[name]["words"] > 0
        assert 0 < rep[name]["distinct_paragraphs"] <= 1
        assert 0 < rep[name]["distinct_8grams"] <= 1
        assert rep[name]["new_types_per_1000"]
    assert rep["real"]["documents"] == len(corpora.real_texts())
    assert figures["honest_bounds"] and all(figures["honest_bounds"].values())
    # the old headline repeats far more than the real texts: it misses the bounds
    assert rep["favourable"]["distinct_8grams"] < corpora.MIN_DISTINCT_NGRAMS
    assert rep["favourable"]["distinct_paragraphs"] < corpora.MIN_DISTINCT_PARAGRAPHS
    assert figures["honest"]["words_per_second_per_core"] > 0
    assert figures["honest"]["errors"] == 0
    assert figures["honest"]["entities"] > 0 and figures["honest"]["citations"] > 0
    tokenizer = figures["honest"]["tokenizer_words_per_second"]
    assert set(tokenizer) == {"first", "zoned", "warm", "cpu_first", "cpu_zoned", "cpu_warm"}
    assert figures["honest"]["words_per_cpu_second"] >= figures["honest"]["words_per_second_per_core"] * 0.5
    assert figures["real"]["extract"]["warm_words_per_second"] > 0
    assert figures["citations_alone"]["notes"]["citations"] > 0
    for key in (
        "Repetition statistics",
        "nerpipe end to end, words/s per core",
        "tokenizer alone",
        "--jobs 2",
        "peak RSS",
        "start-up",
        "nerpipe.extract",
        "worst case",
        "favourable corpus",
        "citation finding alone, notes",
        "adversarial",
        "seconds against input size",
    ):
        assert key in result.stdout
