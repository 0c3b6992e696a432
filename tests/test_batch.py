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

from nerpipe.batch import _read_ahead, process, run
from nerpipe.corpus import InputDoc, InputError, iter_documents
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


LONG = "\n\n".join(
    f"Paragraph {i}: Pol Pot met Le Duan in Hanoi in 1976 (RSAMH, Fund 5, inventory 69, file {i}, p. 1). "
    "They met again (Ibid., p. 2). The Communist Party of Kampuchea (CPK) met. The CPK agreed."
    for i in range(30)
)


@pytest.mark.parametrize("doc_id", ["long", 'quote " and \\ and ünïcode\tid'])
def test_a_long_document_spooled_part_by_part_writes_its_record_lines(tmp_path: Path, doc_id: str) -> None:
    """A text longer than max_length goes to files part by part; the lines are the record's."""
    from nerpipe.batch import count_words, process_output, render
    from nerpipe.jsonl import Writer

    small = build_small_limit_nlp()
    item = InputDoc(doc_id, "x.txt", LONG, {"journal": "Vostok"})
    record = process(item, small)
    assert isinstance(record, DocumentRecord) and len(record.citations) == 60
    in_memory = render(record, count_words(LONG))
    spooled = process_output(item, small, spool=tmp_path / "spool")
    assert spooled.spool is not None and spooled.words == in_memory.words
    out = tmp_path / "out"
    with Writer(out) as writer:
        writer.write_spool(Path(spooled.spool))
    assert (out / "documents.jsonl").read_text(encoding="utf-8") == f"{in_memory.document}\n"
    assert (out / "entities.jsonl").read_text(encoding="utf-8") == "".join(
        f"{x}\n" for x in in_memory.entities
    )
    assert (out / "citations.jsonl").read_text(encoding="utf-8") == "".join(
        f"{x}\n" for x in in_memory.citations
    )
    assert list((tmp_path / "spool").iterdir()) == []
    (back,) = read_models(out / "documents.jsonl", DocumentRecord)
    ibids = [c for c in back.citations if c.kind == "ibid"]
    assert [back.citations[c.antecedent].file for c in ibids if c.antecedent is not None] == [
        str(i) for i in range(30)
    ]
    assert len({s.entity_id for s in back.spans if s.text == "CPK"}) == 1  # linked across the parts


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
    """Every output file of a run, the texts kept beside it included."""
    files = [out / name for name in ("documents.jsonl", "entities.jsonl", "citations.jsonl", "errors.jsonl")]
    return {str(p.relative_to(out)): p.read_bytes() for p in [*files, *sorted((out / "texts").iterdir())]}


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
    run([corpus], two, jobs=2, min_parallel_words=0)  # small: a pool all the same
    assert _outputs(one) == _outputs(two)


def _doc(n: int, words: int) -> InputDoc:
    return InputDoc(id=f"d{n}", text=" ".join(["word"] * words), source=f"d{n}.txt")


@pytest.mark.parametrize(
    ("words", "jobs", "min_words", "why"),
    [
        ([10, 10, 10], 2, 25, None),  # enough words and documents: workers
        ([10, 10, 10], 2, 30, None),  # exactly enough
        ([10, 10, 10], 2, 31, "30 words to process (fewer than 31)"),  # one word short
        ([100], 2, 25, "1 document to process"),  # many words, one document
        ([10, 10], 3, 0, "2 documents to process"),  # fewer documents than jobs
        ([], 2, 0, "0 documents to process"),
    ],
)
def test_read_ahead_says_when_an_input_is_too_small_for_workers(
    words: list[int], jobs: int, min_words: int, why: str | None
) -> None:
    items = [_doc(n, w) for n, w in enumerate(words)]
    error = InputError(id="bad", source="bad.txt", kind="decode", message="x")  # no words, no document
    again, reason = _read_ahead(iter([error, *items]), jobs, min_words)
    assert reason == why
    assert list(again) == [error, *items]  # every item still there, in order


def test_jobs_2_on_a_small_input_runs_in_one_process_and_says_so(tmp_path: Path) -> None:
    corpus = _make_corpus(tmp_path / "corpus", 5)
    notes: list[str] = []
    run([corpus], tmp_path / "one")
    run([corpus], tmp_path / "two", jobs=2, on_note=notes.append)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")
    assert len(notes) == 1 and notes[0].startswith("--jobs 2: ") and "one process" in notes[0]


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


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`nerpipe run ARGS --quiet` in a subprocess; its stderr with runs of whitespace made one space."""
    result = subprocess.run(_cli(*args), capture_output=True, text=True, timeout=600)
    result.stderr = " ".join(result.stderr.split())
    return result


def _lines(out: Path) -> dict[str, list[str]]:
    """Each document's lines: its documents.jsonl line, entity rows and citation rows."""
    by_id: dict[str, list[str]] = {}
    for name in ("documents.jsonl", "entities.jsonl", "citations.jsonl"):
        for line in (out / name).read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            by_id.setdefault(obj.get("doc_id", obj.get("id")), []).append(line)
    return by_id


