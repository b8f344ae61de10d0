"""Gold and prediction records, and reading them from JSON lines.

Owns the input side of the scorer: the frozen records :class:`GoldQuote`,
:class:`GoldDocument`, :class:`PredictedQuote` and :class:`PredictedDocument`,
:func:`parse_gold` and :func:`parse_predictions` with their field checks (a bad value
fails with its source and line), and the quote-kind filter shared by every stage.
Formats: gold as in ``docs/evaluation.md``; predictions as ``benchmarks/run_eval.py``
writes them, or quoteattr's own result lines (``quoteattr extract --jsonl``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, get_args

from ..errors import InputValueError, describe_json_type
from ..records import QuoteKind

__all__ = [
    "KINDS",
    "GoldDocument",
    "GoldQuote",
    "Offsets",
    "PredictedDocument",
    "PredictedQuote",
    "parse_gold",
    "parse_predictions",
]


KINDS: tuple[str, ...] = get_args(QuoteKind)
"""The quote kinds predictions can be restricted to."""

_DEFAULT_KINDS = ("direct",)

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One annotated quote: its span (marks included) and who said it."""

    start: int
    end: int
    speaker: str | None = None
    """The speaker's name, or the local mention ("he") where the gold has no coreference."""
    speaker_mentions: tuple[Offsets, ...] = ()
    """Spans of the mentions that attribute the quote."""
    kind: str | None = None
    """``direct``, ``mixed`` or ``nested`` where the gold says (``all_quotes``)."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated document."""

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...]
    """The scored quotes, in file order (the order breaks ties in matching)."""
    unscored_spans: tuple[Offsets, ...] = ()
    all_quotes: tuple[GoldQuote, ...] | None = None
    """Every quote with its kind and resolved speaker, where the gold has them."""


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """One predicted quote, in the saved-predictions format."""

    start: int
    end: int
    speaker: str | None = None
    """The resolved speaker name."""
    speaker_start: int | None = None
    """Start of the mention the attribution used (the "he" of ``"...," he said``)."""
    speaker_end: int | None = None
    speaker_mention: str | None = None
    """The mention's text, for files that give it instead of (or as well as) offsets."""
    rule: str | None = None
    kind: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The quote as ``benchmarks/run_eval.py`` writes it (``speaker_mention`` if set)."""
        out: dict[str, Any] = {
            "start": self.start, "end": self.end, "speaker": self.speaker,
            "speaker_start": self.speaker_start, "speaker_end": self.speaker_end,
            "rule": self.rule, "kind": self.kind, "confidence": self.confidence,
        }
        if self.speaker_mention is not None:
            out["speaker_mention"] = self.speaker_mention
        return out


@dataclass(frozen=True, slots=True)
class PredictedDocument:
    """The predicted quotes of one document, in file order."""

    doc_id: str
    quotes: tuple[PredictedQuote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """One line of a saved-predictions file."""
        return {"doc_id": self.doc_id, "quotes": [q.to_dict() for q in self.quotes]}


class _FieldError(Exception):
    """A bad value in one JSON line; the line loop adds the file and line number."""


def parse_gold(lines: Iterable[str], *, source: str = "gold") -> tuple[GoldDocument, ...]:
    """Gold documents from JSON lines, in file order; blank lines are skipped.

    Raises :class:`~quoteattr.InputValueError` naming ``source`` and the line for
    bad JSON, a missing or mistyped field, offsets outside the text, or a doc_id
    seen before (the reference scorer would silently keep only the last one).
    """
    return _parse(lines, source, _gold_document)


def parse_predictions(
    lines: Iterable[str], *, source: str = "predictions", kinds: Collection[str] | None = None
) -> tuple[PredictedDocument, ...]:
    """Saved predictions from JSON lines, in file order.

    Two line formats are read, even mixed in one file: the one ``benchmarks/run_eval.py``
    writes (``"speaker"`` a name, ``speaker_start``/``speaker_end`` offsets), and quoteattr's
    own :class:`~quoteattr.DocumentResult` lines as ``quoteattr extract --jsonl`` writes
    them (``"speaker"`` an object with a ``"name"``, the offsets in ``"mention"``).

    With ``kinds``, quotes whose ``kind`` is given and not among them are dropped;
    quotes without a ``kind`` are kept. Errors as in :func:`parse_gold`.
    """
    wanted = None if kinds is None else _check_kinds(kinds)
    docs = _parse(lines, source, _predicted_document)
    if wanted is None:
        return docs
    return tuple(
        PredictedDocument(doc.doc_id,
                          tuple(q for q in doc.quotes if q.kind is None or q.kind in wanted))
        for doc in docs
    )


_Document = TypeVar("_Document", GoldDocument, PredictedDocument)


def _parse(
    lines: Iterable[str], source: str, build: Callable[[dict[str, Any]], _Document]
) -> tuple[_Document, ...]:
    """The one line loop of both formats: ``build`` each JSON object, doc_ids unique, and
    a bad field reported with ``source`` and its line number."""
    docs: list[_Document] = []
    seen: dict[str, int] = {}
    for line_no, record in _records(lines, source):
        try:
            doc = build(record)
            _not_seen(doc.doc_id, seen, line_no)
        except _FieldError as exc:
            msg = f"{source} line {line_no}: {exc}"
            raise InputValueError(msg) from None
        docs.append(doc)
    return tuple(docs)


def _check_kinds(kinds: Collection[str]) -> frozenset[str]:
    if isinstance(kinds, str):
        msg = f"kinds must be a collection of kind names, not a single str: use ({kinds!r},)"
        raise InputValueError(msg)
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        msg = f"unknown quote kind {', '.join(unknown)}: choose from {', '.join(KINDS)}"
        raise InputValueError(msg)
    if not kinds:
        msg = f"no quote kind given: choose from {', '.join(KINDS)}"
        raise InputValueError(msg)
    return frozenset(kinds)


def _records(lines: Iterable[str], source: str) -> Iterable[tuple[int, dict[str, Any]]]:
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            msg = (f"{source} line {line_no}: not valid JSON: "
                   f"{exc.msg.removesuffix(' at')} at column {exc.colno}")
            raise InputValueError(msg) from None
        if not isinstance(record, dict):
            got = describe_json_type(record)
            msg = f"{source} line {line_no}: expected a JSON object, got {got}"
            raise InputValueError(msg)
        yield line_no, record


def _not_seen(doc_id: str, seen: dict[str, int], line_no: int) -> None:
    if doc_id in seen:
        msg = f"doc_id {doc_id!r} is already on line {seen[doc_id]}: doc_ids must be unique"
        raise _FieldError(msg)
    seen[doc_id] = line_no


def _gold_document(record: dict[str, Any]) -> GoldDocument:
    doc_id = _doc_id(record)
    text = record.get("text")
    if not isinstance(text, str):
        msg = f'"text" must be a string, got {describe_json_type(text)}'
        raise _FieldError(msg)
    quotes = _gold_quotes(record, "quotes", len(text), required=True)
    unscored = _spans(record.get("unscored_spans"), "unscored_spans", len(text))
    all_quotes = (_gold_quotes(record, "all_quotes", len(text), required=False)
                  if record.get("all_quotes") is not None else None)
    return GoldDocument(doc_id, text, quotes, unscored, all_quotes)


def _gold_quotes(
    record: dict[str, Any], key: str, length: int, *, required: bool
) -> tuple[GoldQuote, ...]:
    items = record.get(key)
    if items is None and not required:
        return ()
    quotes = []
    for where, item in _quote_objects(items, key):
        start, end = _span(item.get("start"), item.get("end"), where, length)
        quotes.append(GoldQuote(
            start, end,
            speaker=_opt_str(item.get("speaker"), f"{where}.speaker") or None,
            speaker_mentions=_spans(item.get("speaker_mentions"), f"{where}.speaker_mentions",
                                    length),
            kind=_opt_str(item.get("kind"), f"{where}.kind"),
        ))
    return tuple(quotes)


def _predicted_document(record: dict[str, Any]) -> PredictedDocument:
    doc_id = _doc_id(record)
    items = record.get("quotes")
    if items is None:
        items = []
    quotes = []
    for where, item in _quote_objects(items, "quotes"):
        start, end = _span(item.get("start"), item.get("end"), where, None)
        confidence = item.get("confidence")
        if confidence is not None and (
            isinstance(confidence, bool) or not isinstance(confidence, (int, float))
        ):
            got = describe_json_type(confidence)
            msg = f'"{where}.confidence" must be a number or null, got {got}'
            raise _FieldError(msg)
        speaker, mention = item.get("speaker"), item.get("mention")
        if isinstance(speaker, dict):  # a DocumentResult quote: {"id": "S1", "name": ...}
            speaker = _opt_str(speaker.get("name"), f"{where}.speaker.name")
        speaker_start, speaker_end = item.get("speaker_start"), item.get("speaker_end")
        if mention is not None and speaker_start is None and speaker_end is None:
            if not isinstance(mention, dict):
                got = describe_json_type(mention)
                msg = f'"{where}.mention" must be an object or null, got {got}'
                raise _FieldError(msg)
            speaker_start, speaker_end = _span(mention.get("start"), mention.get("end"),
                                               f"{where}.mention", None)
        quotes.append(PredictedQuote(
            start, end,
            speaker=_opt_str(speaker, f"{where}.speaker"),
            speaker_start=_opt_int(speaker_start, f"{where}.speaker_start"),
            speaker_end=_opt_int(speaker_end, f"{where}.speaker_end"),
            speaker_mention=_opt_str(item.get("speaker_mention"), f"{where}.speaker_mention"),
            rule=_opt_str(item.get("rule"), f"{where}.rule"),
            kind=_opt_str(item.get("kind"), f"{where}.kind"),
            confidence=None if confidence is None else float(confidence),
        ))
    return PredictedDocument(doc_id, tuple(quotes))


def _quote_objects(items: object, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each object of the quote array ``items`` found under ``key``, with its path for error
    messages ("quotes[3]"). Checked one at a time, so the first bad field is the one named."""
    if not isinstance(items, list):
        msg = f'"{key}" must be an array of quotes, got {describe_json_type(items)}'
        raise _FieldError(msg)
    for n, item in enumerate(items):
        where = f"{key}[{n}]"
        if not isinstance(item, dict):
            msg = f'"{where}" must be an object, got {describe_json_type(item)}'
            raise _FieldError(msg)
        yield where, item


