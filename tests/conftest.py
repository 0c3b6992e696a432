"""Shared fixtures: the pipeline is built once per session (blank English + our components)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from nerpipe.extract import extract
from nerpipe.pipeline import build_nlp

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "mosyakov-khmer-rouge.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="session")
def spans_of(nlp: Language):  # type: ignore[no-untyped-def]
    """`spans_of(text)`: the (text, label) of each entity span nerpipe finds in `text`, in order."""

    def run(text: str) -> list[tuple[str, str]]:
        return [(s.text, s.label) for s in extract(text, "t", nlp=nlp).spans]

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")
