"""Decisions -> records: the one place a :class:`~quoteattr.records.DocumentResult` is built.

The pipeline hands on one :class:`Decision` per quote (its kind, the rule's finding and
the speaker's entity); this module numbers the speakers, weighs each name's confidence and
makes the records around those values (:mod:`quoteattr.trusted`).
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from .confidence import assess
from .coref import Coreference
from .errors import InputTypeError
from .keysharing import SHARE_KEYS_ABOVE, share_keys
from .quotes import QuoteSpan
from .records import (
    DocumentResult,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerRef,
    TextSpan,
    full_fields_set,
)
from .rules import Found
from .spans import Span, one_line
from .trusted import trusted_all


class Decision(NamedTuple):
    """One quote's kind and attribution, before records are built (a named tuple)."""

    quote: QuoteSpan
    kind: QuoteKind
    found: Found | None
    cluster: int | None
    parent: int | None = None
    carried: str | None = None  # how a speaker taken from the quote before came (confidence)
    narrated: bool = False  # a narrator's "I" given the entity the narrator is addressed as


def _distinct_name(coref: Coreference, cluster: int, shared: set[str]) -> str:
    """The entity's name, with its title when another entity of the text has the same
    name (``shared``): "Mr. Bennet" and "Mrs. Bennet", not two speakers called "Bennet"."""
    c = coref.clusters[cluster]
    name = c.name
    if c.named and c.titles and c.fullest_words == 1 and any(
        (t := coref.lexicon.titles.get(title.lower())) is not None and t.kind == "family"
        for title in c.titles[:1]
    ):
        return f"{c.titles[0]} {name}"  # "Aunt Hester": a relative's title is her name
    if name not in shared or not c.named or not c.titles:
        return name
    title = c.titles[0]
    if len(title.split()) > 2 or title.lower() in name.lower():
        return name
    return f"{title} {name}"


def _shared_names(coref: Coreference) -> set[str]:
    """The names that more than one named entity of the text has, and a titled surname
    that ends another entity's full name ("Madame Ferrand" beside her son Julien Ferrand)."""
    seen: set[str] = set()
    shared: set[str] = set()
    for c in coref.clusters:
        if c.named and c.titles:  # only a titled entity is ever renamed
            (shared if c.fullest in seen else seen).add(c.fullest)
    for c in coref.clusters:
        if not c.named or not c.fullest:
            continue
        if not c.titles and c.fullest in seen:
            shared.add(c.fullest)
        if c.fullest_words > 1 and (surname := c.fullest.rsplit(None, 1)[-1]) in seen:
            shared.add(surname)
    return shared


_QUOTE_START = attrgetter("quote.span.start")


def _kept(span: Span | None) -> Span | None:
    """``span``, or None for an empty one (``Span.__len__``'s test, written out)."""
    return None if span is None or span.end == span.start else span


def empty_result(text: str, doc_id: str | None) -> DocumentResult:
    """The result for a text without quotes (what :func:`build_result` gives for it)."""
    return DocumentResult(doc_id=doc_id)._attach_text(text)


QuoteRow = tuple[int, int, QuoteKind, SpeakerRef | None, Span | None, Span | None, str, float,
                 int | None]


class Rows(NamedTuple):
    """What the records are made of, in plain values: nothing of the pipeline's (its
    mentions, clusters and contexts) is left in it, so they are freed before validation."""

    quotes: list[QuoteRow]
    """Per quote, in order: start, end, kind, speaker, mention, cue, rule, confidence,
    parent (an empty mention or cue as None)."""
    speakers: list[dict[str, object]]
    """Per speaker, its fields, with its mentions as sorted (start, end) pairs."""
    resolutions: tuple[str | None, ...]
    genre: str = "news"
    """The conventions the text was read by: they chose the confidence table."""


def build_result(
    text: str, doc_id: str | None, decisions: list[Decision], coref: Coreference
) -> DocumentResult:
    """The document's records: :func:`result_rows`, then :func:`finish_result`."""
    return finish_result(text, doc_id, result_rows(text, decisions, coref))


