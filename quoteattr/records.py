"""The public result records: the JSON contract other code builds on.

Fields may be added in later releases but never dropped or renamed. Offsets are
Python ``str`` indices into the caller's original text, and every ``text`` field
equals ``original[start:end]``.

Records are the contract at the bottom of the package: they import nothing of quoteattr
but errors and the flat rows (:mod:`quoteattr.rows`). The notebook view is the renderer's,
registered here by :mod:`quoteattr.render` when it loads, so no import points back up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    TypeAdapter,
    model_validator,
)

from .errors import InputTypeError, InputValueError, TextUnavailableError, describe_type, expect_str
from .exactjson import ExactJsonRecord as _Record
from .rows import dataframe_of

Offset = Annotated[int, Field(ge=0)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
QuoteKind = Literal["direct", "mixed", "nested", "scare", "thought"]
SpeakerType = Literal["person", "organization", "group", "unknown"]


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
    speech), ``nested`` (a quote inside a quote), ``scare`` (quotation marks that are not
    speech, such as a quoted name) or ``thought`` (with ``genre="fiction"``: a direct quote
    of inner speech, cued by a verb of thinking: ``"Too late," she thought``)."""
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
    # _share_quote_fields_sets written out, the spans' full set looked up once per call:
    # it runs for every quote of every document.
    full_span = full_fields_set(TextSpan)
    set_field = object.__setattr__
    for quote in quotes:
        _share_fields_set(quote)
        for part in (quote.mention, quote.cue, quote.speaker):
            if part is None:
                continue
            names = part.__pydantic_fields_set__
            full = full_span if type(part) is TextSpan else full_fields_set(type(part))
            if names is not full and len(names) == len(full):
                set_field(part, "__pydantic_fields_set__", full)
    return quotes


def _share_quote_fields_sets(quote: Quote) -> None:
    """A quote and the records inside it share their classes' fields-sets."""
    _share_fields_set(quote)
    for part in (quote.mention, quote.cue, quote.speaker):
        if part is not None:
            _share_fields_set(part)


_SPEAKERS: TypeAdapter[list[Speaker]] | None = None