def test_resume_redoes_changed_inputs_and_drops_gone_ones(tmp_path: Path) -> None:
    """--resume matched on id only: an edited input kept its stale record, a deleted one stayed."""
    corpus = _make_corpus(tmp_path / "corpus", 5)
    out = tmp_path / "out"
    assert _run_cli(str(corpus), "--out", str(out)).returncode == 0
    before = _lines(out)
    (corpus / "doc-0001.txt").write_text(ARTICLE.replace("Pol Pot", "Ieng Sary"), encoding="utf-8")
    (corpus / "doc-0003.txt").unlink()
    (corpus / "doc-0005.txt").write_text(ARTICLE, encoding="utf-8")
    resumed = _run_cli(str(corpus), "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "2 documents written" in resumed.stderr and "3 already done" in resumed.stderr
    assert "1 changed since and processed again" in resumed.stderr
    assert "dropped 1 records whose input is gone or unreadable: 'doc-0003'" in resumed.stderr
    fresh = tmp_path / "fresh"
    assert _run_cli(str(corpus), "--out", str(fresh)).returncode == 0
    after = _lines(out)
    assert after == _lines(fresh)  # what an uninterrupted run on today's inputs writes
    assert [i for i in ("doc-0000", "doc-0002", "doc-0004") if after[i] != before[i]] == []
    assert after["doc-0001"] != before["doc-0001"]
    ids = [json.loads(line)["id"] for line in (out / "documents.jsonl").read_text().splitlines()]
    assert ids == ["doc-0000", "doc-0002", "doc-0004", "doc-0001", "doc-0005"]  # the redone one moves last
    assert sorted(p.name for p in (out / "texts").iterdir()) == sorted(
        p.name for p in (fresh / "texts").iterdir()
    )
    assert (out / "texts" / "doc-0001.txt").read_text(encoding="utf-8") == (
        corpus / "doc-0001.txt"
    ).read_text()


def test_resume_tries_failed_inputs_again(tmp_path: Path) -> None:
    corpus = _make_corpus(tmp_path / "corpus", 2)
    (corpus / "broken.txt").write_bytes(b"Pol Pot \xff in Hanoi")
    out = tmp_path / "out"
    assert _run_cli(str(corpus), "--out", str(out)).returncode == 3
    (corpus / "broken.txt").write_text("Pol Pot in Hanoi", encoding="utf-8")
    resumed = _run_cli(str(corpus), "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert (out / "errors.jsonl").read_text() == ""
    assert "broken" in _lines(out)


def test_duplicate_stems_are_two_documents_after_resume(tmp_path: Path) -> None:
    """Two intro.txt were one id, and --resume then counted the second as done."""
    corpus = tmp_path / "corpus"
    for folder, name in (("a", "Pol Pot"), ("b", "Le Duan")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "intro.txt").write_text(f"{name} arrived in Hanoi.", encoding="utf-8")
    out = tmp_path / "out"
    assert _run_cli(str(corpus), "--out", str(out)).returncode == 0
    resumed = _run_cli(str(corpus), "--out", str(out), "--resume")
    assert "0 documents written" in resumed.stderr and "2 already done" in resumed.stderr
    docs = {d.id: d for d in read_models(out / "documents.jsonl", DocumentRecord)}
    assert sorted(docs) == ["a/intro", "b/intro"]
    assert [s.text for s in docs["b/intro"].spans][:1] == ["Le Duan"]


def test_resume_with_overwrite_is_refused(tmp_path: Path) -> None:
    corpus = _make_corpus(tmp_path / "corpus", 1)
    result = _run_cli(str(corpus), "--out", str(tmp_path / "out"), "--resume", "--overwrite")
    assert result.returncode == 2
    assert "--resume and --overwrite contradict each other" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_second_run_on_a_locked_directory_is_refused(tmp_path: Path) -> None:
    """Two concurrent --resume runs wrote 66 lines for 41 documents."""
    corpus = _make_corpus(tmp_path / "corpus", 400)
    out = tmp_path / "out"
    first = subprocess.Popen(_cli(str(corpus), "--out", str(out), "--resume"))
    deadline = time.time() + 120
    while time.time() < deadline and not (out / "nerpipe.lock").exists():
        time.sleep(0.05)
    while time.time() < deadline and (out / "nerpipe.lock").read_text().strip() != str(first.pid):
        time.sleep(0.05)
    second = _run_cli(str(corpus), "--out", str(out), "--resume")
    still_running = first.poll() is None
    assert first.wait(timeout=300) == 0
    assert still_running, "the first run must hold the lock while the second tries"
    assert second.returncode == 2
    assert f"is being written by another nerpipe run (pid {first.pid})" in second.stderr
    assert (out / "documents.jsonl").read_bytes().count(b"\n") == 400
    again = _run_cli(str(corpus), "--out", str(out), "--resume")  # the lock went with the first run
    assert again.returncode == 0 and "400 already done" in again.stderr
