"""Invariants of ``quoteattr.attribute`` over arbitrary text (hypothesis).

The texts mix words the rules react to (speech verbs, titles, names, pronouns)
with every kind of quotation mark, punctuation and paragraph breaks, so the
pairing, kind and attribution stages all see odd input.
"""

from __future__ import annotations

import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import DocumentResult, TextSpan
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.lexicon import default_lexicon
from quoteattr.quotemarks import find_marks
from quoteattr.quotes import pair_quotes

_QUOTE_CHARS = "\"“”‘’'«»„"
_PUNCT = ".,:;!?-—()"
_WORDS = (
    "said", "says", "told", "added", "according to", "he", "she", "they", "it",
    "Mr.", "Sen.", "Mayor", "Ana", "Duarte", "Hollis", "Brandt", "the minister",
    "Interior Ministry", "we", "will", "rebuild", "don't", "'90s", "rock 'n' roll",
    "the ministers'", "Brussels'", "U.S.", "(R-Fla.)", "''", "``",
)

_word = st.one_of(
    st.sampled_from(_WORDS),
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=8),
)
_words = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_mark = st.sampled_from(list(_QUOTE_CHARS) + ["''"])
_quoted = st.tuples(
    _mark, _words, st.sampled_from(["", ",", ".", "?", " "]), _mark
).map("".join)
"""Something quote-shaped: any opening and closing mark, matched or not."""
_nested = st.tuples(_mark, _words, st.just(" "), _quoted, st.just(" "), _words, _mark).map(
    "".join
)
_attribution = st.sampled_from(
    [" said Ana Duarte.", " she said.", ", Mr. Brandt told reporters.", " he added. ",
     "Mayor Hollis Brandt said: ", "The minister said ", " according to the Interior Ministry.",
     "Sen. Ana Duarte (R-Fla.) said ", " they said, "]
)
_piece = st.one_of(
    _quoted,
    _nested,
    _attribution,
    _attribution,
    _word,
    st.sampled_from(list(_QUOTE_CHARS)),
    st.sampled_from(list(_PUNCT)),
    st.sampled_from([" ", " ", " ", "\n", "\n\n", "\r\n"]),
    st.text(max_size=2),
)
texts = st.lists(_piece, max_size=40).map("".join)
"""Texts mixing quote-shaped runs, attributions, words, stray marks and paragraph breaks."""

_SETTINGS = settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def _spans(doc: DocumentResult) -> list[TextSpan]:
    out: list[TextSpan] = []
    for q in doc.quotes:
        out.append(q)
        out.extend(s for s in (q.mention, q.cue) if s is not None)
    for speaker in doc.speakers:
        out.extend(speaker.mentions)
    return out


@_SETTINGS
@given(texts)
def test_attribute_never_raises_and_spans_slice_back(text: str) -> None:
    """Any str gives a result; every quote, mention and cue text is ``text[start:end]``."""
    doc = quoteattr.attribute(text)
    for span in _spans(doc):
        assert span.text == text[span.start : span.end], span


@_SETTINGS
@given(texts)
def test_quotes_are_sorted_and_well_nested(text: str) -> None:
    """Quotes come in order of start and two quotes are disjoint or one contains the other."""
    quotes = quoteattr.attribute(text).quotes
    starts = [(q.start, -q.end) for q in quotes]
    assert starts == sorted(starts)
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            disjoint = a.end <= b.start or b.end <= a.start
            nested = (a.start <= b.start and b.end <= a.end) or (
                b.start <= a.start and a.end <= b.end
            )
            assert disjoint or nested, (a.text, b.text)


@_SETTINGS
@given(texts)
def test_nested_quotes_point_at_a_containing_parent(text: str) -> None:
    """``parent`` is set exactly for nested quotes and indexes an earlier quote containing it."""
    quotes = quoteattr.attribute(text).quotes
    for i, q in enumerate(quotes):
        assert (q.parent is not None) == (q.kind == "nested"), q
        if q.parent is not None:
            assert 0 <= q.parent < i
            parent = quotes[q.parent]
            assert parent.start <= q.start and q.end <= parent.end


@_SETTINGS
@given(texts)
def test_mentions_lie_outside_their_own_quote(text: str) -> None:
    """A quote is never attributed to words inside itself."""
    for q in quoteattr.attribute(text).quotes:
        if q.mention is not None:
            assert q.mention.end <= q.start or q.end <= q.mention.start, (q.text, q.mention)


@_SETTINGS
@given(texts)
def test_speaker_references_resolve(text: str) -> None:
    """Every speaker id a quote names exists in ``speakers``, with the same name; ids are unique."""
    doc = quoteattr.attribute(text)
    ids = [s.id for s in doc.speakers]
    assert len(ids) == len(set(ids))
    for q in doc.quotes:
        if q.speaker is not None:
            speaker = doc.speaker(q.speaker.id)
            assert speaker is not None, q.speaker
            assert speaker.name == q.speaker.name


@_SETTINGS
@given(texts)
def test_unattributed_quotes_have_no_confidence(text: str) -> None:
    """A quote without a speaker has confidence 0 and an ``unattributed``/``not_speech`` rule."""
    for q in quoteattr.attribute(text).quotes:
        if q.speaker is None:
            assert q.confidence == 0.0
        if q.kind == "scare":
            assert q.speaker is None and q.rule == "not_speech"


@_SETTINGS
@given(texts)
def test_result_is_deterministic(text: str) -> None:
    """A second call, and a call on a fresh Attributor, give the identical result."""
    first = quoteattr.attribute(text)
    assert quoteattr.attribute(text) == first
    assert quoteattr.Attributor().attribute(text).model_dump() == first.model_dump()


@_SETTINGS
@given(texts)
def test_annotation_layers_nest(text: str) -> None:
    """Paragraphs never span a blank line; sentences and entities lie in order inside one."""
    ann = EmbeddedAnnotator().annotate(text)
    for layer in (ann.paragraphs, ann.sentences, [e.span for e in ann.entities]):
        for a, b in zip(layer, layer[1:], strict=False):
            assert a.end <= b.start, (a, b)
        for span in layer:
            assert 0 <= span.start < span.end <= len(text)
            assert any(p.start <= span.start and span.end <= p.end for p in ann.paragraphs)
    for para in ann.paragraphs:
        # A paragraph may join hard-wrapped lines, but never runs over a blank line.
        lines = re.split(r"\r\n|\n|\r", text[para.start : para.end])
        assert all(line.strip(" \t") for line in lines), lines


@_SETTINGS
@given(texts)
def test_paired_quotes_start_and_end_with_marks(text: str) -> None:
    """Each paired quote starts with an opening mark and ends with a closing mark of its pair."""
    lexicon = default_lexicon()
    marks = find_marks(text, lexicon)
    by_start = {m.start: m for m in marks}
    by_end = {m.end: m for m in marks}
    paragraphs = EmbeddedAnnotator().annotate(text).paragraphs
    for q in pair_quotes(text, marks, paragraphs):
        opener, closer = by_start[q.span.start], by_end.get(q.span.end)
        if closer is not None and q.content.end == closer.start:
            assert opener.family == closer.family or opener.mark in closer.also_closes
        else:  # one half of a doubled closer ('' or ’’) ending two single quotes at once
            closer = closer or by_start[q.span.end - 1]
            assert len(closer.mark) == 2
            assert q.content.end == q.span.end - 1 and q.content.end - closer.start in (0, 1)
        assert opener.can_open and closer.can_close
        assert q.content.start == opener.end
        assert q.paragraphs >= 1 and q.depth >= 0
