"""Run the pipeline over many documents: ordered, parallel, resumable, fault-tolerant.

Workers (`--jobs N`) each build the pipeline once and send back each document's rendered JSON
lines (`Output`), not spaCy Docs or records: the parent process only writes them.
The parent writes each document's text to `DIR/texts/` (`texts.py`) before its line, so
exports and `show` find the text the offsets point into. Each document runs inside `nlp.memory_zone()`, so the StringStore does not grow without bound
over millions of documents; the words a corpus keeps using are kept, up to a bound
(`memory.KeptWords`). A document that fails (bad input, a component that raises, or one that
runs past its time budget, `time_budget`) becomes a line of `errors.jsonl`; the batch goes on.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import multiprocessing as mp
import shutil
import signal
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from spacy.language import Language

from nerpipe.corpus import DEFAULT_GLOB, InputDoc, InputError, Item, iter_documents
from nerpipe.jsonl import (
    OUTPUT_FILES,
    OutputError,
    Writer,
    citation_rows,
    compact,
    entity_lines,
    lock_output,
    repair_for_resume,
    spool_document,
)
from nerpipe.limits import CONNECT_TIMEOUT, TIMEOUT
from nerpipe.memory import document_zone
from nerpipe.models import DocumentRecord, ErrorRecord
from nerpipe.records import sha256
from nerpipe.texts import TEXTS, text_name, write_text

# Documents processed between two flushes of the output files (one job).
BATCH_SIZE = 16
# Documents handed to a `--jobs` worker at a time: small, so that the workers finish together
# (with 16, the last batches of a 70-document run kept one worker busy seconds after the other).
POOL_BATCH = 4
# Batches in flight per worker: the parent reads ahead only this far, never a whole corpus.
IN_FLIGHT = 4
# Below this many words in all, or with fewer documents than jobs, `--jobs N` runs in one
# process: each worker pays for building the pipeline and for learning the corpus's common words
# anew, which a small input does not pay back (issue 14: 2 jobs took 0.8x of 1 on the 44,738
# words of the real texts).
MIN_PARALLEL_WORDS = 200_000
# Words of a text longer than this are counted slice by slice (`count_words`).
PART_CHARS = 1_000_000
# Where a run's workers write a long document's lines before the writer copies them (`--out`).
SPOOL = ".spool"

Result = DocumentRecord | ErrorRecord


class OutputExistsError(OutputError):
    """The output directory already holds a run: resume it or overwrite it."""


@dataclass
class Summary:
    """What a run did."""

    documents: int = 0
    errors: int = 0
    skipped: int = 0
    words: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)  # resumed: inputs edited since, processed again
    gone: list[str] = field(default_factory=list)  # resumed: records dropped, their input gone or unreadable


_NLP: Language | None = None  # the pipeline of this process (each worker builds its own)
_TIMEOUT: float | None = TIMEOUT  # the time budget of this process's documents
_SPOOL: Path | None = None  # where this process writes a long document's lines (None: in memory)


def _worker_init(model: str | None, timeout: float | None = TIMEOUT, spool: Path | None = None) -> None:
    global _NLP, _TIMEOUT, _SPOOL
    from nerpipe.pipeline import build_nlp

    _NLP = build_nlp(model)
    _TIMEOUT, _SPOOL = timeout, spool
    # the pipeline (gazetteer Docs, lexicon, patterns) lives as long as the process: keep its
    # objects out of the cyclic garbage collector's full passes
    gc.freeze()


class DocumentTimeout(Exception):
    """A document ran past its time budget."""


def budget(timeout: float | None, text: str) -> float | None:
    """Seconds a document may take: `timeout`, plus as many per million characters."""
    return timeout * (1 + len(text) / 1_000_000) if timeout else None


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` inside the block once `seconds` have passed.

    In the main thread (one job, and each `--jobs` worker) a timer signal raises it, which
    interrupts Python code, regular expressions and spaCy's tokenizer; in another thread (a Dask
    worker's) it is raised in that thread by the interpreter, between two Python bytecodes.
    """
    if not seconds:
        yield
        return

    def expire(*_: object) -> None:
        raise DocumentTimeout(f"gave up after {seconds:.0f} s")

    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    thread = ctypes.c_ulong(threading.get_ident())
    lock, active = threading.Lock(), [True]

    def interrupt() -> None:
        with lock:
            if active[0]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, interrupt)
    timer.start()
    try:
        yield
    finally:
        with lock:
            active[0] = False
            timer.cancel()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, None)  # one not raised yet: drop it


