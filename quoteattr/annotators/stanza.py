"""The stanza backend: a stanza ``Document`` becomes a backend-neutral Annotation.

:func:`annotation_from_document` is the adapter. It reads a ``Document`` by duck
typing (``text``, ``sentences``, ``tokens``, ``words``, ``ents``, ``coref``), so this
module never imports stanza or torch at import time, and any ``Document`` made by
hand, read from CoNLL-U or produced by a live pipeline converts the same way.
:class:`StanzaAnnotator` checks the model files first (a JSON read), and only then
imports stanza and builds one ``stanza.Pipeline``.

Entity types: stanza's English NER uses the 18 OntoNotes types, mapped by
:data:`.names.ENTITY_LABELS`. The spans are cleaned and combined with the built-in
name finder's names (:func:`.names.combine_entities`); a Document without NER gets
the finder's names alone.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from .. import stanza_models
from ..annotation import Annotation, Layer, TokenTable
from ..errors import BackendUnavailableError, InputTypeError, InputValueError, expect_str
from ..lexicon import Lexicon, default_lexicon
from ..spans import Span
from ..stanza_models import DEFAULT_PROCESSORS, import_stanza, processor_names, require_models
from .names import ENTITY_LABELS, combine_entities
from .paragraphs import joined_over_names, paragraphs_of, within_paragraphs
from .stanza_words import document_columns, word_fields

_LAYERS_BY_PROCESSOR: dict[str, Layer] = {
    "tokenize": "tokens", "pos": "pos", "depparse": "deps", "ner": "entities", "coref": "coref",
}


def _paragraphs(text: str) -> tuple[Span, ...]:
    """Paragraphs exactly as the embedded annotator finds them, so both backends agree."""
    return paragraphs_of(text)


def annotation_from_document(
    doc: Any, text: str | None = None, *, lexicon: Lexicon | None = None
) -> Annotation:
    """Convert a stanza ``Document`` into an :class:`Annotation` whose spans index its text.

    Offsets always come from the Document (``start_char``/``end_char``). ``text`` is
    needed only when ``doc.text`` is None, as for CoNLL-U read without
    ``reconstruct_text=True``; then each token must slice back to its own form. When
    both are given they must be equal: a Document built from pretokenized strings has a
    synthetic ``doc.text`` whose offsets do not index the article.

    ``provides`` lists the layers the Document fills: ``tokens`` when it has words,
    ``pos`` when any word has a UPOS tag, ``deps`` when words have heads and relations,
    ``coref`` when it has chains; ``entities`` always: the Document's NER (cleaned and
    combined with the built-in name finder's names, see :mod:`.names`), or the finder's
    names alone when it has none. ``lexicon`` is the finder's (the default when None).
    """
    source, external = _source_text(doc, text)
    sentences_in = list(getattr(doc, "sentences", None) or ())
    starts: list[int] = []
    ends: list[int] = []
    upos_column: list[str | None] = []
    lemmas: list[str | None] = []
    heads: list[int | None] = []
    deprels: list[str | None] = []
    sentence_spans: list[Span] = []
    word_spans: list[tuple[int, int]] = []  # per sentence: its first word's index, and count
    has_pos = has_deps = has_ner = False
    size = len(source)
    bulk = document_columns(sentences_in, size)
    if bulk is not None:  # the whole Document read and checked at once
        (starts, ends, heads, deprels, upos_column, lemmas, has_pos, has_deps,
         lengths) = bulk
    base = 0
    for s_index, sentence in enumerate(sentences_in):
        if bulk is not None:
            count = lengths[s_index]
            word_spans.append((base, count))
            base += count
        else:
            base = len(starts)
            rows = [word_fields(w) for w in sentence.words]
            count = len(rows)
            ids = {row[0]: base + i for i, row in enumerate(rows)}
            for i, (_, start, end, head, deprel, upos, lemma) in enumerate(rows):
                if not (type(start) is int and type(end) is int and 0 <= start <= end <= size):
                    _checked(start, end, source, f"sentence {s_index}, word {i + 1}")
                starts.append(start)
                ends.append(end)
                if upos is not None:
                    has_pos = True
                if head is not None and deprel is not None:
                    has_deps = True
                if head is None or head == 0:
                    head_index = None
                else:
                    head_index = ids.get(head)
                    if head_index is None:
                        head_index = _global_head(head, ids,
                                                  where=f"sentence {s_index}, word {i + 1}")
                upos_column.append(upos)
                lemmas.append(lemma)
                heads.append(head_index)
                deprels.append(deprel)
        if bulk is None:
            word_spans.append((base, count))
        sent_tokens = sentence.tokens
        if not has_ner:
            has_ner = any(_token_ner(t) is not None for t in sent_tokens)
        if external:
            for t_index, token in enumerate(sent_tokens):
                _check_form(token, source, where=f"sentence {s_index}, token {t_index + 1}")
        if sent_tokens:
            first, last = sent_tokens[0], sent_tokens[-1]
            start, first_end = first.start_char, first.end_char
            last_start, end = last.start_char, last.end_char
            if not (type(start) is int and type(first_end) is int and type(last_start) is int
                    and type(end) is int and 0 <= start <= first_end <= size
                    and 0 <= last_start <= end <= size):
                start = _token_span(first, source, f"sentence {s_index}, token 1").start
                end = _token_span(last, source,
                                  f"sentence {s_index}, token {len(sent_tokens)}").end
            sentence_spans.append(Span(start, end))
    paragraphs = _paragraphs(source)
    tagged = _tagged(doc, source)
    entities = combine_entities(source, paragraphs, tagged if tagged or has_ner else None,
                                lexicon or default_lexicon())
    coref = _coref(getattr(doc, "coref", None), word_spans, starts, ends)
    filled: dict[Layer, bool] = {
        "paragraphs": True, "sentences": True, "tokens": bool(starts), "pos": has_pos,
        "deps": has_deps, "entities": True, "coref": bool(coref),
    }
    provides = frozenset(layer for layer, present in filled.items() if present)
    return Annotation(
        source, paragraphs, joined_over_names(
            within_paragraphs(sentence_spans, paragraphs, source), [e.span for e in entities]),
        entities, TokenTable(starts, ends, upos_column, lemmas, heads, deprels), coref,
        provides=provides,
    )


def _token_ner(token: Any) -> Any:
    fields = getattr(token, "__dict__", None)
    if fields is not None and "_ner" in fields:
        return fields["_ner"]
    return getattr(token, "ner", None)


def _source_text(doc: Any, text: str | None) -> tuple[str, bool]:
    """The text the Document's offsets index, and whether it came from the caller."""
    doc_text = getattr(doc, "text", None)
    if text is not None:
        text = expect_str(text, argument="text")
    if doc_text is None:
        if text is None:
            msg = (
                "the stanza Document has no text (doc.text is None), so its offsets index "
                "nothing: read CoNLL-U with CoNLL.conll2doc(..., reconstruct_text=True), "
                "or pass the original text as annotation_from_document(doc, text=...)"
            )
            raise InputValueError(msg)
        return text, True
    if not isinstance(doc_text, str):
        msg = f"doc.text must be str, got {type(doc_text).__name__}"
        raise InputTypeError(msg)
    if text is not None and text != doc_text:
        msg = (
            "text differs from doc.text: the Document's offsets index doc.text. Pass "
            "text only when doc.text is None; a Document built from pretokenized strings "
            "has a synthetic doc.text, so build it with your own offsets instead"
        )
        raise InputValueError(msg)
    return doc_text, False


