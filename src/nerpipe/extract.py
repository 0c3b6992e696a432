"""Text -> document record: layout repair, the spaCy pipeline, records."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nerpipe.layout import repair
from nerpipe.models import DocumentRecord
from nerpipe.pipeline import build_nlp
from nerpipe.records import to_record


@cache
def default_nlp() -> Language:
    """The default pipeline, built once per process."""
    return build_nlp()


def extract(
    text: str,
    id: str = "doc",
    *,
    nlp: Language | None = None,
    source: str | None = None,
    meta: dict[str, Any] | None = None,
) -> DocumentRecord:
    """Extract the entities and citations of one raw text.

    >>> record = extract("Pol Pot met Le Duan in Hanoi on April 1, 1965.", id="x")
    >>> [(s.text, s.label) for s in record.spans][:2]
    [('Pol Pot', 'PERSON'), ('Le Duan', 'PERSON')]
    """
    nlp = nlp or default_nlp()
    layout = repair(text)
    parts = [
        (run_pipeline(nlp, layout.text[start:end]), start)
        for start, end in chunks(layout.text, nlp.max_length)
    ]
    return to_record(parts, layout, id, source, meta)


def run_pipeline(nlp: Language, text: str) -> Doc:
    """`nlp(text)`, handing the components the text we already have (see `pipeline.doc_text`)."""
    doc = nlp.make_doc(text)
    doc.user_data["nerpipe_text"] = text
    return nlp(doc)


def chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """Split `text` into (start, end) parts of at most `limit` characters, at paragraph breaks
    where possible, else at a line break or a space.

    >>> chunks("aaa\n\nbbb\n\nccc", 8)
    [(0, 5), (5, 13)]
    """
    out = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), 0)
        if cut == 0:
            cut = max(window.rfind("\n"), window.rfind(" "), 0)
        cut = cut + 2 if window[cut : cut + 2] == "\n\n" else (cut + 1 if cut else limit)
        out.append((start, start + cut))
        start += cut
    out.append((start, len(text)))
    return out