def _doc_id(record: dict[str, Any]) -> str:
    doc_id = record.get("doc_id")
    if isinstance(doc_id, str):
        return doc_id
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        return str(doc_id)
    msg = f'"doc_id" must be a string, got {describe_json_type(doc_id)}'
    raise _FieldError(msg)


def _int(value: object, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    msg = f'"{where}" must be an integer, got {describe_json_type(value)}'
    raise _FieldError(msg)


def _opt_int(value: object, where: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    msg = f'"{where}" must be an integer or null, got {describe_json_type(value)}'
    raise _FieldError(msg)


def _opt_str(value: object, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    msg = f'"{where}" must be a string or null, got {describe_json_type(value)}'
    raise _FieldError(msg)


def _span(start: object, end: object, where: str, length: int | None) -> Offsets:
    """Checked [start, end) offsets; within ``length`` characters when it is given."""
    start = _int(start, f"{where}.start")
    end = _int(end, f"{where}.end")
    if not 0 <= start <= end or (length is not None and end > length):
        limit = "" if length is None else f" <= {length}, the length of the text"
        msg = f'"{where}" spans [{start}, {end}): expected 0 <= start <= end{limit}'
        raise _FieldError(msg)
    return start, end


def _spans(value: object, where: str, length: int) -> tuple[Offsets, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        msg = f'"{where}" must be an array of [start, end] pairs, got {describe_json_type(value)}'
        raise _FieldError(msg)
    out = []
    for n, pair in enumerate(value):
        if not isinstance(pair, list) or len(pair) != 2:
            msg = f'"{where}[{n}]" must be a [start, end] pair, got {describe_json_type(pair)}'
            raise _FieldError(msg)
        out.append(_span(pair[0], pair[1], f"{where}[{n}]", length))
    return tuple(out)


