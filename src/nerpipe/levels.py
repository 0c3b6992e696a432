"""The level vocabulary of archival locators (`patterns/levels.json`), read once.

Level words are data: each form maps to the levels it can name in each tradition, so a new word
is a line of JSON and a test row, never a new regex (regexes.py builds its pieces from this):

    >>> sorted({w.level for w in level_words("p.")})
    ['folder', 'pages']
    >>> LEVEL_INDEX["fund"] < LEVEL_INDEX["file"] < LEVEL_INDEX["pages"]
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from nerpipe.resources import patterns_dir

ANY = "*"


@dataclass(frozen=True, slots=True)
class LevelWord:
    """One reading of a level word: "p." may be a papka (between opis and delo) or a page."""

    form: str
    level: str
    traditions: frozenset[str]
    exact: bool = False
    postfix: bool = False
    lower: bool = False
    keep: bool = False
    value: str = "number"
    named: bool = False
    dotless: bool = False
    archive: str | None = None

    def allowed(self, tradition: str) -> bool:
        """May this reading be used in a locator of `tradition`?"""
        return ANY in self.traditions or tradition in self.traditions


@cache
def load_levels() -> dict[str, Any]:
    """The raw data of patterns/levels.json."""
    data: dict[str, Any] = json.loads((patterns_dir() / "levels.json").read_text(encoding="utf-8"))
    order = data["order"]
    for entry in data["words"]:
        if entry["level"] not in (*order, "reel"):
            raise ValueError(f"levels.json: unknown level {entry['level']!r} for {entry['forms']}")
        if not entry.get("source"):
            raise ValueError(f"levels.json: entry {entry['forms']} names no source")
    return data


def _words() -> list[LevelWord]:
    out = []
    for entry in load_levels()["words"]:
        for form in entry["forms"]:
            out.append(
                LevelWord(
                    form=form,
                    level=entry["level"],
                    traditions=frozenset(entry.get("traditions", [ANY])),
                    exact=entry.get("case") == "exact",
                    postfix=entry.get("position") == "postfix",
                    lower=bool(entry.get("lower", False)),
                    keep=bool(entry.get("keep", False)),
                    value=entry.get("value", "number"),
                    named=bool(entry.get("named", False)),
                    dotless=entry.get("dot") == "optional" and form.endswith("."),
                    archive=entry.get("archive"),
                )
            )
    return out


# Letters that OCR and mixed keyboards swap between Cyrillic and Latin in level words ("Oп." and
# "on." for "Оп."): a word is looked up by its skeleton, each such letter read as its Latin twin.
HOMOGLYPHS = {"о": "o", "п": "n", "р": "p", "а": "a", "е": "e", "с": "c", "х": "x", "к": "k", "у": "y"}
_SKELETON = str.maketrans(HOMOGLYPHS)


def skeleton(text: str) -> str:
    """A level word case-folded, with Cyrillic look-alikes read as Latin letters.

    >>> skeleton("Oп."), skeleton("on."), skeleton("оп.")
    ('on.', 'on.', 'on.')
    """
    return text.casefold().translate(_SKELETON)


LEVEL_ORDER: tuple[str, ...] = tuple(load_levels()["order"])
LEVEL_INDEX: dict[str, int] = {level: i for i, level in enumerate(LEVEL_ORDER)}
WORDS: tuple[LevelWord, ...] = tuple(_words())
_EXACT: dict[str, list[LevelWord]] = {}
_FOLDED: dict[str, list[LevelWord]] = {}
for _w in WORDS:
    (_EXACT if _w.exact else _FOLDED).setdefault(_w.form if _w.exact else skeleton(_w.form), []).append(_w)


def _key(text: str) -> str:
    """A matched word as a lookup key: spacing normalised ("ед.  хр." -> "ед. хр.")."""
    return " ".join(text.split())


def level_words(text: str, postfix: bool = False) -> list[LevelWord]:
    """Every reading of a matched level word (exact-case forms first)."""
    key = _key(text)
    found = _EXACT.get(key, []) + _FOLDED.get(skeleton(key), [])
    if not found and not key.endswith("."):  # "F.17" was matched as "F." ; "op 16" without its dot
        found = _FOLDED.get(skeleton(key) + ".", [])
    return [w for w in found if w.postfix == postfix]


def named_words(postfix: bool) -> list[LevelWord]:
    """Level words that may stand with a name instead of a number: "Phông Phủ Thủ tướng",
    "série A" (before the name), "Office of the Prime Minister fonds" (after it)."""
    return [w for w in WORDS if w.named and w.postfix == postfix]


def forms(postfix: bool) -> tuple[list[str], list[str]]:
    """(case-insensitive forms, exact forms) of prefix or postfix words, for the regex pieces."""
    words = [w for w in WORDS if w.postfix == postfix and not (w.postfix and w.named)]
    folded = sorted({w.form for w in words if not w.exact})
    exact = sorted({w.form for w in words if w.exact})
    return folded, exact


def implied_archive(tradition: str) -> str | None:
    """The archive a bare code of `tradition` evidently means ("FO 371/..." is TNA), if any."""
    implies = load_levels()["codes"].get("implies", {})
    found = implies.get(tradition)
    return str(found) if found else None


def codes(tradition: str) -> list[str]:
    """Department or Bestand codes that open a bare reference in `tradition` ("FO", "DY")."""
    found = load_levels()["codes"].get(tradition, [])
    return list(found) if isinstance(found, list) else []


def series_forms() -> list[str]:
    """Named US series ("CDF", "Central Files", "Subject Files")."""
    return list(load_levels()["series"]["forms"])


def collection_words() -> tuple[list[str], list[str]]:
    """(suffixes, prefixes) of a collection's name: "Harriman Papers", "Papers of Dean Acheson"."""
    data = load_levels()["collections"]
    return list(data["suffixes"]), list(data["prefixes"])


def repository_words() -> list[str]:
    """Words that mark an institution named as a repository ("Reed College")."""
    return list(load_levels()["repositories"]["words"])
