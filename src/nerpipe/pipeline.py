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

import numpy
import regex
import spacy
from spacy.attrs import IDX, LENGTH, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from nerpipe import regexes as rx
from nerpipe.citations import find_citations, locator_codes, periodical_names, person_spans, resolve
from nerpipe.dates import date_phrases, find_dates, is_code_year
from nerpipe.entities import (
    Candidate,
    bodies_named_after_people,
    compass_spans,
    dash_pair_people,
    drop_inside_events,
    drop_leading_the,
    event_spans,
    merge_attached,
    model_candidates,
    paired_people,
    periodical_spans,
    prefer_people,
    propagate,
    region_headings,
    select,
    short_org_forms,
    title_acronyms,
    trim,
    union_spans,
    widen_people,
)
from nerpipe.gazetteer import Gazetteer, given_name_before_place
from nerpipe.geography import physical_candidates
from nerpipe.notes import imprint_spans, note_people, note_regions, surname_given_spans
from nerpipe.patterns import load_lexicon, load_patterns
from nerpipe.rules import CUE_RULES, RULES, Token, WordTest, extend_name, word_tests
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
# ... or glued to the next word as well: "later?”12Ellis to Barton" -> "later" "?”" "12" "Ellis",
# "in 1931.12Ellis" -> "1931" "." "12" "Ellis": the closing punctuation and the mark are infixes
# when a capitalised word follows the mark at once.
NOTE_INFIXES = (
    r"(?<=\w)(?:[.,;:?!][”\"’)]?|[”\"’)])(?=\d{1,3}[A-Z][a-z])",
    r"(?<=[.,;:?!”\"’)])\d{1,3}(?=[A-Z][a-z])",
)
# Words PDF extraction glued together: a heading's year range and the text's first word
# ("1992–2002To avoid"), a word and a year across a dash ("[no date—1997]").
GLUE_INFIXES = (r"(?<=[0-9]{4})(?=[A-Z][a-z])", r"(?<=[A-Za-z])—(?=[0-9])", r"(?<=[0-9])—(?=[A-Za-z])")
# An adjective before "Administration" names no one: "the Presidential Administration".
ADJECTIVE = regex.compile(r"\p{Lu}\p{Ll}+(?:ial|ional|ary|ive|ical)")
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


