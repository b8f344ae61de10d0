"""The word-trie patterns find exactly what a plain alternation of the words finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.wordtrie import trie_alternation, whole_words


def test_longest_word_wins_at_a_position() -> None:
    pattern = whole_words(["said", "said out", "sa"])
    assert [m.group() for m in pattern.finditer("she said out loud, sa")] == ["said out", "sa"]


def test_whole_words_only() -> None:
    pattern = whole_words(["minister"])
    assert pattern.findall("ministers and the prime-minister's minister") == ["minister"]


def test_joiners_may_need_a_letter_beyond_them() -> None:
    strict = whole_words(["minister"])
    lenient = whole_words(["minister"], joiner_needs_letter=True)
    text = "'minister' ex-minister"
    assert strict.findall(text) == []
    assert [m.start() for m in lenient.finditer(text)] == [1]


def test_no_words_never_match() -> None:
    assert whole_words([]).search("anything at all") is None
    assert trie_alternation([]) == "(?!)"


def test_metacharacters_are_literal() -> None:
    pattern = whole_words(["a.b", "c+"])
    assert pattern.search("axb") is None
    assert pattern.search("so a.b then") is not None


def test_ignore_case() -> None:
    assert whole_words(["he"], ignore_case=True).findall("He said, and HE left") == ["He", "HE"]


_WORDS = st.lists(st.text("abc -", min_size=1, max_size=4), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text("abc -'.", max_size=40))
def test_same_matches_as_a_sorted_alternation(words: list[str], text: str) -> None:
    """A plain alternation, longest words first, is the reference the trie must equal."""
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    edge = r"(?:[^\W\d_]|['’-])"
    reference = re.compile(f"(?<!{edge})(?:{alternation})(?!{edge})")
    got = [m.span() for m in whole_words(words).finditer(text)]
    assert got == [m.span() for m in reference.finditer(text)]
