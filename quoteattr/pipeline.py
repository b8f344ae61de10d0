"""The Attributor: text -> annotation -> quotes -> mentions -> entities -> rules -> records.

Each stage is a pure function over frozen values; this module only runs them in
order, resolves each attribution's mention to an entity, and builds the pydantic
records once at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import regex

from .annotation import Annotation, Annotator
from .annotators.embedded import EmbeddedAnnotator
from .confidence import assess, carried
from .context import QuoteContext, build_contexts, nested_contexts
from .coref import Coreference
from .errors import InputTypeError, InputValueError, QuoteattrError, describe_type, expect_str
from .kinds import QuoteKind, classify_quote
from .lexicon import Lexicon, default_lexicon
from .many import DocIds, Progress, check_arguments, with_progress
from .mentions import MentionIndex, MentionPatterns, find_mentions, speech_cue_pattern
from .quotemarks import MarkToken, find_marks
from .quotes import QuoteSpan, pair_quotes
from .records import DocumentResult, Quote, SpeakerRef, validate_quotes
from .rules import (
    CueCache,
    Found,
    RuleInput,
    attribute_quote,
    find_cues,
    outside_quote,
    quote_speaker_cue,
    speaker_cue_quote,
)
from .spans import Span, plain_line_breaks

_ANNOTATORS = ("embedded", "stanza")
_ACCORDING = regex.compile(r"\b[Aa]ccording to\b")


class _Decision(NamedTuple):
    """One quote's kind and attribution, before records are built (a named tuple: quicker
    to make than a frozen dataclass)."""

    quote: QuoteSpan
    kind: QuoteKind
    found: Found | None
    cluster: int | None
    parent: int | None = None
    carried: str | None = None  # how a speaker taken from the quote before came (confidence)


class Attributor:
    """Finds quotes and their speakers; build once, reuse for many documents.

    An Attributor holds no per-document state, so one instance may be shared by
    threads and pickled into worker processes.
    """

    def __init__(
        self,
        *,
        annotator: str | Annotator = "embedded",
        lexicon: Lexicon | None = None,
        model_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        """``annotator`` is "embedded" (rules, no models), "stanza" (stanza's models from
        ``model_dir`` or ``$QUOTEATTR_STANZA_DIR``; checked before anything loads) or any
        object following the :class:`~quoteattr.annotation.Annotator` protocol."""
        if lexicon is not None and not isinstance(lexicon, Lexicon):
            msg = (f"lexicon must be a quoteattr.lexicon.Lexicon or None for the default, "
                   f"got {describe_type(lexicon)}")
            raise InputTypeError(msg)
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        if isinstance(annotator, str):
            if annotator not in _ANNOTATORS:
                msg = (
                    f"annotator must be one of {list(_ANNOTATORS)} or an Annotator, "
                    f"got {annotator!r}"
                )
                raise InputValueError(msg)
            self.annotator: Annotator = (
                _stanza_annotator(model_dir) if annotator == "stanza"
                else EmbeddedAnnotator(self.lexicon)
            )
        elif isinstance(annotator, Annotator):
            self.annotator = annotator
        else:
            msg = f"annotator must be a name or an Annotator, got {describe_type(annotator)}"
            raise InputTypeError(msg)
        self._cues = speech_cue_pattern(tuple(self.lexicon.speech_verbs))
        self._mention_patterns = MentionPatterns.from_lexicon(self.lexicon)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Compiled patterns are rebuilt in the receiving process rather than pickled.
        default = self.lexicon is default_lexicon()
        annotator: Annotator | str = self.annotator
        if type(annotator) is EmbeddedAnnotator and annotator.lexicon is self.lexicon:
            annotator = "embedded"
        return (_rebuild_attributor, (annotator, None if default else self.lexicon))

    def attribute(self, text: str | Any, *, doc_id: str | None = None) -> DocumentResult:
        """Find every quote in ``text`` and attribute it; offsets index ``text`` itself.

        ``text`` may also be a stanza ``Document`` a pipeline already produced: its
        tokens, parse, entities and coreference chains are used, and offsets index
        the Document's own text.
        """
        if doc_id is not None and not isinstance(doc_id, str):
            msg = f"doc_id must be str or None, got {describe_type(doc_id)}"
            raise InputTypeError(msg)
        if _is_stanza_document(text):
            from .annotators.stanza import annotation_from_document

            return self.attribute_annotation(annotation_from_document(text), doc_id=doc_id)
        original = expect_str(text, argument="text")
        text = plain_line_breaks(original)  # the stages see LF; the records slice original
        marks = find_marks(text, self.lexicon)
        if not marks:
            # No quotation mark, no quote: most of an archive's articles end here, without
            # running the annotator (for stanza, its models) over them.
            return _empty_result(original, doc_id)
        # No local name holds the annotation, so _attribute can let it go before the
        # records are built (the peak of a run).
        return self._attribute(self.annotator.annotate(text), doc_id, marks, original)

    def attribute_many(
        self,
        texts: Iterable[str],
        *,
        doc_ids: Iterable[str | None] | None = None,
        n_process: int = 1,
        batch_size: int = 64,
        progress: bool | Progress | None = None,
    ) -> Iterator[DocumentResult]:
        """Attribute each text in turn, lazily and in input order.

        The arguments are checked when this is called, not when the first result is
        pulled, so a wrong call fails where it is made; an item that is not a str raises
        a TypeError naming it, after the results before it. A document whose processing
        fails for any other reason yields a result with ``error`` set and the batch goes
        on, so one bad article never takes an archive run down.

        ``doc_ids`` gives one id per text: too few raise :class:`InputValueError` where
        they run out (at the call, when both have a length), and an id used twice warns
        once per run (:class:`~quoteattr.errors.DuplicateDocIdWarning`).

        ``n_process`` > 1 (or -1, one per core) runs the documents in worker processes,
        ``batch_size`` at a time (:mod:`quoteattr.batch`). Results still come in input
        order as soon as they are ready, and only a few chunks per process are read
        ahead, so ``texts`` may be an endless stream. The workers are forked on Linux
        where safe, else spawned: a script that uses them needs an
        ``if __name__ == "__main__":`` guard, and a custom annotator must be picklable.

        ``progress`` is a callback called as ``progress(done, result)`` after each result,
        or True for a tqdm bar (``pip install tqdm``).
        """
        check_arguments(texts, doc_ids, n_process, batch_size, progress)
        if n_process == 1:
            results = self._attribute_each(texts, DocIds(doc_ids))
        else:
            from .batch import attribute_in_processes  # the pool is optional machinery

            results = attribute_in_processes(self, texts, doc_ids, n_process=n_process,
                                             batch_size=batch_size)
        return with_progress(results, progress, texts)

    def _attribute_each(self, texts: Iterable[str], ids: DocIds) -> Iterator[DocumentResult]:
        for n, text in enumerate(texts):
            doc_id = ids.next_for(n)
            text = expect_str(text, argument=f"texts[{n}]")
            try:
                yield self.attribute(text, doc_id=doc_id)
            except QuoteattrError:
                raise  # a wrong argument (doc_id type, ...) is the caller's to fix
            except Exception as exc:  # noqa: BLE001 - one bad document must not end a batch
                yield DocumentResult(doc_id=doc_id, error=f"{type(exc).__name__}: {exc}")

    def attribute_annotation(
        self, annotation: Annotation, *, doc_id: str | None = None
    ) -> DocumentResult:
        """Run the quote and attribution stages over an existing annotation."""
        if not isinstance(annotation, Annotation):
            msg = (f"annotation must be a quoteattr.annotation.Annotation (from an annotator's "
                   f"annotate(text)), got {describe_type(annotation)}")
            raise InputTypeError(msg)
        return self._attribute(annotation, doc_id, find_marks(annotation.text, self.lexicon))

    def _attribute(
        self, annotation: Annotation, doc_id: str | None, marks: tuple[MarkToken, ...],
        original: str | None = None,
    ) -> DocumentResult:
        text = annotation.text
        lex = self.lexicon
        quotes = pair_quotes(text, marks, annotation.paragraphs)
        contexts = build_contexts(text, quotes, annotation.paragraphs, annotation.sentences,
                                  self._cues)
        mentions = find_mentions(annotation, lex, self._mention_patterns)
        cue_cache: CueCache = {}  # shared by the kind test and the rules
        kinds = self._kinds(text, contexts, cue_cache)
        coref = Coreference(text, mentions, annotation.sentences,
                            [c.quote.span for c in contexts], lex, annotation.paragraphs,
                            chains=annotation.coref)
        found: list[Found | None] = []
        inp = RuleInput(text, lex, mentions, contexts, annotation.paragraphs, found,
                        [k == "direct" for k in kinds], self._cues,
                        tokens=annotation.tokens,
                        token_starts=tuple(t.span.start for t in annotation.tokens),
                        layers=frozenset(annotation.provides), cue_cache=cue_cache)
        decisions: list[_Decision] = []
        max_depth = max((q.depth for q in quotes), default=0)
        for ctx, kind in zip(contexts, kinds, strict=True):
            result = None if kind == "scare" else attribute_quote(ctx, inp)
            found.append(result)
            cluster = self._resolve(result, coref, mentions)
            if cluster is not None:
                coref.note_speaker(ctx.quote.span.start, cluster)
            origin = None if result is None else result.inherited_from
            decisions.append(_Decision(ctx.quote, kind, result, cluster, carried=None if (
                origin is None) else carried(contexts[origin], ctx)))
            if max_depth > ctx.quote.depth:  # no generator for a quote nothing can nest in
                decisions.extend(self._nested(text, quotes, ctx, inp, coref, mentions))
        # Tokens, entities, contexts and the cue cache are done with: freed before the
        # records are built, they do not add to the run's peak memory.
        del annotation, inp, contexts, cue_cache, found, kinds, marks
        return _build_result(original or text, doc_id, decisions, coref)

    # -- stages ----------------------------------------------------------------------------

    def _kinds(
        self, text: str, contexts: tuple[QuoteContext, ...], cue_cache: CueCache
    ) -> list[QuoteKind]:
        kinds: list[QuoteKind] = []
        for i, ctx in enumerate(contexts):
            kind = self._kind(text, ctx, cue_cache)
            if kind == "scare" and i and kinds[-1] == "mixed" and (
                contexts[i - 1].quote.span.end == ctx.left.start
            ):
                kind = "mixed"  # the second partial quote of one clause: "ready" and "able"
            kinds.append(kind)
        return kinds

    def _kind(self, text: str, ctx: QuoteContext, cue_cache: CueCache) -> QuoteKind:
        start, end = ctx.left.start, ctx.left.end
        cues = find_cues(self._cues, text, start, end, cue_cache)
        last_cue_end = cues[-1].end if cues else -1
        if not cues and text.find("ccording to", start, end) >= 0:  # str.find: no regex call
            for match in _ACCORDING.finditer(text, start, end):
                last_cue_end = match.end()
        # Whether the cue ends the clause; with no cue (-1) it cannot, so no slice is made.
        cue_ends_clause = last_cue_end >= 0 and last_cue_end == start + len(
            text[start : ctx.quote.span.start].rstrip(" ,:\u00a0"))
        return classify_quote(text, ctx.quote, ctx.paragraph, start, last_cue_end >= 0,
                              cue_ends_clause)

    def _nested(
        self,
        text: str,
        quotes: tuple[QuoteSpan, ...],
        parent: QuoteContext,
        inp: RuleInput,
        coref: Coreference,
        mentions: MentionIndex,
    ) -> Iterator[_Decision]:
        # Depth-first without recursion: quotes may nest as deep as a text likes.
        pending = list(reversed(nested_contexts(text, quotes, parent)))
        while pending:
            ctx = pending.pop()
            result = outside_quote(speaker_cue_quote(ctx, inp), ctx) or outside_quote(
                quote_speaker_cue(ctx, inp), ctx
            )
            cluster = self._resolve(result, coref, mentions)
            yield _Decision(ctx.quote, "nested", result, cluster, parent=-1)
            pending.extend(reversed(nested_contexts(text, quotes, ctx)))

    @staticmethod
    def _resolve(found: Found | None, coref: Coreference, mentions: MentionIndex) -> int | None:
        if found is None or found.mention_span is None:
            return None
        if found.mention is not None:
            cluster = coref.cluster_of(found.mention)
            if cluster is not None:
                return cluster
            m = mentions.mentions[found.mention]
            if m.kind == "pronoun" and m.head not in ("i", "we"):
                return None  # an unresolved "he" names nobody; the mention is still reported
            return coref.cluster_for_phrase(m.head if m.kind == "pronoun" else
                                            coref.text[m.span.start : m.span.end], m.label)
        return coref.cluster_for_phrase(found.phrase, "UNKNOWN", found.mention_span.start)


def _is_stanza_document(value: object) -> bool:
    """A stanza Document, recognised without importing stanza (which imports torch)."""
    kind = type(value)
    return kind.__name__ == "Document" and kind.__module__.startswith("stanza.")


def _stanza_annotator(model_dir: str | os.PathLike[str] | None) -> Annotator:
    from .annotators.stanza import StanzaAnnotator

    return StanzaAnnotator(model_dir=model_dir)


def _rebuild_attributor(annotator: Annotator | str, lexicon: Lexicon | None) -> Attributor:
    return Attributor(annotator=annotator, lexicon=lexicon)


def _span(text: str, span: Span | None) -> dict[str, object] | None:
    """A :class:`TextSpan`'s fields, for :func:`_build_result`'s one validation; None for no
    span or an empty one (the test ``Span.__len__`` made, without that Python call)."""
    if span is None or span.end == span.start:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _empty_result(text: str, doc_id: str | None) -> DocumentResult:
    """The result for a text without quotes (what :func:`_build_result` gives for it)."""
    result = DocumentResult(doc_id=doc_id)
    result._text = text
    return result


_VALIDATE_EVERY = 256
"""Quote records validated together; their dicts are dropped before the next slice."""


def _build_result(
    text: str, doc_id: str | None, decisions: list[_Decision], coref: Coreference
) -> DocumentResult:
    """The document's records, validated in one call.

    The records are built as plain dicts and validated by one ``model_validate`` of the
    whole :class:`DocumentResult`: pydantic then builds the nested records without a
    Python ``__init__`` call for each, about a third cheaper than constructing them one
    by one (the records and their checks are unchanged).
    """
    decisions.sort(key=lambda d: (d.quote.span.start, -d.quote.span.end))
    ids: dict[int, str] = {}
    # One SpeakerRef per speaker, made once: the quotes share it, and pydantic takes a model
    # instance as it is instead of validating the same fields again for every quote.
    refs: dict[int, SpeakerRef] = {}
    # Spans as (start, end) tuples: Span's generated __hash__ and __lt__ are Python calls,
    # tuples hash and sort in C (the order and equality are the same).
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
                speaker = refs[cluster] = SpeakerRef(id=sid, name=coref.clusters[cluster].name)
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
                f.mention is None
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
            "id": sid, "name": c.name, "type": c.type, "titles": tuple(c.titles),
            "mentions": [{"start": start, "end": end, "text": text[start:end]}
                         for start, end in sorted(spans)],
        })
    quotes.extend(validate_quotes(records))
    result = DocumentResult.model_validate(  # takes the validated quotes as they are
        {"doc_id": doc_id, "quotes": quotes, "speakers": speakers}
    )
    result._text = text
    result._resolutions = tuple(resolutions)
    result._compact()
    return result
