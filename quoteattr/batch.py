"""Attribution in worker processes: input order kept, input streamed, errors in place.

:meth:`Attributor.attribute_many` hands work here when ``n_process`` is not 1. Each worker
process gets one Attributor, unpickled once by the pool initializer (its ``__reduce__``
sends only the annotator choice and a custom lexicon, so this is cheap). Documents go out
in chunks of ``batch_size``, and at most ``_CHUNKS_PER_WORKER`` chunks per worker are in
flight, so an unbounded iterator of texts never sits in memory. The workers run the
serial ``attribute_many`` on each chunk, so a failed document becomes the same error
record as in a serial run. Results travel back as plain tuples of their validated values
(packed.py): the parent, the one step that does not run in parallel, rebuilds the records
without validating them again, six times cheaper than reading their JSON. Pickle moves any
str exactly, lone surrogates included, so every document comes back, in order, with its own
doc id; one whose result cannot be read gets an error record instead. The parent
re-attaches its own text to each result.

On Linux the workers are forked when that is safe (:func:`_start_method`): they start in
milliseconds with the parent's Attributor already built, instead of importing quoteattr
and building the lexicon again, which cost a tenth of the work on a few thousand articles.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .annotation import Annotator
from .annotators.embedded import EmbeddedAnnotator
from .annotators.parsed import expect_text, is_parsed, parsed_text
from .errors import QuoteattrError
from .many import DocIds
from .packed import Packed, pack, unpack
from .records import DocumentResult

_CHUNKS_PER_WORKER = 2
"""Chunks in flight per worker: one being processed and one queued, so no worker waits."""

_PARENT_POLL_SECONDS = 0.5
"""How often a worker checks that its parent is alive: it exits at most this long after."""

_ChunkResult = list[Packed | QuoteattrError]
"""Per document, its packed result, or the wrong-argument error that ended the chunk."""



class Attributor(Protocol):
    """What the pool runs: the serial loop of :class:`quoteattr.Attributor`, received as a
    value (pickled into each worker), so this module never imports the pipeline above it."""

    annotator: Annotator
    """Which annotator it runs: the pool forks its workers only for the embedded one."""

    def _attribute_each(
        self, texts: Iterable[str | Any], ids: DocIds
    ) -> Iterator[DocumentResult]:
        """Attribute each text in turn; a failed document becomes an error record."""
        ...


_worker_attributor: Attributor | None = None
"""The one Attributor of a worker process, set by the pool initializer; unused in the parent."""


@dataclass(slots=True)
class _Chunk:
    """Documents sent to a worker together, and an error to raise once their results are out."""

    texts: list[Any] = field(default_factory=list)
    """Texts, or parsed documents (stanza Documents, spaCy Docs), which pickle."""
    doc_ids: list[str | None] = field(default_factory=list)
    error: Exception | None = None


def process_count(n_process: int) -> int:
    """``n_process``, with -1 meaning one process per core this process may run on."""
    if n_process != -1:
        return n_process
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def attribute_in_processes(
    attributor: Attributor,
    texts: Iterable[str],
    doc_ids: Iterable[str | None] | None,
    *,
    n_process: int,
    batch_size: int,
) -> Iterator[DocumentResult]:
    """Results of ``attributor`` on ``texts`` in input order, computed by worker processes.

    The arguments are checked by the caller. With one process the serial path runs, since
    a pool would only add its start-up time.
    """
    workers = process_count(n_process)
    if workers == 1:
        return attributor._attribute_each(texts, DocIds(doc_ids))
    return _stream(attributor, texts, doc_ids, workers=workers, batch_size=batch_size)


def _stream(
    attributor: Attributor,
    texts: Iterable[str],
    doc_ids: Iterable[str | None] | None,
    *,
    workers: int,
    batch_size: int,
) -> Iterator[DocumentResult]:
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(_start_method(attributor)),
        initializer=_init_worker,
        initargs=(attributor, os.getpid()),
    )
    in_flight: deque[tuple[_Chunk, Future[_ChunkResult] | None]] = deque()
    try:
        for chunk in _chunks(texts, doc_ids, batch_size):
            future = None
            if chunk.texts:
                future = pool.submit(_attribute_chunk, chunk.texts, chunk.doc_ids)
            in_flight.append((chunk, future))
            if len(in_flight) >= workers * _CHUNKS_PER_WORKER:
                yield from _collect(*in_flight.popleft())
        while in_flight:
            yield from _collect(*in_flight.popleft())
    finally:
        # Also reached when the caller stops early or an error is raised: queued chunks
        # are dropped and only the ones already running are waited for.
        pool.shutdown(wait=True, cancel_futures=True)


def _start_method(attributor: Attributor) -> str:
    """"fork" where it is safe, else "spawn" (which behaves the same on every platform).

    Forking is safe on Linux when this process runs a single thread (counted by the
    kernel, so threads of C libraries count too: a fork copies a lock another thread
    holds, and the child can deadlock on it), and the annotator is the embedded one
    (a stanza annotator's torch must not be forked). The pool forks its workers before
    it starts a thread of its own. macOS is left to spawn: its system libraries are not
    fork-safe.
    """
    if not sys.platform.startswith("linux") or "torch" in sys.modules:
        return "spawn"
    if type(attributor.annotator) is not EmbeddedAnnotator:
        return "spawn"
    try:
        threads = sum(1 for _ in Path("/proc/self/task").iterdir())
    except OSError:
        return "spawn"
    return "fork" if threads == 1 else "spawn"


def _chunks(
    texts: Iterable[str], doc_ids: Iterable[str | None] | None, size: int
) -> Iterator[_Chunk]:
    """Group the input into chunks; stop at a non-str item or a failing input iterator.

    The failure travels with the chunk of the documents before it, so it is raised where
    the serial path raises it: after every earlier result.
    """
    items = iter(texts)
    ids = DocIds(doc_ids)
    chunk = _Chunk()
    n = 0
    while True:
        try:
            text = next(items)
            doc_id = ids.next_for(n)
            chunk.texts.append(text if is_parsed(text) else expect_text(text, f"texts[{n}]"))
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - raised in its place by _collect
            chunk.error = exc
            yield chunk
            return
        chunk.doc_ids.append(doc_id)
        n += 1
        if len(chunk.texts) == size:
            yield chunk
            chunk = _Chunk()
    if chunk.texts:
        yield chunk


def _collect(chunk: _Chunk, future: Future[_ChunkResult] | None) -> Iterator[DocumentResult]:
    """Yield one chunk's results with their texts re-attached, then raise its error, if any.

    The chunk's records are rebuilt with the cyclic garbage collector paused: they hold no
    cycles, and each of its runs would walk every result the caller keeps, which made the
    collector cost five times the rebuilding on 2,400 kept articles. The pause is over
    before the first result is yielded, and it does not switch on a collector that the
    caller switched off.
    """
    items = future.result() if future else []
    results: list[DocumentResult] = []
    wrong: QuoteattrError | None = None
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        for text, doc_id, item in zip(chunk.texts, chunk.doc_ids, items, strict=False):
            if isinstance(item, QuoteattrError):
                wrong = item  # a wrong argument (a doc_id that is not a str): the caller's
                break
            results.append(_received(item, text if isinstance(text, str) else (
                parsed_text(text) or ""), doc_id))  # a parsed document: its own text
    finally:
        if paused:
            gc.enable()
    yield from results
    if wrong is not None:
        raise wrong
    if chunk.error is not None:
        raise chunk.error


def _received(item: Packed, text: str, doc_id: str | None) -> DocumentResult:
    """One document's result rebuilt from its packed values, or an error record in its place.

    Pickle gives back exactly what the worker packed, so nothing is expected to fail here;
    if something does, the document still gets its own record, with its own doc id.
    """
    try:
        result = unpack(item, text)  # the caller's own string, as in a serial run
    except Exception as exc:  # noqa: BLE001 - one unreadable result must not end the batch
        return DocumentResult(doc_id=doc_id, error=f"TransportError: {type(exc).__name__}: {exc}")
    if result.doc_id != doc_id:
        return DocumentResult(doc_id=doc_id, error=(
            f"TransportError: the worker's result came back with doc id {result.doc_id!r}"))
    if result.error is not None:
        result._attach_text(None)  # as the serial path's error records: no text
    return result


def _init_worker(attributor: Attributor, parent_pid: int) -> None:
    """Pool initializer: keep the Attributor; leave Ctrl-C to the parent; exit when the
    parent is gone."""
    global _worker_attributor  # noqa: PLW0603 - one Attributor per worker process, by design
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_attributor = attributor
    # The lexicon, patterns and modules live as long as the worker: out of the collector's
    # reach, its full runs walk only the documents in hand (and forked pages stay shared).
    gc.freeze()
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True,
                     name="quoteattr-parent-watch").start()


def _exit_with_parent(parent_pid: int) -> None:
    """Watchdog thread of a worker: end the process once its parent has died.

    A parent killed outright (SIGKILL, the OOM killer) cannot shut its pool down, and the
    workers would wait for work forever. Two signs of a dead parent, checked every
    ``_PARENT_POLL_SECONDS``: multiprocessing's sentinel of the parent (a pipe the parent
    holds open; works on Windows too), and on POSIX a changed parent pid (the orphan is
    handed to another process). Not Linux's PR_SET_PDEATHSIG: that fires when the *thread*
    that started the worker ends, which may be long before the parent does.
    """
    parent = multiprocessing.parent_process()
    while True:
        if parent is not None:
            parent.join(_PARENT_POLL_SECONDS)  # returns early when the parent's pipe closes
        else:
            time.sleep(_PARENT_POLL_SECONDS)
        orphaned = os.name == "posix" and os.getppid() != parent_pid
        if orphaned or (parent is not None and not parent.is_alive()):
            os._exit(1)


def _attribute_chunk(texts: list[Any], doc_ids: list[str | None]) -> _ChunkResult:
    """Run in a worker: the serial ``attribute_many`` over one chunk.

    A wrong argument ends the chunk and is returned in its document's place.
    """
    if _worker_attributor is None:
        msg = "_attribute_chunk runs only in a worker started by attribute_in_processes"
        raise RuntimeError(msg)
    out: _ChunkResult = []
    try:
        # The parent paired the ids and warned of repeats already (batch runs see them all).
        ids = DocIds(doc_ids, warn_duplicates=False)
        for result in _worker_attributor._attribute_each(texts, ids):  # noqa: SLF001
            out.append(pack(result))
    except QuoteattrError as exc:
        out.append(exc)
    return out
