"""The `nerpipe` command: thin typer wrappers over functions that return data.

Every usage error (a bad option, a missing or unreadable file, an output directory in use) is one
line on stderr and exit 2, never a traceback. Nothing printed is read as console markup, so ids
and paths with brackets ("x[/]") print as they are, and log lines are never wrapped.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from nerpipe.corpus import DEFAULT_GLOB
from nerpipe.limits import CONNECT_TIMEOUT, TIMEOUT

if TYPE_CHECKING:
    from rich.table import Table

    from nerpipe.batch import Output
    from nerpipe.models import DocumentRecord

# The heavy modules (spaCy, the citation grammar, the pydantic models) are imported inside the
# commands that need them, so `nerpipe --help` and `nerpipe schema` stay fast (issue 14).

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Entities and archival citations from history articles."
)
out = Console(markup=False)
err = Console(stderr=True, markup=False, soft_wrap=True)

EXIT_SOME_FAILED = 3
EXIT_USAGE = 2


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help=".txt files, directories, .jsonl files, or - for stdin")],
    out_dir: Annotated[Path, typer.Option("--out", help="output directory")] = Path("outputs"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="worker processes")] = 1,
    model: Annotated[str | None, typer.Option(help="an installed spaCy pipeline whose NER to add")] = None,
    resume: Annotated[bool, typer.Option(help="skip documents already in --out")] = False,
    overwrite: Annotated[bool, typer.Option(help="replace an existing run in --out")] = False,
    glob: Annotated[
        str, typer.Option(help="file patterns inside directories, comma-separated")
    ] = DEFAULT_GLOB,
    encoding_errors: Annotated[str, typer.Option(help="strict (error record) or replace")] = "strict",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            min=0,
            help="give a document up as an error after SECONDS, plus SECONDS per million characters (0: never)",
        ),
    ] = TIMEOUT,
    connect_timeout: Annotated[
        float, typer.Option(min=0.1, help="seconds a Dask scheduler has to answer")
    ] = CONNECT_TIMEOUT,
) -> None:
    """Extract entities and citations from PATHS into DIR/documents.jsonl (+ flat files)."""
    from nerpipe.batch import EngineError, OutputError
    from nerpipe.batch import run as run_batch
    from nerpipe.corpus import count_documents

    if encoding_errors not in ("strict", "replace"):
        err.print("--encoding-errors must be 'strict' or 'replace'")
        raise typer.Exit(EXIT_USAGE)
    if engine not in ("local", "dask"):
        err.print("--engine must be 'local' or 'dask'")
        raise typer.Exit(EXIT_USAGE)
    if scheduler and engine != "dask":
        err.print(f"warning: --scheduler {scheduler} is ignored without --engine dask")
    _check_model(model, "--model")
    show = not quiet and sys.stderr.isatty()
    progress = _progress() if show else None
    done = {"words": 0, "errors": 0}

    def tick(output: Output) -> None:
        if output.error is not None:
            e = output.error
            err.print("error", style="red", end=" ")
            err.print(f"{e.source}: {e.kind}: {e.message}")
            done["errors"] += 1
        done["words"] += output.words
        if progress is not None:
            elapsed = progress.tasks[0].elapsed or 0.0
            wps = f"{done['words'] / elapsed:,.0f}" if elapsed > 0 else "-"
            progress.update(task, advance=1, wps=wps, errors=done["errors"])

    started = time.perf_counter()
    try:
        if progress is not None:
            progress.start()
            task = progress.add_task("documents", total=count_documents(paths, glob), wps="-", errors=0)
        summary = run_batch(
            paths, out_dir, jobs=jobs, model=model, resume=resume, overwrite=overwrite,
            glob=glob, encoding_errors=encoding_errors, on_result=tick,
            engine=engine, scheduler=scheduler, timeout=timeout or None, connect_timeout=connect_timeout,
            on_note=None if quiet else err.print,
        )  # fmt: skip
    except (OutputError, EngineError) as e:
        err.print(str(e))
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        if progress is not None:
            progress.stop()
    seconds = time.perf_counter() - started
    err.print(
        f"{summary.documents} documents written to {out_dir}, {summary.errors} failed"
        + (f", {summary.skipped} already done" if summary.skipped else "")
        + (f", {len(summary.changed)} changed since and processed again" if summary.changed else "")
        + f"; {summary.words:,} words in {seconds:.1f} s ({summary.words / max(seconds, 1e-9):,.0f} words/s)"
    )
    if not (summary.documents or summary.errors or summary.skipped):
        err.print(f"warning: no documents found in {' '.join(paths)} (--glob {glob!r})")
    if summary.gone:
        shown = ", ".join(map(repr, summary.gone[:10])) + (", ..." if len(summary.gone) > 10 else "")
        err.print(f"dropped {len(summary.gone)} records whose input is gone or unreadable: {shown}")
    if summary.errors:
        raise typer.Exit(EXIT_SOME_FAILED)


def _check_model(model: str | None, option: str) -> None:
    """Stop with a message when `model` is neither an installed spaCy pipeline nor a saved one."""
    import spacy

    if model and not (spacy.util.is_package(model) or Path(model, "config.cfg").is_file()):
        err.print(
            f"{option} {model}: no installed spaCy pipeline of that name "
            f"(python -m spacy download {model}, or give the directory of a saved pipeline)"
        )
        raise typer.Exit(EXIT_USAGE)


def _progress() -> Any:
    """Documents done (of how many, when the inputs tell), words per second, errors, ETA."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[wps]} words/s"), TextColumn("{task.fields[errors]} errors"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err,
    )  # fmt: skip


