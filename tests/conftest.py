"""Shared fixtures: the pipeline is built once per session (blank English + our components)."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output directory of `nerpipe run` on the small fixture article (once per module)."""
    from typer.testing import CliRunner

    from nerpipe.cli import app

    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        app, ["run", str(FIXTURES / "small-article.txt"), "--out", str(out), "--overwrite"]
    )
    assert result.exit_code == 0, result.output
    return out


def read_pty(fd: int) -> str:
    """Everything a child wrote to the terminal `fd` until it closed it, decoded."""
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("utf-8", errors="replace")
