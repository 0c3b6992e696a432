"""The benchmark's corpora, and how much each repeats itself beside the real texts of corpus/.

Three synthetic corpora, all built from the real texts of `corpus/` (nothing large is committed):

* `build_honest` (the headline): every document is a variant of one real text, chosen at random,
  so documents have the real texts' lengths, paragraphs, notes and reference lists. In each
  variant:
  - the names of the gazetteers (`patterns/*.jsonl`) are replaced, per document and consistently
    within it, by other names of the same label and list (a Vietnamese leader by another, an
    archive by another archive, so that citations still parse);
  - numbers and month names are remapped per document (years stay in their century, days and
    pages stay small);
  - words the real texts use at most `RARE_COUNT` times are replaced per document by words of
    the same case, new ones as often as the real texts' vocabulary grows (their Heaps' law fit:
    new words keep coming, as in a real collection), else ones already used;
  - name-like words ("Historian", "HAC") are replaced per document by others, and common
    lowercase words each by another of the same ending drawn by frequency (`CONTENT_SWAP`).
  Function words and the words of the rules' lexicon keep their text, and so do the words near
  a number (citation levels, dates), inside a bracket with a digit (in-text citations) and first
  in a sentence ("Ibid.", "Interview with"): the text keeps the grammar the rules look for.
* `build_favourable`: the old headline, paragraphs drawn at random from the real texts with a few
  names swapped (it repeats paragraphs and 8-word sequences far more than a real collection).
* The worst case is not a corpus but a run: no words kept between documents (`run.py`).

`repetition` measures a corpus the same way for all of them: distinct paragraphs, distinct 8-word
sequences, and new word types per 1,000 words as the corpus grows (`GROWTH_POINTS`).
"""

from __future__ import annotations

import bisect
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PATTERNS = ROOT / "patterns"

# A word type, as counted for vocabulary growth: "Soviet's", "1978", "Huế" (lowercased).
WORD = re.compile(r"\w+(?:['’]\w+)*")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
NGRAM = 8
# Corpus sizes (words) at which vocabulary growth is reported.
GROWTH_POINTS = (10_000, 40_000, 1_000_000, 3_000_000, 30_000_000)
# Orders of the real texts averaged for their growth curve (their order is arbitrary).
REAL_ORDERS = 20

# What the honest corpus must meet (checked in every run and by tests/test_bench.py).
MIN_DISTINCT_PARAGRAPHS = 0.90
MIN_DISTINCT_NGRAMS = 0.85
# New word types per 1,000 words at its end, as a share of what the real texts' Heaps fit predicts
# at that size.
NOVELTY_RANGE = (0.5, 2.0)

# Chance that a common lowercase word of a sentence without a digit is replaced (chosen by
# measurement: see bench/RESULTS.md).
CONTENT_SWAP = 1.0
# A word the real texts use at most this many times is a rare word, replaced per document.
RARE_COUNT = 2
# Words of the favourable corpus's articles (about the seed's size).
FAVOURABLE_DOC_BYTES = 60_000


def real_texts() -> list[tuple[str, str]]:
    """(name, text) of every real text under corpus/: the seed and the dev texts."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.rglob("*.txt"))]


def read_dir(directory: Path) -> Iterator[str]:
    for path in sorted(directory.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Repetition statistics
# ---------------------------------------------------------------------------------------------


@dataclass
class Repetition:
    """How much a corpus repeats itself."""

    documents: int
    words: int
    paragraphs: int
    distinct_paragraphs: float  # distinct paragraphs / paragraphs (whitespace normalised)
    distinct_ngrams: float  # distinct 8-word sequences / 8-word sequences (within documents)
    distinct_ngrams_prefix: float  # the same over the first `prefix_words` words only
    prefix_words: int
    novelty: dict[int, float]  # N -> new word types per 1,000 words over the last tenth of N words
    vocabulary: int  # word types in the whole corpus
    heaps_k: float  # vocabulary ~ k * words ** beta, fitted from 1,000 words to the end
    heaps_beta: float
    orders: int = 1  # document orders averaged for `novelty` and the fit

    def predicted_novelty(self, words: int) -> float:
        """New word types per 1,000 words at `words`, by this corpus's Heaps fit."""
        return 1000 * self.heaps_k * self.heaps_beta * words ** (self.heaps_beta - 1)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "words": self.words,
            "paragraphs": self.paragraphs,
            "distinct_paragraphs": round(self.distinct_paragraphs, 4),
            "distinct_8grams": round(self.distinct_ngrams, 4),
            "distinct_8grams_prefix": round(self.distinct_ngrams_prefix, 4),
            "prefix_words": self.prefix_words,
            "new_types_per_1000": {str(n): round(v, 1) for n, v in self.novelty.items()},
            "vocabulary": self.vocabulary,
            "heaps_k": round(self.heaps_k, 3),
            "heaps_beta": round(self.heaps_beta, 4),
            "orders": self.orders,
        }


