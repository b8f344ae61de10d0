"""``quoteattr extract``: every input's quotes and speakers, one result per document, in order.

The work is :meth:`quoteattr.Attributor.attribute_many`; this module only streams the
documents in and the results (or error records) out, and counts what failed.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from .. import Attributor
from ..render import render_page
from .inputs import Doc, check_inputs, collect_inputs, file_docs, jsonl_docs
from .messages import STDIN, LineError, display_name
from .output import HtmlPage, output, write_error, write_file_error, write_result
from .progress import Progress, progress_line, progress_wanted, warn


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
    recursive: bool = False
    processes: int = 1
    quiet: bool = False


def run(options: ExtractOptions) -> int:
    """Process every input into the output; 1 if some documents failed, else 0."""
    inputs = collect_inputs(options.files, jsonl=options.jsonl, recursive=options.recursive)
    paths = [path for path, _ in inputs]
    check_inputs(paths, options.encoding, jsonl=options.jsonl)
    attributor = Attributor(annotator=options.annotator, model_dir=options.model_dir)
    pretty = not options.jsonl and len(options.files) == 1 and paths == list(options.files)
    show = not options.quiet and progress_wanted(to_stdout=options.output in (None, STDIN))
    with output(options.output) as out, progress_line(inputs, show=show) as progress:
        page = HtmlPage() if options.fmt == "html" else None
        if options.jsonl:
            docs = jsonl_docs(inputs, options.encoding)
        else:
            docs = file_docs(inputs, options.encoding)
        failed = _write_all(docs, out if page is None else page, options, attributor,
                            pretty=pretty, progress=progress)
        if page is not None:
            out.write(render_page(page.results))
    return 1 if failed else 0


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
        error = doc.error
        if error is None and result.error is not None:  # failed inside quoteattr
            error = LineError(f"failed: {result.error}", doc.doc_id)
        if error is not None:
            failed += 1
            where = display_name(doc.source) + ("" if doc.line is None else f":{doc.line}")
            warn(f"{where}: {error.reason}", progress)
        if error is not None and doc.line is not None:
            write_error(out, error, doc.line, options.fmt, first=n == 0)
        elif error is not None and options.fmt == "table":
            write_file_error(out, doc.doc_id, error, first=n == 0)
        else:
            write_result(out, result, options.fmt, pretty=pretty, first=n == 0)
        if progress is not None:
            progress.update(doc.size, len(result.quotes))
    return failed
