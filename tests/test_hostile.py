"""Hostile text: runs of brackets and punctuation finish in bounded time, and a document that
would not is given up at its time budget as an error row, so a batch always finishes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from nerpipe.batch import DocumentTimeout, process, time_budget
from nerpipe.citations import find_citations
from nerpipe.citations.find import paren_regions
from nerpipe.corpus import InputDoc
from nerpipe.entities import periodical_spans
from nerpipe.extract import MAX_CHUNK, make_doc
from nerpipe.jsonl import read_models
from nerpipe.models import DocumentRecord, ErrorRecord

from .conftest import FIXTURES

N = 50_000  # 16,000 '(' took spaCy's tokenizer 45 s
HOSTILE = {
    "open-brackets": "Stalin met Mao. " + "(" * N + " Pol Pot in Hanoi.",
    "nested-brackets": "(" * (N // 2) + ")" * (N // 2),
    "nested-words": "(a " * (N // 3) + ")" * (N // 3),
    "nested-numbers": "(1 " * (N // 3) + ")" * (N // 3),
    "quotes": "'" * N,
    "exclamations": "Stalin" + "!" * N,
    "commas": "," * N,
    "dashes": "-" * N,
    "stars": "*" * N,
}


@pytest.mark.parametrize(
    "text",
    [
        (FIXTURES / "small-article.txt").read_text(encoding="utf-8"),
        "Pol Pot met Le Duan (RSAMH, Fund 5, inventory 69, file 2314, p. 113).",
        "https://digitalarchive.wilsoncenter.org/document/111234 and " + "y" * MAX_CHUNK,  # at the limit
    ],
)
def test_make_doc_leaves_ordinary_text_to_the_tokenizer(text: str) -> None:
    nlp = spacy.blank("en")
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_make_doc_tokenizes_long_runs_in_bounded_time(name: str) -> None:
    text = HOSTILE[name]
    start = time.perf_counter()
    doc = make_doc(spacy.blank("en"), text)
    assert time.perf_counter() - start < 20  # spaCy alone: 45 s for 16,000 "(", hours for 100,000
    assert doc.text == text
    assert all(len(t) <= MAX_CHUNK for t in doc)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('the newspaper "Pravda" wrote', ["Pravda"]),
        ("'''Nhan Dan''' daily", ["Nhan Dan"]),  # a run of quotes still opens the name
        ("journal *Kommunist* (Communist)", ["Kommunist", "Communist"]),
        ('"pravda" newspaper', []),  # a name starts with a capital
        ("'" * 20_000, []),
    ],
)
def test_periodical_spans_in_bounded_time(text: str, names: list[str]) -> None:
    start = time.perf_counter()
    found = [text[c.start : c.end] for c in periodical_spans(text)]
    assert time.perf_counter() - start < 2  # 20,000 quotes took 20 s
    assert found == names


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("a (b (c) d) e", ["c", "b (c) d"]),
        ("(" + "x" * 2_000 + ")", ["x" * 2_000]),
        ("(" + "x" * 2_001 + ") (y)", ["y"]),  # too long to be a citation
        ("(a (b) c\n\nd", ["b", "a (b"]),  # open at a paragraph break: up to its last child
    ],
)
def test_paren_regions_skip_bodies_too_long_for_a_citation(text: str, bodies: list[str]) -> None:
    assert [text[a:b] for a, b, _ in paren_regions(text, 0, len(text))] == bodies


def test_find_citations_in_deeply_nested_brackets() -> None:
    text = "(" * (N // 2) + "RSAMH, Fund 5, inventory 69, file 2314, p. 113" + ")" * (N // 2)
    start = time.perf_counter()
    (citation,) = find_citations(text)
    assert time.perf_counter() - start < 20
    assert (citation.fund, citation.file) == ("5", "2314")


@Language.component("nerpipe_test_slow")
def slow(doc: object) -> object:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # Python work that never ends in time
        pass
    return doc


@pytest.mark.parametrize("where", ["main thread", "another thread"])
def test_a_document_past_its_budget_is_an_error_row(where: str) -> None:
    from nerpipe.pipeline import build_nlp

    stuck = build_nlp()
    stuck.add_pipe("nerpipe_test_slow")
    results: list[object] = []

    def work() -> None:
        start = time.perf_counter()
        results.append(process(InputDoc("x", "x.txt", "Pol Pot"), nlp=stuck, timeout=1))
        results.append(time.perf_counter() - start)

    if where == "main thread":
        work()
    else:  # where a Dask worker runs its tasks
        thread = threading.Thread(target=work)
        thread.start()
        thread.join(timeout=60)
    record, seconds = results
    assert isinstance(record, ErrorRecord) and record.kind == "timeout"
    assert "gave up after 1 s" in record.message
    assert isinstance(seconds, float) and seconds < 10


def test_time_budget_is_gone_after_its_block() -> None:
    with time_budget(0.2):
        pass
    time.sleep(0.4)  # no late DocumentTimeout
    with pytest.raises(DocumentTimeout), time_budget(0.2):
        time.sleep(5)


def test_run_finishes_a_batch_of_hostile_texts(tmp_path: Path) -> None:
    """100,000 "(" hung the run for hours; the good files of the batch were never written."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, text in HOSTILE.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    (corpus / "zz-good.txt").write_text((FIXTURES / "small-article.txt").read_text(encoding="utf-8"))
    (corpus / "zz-lines.jsonl").write_text(json.dumps({"id": "j", "text": "(" * 100_000}) + "\n")
    out = tmp_path / "out"
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "nerpipe", "run", str(corpus), "--out", str(out), "--glob", "*", "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert time.perf_counter() - start < 300
    assert result.returncode == 0, result.stderr
    docs = {d.id: d for d in read_models(out / "documents.jsonl", DocumentRecord)}
    assert set(docs) == {*HOSTILE, "zz-good", "j"}
    assert {"Stalin", "Pol Pot", "Hanoi"} <= {s.text for s in docs["open-brackets"].spans}
    assert docs["zz-good"].citations
