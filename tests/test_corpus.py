"""Reading inputs: encodings and byte order marks, ids unique within a run, names that are not UTF-8."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from nerpipe.batch import process
from nerpipe.corpus import InputDoc, InputError, decode, file_ids, iter_documents
from nerpipe.jsonl import read_models
from nerpipe.models import DocumentRecord, ErrorRecord

TEXT = "Stalin met Mao in Moscow."


@pytest.mark.parametrize(
    ("data", "text", "error"),
    [
        (TEXT.encode(), TEXT, None),
        (codecs.BOM_UTF8 + TEXT.encode(), TEXT, None),  # the mark is dropped, offsets start after it
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, None),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, None),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT, None),
        (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), TEXT, None),
        ("Stalin \ufeffmet".encode(), "Stalin \ufeffmet", None),  # a mark inside the text is text
        (TEXT.encode("utf-16-le"), None, ("binary", "UTF-16 needs a byte order mark")),
        (codecs.BOM_UTF8 + b"abc\xff", None, ("decode", "invalid UTF-8 at byte 6")),
        (
            codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8",
            None,
            ("decode", "invalid UTF-16 at byte 6"),
        ),
        (b"\x00\x01binary", None, ("binary", "NUL bytes")),
        (b"\xff\xfe not utf-8", None, ("decode", "invalid UTF-8 at byte 0")),  # no NUL: not UTF-16
    ],
)
def test_decode_reads_byte_order_marks(data: bytes, text: str | None, error: tuple[str, str] | None) -> None:
    item = decode(data, "x", "x.txt")
    if text is not None:
        assert isinstance(item, InputDoc) and item.text == text
    else:
        assert isinstance(item, InputError) and error is not None
        assert item.kind == error[0] and error[1] in item.message


def test_a_utf8_bom_keeps_the_first_entity_and_its_offsets(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + TEXT.encode())
    (item,) = iter_documents([tmp_path / "bom.txt"])
    record = process(item, nlp)
    assert isinstance(record, DocumentRecord)
    assert [(s.start, s.end, s.text) for s in record.spans][:2] == [(0, 6, "Stalin"), (11, 14, "Mao")]


def _files(root: Path, names: list[str]) -> list[tuple[str, Path | None]]:
    return [(str(root / n), root) for n in names]


@pytest.mark.parametrize(
    ("names", "ids"),
    [
        (["a.txt", "b.txt"], ["a", "b"]),
        (["x/intro.txt", "y/intro.txt", "z/other.txt"], ["x/intro", "y/intro", "other"]),
        (["x/Intro.txt", "y/intro.txt"], ["x/Intro", "y/intro"]),  # case-insensitive file systems
        (["x/intro.txt", "x/intro.md"], ["corpus/x/intro.txt", "corpus/x/intro.md"]),  # suffixes differ
        (["intro.v1.txt", "intro.v2.txt"], ["intro.v1", "intro.v2"]),
    ],
)
def test_file_ids_are_unique_where_stems_collide(names: list[str], ids: list[str]) -> None:
    assert file_ids(_files(Path("corpus"), names)) == ids


def test_file_ids_of_two_directories_take_the_path_given() -> None:
    files = [("one/intro.txt", Path("one")), ("two/intro.txt", Path("two")), ("-", None)]
    assert file_ids(files) == ["one/intro", "two/intro", "stdin"]


def test_iter_documents_refuses_a_repeated_id(tmp_path: Path) -> None:
    (tmp_path / "c" / "a").mkdir(parents=True)
    (tmp_path / "c" / "b").mkdir()
    (tmp_path / "c" / "a" / "intro.txt").write_text("first", encoding="utf-8")
    (tmp_path / "c" / "b" / "intro.txt").write_text("second", encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        "".join(
            json.dumps({"id": i, "text": t}) + "\n" for i, t in [("j", "1"), ("a/intro", "2"), ("j", "3")]
        ),
        encoding="utf-8",
    )
    items = list(iter_documents([tmp_path / "c", lines]))
    assert [(i.id, i.text) for i in items if isinstance(i, InputDoc)] == [
        ("a/intro", "first"),
        ("b/intro", "second"),
        ("j", "1"),
    ]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.id, e.kind, e.source) for e in errors] == [
        ("a/intro", "duplicate", f"{lines}:2"),
        ("j", "duplicate", f"{lines}:3"),
    ]
    assert (
        errors[0].message
        == f"id 'a/intro' is already used by {tmp_path / 'c' / 'a' / 'intro.txt'}; ids must be unique in a run"
    )


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "x", "text": "Stalin \\ud800 met Mao"}',  # a lone surrogate: no UTF-8 file can hold it
        '{"id": "\\udcff", "text": "Stalin"}',
        '{"id": "x", "text": "Stalin", "note": "\\udc80"}',
    ],
)
def test_jsonl_lone_surrogates_are_an_error_row(tmp_path: Path, line: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n" + '{"id": "ok", "text": "Mao"}\n', encoding="utf-8")
    first, second = iter_documents([path])
    assert isinstance(first, InputError) and first.kind == "jsonl" and "lone surrogate" in first.message
    assert isinstance(second, InputDoc) and second.id == "ok"


def test_jsonl_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + b'{"id": "x", "text": "Stalin"}\n')
    (item,) = iter_documents([path])
    assert isinstance(item, InputDoc) and item.text == "Stalin"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_run_survives_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """The run used to die on the record's serialisation (surrogates), losing the batch."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Pol Pot met Le Duan in Hanoi.", encoding="utf-8")
    with open(os.path.join(os.fsencode(corpus), b"caf\xe9 [1].txt"), "wb") as fh:
        fh.write(b"Stalin met Mao.")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "nerpipe", "run", str(corpus), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    docs = {d.id: d for d in read_models(out / "documents.jsonl", DocumentRecord)}
    assert set(docs) == {"caf\\xe9 [1]", "good"}
    assert docs["caf\\xe9 [1]"].source is not None and docs["caf\\xe9 [1]"].source.endswith(
        "caf\\xe9 [1].txt"
    )
    assert "Stalin" in [s.text for s in docs["caf\\xe9 [1]"].spans]
    assert list(read_models(out / "errors.jsonl", ErrorRecord)) == []
