"""Write and read JSONL, crash-safe: whole lines, appended and flushed per batch.

A run killed mid-write leaves at most a torn last line; `repair_for_resume` drops it, and drops
flat rows whose document line never made it, so a resumed run ends with exactly the output of
an uninterrupted one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TypeVar

from pydantic import BaseModel, TypeAdapter

from nerpipe.models import CitationRow, DocumentRecord, ErrorRecord

M = TypeVar("M", bound=BaseModel)

DOCUMENTS, ENTITIES, CITATIONS, ERRORS = (
    "documents.jsonl",
    "entities.jsonl",
    "citations.jsonl",
    "errors.jsonl",
)
OUTPUT_FILES = (DOCUMENTS, ENTITIES, CITATIONS, ERRORS)


def read_models(path: Path, model: type[M]) -> Iterator[M]:
    """Validate every line of a JSONL file as `model`."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield model.model_validate_json(line)
                except ValueError as err:
                    raise ValueError(f"{path}:{n}: {err}") from None


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


def _drop_torn_line(path: Path) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


def _ids(path: Path, key: str) -> list[str]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)[key] for line in fh if line.strip()]


def repair_for_resume(out_dir: Path) -> set[str]:
    """Make `out_dir` a clean prefix of a run; return the ids already done (or failed)."""
    for name in OUTPUT_FILES:
        path = out_dir / name
        if path.exists():
            _drop_torn_line(path)
    done = set(_ids(out_dir / DOCUMENTS, "id"))
    for name in (ENTITIES, CITATIONS):
        path = out_dir / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            path.write_text(
                "".join(line for line in lines if json.loads(line)["doc_id"] in done), encoding="utf-8"
            )
    return done | set(_ids(out_dir / ERRORS, "id"))


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
