"""The public result records: the JSON contract other code builds on.

Fields may be added in later releases but never dropped or renamed. Offsets are
Python ``str`` indices into the caller's original text, and every ``text`` field
equals ``original[start:end]``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticSerializationError

Offset = Annotated[int, Field(ge=0)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
QuoteKind = Literal["direct", "mixed", "nested", "scare"]
SpeakerType = Literal["person", "organization", "group", "unknown"]
MentionKind = Literal["name", "pronoun", "nominal"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


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
        """The result as JSON text (the documented contract).

        Text that holds a lone surrogate (possible in a Python str, not in UTF-8) is
        written with ``\\uXXXX`` escapes, so the JSON stays valid (``json.loads`` reads it back).
        """
        try:
            return self.model_dump_json(indent=indent)
        except PydanticSerializationError:
            return json.dumps(self.model_dump(mode="python"), indent=indent, ensure_ascii=True)

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
        from .render import dataframe_of

        return dataframe_of([self])

    def _repr_html_(self) -> str:
        """The HTML view Jupyter shows for ``display(result)``: the article, quotes marked.

        ``render`` is imported here, not at the top: records is the JSON contract and
        must not depend on the renderer.
        """
        from .render import render_html

        return render_html(self)