def _growth_marks(total: int) -> list[int]:
    """Word counts at which the vocabulary is recorded: log-spaced, and the window starts."""
    marks = {total}
    n = 1000.0
    while n < total:
        marks.add(int(n))
        n *= 1.25
    for point in (*GROWTH_POINTS, total):
        if point <= total:
            marks.update((point, point - max(point // 10, 1)))
    return sorted(m for m in marks if 0 < m <= total)


def vocabulary_curve(documents: Iterable[str], total_words: int) -> dict[int, int]:
    """Word types seen after the first N words, at the marks of `_growth_marks`."""
    marks = _growth_marks(total_words)
    curve: dict[int, int] = {}
    seen: set[str] = set()
    chunk_words: dict[str, list[str]] = {}
    n = 0
    i = 0
    for text in documents:
        for chunk in text.split():
            words = chunk_words.get(chunk)
            if words is None:
                words = chunk_words[chunk] = [w.lower() for w in WORD.findall(chunk)]
                if len(chunk_words) > 2_000_000:  # bound the cache on huge corpora
                    chunk_words.clear()
            seen.update(words)
            n += 1
            while i < len(marks) and marks[i] == n:
                curve[n] = len(seen)
                i += 1
    return curve


def heaps_fit(curve: dict[int, float]) -> tuple[float, float]:
    """Least-squares fit of log V = log k + beta log N over the curve from 1,000 words on."""
    points = [(math.log(n), math.log(v)) for n, v in curve.items() if n >= 1000 and v > 0]
    if len(points) < 2:
        return 0.0, 0.0
    xs = np.array([p[0] for p in points])
    ys = np.array([p[1] for p in points])
    beta, log_k = np.polyfit(xs, ys, 1)
    return float(math.exp(log_k)), float(beta)


def _novelty(curve: dict[int, float], total: int) -> dict[int, float]:
    out = {}
    for point in (*GROWTH_POINTS, total):
        if point <= total and point not in out:
            start = point - max(point // 10, 1)
            out[point] = 1000 * (curve[point] - curve[start]) / (point - start)
    return out


def _ngram_hashes(tokens: Sequence[str]) -> np.ndarray:
    """A 64-bit hash of every 8-token sequence (a collision is a 1 in 2**64 event)."""
    if len(tokens) < NGRAM:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter((hash(t) for t in tokens), dtype=np.int64, count=len(tokens)).view(np.uint64)
    count = len(tokens) - NGRAM + 1
    h = np.zeros(count, dtype=np.uint64)
    prime = np.uint64(1_000_003)
    with np.errstate(over="ignore"):
        for k in range(NGRAM):
            h = h * prime + ids[k : k + count]
    return h


def _distinct(parts: list[np.ndarray]) -> float:
    ngrams = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    return len(np.unique(ngrams)) / len(ngrams) if len(ngrams) else 0.0


def repetition(
    documents: Sequence[str] | Path, orders: int = 1, seed: int = 7, prefix_words: int = 40_000
) -> Repetition:
    """The repetition statistics of a corpus (a list of texts, or a directory of .txt files).

    With `orders > 1` the vocabulary curve is the mean over that many random orders of the
    documents (for the real texts, whose order means nothing). Distinct 8-word sequences are also
    counted over the first `prefix_words` words alone, to compare corpora at one size.
    """

    def docs() -> Iterator[str]:
        return read_dir(documents) if isinstance(documents, Path) else iter(documents)

    n_docs = words = n_paragraphs = 0
    paragraph_hashes: set[int] = set()
    ngram_parts: list[np.ndarray] = []
    prefix_parts: list[np.ndarray] = []
    for text in docs():
        n_docs += 1
        tokens = text.split()
        words += len(tokens)
        for para in PARAGRAPH_BREAK.split(text):
            if para.strip():
                n_paragraphs += 1
                paragraph_hashes.add(hash(" ".join(para.split())))
        ngram_parts.append(_ngram_hashes(tokens))
        if words - len(tokens) < prefix_words:
            prefix_parts.append(_ngram_hashes(tokens[: prefix_words - (words - len(tokens))]))
    distinct_ngrams = _distinct(ngram_parts)
    distinct_prefix = _distinct(prefix_parts)
    del ngram_parts, prefix_parts
    if orders > 1:
        texts = list(docs())
        rng = random.Random(seed)
        curves = []
        for _ in range(orders):
            rng.shuffle(texts)
            curves.append(vocabulary_curve(texts, words))
        curve = {n: sum(c[n] for c in curves) / orders for n in curves[0]}
    else:
        curve = {n: float(v) for n, v in vocabulary_curve(docs(), words).items()}
    k, beta = heaps_fit(curve)
    return Repetition(
        documents=n_docs,
        words=words,
        paragraphs=n_paragraphs,
        distinct_paragraphs=len(paragraph_hashes) / max(n_paragraphs, 1),
        distinct_ngrams=distinct_ngrams,
        distinct_ngrams_prefix=distinct_prefix,
        prefix_words=min(prefix_words, words),
        novelty=_novelty(curve, words),
        vocabulary=round(curve[words]),
        heaps_k=k,
        heaps_beta=beta,
        orders=orders,
    )


def honest_bounds(honest: Repetition, real: Repetition) -> dict[str, bool]:
    """Which of the honest corpus's repetition bounds it meets."""
    low, high = NOVELTY_RANGE
    end = max(honest.novelty) if honest.novelty else 0
    share = honest.novelty[end] / real.predicted_novelty(end) if end else 0.0
    return {
        f"distinct paragraphs >= {MIN_DISTINCT_PARAGRAPHS:.0%}": honest.distinct_paragraphs
        >= MIN_DISTINCT_PARAGRAPHS,
        f"distinct 8-word sequences >= {MIN_DISTINCT_NGRAMS:.0%}": honest.distinct_ngrams
        >= MIN_DISTINCT_NGRAMS,
        f"new word types at {end:,} words within {low}-{high}x the real texts' Heaps fit": low
        <= share
        <= high,
    }


# ---------------------------------------------------------------------------------------------
# The honest corpus
# ---------------------------------------------------------------------------------------------

# A piece of a real text: a run of letters (with inner apostrophes or hyphens), a run of digits,
# whitespace, or one other character.
PIECE = re.compile(
    r"(?P<space>\s+)|(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*)|(?P<digits>\d+)|(?P<other>.)", re.S
)
# A bracket that holds a digit: an in-text citation or a date, "(RSAMH, Fund 5, ...)", "[1978]".
DIGIT_BRACKET = re.compile(r"\([^()]*\d[^()]*\)|\[[^\[\]]*\d[^\[\]]*\]")
# Words this close to a number (in words) keep their text: the levels of a citation ("Fund 5",
# "RG 59, Box 8", "Lot File 96D292"), the words of a date ("the spring of 1965").
NEAR_NUMBER = 3
# What ends a sentence or opens one: the word after it is a sentence's first ("Ibid.", "Interview
# with", "See"), which keeps its text.
OPENERS = frozenset('.!?([“"‘:;')
FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Template slots: (kind, text, key). Kinds:
FIXED, NAME, NUMBER, MONTH, RARE, CONTENT, PROPER = range(7)


@dataclass(frozen=True)
class Gazetteer:
    """The gazetteers' names, grouped by (label, source list) and by entity id."""

    variants: dict[str, list[str]]  # id -> its patterns, in file order
    group_of: dict[str, tuple[str, str]]  # id -> (label, source)
    groups: dict[tuple[str, str], list[str]]  # (label, source) -> ids
    lookup: dict[str, tuple[str, int]]  # pattern -> (id, its index among the id's variants)


def load_gazetteer() -> Gazetteer:
    variants: dict[str, list[str]] = {}
    group_of: dict[str, tuple[str, str]] = {}
    lookup: dict[str, tuple[str, int]] = {}
    for name in ("person", "org", "gpe", "loc"):
        for line in (PATTERNS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            pattern = row["pattern"]
            if not isinstance(pattern, str):  # token patterns have no one text to swap
                continue
            pid = row["id"]
            variants.setdefault(pid, []).append(pattern)
            group_of.setdefault(pid, (row["label"], row.get("source", "")))
            lookup.setdefault(pattern, (pid, len(variants[pid]) - 1))
    groups: dict[tuple[str, str], list[str]] = {}
    for pid, group in group_of.items():
        groups.setdefault(group, []).append(pid)
    return Gazetteer(variants, group_of, groups, lookup)


def lexicon_words() -> set[str]:
    """Every word of the rules' lexicon (titles, given names, org heads, months, ...)."""
    data = json.loads((PATTERNS / "lexicon.json").read_text(encoding="utf-8"))
    words: set[str] = set()
    for value in data.values():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    words.update(w.lower() for w in item.split())
    return words


def _name_matches(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str, int]]:
    """(start, end, id, variant) of gazetteer names in `text`: whole words, leftmost longest."""
    automaton: Any = _automaton(gazetteer)
    found: list[tuple[int, int, str, int]] = []
    for end_index, (pattern, pid, variant) in automaton.iter(text):
        start, end = end_index - len(pattern) + 1, end_index + 1
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        found.append((start, end, pid, variant))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[tuple[int, int, str, int]] = []
    last = 0
    for match in found:
        if match[0] >= last:
            out.append(match)
            last = match[1]
    return out


_AUTOMATA: dict[int, object] = {}


def _automaton(gazetteer: Gazetteer) -> object:
    import ahocorasick

    key = id(gazetteer)
    if key not in _AUTOMATA:
        automaton = ahocorasick.Automaton()
        for pattern, (pid, variant) in gazetteer.lookup.items():
            automaton.add_word(pattern, (pattern, pid, variant))
        automaton.make_automaton()
        _AUTOMATA[key] = automaton
    return _AUTOMATA[key]


@dataclass
class Template:
    """A real text cut into slots, and its word count."""

    name: str
    slots: list[tuple[int, str, str]]
    words: int


def make_templates(
    texts: Sequence[tuple[str, str]], gazetteer: Gazetteer, protected: set[str]
) -> tuple[list[Template], dict[str, list[str]], list[str]]:
    """The real texts as templates; the words that may replace others, by ending or shape (one
    entry per use, so a draw follows their frequency); the rare words (one entry per use)."""
    counts: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for _, text in texts:
        for m in PIECE.finditer(text):
            if word := m.group("word"):
                counts[word.lower()] += 1
                capitalised[word.lower()] += not word.islower()
    # name-like words: capitalised in most of their uses ("Historian", "HAC", "Secrecy")
    proper = {w for w, n in capitalised.items() if 2 * n > counts[w]}
    pools: dict[str, list[str]] = {}
    rare_pool: list[str] = []
    templates = []
    for name, text in texts:
        pieces = _pieces(text, gazetteer)
        kept = _kept_words(text, pieces)
        slots: list[tuple[int, str, str]] = []
        for i, (kind, piece, key, _) in enumerate(pieces):
            if kind != FIXED or not PIECE.fullmatch(piece) or not piece[:1].isalpha():
                slots.append((kind, piece, key))
                continue
            lower = piece.lower()
            if piece in FULL_MONTHS:
                slots.append((MONTH, piece, ""))
            elif lower in protected or len(piece) < 3:
                slots.append((FIXED, piece, ""))
            elif counts[lower] <= RARE_COUNT:
                rare_pool.append(lower)
                slots.append((RARE, piece, lower))
            elif i in kept:
                slots.append((FIXED, piece, ""))
            elif piece.islower():
                pools.setdefault(lower[-2:], []).append(lower)
                slots.append((CONTENT, piece, lower[-2:]))
            elif lower in proper:
                shape = "upper" if piece.isupper() else "title"
                pools.setdefault(shape, []).append(piece)
                slots.append((PROPER, piece, shape))
            else:
                slots.append((FIXED, piece, ""))
        templates.append(Template(name, _merge_fixed(slots), len(text.split())))
    return templates, pools, rare_pool


def _pieces(text: str, gazetteer: Gazetteer) -> list[tuple[int, str, str, int]]:
    """`text` as gazetteer names (NAME, with the name's id), numbers (NUMBER) and single pieces
    (FIXED, for now), each with its offset."""
    out: list[tuple[int, str, str, int]] = []
    pos = 0
    for start, end, pid, variant in [*_name_matches(text, gazetteer), (len(text), len(text), "", 0)]:
        for m in PIECE.finditer(text, pos, start):
            out.append((NUMBER if m.group("digits") else FIXED, m.group(), "", m.start()))
        if pid:
            out.append((NAME, pid, str(variant), start))
        pos = end
    return out


def _kept_words(text: str, pieces: list[tuple[int, str, str, int]]) -> set[int]:
    """Indexes of the pieces whose words keep their text: near a number, inside a bracket that
    holds a digit, or first in a sentence."""
    kept: set[int] = set()
    brackets = [(m.start(), m.end()) for m in DIGIT_BRACKET.finditer(text)]
    words: list[int] = []  # indexes of word, name and number pieces, in order
    previous = "\n"  # the last piece that is not a space
    for i, (kind, piece, _, offset) in enumerate(pieces):
        if kind in (NAME, NUMBER) or (kind == FIXED and piece[:1].isalpha()):
            words.append(i)
            if kind == FIXED and (previous in OPENERS or previous == "\n" or _inside(offset, brackets)):
                kept.add(i)
        if not piece.isspace():
            previous = piece[-1:] if kind != NAME else "x"
        elif "\n" in piece:
            previous = "\n"
    for j, i in enumerate(words):
        if pieces[i][0] == NUMBER:
            kept.update(words[max(0, j - NEAR_NUMBER) : j + NEAR_NUMBER + 1])
    return kept


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _merge_fixed(slots: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for slot in slots:
        if slot[0] == FIXED and out and out[-1][0] == FIXED:
            out[-1] = (FIXED, out[-1][1] + slot[1], "")
        else:
            out.append(slot)
    return out


def _recase(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


class HonestBuilder:
    """Writes variants of the real texts; see the module docstring."""

    def __init__(self, seed: int = 13, swap: float | None = None) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS

        self.rng = random.Random(seed)
        self.swap = CONTENT_SWAP if swap is None else swap
        self.gazetteer = load_gazetteer()
        texts = real_texts()
        real = repetition([t for _, t in texts], orders=REAL_ORDERS)
        self.heaps = (real.heaps_k, real.heaps_beta)
        protected = {w.lower() for w in STOP_WORDS} | lexicon_words()
        self.templates, self.pools, self.rare_uses = make_templates(texts, self.gazetteer, protected)
        self.rare_forms = sorted({w for w in self.rare_uses if w.isalpha() and len(w) >= 4})
        self.seen: set[str] = set()
        self.words = 0

    def document(self, template: Template | None = None) -> str:
        """One synthetic document: a variant of `template`, else of a real text drawn at random."""
        rng = self.rng
        template = template or rng.choice(self.templates)
        names: dict[str, str] = {}
        numbers: dict[str, str] = {}
        months = list(FULL_MONTHS)
        rng.shuffle(months)
        month_of = dict(zip(FULL_MONTHS, months, strict=True))
        rare: dict[str, str] = {}
        proper: dict[str, str] = {}
        k, beta = self.heaps
        seen = self.seen
        out: list[str] = []
        n = self.words
        step = template.words / max(len(template.slots), 1)
        for i, (kind, text, key) in enumerate(template.slots):
            if kind == FIXED:
                out.append(text)
                continue
            if kind == NAME:
                pid = names.get(text)
                if pid is None:
                    pid = names[text] = rng.choice(self.gazetteer.groups[self.gazetteer.group_of[text]])
                forms = self.gazetteer.variants[pid]
                piece = forms[int(key) % len(forms)]
            elif kind == NUMBER:
                piece = numbers.get(text) or numbers.setdefault(text, _vary_number(text, rng))
            elif kind == MONTH:
                piece = month_of[text]
            elif kind == RARE:
                form = rare.get(key)
                if form is None:
                    # a new word while the vocabulary is behind the real texts' growth
                    target = k * (n + i * step) ** beta
                    form = self._new_form() if len(seen) < target else rng.choice(self.rare_uses)
                    rare[key] = form
                    self.rare_uses.append(form)
                piece = _recase(form, text)
            elif kind == PROPER:
                piece = proper.get(text) or proper.setdefault(text, rng.choice(self.pools[key]))
            else:  # CONTENT
                piece = rng.choice(self.pools[key]) if rng.random() < self.swap else text
            seen.add(piece.lower())
            out.append(piece)
        self.words += template.words
        return "".join(out)

    def _new_form(self) -> str:
        """A word the corpus has not used: the start of one rare word and the end of another."""
        rng = self.rng
        for _ in range(20):
            a, b = rng.choice(self.rare_forms), rng.choice(self.rare_forms)
            form = a[: max(2, len(a) // 2 + rng.randint(-1, 1))] + b[len(b) // 2 :]
            if form not in self.seen:
                return form
        return form + rng.choice("aeiou") + rng.choice("nrst")


def _vary_number(digits: str, rng: random.Random) -> str:
    """Another number of the same kind: a year in its century, a small number small."""
    if len(digits) == 4 and digits[:2] in ("18", "19"):
        return digits[:2] + f"{rng.randrange(100):02d}"
    if len(digits) == 4 and digits[:2] == "20":  # no year after this benchmark's
        return f"20{rng.randrange(26):02d}"
    if len(digits) <= 2:
        value = rng.randint(1, 28)
        return f"{value:02d}" if digits.startswith("0") and len(digits) == 2 else str(value)
    first = "0" if digits[0] == "0" else str(rng.randint(1, 9))
    return first + "".join(str(rng.randrange(10)) for _ in digits[1:])


def build_honest(
    directory: Path, megabytes: float, seed: int = 13, swap: float | None = None
) -> tuple[int, int]:
    """Write honest synthetic documents until `megabytes` are written; return (files, words)."""
    builder = HonestBuilder(seed, swap=swap)
    return _write(directory, megabytes, builder.document, "honest")


# ---------------------------------------------------------------------------------------------
# The favourable corpus (the old headline)
# ---------------------------------------------------------------------------------------------

# Names swapped in for variety in the favourable corpus.
FAVOURABLE_NAMES = [
    "Nguyen Van Hieu", "Tran Quoc Hoan", "Le Thanh Nghi", "Pham Hung", "Hoang Tung", "Vo Chi Cong",
    "Ieng Thirith", "Khieu Ponnary", "Son Sen", "Vorn Vet", "Hu Nim", "Koy Thuon", "Chou Chet",
    "Andrei Gromyko", "Mikhail Kapitsa", "Ilya Shcherbakov", "Boris Ponomarev", "Zhou Enlai",
]  # fmt: skip


def _favourable_paragraph(paragraph: str, rng: random.Random) -> str:
    for name in ("Pol Pot", "Le Duan", "Nuon Chea", "Pham Van Dong", "Ieng Sary"):
        if name in paragraph and rng.random() < 0.5:
            paragraph = paragraph.replace(name, rng.choice(FAVOURABLE_NAMES))
    if rng.random() < 0.3:
        paragraph += f" Comrade Tran Van Xuan{rng.randrange(10**6)} agreed."
    return paragraph


def build_favourable(directory: Path, megabytes: float, seed: int = 13) -> tuple[int, int]:
    """The old corpus: paragraphs of the real texts drawn at random, a few names swapped."""
    rng = random.Random(seed)
    paragraphs = [p for _, text in real_texts() for p in text.split("\n\n") if len(p.split()) > 5]

    def document() -> str:
        doc: list[str] = []
        size = 0
        while size < FAVOURABLE_DOC_BYTES:
            para = _favourable_paragraph(rng.choice(paragraphs), rng)
            doc.append(para)
            size += len(para.encode("utf-8")) + 2
        return "\n\n".join(doc)

    return _write(directory, megabytes, document, "favourable")


def _write(directory: Path, megabytes: float, document: object, stem: str) -> tuple[int, int]:
    assert callable(document)
    directory.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = files = words = 0
    while written < target:
        text = document()
        (directory / f"{stem}-{files:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        words += len(text.split())
        files += 1
    return files, words
