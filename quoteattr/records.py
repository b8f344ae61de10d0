"""The public result records: the JSON contract other code builds on.

Fields may be added in later releases but never dropped or renamed. Offsets are
Python ``str`` indices into the caller's original text, and every ``text`` field
equals ``original[start:end]``.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticSerializationError

Offset = Annotated[int, Field(ge=0)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
QuoteKind = Literal["direct", "mixed", "nested", "scare"]
SpeakerType = Literal["person", "organization", "group", "unknown"]
MentionKind = Literal["name", "pronoun", "nominal"]


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\\\|\\u([dD][89a-fA-F][0-9a-fA-F]{2})")
"""An escaped backslash (kept as it is) or a surrogate's ``\\uXXXX`` escape (group 1)."""


class _Record(BaseModel):
    """JSON in and out that is exact for any Python ``str``, lone surrogates included.

    pydantic's own JSON writer refuses a surrogate code point and its reader refuses a lone
    surrogate escape (pydantic-core issue 1363), yet scraped or ``surrogateescape``-decoded
    text holds them. Both methods keep pydantic's fast path and fall back only for such text.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    def model_dump_json(self, **kwargs: Any) -> str:
        """pydantic's JSON; a surrogate code point becomes a ``\\udXXX`` escape.

        Characters beyond U+FFFF stay themselves (unless ``ensure_ascii``), so in this JSON
        an escaped surrogate always stands for one surrogate code point of the original, even
        two in a row, which :meth:`model_validate_json` reads back as two.
        """
        try:
            return super().model_dump_json(**kwargs)
        except PydanticSerializationError:
            return _dump_with_surrogates(self, kwargs)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """pydantic's reader, except that JSON with a surrogate escape is read code point
        by code point, so what :meth:`model_dump_json` wrote comes back equal.

        Such JSON is tried first with each escape kept as its own code point (how this
        class writes it), then by the JSON standard, which joins an escaped high and low
        surrogate into one character (how ``json.dumps(ensure_ascii=True)`` writes one).
        """
        text = ""
        if isinstance(json_data, str):
            text = json_data
        elif b"\\ud" in json_data or b"\\uD" in json_data:
            # Not UTF-8: left to pydantic's reader, which says so as a ValidationError.
            with contextlib.suppress(UnicodeDecodeError):
                text = bytes(json_data).decode("utf-8")
        if "\\ud" not in text and "\\uD" not in text:
            return super().model_validate_json(json_data, **kwargs)
        try:
            return cls.model_validate(_loads_keeping_surrogates(text), **kwargs)
        except (ValidationError, ValueError) as exact_error:
            try:
                return super().model_validate_json(json_data, **kwargs)
            except ValidationError:
                raise exact_error from None


def _dump_with_surrogates(record: BaseModel, options: dict[str, Any]) -> str:
    """JSON of a record holding surrogate code points, laid out as pydantic lays it out."""
    indent = options.pop("indent", None)
    ensure_ascii = options.pop("ensure_ascii", False)
    data = record.model_dump(mode="json", **options)
    separators = (",", ":") if indent is None else (",", ": ")
    out = json.dumps(data, indent=indent, ensure_ascii=ensure_ascii, separators=separators)
    # json.dumps leaves surrogates raw without ensure_ascii; raw ones occur only inside strings.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", out)


def _loads_keeping_surrogates(text: str) -> Any:
    """``json.loads``, but each surrogate escape is its own code point, even in a pair."""
    raw = _SURROGATE_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[0], text)
    return json.loads(raw)


_FULL_FIELDS_SETS: dict[type[BaseModel], set[str]] = {}
"""Per record class, the one fields-set its records with every field set share."""


def full_fields_set(cls: type[BaseModel]) -> set[str]:
    """The shared fields-set of ``cls``'s records that have every field set."""
    full = _FULL_FIELDS_SETS.get(cls)
    if full is None:
        full = _FULL_FIELDS_SETS[cls] = set(cls.model_fields)
    return full


def _share_fields_set(record: BaseModel) -> None:
    full = full_fields_set(type(record))
    names = record.__pydantic_fields_set__
    if names is not full and len(names) == len(full):
        object.__setattr__(record, "__pydantic_fields_set__", full)


