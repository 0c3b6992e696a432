"""Phrase gazetteers matched on the text with one Aho-Corasick automaton (pure).

spaCy's PhraseMatcher needs a tokenized Doc per pattern when the pipeline is built, which for
tens of thousands of place names is most of start-up. A `Gazetteer` instead adds each pattern
string to one `pyahocorasick` automaton (a few microseconds each), finds every occurrence in a
document's text in one pass, and keeps those that begin and end at token boundaries: what a
PhraseMatcher on ORTH finds, as character offsets, with each pattern's label and id.

Some place names are also common words or people's names ("Reading", "Nice", "Lincoln"): their
entries carry `gate: "place-cue"` and are kept only with a cue that the word names a place
(`place_cue`): "in Reading", "from Nice, France".

    >>> g = Gazetteer([("Hanoi", "GPE", "gpe:hanoi", None, "gazetteer"),
    ...                ("Reading", "GPE", "gpe:reading", "place-cue", "data")])
    >>> text = "Hanoi, Reading lists, born in Reading"
    >>> starts, ends = bytearray(38), bytearray(38)
    >>> for i in (0, 7, 15, 27, 30): starts[i] = 1
    >>> for i in (5, 14, 20, 29, 37): ends[i] = 1
    >>> [(text[m[0]:m[1]], m[2]) for m in g.find(text, starts, ends)]
    [('Hanoi', 'GPE'), ('Reading', 'GPE')]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import ahocorasick
from spacy.lang.en.stop_words import STOP_WORDS

from nerpipe import regexes_geo as rx
from nerpipe.entities import Candidate

# Gates an entry may carry (patterns/*.jsonl "gate"): the name is taken only with a place cue.
# "place-cue": a common word ("Reading"); "name-cue": a person's name ("Lincoln"), whose cue
# must be stronger: "to"/"from" stand before people in correspondence ("Hamilton to Jackson").
PLACE_CUE = "place-cue"
NAME_CUE = "name-cue"
GATES = frozenset({PLACE_CUE, NAME_CUE})

Bounds = Sequence[int]  # bounds[i] is true where a token starts (or ends) at character i
Entry = tuple[str, str, str, str | None, str]  # (pattern, label, id, gate, kind)
Match = tuple[int, int, str, str, str]  # (start, end, label, id, kind)
# kind: "gazetteer" for the hand-written lists, "data" for entries compiled from data packages


class Gazetteer:
    """Phrase patterns of several labels and ids, matched on raw text at token boundaries."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        values: dict[str, list[tuple[str, str, str | None, str]]] = {}
        for pattern, label, entity_id, gate, kind in entries:
            found = values.setdefault(pattern, [])
            if (label, entity_id, gate, kind) not in found:
                found.append((label, entity_id, gate, kind))
        self.automaton = ahocorasick.Automaton()
        for pattern, found in values.items():
            self.automaton.add_word(pattern, (len(pattern), tuple(found)))
        self.size = len(values)
        if self.size:
            self.automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def occurrences(self, text: str, starts: Bounds, ends: Bounds) -> list[tuple[Match, str | None]]:
        """Every pattern occurrence from a token start to a token end, with its gate: what a
        PhraseMatcher on ORTH finds. `starts[i]` / `ends[i]` are true where a token starts / ends
        at character i (`pipeline.token_bounds` makes them)."""
        out: list[tuple[Match, str | None]] = []
        if not self.size:
            return out
        for last, (size, found) in self.automaton.iter(text):
            end = last + 1
            start = end - size
            if not (starts[start] and ends[end]):
                continue
            for label, entity_id, gate, kind in found:
                out.append(((start, end, label, entity_id, kind), gate))
        return out

    def find(self, text: str, starts: Bounds, ends: Bounds) -> list[Match]:
        """The occurrences to take: gated ones only with a cue, no place inside a longer name."""
        found = self.occurrences(text, starts, ends)
        out = [m for m, gate in found if not gate]
        if len(out) < len(found):
            places = {m[0]: m[1] for m in out if m[2] == "GPE"}
            out.extend(
                m
                for m, gate in found
                if gate and place_cue(text, m[0], m[1], places, strict=gate == NAME_CUE)
            )
        return [m for m in out if m[2] not in ("GPE", "LOC") or not inside_name(text, m[0], m[1])]


