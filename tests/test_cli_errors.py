"""The command line as a new user meets it, in real subprocesses: every usage error is one clear
line and exit 2 (never a traceback), warnings where nothing would happen, log lines kept whole."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nerpipe.jsonl import read_models
from nerpipe.models import DocumentRecord

from .conftest import FIXTURES, read_pty

ARTICLE = FIXTURES / "small-article.txt"


def nerpipe(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nerpipe", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=env,
    )


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    result = nerpipe("run", str(ARTICLE), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def _broken_gold(run_dir: Path, tmp_path: Path) -> Path:
    (doc,) = read_models(run_dir / "documents.jsonl", DocumentRecord)
    far = doc.spans[0].model_copy(update={"start": 10**6, "end": 10**6 + 7})
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        doc.model_copy(update={"spans": [far, *doc.spans[1:]]}).to_json() + "\n", encoding="utf-8"
    )
    return gold


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("out is a file", "is a file, not a directory"),
        ("model not installed", "--model en_no_such_model: no installed spaCy pipeline"),
        ("resume and overwrite", "--resume and --overwrite contradict each other"),
        ("validate-gold missing file", "no such file or directory:"),
        ("validate-gold empty directory", "no .jsonl files in"),
        ("evaluate a file of entity rows", "not a DocumentRecord ("),
        ("evaluate gold outside its text", "the gold does not fit its text (1 problems: "),
        ("evaluate baseline not installed", "--baseline en_no_such_model: no installed spaCy pipeline"),
        ("show an unknown id", "no document 'nope'"),
        ("export to a missing directory", "cannot write"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(run_dir: Path, tmp_path: Path, case: str, message: str) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    args = {
        "out is a file": ["run", str(ARTICLE), "--out", str(a_file)],
        "model not installed": ["run", str(ARTICLE), "--out", str(tmp_path / "o"), "--model", "en_no_such_model"],
        "resume and overwrite": ["run", str(ARTICLE), "--out", str(run_dir), "--resume", "--overwrite"],
        "validate-gold missing file": ["validate-gold", str(tmp_path / "missing.jsonl")],
        "validate-gold empty directory": ["validate-gold", str(tmp_path / "empty")],
        "evaluate a file of entity rows": ["evaluate", "--gold", str(run_dir / "entities.jsonl"), "--pred", str(run_dir)],
        "evaluate gold outside its text": ["evaluate", "--gold", str(_broken_gold(run_dir, tmp_path)), "--pred", str(run_dir)],
        "evaluate baseline not installed": ["evaluate", "--gold", str(run_dir), "--pred", str(run_dir), "--baseline", "en_no_such_model"],
        "show an unknown id": ["show", "nope", "--in", str(run_dir)],
        "export to a missing directory": ["export", str(run_dir), "--to", "csv", "-o", str(tmp_path / "no" / "x.csv")],
    }[case]  # fmt: skip
    result = nerpipe(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("command", ["evaluate", "stats", "citations", "export"])
def test_commands_take_the_output_directory(run_dir: Path, command: str) -> None:
    """Given the run's directory, evaluate and stats read every *.jsonl in it as documents."""
    args = {
        "evaluate": ["evaluate", "--gold", str(run_dir), "--pred", str(run_dir)],
        "stats": ["stats", str(run_dir), "--json"],
        "citations": ["citations", str(run_dir)],
        "export": ["export", str(run_dir), "--to", "csv"],
    }[command]
    result = nerpipe(*args)
    assert result.returncode == 0, result.stderr
    if command == "stats":
        assert json.loads(result.stdout)["documents"] == 1
    if command == "export":
        assert (run_dir / "documents.csv").is_file()


