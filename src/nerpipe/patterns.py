"""Load and validate the rule data in `patterns/`.

* `*.jsonl`: spaCy entity-ruler patterns, one per line, `{"label", "pattern", "id"}` plus an
  optional `source` and `gate`; `pattern` is a phrase (string) or a token pattern (list of
  token dicts). A `source` that starts with "data:" names the package an entry was compiled
  from (`patterns/_src/world.py`); `gate: "place-cue"` takes the phrase only where the context
  says it is a place ("in Reading", "Nice, France"), for names that are also common words.
  A malformed line fails at load time with its file and line number; an empty set warns.
* `lexicon.json`: named word lists (titles, given names, surname lists, org heads, ...) that
  the generic token rules in `rules.py` are composed from; `lexicon-*.json` beside it are
  lists compiled from data packages (given names of many cultures).
"""

from __future__ import annotations

import json
import warnings
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from nerpipe.models import Label
from nerpipe.resources import patterns_dir


class PatternError(ValueError):
    """A pattern file that cannot be used, with the file and line that broke it."""


class PatternEntry(BaseModel):
    """One entity-ruler pattern line."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: Label
    pattern: str | list[dict[str, Any]]
    id: str
    source: str | None = None
    gate: Literal["place-cue", "name-cue"] | None = None

    @property
    def data(self) -> bool:
        """Was this entry compiled from a data package (not written by hand)?"""
        return self.source is not None and self.source.startswith("data:")

    @field_validator("pattern")
    @classmethod
    def _not_blank(cls, value: str | list[dict[str, Any]]) -> str | list[dict[str, Any]]:
        if isinstance(value, str) and (not value.strip() or value != value.strip()):
            raise ValueError("a phrase pattern must be non-empty, without outer spaces")
        if isinstance(value, list) and not value:
            raise ValueError("a token pattern needs at least one token")
        return value


def read_pattern_file(path: Path) -> list[PatternEntry]:
    """Read and validate one `*.jsonl` pattern file."""
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append(PatternEntry.model_validate_json(line))
        except ValidationError as err:
            raise PatternError(f"{path}:{n}: {err.errors()[0]['msg']}: {line[:80]}") from None
    return entries


@cache
def load_patterns(directory: Path | None = None) -> tuple[PatternEntry, ...]:
    """All entity patterns of `directory` (default: the shipped `patterns/`), validated."""
    directory = directory or patterns_dir()
    entries: list[PatternEntry] = []
    for path in sorted(directory.glob("*.jsonl")):
        entries.extend(read_pattern_file(path))
    if not entries:
        warnings.warn(f"no entity patterns found in {directory}", stacklevel=2)
    return tuple(entries)


@cache
def load_lexicon(directory: Path | None = None) -> dict[str, frozenset[str]]:
    """The named word lists of `lexicon.json` and of its compiled siblings `lexicon-*.json`
    (e.g. `lexicon-given-names.json`, built from a data package by `patterns/_src/`).

    Every list must be a list of strings; a key starting with "_" is metadata (its source); a
    list named in two files is an error, so no file silently overrides another.
    """
    directory = directory or patterns_dir()
    path = directory / "lexicon.json"
    if not path.exists():
        warnings.warn(f"{path} is missing: generic name rules will be weak", stacklevel=2)
        return {}
    lexicon: dict[str, frozenset[str]] = {}
    for file in [path, *sorted(directory.glob("lexicon-*.json"))]:
        data = json.loads(file.read_text(encoding="utf-8"))
        for name, words in data.items():
            if name.startswith("_"):
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise PatternError(f"{file}: {name!r} must be a list of strings")
            if name in lexicon:
                raise PatternError(f"{file}: {name!r} is already defined by another lexicon file")
            lexicon[name] = frozenset(w.strip() for w in words if w.strip())
    return lexicon
