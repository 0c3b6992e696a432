"""The spaCy pipeline: `spacy.blank("en")` plus nerpipe's two components.

* `nerpipe_citations` finds and resolves citations and stores the records on `doc._.citations`.
* `nerpipe_entities` matches gazetteers, generic rules and dates, adds the people the citations
  name, applies the overlap policy and sets `doc.ents` (provenance in `span.id_`, a DATE's
  value in `span._.norm` / `span._.mod`).

Both are registered as spaCy factories (also through the `spacy_factories` entry point), so
`nlp.add_pipe("nerpipe_citations")` works in any pipeline once nerpipe is installed.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from nerpipe.citations import find_citations, locator_codes, periodical_names, person_spans, resolve
from nerpipe.dates import find_dates
from nerpipe.entities import (
    Candidate,
    compass_spans,
    drop_inside_events,
    event_spans,
    merge_attached,
    periodical_spans,
    propagate,
    select,
    trim,
)
from nerpipe.patterns import load_lexicon, load_patterns
from nerpipe.rules import RULES, Token, WordTest, word_tests
from nerpipe.spans import Spans

# Abbreviations our texts need kept whole: "p. 142", "pp. 39-40", "Ibid., p. 7", "ll. 1-3ob.".
TOKENIZER_EXCEPTIONS = (
    "p.",
    "pp.",
    "Ibid.",
    "ibid.",
    "ll.",
    "l.",
    "op.",
    "ob.",
    "dd.",
    "dok.",
    "per.",
    "pa.",
)
# An endnote number glued to a word by PDF extraction is a suffix of its own: "Vietnam.12 The"
# -> "Vietnam" "." "12", "in 1975.12" -> "1975" "." "12" (a name or year, then the mark).
NOTE_MARKERS = (r"(?<=[A-Za-zÀ-ɏ][.,;:”\"’)])\d{1,3}$", r"(?<=\d\d\d\d[.,;:])\d{1,3}$")
# A statistical model's labels mapped onto ours; others (NORP, CARDINAL, ...) are dropped.
MODEL_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "DATE": "DATE"}
# Lexeme flag bits free for the rules' word tests: spaCy's own flags end at 18 (IS_CURRENCY).
FIRST_FLAG = 30

for _ext in ("norm", "mod"):
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, default=None)
if not Doc.has_extension("citations"):
    Doc.set_extension("citations", default=None)
if not Doc.has_extension("locator_codes"):
    Doc.set_extension("locator_codes", default=None)


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start and end character, read in one call: cheaper than a Span per match."""
    idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
    return idx, [i + n for i, n in zip(idx, length, strict=True)]


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("nerpipe_text")
    if text is None:
        text = doc.user_data["nerpipe_text"] = doc.text
    return str(text)


class CitationComponent:
    """Find citations, resolve their back-references, store them on `doc._.citations`.

    The citations' spans also go to `doc.spans[spans_key]`, labelled with their kind.
    """

    def __init__(self, spans_key: str = "citations", resolve_links: bool = True) -> None:
        self.spans_key = spans_key
        self.resolve_links = resolve_links

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = find_citations(text)
        doc._.citations = resolve(text, found) if self.resolve_links else found
        # level words and unit codes of archival locators ("RG", "Box", "FO 371/123456"): the
        # entity component drops candidates inside them (names and dates in locators stay)
        doc._.locator_codes = locator_codes(text, doc._.citations)
        spans = [
            doc.char_span(c.start, c.end, label=c.kind, alignment_mode="expand") for c in doc._.citations
        ]
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        return doc