def validate_speakers(fields: list[dict[str, Any]]) -> list[Speaker]:
    """Speaker records from their fields, validated in one call (before the quotes, so a
    quote's mention can be the speaker's own mention record rather than a copy)."""
    global _SPEAKERS  # noqa: PLW0603 - built on first use, as _QUOTES
    if _SPEAKERS is None:
        _SPEAKERS = TypeAdapter(list[Speaker])
    return _SPEAKERS.validate_python(fields)


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
    _text: str | None = PrivateAttr(default=None)
    """The original text, set by :meth:`_attach_text`; None when the result does not carry it."""
    _resolutions: tuple[str | None, ...] = PrivateAttr(default=())
    """Per quote, how the speaker's name was reached (``quoteattr.confidence``); not part
    of the JSON contract, read by the calibration script through ``resolutions``."""
    _genre: str = PrivateAttr(default="news")
    """The conventions the text was read by (``quoteattr.confidence.genre_read``)."""

    @property
    def text(self) -> str:
        """The original text the offsets index, carried by the results ``attribute`` makes.

        It is not part of the JSON (the contract holds offsets, not the article), so a result
        read from JSON, built by hand or standing for a failed document has none: then this
        raises :class:`~quoteattr.errors.TextUnavailableError`, and :meth:`with_text` gives
        the text back.
        """
        if self._text is None:
            msg = ("this result does not carry its article text: results read from JSON, built "
                   "by hand or recording a failed document have none (the JSON holds offsets, "
                   "not the article); attach it with result.with_text(original)")
            raise TextUnavailableError(msg)
        return self._text

    def with_text(self, text: str) -> DocumentResult:
        """A copy of this result carrying ``text``, the original its offsets index.

        For a result read back from JSON. Every span must slice back
        (``text[start:end] == span.text``), or :class:`~quoteattr.errors.InputValueError`
        names the first that does not: offsets into another text would mark the wrong words.
        """
        expect_str(text, argument="text")
        for label, span in self.spans():
            found = text[span.start : span.end]
            if found != span.text:
                msg = (f"text does not fit this result: {label} is {span.text!r} at "
                       f"[{span.start}, {span.end}), but the text holds {found!r} there; "
                       "pass the original text the result was made from")
                raise InputValueError(msg)
        return self.model_copy()._attach_text(text)

    def _attach_text(
        self, text: str | None, resolutions: tuple[str | None, ...] = (),
        genre: str | None = None,
    ) -> Self:
        """Set the private original text (and the pipeline's resolutions); returns self.

        Unchecked, for the pipeline and the batch parent, whose offsets index ``text`` by
        construction; :meth:`with_text` is the checked way for everyone else.
        """
        self._text = text
        if resolutions:
            self._resolutions = resolutions
        if genre is not None:
            self._genre = genre
        return self

    def __eq__(self, other: object) -> bool:
        # The original text is carried for rendering only; equality is the JSON contract's.
        if not isinstance(other, DocumentResult):
            return NotImplemented
        return (self.doc_id, self.quotes, self.speakers, self.error) == (
            other.doc_id, other.quotes, other.speakers, other.error
        )

    def __hash__(self) -> int:
        return hash((self.doc_id, self.quotes, self.speakers, self.error))

    def _compact(self, *, quotes: bool = True) -> None:
        """Let every record of one class that has all its fields set share one fields-set.

        pydantic gives each record its own ``set`` of the names of the fields it was given:
        728 bytes for a quote, 216 for each span, about two fifths of a quote record with
        its spans. Nothing changes a frozen record's set (``model_copy`` copies it first),
        so records share one per class; treat ``model_fields_set`` as read-only.
        ``quotes=False`` leaves the quotes, which :func:`validate_quotes` made sharing.
        """
        if quotes:
            for quote in self.quotes:
                _share_quote_fields_sets(quote)
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

    def speaker(self, ref: SpeakerRef | str | None, /) -> Speaker | None:
        """The speaker a quote names, by its :class:`SpeakerRef` or its id; None for none.

        So ``doc.speaker(quote.speaker)`` gives the full record (type, titles, mentions) of
        a quote's speaker, and None for an unattributed quote.
        """
        if ref is None:
            return None
        if isinstance(ref, SpeakerRef):
            ref = ref.id
        elif not isinstance(ref, str):
            msg = f"speaker() takes a SpeakerRef or a speaker id (str), got {describe_type(ref)}"
            raise InputTypeError(msg)
        return next((s for s in self.speakers if s.id == ref), None)

    def __repr__(self) -> str:
        """Short, like a spaCy Doc's: the doc id, the counts and the first words.

        pydantic's own repr lists every field, kilobytes for an article; the fields are in
        :meth:`model_dump` and :meth:`to_json`.
        """
        head = "<DocumentResult" + ("" if self.doc_id is None else f" {self.doc_id!r}")
        if self.error is not None:
            return f"{head}: error {_first_words(self.error)!r}>"
        counts = (f"{len(self.quotes)} quote{'' if len(self.quotes) == 1 else 's'}, "
                  f"{len(self.speakers)} speaker{'' if len(self.speakers) == 1 else 's'}")
        start = self._text if self._text is not None else (
            self.quotes[0].text if self.quotes else "")
        words = _first_words(start)
        return f"{head}: {counts}" + (f": {words}>" if words else ">")

    __str__ = __repr__

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
        return dataframe_of([self])

    def _repr_html_(self) -> str | None:
        """The HTML view Jupyter shows for ``display(result)``: the article, quotes marked.

        Drawn by :func:`quoteattr.render.render_html`, which ``import quoteattr`` registers
        here; None (Jupyter then shows the repr) if no renderer is loaded.
        """
        return _HTML_VIEW[0](self) if _HTML_VIEW else None


_HTML_VIEW: list[Callable[[DocumentResult], str]] = []
"""The notebook view of a result, set by :func:`set_html_view`: records, the contract at the
bottom of the package, imports no renderer, so the renderer registers itself here."""


def set_html_view(view: Callable[[DocumentResult], str]) -> None:
    """Make ``view`` draw ``DocumentResult._repr_html_``; :mod:`quoteattr.render` calls it."""
    _HTML_VIEW[:] = [view]


_REPR_WORDS = 60
"""About how many characters of text a result's repr shows."""


def _first_words(text: str) -> str:
    """The start of ``text`` on one line, cut at a word near :data:`_REPR_WORDS` characters."""
    flat = " ".join(text[: _REPR_WORDS * 4].split())
    if len(flat) <= _REPR_WORDS:
        return flat
    cut = flat[:_REPR_WORDS].rsplit(" ", 1)[0] or flat[:_REPR_WORDS]
    return cut + "\u2026"
