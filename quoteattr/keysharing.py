"""Records' field dicts made key-sharing, for the results of long texts.

pydantic gives every record a ``__dict__`` of its own: a dict with its own table of keys
(272 bytes for a quote's ten fields, about 200 for a span's three). CPython's instances of
a plain class share one table of keys and keep only their values (152 bytes for ten), so
the same fields, set on such an instance in the same order, make a dict that reads, prints,
compares, serialises and pickles as the first. A long text's result holds one dict per quote,
cue and speaker's mention: re-made so, they take about 100 bytes less per quote
(benchmarks/scaling.py, ``news``). Articles are left alone (:data:`SHARE_KEYS_ABOVE`).

Only frozen records' dicts are re-made: nothing adds a field to them, which would give the
dict a table of its own again (it stays correct, only larger).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SHARE_KEYS_ABOVE = 256
"""Quotes a document needs before its records' dicts are re-made: an article's result is
small and short-lived, and re-making costs about a microsecond per record."""

_HOLDERS: dict[tuple[str, ...], type] = {}
"""One plain class per sequence of field names (a quote's, a span's, a reference's): the
instances of a class share the table of keys."""


def share_keys(records: Iterable[Any]) -> None:
    """Give each of ``records`` (pydantic models) a key-sharing dict of the same fields,
    in the same order."""
    set_field = object.__setattr__
    for record in records:
        fields: dict[str, object] = record.__dict__
        names = tuple(fields)
        holder_class = _HOLDERS.get(names)
        if holder_class is None:
            holder_class = _HOLDERS[names] = type("_Fields", (), {})
        holder = holder_class()
        for name, value in fields.items():
            set_field(holder, name, value)
        set_field(record, "__dict__", holder.__dict__)
