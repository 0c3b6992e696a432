"""Corpus statistics from documents.jsonl (and errors.jsonl beside it), as plain data."""

from __future__ import annotations

from collections import Counter
from typing import Any

from nerpipe.models import DocumentRecord, ErrorRecord


def corpus_stats(docs: list[DocumentRecord], errors: list[ErrorRecord], top: int = 10) -> dict[str, Any]:
    """Counts per label, the most-mentioned entities, citations per archive and kind, errors."""
    labels = Counter(s.label for d in docs for s in d.spans)
    kinds = Counter(c.kind for d in docs for c in d.citations)
    archives = Counter(c.archive or "?" for d in docs for c in d.citations if c.kind == "archival")
    mentions: Counter[tuple[str, str, str]] = Counter()
    for d in docs:
        for e in d.entities:
            mentions[(e.id, e.label, e.name)] += e.mentions
    return {
        "documents": len(docs),
        "spans_per_label": dict(sorted(labels.items())),
        "citations_per_kind": dict(sorted(kinds.items())),
        "citations_per_archive": dict(archives.most_common()),
        "top_entities": [
            {"id": i, "label": lab, "name": name, "mentions": n}
            for (i, lab, name), n in mentions.most_common(top)
        ],
        "errors": len(errors),
        "errors_per_kind": dict(Counter(e.kind for e in errors)),
    }
