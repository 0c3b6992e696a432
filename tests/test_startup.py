"""Start-up: `nerpipe --help` and `nerpipe schema` import neither spaCy nor the citation grammar,
and the lazy verbs of `nerpipe` stay the verbs (issue 14)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from typer.testing import CliRunner
from nerpipe.cli import app
result = CliRunner().invoke(app, {args!r})
assert result.exit_code == 0, result.output
print(" ".join(m for m in ("spacy", "nerpipe.regexes", "nerpipe.pipeline") if m in sys.modules))
"""


@pytest.mark.parametrize(
    ("args", "imported"),
    [
        (["--help"], ""),
        (["schema"], ""),
        (["run", "--help"], ""),
        (["parse-citation", "RGASPI, f. 17, op. 3, d. 5"], "nerpipe.regexes"),  # needs the grammar
    ],
)
def test_light_commands_do_not_import_spacy(args: list[str], imported: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == imported


@pytest.mark.parametrize("verb", ["extract", "evaluate", "build_nlp", "parse_citation"])
def test_verbs_stay_callable_after_their_modules_are_imported(verb: str) -> None:
    code = (
        "import nerpipe.extract, nerpipe.evaluate, nerpipe.pipeline, nerpipe; "
        f"assert callable(nerpipe.{verb}), nerpipe.{verb}"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
