"""Acronym definitions (Schwartz-Hearst)."""

from __future__ import annotations

import pytest

from nerpipe.acronyms import find_acronyms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Khmer People's Revolutionary Party (KPRP) was founded",
            [("KPRP", "Khmer People's Revolutionary Party")],
        ),
        ("a section of the Indochina Communist Party (ICP), was", [("ICP", "Indochina Communist Party")]),
        (
            "the Russian State Archive of Modern History (RSAMH).",
            [("RSAMH", "Russian State Archive of Modern History")],
        ),
        (
            "the Southeast Asia Treaty Organization (SEATO) met",
            [("SEATO", "Southeast Asia Treaty Organization")],
        ),
        ("he left (1965) for Hanoi", []),
        ("the party (see above) met", []),
        ("a strange thing (XYZ) happened", []),
    ],
)
def test_find_acronyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert find_acronyms(text) == expected
