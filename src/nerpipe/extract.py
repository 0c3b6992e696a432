"""Text -> document record: layout repair, the spaCy pipeline, records."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.language import Language

from nerpipe.layout import repair
from nerpipe.models import DocumentRecord
from nerpipe.pipeline import build_nlp
from nerpipe.records import to_record


@cache
def default_nlp() -> Language:
    """The default pipeline, built once per process."""
    return build_nlp()


def extract(text: str, id: str = "doc", *, nlp: Language | None = None, source: str | None = None, meta: dict[str, Any] | None = None) -> DocumentRecord:
    """Extract the entities and citations of one raw text.

    >>> record = extract("Pol Pot met Le Duan in Hanoi on April 1, 1965.", id="x")
    >>> [(s.text, s.label) for s in record.spans][:2]
    [('Pol Pot', 'PERSON'), ('Le Duan', 'PERSON')]
    """
    layout = repair(text)
    doc = (nlp or default_nlp())(layout.text)
    return to_record(doc, layout, id, source, meta)
