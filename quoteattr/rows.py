"""Result rows for table tools: one flat dict per quote, and a pandas frame of them.

Apart from the renderers because a frame is data, not a view; pandas is imported only
when a frame is asked for. Below :mod:`quoteattr.records`, which builds its
``to_dataframe`` on it: a result is taken as anything with ``to_records()``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, Protocol

from .errors import BackendUnavailableError

_RECORD_COLUMNS = (
    "doc_id", "quote", "start", "end", "text", "kind", "speaker_id", "speaker_name",
    "speaker_type", "mention_start", "mention_end", "mention_text", "cue_start", "cue_end",
    "cue_text", "rule", "confidence", "parent",
)
"""The keys of ``DocumentResult.to_records()`` rows, in order."""
_TEXT_COLUMNS = frozenset(("doc_id", "text", "kind", "speaker_id", "speaker_name", "speaker_type",
                           "mention_text", "cue_text", "rule"))
_NULLABLE_INTS = ("mention_start", "mention_end", "cue_start", "cue_end", "parent")


class HasRecords(Protocol):
    """What the rows are read from: a :class:`~quoteattr.records.DocumentResult`."""

    def to_records(self) -> list[dict[str, Any]]: ...


def records_of(results: Iterable[HasRecords]) -> list[dict[str, Any]]:
    """The rows of many results, one per quote, in order (documents without quotes add none)."""
    return [row for result in results for row in result.to_records()]


def dataframe_of(results: Iterable[HasRecords]) -> Any:
    """A ``pandas.DataFrame`` of :func:`records_of`; pandas is imported only here.

    Offsets that may be missing (mention, cue, parent) use pandas' nullable ``Int64``, so
    they stay integers instead of turning into floats around the gaps.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as exc:
        msg = (f"to_dataframe() needs pandas, which cannot be imported ({exc}): "
               'pip install "quoteattr[pandas]", or use to_records() for plain dicts')
        raise BackendUnavailableError(msg) from None
    rows = records_of(results)
    try:
        frame = pd.DataFrame.from_records(rows, columns=list(_RECORD_COLUMNS))
    except UnicodeEncodeError:
        # pandas' Arrow-backed str dtype cannot hold a surrogate code point: then the text
        # columns are object columns, which keep every code point.
        frame = pd.DataFrame({
            c: pd.Series([r[c] for r in rows], dtype=object if c in _TEXT_COLUMNS else None)
            for c in _RECORD_COLUMNS
        })
    return frame.astype(dict.fromkeys(_NULLABLE_INTS, "Int64"))
