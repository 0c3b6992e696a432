"""Write and read JSONL, crash-safe: whole lines, appended and flushed per batch.

A run killed mid-write leaves at most a torn last line; `repair_for_resume` drops it, and drops
flat rows whose document line never made it, so a resumed run ends with exactly the output of
an uninterrupted one. A resumed run skips a document only when its id and `text_sha256` match
an input; `compact` then drops the records of inputs that changed (processed again) or are gone.
One run at a time writes a directory: `lock_output` holds an advisory lock on `DIR/nerpipe.lock`.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any, TypeVar

import regex
from pydantic import BaseModel, TypeAdapter, ValidationError

from nerpipe.layout import PageBreak, page_labels
from nerpipe.models import Citation, CitationRow, DocumentRecord, ErrorRecord, Span
from nerpipe.records import LINKED_LABELS, Part, link_entities, page_of, shifted_citations

M = TypeVar("M", bound=BaseModel)

DOCUMENTS, ENTITIES, CITATIONS, ERRORS = (
    "documents.jsonl",
    "entities.jsonl",
    "citations.jsonl",
    "errors.jsonl",
)
OUTPUT_FILES = (DOCUMENTS, ENTITIES, CITATIONS, ERRORS)
LOCK = "nerpipe.lock"


class OutputError(ValueError):
    """An output directory that cannot be written: a file, locked by another run, or unreadable."""


@contextmanager
def lock_output(out_dir: Path) -> Iterator[None]:
    """Hold the advisory lock of `out_dir` (created if needed) for the block, or raise at once.

    The lock is the kernel's (`flock`): it is released when the process ends, however it ends.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fh = (out_dir / LOCK).open("a+", encoding="utf-8")
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"{out_dir} is a file, not a directory") from None
    try:
        try:
            _flock(fh)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            raise OutputError(
                f"{out_dir} is being written by another nerpipe run (pid {holder}); "
                "wait for it to finish, or write to another directory"
            ) from None
        fh.truncate(0)
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield
    finally:
        fh.close()  # releases the lock


def read_models(path: Path, model: type[M]) -> Iterator[M]:
    """Validate every line of a JSONL file as `model`; a line that is not one raises a ValueError
    of one line: "FILE:3: not a DocumentRecord (12 problems; first: spans.0.label: ...)"."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield model.model_validate_json(line)
                except ValidationError as err:
                    problems = err.errors()
                    first = problems[0]
                    where = ".".join(map(str, first["loc"])) or "the line"
                    raise ValueError(
                        f"{path}:{n}: not a {model.__name__} ({len(problems)} problems; "
                        f"first: {where}: {first['msg']})"
                    ) from None


def citation_rows(record: DocumentRecord) -> list[CitationRow]:
    """The rows of `citations.jsonl` for one document."""
    return [CitationRow(doc_id=record.id, index=i, **c.model_dump()) for i, c in enumerate(record.citations)]


_STR = TypeAdapter(str)


def entity_lines(record: DocumentRecord) -> list[str]:
    """The lines of `entities.jsonl` for one document, without a model per span.

    An `EntityRow` is a `Span` plus `doc_id`, its last field, so its JSON is the span's JSON
    with `"doc_id"` added before the closing brace: the same bytes as `EntityRow.to_json()`
    (tests/test_batch.py compares them) at a fifth of the cost, the spans being validated
    already as part of the record.
    """
    tail = ',"doc_id":' + _STR.dump_json(record.id).decode() + "}"
    return [span.to_json()[:-1] + tail for span in record.spans]


_NULL_ID = ',"entity_id":null,"page":null}'
# The start of a span's JSON in spans.part, after its linked flag: '1{"start":1234,'.
SPAN_START = regex.compile(r'.\{"start":(\d+),')


def _flock(fh: IO[str]) -> None:
    """Take the file's exclusive lock or raise BlockingIOError (no lock where there is no flock)."""
    if sys.platform != "win32":
        import fcntl

        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)


