"""Run an installed spaCy pipeline over the same documents, for a side-by-side score.

Its labels are mapped onto ours (`pipeline.MODEL_LABELS`); others are dropped. The texts come
from the run's `texts/` directory (`texts.read_text`), checked against each record's `text_sha256`.
"""

from __future__ import annotations

from pathlib import Path

import spacy

from nerpipe.models import DocumentRecord, Span
from nerpipe.pipeline import MODEL_LABELS
from nerpipe.texts import read_text


def baseline_records(model: str, docs: list[DocumentRecord], texts_dir: Path | None) -> list[DocumentRecord]:
    """Records holding only the model's mapped entities, one per document of `docs`."""
    nlp = spacy.load(model)
    out = []
    for d in docs:
        text = read_text(d, texts_dir)
        spans = [
            Span(
                start=e.start_char,
                end=e.end_char,
                label=MODEL_LABELS[e.label_],
                text=e.text,
                pattern=f"model:{e.label_}",
            )
            for e in nlp(text).ents
            if e.label_ in MODEL_LABELS
        ]
        out.append(DocumentRecord(id=d.id, source=d.source, text_sha256=d.text_sha256, spans=spans))
    return out
