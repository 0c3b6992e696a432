"""Read inputs as a stream of documents: text, PDF and TEI files, directories, JSONL files, stdin.

A document's id is its file stem ("corpus/mosyakov-khmer-rouge.txt" -> "mosyakov-khmer-rouge"),
unless two inputs of a run share a stem: those take their path below the directory given, without
the suffix ("corpus/a/intro.txt" -> "a/intro"), or the path as given when that is shared too. A
JSONL line gives its own `id` and `text`, and every other key passes through as `meta`; an id
already used in the run is an error. Ids are unique within a run, so `--resume` can trust them.

Text is UTF-8, or UTF-16/UTF-32 with a byte order mark; a UTF-8 byte order mark is dropped, so
offsets count from the first character of the text. A file name that is not UTF-8 keeps its
bytes escaped ("caf\\xe9"). Bad input never raises: it becomes an `InputError` and the stream
goes on.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class InputDoc:
    """A document to process."""

    id: str
    source: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    pages: tuple[tuple[int, str], ...] = ()  # (offset, label) page starts a PDF or TEI file gave


@dataclass(frozen=True)
class InputError:
    """An input that could not be read, and why (`kind`: unreadable, decode, binary, jsonl,
    duplicate)."""

    id: str
    source: str
    kind: str
    message: str


Item = InputDoc | InputError


# Byte order marks and the codec that reads what follows them; UTF-32 LE first, as its mark
# starts with UTF-16 LE's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def display(name: str) -> str:
    """A path or name as text that every encoder accepts: bytes that are not UTF-8 (which Python
    keeps as surrogates) written as escapes.

    >>> display("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _unencodable(text: str) -> str | None:
    """Where `text` holds a lone surrogate (which no UTF-8 file can), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"a lone surrogate {text[err.start]!r} at character {err.start}"
    return None


def decode(data: bytes, doc_id: str, source: str, errors: str = "strict") -> Item:
    """Bytes -> document, or an error naming the first bad byte.

    UTF-8, with or without a byte order mark (dropped); UTF-16 and UTF-32 when a mark says so.
    """
    head = data[:8192]
    # a UTF-16 text has NUL bytes (every space and line break is U+00xx): without them, a leading
    # FF FE is a bad UTF-8 byte, not a byte order mark
    bom, codec, name = next(
        ((b, c, n) for b, c, n in BOMS if data.startswith(b) and (n == "UTF-8" or b"\x00" in head)),
        (b"", "utf-8", "UTF-8"),
    )
    if not bom and b"\x00" in head:
        return InputError(
            doc_id,
            source,
            "binary",
            "binary file (NUL bytes), not UTF-8 text (UTF-16 needs a byte order mark)",
        )
    try:
        return InputDoc(doc_id, source, data[len(bom) :].decode(codec, errors=errors))
    except UnicodeDecodeError as err:
        return InputError(
            doc_id, source, "decode", f"invalid {name} at byte {len(bom) + err.start}: {err.reason}"
        )


def read_jsonl(path: Path, errors: str = "strict") -> Iterator[Item]:
    """Documents of a JSONL file: one `{"id", "text", ...meta}` object a line (read a line at a
    time: a corpus in one JSONL file is never in memory whole)."""
    source = display(os.path.abspath(path))
    try:
        with path.open("rb") as fh:
            for n, raw in enumerate(fh, 1):
                yield from _jsonl_line(
                    raw.removeprefix(codecs.BOM_UTF8) if n == 1 else raw, n, path, source, errors
                )
    except OSError as err:
        yield InputError(display(path.stem), source, "unreadable", str(err))


def _jsonl_line(raw: bytes, n: int, path: Path, source: str, errors: str) -> Iterator[Item]:
    """The document of line `n` of a JSONL file, or the error that line is."""
    if raw.strip():
        where = f"{source}:{n}"
        try:
            obj = json.loads(raw.decode("utf-8", errors=errors))
            doc_id, text = obj.pop("id"), obj.pop("text")
            if not isinstance(doc_id, str) or not isinstance(text, str):
                raise TypeError("'id' and 'text' must be strings")
            bad = (
                _unencodable(doc_id)
                or _unencodable(text)
                or _unencodable(json.dumps(obj, ensure_ascii=False))
            )
            if bad:
                raise ValueError(f"the line holds {bad}")
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            yield InputError(f"{display(path.stem)}:{n}", where, "jsonl", f"malformed JSONL line: {err}")
            return
        yield InputDoc(doc_id, where, text, obj)


def read_file(path: Path, errors: str = "strict", doc_id: str | None = None) -> Iterator[Item]:
    """The document(s) of one file; a text, PDF or TEI file's id is `doc_id`, else its stem."""
    if path.suffix == ".jsonl":
        yield from read_jsonl(path, errors)
        return
    doc_id, source = doc_id or display(path.stem), display(os.path.abspath(path))
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(doc_id, source, "unreadable", str(err))
        return
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        item = read_pdf_document(data, doc_id, source)
    elif suffix == ".xml":
        item = read_tei_document(data, doc_id, source)
    else:
        item = decode(data, doc_id, source, errors)
    del data  # not held while the document is processed: a 60 MB file is 60 MB more
    yield item


def read_pdf_document(data: bytes, doc_id: str, source: str) -> Item:
    """A PDF's text and pages (`pdf.read_pdf`), or the error that says why it cannot be read."""
    from nerpipe.pdf import PdfError, read_pdf

    try:
        result = read_pdf(data)
    except PdfError as err:
        return InputError(doc_id, source, "pdf", str(err))
    pages = tuple((page.start, page.label) for page in result.pages)
    return InputDoc(doc_id, source, result.text, {}, pages)


def read_tei_document(data: bytes, doc_id: str, source: str) -> Item:
    """A TEI file's text (body, then notes) and its `<pb/>` pages, or why it cannot be read."""
    from nerpipe.tei import TeiError, is_tei, read_tei

    if not is_tei(data):
        return InputError(
            doc_id, source, "tei", "an XML file without the TEI P5 namespace: not a TEI document"
        )
    try:
        result = read_tei(data)
    except TeiError as err:
        return InputError(doc_id, source, "tei", str(err))
    starts = ((0, "1"), *result.pages) if result.pages and result.pages[0][0] > 0 else result.pages
    return InputDoc(doc_id, source, result.text, {}, tuple(starts))


# The files a directory's documents are in: texts, PDFs and TEI XML.
DEFAULT_GLOB = "*.txt,*.pdf,*.xml"


def input_files(paths: Iterable[str | Path], glob: str = DEFAULT_GLOB) -> list[tuple[str, Path | None]]:
    """Every input of `paths` in order, as (path as given, the directory it was found under):
    directories are listed sorted and recursively, by the comma-separated patterns of `glob`;
    "-" (stdin) stays "-"."""
    patterns = [g.strip() for g in glob.split(",") if g.strip()]
    files: list[tuple[str, Path | None]] = []
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir():
            found = {child for g in patterns for child in path.rglob(g) if child.is_file()}
            files += [(str(child), path) for child in sorted(found)]
        else:
            files.append((str(p), None))
    return files


def file_ids(files: list[tuple[str, Path | None]]) -> list[str]:
    """The id of each input file: its stem where no other input shares it (in any case, as
    some file systems ignore case), else its path below its directory, else its path as given
    (without the suffix, then with it).

    >>> file_ids([("c/a/intro.txt", Path("c")), ("c/b/intro.txt", Path("c")), ("c/x.txt", Path("c"))])
    ['a/intro', 'b/intro', 'x']
    """

    def forms(name: str, root: Path | None) -> tuple[str, ...]:
        if name == "-":
            return ("stdin",) * 4
        path = Path(name)
        given = path.with_suffix("").as_posix()
        below = path.relative_to(root).with_suffix("").as_posix() if root else given
        return tuple(map(display, (path.stem, below, given, path.as_posix())))

    options = [forms(name, root) for name, root in files]
    ids = [o[0] for o in options]
    for level in (1, 2, 3):
        counts = Counter(i.casefold() for i in ids)
        ids = [o[level] if counts[i.casefold()] > 1 else i for i, o in zip(ids, options, strict=True)]
    return ids


def iter_documents(
    paths: Iterable[str | Path], glob: str = DEFAULT_GLOB, errors: str = "strict"
) -> Iterator[Item]:
    """Every document under `paths`, in the order given (directories sorted, recursive), each
    with an id no other document of the stream has (a repeated one is an error)."""
    files = input_files(paths, glob)
    first: dict[str, str] = {}  # id -> the source that used it first
    for (name, _root), doc_id in zip(files, file_ids(files), strict=True):
        for item in _read(name, doc_id, errors):
            if isinstance(item, InputDoc) and item.id in first:
                yield InputError(
                    item.id,
                    item.source,
                    "duplicate",
                    f"id {item.id!r} is already used by {first[item.id]}; ids must be unique in a run",
                )
                continue
            if isinstance(item, InputDoc):
                first[item.id] = item.source
            yield item


def _read(name: str, doc_id: str, errors: str) -> Iterator[Item]:
    """The document(s) of one input: stdin, a JSONL file, a text file, or a missing path."""
    if name == "-":
        yield decode(sys.stdin.buffer.read(), doc_id, "-", errors)
        return
    path = Path(name)
    if not path.exists():
        shown = display(name)
        yield InputError(doc_id, shown, "unreadable", f"no such file or directory: {shown}")
    elif path.suffix == ".jsonl":
        yield from read_jsonl(path, errors)
    else:
        yield from read_file(path, errors, doc_id)


def count_documents(paths: Iterable[str | Path], glob: str = DEFAULT_GLOB) -> int | None:
    """How many documents `iter_documents` yields, when the file list tells: None when stdin or
    a JSONL file (one document per line) is among the inputs. For the progress bar's ETA."""
    files = input_files(paths, glob)
    if any(name == "-" or Path(name).suffix == ".jsonl" for name, _ in files):
        return None
    return len(files)
