"""nerpipe: people, organisations, places, dates and archival citations from history articles.

The public verbs:

    build_nlp()            the spaCy pipeline (spacy.blank("en") + nerpipe's components)
    extract(text, id=...)  one raw text -> DocumentRecord (spans, citations, entities)
    parse_citation(text)   one citation string -> list of Citation records
    evaluate(gold, pred)   score predicted records against gold records

They are imported on first use (PEP 562 `__getattr__`), so that `import nerpipe.models` or
`nerpipe --help` does not import spaCy and compile the citation grammar (about 1.3 s of CPU).
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nerpipe.evaluate import evaluate
    from nerpipe.extract import extract
    from nerpipe.models import Citation, DocumentRecord, Span
    from nerpipe.pipeline import build_nlp

__all__ = ["Citation", "DocumentRecord", "Span", "build_nlp", "evaluate", "extract", "parse_citation"]
__version__ = "0.1.0"

# public name -> the module that defines it
_LAZY = {
    "Citation": "nerpipe.models",
    "DocumentRecord": "nerpipe.models",
    "Span": "nerpipe.models",
    "build_nlp": "nerpipe.pipeline",
    "evaluate": "nerpipe.evaluate",
    "extract": "nerpipe.extract",
}


class _Package(ModuleType):
    """`nerpipe.extract` and `nerpipe.evaluate` stay the verbs once their submodules are imported
    (the import system binds a submodule as an attribute of its package)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value  # once imported, a plain module attribute
        return value
    raise AttributeError(f"module 'nerpipe' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


def parse_citation(text: str) -> list[Citation]:
    """Parse one citation string ("RSAMH, Fund 5, inventory 75, file 1062, p. 35") into records."""
    from nerpipe.citations import parse_citation as parse_one

    body = text.strip()
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1]
    return parse_one(body)