def spool_document(
    parts: Iterable[Part],
    doc_id: str,
    text_sha256: str,
    source: str | None,
    meta: dict[str, Any],
    directory: Path,
    pages: Sequence[tuple[int, str]] | None = None,
) -> None:
    """Write a long document's lines to `directory` part by part, holding little more than one
    part in memory: its documents.jsonl line (`DOCUMENTS`), its entity rows (`ENTITIES`) and its
    citation rows (`CITATIONS`), the same bytes as `DocumentRecord.to_json()`, `entity_lines`
    and `citation_rows` (tests/test_batch.py compares them).

    The spans are written without their entity id and page, and their mentions beside them;
    once every part is done the mentions are linked, the pages known (`pages`, or the page
    breaks of all parts), and the lines written with both.
    """
    spans, mentions, cites = (
        directory / "spans.part",
        directory / "mentions.part",
        directory / "citations.part",
    )
    acronyms: list[tuple[str, str]] = []
    breaks: list[PageBreak] = []
    with (
        spans.open("w", encoding="utf-8") as sf,
        mentions.open("w", encoding="utf-8") as mf,
        cites.open("w", encoding="utf-8") as cf,
    ):
        for citation in shifted_citations(_noting_acronyms(parts, acronyms, breaks, sf, mf)):
            cf.write(citation.to_json() + "\n")
    page = page_of(list(pages) if pages else page_labels(breaks))
    with mentions.open(encoding="utf-8") as mf:
        ids, assignment, entities = link_entities((tuple(json.loads(line)) for line in mf), acronyms)
    empty = DocumentRecord(id=doc_id, text_sha256=text_sha256, source=source, entities=entities, meta=meta)
    head, tail = empty.to_json().split(',"spans":[],"citations":[', 1)
    id_json = _STR.dump_json(doc_id).decode()
    linked = iter(assignment)
    with (
        (directory / DOCUMENTS).open("w", encoding="utf-8") as df,
        (directory / ENTITIES).open("w", encoding="utf-8") as ef,
        (directory / CITATIONS).open("w", encoding="utf-8") as rf,
    ):
        df.write(head + ',"spans":[')
        with spans.open(encoding="utf-8") as sf:
            for n, line in enumerate(sf):
                entity_id = ids[next(linked)] if line[0] == "1" else None
                label = page(int(SPAN_START.match(line).group(1)))  # type: ignore[union-attr]
                span = (
                    line[1:-1]
                    + ',"entity_id":'
                    + (_STR.dump_json(entity_id).decode() if entity_id else "null")
                    + ',"page":'
                    + (_STR.dump_json(label).decode() if label else "null")
                    + "}"
                )
                df.write(("," if n else "") + span)
                ef.write(span[:-1] + ',"doc_id":' + id_json + "}\n")
        df.write('],"citations":[')
        with cites.open(encoding="utf-8") as cf:
            for i, raw_line in enumerate(cf):
                citation = Citation.model_validate_json(raw_line)
                line = citation.model_copy(update={"page": page(citation.start)}).to_json() + "\n"
                df.write(("," if i else "") + line[:-1])
                rf.write(line[:-2] + ',"doc_id":' + id_json + f',"index":{i}}}\n')
        df.write(tail)
    for path in (spans, mentions, cites):
        path.unlink()


def _noting_acronyms(
    parts: Iterable[Part],
    acronyms: list[tuple[str, str]],
    breaks: list[PageBreak],
    spans: IO[str],
    mentions: IO[str],
) -> Iterator[Part]:
    """The parts, each one's spans (a linked flag, then the JSON without its entity id and page)
    and mentions written as it passes, its acronyms and page breaks noted."""
    for part in parts:
        breaks += part.breaks
        for span in part.spans:
            linked = "1" if span["label"] in LINKED_LABELS else "0"
            spans.write(linked + Span.model_validate(span).to_json().removesuffix(_NULL_ID) + "\n")
        mentions.writelines(json.dumps(m, ensure_ascii=False) + "\n" for m in part.mentions)
        acronyms += part.acronyms
        yield part


def _drop_torn_line(path: Path) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


