"""The command line, end to end: run, schema, parse-citation, evaluate, validate-gold, citations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy
from click.testing import Result
from typer.testing import CliRunner

from nerpipe.cli import app
from nerpipe.jsonl import read_models
from nerpipe.models import CitationRow, DocumentRecord, EntityRow, ErrorRecord

from .conftest import FIXTURES, read_pty

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "model"),
    [("documents.jsonl", DocumentRecord), ("entities.jsonl", EntityRow), ("citations.jsonl", CitationRow)],
)
def test_run_writes_lines_that_validate(run_dir: Path, name: str, model: type) -> None:
    rows = list(read_models(run_dir / name, model))
    assert rows


def test_run_offsets_point_into_the_raw_text(run_dir: Path) -> None:
    raw = (FIXTURES / "small-article.txt").read_text(encoding="utf-8")
    (doc,) = read_models(run_dir / "documents.jsonl", DocumentRecord)
    assert doc.id == "small-article"
    for item in [*doc.spans, *doc.citations]:
        assert raw[item.start : item.end] == item.text
    assert {("Pol Pot", "PERSON"), ("Beijing", "GPE"), ("CPK", "ORG"), ("April 1974", "DATE")} <= {
        (s.text, s.label) for s in doc.spans
    }
    kinds = [c.kind for c in doc.citations]
    assert kinds.count("ibid") == 1 and "archival" in kinds and "interview" in kinds


def test_run_refuses_an_existing_output(run_dir: Path) -> None:
    result = runner.invoke(app, ["run", str(FIXTURES / "small-article.txt"), "--out", str(run_dir)])
    assert result.exit_code == 2
    assert "--resume or --overwrite" in result.output


def test_schema_is_the_document_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"] == "DocumentRecord"
    assert {"id", "text_sha256", "spans", "citations"} <= set(schema["properties"])


@pytest.mark.parametrize(
    ("text", "code", "fields"),
    [
        (
            "RSAMH, Fund 5, inventory 75, file 1062, p. 35",
            0,
            {"archive": "RGANI", "file": "1062", "pages": [[35, 35]]},
        ),
        ("(Chanda 1986, p. 59)", 0, {"kind": "bibliographic", "authors": ["Chanda"]}),
        ("nothing to see here", 1, None),
    ],
)
def test_parse_citation_command(text: str, code: int, fields: dict | None) -> None:
    result = runner.invoke(app, ["parse-citation", text])
    assert result.exit_code == code
    if fields:
        record = json.loads(result.output.splitlines()[0])
        assert {k: record[k] for k in fields} == fields
    else:
        assert "no citation found" in result.output


def evaluate_cli(gold: Path, pred: Path, *extra: str) -> Result:
    return runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), *extra])


def test_evaluate_against_itself_is_perfect(run_dir: Path, tmp_path: Path) -> None:
    report_path = tmp_path / "eval.json"
    result = evaluate_cli(
        run_dir / "documents.jsonl", run_dir / "documents.jsonl", "--json", str(report_path)
    )
    assert result.exit_code == 0, result.output
    report = json.loads(report_path.read_text())
    assert report["ents_f"] == 1.0
    assert report["citations"]["detection"]["ALL"]["f"] == 1.0


def test_evaluate_refuses_different_texts(run_dir: Path, tmp_path: Path) -> None:
    (doc,) = read_models(run_dir / "documents.jsonl", DocumentRecord)
    other = tmp_path / "gold.jsonl"
    other.write_text(doc.model_copy(update={"text_sha256": "0" * 64}).to_json() + "\n")
    result = evaluate_cli(other, run_dir / "documents.jsonl")
    assert result.exit_code == 2
    assert "different text" in result.output


def test_evaluate_with_a_baseline_model(run_dir: Path, tmp_path: Path) -> None:
    """A tiny spaCy pipeline saved to disk stands in for an installed model."""
    model_dir = tmp_path / "tiny-model"
    tiny = spacy.blank("en")
    ruler = tiny.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Pol Pot"}, {"label": "NORP", "pattern": "Soviet"}])
    tiny.to_disk(model_dir)
    report_path = tmp_path / "eval.json"
    result = evaluate_cli(
        run_dir / "documents.jsonl",
        run_dir / "documents.jsonl",
        "--baseline",
        str(model_dir),
        "--json",
        str(report_path),
    )
    assert result.exit_code == 0, result.output
    baseline = json.loads(report_path.read_text())["baseline"]
    assert "NORP" not in baseline["ents_per_type"]
    assert baseline["ents_per_type"]["PERSON"]["tp"] == 1
    assert baseline["model"] == str(model_dir)
    assert "baseline" in result.output


def test_validate_gold_of_the_project(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    for gold in [
        root / "corpus/gold/mosyakov-khmer-rouge.jsonl",
        *sorted((root / "corpus/gold/dev").glob("*.jsonl")),
        *sorted((root / "corpus/gold/heldout").glob("*.jsonl")),
    ]:
        result = runner.invoke(app, ["validate-gold", str(gold), "--texts", str(root / "corpus")])
        assert result.exit_code == 0, result.output


def test_validate_gold_reports_a_broken_file(run_dir: Path, tmp_path: Path) -> None:
    (doc,) = read_models(run_dir / "documents.jsonl", DocumentRecord)
    span = doc.spans[0]
    broken = doc.model_copy(
        update={"spans": [span.model_copy(update={"text": span.text + "x"}), *doc.spans[1:]]}
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(broken.to_json() + "\n")
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(FIXTURES / "small-article.txt", texts)
    result = runner.invoke(app, ["validate-gold", str(gold), "--texts", str(texts)])
    assert result.exit_code == 1
    assert "not" in result.output


def test_citations_index(run_dir: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "index.csv"
    result = runner.invoke(app, ["citations", str(run_dir / "documents.jsonl"), "--csv", str(csv_path)])
    assert result.exit_code == 0, result.output
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "archive,fund,inventory,file,citations,pages,documents"
    # the archival citation and its ibid both count for RGANI 5/67/659
    assert 'RGANI,5,67,659,2,"85, 86",small-article' in lines


def test_errors_file_is_empty_for_good_input(run_dir: Path) -> None:
    assert list(read_models(run_dir / "errors.jsonl", ErrorRecord)) == []


def test_output_format_doc_is_current() -> None:
    """docs/output-format.md is generated from the models: regenerate it when they change."""
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "output_format_doc", root / "tools" / "output_format_doc.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (root / "docs" / "output-format.md").read_text(encoding="utf-8") == module.render()


def test_run_exit_code_3_when_some_documents_fail(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(FIXTURES / "small-article.txt", inputs)
    (inputs / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == 3
    assert "1 documents written" in result.output and "1 failed" in result.output
    words = len((FIXTURES / "small-article.txt").read_text(encoding="utf-8").split())
    summary = " ".join(result.output.split())  # the console wraps long lines
    assert f"; {words:,} words in " in summary and "words/s)" in summary
    assert [d.id for d in read_models(out / "documents.jsonl", DocumentRecord)] == ["small-article"]
    assert [e.kind for e in read_models(out / "errors.jsonl", ErrorRecord)] == ["decode"]


def test_run_reads_a_text_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", "-", "--out", str(out)], input="Pol Pot met Le Duan in Hanoi in 1976."
    )
    assert result.exit_code == 0, result.output
    (doc,) = read_models(out / "documents.jsonl", DocumentRecord)
    assert doc.id == "stdin" and {"Pol Pot", "Le Duan", "Hanoi", "1976"} <= {s.text for s in doc.spans}


@pytest.mark.parametrize(("good", "bad"), [(3, 1)])
def test_run_shows_progress_on_a_terminal(tmp_path: Path, good: int, bad: int) -> None:
    import os
    import pty
    import subprocess
    import sys

    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(good):
        shutil.copy(FIXTURES / "small-article.txt", corpus / f"doc-{i}.txt")
    for i in range(bad):
        (corpus / f"bad-{i}.txt").write_bytes(b"\xff\xfe not UTF-8")
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "200"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "nerpipe", "run", str(corpus), "--out", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env,
    )  # fmt: skip
    os.close(slave)
    screen = read_pty(master)
    os.close(master)
    assert proc.wait(timeout=120) == 3  # some documents failed
    assert f"{good + bad}/{good + bad}" in screen  # the total is known from the file list
    assert "words/s" in screen and f"{bad} errors" in screen and "ETA" in screen


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (["a.txt", "b.txt"], 2),
        (["dir"], 3),
        (["dir", "a.txt"], 4),
        (["a.txt", "x.jsonl"], None),
        (["-"], None),
    ],
)
def test_count_documents_knows_the_total_from_the_file_list(
    tmp_path: Path, inputs: list[str], expected: int | None
) -> None:
    from nerpipe.corpus import count_documents

    (tmp_path / "dir" / "sub").mkdir(parents=True)
    for name in ("dir/1.txt", "dir/2.txt", "dir/sub/3.txt", "dir/notes.md", "a.txt", "b.txt", "x.jsonl"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    paths = [p if p == "-" else str(tmp_path / p) for p in inputs]
    assert count_documents(paths) == expected