def caps_line(text: str, start: int, end: int) -> bool:
    """Is text[start:end] on a line of capitals, a heading ("STATEMENT OF HON. DEAN RUSK")?

    Its words are no acronyms. A line of one or two words ("NATO", "USSR AND CHINA") may be
    a list: it needs three capitalised words and no lowercase letter.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return rx.LOWERCASE.search(line) is None and len(rx.CAPS_WORD.findall(line)) >= 3


class _Words:
    """A doc's token texts looked up one at a time from their ORTH ids (most are never read)."""

    def __init__(self, orths: list[int], strings: Any) -> None:
        self.orths, self.strings = orths, strings

    def __len__(self) -> int:
        return len(self.orths)

    def __getitem__(self, i: int) -> str:
        return str(self.strings[self.orths[i]])


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start and end character, read in one call: cheaper than a Span per match."""
    idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
    return idx, [i + n for i, n in zip(idx, length, strict=True)]


def token_bounds(doc: Doc, size: int) -> tuple[bytes, bytes]:
    """Maps of the characters where a token starts and where one ends: `starts[i]` is 1 where a
    token starts at character i. Made with numpy in one step; a set of offsets costs a Python
    loop over every token."""
    array = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
    starts = numpy.zeros(size + 1, dtype=numpy.uint8)
    ends = numpy.zeros(size + 1, dtype=numpy.uint8)
    starts[array[:, 0]] = 1
    ends[array[:, 0] + array[:, 1]] = 1
    return starts.tobytes(), ends.tobytes()


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
        self.honorifics = frozenset(w.lower() for w in lexicon.get("honorifics", ()))
        # "Director of Central Intelligence (DCI)": an acronym of a job title is no ORG
        self.job_titles = self.titles | frozenset(w.lower() for w in lexicon.get("org_stop_titles", ()))
        self.suffixes = lexicon.get("name_suffixes", frozenset())
        self.particles = lexicon.get("name_particles", frozenset())
        self.lower_particles = frozenset(p for p in self.particles if p.islower())
        self.org_heads = lexicon.get("org_heads", frozenset())
        self.nationalities = lexicon.get("nationality_adjectives", frozenset())
        self.given_names = lexicon.get("given_names_western", frozenset()) | lexicon.get(
            "given_names_russian", frozenset()
        )
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
        self.tokens = Matcher(nlp.vocab, validate=True)  # the gazetteers' token patterns
        self.rules = Matcher(nlp.vocab, validate=False)  # flags are outside the schema: tested
        self.info: dict[str, tuple[str, str]] = {}  # match key -> (label, pattern id)
        # the word tests first: a flag is then computed as each lexeme is made, where adding it
        # later would walk the whole vocabulary once per test
        # one-word places and organisations are no name parts ("So Hanoi"); known surnames are.
        # Entries compiled from data packages are not: "Lincoln" or "Houston" is a city there,
        # but as often a surname
        one_word = frozenset(
            e.pattern.lower()
            for e in entries
            if isinstance(e.pattern, str) and " " not in e.pattern and e.label != "PERSON" and not e.data
        )
        tests = word_tests(lexicon, one_word)
        self.flags = register_word_tests(nlp, tests)
        # a model's PERSON: name words or particles; its GPE: capitalised words, no given name
        # first, no title or organisation head ("Barton", "Secretary", "Office" are no places)
        self.model_person_word = lambda w: tests["name_part"](w) or tests["particle"](w)
        self.given_or_weak = lambda w: tests["given"](w) or tests["given_weak"](w)
        nationality = self.nationalities
        self.model_place_word = lambda w: (
            tests["org_word"](w)
            and w not in nationality  # "Khmer", "Lao": no place
            and not tests["given"](w)
            and not tests["title"](w)
            and not tests["org_head"](w)
        )
        # phrase patterns go to one Aho-Corasick automaton: no Doc per pattern at start-up
        self.gazetteer = Gazetteer(
            (e.pattern, e.label, e.id, e.gate, "data" if e.data else "gazetteer")
            for e in entries
            if isinstance(e.pattern, str)
        )
        for entry in entries:
            if not isinstance(entry.pattern, str):
                key = f"{entry.label}|{entry.id}"
                self.info[key] = (entry.label, entry.id)
                self.tokens.add("gaz|" + key, [entry.pattern])
        for rule_id, label, token_patterns in RULES:
            self.info[rule_id] = (label, rule_id)
            self.rules.add(rule_id, [flag_pattern(p, self.flags) for p in token_patterns], greedy="LONGEST")

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every candidate span of `doc`, before the overlap policy."""
        strings = doc.vocab.strings
        text = doc_text(doc)
        starts, ends = token_offsets(doc)
        out: list[Candidate] = []
        places = self.gazetteer.find(text, *token_bounds(doc, len(text)))
        for start_char, end_char, label, pattern, kind in places:
            out.append(Candidate(start_char, end_char, label, pattern, kind))
        out.extend(given_name_before_place(text, places, self.given_names, self.titles))
        if len(self.tokens):
            for match_id, start, end in self.tokens(doc):
                label, pattern = self.info[strings[match_id][4:]]
                out.append(Candidate(starts[start], ends[end - 1], label, pattern, "gazetteer"))
        rule_found, forced = self.rule_candidates(doc, text, starts, ends)
        out.extend(rule_found)
        out.extend(self.notes_candidates(doc, text))
        dates = [d for d in find_dates(text) if not is_code_year(text, d)]
        for d in dates:
            out.append(Candidate(d.start, d.end, "DATE", "dates:grammar", "date", d.norm, d.mod))
        for d in date_phrases(text, dates):  # "1950s to the 1980s", "19th century", "FY 2002"
            out.append(Candidate(d.start, d.end, "DATE", "dates:phrase", "date", d.norm, d.mod))
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
        out.extend(compass_spans(text))
        out.extend(physical_candidates(text))
        out.extend(union_spans(text))
        out.extend(dash_pair_people(text, self.flag_test(doc.vocab, "name_part"), self.nationalities))
        return bodies_named_after_people(region_headings(prefer_people(out, forced)))

    def flag_test(self, vocab: Any, test: str) -> WordTest:
        """A word test read from its lexeme flag: `flag_test(vocab, "name_part")("Barton")`."""
        bit = int(self.flags[test].removeprefix("FLAG"))
        return lambda w: bool(vocab[w].check_flag(bit))

    def rule_candidates(
        self, doc: Doc, text: str, starts: list[int], ends: list[int]
    ) -> tuple[list[Candidate], list[tuple[int, int]]]:
        """The generic rules' spans, widened and trimmed, and the spans an honorific names."""
        strings = doc.vocab.strings
        out: list[Candidate] = []
        forced: list[tuple[int, int]] = []  # people named after an honorific: "Senator Jackson"
        words: _Words | None = None
        spaces: list[int] = []
        orths: list[int] = []
        hyphen, joins = 0, set()
        vocab = doc.vocab
        is_name, is_org_word = self.flag_test(vocab, "name_part"), self.flag_test(vocab, "org_word")

        for match_id, start, end in self.rules(doc):
            label, pattern = self.info[strings[match_id]]
            if pattern == "rule:acronym" and (
                rx.CODE_NUMBER.match(text, ends[end - 1]) or caps_line(text, starts[start], ends[end - 1])
            ):
                continue  # a unit code ("FO 371", "DY 30"), or a word of an all-caps heading
            if label in ("PERSON", "ORG") and pattern != "rule:acronym":
                if words is None:  # read in C once; a word's text only where a rule matched
                    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
                    words = _Words(orths, strings)
                    hyphen = strings.add("-")
                    joins = {strings.add(w) for w in ("-", ",", *self.suffixes, *self.lower_particles)}
                before = orths[start - 1] if start else 0
                after = orths[end] if end < len(orths) else 0
                after2 = orths[end + 1] if end + 1 < len(orths) else 0
                if before != hyphen and after not in joins and after2 not in joins:
                    pass  # nothing to extend over: the common case, decided on ids alone
                # "Houphouët-Boigny", "Martin Luther King Jr."; "Anglo-Iranian Oil Company"
                elif label == "PERSON":
                    start, end = extend_name(
                        words, spaces, start, end, is_name, self.suffixes, self.lower_particles
                    )
                else:
                    start, end = extend_name(words, spaces, start, end, is_org_word, frozenset())
            source = "cue" if pattern in CUE_RULES else "rule"
            trimmed = trim(
                text,
                Candidate(starts[start], ends[end - 1], label, pattern, source),
                self.titles,
                self.nationalities,
            )
            if trimmed:
                out.append(trimmed)
                if source == "cue" and doc[start].lower_ in self.honorifics:
                    forced.append((trimmed.start, trimmed.end))
        for m in rx.ADMINISTRATION.finditer(text):  # "the Johnson Administration" -> Johnson
            if is_name(m.group("name")) and not ADJECTIVE.fullmatch(m.group("name")):
                out.append(Candidate(m.start("name"), m.end("name"), "PERSON", "rule:administration", "rule"))
        for m in rx.PARALLEL.finditer(text):  # "the 38th parallel"
            out.append(Candidate(m.start(), m.end(), "LOC", "rule:parallel", "rule"))
        return out, forced

    def notes_candidates(self, doc: Doc, text: str) -> list[Candidate]:
        """The people, places and publishers the conventions of notes name (`notes`)."""
        is_name = self.flag_test(doc.vocab, "name_part")
        out: list[Candidate] = []
        regions = note_regions(text)  # the conventions of notes: "Ellis to Barton, May 2, 1931"
        if regions:
            found = note_people(text, regions, is_name, self.flag_test(doc.vocab, "given"), self.titles)
            out.extend(Candidate(s, e, label, rule, "citation") for s, e, label, rule in found)
        out.extend(Candidate(s, e, label, rule, "citation") for s, e, label, rule in imprint_spans(text))
        for s, e, label, rule in surname_given_spans(text, is_name, self.given_or_weak):
            out.append(Candidate(s, e, label, rule, "citation"))
        return out

    def model_spans(self, doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
        """A statistical model's entities (if one ran before us) that the rules leave room for."""
        model = [
            Candidate(ent.start_char, ent.end_char, MODEL_LABELS[ent.label_], f"model:{ent.label_}", "model")
            for ent in doc.ents
            if ent.label_ in MODEL_LABELS
        ]
        return model_candidates(text, found, model, self.model_person_word, self.model_place_word)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        codes = Spans(doc._.locator_codes or ())
        candidates = [c for c in self.candidates(doc) if not codes.overlapping(c.start, c.end)]
        chosen = select(candidates, text)
        chosen = merge_attached(text, chosen)
        events = event_spans(text)
        chosen = drop_inside_events(text, chosen, events)
        chosen = select(propagate(text, chosen, self.families, events, self.particles, self.suffixes))
        chosen = paired_people(text, title_acronyms(text, chosen, self.job_titles))
        chosen = drop_leading_the(text, widen_people(text, chosen, self.flag_test(doc.vocab, "name_part")))
        short = short_org_forms(text, chosen, self.org_heads)  # they overlap nothing chosen
        if short:
            chosen = sorted([*chosen, *short], key=lambda c: c.start)
        if doc.ents:  # last, and only where no rule, propagation, short form, event or citation is
            blocked = [Candidate(s, e, "EVENT", "event", "rule") for s, e in events]
            blocked += [
                Candidate(c.start, c.end, "CITATION", c.kind, "citation") for c in doc._.citations or ()
            ]
            model = self.model_spans(doc, text, [*candidates, *chosen, *blocked])
            if model:
                chosen = select([*chosen, *model])
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
    """A rule's token pattern with `{"TEST": name}` (and `{"NOT_TEST": name}`) turned into the
    test's lexeme flag (required True, or False).

    >>> flag_pattern([{"TEST": "title"}, {"TEST": "name_part", "OP": "+"}], {"title": "FLAG30", "name_part": "FLAG31"})
    [{'FLAG30': True}, {'FLAG31': True, 'OP': '+'}]
    """
    out = []
    for token in pattern:
        flagged: Token = {}
        for k, v in token.items():
            if k == "TEST":
                flagged[flags[v]] = True
            elif k == "NOT_TEST":  # a second test the word must fail: {"TEST": "a", "NOT_TEST": "b"}
                flagged[flags[v]] = False
            else:
                flagged[k] = v
        out.append(flagged)
    return out


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
    # each new affix rule makes spaCy re-add every special case (4,000 for English, 0.1 s a
    # time): set the rules aside, change the affixes, then load the special cases once
    rules = dict(tokenizer.rules or {})
    tokenizer.rules = {}
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)[-–](?=[A-Za-z])", *NOTE_INFIXES, *GLUE_INFIXES]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(
        [*NOTE_MARKERS, *(nlp.Defaults.suffixes or ())]
    ).search
    tokenizer.rules = {**rules, **{word: [{ORTH: word}] for word in TOKENIZER_EXCEPTIONS}}


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
