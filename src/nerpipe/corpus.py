"""Read inputs as a stream of documents: .txt files, directories, JSONL files, stdin.

A document's id is its file stem ("corpus/mosyakov-khmer-rouge.txt" -> "mosyakov-khmer-rouge");
a JSONL line gives its own `id` and `text`, and every other key passes through as `meta`.
Bad input never raises: it becomes an `InputError` and the stream goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nerpipe.models import DocumentRecord
from nerpipe.records import sha256


@dataclass(frozen=True)
class InputDoc:
    """A document to process."""

    id: str
    source: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputError:
    """An input that could not be read, and why (`kind`: unreadable, decode, binary, jsonl)."""

    id: str
    source: str
    kind: str
    message: str


Item = InputDoc | InputError


class SourceError(ValueError):
    """A record whose text cannot be read back (no file, or the file changed since)."""


def read_source(record: DocumentRecord) -> str:
    """The raw text a record was made from, checked against its `text_sha256`.

    Exports, `show` and `evaluate --baseline` need the text that records only point to.
    """
    if record.source is None or record.source == "-" or ":" in Path(record.source).name:
        raise SourceError(f"document {record.id!r}: its text is not in a file nerpipe can read back")
    try:
        text = Path(record.source).read_bytes().decode("utf-8")
    except OSError as err:
        raise SourceError(f"document {record.id!r}: cannot read {record.source}: {err}") from None
    if sha256(text) != record.text_sha256:
        raise SourceError(f"document {record.id!r}: {record.source} changed since it was processed")
    return text


def decode(data: bytes, doc_id: str, source: str, errors: str = "strict") -> Item:
    """Bytes -> document, or an error naming the first bad byte."""
    if b"\x00" in data[:8192]:
        return InputError(doc_id, source, "binary", "binary file (NUL bytes), not UTF-8 text")
    try:
        return InputDoc(doc_id, source, data.decode("utf-8", errors=errors))
    except UnicodeDecodeError as err:
        return InputError(doc_id, source, "decode", f"invalid UTF-8 at byte {err.start}: {err.reason}")


def read_jsonl(path: Path, errors: str = "strict") -> Iterator[Item]:
    """Documents of a JSONL file: one `{"id", "text", ...meta}` object a line."""
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(path.stem, str(path), "unreadable", str(err))
        return
    for n, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(raw.decode("utf-8", errors=errors))
            doc_id, text = obj.pop("id"), obj.pop("text")
            if not isinstance(doc_id, str) or not isinstance(text, str):
                raise TypeError("'id' and 'text' must be strings")
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            yield InputError(f"{path.stem}:{n}", where, "jsonl", f"malformed JSONL line: {err}")
            continue
        yield InputDoc(doc_id, where, text, obj)


def read_file(path: Path, errors: str = "strict") -> Iterator[Item]:
    """The document(s) of one file."""
    if path.suffix == ".jsonl":
        yield from read_jsonl(path, errors)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(path.stem, str(path), "unreadable", str(err))
        return
    yield decode(data, path.stem, str(path), errors)


def iter_documents(
    paths: Iterable[str | Path], glob: str = "*.txt", errors: str = "strict"
) -> Iterator[Item]:
    """Every document under `paths`, in the order given (directories sorted, recursive)."""
    for p in paths:
        if str(p) == "-":
            yield decode(sys.stdin.buffer.read(), "stdin", "-", errors)
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob(glob)):
                if child.is_file():
                    yield from read_file(child, errors)
        elif path.exists():
            yield from read_file(path, errors)
        else:
            yield InputError(path.stem, str(path), "unreadable", f"no such file or directory: {path}")


def count_documents(paths: Iterable[str | Path], glob: str = "*.txt") -> int | None:
    """How many documents `iter_documents` yields, when the file list tells: None when stdin or
    a JSONL file (one document per line) is among the inputs. For the progress bar's ETA."""
    count = 0
    for p in paths:
        path = Path(p)
        if str(p) == "-" or path.suffix == ".jsonl":
            return None
        if path.is_dir():
            children = [c for c in path.rglob(glob) if c.is_file()]
            if any(c.suffix == ".jsonl" for c in children):
                return None
            count += len(children)
        else:
            count += 1
    return count