def _checked(start: Any, end: Any, text: str, where: str) -> Span:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        msg = (
            f"{where}: offsets ({start}, {end}) do not lie inside the text "
            f"(length {len(text)}); the Document needs start_char/end_char into its text"
        )
        raise InputValueError(msg)
    return Span(start, end)


def _token_span(token: Any, text: str, where: str) -> Span:
    return _checked(token.start_char, token.end_char, text, where)


def _check_form(token: Any, text: str, where: str) -> None:
    span = _token_span(token, text, where)
    if span.slice(text) != token.text:
        msg = (
            f"{where}: {token.text!r} is at ({span.start}, {span.end}) in the Document, "
            f"but the text given has {span.slice(text)!r} there; pass the text the "
            f"Document was made from"
        )
        raise InputValueError(msg)


def _global_head(head: Any, ids: dict[int, int], *, where: str) -> int | None:
    """Stanza's 1-based, per-sentence head (0 = root) as an index into the whole token tuple."""
    if head is None or int(head) == 0:
        return None
    if int(head) not in ids:
        msg = f"{where}: head {head} is not a word of its sentence"
        raise InputValueError(msg)
    return ids[int(head)]


def _tagged(doc: Any, text: str) -> list[tuple[str, int, int]]:
    """(type, start, end) from ``doc.ents``, or decoded from the tokens' NER tags.

    A Document read from CoNLL-U without its text has NER tags on its tokens but no
    ``ents``, since stanza builds those only when it has the text.
    """
    raw = [(ent.type, ent.start_char, ent.end_char) for ent in getattr(doc, "ents", None) or ()]
    if not raw:
        raw = list(_decode_tags(getattr(doc, "sentences", None) or ()))
    size = len(text)
    for n, (_, start, end) in enumerate(raw):
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= size):
            _checked(start, end, text, f"entity {n}")
    return raw


