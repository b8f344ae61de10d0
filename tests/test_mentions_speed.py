"""The fast paths of mention finding agree with the plain regex formulations they replace."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions import _DETERMINER_BEFORE, _name_mention
from quoteattr.spans import Span

_PLAIN_DETERMINER = regex.compile(
    r"(?r)\b(?:the|a|an|another|one|this|that|its|his|her|their|our|my|your)\s+"
    r"(?:(?!(?:the|a|an|and|or|but|who|which|that|said|says)\b)[\p{L}\p{N}'’-]+\s+){0,4}\Z",
    regex.IGNORECASE,
)
"""The determiner pattern as first written, without possessive runs."""

_WORDS = st.sampled_from(
    ["the", "The", "a", "an", "another", "his", "this", "that", "that's", "said", "state",
     "weather", "x", "thé", "ſaid", "o'the", "a-list", "_the", "1", "’s", "(the", "Mr.",
     "Secretary", "of", "State", "US", "Prime", "Minister", "Mr", "former", "chief,", "Gen."]
)
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", " \u00a0", "\x1c", ""])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_WORDS, _SPACES), max_size=12))
    return "".join(w + s for w, s in parts)


@settings(max_examples=2000, deadline=None)
@given(text=_texts(), cut=st.integers(0, 80), back=st.integers(0, 70))
def test_possessive_determiner_pattern_finds_the_same(text: str, cut: int, back: int) -> None:
    end = min(cut, len(text))
    floor = max(0, end - back)
    fast = _DETERMINER_BEFORE.search(text, floor, end, concurrent=False)
    plain = _PLAIN_DETERMINER.search(text, floor, end, concurrent=False)
    assert (fast and fast.span()) == (plain and plain.span())


_LEXICON: Lexicon = default_lexicon()


@settings(max_examples=2000, deadline=None)
@given(before=_texts(), name=st.sampled_from(["John Kerry", "Kerry", "Mary Smith", "Ann"]),
       label=st.sampled_from(["PERSON", "ORG", "MISC"]))
def test_title_look_back_matches_the_regex_path(before: str, name: str, label: str) -> None:
    """``str.rstrip``/``rsplit`` find the same title words as ``_TITLE_WORD`` on texts
    without U+001C to U+001F (the only characters where the two disagree on spaces)."""
    if any(c in before for c in "\x1c\x1d\x1e\x1f"):
        before = before.translate({0x1C: " ", 0x1D: " ", 0x1E: " ", 0x1F: " "})
    text = before + name + " said."
    span = Span(len(before), len(before) + len(name))
    fast = _name_mention(text, span, label, _LEXICON, True)
    assert fast == _name_mention(text, span, label, _LEXICON, False)
