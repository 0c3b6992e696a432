"""Memory over many documents: zones free each document's words, KeptWords keeps common ones, bounded."""

from __future__ import annotations

import random

import pytest
import spacy

from nerpipe.batch import process
from nerpipe.corpus import InputDoc
from nerpipe.memory import KeptWords, document_zone
from nerpipe.pipeline import build_nlp


@pytest.mark.parametrize(
    ("docs", "limit", "min_documents", "expected"),
    [
        (["a b c", "b c d", "c d e"], 10, 2, {"b", "c", "d"}),
        (["a b c", "b c d", "c d e"], 10, 3, {"c"}),
        (["a b c", "a b c", "a b c"], 2, 2, 2),  # only `limit` chunks are kept
        (["a a a", "b b b"], 10, 2, set()),  # counted once per document
        (["Hanoi, 1975.", "Hanoi 1975"], 10, 2, set()),  # chunks are compared whole
        ([("x" * 41 + " y"), ("x" * 41 + " y")], 10, 2, {"y"}),  # over-long chunks are not kept
    ],
)
def test_memory_kept_words_keeps_what_documents_share(
    docs: list[str], limit: int, min_documents: int, expected: set[str] | int
) -> None:
    kept = KeptWords(spacy.blank("en"), limit=limit, min_documents=min_documents)
    for text in docs:
        kept.observe(text)
    if isinstance(expected, int):
        assert len(kept.kept) == expected
    else:
        assert kept.kept == expected


@pytest.mark.parametrize(
    ("limit", "vocabulary"),
    [(0, 10**9), (100, 10**9), (100, 300)],  # rare words; a small vocabulary fills the limit
)
def test_memory_kept_words_survive_zones_and_stay_bounded(limit: int, vocabulary: int) -> None:
    nlp = spacy.blank("en")
    kept = KeptWords(nlp, limit=limit)
    rng = random.Random(7)
    before = len(nlp.vocab.strings)
    for _ in range(30):
        words = ["the", "Party", "met"] + [f"w{rng.randrange(vocabulary)}" for _ in range(200)]
        text = " ".join(words)
        with nlp.memory_zone():
            nlp.make_doc(text)
        kept.observe(text)
        assert len(kept.kept) <= limit
        assert len(kept.counts) <= 4 * limit + 203  # pruned once past 4 * limit
    grown = len(nlp.vocab.strings) - before
    # only kept words outlive their zone (each with a few attribute strings: "party", "Xxxxx")
    assert grown <= 5 * len(kept.kept)
    if limit:
        assert {"the", "Party", "met"} <= kept.kept
        assert len(kept.kept) == (limit if vocabulary < limit * 4 else 3)
        assert all(w in nlp.vocab.strings for w in ("the", "Party", "met"))


@pytest.mark.parametrize(
    "text", ["Pol Pot met Le Duan in Hanoi on 1 April 1965 (Fund 5, inventory 75, file 1062, p. 35)."]
)
def test_memory_output_does_not_depend_on_kept_words(text: str) -> None:
    fresh, warm = build_nlp(), build_nlp()
    for _ in range(3):  # `warm` keeps every word of the text before the compared run
        with document_zone(warm, text):
            pass
    a = process(InputDoc("x", "x.txt", text), nlp=fresh)
    b = process(InputDoc("x", "x.txt", text), nlp=warm)
    assert a.to_json() == b.to_json()
    assert "Pol Pot" in [s.text for s in b.spans]  # type: ignore[union-attr]
