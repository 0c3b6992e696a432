"""Month names of the languages archival citations are written in (`patterns/months.json`).

English months are part of the date grammar (`regexes.MONTH`); these are the others, so that a
document's date in a Russian, French, German, Czech, Polish or Hungarian description is read:

    >>> FOREIGN_MONTHS["марта"], FOREIGN_MONTHS["fevralia"], FOREIGN_MONTHS["juin"]
    (3, 2, 6)
"""

from __future__ import annotations

import json
from functools import cache

from nerpipe.resources import patterns_dir

# Apostrophes a transliteration may use for the soft sign: "dekabr'", "dekabr’", "dekabrʹ".
APOSTROPHES = "'’ʹ"


def fold(word: str) -> str:
    """A month word as a lookup key: case-folded, apostrophes as "'", no final period kept apart."""
    word = word.casefold()
    for ch in APOSTROPHES:
        word = word.replace(ch, "'")
    return word


@cache
def _load() -> dict[str, int]:
    data = json.loads((patterns_dir() / "months.json").read_text(encoding="utf-8"))
    table: dict[str, int] = {}
    for lang, entry in data["languages"].items():
        if not entry.get("source"):
            raise ValueError(f"months.json: language {lang!r} names no source")
        months = entry["months"]
        if len(months) != 12:
            raise ValueError(f"months.json: language {lang!r} lists {len(months)} months, not 12")
        for number, forms in enumerate(months, start=1):
            for form in forms:
                key = fold(form)
                if table.get(key, number) != number:
                    raise ValueError(f"months.json: {form!r} names two months")
                table[key] = number
    return table


FOREIGN_MONTHS: dict[str, int] = _load()
