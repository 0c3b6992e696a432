"""Where the shipped data lives: `patterns/` beside the sources, or inside an installed wheel."""

from __future__ import annotations

from pathlib import Path


def patterns_dir() -> Path:
    """The `patterns/` directory: the wheel's copy, else the repository's (editable installs)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "patterns", here.parents[1] / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("nerpipe's patterns/ directory is missing from this installation")
