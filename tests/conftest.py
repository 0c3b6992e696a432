"""Shared fixtures: the pipeline is built once per session (blank English + our components)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from nerpipe.pipeline import build_nlp

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "mosyakov-khmer-rouge.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")