def result_rows(
    text: str, decisions: list[Decision], coref: Coreference, genre: str = "news"
) -> Rows:
    """The records' values: speakers numbered, each name's confidence weighed; ``decisions``
    is emptied on the way.

    The pipeline calls this while its stages' values are alive and :func:`finish_result`
    after they are gone: the records never share the peak with them.
    """
    if any(d.parent is not None for d in decisions):
        # A nested quote's decision follows all of its parent's; with none, the decisions
        # are the top-level quotes in text order, and sorting (a key per quote) is skipped.
        # No two quotes start at one offset (a nested one starts after its parent's mark),
        # so the start alone orders them as (start, -end) would, with no key tuple each.
        decisions.sort(key=_QUOTE_START)
    ids: dict[int, str] = {}
    # One SpeakerRef per speaker, made once: the quotes share it.
    refs: dict[int, SpeakerRef] = {}
    shared: set[str] | None = None  # names two entities share, found at the first speaker
    # Spans as (start, end) tuples (the order and equality of Span's).
    phrase_spans: dict[int, set[tuple[int, int]]] = {}  # speaker phrases, no known mention
    records: list[QuoteRow] = []
    resolutions: list[str | None] = []  # how each speaker's name was reached (calibration)
    top: list[float] = []  # the confidence of each top-level quote, in order
    confidences: dict[float, float] = {}  # one float object per value: records share them
    open_parents: list[tuple[int, int]] = []
    decisions.reverse()  # popped in order: each decision goes as its row is made
    n = -1
    while decisions:
        d = decisions.pop()
        n += 1
        qspan = d.quote.span
        while open_parents and open_parents[-1][1] <= qspan.start:
            open_parents.pop()
        parent = open_parents[-1][0] if open_parents and d.quote.depth > 0 else None
        open_parents.append((n, qspan.end))
        f = d.found
        cluster = d.cluster
        speaker = None
        if cluster is not None:
            speaker = refs.get(cluster)
            if speaker is None:  # ids in order of each speaker's first quote
                sid = ids[cluster] = f"S{len(ids) + 1}"
                if shared is None:
                    shared = _shared_names(coref)
                speaker = refs[cluster] = SpeakerRef(id=sid, name=one_line(
                    _distinct_name(coref, cluster, shared)))
        confidence, resolution = 0.0, None
        if f is None:
            mention = cue = None
            rule = "not_speech" if d.kind == "scare" else "unattributed"
        else:
            span = f.mention_span
            mention = _kept(span)
            cue = _kept(f.cue)
            rule = f.rule
            if speaker is not None and cluster is not None:
                resolution, confidence = assess(f, d.carried, coref.index, speaker.name,
                                                coref.clusters[cluster].named, top, genre)
                confidence = confidences.setdefault(confidence, confidence)
            if span is not None and mention is not None and cluster is not None and (
                f.mention is None or d.narrated
            ):
                phrase_spans.setdefault(cluster, set()).add((mention.start, mention.end))
        records.append((qspan.start, qspan.end, d.kind, speaker, mention, cue, rule,
                        confidence, parent))
        resolutions.append(resolution)
        if d.parent is None:
            top.append(confidence)
    speakers: list[dict[str, object]] = []
    index_mentions = coref.index.mentions
    for cluster_index, sid in ids.items():
        c = coref.clusters[cluster_index]
        spans = phrase_spans.get(cluster_index, set())
        for i in c.mentions:
            m = index_mentions[i]  # its full_span, without making a Span
            spans.add((m.title_start if m.title_start >= 0 else m.span.start, m.span.end))
        speakers.append({"id": sid, "name": refs[cluster_index].name, "type": c.type,
                         "titles": tuple(c.titles), "mentions": sorted(spans)})
    return Rows(records, speakers, tuple(resolutions), genre)