def place_cue(text: str, start: int, end: int, places: dict[int, int], strict: bool = False) -> bool:
    """Does the context say that text[start:end] names a place?

    A preposition of place before it ("in Reading", "from Nice", "near Mobile"), or a comma and
    a known place after it ("Reading, Pennsylvania", "Nice, France"); `places` maps the start of
    each ungated GPE match to its end. `strict` (a person's name): only "in/at/near ..." or "the
    city of", never "to/from", and never before a possessive ("in Lincoln's cabinet").

    >>> text = "born in Reading; Reading lists; Bath, England"
    >>> [place_cue(text, s, e, {38: 45}) for s, e in ((8, 15), (17, 24), (32, 36))]
    [True, False, True]
    """
    before = rx.NAME_CUE_BEFORE if strict else rx.PLACE_CUE_BEFORE
    if before.search(text, max(0, start - rx.PLACE_CUE_REACH), start):
        return not (strict and rx.POSSESSIVE_AFTER.match(text, end))
    after = rx.PLACE_CUE_AFTER.match(text, end)
    return after is not None and after.end() in places


def inside_name(text: str, start: int, end: int) -> bool:
    """Is the one-word place text[start:end] a word inside a longer capitalised name?

    "Green Chile Stew", "Roast Turkey Dinner": a capitalised word right before and right after
    it, one space apart, name a dish or a thing, not the place. "Red China" or "South China Sea"
    are names of their own in the gazetteers and are matched whole before this is asked.

    >>> [inside_name(t, 6, 11) for t in ("Green Chile Stew", "Visit Chile now", "Green Chile")]
    [True, False, False]
    >>> inside_name("From Chile Today", 5, 10)  # "From" is a stop word
    False
    """
    # cheap tests first: most places are followed by punctuation or a lowercase word
    if text[end : end + 1] != " " or not text[end + 1 : end + 2].isupper() or text[start - 1 : start] != " ":
        return False
    if not rx.PLAIN_WORD.fullmatch(text, start, end):  # not "U.S.", "PRC", "Phnom Penh"
        return False
    before = rx.CAPITALISED_BEFORE.search(text, max(0, start - rx.PLACE_CUE_REACH), start)
    return (
        before is not None
        and before.group().strip().lower() not in STOP_WORDS  # "The Chile Government"
        and rx.CAPITALISED_AFTER.match(text, end) is not None
    )


def given_name_before_place(
    text: str, matches: Iterable[Match], given_names: Collection[str], titles: Collection[str] = ()
) -> list[Candidate]:
    """A person whose surname is a place's name: a given name right before a one-word place.

    "George Washington", "Michael Jordan" -> PERSON (the gazetteers' "Washington" and "Jordan"
    are places); the PERSON span is longer, so the overlap policy keeps it over the place.
    """
    out = []
    for start, end, label, _, _ in matches:
        # cheap tests first: one space, after a lowercase letter (a given name) or an initial's "."
        before = text[max(0, start - 2) : start]
        if (
            label != "GPE"
            or len(before) < 2
            or before[1] != " "
            or not (before[0].islower() or before[0] == ".")
        ):
            continue
        if " " in text[start:end]:
            continue
        given = rx.GIVEN_BEFORE.search(text, max(0, start - rx.GIVEN_REACH), start)
        if not given or given.group("given") not in given_names:
            continue
        # the given name opens the name: "post-Chou Chet Cambodia" is no "Chet Cambodia"; a
        # title may stand before it ("President George Washington")
        opener = rx.WORD_BEFORE.search(text, max(0, given.start() - rx.GIVEN_REACH), given.start())
        if opener and opener.group("word").lower() not in titles:
            continue
        out.append(Candidate(given.start(), end, "PERSON", "rule:given-name-place", "name"))
    return out
