"""What the command says when something goes wrong, and which exit code that gives.

Every command runs inside :func:`guarded`, so a user's mistake is one line on stderr and
exit code 2, never a traceback; a problem with one document is a :class:`DocumentError` that the
extract loop turns into an error record and exit code 1 at the end.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import NoReturn

from .. import QuoteattrError

PROG = "quoteattr"
STANZA_INSTALL = 'pip install torch==2.13.0 && pip install "quoteattr[stanza]"'
"""What to run for ``--annotator stanza`` (torch first, so pip takes its CPU build)."""
STDIN = "-"
"""The file name that means standard input (or, for ``-o``, standard output)."""


class UsageError(Exception):
    """A bad argument or unusable input file: one line on stderr, exit code 2."""


class DocumentError(Exception):
    """One document cannot be read: a ``--jsonl`` line, or a file found in a folder or by a
    pattern. It gets an error record in its place; the run goes on and ends with exit code 1."""

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.doc_id = doc_id


def fail(msg: str) -> NoReturn:
    raise UsageError(msg)


BROKEN_PIPE = 141
"""The exit code when the reader of stdout went away (``| head``): 128 + SIGPIPE, what a
shell reports for ``cat`` or ``grep`` killed by the same signal."""
INTERRUPTED = 130
"""Ctrl-C (SIGINT): 128 + 2, as a shell reports it."""
TERMINATED = 143
"""``kill PID``, ``timeout``, a service manager's stop (SIGTERM): 128 + 15."""


class Terminated(BaseException):
    """SIGTERM, raised where the run is, so that it unwinds like Ctrl-C: temp files removed,
    ``--resume`` lines flushed. A BaseException, so no ``except Exception`` swallows it as
    one document's failure."""


def guarded(work: Callable[[], int]) -> int:
    """Run ``work``; map user errors to one stderr line and exit 2, a closed pipe to 141,
    Ctrl-C to 130 and SIGTERM to 143."""
    try:
        with _sigterm_raises():
            return work()
    except BrokenPipeError:
        # The reader went away: stop quietly, and keep Python's exit-time flush of stdout
        # from failing again (which would print a message and exit 120).
        with suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # fd 1: sys.stdout may be None
        return BROKEN_PIPE
    except KeyboardInterrupt:
        say(f"{PROG}: interrupted")
        return INTERRUPTED
    except Terminated:
        say(f"{PROG}: terminated")
        return TERMINATED
    except (UsageError, QuoteattrError, OSError) as exc:
        say(f"{PROG}: error: {describe(exc)}")
        return 2


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Terminated` (Python's default would end
    the process on the spot, leaving its temp file). Only the main thread may set it."""

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def say(line: str) -> None:
    """One line on stderr; nothing when stderr is closed (``print`` would use stdout)."""
    if sys.stderr is not None:
        print(line, file=sys.stderr)


def describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path
