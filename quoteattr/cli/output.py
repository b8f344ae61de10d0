"""Writing the results: stdout or an ``-o`` file replaced only once complete, in each format.

Output is UTF-8. ``json`` writes pretty JSON for one file and one compact line per document
otherwise; ``table`` a plain-text block per document; ``html`` one page at the end. A document
that failed gets an error record in its place, so output lines up with input.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from ..records import DocumentResult
from ..render import render_table
from .messages import STDIN, LineError, fail


@contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """Stdout, or a temp file beside ``path`` that replaces it only once complete.

    The temp file is flushed and fsynced before ``os.replace``, so a crash or Ctrl-C
    leaves either the old file or the whole new one, never a truncated one.
    """
    if path is None or path == STDIN:
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        mode = _new_file_mode(target)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:
        fail(f"cannot write -o {path}: {exc.strerror or exc}")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(mode)
        try:
            tmp.replace(target)
        except OSError as exc:
            fail(f"cannot write -o {path}: {exc.strerror or exc}")
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's permissions; else what open() would give (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class HtmlPage(io.StringIO):
    """Collects the results for ``--format html``, which writes them as one page at the end.

    A TextIO, so the extract loop hands it on like any output; the writers below spot it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.results: list[DocumentResult] = []


def write_result(out: TextIO, result: DocumentResult, fmt: str, *, pretty: bool,
                 first: bool) -> None:
    if isinstance(out, HtmlPage):
        out.results.append(result)
        return
    if fmt == "table":
        out.write(("" if first else "\n") + render_table(result) + "\n")
    else:
        out.write(result.to_json(indent=2 if pretty else None) + "\n")
    out.flush()


def write_error(out: TextIO, error: LineError, line_no: int, fmt: str, *, first: bool) -> None:
    """An error record in the failed line's place, so output lines up with input."""
    if isinstance(out, HtmlPage):
        doc_id = error.doc_id if error.doc_id is not None else f"line {line_no}"
        out.results.append(DocumentResult(doc_id=doc_id, error=error.reason))
        return
    if fmt == "table":
        out.write(("" if first else "\n") + f"line {line_no}: error: {error.reason}\n")
    else:
        record = {"doc_id": error.doc_id, "line": line_no, "error": error.reason}
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    out.flush()


def write_file_error(out: TextIO, doc_id: str | None, error: LineError, *, first: bool) -> None:
    """A text file's failure in table format: its name and why, in its place."""
    out.write(("" if first else "\n") + f"document: {doc_id}\nerror: {error.reason}\n")
