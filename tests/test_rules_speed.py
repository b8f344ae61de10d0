"""The rules stage's fast paths give what the plain code they replace gave.

Each fast path (a bounded regex for a word count, a backward walk for the nearest
mentions, a cached mark table, a shared SpeakerRef) is compared with the plain
version on random and edge-case inputs.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr.lexicon import default_lexicon
from quoteattr.mentions import Mention, MentionIndex
from quoteattr.quotemarks import _marks_of, find_marks
from quoteattr.rules.speakers import _position, last_mentions
from quoteattr.rules.surface import _MAX_TAIL_WORDS, too_many_tail_words
from quoteattr.spans import Span

_TAIL_WORDS = regex.compile(r"[\p{L}\p{N}'’-]+")
"""The words of a tail as the rules counted them before too_many_tail_words (findall)."""

# Letters, digits, the joiners and the punctuation the word patterns split on.
_WORDY = st.text(alphabet="ab Z9'’-.,!? \n\u00e9\u4e2d", max_size=80)


@settings(max_examples=400, deadline=None)
@given(_WORDY)
def test_tail_word_limit_matches_findall(tail: str) -> None:
    assert too_many_tail_words(tail) == (len(_TAIL_WORDS.findall(tail)) > _MAX_TAIL_WORDS)


def test_tail_word_limit_at_the_boundary() -> None:
    assert not too_many_tail_words(" ".join(["w"] * _MAX_TAIL_WORDS))
    assert too_many_tail_words(" ".join(["w"] * (_MAX_TAIL_WORDS + 1)))
    assert not too_many_tail_words("-'-'-'" * 3)  # joiners alone make one word per run


def _index(spans: list[tuple[int, int]]) -> MentionIndex:
    mentions = sorted(
        (Mention(Span(s, s + n), "name", "PERSON", "x") for s, n in spans),
        key=lambda m: m.span.start,
    )
    return MentionIndex(tuple(mentions), tuple(m.span.start for m in mentions))


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=25)


@settings(max_examples=400, deadline=None)
@given(_SPANS, st.integers(-5, 70), st.integers(-5, 70), st.integers(1, 6))
def test_last_mentions_are_the_tail_of_between(
    spans: list[tuple[int, int]], floor: int, end: int, limit: int
) -> None:
    index = _index(spans)
    expected = index.between(floor, end)[: -limit - 1 : -1]
    assert [index.mentions[k] for k in last_mentions(index, floor, end, limit)] == list(expected)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_position_matches_index_of(spans: list[tuple[int, int]]) -> None:
    index = _index(spans)
    for k, m in enumerate(index.mentions):
        assert _position(index, k) == index.index_of(m)


def test_position_of_a_duplicate_mention_is_the_last_equal_one() -> None:
    index = _index([(3, 4), (3, 4), (3, 4)])  # equal mentions: index_of finds the last
    assert [_position(index, k) for k in range(3)] == [2, 2, 2]


def test_mark_table_is_worked_out_once_per_table() -> None:
    table = default_lexicon().quote_marks
    marks, chars = _marks_of(table)
    assert marks == tuple(sorted(table))
    assert chars == frozenset("".join(table))
    assert _marks_of(table)[0] is marks


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '’\"“”‘«».,\n", max_size=60))
def test_in_word_apostrophes_are_never_marks(text: str) -> None:
    for mark in find_marks(text, default_lexicon()):
        if mark.family == "single":
            before = text[mark.start - 1] if mark.start else ""
            after = text[mark.end] if mark.end < len(text) else ""
            assert not (before.isalnum() and after.isalnum())


def test_a_speakers_quotes_share_one_speaker_ref() -> None:
    text = ('"We will win," Kerry said. "We will not stop," Kerry added. '
            '"No," said Jane Doe.')
    result = quoteattr.Attributor().attribute(text)
    refs = [q.speaker for q in result.quotes if q.speaker is not None]
    assert [r.id for r in refs] == ["S1", "S1", "S2"]
    assert refs[0] == refs[1] != refs[2]
    assert [s.id for s in result.speakers] == ["S1", "S2"]
    assert result == type(result).model_validate_json(result.to_json())