@app.command()
def schema() -> None:
    """Print the JSON Schema of a document record (a line of documents.jsonl)."""
    from nerpipe.models import DocumentRecord

    print(json.dumps(DocumentRecord.model_json_schema(), indent=2))


@app.command("parse-citation")
def parse_citation_cmd(text: Annotated[str, typer.Argument(help="a citation string")]) -> None:
    """Print the parsed record(s) of a citation string as JSON lines."""
    from nerpipe import parse_citation

    records = parse_citation(text)
    if not records:
        err.print(f"no citation found in {text!r}")
        raise typer.Exit(1)
    for record in records:
        print(record.to_json())


def _run_dir(documents: Path) -> Path:
    """The output directory of the run that wrote `documents` (a documents.jsonl or that directory)."""
    return documents if documents.is_dir() else documents.parent


def _texts_dir(documents: Path) -> Path:
    """The texts directory of the run that wrote `documents`."""
    from nerpipe.texts import TEXTS

    return _run_dir(documents) / TEXTS


def _documents_files(path: Path) -> list[Path]:
    """The files of document records at `path`: a file; a run's directory (its documents.jsonl);
    or a directory of gold files (every *.jsonl in it)."""
    from nerpipe.jsonl import DOCUMENTS

    if path.is_dir():
        return [path / DOCUMENTS] if (path / DOCUMENTS).is_file() else sorted(path.glob("*.jsonl"))
    return [path]


def _read_docs(path: Path) -> list[DocumentRecord]:
    """Records of a JSONL file, of a run's directory, or of every *.jsonl file in a gold directory."""
    from nerpipe.jsonl import read_models
    from nerpipe.models import DocumentRecord

    files = _documents_files(path)
    if not files:
        err.print(f"cannot read {path}: no .jsonl files in it")
        raise typer.Exit(EXIT_USAGE)
    try:
        return [doc for f in files for doc in read_models(f, DocumentRecord)]
    except (OSError, ValueError) as e:
        err.print(f"cannot read {path}: {e}")
        raise typer.Exit(EXIT_USAGE) from None


