"""``--resume``: carry an interrupted run on into the same JSON lines file, redoing nothing.

Output record N answers input document N (a bad line gets an error record, a blank line an
empty result), so the complete records already in the file say how far the last run got.
The run checks that their doc_ids are those of the first documents of the input (else the
input changed, and it stops with exit code 2 before writing), skips those documents, drops
a last line cut short by the interruption, and appends the rest, one flushed line at a time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from .messages import fail


class _HasDocId(Protocol):
    @property
    def doc_id(self) -> str | None: ...


_Item = TypeVar("_Item", bound=_HasDocId)


class Done(NamedTuple):
    """What an earlier run already wrote into the ``--resume`` file."""

    doc_ids: list[str | None]
    """The doc_id of each complete record, in order."""
    failed: int
    """How many of them are error records: they count toward exit code 1 again."""


def read_done(path: str) -> Done:
    """The complete records in ``path`` (none if it does not exist yet).

    A last line without its newline was cut short by the interruption: it is cut off the
    file here, so that document is done again. Any other line that is not a JSON object
    means ``path`` is not this command's output, and resuming into it would corrupt it.
    """
    target = Path(os.path.realpath(path))
    try:
        handle = target.open("r+b")
    except FileNotFoundError:
        return Done([], 0)
    except OSError as exc:
        fail(f"cannot --resume into {path}: {exc.strerror or exc}")
    doc_ids: list[str | None] = []
    failed = complete = 0
    with handle:
        for line_no, raw in enumerate(handle, start=1):
            if not raw.endswith(b"\n"):
                break
            doc_id, error = _record(raw, path, line_no)
            doc_ids.append(doc_id)
            failed += error
            complete += len(raw)
        handle.truncate(complete)
    return Done(doc_ids, failed)


def _record(raw: bytes, path: str, line_no: int) -> tuple[str | None, bool]:
    """A record's doc_id, and whether it is an error record."""
    try:
        record = json.loads(raw)
    except ValueError:
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str | None):
        fail(f"cannot --resume into {path}: line {line_no} is not a quoteattr JSON record")
    return record.get("doc_id"), record.get("error") is not None


def skip_done(items: Iterable[_Item], done: list[str | None], path: str) -> Iterator[_Item]:
    """``items`` without the first ``len(done)``, once each one's doc_id is checked."""
    seen = 0
    for item in items:
        if seen >= len(done):
            yield item
            continue
        if item.doc_id != done[seen]:
            fail(f"cannot --resume into {path}: its record {seen + 1} is doc_id "
                 f"{done[seen]!r}, but input document {seen + 1} is {item.doc_id!r}; the "
                 "input is not the one the file was made from (leave out --resume to start "
                 "over)")
        seen += 1
    if seen < len(done):
        fail(f"cannot --resume into {path}: it holds {len(done)} records, but the input has "
             f"only {seen} documents (leave out --resume to start over)")
