"""``quoteattr extract``: every input's quotes and speakers, one result per document, in order.

The work is :meth:`quoteattr.Attributor.attribute_many`; this module only streams the
documents in and the results (or error records) out, and counts what failed.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TextIO

from .. import Attributor
from ..render import render_page
from .inputs import Doc, Source, check_inputs, collect_inputs, file_docs, jsonl_docs
from .messages import STANZA_INSTALL, STDIN, display_name, fail
from .output import HtmlPage, check_output, output, write_error, write_result
from .progress import Progress, progress_line, progress_wanted, warn
from .resume import Done, read_done, skip_done


@dataclass(frozen=True)
class ExtractOptions:
    """What ``quoteattr extract`` was asked to do (its command-line options)."""

    files: tuple[str, ...]
    jsonl: bool = False
    fmt: str = "json"
    output: str | None = None
    encoding: str = "utf-8"
    annotator: str = "embedded"
    model_dir: str | None = None
    genre: str = "auto"
    recursive: bool = False
    processes: int = 1
    quiet: bool = False
    resume: bool = False


def run(options: ExtractOptions) -> int:
    """Process every input into the output; 1 if some documents failed, else 0."""
    inputs = collect_inputs(options.files, jsonl=options.jsonl, recursive=options.recursive)
    check_inputs(inputs, options.encoding, jsonl=options.jsonl)
    check_output(options.output, [source.path for source in inputs])
    paths = [source.path for source in inputs]
    pretty = not options.jsonl and len(options.files) == 1 and paths == list(options.files)
    if options.resume:
        _check_resumable(options, pretty=pretty)
    if options.annotator == "stanza":
        require_stanza()
    attributor = Attributor(annotator=options.annotator, model_dir=options.model_dir,
                            genre=options.genre)
    done = read_done(options.output) if options.output and options.resume else Done([], 0)
    show = not options.quiet and progress_wanted(to_stdout=options.output in (None, STDIN))
    with (output(options.output, append=options.resume) as out,
          progress_line(inputs, show=show) as progress):
        page = HtmlPage() if options.fmt == "html" else None
        failed = _write_all(_documents(inputs, options, done), out if page is None else page,
                            options, attributor, pretty=pretty, progress=progress)
        if page is not None:
            out.write(render_page(page.results))
    return 1 if failed or done.failed else 0


def _documents(inputs: list[Source], options: ExtractOptions, done: Done) -> Iterator[Doc]:
    """The documents to attribute, in order, without those a resumed run has done."""
    where = str(options.output)
    if options.jsonl:
        docs = jsonl_docs(inputs, options.encoding)
        return skip_done(docs, done.doc_ids, where) if done.doc_ids else docs
    # Files are skipped before they are read: a resumed folder run reads no done file.
    return file_docs(skip_done(inputs, done.doc_ids, where), options.encoding)


def _check_resumable(options: ExtractOptions, *, pretty: bool) -> None:
    if options.output is None or options.output == STDIN:
        fail("--resume needs -o FILE: the file a run was writing, to carry on into")
    if Path(options.output).exists() and not Path(options.output).is_file():
        fail(f"--resume needs -o FILE to be a file: {options.output} is not one")
    if options.fmt != "json" or pretty:
        fail("--resume needs JSON lines output (--format json, and several files, a folder, "
             "a pattern or --jsonl), one line per document")


def require_stanza() -> None:
    """Fail early, saying what to install, when stanza or torch is missing (``find_spec``
    looks without importing them). The model check would otherwise speak first and send
    the user to ``quoteattr download``, which needs stanza too."""
    missing = [name for name in ("stanza", "torch") if find_spec(name) is None]
    if missing:
        fail(f"--annotator stanza needs {' and '.join(missing)}, which "
             f"{'is' if len(missing) == 1 else 'are'} not installed: {STANZA_INSTALL}")


def _write_all(docs: Iterator[Doc], out: TextIO, options: ExtractOptions,
               attributor: Attributor, *, pretty: bool, progress: Progress | None) -> int:
    """Write one result per document, in input order; return how many documents failed.

    Documents stream through ``attribute_many``. ``pending`` holds those whose results are
    not out yet (a few chunks at most), so each result meets its line number and size.
    """
    pending: deque[Doc] = deque()

    def queued() -> Iterator[Doc]:
        for doc in docs:
            pending.append(doc)
            yield doc

    for_texts, for_ids = itertools.tee(queued())
    results = attributor.attribute_many(
        (doc.text for doc in for_texts),
        doc_ids=(None if doc.error else doc.doc_id for doc in for_ids),
        n_process=options.processes,
    )
    failed = 0
    for n, result in enumerate(results):
        doc = pending.popleft()
        reason = doc.error.reason if doc.error else None
        if reason is None and result.error is not None:  # failed inside quoteattr
            reason = f"failed: {result.error}"
        if reason is not None:
            failed += 1
            where = display_name(doc.source) + ("" if doc.line is None else f":{doc.line}")
            warn(f"{where}: {reason}", progress)
        if reason is not None and (doc.error or doc.line is not None or options.fmt == "table"):
            write_error(out, doc.doc_id, doc.line, reason, options.fmt, first=n == 0)
        else:
            write_result(out, result, options.fmt, pretty=pretty, first=n == 0)
        if progress is not None:
            progress.update(doc.size, len(result.quotes))
    return failed
