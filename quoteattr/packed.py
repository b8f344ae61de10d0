"""Results as plain tuples, for the trip from a worker process back to the parent.

The parent of a process pool is the one step that does not run in parallel, and reading
every result back through pydantic (JSON or pickled models) cost it a tenth of the whole
work: on 840 news articles, 0.2-0.4 s of CPU against 2 s for attributing them. Here a
worker turns each validated :class:`~quoteattr.records.DocumentResult` into nested tuples
of its field values (str, int, float, None: pickle moves them as they are, lone surrogates
included), and the parent rebuilds the records around those values without validating
them again, the way ``model_construct`` does, but with no per-field Python loop.

Nothing is re-checked because nothing changed: every value was validated in the worker
and pickle gives back equal values of the same types. Each record keeps the fields its
worker set (``model_fields_set``), quotes of one speaker share one ``SpeakerRef`` as in a
serial run, and the result keeps its private attributes (``resolutions``). The code
spells the records' fields out for speed, so a field added to a record must be added
here: the import fails until it is (:func:`quoteattr.trusted.check_fields`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .records import DocumentResult, Quote, Speaker, SpeakerRef, TextSpan, full_fields_set
from .trusted import FIELDS, check_fields, trusted

Packed = tuple[Any, ...]
"""One document's result as nested tuples (:func:`pack`), read back by :func:`unpack`."""

_FIELDS = FIELDS
_check_fields = check_fields  # at import, in quoteattr.trusted

_SPAN_SET = full_fields_set(TextSpan)
_REF_SET = full_fields_set(SpeakerRef)
_QUOTE_SET = full_fields_set(Quote)
_SPEAKER_SET = full_fields_set(Speaker)
"""Shared, as in the records a worker built (``DocumentResult._compact``)."""

_new = object.__new__
_set = object.__setattr__


def _unset(record: BaseModel, n_fields: int) -> tuple[str, ...] | None:
    """None when every field of ``record`` was set (the usual case), else those that were."""
    names = record.__pydantic_fields_set__
    return None if len(names) == n_fields else tuple(sorted(names))


def _span(span: TextSpan | None) -> Packed | None:
    if span is None:
        return None
    d = span.__dict__
    if len(span.__pydantic_fields_set__) == 3:
        return (d["start"], d["end"], d["text"])
    return (d["start"], d["end"], d["text"], _unset(span, 3))


def pack(result: DocumentResult) -> Packed:
    """``result`` as nested tuples of plain values (see the module docstring)."""
    refs: dict[int, int] = {}
    ref_values: list[Packed] = []
    quotes: list[Packed] = []
    for quote in result.quotes:
        d = quote.__dict__
        ref = d["speaker"]
        if ref is not None:
            index = refs.get(id(ref))
            if index is None:
                index = refs[id(ref)] = len(ref_values)
                rd = ref.__dict__
                ref_values.append((rd["id"], rd["name"], _unset(ref, 2)))
            ref = index
        quotes.append((d["start"], d["end"], d["text"], d["kind"], ref, _span(d["mention"]),
                       _span(d["cue"]), d["rule"], d["confidence"], d["parent"],
                       _unset(quote, 10)))
    speakers = [(s.id, s.name, s.type, s.titles, tuple([_span(m) for m in s.mentions]),
                 _unset(s, 5)) for s in result.speakers]
    private = tuple((k, v) for k, v in (result.__pydantic_private__ or {}).items()
                    if k != "_text")
    return (result.doc_id, tuple(quotes), tuple(speakers), result.error, _unset(result, 4),
            tuple(ref_values), private)


def _build(cls: type[BaseModel], values: dict[str, Any], fields_set: tuple[str, ...] | None,
           all_set: set[str]) -> Any:
    """A record around already validated values (what ``model_construct`` makes); one
    with every field set shares its class's fields-set, as in a serial run."""
    return trusted(cls, values, all_set if fields_set is None else set(fields_set))


def _unspan(p: Packed | None) -> TextSpan | None:
    if p is None:
        return None
    record = _new(TextSpan)
    _set(record, "__dict__", {"start": p[0], "end": p[1], "text": p[2]})
    _set(record, "__pydantic_fields_set__", _SPAN_SET if len(p) == 3 else set(p[3]))
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


def unpack(packed: Packed, text: str) -> DocumentResult:
    """The :class:`DocumentResult` that :func:`pack` was given, its text set to ``text``."""
    doc_id, packed_quotes, packed_speakers, error, doc_set, ref_values, private = packed
    refs = [_build(SpeakerRef, {"id": i, "name": n}, s, _REF_SET)
            for i, n, s in ref_values]
    quotes = tuple([_build(Quote, {
        "start": start, "end": end, "text": quote_text, "kind": kind,
        "speaker": None if ref is None else refs[ref], "mention": _unspan(mention),
        "cue": _unspan(cue), "rule": rule, "confidence": confidence, "parent": parent,
    }, fields_set, _QUOTE_SET)
        for (start, end, quote_text, kind, ref, mention, cue, rule, confidence, parent,
             fields_set) in packed_quotes])
    speakers = tuple([_build(Speaker, {
        "id": sid, "name": name, "type": kind, "titles": titles,
        "mentions": tuple([_unspan(m) for m in mentions]),
    }, fields_set, _SPEAKER_SET)
        for sid, name, kind, titles, mentions, fields_set in packed_speakers])
    result: DocumentResult = _build(
        DocumentResult,
        {"doc_id": doc_id, "quotes": quotes, "speakers": speakers, "error": error},
        doc_set, set(_FIELDS[DocumentResult]))
    # The private attributes (``resolutions`` for the calibration), and the parent's text.
    _set(result, "__pydantic_private__", {"_text": text, **dict(private)})
    return result
