"""Group a document's mentions into entities: variants of one name share an `entity_id`.

    "Ngyuen Co Thach" ~ "Nguyen Co Thach"     one misspelt syllable
    "Pham Vam Dong"   ~ "Pham Van Dong"
    "Myakotnykh"      ~ "Myakotnyh"           one edit in a long word
    "Kiernan, Ben"    ~ "Ben Kiernan"         reference-list order
    "Kiernan"         ~ "Ben Kiernan"         a surname of a person named in full
    "KPRP"            ~ "Khmer People's Revolutionary Party"   acronym defined in the text

but never "Le Duc Tho" ~ "Le Duc Anh" or "Nguyen Van Linh" ~ "Nguyen Van Thieu": names are
compared syllable by syllable, and a syllable may differ by one edit only when it has three or
more letters, so a short Vietnamese given name never merges with another (`tests/test_link.py`
holds the table that sets these thresholds).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from nerpipe import regexes as rx
from nerpipe.acronyms import find_acronyms

# A syllable of this many letters or more may differ by one edit ("Vam"/"Van"), a transposition
# ("Ngyuen"/"Nguyen") counting as one (optimal string alignment distance).
MIN_FUZZY_SYLLABLE = 3
# A one-word name of this many letters or more may differ by one edit ("Myakotnyh").
MIN_FUZZY_WORD = 6
# Folded names remembered (`fold`): a bound, because a corpus's names never stop coming (an
# unbounded cache held about 50 new names per document of the honest bench corpus, 300,000 over
# its 200 MB: the peak RSS grew with the input, issue 14).
FOLD_CACHE = 1 << 16


@lru_cache(maxsize=FOLD_CACHE)
def fold(name: str) -> str:
    """Case-, accent- and spacing-insensitive form; "Surname, Given" becomes "Given Surname"."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = rx.LEADING_THE.sub("", " ".join(name.split()))
    name = rx.POSSESSIVE_END.sub("", name)
    if name.count(",") == 1:
        surname, given = (part.strip() for part in name.split(","))
        if given and rx.GIVEN_NAME.fullmatch(given):
            name = f"{given} {surname}"
    return name.casefold()


def _syllables_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_SYLLABLE:
        return False
    return OSA.distance(a, b) <= 1 and a[0] == b[0]


def same_name(a: str, b: str) -> bool:
    """Are two folded names spellings of one name?"""
    if a == b:
        return True
    pa, pb = a.split(), b.split()
    if len(pa) != len(pb):
        return False
    if len(pa) == 1:
        return min(len(a), len(b)) >= MIN_FUZZY_WORD and OSA.distance(a, b) <= 1 and a[0] == b[0]
    mismatches = sum(x != y for x, y in zip(pa, pb, strict=False))
    return mismatches <= 1 and all(_syllables_match(x, y) for x, y in zip(pa, pb, strict=False))


@dataclass
class Cluster:
    label: str
    names: Counter[str] = field(default_factory=Counter)
    folded: set[str] = field(default_factory=set)
    gazetteer_id: str | None = None

    @property
    def canonical(self) -> str:
        return max(self.names, key=lambda n: (self.names[n], len(n)))


def _keys(folded: str) -> list[tuple[int, int, str]]:
    """Keys two names share whenever `same_name` holds: the same number of syllables and, for
    one word, the same first letter, for several, one syllable equal in place (all but one are)."""
    parts = folded.split()
    if len(parts) <= 1:
        return [(len(parts), 0, folded[:1])]
    return [(len(parts), i, part) for i, part in enumerate(parts)]


def link(
    mentions: Iterable[tuple[str, str, str]],
    text: str = "",
    acronyms: Iterable[tuple[str, str]] | None = None,
) -> tuple[list[int], list[Cluster]]:
    """Cluster mentions (name, label, pattern) into entities: each mention's cluster, and clusters.

    `text` lets acronyms defined in it ("... Party (KPRP)") join their expansion; or give the
    (short, long) definitions themselves as `acronyms` (a text processed in parts). A mention
    joins the first cluster (in order of creation) it matches; indexes of the clusters' names
    only narrow down which clusters are compared, so the result is that of comparing all.
    """
    clusters: list[Cluster] = []
    defined = find_acronyms(text) if text else acronyms or ()
    acronyms_of = {short: fold(long) for short, long in defined}
    assignment: list[int] = []
    seen: dict[tuple[str, str], int] = {}  # (label, folded name) -> cluster: a name decides once
    by_gazetteer: dict[str, int] = {}
    by_key: dict[tuple[str, tuple[int, int, str]], set[int]] = {}  # (label, key) -> clusters
    by_folded: dict[tuple[str, str], set[int]] = {}  # (label, folded name) -> clusters
    by_expansion: dict[tuple[str, str], set[int]] = {}  # (label, folded expansion of a name)
    by_last_initial: dict[str, set[int]] = {}  # first letter of a full name's last syllable

    def add_name(target: int, name: str) -> None:
        cluster = clusters[target]
        cluster.names[name] += 1
        if name in acronyms_of:
            by_expansion.setdefault((cluster.label, acronyms_of[name]), set()).add(target)

    def add_folded(target: int, key: str) -> None:
        cluster = clusters[target]
        cluster.folded.add(key)
        by_folded.setdefault((cluster.label, key), set()).add(target)
        for k in _keys(key):
            by_key.setdefault((cluster.label, k), set()).add(target)
        parts = key.split()
        if cluster.label == "PERSON" and len(parts) > 1:
            by_last_initial.setdefault(parts[-1][:1], set()).add(target)

    for name, label, pattern in mentions:
        key = fold(name)
        spelled = " ".join(name.split())
        gaz_id = (
            pattern
            if ":" in pattern
            and not pattern.startswith(("rule:", "dates:", "citation:", "model:", "propagated:"))
            else None
        )
        target = seen.get((label, key))
        if target is None and gaz_id:
            target = by_gazetteer.get(gaz_id)
        if target is not None:
            add_name(target, spelled)
            assignment.append(target)
            seen[(label, key)] = target
            continue
        expansion = acronyms_of.get(name)
        candidates = set().union(
            *(by_key.get((label, k), ()) for k in _keys(key)),
            by_folded.get((label, expansion), ()) if expansion else (),
            by_expansion.get((label, key), ()),
        )
        for i in sorted(candidates):
            c = clusters[i]
            if any(same_name(key, f) for f in c.folded):
                target = i
                break
            if (expansion and expansion in c.folded) or any(acronyms_of.get(n) == key for n in c.names):
                target = i
                break
        if target is None and label == "PERSON" and len(key.split()) == 1:
            # a surname alone joins the one person whose full name ends (or, for East Asian
            # names written surname first, begins) with it
            full = [
                i
                for i in sorted(by_last_initial.get(key[:1], ()))
                if any(len(f.split()) > 1 and same_name(key, f.split()[-1]) for f in clusters[i].folded)
            ]
            if len(full) == 1:
                target = full[0]
        if target is None:
            clusters.append(Cluster(label=label))
            target = len(clusters) - 1
        add_name(target, spelled)
        add_folded(target, key)
        clusters[target].gazetteer_id = clusters[target].gazetteer_id or gaz_id
        if gaz_id:
            by_gazetteer.setdefault(gaz_id, target)
        seen[(label, key)] = target
        assignment.append(target)
    return assignment, clusters


def slug(name: str) -> str:
    """An id-safe form of a name: "Nguyen Co Thach" -> "nguyen-co-thach"."""
    return str(rx.NON_WORD.sub("-", fold(name))).strip("-")
