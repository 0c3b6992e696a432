"""Bounded memory over millions of documents, without paying for it on every document.

Each document runs inside `nlp.memory_zone()` (spaCy 3.8): the strings, lexemes and tokenizer
cache entries it creates are freed afterwards, so the vocabulary cannot grow without bound. The
price is that spaCy forgets every word a document taught it, "the" and "Vietnam," included, and
rebuilds their lexemes, lexical attributes and cache entries for the next document: on a corpus
of articles that is most of the tokenizer's time. `KeptWords` keeps the words a corpus keeps
using, up to a fixed number, so the vocabulary stays bounded and common words are built once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

import regex
from spacy.language import Language

# Chunks kept per pipeline: all 50,000 took 19 MB of resident memory (`make bench`).
KEPT_LIMIT = 50_000
# A chunk is kept once this many documents have used it.
MIN_DOCUMENTS = 2
# Longer chunks (URLs, tables flattened by PDF extraction) are rarely met twice.
MAX_CHUNK = 40
# A text longer than this is not split into a list of its words at once (`distinct_chunks`).
LONG_TEXT = 1_000_000
CHUNK = regex.compile(r"\S+")


class KeptWords:
    """The whitespace-delimited chunks a corpus keeps using, made permanent in the vocabulary.

    A chunk ("the", "Vietnam,", "(1975)") met in `min_documents` documents is tokenized once
    outside any memory zone, which makes its lexemes and its tokenizer cache entry permanent,
    until `limit` chunks are kept (the tokenizer's cache grows by `limit` entries to hold them).
    The counts of chunks not yet kept are bounded too: past `4 * limit` of them, those met only
    once are forgotten. Output never depends on what is kept.

    >>> import spacy
    >>> kept = KeptWords(spacy.blank("en"), limit=10)
    >>> kept.observe("Le Duan met Pol Pot.")
    >>> kept.observe("Pol Pot met Le Duc Tho.")
    >>> sorted(kept.kept)  # "Pot." and "Pot" are different chunks
    ['Le', 'Pol', 'met']
    """

    def __init__(self, nlp: Language, limit: int = KEPT_LIMIT, min_documents: int = MIN_DOCUMENTS) -> None:
        self.nlp = nlp
        self.limit = limit
        self.min_documents = min_documents
        self.kept: set[str] = set()
        self.counts: Counter[str] = Counter()
        # spaCy caches at most `max_cache_size` tokenized chunks (10,000 by default), and the
        # gazetteers' phrases fill most of that while the pipeline is built: make room for ours
        tokenizer = nlp.tokenizer
        if hasattr(tokenizer, "max_cache_size"):
            tokenizer.max_cache_size += limit

    def observe(self, text: str) -> None:
        """Count one document's chunks and keep those now met often enough; call outside a zone."""
        room = self.limit - len(self.kept)
        if room <= 0:
            return
        chunks = {c for c in distinct_chunks(text) - self.kept if len(c) <= MAX_CHUNK}
        self.counts.update(chunks)
        ready = [c for c in chunks if self.counts[c] >= self.min_documents][:room]
        for chunk in ready:
            # one chunk at a time: spaCy stops caching a text's chunks after the first special
            # case it meets ("don't", "(p."), so a joined text would cache almost nothing
            self.nlp.make_doc(chunk)
        self.kept.update(ready)
        for chunk in ready:
            del self.counts[chunk]
        if len(self.counts) > 4 * self.limit:
            self.counts = Counter({c: n for c, n in self.counts.items() if n > 1})


def distinct_chunks(text: str) -> set[str]:
    """The distinct whitespace-delimited chunks of `text`; a long text's are collected without a
    list of every word (60 MB of text split at once took a gigabyte)."""
    if len(text) <= LONG_TEXT:
        return set(text.split())
    return {m.group() for m in CHUNK.finditer(text)}


_KEPT: WeakKeyDictionary[Language, KeptWords] = WeakKeyDictionary()


@contextmanager
def document_zone(nlp: Language, text: str) -> Iterator[None]:
    """Process one document inside a memory zone, then keep the words the corpus keeps using."""
    with nlp.memory_zone():
        yield
    kept = _KEPT.get(nlp)
    if kept is None:
        kept = _KEPT[nlp] = KeptWords(nlp, limit=KEPT_LIMIT)  # read now: the bench sets it
    kept.observe(text)