def process(item: Item, nlp: Language | None = None, timeout: float | None = None) -> Result:
    """One input -> its record, or the error that stopped it (`timeout`: see `budget`)."""
    if isinstance(item, InputError):
        return ErrorRecord(id=item.id, source=item.source, kind=item.kind, message=item.message)
    from nerpipe.extract import extract

    nlp = nlp or _NLP
    assert nlp is not None, "the pipeline was not built"
    try:
        with time_budget(budget(timeout, item.text)), document_zone(nlp, item.text):
            return extract(item.text, item.id, nlp=nlp, source=item.source, meta=item.meta, pages=item.pages)
    except Exception as err:  # a component that raises must not stop the batch
        return _failure(item, err, timeout)


def _failure(item: InputDoc, err: Exception, timeout: float | None) -> ErrorRecord:
    """The error row of a document whose processing raised `err` or ran out of time."""
    if isinstance(err, DocumentTimeout):
        return ErrorRecord(
            id=item.id,
            source=item.source,
            kind="timeout",
            message=f"gave up after {budget(timeout, item.text) or 0:.0f} s, the budget of "
            f"{len(item.text):,} characters (--timeout {timeout or 0:g}: seconds per document, "
            "plus as many per million characters)",
        )
    return ErrorRecord(
        id=item.id, source=item.source, kind="component", message=f"{type(err).__name__}: {err}"
    )


@dataclass(frozen=True)
class Output:
    """One processed input, ready to write: its JSON lines, or its error.

    Workers send these back, so the parent process only writes lines: decoding records there
    and encoding them again took a third of a core from the workers it shares the machine with.
    """

    id: str
    words: int
    document: str | None = None  # the line of documents.jsonl
    entities: tuple[str, ...] = ()  # its lines of entities.jsonl
    citations: tuple[str, ...] = ()  # its lines of citations.jsonl
    error: ErrorRecord | None = None
    spool: str | None = None  # a long document's lines are in files there (`jsonl.spool_document`)


def render(result: Result, words: int = 0) -> Output:
    """A record's output lines (`jsonl.entity_lines`, ...), or its error."""
    if isinstance(result, ErrorRecord):
        return Output(result.id, words, error=result)
    return Output(
        result.id,
        words,
        document=result.to_json(),
        entities=tuple(entity_lines(result)),
        citations=tuple(row.to_json() for row in citation_rows(result)),
    )


def process_output(
    item: Item, nlp: Language | None = None, timeout: float | None = None, spool: Path | None = None
) -> Output:
    """One input -> its output lines (what a worker sends back).

    A text longer than spaCy's `max_length` is processed part by part, and with a `spool`
    directory its lines go to files there as the parts are done (`jsonl.spool_document`), so
    its memory does not grow with its length: the writer copies them into the output files.
    """
    if isinstance(item, InputError):
        return render(process(item), 0)
    words = count_words(item.text)
    nlp = nlp or _NLP
    assert nlp is not None, "the pipeline was not built"
    if spool is None or len(item.text) <= nlp.max_length:
        return render(process(item, nlp, timeout), words)
    from nerpipe.extract import parts

    spool.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="document-", dir=spool))
    try:
        with time_budget(budget(timeout, item.text)), document_zone(nlp, item.text):
            spool_document(
                parts(nlp, item.text),
                item.id,
                sha256(item.text),
                item.source,
                item.meta,
                directory,
                item.pages,
            )
    except Exception as err:
        shutil.rmtree(directory)
        return Output(item.id, words, error=_failure(item, err, timeout))
    return Output(item.id, words, spool=str(directory))


def count_words(text: str) -> int:
    """Whitespace-separated words, counted without a list of them when the text is long."""
    if len(text) <= PART_CHARS:
        return len(text.split())
    return sum(len(text[a:b].split()) for a, b in _slices(text))


def _slices(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) slices of about `PART_CHARS` covering `text`, cut at whitespace."""
    start = 0
    while start < len(text):
        end = min(len(text), start + PART_CHARS)
        while end < len(text) and not text[end].isspace():
            end += 1
        yield start, end
        start = end


def _process_batch(items: list[Item]) -> list[Output]:
    """Worker side: the output lines of each item, in order."""
    return [process_output(item, timeout=_TIMEOUT, spool=_SPOOL) for item in items]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dask_batch(items: list[Item], model: str | None, timeout: float | None) -> list[Output]:
    """Runs on a Dask worker: the pipeline is built once per worker process and kept."""
    if _NLP is None:
        _worker_init(model, timeout)
    return _process_batch(items)


class EngineError(RuntimeError):
    """The Dask engine cannot start: Dask is not installed, or no scheduler answers."""


def dask_client(scheduler: str | None, connect_timeout: float = CONNECT_TIMEOUT) -> Any:
    """A Dask client of the scheduler at `scheduler`, or of a local cluster when it is None.

    The scheduler must answer within `connect_timeout` seconds: distributed's own `Client`
    waits forever on a listener that accepts and never answers.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'nerpipe[dask]'") from None
    if not scheduler:
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        return Client(cluster)
    try:
        with ThreadPoolExecutor(1) as pool:  # a loop of its own, whatever loop the caller runs
            pool.submit(asyncio.run, _identity(scheduler, connect_timeout)).result()
    except (OSError, ValueError) as err:
        reason = str(err) or type(err).__name__
        raise EngineError(
            f"no Dask scheduler answered at {scheduler} within {connect_timeout:g} s ({reason}); "
            "start one there with `dask scheduler`, or give --connect-timeout more seconds"
        ) from None
    return Client(scheduler, timeout=connect_timeout)


