"""The raw text of every processed document, kept beside the output: `DIR/texts/<name>.txt`.

Records hold offsets and a `text_sha256`, not the text. `nerpipe run` writes each document's
text (exactly the text the offsets point into: decoded, without a byte order mark) to
`DIR/texts/`, before the document's line, so exports, `show` and `evaluate` find it whatever the
input was (stdin, a JSONL line, a file moved or edited since) and from any directory.
`read_text` is the one way back from a record to its text.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from nerpipe.corpus import InputDoc, InputError, decode
from nerpipe.models import DocumentRecord
from nerpipe.records import sha256

TEXTS = "texts"  # the directory of texts inside a run's output directory
# Characters a file name keeps as they are; every other one is %-escaped (its UTF-8 bytes).
SAFE = frozenset("-_")
# Names longer than this (in bytes; file systems allow 255) are cut and keep a hash of the id.
MAX_NAME_BYTES = 200


class SourceError(ValueError):
    """A record whose text cannot be read back (no text file or source, or they changed since)."""


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed to it when the block succeeds and removed when
    it fails: a reader never sees a partial or empty file."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def text_name(doc_id: str) -> str:
    """The file name of a document's text: the id with every character but letters, digits,
    "-", "_" and inner dots %-escaped, so any id is one safe file name.

    >>> text_name("mosyakov-khmer-rouge"), text_name("a/intro"), text_name("x:1 [draft]"), text_name("..")
    ('mosyakov-khmer-rouge.txt', 'a%2Fintro.txt', 'x%3A1%20%5Bdraft%5D.txt', '%2E..txt')
    """
    name = "".join(
        ch if ch.isalnum() or ch in SAFE or (ch == "." and i > 0) else _escape(ch)
        for i, ch in enumerate(doc_id)
    )
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        name = name.encode("utf-8")[: MAX_NAME_BYTES - 17].decode("utf-8", "ignore") + "~" + digest
    return name + ".txt"


def _escape(ch: str) -> str:
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))


def write_text(texts_dir: Path, doc: InputDoc) -> None:
    """Write a document's text to `texts_dir` (atomically: a reader sees the old or the new)."""
    texts_dir.mkdir(parents=True, exist_ok=True)
    with atomic_path(texts_dir / text_name(doc.id)) as tmp:
        tmp.write_bytes(doc.text.encode("utf-8"))


def read_text(record: DocumentRecord, texts_dir: Path | None) -> str:
    """The raw text `record` was made from: its file in `texts_dir`, else its `source` (a file,
    or a line of a JSONL file), checked against `text_sha256` either way."""
    attempts: list[tuple[str, Callable[[], str]]] = []
    if texts_dir is not None:
        path = texts_dir / text_name(record.id)
        attempts.append((str(path), lambda: path.read_bytes().decode("utf-8")))
    if record.source not in (None, "-"):
        source = str(record.source)
        attempts.append((source, lambda: _read_source(source)))
    tried = []
    for where, read in attempts:
        try:
            text = read()
        except FileNotFoundError:
            tried.append(f"{where} (missing)")
            continue
        except (OSError, ValueError, IndexError, AttributeError) as err:
            tried.append(f"{where} ({err})")
            continue
        if sha256(text) == record.text_sha256:
            return text
        tried.append(f"{where} (changed since the run)")
    places = "; ".join(tried) or "no text file and no source file"
    raise SourceError(f"document {record.id!r}: its text cannot be read back: {places}")


def _read_source(source: str) -> str:
    """The text of an input as `corpus` read it: a file, or "FILE.jsonl:LINE"."""
    path, _, line = source.rpartition(":")
    if line.isdigit() and not Path(source).exists():
        raw = Path(path).read_bytes().split(b"\n")[int(line) - 1]
        text = json.loads(raw.decode("utf-8", "replace").lstrip("\ufeff")).get("text")
        if not isinstance(text, str):
            raise ValueError(f"no text on line {line}")
        return text
    item = decode(Path(source).read_bytes(), "", source, errors="replace")
    if isinstance(item, InputError):
        raise ValueError(item.message)
    return item.text
