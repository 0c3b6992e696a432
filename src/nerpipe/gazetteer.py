"""Phrase gazetteers matched on the text with one Aho-Corasick automaton (pure).

spaCy's PhraseMatcher needs a tokenized Doc per pattern when the pipeline is built, which for
tens of thousands of place names is most of start-up. A `Gazetteer` instead adds each pattern
string to one `pyahocorasick` automaton (a few microseconds each), finds every occurrence in a
document's text in one pass, and keeps those that begin and end at token boundaries: what a
PhraseMatcher on ORTH finds, as character offsets, with each pattern's label and id.

Some place names are also common words or people's names ("Reading", "Nice", "Lincoln"): their
entries carry `gate: "place-cue"` and are kept only with a cue that the word names a place
(`place_cue`): "in Reading", "from Nice, France".

    >>> g = Gazetteer([("Hanoi", "GPE", "gpe:hanoi", None), ("Reading", "GPE", "gpe:reading", "place-cue")])
    >>> text = "Hanoi, Reading lists, born in Reading"
    >>> [(text[s:e], label) for s, e, label, _ in g.find(text, {0, 7, 15, 27, 30}, {5, 14, 20, 29, 37})]
    [('Hanoi', 'GPE'), ('Reading', 'GPE')]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import ahocorasick

from nerpipe import regexes_geo as rx

# Gates an entry may carry (patterns/*.jsonl "gate"): the name is taken only with a place cue.
PLACE_CUE = "place-cue"
GATES = frozenset({PLACE_CUE})

Entry = tuple[str, str, str, str | None]  # (pattern, label, id, gate)
Match = tuple[int, int, str, str]  # (start, end, label, id)


class Gazetteer:
    """Phrase patterns of several labels and ids, matched on raw text at token boundaries."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        values: dict[str, list[tuple[str, str, str | None]]] = {}
        for pattern, label, entity_id, gate in entries:
            found = values.setdefault(pattern, [])
            if (label, entity_id, gate) not in found:
                found.append((label, entity_id, gate))
        self.automaton = ahocorasick.Automaton()
        for pattern, found in values.items():
            self.automaton.add_word(pattern, (len(pattern), tuple(found)))
        self.size = len(values)
        if self.size:
            self.automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def find(self, text: str, starts: Collection[int], ends: Collection[int]) -> list[Match]:
        """Every pattern occurrence from a token start to a token end, gated ones with a cue."""
        if not self.size:
            return []
        out: list[Match] = []
        gated: list[Match] = []
        for last, (size, found) in self.automaton.iter(text):
            end = last + 1
            start = end - size
            if start not in starts or end not in ends:
                continue
            for label, entity_id, gate in found:
                (gated if gate else out).append((start, end, label, entity_id))
        if gated:
            places = {s: e for s, e, label, _ in out if label == "GPE"}
            out.extend(m for m in gated if place_cue(text, m[0], m[1], places))
        return out


def place_cue(text: str, start: int, end: int, places: dict[int, int]) -> bool:
    """Does the context say that text[start:end] names a place?

    A preposition of place before it ("in Reading", "from Nice", "near Mobile"), or a comma and
    a known place after it ("Reading, Pennsylvania", "Nice, France"); `places` maps the start of
    each ungated GPE match to its end.

    >>> text = "born in Reading; Reading lists; Bath, England"
    >>> [place_cue(text, s, e, {38: 45}) for s, e in ((8, 15), (17, 24), (32, 36))]
    [True, False, True]
    """
    if rx.PLACE_CUE_BEFORE.search(text, max(0, start - rx.PLACE_CUE_REACH), start):
        return True
    after = rx.PLACE_CUE_AFTER.match(text, end)
    return after is not None and after.end() in places