def _score_table(title: str, columns: dict[str, dict[str, Any]]) -> Table:
    from rich.table import Table

    table = Table(title=title)
    table.add_column("label")
    for name in columns:
        for metric in ("P", "R", "F"):
            table.add_column(f"{name} {metric}", justify="right")
    labels = sorted({label for report in columns.values() for label in report["ents_per_type"]})
    for label in [*labels, "micro"]:
        row = [label]
        for report in columns.values():
            if label == "micro":
                vals = (report["ents_p"], report["ents_r"], report["ents_f"])
            else:
                d = report["ents_per_type"].get(label, {"p": 0, "r": 0, "f": 0})
                vals = (d["p"], d["r"], d["f"])
            row += [f"{v:.3f}" for v in vals]
        table.add_row(*row)
    return table


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="gold JSONL file, or a directory of them")],
    pred: Annotated[Path, typer.Option(help="predicted documents.jsonl")],
    json_out: Annotated[Path | None, typer.Option("--json", help="write the report here")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="print false positives and negatives")] = False,
    baseline: Annotated[
        str | None, typer.Option(help="an installed spaCy pipeline to score beside ours")
    ] = None,
) -> None:
    """Score predictions against gold: entities (strict, lenient, untyped) and citations."""
    from rich.table import Table

    from nerpipe.evaluate import EvaluationError
    from nerpipe.evaluate import evaluate as evaluate_records
    from nerpipe.texts import SourceError, read_text

    _check_model(baseline, "--baseline")
    gold_docs, pred_docs = _read_docs(gold), _read_docs(pred)
    texts = _texts_dir(pred)
    try:
        report = evaluate_records(gold_docs, pred_docs, lambda p: read_text(p, texts))
        if baseline:
            from nerpipe.baseline import baseline_records

            report["baseline"] = {
                "model": baseline,
                **evaluate_records(gold_docs, baseline_records(baseline, pred_docs, texts)),
            }
    except (EvaluationError, SourceError, OSError) as e:
        err.print(str(e))
        raise typer.Exit(EXIT_USAGE) from None
    columns = {"nerpipe": report}
    if baseline:
        columns["baseline"] = report["baseline"]
        out.print(f"baseline = {baseline} (its labels mapped onto ours, others dropped)", markup=False)
    out.print(_score_table("Entities, strict", columns))
    out.print(_score_table("Entities, lenient (overlap)", {k: v["lenient"] for k, v in columns.items()}))
    out.print(f"untyped (boundaries only): F {report['untyped']['ents_f']:.3f}")
    if (
        not report["citations"]["detection"]["ALL"]["tp"]
        + report["citations"]["detection"]["ALL"]["fn"]
        + report["citations"]["detection"]["ALL"]["fp"]
    ):
        out.print("no citations in the gold or the predictions")
        _write_report(report, json_out, errors)
        return
    cites = Table(title="Citations")
    for col in ("kind", "P", "R", "F", "gold", "pred"):
        cites.add_column(col, justify="right" if col != "kind" else "left")
    for kind, d in report["citations"]["detection"].items():
        cites.add_row(
            kind,
            f"{d['p']:.3f}",
            f"{d['r']:.3f}",
            f"{d['f']:.3f}",
            str(d["tp"] + d["fn"]),
            str(d["tp"] + d["fp"]),
        )
    out.print(cites)
    fields = Table(title="Citation fields (accuracy over matched pairs)")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    fields.add_column("n", justify="right")
    for name, d in report["citations"]["fields"].items():
        fields.add_row(name, f"{d['accuracy']:.3f}" if d["accuracy"] is not None else "-", str(d["n"]))
    out.print(fields)
    _write_report(report, json_out, errors)


def _write_report(report: dict[str, Any], json_out: Path | None, errors: bool) -> None:
    """Print the error lists if asked, and write the JSON report if asked."""
    from nerpipe.texts import atomic_path

    if errors:
        for kind, rows in report["errors"].items():
            out.print(f"{kind} ({len(rows)})", style="bold")
            for row in rows:
                out.print("  " + json.dumps(row, ensure_ascii=False), highlight=False, soft_wrap=True)
    if json_out:
        try:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(json_out) as tmp:
                tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as e:
            err.print(f"cannot write {json_out}: {e}")
            raise typer.Exit(EXIT_USAGE) from None


