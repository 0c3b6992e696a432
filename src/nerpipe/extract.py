"""Text -> document record: layout repair, the spaCy pipeline, records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from nerpipe.layout import repair
from nerpipe.models import DocumentRecord
from nerpipe.pipeline import build_nlp
from nerpipe.records import Part, assemble, part_records, sha256


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
    pages: Sequence[tuple[int, str]] | None = None,
) -> DocumentRecord:
    """Extract the entities and citations of one raw text; `pages` are its (offset, label) page
    starts where the input knew them (a PDF's, a TEI file's `<pb/>`), else the page breaks the text
    shows (running heads, page numbers, form feeds) give them.

    >>> record = extract("Pol Pot met Le Duan in Hanoi on April 1, 1965.", id="x")
    >>> [(s.text, s.label) for s in record.spans][:2]
    [('Pol Pot', 'PERSON'), ('Le Duan', 'PERSON')]
    """
    nlp = nlp or default_nlp()
    return assemble(list(parts(nlp, text)), sha256(text), id, source, meta, pages)


def parts(nlp: Language, text: str) -> Iterator[Part]:
    """`text` processed in parts of at most `nlp.max_length` characters (one part, unless it is
    longer), cut at paragraph breaks: each part's layout repaired, run through the pipeline and
    made plain records (offsets into the whole text) before the next, so spaCy's Docs of a long
    text never pile up. Entities are linked across parts later (`records.assemble`).
    """
    for start, end in chunks(text, nlp.max_length):
        layout = repair(text[start:end])
        yield part_records([(run_pipeline(nlp, layout.text), 0)], layout, start)


# spaCy's tokenizer splits a chunk's prefixes and suffixes one at a time, searching the rest of
# the chunk each time: quadratic in a chunk's length when it splits often (explosion/spaCy#1768,
# #4362, #5122). 16,000 "(" in a row took 45 s, 100,000 hang for hours; 100 characters take
# 2 ms. A chunk (a run of non-space characters) longer than this is tokenized this many
# characters at a time; no word of a real text is that long (the corpus's longest is 21).
MAX_CHUNK = 100
LONG_CHUNK = regex.compile(rf"\S{{{MAX_CHUNK + 1},}}")


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, long chunks tokenized in pieces of `MAX_CHUNK` characters; the Doc's
    text is `text` exactly, so offsets do not move.

    >>> import spacy
    >>> len(make_doc(spacy.blank("en"), "(" * 100_000 + " Stalin"))
    100001
    """
    # str.split finds the longest chunk in 2 ms per 80 KB of text, the regular expression in 12 ms
    if max(map(len, text.split()), default=0) <= MAX_CHUNK:
        return nlp.make_doc(text)
    cuts = [
        pos for m in LONG_CHUNK.finditer(text) for pos in range(m.start() + MAX_CHUNK, m.end(), MAX_CHUNK)
    ]
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    return Doc.from_docs([nlp.make_doc(text[a:b]) for a, b in pairwise(bounds)], ensure_whitespace=False)


def run_pipeline(nlp: Language, text: str) -> Doc:
    """`nlp(text)`, handing the components the text we already have (see `pipeline.doc_text`)."""
    doc = make_doc(nlp, text)
    doc.user_data["nerpipe_text"] = text
    return nlp(doc)


def chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """Split `text` into (start, end) parts of at most `limit` characters, at paragraph breaks
    where possible, else at a line break or a space.

    >>> chunks("aaa\\n\\nbbb\\n\\nccc", 8)
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