class TextSpan(_Record):
    """A stretch of the original text."""

    start: Offset
    """Offset of the first character."""
    end: Offset
    """Offset just past the last character."""
    text: str
    """The covered text: ``original[start:end]``."""

    @model_validator(mode="after")
    def _ordered(self) -> TextSpan:
        if self.end < self.start or len(self.text) != self.end - self.start:
            msg = f"span [{self.start}, {self.end}) does not fit its text {self.text!r}"
            raise ValueError(msg)
        return self


class SpeakerRef(_Record):
    """The speaker of one quote, by id into ``DocumentResult.speakers``."""

    id: str
    """Id of the speaker in this document, e.g. ``"S1"``."""
    name: str
    """Canonical name: the fullest proper name in the text, without titles."""


class Quote(TextSpan):
    """One quotation and who said it."""

    kind: QuoteKind
    """``direct`` (a quoted sentence or clause), ``mixed`` (quoted words inside reported
    speech), ``nested`` (a quote inside a quote) or ``scare`` (quotation marks that are not
    speech, such as a quoted name)."""
    speaker: SpeakerRef | None
    """The resolved speaker, or null when no rule could attribute the quote."""
    mention: TextSpan | None
    """The speaker mention that carried the attribution (the "he" of ``"...," he said``)."""
    cue: TextSpan | None
    """The speech verb (or "according to") that carried the attribution."""
    rule: str
    """The rule that decided the attribution; ``unattributed`` or ``not_speech`` otherwise.
    ``vocative_other`` may decide that a quote has no speaker the text names (it addresses
    the last speaker, so it is not theirs): its ``speaker`` is then null."""
    confidence: Confidence
    """How likely the speaker's name is right, measured on annotated news for the rule and
    for how the name was reached (``data/calibration/confidence.tsv``); 0 without one."""
    parent: int | None = None
    """For a nested quote, the index in ``quotes`` of the quote that contains it."""


class Speaker(_Record):
    """One speaker entity and every mention the text makes of it."""

    id: str
    """Id of the speaker in this document (``S1``, ``S2``, ...), referenced by quotes."""
    name: str
    """Canonical name: the fullest proper name, without titles; a role phrase if unnamed."""
    type: SpeakerType
    """``person``, ``organization``, ``group`` (plural people) or ``unknown``."""
    titles: tuple[str, ...] = ()
    """Titles found before the name ("US Secretary of State")."""
    mentions: tuple[TextSpan, ...] = ()
    """Names, pronouns and role nouns that refer to this speaker, in text order."""


_QUOTES: TypeAdapter[list[Quote]] | None = None


def validate_quotes(fields: list[dict[str, Any]]) -> list[Quote]:
    """Quote records from their fields, validated in one call, sharing fields-sets.

    The pipeline validates a long document's quotes a slice at a time, so the plain dicts
    and the validated records of all its quotes are never in memory together.
    """
    global _QUOTES  # noqa: PLW0603 - built on first use: most imports never need it
    if _QUOTES is None:
        _QUOTES = TypeAdapter(list[Quote])
    quotes = _QUOTES.validate_python(fields)
    for quote in quotes:
        _share_fields_set(quote)
        if quote.mention is not None:
            _share_fields_set(quote.mention)
        if quote.cue is not None:
            _share_fields_set(quote.cue)
        if quote.speaker is not None:
            _share_fields_set(quote.speaker)
    return quotes