@app.command("validate-gold")
def validate_gold_cmd(
    path: Annotated[Path, typer.Argument(help="gold JSONL file, or a directory of them")],
    texts: Annotated[
        list[Path] | None, typer.Option("--texts", help="directories holding ID.txt (default: corpus/)")
    ] = None,
) -> None:
    """Check a gold file: offsets, text equality, labels, overlaps, citation fields and links."""
    from nerpipe.corpus import InputDoc, iter_documents
    from nerpipe.gold import validate_gold

    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for where in [*files, *(texts or [Path("corpus")])]:
        if not where.exists():
            err.print(f"no such file or directory: {where}")
            raise typer.Exit(EXIT_USAGE)
    if not files:
        err.print(f"no .jsonl files in {path}")
        raise typer.Exit(EXIT_USAGE)
    found = {d.id: d.text for d in iter_documents(texts or [Path("corpus")]) if isinstance(d, InputDoc)}
    report: dict[str, list[str]] = {}
    for f in files:
        try:
            report |= validate_gold(f, found)
        except (OSError, UnicodeDecodeError) as e:
            err.print(f"cannot read {f}: {e}")
            raise typer.Exit(EXIT_USAGE) from None
    bad = {k: v for k, v in report.items() if v}
    for doc_id, problems in bad.items():
        for problem in problems:
            out.print(f"{doc_id}: {problem}", soft_wrap=True)
    out.print(f"{len(report)} documents checked, {len(bad)} with problems")
    if bad:
        raise typer.Exit(1)


@app.command("import-gold")
def import_gold_cmd(
    path: Annotated[Path, typer.Argument(help="an annotation tool's export (JSON or JSONL)")],
    tool: Annotated[str, typer.Option("--from", help="label-studio, prodigy or doccano")],
    output: Annotated[Path, typer.Option("--output", "-o", help="the gold JSONL file to write")],
) -> None:
    """Turn corrected annotations (Label Studio, Prodigy, doccano) into a gold file that
    `nerpipe evaluate` scores nerpipe against; each document is validated first."""
    from nerpipe.gold import validate_document
    from nerpipe.interchange import TOOLS, GoldImportError, import_gold
    from nerpipe.texts import atomic_path

    if tool not in TOOLS:
        err.print(f"unknown tool {tool!r}; choose one of {', '.join(TOOLS)}")
        raise typer.Exit(EXIT_USAGE)
    try:
        raw = path.read_text(encoding="utf-8")
        golds = import_gold(raw, tool)
    except (OSError, UnicodeDecodeError, GoldImportError) as e:
        err.print(f"cannot import {path}: {e}")
        raise typer.Exit(EXIT_USAGE) from None
    problems = [f"{g.id}: {p}" for g, text in golds for p in validate_document(g, text)]
    if problems:
        for problem in problems:
            err.print(problem, soft_wrap=True)
        raise typer.Exit(1)
    try:
        with atomic_path(output) as tmp:
            tmp.write_text("".join(g.to_json() + "\n" for g, _ in golds), encoding="utf-8")
    except OSError as e:
        err.print(f"cannot write {output}: {e}")
        raise typer.Exit(EXIT_USAGE) from None
    err.print(f"{len(golds)} gold documents written to {output}")


@app.command()
def citations(
    documents: Annotated[Path, typer.Argument(help="documents.jsonl")],
    csv: Annotated[Path | None, typer.Option(help="write the index as CSV")] = None,
) -> None:
    """Index the archive units cited across a corpus: citations, pages and documents per unit."""
    from rich.table import Table

    from nerpipe import index as index_mod

    rows = index_mod.archive_index(_read_docs(documents))
    if csv:
        try:
            index_mod.write_csv(rows, csv)
        except OSError as e:
            err.print(f"cannot write {csv}: {e}")
            raise typer.Exit(EXIT_USAGE) from None
    table = Table(title="Archive units")
    for col in ("archive", "fund", "inventory", "file", "citations", "pages", "documents"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r.archive or "?",
            r.fund,
            r.inventory or "",
            r.file,
            str(r.citations),
            r.pages_text,
            ", ".join(r.documents),
        )
    out.print(table)


