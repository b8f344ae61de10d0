"""The word-trie patterns find exactly what a plain alternation of the words finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.wordtrie import WordScan, trie_alternation, whole_words


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


_SPLITTABLE_WORD = st.from_regex(r"[abé]{1,3}(?:['’-][abé]{1,2})?", fullmatch=True)
_SCAN_WORDS = st.lists(_SPLITTABLE_WORD, min_size=1, max_size=12) | st.lists(
    st.text("abé'-", min_size=1, max_size=4), min_size=1, max_size=12
)


@settings(max_examples=1000, deadline=None)
@given(words=_SCAN_WORDS, text=st.text("abé '’-.\nA_1", max_size=40))
def test_word_scan_finds_what_whole_words_finds(words: list[str], text: str) -> None:
    """The three-way split by the character before a word (and its fallback to one
    pattern for words it cannot split exactly) equals the plain whole-word pattern."""
    reference = whole_words(words, joiner_needs_letter=True)
    scan = WordScan.build(words)
    assert [m.span(1) for m in scan.matches(text)] == [m.span() for m in reference.finditer(text)]
    any_case = WordScan.build(words, ignore_case=True)
    reference = whole_words(words, joiner_needs_letter=True, ignore_case=True)
    upper = text.upper()
    assert [m.span(1) for m in any_case.matches(upper)] == [
        m.span() for m in reference.finditer(upper)
    ]


def test_word_scan_splits_letter_words_only() -> None:
    assert WordScan.build(["he", "vice-president", "prosecutor's"]).after_other is not None
    assert WordScan.build(["he", "u.n."]).after_other is None
    assert WordScan.build(["he"], ignore_case=True).after_other is None
    assert [m.group(1) for m in WordScan.build(["he"]).matches("he said he, (he) he's")] == [
        "he", "he", "he"
    ]
