"""Texts kept beside the output: exports and `show` find them for any input, from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nerpipe.batch import run
from nerpipe.jsonl import read_models
from nerpipe.models import DocumentRecord
from nerpipe.records import sha256
from nerpipe.texts import SourceError, atomic_path, read_text, text_name

TEXT = "Pol Pot met Le Duan in Hanoi in 1976 (RSAMH, Fund 5, inventory 69, file 2314, p. 113)."


def nerpipe(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nerpipe", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "ids",
    [
        ["a/intro", "a%2Fintro", "a_intro"],  # an escape never equals an escaped character
        ["x:1", "x 1", "x[/]", "x[1]", "caf\\xe9", "café", ".", "..", ".hidden"],
        ["n" * 300, "n" * 299 + "m"],  # too long for a file name: cut, with a hash of the id
    ],
)
def test_text_name_is_one_safe_file_name_per_id(ids: list[str]) -> None:
    names = [text_name(i) for i in ids]
    assert len(set(names)) == len(names)
    for name in names:
        assert "/" not in name and not name.startswith(".") and name.endswith(".txt")
        assert len(name.encode("utf-8")) <= 255


def test_cli_finds_texts_of_stdin_jsonl_and_odd_names_from_another_directory(tmp_path: Path) -> None:
    """These inputs' texts used to be unreadable for `show` and the exports ("its text is not in
    a file nerpipe can read back"), and a relative source broke them from another directory."""
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    (work / "corpus").mkdir(parents=True)
    elsewhere.mkdir()
    (work / "corpus" / "notes:1965 [draft].txt").write_text(TEXT, encoding="utf-8")
    (work / "lines.jsonl").write_text(
        json.dumps({"id": "j/1", "text": TEXT.upper()}) + "\n", encoding="utf-8"
    )
    result = nerpipe(
        "run", "corpus", "lines.jsonl", "-", "--out", "out", "--quiet", cwd=work, stdin=TEXT + " Sihanouk."
    )
    assert result.returncode == 0, result.stderr
    (work / "corpus" / "notes:1965 [draft].txt").write_text("edited since", encoding="utf-8")
    out_dir = work / "out"
    records = {r.id: r for r in read_models(out_dir / "documents.jsonl", DocumentRecord)}
    assert sorted(records) == ["j/1", "notes:1965 [draft]", "stdin"]
    for doc_id in ("notes:1965 [draft]", "stdin"):
        page = elsewhere / "page.html"
        shown = nerpipe("show", doc_id, "--in", str(out_dir), "-o", str(page), cwd=elsewhere)
        assert shown.returncode == 0, shown.stderr
        assert "Pol Pot" in page.read_text(encoding="utf-8")
    target = elsewhere / "tasks.jsonl"
    exported = nerpipe(
        "export", str(out_dir / "documents.jsonl"), "--to", "prodigy", "-o", str(target), cwd=elsewhere
    )
    assert exported.returncode == 0, exported.stderr
    tasks = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert sorted(task["meta"]["id"] for task in tasks) == sorted(records)
    for task in tasks:
        record = records[task["meta"]["id"]]
        assert sha256(task["text"]) == record.text_sha256
        assert [task["text"][s["start"] : s["end"]] for s in task["spans"]] == [s.text for s in record.spans]


@pytest.mark.parametrize("fmt", ["prodigy", "docbin", "conll"])
def test_a_failed_export_leaves_no_file(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    run([source], tmp_path / "out")
    (tmp_path / "out" / "texts" / "a.txt").unlink()
    source.write_text("edited", encoding="utf-8")
    target = tmp_path / "export.out"
    result = nerpipe(
        "export", str(tmp_path / "out" / "documents.jsonl"), "--to", fmt, "-o", str(target), cwd=tmp_path
    )
    assert result.returncode == 1
    assert "cannot be read back" in result.stderr and "changed since the run" in result.stderr
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_read_text_falls_back_to_the_source_and_checks_it(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    run([source], tmp_path / "out")
    (record,) = read_models(tmp_path / "out" / "documents.jsonl", DocumentRecord)
    assert record.source == os.path.abspath(source)
    texts = tmp_path / "out" / "texts"
    assert (texts / "a.txt").read_text(encoding="utf-8") == TEXT
    (texts / "a.txt").unlink()
    assert read_text(record, texts) == TEXT  # from the source
    source.write_text(TEXT + " edited", encoding="utf-8")
    with pytest.raises(SourceError, match=r"missing.*changed since the run"):
        read_text(record, texts)


def test_atomic_path_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]
