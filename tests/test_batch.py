"""Batch runs: bad input never stops a batch, resumable after SIGKILL, --jobs gives the same output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

from nerpipe.batch import process, run
from nerpipe.corpus import InputDoc, iter_documents
from nerpipe.jsonl import entity_lines, read_models
from nerpipe.models import DocumentRecord, EntityRow, ErrorRecord

from .conftest import FIXTURES

ARTICLE = (FIXTURES / "small-article.txt").read_text(encoding="utf-8")


def make_inputs(root: Path) -> Path:
    d = root / "in"
    d.mkdir()
    (d / "a-good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b-bad-utf8.txt").write_bytes(b"Pol Pot in Hanoi " + b"\xff\xfe broken")
    (d / "c-empty.txt").write_text("", encoding="utf-8")
    (d / "d-binary.txt").write_bytes(b"\x00\x01\x02binary")
    lines = [
        json.dumps({"id": "j1", "text": "Le Duan met Pol Pot in 1976.", "journal": "Vostok"}),
        "{not json",
        json.dumps({"id": "j2"}),
    ]
    (d / "e-batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("batch")
    inputs = make_inputs(root)
    summary = run([inputs, root / "missing.txt"], root / "out", glob="*")
    return root / "out", summary


def test_bad_inputs_become_error_records(batch_out: tuple[Path, object]) -> None:
    out, summary = batch_out
    errors = {e.id: e.kind for e in read_models(out / "errors.jsonl", ErrorRecord)}
    assert errors == {
        "b-bad-utf8": "decode",
        "d-binary": "binary",
        "e-batch:2": "jsonl",
        "e-batch:3": "jsonl",
        "missing": "unreadable",
    }
    assert summary.errors == 5  # type: ignore[attr-defined]


def test_good_inputs_survive_bad_neighbours(batch_out: tuple[Path, object]) -> None:
    out, _ = batch_out
    docs = {d.id: d for d in read_models(out / "documents.jsonl", DocumentRecord)}
    assert list(docs) == ["a-good", "c-empty", "j1"]  # input order
    assert docs["c-empty"].spans == [] and docs["c-empty"].citations == []
    assert docs["j1"].meta == {"journal": "Vostok"}


def test_decode_error_names_the_byte(batch_out: tuple[Path, object]) -> None:
    out, _ = batch_out
    (bad,) = [e for e in read_models(out / "errors.jsonl", ErrorRecord) if e.id == "b-bad-utf8"]
    assert "byte 17" in bad.message


def test_encoding_errors_replace(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"Pol Pot \xff in Hanoi")
    (item,) = iter_documents([tmp_path / "x.txt"], errors="replace")
    assert isinstance(item, InputDoc) and "\ufffd" in item.text


def test_a_component_that_raises_is_recorded(nlp: Language) -> None:
    @Language.component("nerpipe_test_explode")
    def explode(doc: object) -> object:
        raise RuntimeError("boom")

    from nerpipe.pipeline import build_nlp

    bad = build_nlp()
    bad.add_pipe("nerpipe_test_explode")
    result = process(InputDoc("x", "x.txt", "Pol Pot"), nlp=bad)
    assert isinstance(result, ErrorRecord)
    assert (result.kind, result.message) == ("component", "RuntimeError: boom")


def test_long_text_is_processed_in_parts(nlp: Language) -> None:
    from nerpipe.extract import extract

    small = build_small_limit_nlp()
    text = "\n\n".join(f"Paragraph {i}: Pol Pot met Le Duan in Hanoi in 1976." for i in range(40))
    record = extract(text, "long", nlp=small)
    assert sum(s.text == "Pol Pot" for s in record.spans) == 40
    for s in record.spans:
        assert text[s.start : s.end] == s.text


def build_small_limit_nlp() -> Language:
    from nerpipe.pipeline import build_nlp

    small = build_nlp()
    small.max_length = 500
    return small


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "nerpipe", "run", *args, "--quiet"]


def _make_corpus(d: Path, n: int) -> Path:
    d.mkdir()
    for i in range(n):
        (d / f"doc-{i:04d}.txt").write_text(ARTICLE.replace("1986", str(1900 + i % 100)), encoding="utf-8")
    return d


def _outputs(out: Path) -> dict[str, bytes]:
    return {
        name: (out / name).read_bytes()
        for name in ("documents.jsonl", "entities.jsonl", "citations.jsonl", "errors.jsonl")
    }


def test_resume_after_sigkill_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    corpus = _make_corpus(tmp_path / "corpus", 400)
    full = tmp_path / "full"
    subprocess.run(_cli(str(corpus), "--out", str(full)), check=True)
    killed = tmp_path / "killed"
    proc = subprocess.Popen(_cli(str(corpus), "--out", str(killed)))
    deadline = time.time() + 120
    while time.time() < deadline:
        done = (
            (killed / "documents.jsonl").read_bytes().count(b"\n")
            if (killed / "documents.jsonl").exists()
            else 0
        )
        if done >= 20:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = (killed / "documents.jsonl").read_bytes().count(b"\n")
    assert 0 < partial < 400, "the kill must land mid-run"
    subprocess.run(_cli(str(corpus), "--out", str(killed), "--resume"), check=True)
    assert _outputs(killed) == _outputs(full)


def test_jobs_2_gives_the_same_output_as_jobs_1(tmp_path: Path) -> None:
    corpus = _make_corpus(tmp_path / "corpus", 40)
    one, two = tmp_path / "one", tmp_path / "two"
    run([corpus], one)
    run([corpus], two, jobs=2)
    assert _outputs(one) == _outputs(two)


def test_dask_engine_matches_the_local_engine(tmp_path: Path) -> None:
    """A real local cluster on loopback: a scheduler and two worker processes."""
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    corpus = _make_corpus(tmp_path / "corpus", 40)
    local, distributed_out = tmp_path / "local", tmp_path / "dask"
    run([corpus], local)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        run([corpus], distributed_out, engine="dask", scheduler=cluster.scheduler_address)
    assert _outputs(local) == _outputs(distributed_out)


def test_windows_line_ends_give_the_same_entities_and_citations(nlp: Language) -> None:
    from nerpipe.extract import extract

    lf = extract(ARTICLE, "lf", nlp=nlp)
    crlf_text = ARTICLE.replace("\n", "\r\n")
    crlf = extract(crlf_text, "crlf", nlp=nlp)
    assert [(s.text, s.label) for s in crlf.spans] == [(s.text, s.label) for s in lf.spans]
    assert [(c.kind, c.text.replace("\r", "")) for c in crlf.citations] == [
        (c.kind, c.text) for c in lf.citations
    ]
    for item in [*crlf.spans, *crlf.citations]:
        assert crlf_text[item.start : item.end] == item.text


@pytest.mark.parametrize(
    ("doc_id", "text"),
    [
        ("plain", ARTICLE),
        ('quote " and \\ and ünïcode\tid', "Lê Duẩn met “Pol Pot” in Hà Nội in 1976.\nIeng Sary\x1f agreed."),
        ("empty", "nothing to find here"),
    ],
)
def test_entity_lines_are_the_entity_rows_json(nlp: Language, doc_id: str, text: str) -> None:
    record = process(InputDoc(doc_id, "x.txt", text), nlp=nlp)
    assert isinstance(record, DocumentRecord)
    expected = [EntityRow(doc_id=doc_id, **s.model_dump()).to_json() for s in record.spans]
    assert entity_lines(record) == expected
    assert [EntityRow.model_validate_json(line).doc_id for line in expected] == [doc_id] * len(record.spans)