@app.command("export")
def export_cmd(
    documents: Annotated[Path, typer.Argument(help="documents.jsonl")],
    to: Annotated[
        str, typer.Option("--to", help="prodigy, spacy, docbin, conll, csv, csl-json, tei or label-studio")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="output file (default: beside the input)")
    ] = None,
) -> None:
    """Export documents to the formats annotation tools, pandas and Zotero read."""
    from nerpipe.export import FORMATS, ExportError, export
    from nerpipe.jsonl import DOCUMENTS
    from nerpipe.texts import SourceError

    if to not in FORMATS:
        err.print(f"unknown format {to!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(EXIT_USAGE)
    suffix = {
        "docbin": ".spacy", "conll": ".conll", "csv": ".csv", "csl-json": ".csl.json",
        "tei": ".tei",  # a directory of one TEI file per document
        "label-studio": ".label-studio.json",  # tasks, and the labeling config beside them (.xml)
    }.get(to, f".{to}.jsonl")  # fmt: skip
    target = output or _run_dir(documents) / (Path(DOCUMENTS).stem + suffix)
    records = _read_docs(documents)
    try:
        n = export(records, to, target, _texts_dir(documents))
    except SourceError as e:
        err.print(str(e))
        raise typer.Exit(1) from None
    except (ExportError, OSError) as e:
        err.print(f"cannot write {target}: {e}")
        raise typer.Exit(EXIT_USAGE) from None
    err.print(f"{n} items written to {target}")


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="the document's id")],
    in_dir: Annotated[Path, typer.Option("--in", help="the run's output directory")] = Path("outputs"),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="HTML file (default: DOC_ID.html)")
    ] = None,
) -> None:
    """Write a self-contained HTML page of one document: entities, citations, side panels."""
    from nerpipe.jsonl import DOCUMENTS
    from nerpipe.show import render
    from nerpipe.texts import TEXTS, SourceError, atomic_path, read_text, text_name

    docs = {d.id: d for d in _read_docs(in_dir / DOCUMENTS)}
    if doc_id not in docs:
        err.print(f"no document {doc_id!r} in {in_dir / DOCUMENTS}")
        raise typer.Exit(EXIT_USAGE)
    try:
        text = read_text(docs[doc_id], in_dir / TEXTS)
    except SourceError as e:
        err.print(str(e))
        raise typer.Exit(1) from None
    target = output or Path(text_name(doc_id)).with_suffix(".html")
    try:
        with atomic_path(target) as tmp:
            tmp.write_text(render(docs[doc_id], text), encoding="utf-8")
    except OSError as e:
        err.print(f"cannot write {target}: {e}")
        raise typer.Exit(EXIT_USAGE) from None
    err.print(f"wrote {target}")


@app.command()
def stats(
    documents: Annotated[Path, typer.Argument(help="documents.jsonl")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
    top: Annotated[int, typer.Option(help="how many entities to list")] = 10,
) -> None:
    """Counts per label, most-mentioned entities, citations per archive and kind, errors."""
    from rich.table import Table

    from nerpipe.jsonl import ERRORS, read_models
    from nerpipe.models import ErrorRecord
    from nerpipe.stats import corpus_stats

    docs = _read_docs(documents)
    errors_path = _run_dir(documents) / ERRORS
    errors = list(read_models(errors_path, ErrorRecord)) if errors_path.exists() else []
    data = corpus_stats(docs, errors, top)
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    out.print(f"{data['documents']} documents, {data['errors']} errors {data['errors_per_kind'] or ''}")
    for key, title in (
        ("spans_per_label", "Spans per label"),
        ("citations_per_kind", "Citations per kind"),
        ("citations_per_archive", "Archival citations per archive"),
    ):
        table = Table(title=title)
        table.add_column("")
        table.add_column("count", justify="right")
        for name, n in data[key].items():
            table.add_row(name, str(n))
        out.print(table)
    table = Table(title="Most-mentioned entities")
    for col in ("entity", "label", "id", "mentions"):
        table.add_column(col)
    for e in data["top_entities"]:
        table.add_row(e["name"], e["label"], e["id"], str(e["mentions"]))
    out.print(table)


def main() -> None:
    """Console-script entry point."""
    app()
