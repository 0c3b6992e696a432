"""Acronym definitions in running text (Schwartz & Hearst 2003), a pure function.

>>> find_acronyms("The Khmer People's Revolutionary Party (KPRP) was founded")
[('KPRP', "Khmer People's Revolutionary Party")]
"""

from __future__ import annotations

import regex

from nerpipe import regexes as rx

# "long form (SF)": a short form of 2-10 characters with a capital, in parentheses.
SHORT_FORM = regex.compile(r"\((?P<short>[A-Z][A-Za-z.\-&]{1,9})\)")


def _long_form(short: str, words: list[str]) -> str | None:
    """Schwartz-Hearst: match the short form's letters right to left against the words."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    text = " ".join(words)
    s, t = len(letters) - 1, len(text) - 1
    while s >= 0:
        ch = letters[s]
        while t >= 0 and (text[t].lower() != ch or (s == 0 and t > 0 and text[t - 1].isalnum())):
            t -= 1
        if t < 0:
            return None
        t -= 1
        s -= 1
    start = text.rfind(" ", 0, t + 1) + 1
    long_form = text[start:]
    return long_form if len(long_form.split()) >= 2 else None


def find_acronyms(text: str) -> list[tuple[str, str]]:
    """(short, long) for every "long form (SF)" definition in `text`, in text order."""
    found = []
    for m in SHORT_FORM.finditer(text):
        short = m.group("short")
        if sum(ch.isupper() for ch in short) < 2:
            continue
        window = text[max(0, m.start() - 200) : m.start()].rstrip(" ,")
        words = rx.WORD.findall(window)[-min(len(short) + 5, len(short) * 2) :]
        # a definition stops at a clause boundary: "... Cambodia, KPRP" keeps only what follows
        long_form = _long_form(short, words)
        if long_form:
            found.append((short, long_form.strip(' ,;:("“')))
    return found
