"""Decisions -> records: the one place a :class:`~quoteattr.records.DocumentResult` is built.

The pipeline hands on one :class:`Decision` per quote (its kind, the rule's finding and
the speaker's entity); this module numbers the speakers, weighs each name's confidence and
validates the whole result in one pydantic call.
"""

from __future__ import annotations

from typing import NamedTuple

from .confidence import assess
from .coref import Coreference
from .quotes import QuoteSpan
from .records import DocumentResult, Quote, QuoteKind, SpeakerRef, validate_quotes
from .rules import Found
from .spans import Span, one_line


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
    if name not in shared or not c.named or not c.titles:
        return name
    title = c.titles[0]
    if len(title.split()) > 2 or title.lower() in name.lower():
        return name
    return f"{title} {name}"


def _shared_names(coref: Coreference) -> set[str]:
    """The names that more than one named entity of the text has."""
    seen: set[str] = set()
    shared: set[str] = set()
    for c in coref.clusters:
        if c.named and c.titles:  # only a titled entity is ever renamed
            (shared if c.fullest in seen else seen).add(c.fullest)
    for c in coref.clusters:
        if c.named and not c.titles and c.fullest in seen:
            shared.add(c.fullest)
    return shared


def _span(text: str, span: Span | None) -> dict[str, object] | None:
    """A :class:`TextSpan`'s fields, for :func:`build_result`'s one validation; None for no
    span or an empty one (``Span.__len__``'s test, written out)."""
    if span is None or span.end == span.start:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def empty_result(text: str, doc_id: str | None) -> DocumentResult:
    """The result for a text without quotes (what :func:`build_result` gives for it)."""
    return DocumentResult(doc_id=doc_id)._attach_text(text)


_VALIDATE_EVERY = 256
"""Quote records validated together; their dicts are dropped before the next slice."""


def build_result(
    text: str, doc_id: str | None, decisions: list[Decision], coref: Coreference
) -> DocumentResult:
    """The document's records, validated in one call.

    The records are built as plain dicts and validated by one ``model_validate`` of the
    whole :class:`DocumentResult` (the records and their checks are those of building
    them one by one; why: docs/batch.md, "Where the time goes").
    """
    decisions.sort(key=lambda d: (d.quote.span.start, -d.quote.span.end))
    ids: dict[int, str] = {}
    # One SpeakerRef per speaker, made once: the quotes share it.
    refs: dict[int, SpeakerRef] = {}
    shared: set[str] | None = None  # names two entities share, found at the first speaker
    # Spans as (start, end) tuples (the order and equality of Span's).
    phrase_spans: dict[int, set[tuple[int, int]]] = {}  # speaker phrases, no known mention
    records: list[dict[str, object]] = []
    quotes: list[Quote] = []
    resolutions: list[str | None] = []  # how each speaker's name was reached (calibration)
    top: list[float] = []  # the confidence of each top-level quote, in order
    open_parents: list[tuple[int, int]] = []
    for n, d in enumerate(decisions):
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
            mention = _span(text, span)
            cue = _span(text, f.cue)
            rule = f.rule
            if speaker is not None and cluster is not None:
                resolution, confidence = assess(f, d.carried, coref.index, speaker.name,
                                                coref.clusters[cluster].named, top)
            if span is not None and mention is not None and cluster is not None and (
                f.mention is None or d.narrated
            ):
                phrase_spans.setdefault(cluster, set()).add((span.start, span.end))
        records.append({
            "start": qspan.start,
            "end": qspan.end,
            "text": text[qspan.start : qspan.end],
            "kind": d.kind,
            "speaker": speaker,
            "mention": mention,
            "cue": cue,
            "rule": rule,
            "confidence": confidence,
            "parent": parent,
        })
        resolutions.append(resolution)
        if len(records) == _VALIDATE_EVERY:  # validated a slice at a time: a lower peak
            quotes.extend(validate_quotes(records))
            records.clear()
        if d.parent is None:
            top.append(confidence)
    speakers = []
    index_mentions = coref.index.mentions
    for cluster_index, sid in ids.items():
        c = coref.clusters[cluster_index]
        spans = phrase_spans.get(cluster_index, set())
        for i in c.mentions:
            m = index_mentions[i]  # its full_span, without making a Span
            spans.add((m.title_start if m.title_start >= 0 else m.span.start, m.span.end))
        speakers.append({
            "id": sid, "name": refs[cluster_index].name, "type": c.type, "titles": tuple(c.titles),
            "mentions": [{"start": start, "end": end, "text": text[start:end]}
                         for start, end in sorted(spans)],
        })
    quotes.extend(validate_quotes(records))
    result = DocumentResult.model_validate(  # takes the validated quotes as they are
        {"doc_id": doc_id, "quotes": quotes, "speakers": speakers}
    )
    result._attach_text(text, tuple(resolutions))
    result._compact(quotes=False)  # validate_quotes shared the quotes' sets
    return result
