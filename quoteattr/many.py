"""The arguments of ``Attributor.attribute_many``: checked at the call, a doc id paired
with each text, and progress reported.

Apart from pipeline.py because the serial path and the process pool (batch.py) read doc
ids the same way, and because these checks are about the call, not about the text.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TYPE_CHECKING, Any

from .errors import (
    BackendUnavailableError,
    DuplicateDocIdWarning,
    InputTypeError,
    InputValueError,
    describe_type,
)

if TYPE_CHECKING:
    from .records import DocumentResult

Progress = Callable[[int, "DocumentResult"], object]
"""A progress callback: called after each result with the number done so far and it."""


def check_arguments(
    texts: object, doc_ids: object, n_process: int, batch_size: int, progress: object
) -> None:
    """Raise the library's own error, naming the argument, for a wrong call."""
    if isinstance(texts, (str, bytes)):
        msg = "texts must be an iterable of str, not a single str: wrap it in a list"
        raise InputTypeError(msg)
    if not isinstance(texts, Iterable):
        msg = f"texts must be an iterable of str, got {describe_type(texts)}"
        raise InputTypeError(msg)
    if doc_ids is not None and (
        isinstance(doc_ids, (str, bytes)) or not isinstance(doc_ids, Iterable)
    ):
        msg = f"doc_ids must be an iterable of str or None, got {describe_type(doc_ids)}"
        raise InputTypeError(msg)
    if isinstance(texts, Sized) and isinstance(doc_ids, Sized) and len(texts) != len(doc_ids):
        msg = (f"doc_ids has {len(doc_ids)} items for {len(texts)} texts: give one doc id "
               "per text (None for a text without one)")
        raise InputValueError(msg)
    for name, value in (("n_process", n_process), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"{name} must be an int, got {describe_type(value)}"
            raise InputTypeError(msg)
    if n_process == 0 or n_process < -1:
        msg = (f"n_process must be a number of processes >= 1, or -1 for one per core, "
               f"got {n_process}")
        raise InputValueError(msg)
    if batch_size < 1:
        msg = f"batch_size must be a number of documents >= 1, got {batch_size}"
        raise InputValueError(msg)
    if not (progress is None or isinstance(progress, bool) or callable(progress)):
        msg = (f"progress must be True (a tqdm bar), False or a callable taking (done, "
               f"result), got {describe_type(progress)}")
        raise InputTypeError(msg)


class DocIds:
    """The doc ids of one run, taken one per text: an error when they run out, and a
    :class:`~quoteattr.errors.DuplicateDocIdWarning` the first time one repeats.

    The ids seen are kept until the first repeat (one set of short strings per run).
    """

    __slots__ = ("_ids", "_seen")

    def __init__(self, doc_ids: Iterable[str | None] | None, *, warn_duplicates: bool = True):
        self._ids = iter(doc_ids) if doc_ids is not None else None
        self._seen: set[str] | None = set() if warn_duplicates else None

    def next_for(self, n: int) -> str | None:
        """The doc id of ``texts[n]``."""
        if self._ids is None:
            return None
        try:
            doc_id = next(self._ids)
        except StopIteration:
            msg = (f"doc_ids ran out at texts[{n}]: give one doc id per text (None for a "
                   "text without one)")
            raise InputValueError(msg) from None
        seen = self._seen
        if seen is not None and isinstance(doc_id, str):
            if doc_id in seen:
                self._seen = None  # once per run
                warnings.warn(f"doc id {doc_id!r} is used again by texts[{n}]: results with "
                              "the same doc id cannot be told apart", DuplicateDocIdWarning,
                              stacklevel=3)
            else:
                seen.add(doc_id)
        return doc_id


def with_progress(
    results: Iterator[DocumentResult], progress: bool | Progress | None, texts: object
) -> Iterator[DocumentResult]:
    """``results``, reporting each one to ``progress``: a callback, or True for a tqdm bar
    (tqdm is optional and imported here, at the call: its absence fails at once)."""
    if progress is None or progress is False:
        return results
    if progress is True:
        try:
            tqdm: Any = importlib.import_module("tqdm").tqdm
        except ImportError:
            msg = ("progress=True draws a tqdm bar, and tqdm cannot be imported: "
                   "pip install tqdm, or pass a callback as progress")
            raise BackendUnavailableError(msg) from None
        total = len(texts) if isinstance(texts, Sized) else None
        return _bar(results, tqdm(total=total, unit="doc", desc="quoteattr"))
    return _report(results, progress)


def _report(results: Iterator[DocumentResult], callback: Progress) -> Iterator[DocumentResult]:
    for done, result in enumerate(results, start=1):
        callback(done, result)
        yield result


def _bar(results: Iterator[DocumentResult], bar: Any) -> Iterator[DocumentResult]:
    try:
        for result in results:
            bar.update(1)
            yield result
    finally:
        bar.close()
