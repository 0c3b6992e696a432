"""nerpipe: people, organisations, places, dates and archival citations from history articles.

The public verbs:

    build_nlp()            the spaCy pipeline (spacy.blank("en") + nerpipe's components)
    extract(text, id=...)  one raw text -> DocumentRecord (spans, citations, entities)
    parse_citation(text)   one citation string -> list of Citation records
    evaluate(gold, pred)   score predicted records against gold records
"""

from __future__ import annotations

from nerpipe.citations import parse_citation as _parse_one
from nerpipe.evaluate import evaluate
from nerpipe.extract import extract
from nerpipe.models import Citation, DocumentRecord, Span
from nerpipe.pipeline import build_nlp

__all__ = ["Citation", "DocumentRecord", "Span", "build_nlp", "evaluate", "extract", "parse_citation"]
__version__ = "0.1.0"


def parse_citation(text: str) -> list[Citation]:
    """Parse one citation string ("RSAMH, Fund 5, inventory 75, file 1062, p. 35") into records."""
    body = text.strip()
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1]
    return _parse_one(body)