def test_validate_gold_takes_a_directory(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    gold = root / "corpus" / "gold" / "dev"
    result = nerpipe("validate-gold", str(gold), "--texts", str(root / "corpus"))
    assert result.returncode == 0, result.stderr
    assert f"{len(list(gold.glob('*.jsonl')))} documents checked, 0 with problems" in result.stdout


def test_brackets_in_paths_and_ids_print_as_they_are(tmp_path: Path) -> None:
    """Paths and ids such as "x[/]" were read as console markup (MarkupError) and crashed."""
    corpus = tmp_path / "in["
    corpus.mkdir()
    (corpus / "]bad [bold].txt").write_bytes(b"\xff not UTF-8")  # printed as ".../in[/]bad [bold].txt"
    (corpus / "lines.jsonl").write_text(json.dumps({"id": "x[/]", "text": ARTICLE.read_text()}) + "\n")
    out = tmp_path / "out[/red]"
    result = nerpipe("run", str(corpus), "--glob", "*", "--out", str(out), "--quiet")
    assert result.returncode == 3, result.stderr
    assert f"error {corpus / ']bad [bold].txt'}: decode: invalid UTF-8 at byte 0" in result.stderr
    assert f"1 documents written to {out}, 1 failed" in result.stderr
    shown = nerpipe("show", "x[/]", "--in", str(out), "-o", str(tmp_path / "p.html"))
    assert shown.returncode == 0, shown.stderr
    stats = nerpipe("stats", str(out))
    assert stats.returncode == 0 and "Traceback" not in stats.stderr


@pytest.mark.parametrize(
    ("args", "warning"),
    [
        (
            ["--scheduler", "tcp://127.0.0.1:1"],
            "warning: --scheduler tcp://127.0.0.1:1 is ignored without --engine dask",
        ),
        (["--glob", "*.md"], "warning: no documents found in"),
    ],
)
def test_silent_no_ops_warn(tmp_path: Path, args: list[str], warning: str) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus)
    result = nerpipe("run", str(corpus), "--out", str(tmp_path / "out"), "--quiet", *args)
    assert result.returncode == 0, result.stderr
    assert warning in result.stderr


def test_status_lines_are_not_wrapped_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / ("a-long-output-directory-name-" * 4)
    result = nerpipe("run", str(ARTICLE), "--out", str(out), "--quiet")
    assert result.returncode == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"1 documents written to {out}, 0 failed; ") and line.endswith(" words/s)")


def test_status_lines_are_whole_on_a_narrow_terminal(tmp_path: Path) -> None:
    import pty

    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus)
    (corpus / ("bad-" + "x" * 90 + ".txt")).write_bytes(b"\xff not UTF-8")
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "nerpipe", "run", str(corpus), "--out", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env,
    )  # fmt: skip
    os.close(slave)
    raw = read_pty(master)
    os.close(master)
    assert proc.wait(timeout=120) == 3
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw)
    assert f"{corpus / ('bad-' + 'x' * 90 + '.txt')}: decode: invalid UTF-8 at byte 0" in screen
    assert "1 documents written to " in screen and "1 failed" in screen and "2/2" in screen


@pytest.fixture
def silent_listener() -> Iterator[str]:
    """A loopback port that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    server.close()
    for conn in accepted:
        conn.close()


def _refused_port() -> str:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"tcp://127.0.0.1:{port}"


@pytest.mark.parametrize("scheduler", ["silent", "refused"])
def test_an_unreachable_dask_scheduler_is_one_message(
    run_dir: Path, tmp_path: Path, silent_listener: str, scheduler: str
) -> None:
    """A listener that never answers hung forever; a refused port took 30 s and 191 lines."""
    pytest.importorskip("distributed")
    address = silent_listener if scheduler == "silent" else _refused_port()
    out = tmp_path / "out"
    shutil.copytree(run_dir, out)
    before = (out / "documents.jsonl").read_bytes()
    start = time.perf_counter()
    result = nerpipe(
        "run", str(ARTICLE), "--out", str(out), "--overwrite", "--quiet",
        "--engine", "dask", "--scheduler", address, "--connect-timeout", "2",
    )  # fmt: skip
    assert time.perf_counter() - start < 60
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"no Dask scheduler answered at {address} within 2 s (")
    assert (out / "documents.jsonl").read_bytes() == before  # --overwrite deleted nothing


def test_dask_engine_without_dask_says_what_to_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['distributed'] = None; from nerpipe.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "run", str(ARTICLE), "--out", str(tmp_path / "out"), "--engine", "dask"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "--engine dask needs Dask: pip install 'nerpipe[dask]'"
