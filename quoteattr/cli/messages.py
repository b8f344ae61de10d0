"""What the command says when something goes wrong, and which exit code that gives.

Every command runs inside :func:`guarded`, so a user's mistake is one line on stderr and
exit code 2, never a traceback; a problem with one document is a :class:`LineError` that the
extract loop turns into an error record and exit code 1 at the end.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import NoReturn

from .. import QuoteattrError

PROG = "quoteattr"
STDIN = "-"
"""The file name that means standard input (or, for ``-o``, standard output)."""


class UsageError(Exception):
    """A bad argument or unusable input file: one line on stderr, exit code 2."""


class LineError(Exception):
    """One ``--jsonl`` line cannot be processed; the run goes on and ends with exit code 1."""

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.doc_id = doc_id


def fail(msg: str) -> NoReturn:
    raise UsageError(msg)


def guarded(work: Callable[[], int]) -> int:
    """Run ``work``; map user errors to one stderr line and exit 2, a closed pipe to 1."""
    try:
        return work()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python's exit-time flush
        # of stdout from failing again.
        with suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except (UsageError, QuoteattrError, OSError) as exc:
        print(f"{PROG}: error: {describe(exc)}", file=sys.stderr)
        return 2


def describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path