class DocumentResult(_Record):
    """The quotes of one document, in order of ``start``, and their speakers."""

    doc_id: str | None = None
    """The caller's identifier for the document, carried through unchanged."""
    quotes: tuple[Quote, ...] = ()
    """Every quotation found, in order of ``start`` (a nested quote after its parent)."""
    speakers: tuple[Speaker, ...] = ()
    """The entities that speak at least one quote, in order of their first quote."""
    error: str | None = None
    """Set only by batch runs: why this document could not be processed ("ValueError: ...");
    its ``quotes`` and ``speakers`` are then empty."""
    _text: str = PrivateAttr(default="")
    _resolutions: tuple[str | None, ...] = PrivateAttr(default=())
    """Per quote, how the speaker's name was reached (``quoteattr.confidence``); not part
    of the JSON contract, read by the calibration script through ``resolutions``."""

    @property
    def text(self) -> str:
        """The original text the offsets index (not part of the JSON output)."""
        return self._text

    def __eq__(self, other: object) -> bool:
        # The original text is carried for rendering only; equality is the JSON contract's.
        if not isinstance(other, DocumentResult):
            return NotImplemented
        return (self.doc_id, self.quotes, self.speakers, self.error) == (
            other.doc_id, other.quotes, other.speakers, other.error
        )

    def __hash__(self) -> int:
        return hash((self.doc_id, self.quotes, self.speakers, self.error))

    def _compact(self) -> None:
        """Let every record of one class that has all its fields set share one fields-set.

        pydantic gives each record its own ``set`` of the names of the fields it was given:
        728 bytes for a quote, 216 for each span, about two fifths of a quote record with
        its spans. Nothing changes a frozen record's set (``model_copy`` copies it first),
        so records share one per class; treat ``model_fields_set`` as read-only.
        """
        for quote in self.quotes:
            _share_fields_set(quote)
            if quote.mention is not None:
                _share_fields_set(quote.mention)
            if quote.cue is not None:
                _share_fields_set(quote.cue)
            if quote.speaker is not None:
                _share_fields_set(quote.speaker)
        for speaker in self.speakers:
            _share_fields_set(speaker)
            for mention in speaker.mentions:
                _share_fields_set(mention)

    def spans(self) -> list[tuple[str, TextSpan]]:
        """Every span in the result with a label ("quotes[2].mention"): each quote, its
        mention and cue, and each speaker's mentions. For checks such as
        ``original[s.start:s.end] == s.text``, which hold for all of them."""
        out: list[tuple[str, TextSpan]] = []
        for i, q in enumerate(self.quotes):
            out.append((f"quotes[{i}]", q))
            if q.mention is not None:
                out.append((f"quotes[{i}].mention", q.mention))
            if q.cue is not None:
                out.append((f"quotes[{i}].cue", q.cue))
        for s in self.speakers:
            out.extend((f"speaker {s.id} mention", m) for m in s.mentions)
        return out

    def speaker(self, speaker_id: str) -> Speaker | None:
        """The speaker with id ``speaker_id``, or None."""
        return next((s for s in self.speakers if s.id == speaker_id), None)

    def to_json(self, *, indent: int | None = None) -> str:
        """The result as JSON text (the documented contract): :meth:`model_dump_json`.

        Text that holds a surrogate code point (possible in a Python str, not in UTF-8) is
        written with ``\\udXXX`` escapes, so the JSON stays valid UTF-8 and
        :meth:`model_validate_json` reads back an equal result.
        """
        return self.model_dump_json(indent=indent)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per quote, in order: a table row for pandas, csv or a database.

        Keys: ``doc_id``, ``quote`` (index in ``quotes``), ``start``, ``end``, ``text``,
        ``kind``, ``speaker_id``, ``speaker_name``, ``speaker_type``, ``mention_start``,
        ``mention_end``, ``mention_text``, ``cue_start``, ``cue_end``, ``cue_text``, ``rule``,
        ``confidence``, ``parent``; None where a quote has no speaker, mention or cue.
        Flat because table tools cannot hold the nested records.
        """
        types = {s.id: s.type for s in self.speakers}
        rows: list[dict[str, Any]] = []
        for n, q in enumerate(self.quotes):
            mention, cue, speaker = q.mention, q.cue, q.speaker
            rows.append({
                "doc_id": self.doc_id,
                "quote": n,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker_id": speaker.id if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "speaker_type": types.get(speaker.id, "unknown") if speaker else None,
                "mention_start": mention.start if mention else None,
                "mention_end": mention.end if mention else None,
                "mention_text": mention.text if mention else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "cue_text": cue.text if cue else None,
                "rule": q.rule,
                "confidence": q.confidence,
                "parent": q.parent,
            })
        return rows

    def to_dataframe(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``.

        pandas is optional (``pip install "quoteattr[pandas]"``) and imported only here;
        without it this raises :class:`quoteattr.errors.BackendUnavailableError` saying so.
        """
        from .rows import dataframe_of

        return dataframe_of([self])

    def _repr_html_(self) -> str:
        """The HTML view Jupyter shows for ``display(result)``: the article, quotes marked.

        ``render`` is imported here, not at the top: records is the JSON contract and
        must not depend on the renderer.
        """
        from .render import render_html

        return render_html(self)