def repair_for_resume(out_dir: Path) -> tuple[dict[str, str], bool]:
    """Make `out_dir` a clean prefix of a run; return the `text_sha256` of each document id done,
    and whether an id is there twice (written by an older nerpipe).

    The errors are dropped: a resumed run tries their inputs again (a fixed file is processed).
    """
    for name in OUTPUT_FILES:
        path = out_dir / name
        if path.exists():
            _drop_torn_line(path)
    done: dict[str, str] = {}
    lines = 0
    if (out_dir / DOCUMENTS).exists():
        with (out_dir / DOCUMENTS).open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                done.setdefault(obj["id"], obj["text_sha256"])
                lines += 1
    for name in (ENTITIES, CITATIONS):
        path = out_dir / name
        if path.exists():
            rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
            path.write_text(
                "".join(row for row in rows if json.loads(row)["doc_id"] in done), encoding="utf-8"
            )
    (out_dir / ERRORS).write_text("", encoding="utf-8")
    return done, lines > len(done)


def compact(out_dir: Path, inputs: dict[str, str]) -> list[str]:
    """Keep the first record of each id whose `text_sha256` is its input's (`inputs`: id ->
    sha of this run's inputs), with its flat rows; return the ids of the records dropped."""
    dropped: list[str] = []
    kept: set[str] = set()
    paths = {name: out_dir / name for name in (DOCUMENTS, ENTITIES, CITATIONS)}
    tmps = {name: path.with_name(f".{path.name}.tmp") for name, path in paths.items()}
    with (
        paths[DOCUMENTS].open(encoding="utf-8") as documents,
        paths[ENTITIES].open(encoding="utf-8") as entities,
        paths[CITATIONS].open(encoding="utf-8") as citations,
    ):
        outs = {name: tmp.open("w", encoding="utf-8") for name, tmp in tmps.items()}
        try:
            for n, line in enumerate(documents, 1):
                obj = json.loads(line)
                doc_id = obj["id"]
                keep = inputs.get(doc_id) == obj["text_sha256"] and doc_id not in kept
                for name, rows, key in ((ENTITIES, entities, "spans"), (CITATIONS, citations, "citations")):
                    group = list(islice(rows, len(obj[key])))
                    if len(group) != len(obj[key]) or any(
                        json.loads(r)["doc_id"] != doc_id for r in group[:1]
                    ):
                        raise OutputError(
                            f"{out_dir / name} does not line up with {DOCUMENTS} (record {n}, {doc_id!r}); "
                            "run again with --overwrite"
                        )
                    if keep:
                        outs[name].writelines(group)
                if keep:
                    outs[DOCUMENTS].write(line)
                    kept.add(doc_id)
                else:
                    dropped.append(doc_id)
        except BaseException:
            for name, fh in outs.items():
                fh.close()
                tmps[name].unlink()
            raise
        for fh in outs.values():
            fh.close()
    for name in (ENTITIES, CITATIONS, DOCUMENTS):  # the document lines last: they mark what is done
        os.replace(tmps[name], paths[name])
    return dropped


class Writer:
    """Append records to the output files; `flush()` after each batch."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[str]] = {
            name: (out_dir / name).open("a", encoding="utf-8") for name in OUTPUT_FILES
        }

    def write_lines(self, document: str, entities: Iterable[str], citations: Iterable[str]) -> None:
        """Write a document's rendered lines: its flat rows first, its document line last."""
        self.files[ENTITIES].writelines(line + "\n" for line in entities)
        self.files[CITATIONS].writelines(line + "\n" for line in citations)
        # the document line last: its presence marks the document as complete
        self.files[ENTITIES].flush()
        self.files[CITATIONS].flush()
        self.files[DOCUMENTS].write(document + "\n")

    def write_spool(self, directory: Path) -> None:
        """Write a long document's lines from the files `spool_document` left in `directory`
        (its rows first, its document line last), then remove them."""
        for name in (ENTITIES, CITATIONS, DOCUMENTS):
            with (directory / name).open(encoding="utf-8") as fh:
                shutil.copyfileobj(fh, self.files[name])
            if name == DOCUMENTS:
                self.files[name].write("\n")
            else:
                self.files[name].flush()
        shutil.rmtree(directory)

    def write_error(self, error: ErrorRecord) -> None:
        self.files[ERRORS].write(error.to_json() + "\n")

    def flush(self) -> None:
        for fh in self.files.values():
            fh.flush()

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