def _decode_tags(sentences: Iterable[Any]) -> Iterator[tuple[str, int, int]]:
    """(type, start, end) of each entity in BIOES or BIO token tags, sentence by sentence."""
    for sentence in sentences:
        current: list[Any] | None = None  # [type, start, end]
        for token in sentence.tokens:
            tag = getattr(token, "ner", None)
            prefix, _, kind = (tag or "O").partition("-")
            if not kind:  # "O", or a bare type such as "PERSON"
                prefix, kind = ("O", "") if prefix == "O" else ("I", prefix)
            if current is not None and (prefix in ("O", "B", "S") or kind != current[0]):
                yield current[0], current[1], current[2]
                current = None
            if prefix == "O":
                continue
            if current is None:
                current = [kind, token.start_char, token.end_char]
            current[2] = token.end_char
            if prefix in ("E", "S"):
                yield current[0], current[1], current[2]
                current = None
        if current is not None:
            yield current[0], current[1], current[2]


def _coref(
    chains: Any, sentences: Sequence[tuple[int, int]], starts: Sequence[int],
    ends: Sequence[int],
) -> tuple[tuple[Span, ...], ...]:
    """Chains of mention spans from stanza's CorefChain/CorefMention objects.

    A mention's ``sentence`` is a 0-based sentence index, and ``start_word``/``end_word``
    are 0-based word indices with the end excluded (unlike the 1-based ``Word.id``).
    Zero-anaphora mentions, whose index is a (word, empty) tuple, have no text and are
    skipped, as is a chain left with no mention.
    """
    out: list[tuple[Span, ...]] = []
    for c_index, coref_chain in enumerate(chains or ()):
        mentions: list[Span] = []
        for mention in getattr(coref_chain, "mentions", ()):
            sent, start, end = mention.sentence, mention.start_word, mention.end_word
            if not all(isinstance(v, int) for v in (sent, start, end)):
                continue
            where = f"coref chain {c_index}: mention ({sent}, {start}, {end})"
            if not (0 <= sent < len(sentences) and 0 <= start < end <= sentences[sent][1]):
                msg = f"{where} does not fit the Document's sentences and words"
                raise InputValueError(msg)
            first = sentences[sent][0]
            mentions.append(Span(starts[first + start], ends[first + end - 1]))
        if mentions:
            out.append(tuple(sorted(set(mentions))))
    return tuple(out)


