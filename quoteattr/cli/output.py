"""Writing the results: stdout or an ``-o`` file replaced only once complete, in each format.

Output is UTF-8. ``json`` writes pretty JSON for one file and one compact line per document
otherwise; ``table`` a plain-text block per document; ``html`` one page at the end. A document
that failed gets an error record in its place, so output lines up with input.

Any ``str`` can be written, even one holding a lone surrogate (possible in a Python str, not
in UTF-8). JSON escapes it (``\\ud800``), so ``json.loads`` gives the same str back. The text
streams write what is left with ``errors="backslashreplace"``, chosen over
``surrogateescape`` because it covers every surrogate, not only U+DC80..U+DCFF: a table or
page shows the six characters ``\\ud800``, and inside a JSON string those are JSON's own
escape, so even a raw surrogate that reached the stream comes back as itself.
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from ..records import DocumentResult
from ..render import render_table
from .messages import STDIN, fail

TEXT_ERRORS = "backslashreplace"
"""The encoding error handler of every output stream (see the module's docstring)."""


@contextmanager
def output(path: str | None, *, append: bool = False) -> Iterator[TextIO]:
    """Stdout, a stream ``path`` names, or a temp file that replaces ``path`` once complete.

    The temp file is flushed and fsynced before ``os.replace``, so a crash or Ctrl-C
    leaves either the old file or the whole new one, never a truncated one. A symlink is
    followed, so its target is replaced and the link stays. A FIFO or a device (``/dev/null``)
    is written directly: it cannot be replaced. ``append`` (for ``--resume``) writes onto
    the end of the file itself, one flushed record at a time.
    """
    if path is None or path == STDIN:
        out = _stdout()
        yield out
        out.flush()
        return
    target = Path(os.path.realpath(path))
    if append or _is_stream(target):
        try:
            handle = target.open("a" if append else "w", encoding="utf-8", errors=TEXT_ERRORS)
        except OSError as exc:
            fail(f"cannot write -o {path}: {exc.strerror or exc}")
        with handle:
            yield handle
        return
    with _replacing(target, path) as temp:
        yield temp


def _stdout() -> TextIO:
    """Stdout set to UTF-8, or a usage error when the shell closed it (``>&-``)."""
    if sys.stdout is None:  # Python starts with sys.stdout None when fd 1 is closed
        fail("standard output is closed: nothing can be written there (use -o FILE)")
    if not isinstance(sys.stdout, io.TextIOWrapper):  # a stand-in, e.g. pytest's capture
        return sys.stdout
    sys.stdout.flush()
    if isinstance(sys.stdout.buffer, io.RawIOBase):
        # Unbuffered (python -u, PYTHONUNBUFFERED): a TextIOWrapper straight over the file
        # ignores a short write, so a pipe whose reader left (or a signal) would cut the
        # output unnoticed, exit 0. A BufferedWriter writes all of it or raises.
        raw = io.FileIO(sys.stdout.fileno(), "w", closefd=False)
        return io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8", errors=TEXT_ERRORS)
    sys.stdout.reconfigure(encoding="utf-8", errors=TEXT_ERRORS)
    return sys.stdout


def _is_stream(target: Path) -> bool:
    """A FIFO, character device or socket: something to write into, not a file to replace."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


@contextmanager
def _replacing(target: Path, shown: str) -> Iterator[TextIO]:
    """A temp file beside ``target`` named ``.NAME.quoteattr-PID.tmp``, renamed over it at the
    end. Temp files of runs that were killed (their PID is gone) are removed first."""
    remove_stale_temps(target)
    tmp = target.with_name(f"{_temp_prefix(target)}{os.getpid()}.tmp")
    try:
        mode = _new_file_mode(target)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        fail(f"cannot write -o {shown}: {exc.strerror or exc}")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors=TEXT_ERRORS) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(mode)
        try:
            tmp.replace(target)
        except OSError as exc:
            fail(f"cannot write -o {shown}: {exc.strerror or exc}")
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.quoteattr-"


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove the temp files that killed runs (SIGKILL, power loss) left beside ``target``.

    Only those whose PID names no running process: a run still writing keeps its own.
    Returns what was removed. POSIX only (elsewhere, probing a PID could end the process).
    """
    if os.name != "posix":
        return []
    prefix = _temp_prefix(target)
    removed = []
    with suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            pid = entry.name.removeprefix(prefix).removesuffix(".tmp")
            if (entry.name.startswith(prefix) and entry.name.endswith(".tmp")
                    and pid.isdigit() and not _running(int(pid))):
                with suppress(OSError):
                    Path(entry.path).unlink()
                    removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():  # this run has not made its temp file yet: that one is stale
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: alive
        return True
    return True


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's permissions; else what open() would give (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_output(path: str | None, inputs: Iterable[str]) -> None:
    """Before any work, refuse an ``-o`` that is a folder, or one of the inputs: replacing
    that would destroy the input."""
    if path is None or path == STDIN:
        return
    if Path(path).is_dir():
        fail(f"cannot write -o {path}: it is a folder")
    try:
        if not Path(path).is_file():
            return
        for source in inputs:
            if source != STDIN and Path(source).exists() and Path(source).samefile(path):
                fail(f"-o {path} is also an input ({source}): writing it would replace the "
                     "input; choose another output file")
    except OSError as exc:
        fail(f"cannot write -o {path}: {exc.strerror or exc}")


class HtmlPage(io.StringIO):
    """Collects the results for ``--format html``, which writes them as one page at the end.

    A TextIO, so the extract loop hands it on like any output; the writers below spot it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.results: list[DocumentResult] = []


def result_json(result: DocumentResult, *, indent: int | None = None) -> str:
    """The result as JSON; a lone surrogate becomes a ``\\udXXX`` escape.

    Written here rather than through ``DocumentResult.to_json`` so that the command's
    output does not depend on how the library serialises: pydantic refuses lone surrogates,
    and ``json.dumps`` with ``ensure_ascii`` escapes them.
    """
    try:
        return result.model_dump_json(indent=indent)
    except ValueError:  # PydanticSerializationError: a str that is not valid UTF-8
        separators = (",", ":") if indent is None else None
        return json.dumps(result.model_dump(mode="python"), ensure_ascii=True, indent=indent,
                          separators=separators)


def write_result(out: TextIO, result: DocumentResult, fmt: str, *, pretty: bool,
                 first: bool) -> None:
    if isinstance(out, HtmlPage):
        out.results.append(result)
        return
    if fmt == "table":
        out.write(("" if first else "\n") + render_table(result) + "\n")
    else:
        out.write(result_json(result, indent=2 if pretty else None) + "\n")
    out.flush()


def write_error(out: TextIO, doc_id: str | None, line_no: int | None, reason: str, fmt: str,
                *, first: bool) -> None:
    """An error record in the failed document's place, so output lines up with input.

    In JSON it is a result with no quotes and ``error`` set, as the schema declares; in a
    table, the --jsonl line (or the document's name) and why it failed.
    """
    if fmt == "table" and not isinstance(out, HtmlPage):
        where = f"line {line_no}: " if line_no is not None else f"document: {doc_id}\n"
        out.write(("" if first else "\n") + f"{where}error: {reason}\n")
        out.flush()
        return
    if isinstance(out, HtmlPage) and doc_id is None:
        doc_id = f"line {line_no}"
    write_result(out, DocumentResult(doc_id=doc_id, error=reason), fmt, pretty=False,
                 first=first)
