"""The Attributor: text -> annotation -> quotes -> mentions -> entities -> rules -> records.

Each stage is a pure function over frozen values; this module only checks the arguments,
runs the stages in order and resolves each attribution's mention to an entity, and
:mod:`quoteattr.result` builds the pydantic records once at the end.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import regex

from . import collector
from .annotation import Annotation, Annotator
from .annotators import annotator_named, parsed
from .annotators.embedded import EmbeddedAnnotator
from .annotators.paragraphs import paragraphs_of
from .confidence import carried
from .context import QuoteContext, build_contexts, nested_contexts
from .coref import Coreference
from .errors import InputTypeError, QuoteattrError, describe_type
from .furniture import Furniture, find_furniture
from .kinds import classify_quote, is_thought, opening_cue_end
from .lexicon import Lexicon, default_lexicon
from .many import DocIds, Progress, check_arguments, with_progress
from .mentions import MentionIndex, MentionPatterns, find_mentions, speech_cue_pattern
from .mentions.finder import name_mentions
from .narrator import resolve_speaker
from .newlines import collapse_crlf, on_original
from .notspeech import listed_after, not_speech
from .opening import genre_of
from .quotemarks import MarkToken, find_marks
from .quotes import QuoteSpan, pair_quotes
from .records import DocumentResult, QuoteKind
from .result import Decision, Rows, empty_result, finish_result, result_rows
from .rules import (
    CueCache,
    CueForgetter,
    Earlier,
    Found,
    RuleInput,
    addressees,
    attribute_quote,
    check_genre,
    cue_speaker_quote,
    find_cues,
    outside_quote,
    quote_speaker_cue,
    speaker_cue_quote,
    unaddressed,
)
from .spans import plain_line_breaks
from .speaker_names import name_speakers
from .wrap import flatten

_ACCORDING = regex.compile(r"\b[Aa]ccording to\b")


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
        genre: str = "auto",
    ) -> None:
        """``annotator`` is "embedded" (rules, no models), "stanza" (stanza's models from
        ``model_dir`` or ``$QUOTEATTR_STANZA_DIR``; checked before anything loads), "spacy"
        (the spaCy pipeline named by ``model_dir``, by default the English small one) or
        any object following the :class:`~quoteattr.annotation.Annotator` protocol.

        ``genre`` is "news", "fiction" or "auto" (the default: news, unless the text opens
        with a book's heading or its quotes are a novel's dialogue,
        :func:`quoteattr.opening.genre_of`). Fiction's conversations
        alternate speakers on every untagged paragraph, news's only in a clear exchange
        (docs/guide.md, "Conversations"); thought verbs are cues under "fiction" alone."""
        self.genre = check_genre(genre)
        if lexicon is not None and not isinstance(lexicon, Lexicon):
            msg = (f"lexicon must be a quoteattr.lexicon.Lexicon or None for the default, "
                   f"got {describe_type(lexicon)}")
            raise InputTypeError(msg)
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        if isinstance(annotator, str):
            self.annotator: Annotator = annotator_named(annotator, self.lexicon, model_dir)
        elif isinstance(annotator, Annotator):
            self.annotator = annotator
        else:
            msg = f"annotator must be a name or an Annotator, got {describe_type(annotator)}"
            raise InputTypeError(msg)
        verbs = tuple(self.lexicon.speech_verbs)
        if self.genre == "fiction":  # "'Too late,' she thought": inner speech is a quote
            verbs += tuple(sorted(self.lexicon.thought_verbs - set(verbs)))
        self._cues = speech_cue_pattern(verbs)
        self._mention_patterns = MentionPatterns.of(self.lexicon)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Compiled patterns are rebuilt in the receiving process rather than pickled.
        default = self.lexicon is default_lexicon()
        annotator: Annotator | str = self.annotator
        if type(annotator) is EmbeddedAnnotator and annotator.lexicon is self.lexicon:
            annotator = "embedded"
        return (_rebuild_attributor, (annotator, None if default else self.lexicon, self.genre))

    def attribute(self, text: str | Any, *, doc_id: str | None = None) -> DocumentResult:
        """Find every quote in ``text`` and attribute it; offsets index ``text`` itself.

        ``text`` may also be a stanza ``Document`` or a spaCy ``Doc`` a pipeline already
        produced: its tokens, parse, entities (and stanza's coreference chains) are
        used, and offsets index its own text (see docs/backends.md for what it needs).
        """
        if doc_id is not None and not isinstance(doc_id, str):
            msg = f"doc_id must be str or None, got {describe_type(doc_id)}"
            raise InputTypeError(msg)
        with collector.paused():  # no cycles to find: see quoteattr.collector
            return self._attribute_text(text, doc_id)

    def _attribute_text(self, text: str | Any, doc_id: str | None) -> DocumentResult:
        if parsed.is_parsed(text):
            source = parsed.parsed_text(text)
            marks = find_marks(source, self.lexicon) if source is not None else None
            if marks == ():  # no quotation mark: no conversion of the parse either
                return empty_result(source or "", doc_id)
            annotation = parsed.parsed_annotation(text, self.lexicon, source)
            if marks is None:
                marks = find_marks(annotation.text, self.lexicon)
            parts: list[Any] = [annotation, marks]
            del annotation, marks  # handed over: _attribute frees them when done with them
            return self._attribute(parts, doc_id)
        original = parsed.expect_text(text, "text")
        source, crlf = collapse_crlf(original) if "\r\n" in original else (original, [])
        text = plain_line_breaks(source)  # the stages see LF; the records slice source
        marks = find_marks(text, self.lexicon)
        if not marks:
            # No quotation mark, no quote: most of an archive's articles end here, without
            # running the annotator (for stanza, its models) over them.
            return empty_result(original, doc_id)
        flat = False  # known to hold no line break inside a paragraph
        if type(self.annotator) is EmbeddedAnnotator:
            # Names and cues read the text with the line breaks inside paragraphs as spaces
            # (quoteattr.wrap); one annotation pass, over the flattened text.
            paragraphs = paragraphs_of(text)
            flat_text = flatten(text, paragraphs)
            if flat_text is text:  # nearly always: the paragraphs stand, found once
                annotation = self.annotator.annotate_paragraphs(text, paragraphs)
                flat = True
            else:
                annotation = self.annotator.annotate(flat_text)
            del paragraphs, flat_text  # the annotation has them: not held to the records
        else:
            annotation = self.annotator.annotate(text)
        parts = [annotation, marks]
        del annotation, marks  # handed over: _attribute frees them when done with them
        result = self._attribute(parts, doc_id, original=source, flat=flat)
        return on_original(result, original, crlf) if crlf else result

    def attribute_many(
        self,
        texts: Iterable[str | Any],
        *,
        doc_ids: Iterable[str | None] | None = None,
        n_process: int = 1,
        batch_size: int = 64,
        progress: bool | Progress | None = None,
    ) -> Iterator[DocumentResult]:
        """Attribute each text in turn, lazily and in input order.

        The arguments are checked when this is called, not when the first result is
        pulled, so a wrong call fails where it is made; an item that is not a str raises
        a TypeError naming it, after the results before it. Items may also be parsed
        documents (stanza ``Document``s or spaCy ``Doc``s), as for :meth:`attribute`.
        A document whose processing fails for any other reason yields a result with
        ``error`` set and the batch goes on, so one bad article never takes an archive
        run down.

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

    def _attribute_each(self, texts: Iterable[str | Any], ids: DocIds) -> Iterator[DocumentResult]:
        for n, text in enumerate(texts):
            doc_id = ids.next_for(n)
            if not parsed.is_parsed(text):
                text = parsed.expect_text(text, f"texts[{n}]")
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
        if doc_id is not None and not isinstance(doc_id, str):
            msg = f"doc_id must be str or None, got {describe_type(doc_id)}"
            raise InputTypeError(msg)
        return self._attribute([annotation, find_marks(annotation.text, self.lexicon)], doc_id)

    def _attribute(
        self, parts: list[Any], doc_id: str | None, *, original: str | None = None,
        flat: bool = False,
    ) -> DocumentResult:
        """The records of the annotation and marks in ``parts`` (emptied: the stages' values
        are freed before the records are validated, so a long text's peak holds one or the
        other). ``flat``: the caller knows no paragraph holds a line break."""
        rows, text = self._decide(parts, original, flat)
        return finish_result(text, doc_id, rows)

    def _decide(self, parts: list[Any], original: str | None, flat: bool) -> tuple[Rows, str]:
        """Every quote's kind and speaker, as the records' plain values; and the text they
        index. Each stage's input is let go once the next has what it needs."""
        annotation: Annotation = parts[0]
        marks: tuple[MarkToken, ...] = parts[1]
        parts.clear()
        flat_text = annotation.text if flat else flatten(annotation.text, annotation.paragraphs)
        if flat_text is not annotation.text:  # a line break inside a paragraph is a space
            original = original or annotation.text
            annotation = replace(annotation, text=flat_text)
        text = annotation.text
        lex = self.lexicon
        quotes = pair_quotes(text, marks, annotation.paragraphs)
        # "auto": a chapter, or a text whose quotes are a novel's conversation, is fiction
        genre = genre_of(text, self.genre, quotes, annotation.paragraphs)
        del marks  # one object per quotation mark: paired, they are done with
        contexts = build_contexts(text, quotes, annotation.paragraphs, annotation.sentences,
                                  self._cues)
        # bylines, datelines, credits, a chapter's title: no speakers
        furniture = find_furniture(text, lex, genre)
        names = name_mentions(annotation, lex, self._mention_patterns)
        if annotation.entities:  # names are mentions now: the entities go
            annotation = replace(annotation, entities=())
        mentions = furniture.without(find_mentions(annotation, lex, self._mention_patterns,
                                                   names))
        cue_cache: CueCache = {}  # shared by the kind test and the rules
        kinds = self._kinds(text, contexts, cue_cache, furniture)
        coref = Coreference(text, mentions, annotation.sentences,
                            [c.quote.span for c in contexts], lex, annotation.paragraphs,
                            chains=annotation.coref, genre=genre)
        if annotation.sentences:  # salience keeps their starts; the spans go
            annotation = replace(annotation, sentences=())
        found: list[Found | None] = []
        speakers: list[int | None] = []
        narrator: list[int] = []  # the narrator's entity, once an "I" speaks
        inp = RuleInput(text, lex, mentions, contexts, annotation.paragraphs,
                        [k == "direct" for k in kinds], self._cues,
                        tokens=annotation.tokens,
                        token_starts=parsed.token_starts(annotation.tokens),
                        layers=frozenset(annotation.provides), cue_cache=cue_cache,
                        cluster_of=coref.cluster_of, genre=genre,
                        is_character=coref.is_character)
        decisions: list[Decision] = []
        max_depth = max((q.depth for q in quotes), default=0)
        forgetter, lead_forgetter = CueForgetter(), CueForgetter(by_end=False)
        for n, (ctx, kind) in enumerate(zip(contexts, kinds, strict=True)):
            if n & _FORGET_EVERY == _FORGET_EVERY:  # cues of the windows far behind this quote
                forget_before = contexts[n - _CUES_KEPT].quote.span.start
                forgetter.forget(cue_cache, forget_before)
                lead_forgetter.forget(inp.lead_cache, forget_before)
            # the decisions so far go to the rules as a read-only view of this quote's past
            earlier = Earlier(found, speakers, len(found))
            result = None if kind == "scare" else attribute_quote(ctx, inp, earlier)
            if result is not None and self.genre == "fiction" and kind == "direct" and (
                is_thought(text, result.cue, lex.thought_verbs)
            ):
                kind = "thought"
            found.append(result)
            cluster = resolve_speaker(result, coref, mentions, narrator)
            if genre == "fiction" and cluster is not None and result is not None and (
                result.mention is not None
            ):  # a tag's "he" is not the one the quote addresses (news: too rare to pay for)
                cluster = unaddressed(inp, ctx, earlier, result.mention, cluster, coref.other_than)
            speakers.append(cluster)
            if cluster is not None and cluster not in narrator:
                # the narrator's "I" makes nobody salient for a later "he" or "she"
                coref.note_speaker(ctx.quote.span.start, cluster)
            origin = None if result is None else result.inherited_from
            decisions.append(Decision(ctx.quote, kind, result, cluster, carried=None if (
                origin is None) else carried(contexts[origin], ctx)))
            if max_depth > ctx.quote.depth:  # no generator for a quote nothing can nest in
                decisions.extend(self._nested(text, quotes, ctx, inp, earlier, coref,
                                              mentions))
        if decisions:  # the narrator's name; "said my brother's wife"; a byline's "we"
            decisions = name_speakers(decisions, text, contexts, speakers, narrator, mentions,
                                      coref, functools.partial(addressees, inp), genre)
        # The contexts (a window pair per quote), the rule input and the annotation are done
        # with: gone before the rows are made, they are not part of the peak.
        del inp, contexts, annotation, found, kinds, furniture, cue_cache
        # What the records need, in plain values; everything else here goes with this frame.
        text = original or text
        return result_rows(text, decisions, coref, genre), text

    # -- stages ----------------------------------------------------------------------------

    def _kinds(
        self, text: str, contexts: tuple[QuoteContext, ...], cue_cache: CueCache,
        furniture: Furniture,
    ) -> list[QuoteKind]:
        kinds: list[QuoteKind] = []
        unsaid_end = -1  # where the last quote found not to be speech ends
        nouns = self.lexicon.not_speech_nouns
        for i, ctx in enumerate(contexts):
            start = furniture.clause_start(ctx.quote.span.start, ctx.left.start)
            kind = self._kind(text, ctx, start, cue_cache) if start >= 0 else "scare"
            if start >= 0 and (listed_after(text, unsaid_end, ctx.quote.span.start)
                               or not_speech(text, ctx, nouns, self._cues)):
                kind = "scare"  # not speech, or listed after one: "woke," "elite" and "globalist"
                unsaid_end = ctx.quote.span.end
            elif kind == "scare" and i and kinds[-1] == "mixed" and (
                contexts[i - 1].quote.span.end == ctx.left.start
            ):
                kind = "mixed"  # the second partial quote of one clause: "ready" and "able"
            kinds.append(kind)
        return kinds

    def _kind(self, text: str, ctx: QuoteContext, start: int, cue_cache: CueCache) -> QuoteKind:
        end = ctx.left.end
        cues = find_cues(self._cues, text, start, end, cue_cache)
        last_cue_end = cues[-1].end if cues else opening_cue_end(text, start, end)
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
        earlier: Earlier,
        coref: Coreference,
        mentions: MentionIndex,
    ) -> Iterator[Decision]:
        # Depth-first without recursion: quotes may nest as deep as a text likes.
        pending = list(reversed(nested_contexts(text, quotes, parent)))
        while pending:
            ctx = pending.pop()
            result = (outside_quote(speaker_cue_quote(ctx, inp, earlier), ctx)
                      or outside_quote(cue_speaker_quote(ctx, inp, earlier), ctx)
                      or outside_quote(quote_speaker_cue(ctx, inp, earlier), ctx))
            cluster = resolve_speaker(result, coref, mentions, None)  # a quoted "I" is no narrator
            yield Decision(ctx.quote, "nested", result, cluster, parent=-1)
            pending.extend(reversed(nested_contexts(text, quotes, ctx)))



_FORGET_EVERY, _CUES_KEPT = 63, 32
"""After every 64th quote the cue cache drops the windows that end before the last 32 quotes,
and the lead cache (``RuleInput.lead_cache``) the quotes that start before them (rules read
the quotes just before one; a window forgotten is only searched again, never wrong): kept to
the end, they would hold a few hundred bytes per quote of a long text."""


def _rebuild_attributor(
    annotator: Annotator | str, lexicon: Lexicon | None, genre: str = "auto"
) -> Attributor:
    return Attributor(annotator=annotator, lexicon=lexicon, genre=genre)