def finish_result(text: str, doc_id: str | None, rows: Rows) -> DocumentResult:
    """The records of ``rows``, ``rows`` emptied on the way.

    Every value in ``rows`` was made by the pipeline, so the records are made around them
    unchecked (:mod:`quoteattr.trusted`; why: docs/batch.md, "Where the time goes"), but
    for what no type guarantees: each span lies inside ``text`` (so its ``text`` field is
    its slice) and each confidence inside [0, 1], or ValueError. Equal strings are one object
    ("he", "said", a repeated quote), and a quote's mention is the same record as its
    speaker's mention at that span.
    """
    if doc_id is not None and type(doc_id) is not str:
        doc_id = _exact_str(doc_id)
    strings: dict[str, str] = {}
    size = len(text)
    keep = strings.setdefault

    def spans(pairs: list[tuple[int, int]]) -> list[TextSpan]:
        fields = [{"start": start, "end": end, "text": keep(piece := text[start:end], piece)}
                  for start, end in pairs if 0 <= start <= end <= size]
        if len(fields) != len(pairs):
            raise _outside(pairs, size)
        return trusted_all(TextSpan, fields, full_fields_set(TextSpan))

    # Every speaker's mentions in one list, made in bulk, then handed back to each speaker.
    pairs: list[tuple[int, int]] = []
    for fields in rows.speakers:
        pairs.extend(fields["mentions"])  # type: ignore[arg-type]
    mentions = spans(pairs)
    at = 0
    for fields in rows.speakers:
        n = len(fields["mentions"])  # type: ignore[arg-type]
        fields["mentions"] = tuple(mentions[at : at + n])
        at += n
    speakers = trusted_all(Speaker, rows.speakers, full_fields_set(Speaker))
    rows.speakers.clear()
    compact = len(rows.quotes) > SHARE_KEYS_ABOVE  # a long text: its records share keys
    if compact:
        share_keys(mentions)
    # The speakers' mention records that a quote names (not one entry per mention).
    wanted = {(part.start, part.end) for row in rows.quotes for part in (row[4], row[5])
              if part is not None}
    shared: dict[tuple[int, int], TextSpan] = {
        key: m for key, m in zip(pairs, mentions, strict=True) if key in wanted}
    del pairs, mentions, wanted
    quote_set = full_fields_set(Quote)
    pending = rows.quotes
    pending.reverse()  # taken from the end, in order: rows go as their records are made
    quotes: list[Quote] = []
    while pending:
        # A slice at a time: the rows, the records' dicts and (for a long text) the dicts
        # not yet key-sharing of all the quotes are never in memory together.
        chunk = pending[-_SLICE:]
        del pending[-_SLICE:]
        chunk.reverse()
        # one record for each other span the slice's quotes name (a cue both halves share)
        missing = list(dict.fromkeys(
            key for row in chunk for part in (row[4], row[5]) if part is not None
            and (key := (part.start, part.end)) not in shared))
        parts = dict(zip(missing, spans(missing), strict=True))
        del missing
        values = [{
            "start": start, "end": end, "text": keep(piece := text[start:end], piece),
            "kind": kind, "speaker": speaker,
            "mention": None if mention is None else (
                shared.get(key := (mention.start, mention.end)) or parts[key]),
            "cue": None if cue is None else (
                shared.get(key := (cue.start, cue.end)) or parts[key]),
            "rule": rule, "confidence": confidence, "parent": parent,
        } for start, end, kind, speaker, mention, cue, rule, confidence, parent in chunk
            if 0 <= start <= end <= size and 0.0 <= confidence <= 1.0]
        if len(values) != len(chunk):
            raise _outside([(row[0], row[1]) for row in chunk], size, [row[7] for row in chunk])
        del chunk
        made = trusted_all(Quote, values, quote_set)
        del values
        if compact:
            _share_quote_keys(made, shared)
        quotes.extend(made)
        del made
    result = _new(DocumentResult)
    _set(result, "__dict__", {"doc_id": doc_id, "quotes": tuple(quotes),
                              "speakers": tuple(speakers), "error": None})
    _set(result, "__pydantic_fields_set__", {"doc_id", "quotes", "speakers"})
    _set(result, "__pydantic_extra__", None)
    _set(result, "__pydantic_private__", {"_text": text, "_resolutions": rows.resolutions,
                                          "_genre": rows.genre})
    return result


_new = object.__new__
_set = object.__setattr__
_SLICE = 256
"""Quote records made together (and, for a long text, made key-sharing)."""


def _exact_str(doc_id: object) -> str:
    """A doc id of a ``str`` subclass as a plain ``str`` (as validation made it)."""
    if not isinstance(doc_id, str):
        msg = f"doc_id must be str or None, got {type(doc_id).__name__}"
        raise InputTypeError(msg)
    return str.__str__(doc_id)


def _outside(pairs: list[tuple[int, int]], size: int,
             confidences: list[float] | None = None) -> ValueError:
    """The error for the first span outside the text (or confidence outside [0, 1])."""
    for n, (start, end) in enumerate(pairs):
        if not 0 <= start <= end <= size:
            return ValueError(f"span [{start}, {end}) does not lie in the text of {size} "
                              "characters")
        if confidences is not None and not 0.0 <= confidences[n] <= 1.0:
            return ValueError(f"confidence {confidences[n]} is outside [0, 1]")
    return ValueError("a record's values do not fit its text")


def _share_quote_keys(quotes: list[Quote], shared: dict[tuple[int, int], TextSpan]) -> None:
    """The quotes' dicts, their cues' and their own mentions' made key-sharing
    (:mod:`quoteattr.keysharing`); a speaker's mention record already is."""
    share_keys(quotes)
    share_keys(q.cue for q in quotes if q.cue is not None)
    share_keys(m for q in quotes if (m := q.mention) is not None
               and shared.get((m.start, m.end)) is not m)
