"""Records made around values that quoteattr's own code produced, without pydantic's checks.

Two places make records from values already known to be valid: the pipeline's last step
(:func:`quoteattr.result.finish_result`: offsets sliced from the text they index, kinds and
speaker types typed as literals, confidences from a table checked when it loads) and the
parent of a process pool (:mod:`quoteattr.packed`: values a worker validated). pydantic
would check them field by field again, with a Python call per span for its ordering check:
on news that cost about 6 % of the whole pipeline (docs/batch.md). :func:`trusted` makes
the record as ``model_construct`` does, without its Python loop over the fields. The public
ways in (the constructors, ``model_validate``, ``model_validate_json``) validate as before.

Code that builds records this way spells the fields out for speed, so a field added to a
record must be added there: the import fails until :data:`FIELDS` has it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any, TypeVar

from pydantic import BaseModel

from .records import DocumentResult, Quote, Speaker, SpeakerRef, TextSpan

FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    TextSpan: ("start", "end", "text"),
    SpeakerRef: ("id", "name"),
    Quote: ("start", "end", "text", "kind", "speaker", "mention", "cue", "rule",
            "confidence", "parent"),
    Speaker: ("id", "name", "type", "titles", "mentions"),
    DocumentResult: ("doc_id", "quotes", "speakers", "error"),
}
"""The fields the trusted builders write, per record class, in the records' own order."""


def check_fields() -> None:
    """Raise TypeError if a record's fields are no longer those of :data:`FIELDS`."""
    for cls, fields in FIELDS.items():
        if tuple(cls.model_fields) != fields:
            msg = (f"the trusted record builders write {cls.__name__} as {fields}, but its "
                   f"fields are now {tuple(cls.model_fields)}: update packed.py, result.py "
                   f"and trusted.py with the record")
            raise TypeError(msg)


check_fields()

Record = TypeVar("Record", bound=BaseModel)

_new = object.__new__
_set = object.__setattr__


def trusted(cls: type[Record], values: dict[str, Any], fields_set: set[str]) -> Record:
    """A ``cls`` record holding ``values`` (every field, in the class's order), unchecked.

    ``fields_set`` becomes its ``model_fields_set``: a record with every field set takes
    its class's shared one (:func:`quoteattr.records.full_fields_set`), as validated
    records do after ``DocumentResult._compact``. ``cls`` must have no private attributes.
    """
    record = _new(cls)
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


def trusted_all(cls: type[Record], values: list[dict[str, Any]], fields_set: set[str]
                ) -> list[Record]:
    """:func:`trusted` for each dict of ``values``, in bulk: ``map`` calls the setters from
    C, a tenth cheaper than a Python loop (each setter still costs about 1,200 instructions)."""
    n = len(values)
    records = list(map(_new, repeat(cls, n)))
    _consume(map(_set, records, repeat("__dict__", n), values))
    _consume(map(_set, records, repeat("__pydantic_fields_set__", n), repeat(fields_set, n)))
    _consume(map(_set, records, repeat("__pydantic_extra__", n), repeat(None, n)))
    _consume(map(_set, records, repeat("__pydantic_private__", n), repeat(None, n)))
    return records