class StanzaAnnotator:
    """Annotates with one ``stanza.Pipeline``: tokens, POS, lemmas, dependencies and entities.

    Args:
        model_dir: the stanza model folder; None means ``$QUOTEATTR_STANZA_DIR`` or
            stanza's default (see :func:`quoteattr.stanza_models.model_dir`).
        processors: stanza processors to run; must include ``tokenize``. None means
            tokenize, mwt, pos, lemma, depparse and ner, plus coref when its optional
            model and the transformers and peft packages are installed.
        use_gpu: passed to stanza; off by default so results do not depend on the machine.
        torch_threads: torch's thread count, set when the pipeline is built (a
            process-wide setting; None leaves it alone). One thread is the default
            because torch's default oversubscribes small machines and worker pools.

    The model files are checked before stanza is imported, so a missing model fails
    in milliseconds with the command that fetches it. One pipeline is built per
    annotator; calls to it are serialised by a lock. Pickling sends the settings only,
    and the receiving process builds its own pipeline.
    """

    name = "stanza"

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        processors: Iterable[str] | str | None = None,
        *,
        use_gpu: bool = False,
        torch_threads: int | None = 1,
    ) -> None:
        self.model_dir = stanza_models.model_dir(model_dir)
        if processors is None:  # the defaults, plus coref when its model is installed
            processors = DEFAULT_PROCESSORS + (
                ("coref",) if stanza_models.coref_available(self.model_dir) else ()
            )
        self.processors = processor_names(processors)
        if "tokenize" not in self.processors:
            msg = (
                f"processors must include 'tokenize' (quoteattr needs stanza's offsets), "
                f"got {','.join(self.processors)!r}"
            )
            raise InputValueError(msg)
        if torch_threads is not None and (
            not isinstance(torch_threads, int) or isinstance(torch_threads, bool)
            or torch_threads < 1
        ):
            msg = f"torch_threads must be a positive int or None, got {torch_threads!r}"
            raise InputValueError(msg)
        self.use_gpu = bool(use_gpu)
        self.torch_threads = torch_threads
        layers: set[Layer] = {"paragraphs", "sentences"}
        layers.update(_LAYERS_BY_PROCESSOR[p] for p in self.processors
                      if p in _LAYERS_BY_PROCESSOR)
        self.provides: frozenset[Layer] = frozenset(layers)
        require_models(self.model_dir, self.processors)
        self._lock = threading.Lock()
        self._pipeline = self._build()

    def _build(self) -> Any:
        stanza = import_stanza()
        if self.torch_threads is not None:
            importlib.import_module("torch").set_num_threads(self.torch_threads)
        requirements_error = importlib.import_module(
            "stanza.pipeline.core"
        ).PipelineRequirementsException

        try:
            return stanza.Pipeline(
                "en", dir=str(self.model_dir), processors=",".join(self.processors),
                download_method=None, logging_level="ERROR", use_gpu=self.use_gpu,
            )
        except FileNotFoundError as exc:
            msg = (
                f"stanza could not load its models from {self.model_dir}: {exc}. "
                f"Check the folder with quoteattr.stanza_models.missing_model_files"
            )
            raise BackendUnavailableError(msg) from exc
        except requirements_error as exc:
            msg = f"processors {','.join(self.processors)!r} cannot run together: {exc}"
            raise InputValueError(msg) from exc

    def annotate(self, text: str) -> Annotation:
        """Run the pipeline over ``text``; every span indexes ``text`` itself."""
        text = expect_str(text, argument="text")
        if not text.strip():
            return Annotation(text, _paragraphs(text), (), provides=self.provides)
        with self._lock:
            doc = self._pipeline(text)
        return replace(annotation_from_document(doc, text), provides=self.provides)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # A stanza Pipeline holds a lock and cannot be pickled: ship the settings and
        # let the receiving process build (and check) its own pipeline.
        return (_rebuild, (str(self.model_dir), self.processors, self.use_gpu,
                           self.torch_threads))

    def __repr__(self) -> str:
        return (f"StanzaAnnotator(model_dir={str(self.model_dir)!r}, "
                f"processors={','.join(self.processors)!r})")


def _rebuild(
    directory: str, processors: tuple[str, ...], use_gpu: bool, torch_threads: int | None
) -> StanzaAnnotator:
    return StanzaAnnotator(directory, processors, use_gpu=use_gpu, torch_threads=torch_threads)


__all__ = ["ENTITY_LABELS", "StanzaAnnotator", "annotation_from_document"]
