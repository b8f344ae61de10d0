"""The progress line: documents, quotes, KB/s and elapsed time on stderr, redrawn in place.

It shows only when stderr is a terminal and the results do not go to that same terminal, so
it never mixes with data that a program reads.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .inputs import Source
from .messages import PROG, STDIN, say

_PROGRESS_EVERY = 0.2
"""Seconds between redraws: often enough to look alive, rarely enough to cost nothing."""
_BAR_WIDTH = 20


class Progress:
    """Documents, quotes, KB/s and elapsed time on one stderr line that redraws itself.

    With ``total`` (the input's size in bytes, when known) a bar and a percentage lead.
    """

    def __init__(self, stream: TextIO, total: int | None) -> None:
        self._stream = stream
        self._total = total
        self._start = self._drawn = time.monotonic()
        self._width = 0
        self.documents = self.quotes = self.size = 0

    def update(self, size: int, quotes: int) -> None:
        """Count one document written; redraw when the last redraw is old enough."""
        self.documents += 1
        self.quotes += quotes
        self.size += size
        now = time.monotonic()
        if now - self._drawn >= _PROGRESS_EVERY:
            self._draw(now)

    def line(self, now: float) -> str:
        """The progress line as of ``now`` (a ``time.monotonic()`` value)."""
        elapsed = max(now - self._start, 0.0)
        rate = self.size / 1000 / elapsed if elapsed > 0 else 0.0
        minutes, seconds = divmod(int(elapsed), 60)
        hours, minutes = divmod(minutes, 60)
        clock = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
        bar = ""
        if self._total:
            done = min(self.size / self._total, 1.0)
            filled = round(done * _BAR_WIDTH)
            bar = f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {done:4.0%}  "
        return (f"{bar}{self.documents:,} documents, {self.quotes:,} quotes, "
                f"{rate:,.0f} KB/s, {clock}")

    def clear(self) -> None:
        """Blank the line, so that a message can take its place."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0

    def close(self) -> None:
        """Draw the final counts and end the line."""
        self._draw(time.monotonic())
        self._stream.write("\n")
        self._stream.flush()

    def _draw(self, now: float) -> None:
        text = self.line(now)
        self._stream.write("\r" + text.ljust(self._width))  # spaces wipe a longer old line
        self._stream.flush()
        self._width = len(text)
        self._drawn = now


def progress_wanted(*, to_stdout: bool) -> bool:
    """Progress only on a terminal, and never on the one that shows the results."""
    def tty(stream: TextIO | None) -> bool:
        return stream is not None and stream.isatty()

    return tty(sys.stderr) and not (to_stdout and tty(sys.stdout))


@contextmanager
def progress_line(inputs: list[Source], *, show: bool) -> Iterator[Progress | None]:
    """A progress line on stderr while the block runs when ``show``, else None."""
    if not show:
        yield None
        return
    total: int | None = None
    if all(source.path != STDIN for source in inputs):
        total = sum(_size(source.path) for source in inputs)
    progress = Progress(sys.stderr, total)
    try:
        yield progress
    finally:
        progress.close()


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:  # a file that went away is reported when it is read
        return 0


def warn(msg: str, progress: Progress | None) -> None:
    """One line on stderr, on a line of its own even while the progress line is shown."""
    if progress is not None:
        progress.clear()
    say(f"{PROG}: {msg}")