class EntityComponent:
    """Gazetteers + generic rules + dates + citation names -> `doc.ents`."""

    def __init__(self, nlp: Language, patterns_dir: str | None = None) -> None:
        directory = Path(patterns_dir) if patterns_dir else None
        entries = load_patterns(directory)
        lexicon = load_lexicon(directory)
        self.titles = frozenset(w.lower() for w in lexicon.get("titles", ()))
        self.nationalities = lexicon.get("nationality_adjectives", frozenset())
        self.families = {
            name: tradition
            # a name in several lists takes the last tradition listed: "Kim" is Korean before
            # it is Vietnamese ("Kim Il Sung" is later "Kim", not "Sung")
            for tradition, key in (
                ("khmer", "names_khmer"),
                ("chinese", "surnames_chinese"),
                ("vietnamese", "surnames_vietnamese"),
                ("korean", "surnames_korean"),
            )
            for name in lexicon.get(key, frozenset())
        }
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab, validate=True)  # the gazetteers' token patterns
        self.rules = Matcher(nlp.vocab, validate=False)  # flags are outside the schema: tested
        self.info: dict[str, tuple[str, str]] = {}  # match key -> (label, pattern id)
        # the word tests first: a flag is then computed as each lexeme is made, where adding it
        # later would walk the whole vocabulary once per test
        # one-word places and organisations are no name parts ("So Hanoi"); known surnames are
        one_word = frozenset(
            e.pattern.lower()
            for e in entries
            if isinstance(e.pattern, str) and " " not in e.pattern and e.label != "PERSON"
        )
        self.flags = register_word_tests(nlp, word_tests(lexicon, one_word))
        by_key: dict[str, list[Doc]] = {}
        for entry in entries:
            key = f"{entry.label}|{entry.id}"
            self.info[key] = (entry.label, entry.id)
            if isinstance(entry.pattern, str):
                by_key.setdefault(key, []).append(nlp.make_doc(entry.pattern))
            else:
                self.tokens.add("gaz|" + key, [entry.pattern])
        for key, docs in by_key.items():
            self.phrases.add(key, docs)
        for rule_id, label, token_patterns in RULES:
            self.info[rule_id] = (label, rule_id)
            self.rules.add(rule_id, [flag_pattern(p, self.flags) for p in token_patterns], greedy="LONGEST")

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every candidate span of `doc`, before the overlap policy."""
        strings = doc.vocab.strings
        text = doc_text(doc)
        starts, ends = token_offsets(doc)
        out: list[Candidate] = []
        for match_id, start, end in self.phrases(doc):
            label, pattern = self.info[strings[match_id]]
            out.append(Candidate(starts[start], ends[end - 1], label, pattern, "gazetteer"))
        if len(self.tokens):
            for match_id, start, end in self.tokens(doc):
                label, pattern = self.info[strings[match_id][4:]]
                out.append(Candidate(starts[start], ends[end - 1], label, pattern, "gazetteer"))
        for match_id, start, end in self.rules(doc):
            label, pattern = self.info[strings[match_id]]
            trimmed = trim(
                text,
                Candidate(starts[start], ends[end - 1], label, pattern, "rule"),
                self.titles,
                self.nationalities,
            )
            if trimmed:
                out.append(trimmed)
        for d in find_dates(text):
            out.append(Candidate(d.start, d.end, "DATE", "dates:grammar", "date", d.norm, d.mod))
        for cite in doc._.citations or ():
            for start_char, end_char in person_spans(cite, text):
                out.append(Candidate(start_char, end_char, "PERSON", f"citation:{cite.kind}", "citation"))
            for start_char, end_char in periodical_names(cite, text):  # "Washington Post"
                out.append(Candidate(start_char, end_char, "ORG", "citation:periodical", "citation"))
            if cite.kind == "interview" and cite.place:  # "conversation with X, Barvikha, ..."
                at = text.find(cite.place, cite.start, cite.end)
                if at >= 0:
                    out.append(
                        Candidate(at, at + len(cite.place), "GPE", "citation:interview-place", "citation")
                    )
        out.extend(periodical_spans(text))
        for ent in doc.ents:  # a statistical model's entities, if one ran before us
            if ent.label_ in MODEL_LABELS:
                out.append(
                    Candidate(
                        ent.start_char, ent.end_char, MODEL_LABELS[ent.label_], f"model:{ent.label_}", "model"
                    )
                )
        out.extend(compass_spans(text))
        return out

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        codes = Spans(doc._.locator_codes or ())
        candidates = [c for c in self.candidates(doc) if not codes.overlapping(c.start, c.end)]
        chosen = select(candidates)
        chosen = merge_attached(text, chosen)
        events = event_spans(text)
        chosen = select(propagate(text, drop_inside_events(text, chosen, events), self.families, events))
        ents = []
        for c in chosen:
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
            if span is None:
                continue
            span.id_ = c.pattern
            ents.append(span)
            if c.norm is not None or c.mod is not None:
                span._.norm = c.norm
                span._.mod = c.mod
        # the chosen spans never share a character, and rarely a token once aligned to tokens
        if any(a.end > b.start for a, b in pairwise(ents)):
            ents = spacy.util.filter_spans(ents)
        doc.ents = ents
        return doc


def register_word_tests(nlp: Language, tests: dict[str, WordTest]) -> dict[str, str]:
    """Store each word test as a lexeme flag of `nlp.vocab`; return test name -> flag attribute.

    A flag is computed once per word type (when spaCy first sees the word) and the Matcher
    checks it in C, where a set predicate would run in Python on every token of every text.
    Each entity component re-registers the same bits, so one vocab holds one component's tests.
    """
    if FIRST_FLAG + len(tests) > 64:
        raise ValueError(f"{len(tests)} word tests do not fit in spaCy's 64 lexeme flags")
    flags = {}
    for bit, (name, test) in enumerate(sorted(tests.items()), FIRST_FLAG):
        nlp.vocab.add_flag(test, flag_id=bit)
        flags[name] = f"FLAG{bit}"
    return flags


def flag_pattern(pattern: list[Token], flags: dict[str, str]) -> list[Token]:
    """A rule's token pattern with `{"TEST": name}` turned into the test's lexeme flag.

    >>> flag_pattern([{"TEST": "title"}, {"TEST": "name_part", "OP": "+"}], {"title": "FLAG30", "name_part": "FLAG31"})
    [{'FLAG30': True}, {'FLAG31': True, 'OP': '+'}]
    """
    return [
        {(flags[v] if k == "TEST" else k): (True if k == "TEST" else v) for k, v in token.items()}
        for token in pattern
    ]


@Language.factory("nerpipe_citations", default_config={"spans_key": "citations", "resolve_links": True})
def make_citations(nlp: Language, name: str, spans_key: str, resolve_links: bool) -> CitationComponent:
    """spaCy factory for the citation component (config: `spans_key`, `resolve_links`)."""
    return CitationComponent(spans_key, resolve_links)


@Language.factory("nerpipe_entities", default_config={"patterns_dir": None})
def make_entities(nlp: Language, name: str, patterns_dir: str | None) -> EntityComponent:
    """spaCy factory for the entity component; `patterns_dir` overrides the shipped patterns."""
    return EntityComponent(nlp, patterns_dir)


def add_tokenizer_exceptions(nlp: Language) -> None:
    """Keep "p.", "pp.", "Ibid." ... whole; split "U.S.-led" after the acronym and note marks off."""
    tokenizer: Tokenizer = nlp.tokenizer
    for word in TOKENIZER_EXCEPTIONS:
        tokenizer.add_special_case(word, [{ORTH: word}])
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)[-–](?=[A-Za-z])"]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(
        [*NOTE_MARKERS, *(nlp.Defaults.suffixes or ())]
    ).search


def build_nlp(model: str | None = None, patterns_dir: str | None = None, **config: Any) -> Language:
    """The nerpipe pipeline: `spacy.blank("en")`, or an installed model whose NER we extend.

    With `model`, that pipeline's entities become low-priority candidates: our rules win where
    they overlap, and its labels are mapped onto ours.
    """
    nlp = spacy.load(model) if model else spacy.blank("en")
    add_tokenizer_exceptions(nlp)
    nlp.add_pipe("nerpipe_citations")
    nlp.add_pipe("nerpipe_entities", config={"patterns_dir": patterns_dir, **config})
    return nlp
