"""The conventions of historians' notes, as entity candidates (pure functions).

Every article has notes, and notes name people in ways running prose does not:

    "Ellis to Barton, May 2, 1931"               correspondents: Ellis, Barton
    "Kellogg through Castle to Hoover"           three people
    "Ellis memorandum", "Barton minute of ..."   the writer
    "Ellis and Barton, eds.", "Ellis, ed."        editors
    "Everett L. Barrow and Ann Reid, The Title"   authors before a title
    "(New York: Harcourt, Brace, 1948)"          the imprint: New York (GPE), the publisher (ORG)
    "Drury, Lyman Asher, 12, 45-47"              a reference list's or an index's "Surname, Given"

The first four hold only inside notes, found by their layout (`note_regions`: numbered note
lines, and every numbered line after a "Notes" heading), so that "Britain to France" in prose is
never read as a letter. Which words are names is decided by the caller's word tests (`is_name`:
a capitalised word that is no title, place or organisation head; `is_given`: a given name), so
"U.S. Embassy Tokyo to Secretary of State" names nobody. An imprint is recognised anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from nerpipe import regexes as rx

WordTest = Callable[[str], bool]
Span = tuple[int, int, str, str]  # (start, end, label, rule)

PARTICLE_WORDS = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter",
                            "al", "el", "bin", "ibn"})  # fmt: skip
INITIAL = regex.compile(r"\p{Lu}\.")


def note_regions(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each note's body: numbered lines ("12. Ellis to Barton, ...").

    A line is found by the newline before it (fast to look for), so the text's first line, its
    title, is never a note.

    >>> text = "Prose.\\n\\nNotes\\n1. Ellis to Barton, May 2, 1931.\\n2 Ibid."
    >>> [text[s:e] for s, e in note_regions(text)]
    ['Ellis to Barton, May 2, 1931.', 'Ibid.']
    """
    return [(m.start("body"), m.end("body")) for m in rx.NOTE_BODY.finditer(text)]


def _name_ok(words: list[str], is_name: WordTest) -> bool:
    """A run of words is a name: initials, particles and name words, one name word at least."""
    return any(is_name(w) for w in words) and all(
        is_name(w) or INITIAL.fullmatch(w) is not None or w in PARTICLE_WORDS for w in words
    )


def _names(
    text: str,
    start: int,
    end: int,
    is_name: WordTest,
    titles: frozenset[str],
    need_given: WordTest | None,
    rule: str,
) -> list[Span]:
    """PERSON spans of the names listed in text[start:end] ("Ellis, Barton and Noble")."""
    out: list[Span] = []
    pos = start
    for sep in [*rx.NOTE_NAME_SEPARATOR.finditer(text, start, end), None]:
        piece_end = sep.start() if sep else end
        words = text[pos:piece_end].split()
        lead = 0
        while lead < len(words) and words[lead].lower().rstrip(".") in titles:  # "Ambassador Grew"
            lead += 1
        name = words[lead:]
        if name and _name_ok(name, is_name):
            strong = need_given is None or (
                len(name) > 1 and (need_given(name[0]) or INITIAL.fullmatch(name[0]) is not None)
            )
            if strong:
                first = text.index(name[0], pos)
                last = text.index(name[-1], first) + len(name[-1])
                while text[last - 1] in ".," and INITIAL.fullmatch(name[-1]) is None:
                    last -= 1
                out.append((first, last, "PERSON", rule))
        if sep:
            pos = sep.end()
    return out


def note_people(
    text: str,
    regions: list[tuple[int, int]],
    is_name: WordTest,
    is_given: WordTest,
    titles: frozenset[str] = frozenset(),
) -> list[Span]:
    """The people the notes' conventions name, in each citation of each note region.

    A correspondence line, a writer or an editor takes one surname ("Ellis to Barton", "Reid,
    ed."); authors before a title need a given name or an initial ("Ann Reid, Title"), since a
    lone capitalised word before a comma is as often a place or a periodical ("Time, May 3").
    """
    out: list[Span] = []
    for start, end in regions:
        units = [start, *(i + 1 for i in range(start, end) if text[i] == ";")]
        for unit in units:
            lead = rx.NOTE_UNIT_LEAD.match(text, unit, end)
            at = lead.end() if lead else unit
            for rule, pattern, need_given in (
                ("notes:correspondence", rx.CORRESPONDENCE, None),
                ("notes:writer", rx.WRITER_OF, None),
                ("notes:editors", rx.EDITORS, None),  # ", ed." says it: "Reid, ed."
                ("notes:authors", rx.AUTHORS_BEFORE_TITLE, is_given),
            ):
                m = pattern.match(text, at, end)
                if m:
                    found = _names(text, m.start("names"), m.end("names"), is_name, titles, need_given, rule)
                    if found:
                        out.extend(found)
                        break
    return out


def imprint_spans(text: str) -> list[Span]:
    """The place (GPE) and publisher (ORG) of each imprint "(Place: Publisher, Year)".

    >>> imprint_spans("Title (New York: Harcourt, Brace and Company, 1948), 12.")
    [(7, 15, 'GPE', 'notes:imprint'), (17, 44, 'ORG', 'notes:imprint')]
    """
    out: list[Span] = []
    if ":" not in text:
        return out
    for m in rx.IMPRINT.finditer(text):
        for group, label in (("place", "GPE"), ("region", "GPE"), ("publisher", "ORG")):
            if m.group(group):
                out.append((m.start(group), m.end(group), label, "notes:imprint"))
    return out


def surname_given_spans(text: str, is_name: WordTest, is_given: WordTest) -> list[Span]:
    """ "Surname, Given" names opening reference-list and index lines: one PERSON span each.

    The given part must start with a given name or an initial, the surname be name words, and
    an entry's continuation follow: "Drury, Lyman Asher, 12" -> `Drury, Lyman Asher`;
    "Moscow, Leonid ..." is a place; "Finally, Harold Whitcombe left" is prose.

    >>> surname_given_spans("\\nDrury, Lyman A., 12, 45.", str.istitle, {"Lyman"}.__contains__)
    [(1, 16, 'PERSON', 'notes:surname-given')]
    """
    out: list[Span] = []
    if ", " not in text:
        return out
    for m in rx.SURNAME_GIVEN_LINE.finditer(text):
        if not all(is_name(w) for w in m.group("surname").split()):
            continue
        given = list(regex.finditer(r"\S+", m.group("given")))
        first = given[0].group()
        if not (is_given(first) or rx.MODEL_INITIAL.fullmatch(first)):
            continue
        good = 1  # the given names that are names or initials, from the first on
        while good < len(given) and (
            is_name(given[good].group()) or rx.MODEL_INITIAL.fullmatch(given[good].group())
        ):
            good += 1
        for n in range(good, 0, -1):  # the longest run that an entry's continuation follows
            end = m.start("given") + given[n - 1].end()
            if rx.SURNAME_GIVEN_FOLLOW.match(text, end):
                out.append((m.start("name"), end, "PERSON", "notes:surname-given"))
                break
    return out