async def _identity(address: str, timeout: float) -> Any:
    """Ask the scheduler at `address` who it is, each step bounded by `timeout` seconds."""
    from distributed.comm.core import connect

    comm = await asyncio.wait_for(connect(address, timeout=timeout), timeout)
    try:
        await asyncio.wait_for(comm.write({"op": "identity"}), timeout)
        return await asyncio.wait_for(comm.read(), timeout)
    finally:
        comm.abort()


def dask_results(
    items: Iterable[Item],
    client: Any,
    model: str | None = None,
    window: int = 8,
    timeout: float | None = TIMEOUT,
) -> Iterator[list[Output]]:
    """Process batches with a Dask `client` (`dask_client`), in input order; closes the client
    (and its local cluster) when done.

    At most `window` batches are in flight, so a large corpus never sits in memory at once.
    """
    try:
        pending: deque[Any] = deque()
        for batch in _batches(items, BATCH_SIZE):
            pending.append(client.submit(_dask_batch, batch, model, timeout, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        close_client(client)


def close_client(client: Any) -> None:
    """Close a Dask client of `dask_client`, and its local cluster if it has one."""
    if client is None:
        return
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


def results(
    items: Iterable[Item],
    jobs: int = 1,
    model: str | None = None,
    timeout: float | None = TIMEOUT,
    spool: Path | None = None,
    min_words: int = MIN_PARALLEL_WORDS,
    on_note: Callable[[str], Any] | None = None,
) -> Iterator[list[Output]]:
    """Process `items` in input order, in batches, with `jobs` worker processes (on this machine:
    they may write long documents' lines to `spool` for the writer to copy).

    With `jobs` > 1 the inputs are read ahead until they hold `min_words` words and `jobs`
    documents; an input smaller than that runs in this process, and `on_note` is told why.
    """
    if jobs > 1:
        items, small = _read_ahead(items, jobs, min_words)
        if small is not None:
            if on_note:
                on_note(f"--jobs {jobs}: {small}, so one process does it (workers would not pay off)")
            jobs = 1
    if jobs <= 1:
        _worker_init(model, timeout, spool)
        for batch in _batches(items, BATCH_SIZE):
            yield _process_batch(batch)
        return
    ctx: Any
    if mp.get_start_method(allow_none=True) == "spawn":
        ctx = mp.get_context("spawn")
        init: tuple[Callable[..., None] | None, tuple[Any, ...]] = (_worker_init, (model, timeout, spool))
    else:
        # forked workers share the pipeline the parent builds once (copy on write, frozen out
        # of the garbage collector): one build in CPU time instead of one per worker
        ctx = mp.get_context("fork")
        _worker_init(model, timeout, spool)
        init = (None, ())
    with ctx.Pool(jobs, initializer=init[0], initargs=init[1]) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(items, POOL_BATCH):
            pending.append(pool.apply_async(_process_batch, (batch,)))
            if len(pending) >= IN_FLIGHT * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _read_ahead(items: Iterable[Item], jobs: int, min_words: int) -> tuple[Iterator[Item], str | None]:
    """The items again, and why they are too few for `jobs` workers (None: they are not)."""
    it = iter(items)
    head: list[Item] = []
    words = documents = 0
    for item in it:
        head.append(item)
        if isinstance(item, InputDoc):
            documents += 1
            words += count_words(item.text)
        if words >= min_words and documents >= jobs:
            return chain(head, it), None
    if documents < jobs:
        return iter(head), f"{documents} document{'s' * (documents != 1)} to process"
    if words < min_words:
        return iter(head), f"{words:,} words to process (fewer than {min_words:,})"
    return iter(head), None


def prepare_output(out_dir: Path, resume: bool, overwrite: bool) -> tuple[dict[str, str], bool]:
    """Check the output directory; return the id -> `text_sha256` of the documents done, which a
    resumed run skips when their input is unchanged, and whether an id is there twice."""
    if resume and overwrite:
        raise OutputError("--resume and --overwrite contradict each other: choose one")
    texts = out_dir / TEXTS
    for stale in [*out_dir.glob(".*.tmp"), *texts.glob(".*.tmp")]:  # a killed run's half-written files
        stale.unlink()
    shutil.rmtree(out_dir / SPOOL, ignore_errors=True)
    existing = [out_dir / name for name in OUTPUT_FILES if (out_dir / name).exists()]
    if texts.is_dir() and any(texts.iterdir()):
        existing.append(texts)
    if existing and resume:
        return repair_for_resume(out_dir)
    if existing and not overwrite:
        raise OutputExistsError(
            f"{out_dir} already holds a run ({existing[0].name}); use --resume or --overwrite"
        )
    for path in existing:
        if path == texts:
            for text in texts.iterdir():
                text.unlink()
        else:
            path.unlink()
    return {}, False


def run(
    paths: Iterable[str | Path],
    out_dir: Path,
    *,
    jobs: int = 1,
    model: str | None = None,
    resume: bool = False,
    overwrite: bool = False,
    glob: str = DEFAULT_GLOB,
    encoding_errors: str = "strict",
    on_result: Callable[[Output], Any] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    timeout: float | None = TIMEOUT,
    connect_timeout: float = CONNECT_TIMEOUT,
    min_parallel_words: int = MIN_PARALLEL_WORDS,
    on_note: Callable[[str], Any] | None = None,
) -> Summary:
    """Process every document under `paths` into `out_dir`; see the module docstring.

    One run at a time writes `out_dir` (`jsonl.lock_output`). `resume` skips the documents done
    whose text is unchanged, processes the rest (errors included) and then drops the records of
    inputs that changed or are gone; a changed input's record moves to the end. `on_result` is
    called with each `Output` as it is written (the CLI's progress bar). `timeout` is each
    document's time budget (`budget`; None: no limit); a Dask `scheduler` must answer within
    `connect_timeout` seconds, checked before anything in `out_dir` changes. With `jobs` > 1,
    an input of fewer than `min_parallel_words` words runs in one process (`results`), and
    `on_note` is told so.
    """
    with lock_output(out_dir):
        if resume and overwrite:  # before a Dask cluster is started for nothing
            raise OutputError("--resume and --overwrite contradict each other: choose one")
        client = dask_client(scheduler, connect_timeout) if engine == "dask" else None
        try:
            done, twice = prepare_output(out_dir, resume, overwrite)
        except BaseException:
            close_client(client)
            raise
        summary = Summary()
        inputs: dict[str, str] = {}  # id -> text_sha256 of every input read, when resuming
        items = _to_process(
            iter_documents(paths, glob, encoding_errors), out_dir / TEXTS, done, inputs, summary
        )
        with Writer(out_dir) as writer:
            batches = (
                dask_results(items, client, model, timeout=timeout)
                if client is not None
                else results(items, jobs, model, timeout, out_dir / SPOOL, min_parallel_words, on_note)
            )
            for batch in batches:
                for output in batch:
                    if output.error is not None:
                        writer.write_error(output.error)
                        summary.errors += 1
                        kind = output.error.kind
                        summary.error_kinds[kind] = summary.error_kinds.get(kind, 0) + 1
                    elif output.document is not None or output.spool is not None:
                        if output.spool is not None:
                            writer.write_spool(Path(output.spool))
                        else:
                            writer.write_lines(output.document or "", output.entities, output.citations)
                        summary.documents += 1
                        summary.words += output.words
                    if on_result:
                        on_result(output)
                writer.flush()
        if done and (twice or summary.changed or set(done) - set(inputs)):
            # records of inputs edited since (processed again above) or gone (or now unreadable)
            summary.gone = [i for i in compact(out_dir, inputs) if i not in inputs]
            for doc_id in set(summary.gone):
                (out_dir / TEXTS / text_name(doc_id)).unlink(missing_ok=True)
    return summary


def _to_process(
    items: Iterable[Item], texts_dir: Path, done: dict[str, str], inputs: dict[str, str], summary: Summary
) -> Iterator[Item]:
    """The inputs still to process, each document's text written to `texts_dir` first (before its
    line can be). A resumed run skips a document whose id is done with the same text (counted as
    skipped, its text written if missing) and notes the id and text of every input in `inputs`."""
    for item in items:
        if isinstance(item, InputDoc) and done:
            sha = inputs[item.id] = sha256(item.text)
            if done.get(item.id) == sha:
                summary.skipped += 1
                if not (texts_dir / text_name(item.id)).exists():
                    write_text(texts_dir, item)
                continue
            if item.id in done:
                summary.changed.append(item.id)
        if isinstance(item, InputDoc):
            write_text(texts_dir, item)
        yield item


__all__ = [
    "EngineError",
    "InputDoc",
    "Output",
    "OutputError",
    "OutputExistsError",
    "Summary",
    "process",
    "process_output",
    "results",
    "run",
]
