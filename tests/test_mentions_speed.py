"""The fast paths of mention finding agree with the plain regex formulations they replace."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.annotation import Entity
from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions import Mention, MentionPatterns
from quoteattr.mentions.determiners import DETERMINER_BEFORE as _DETERMINER_BEFORE
from quoteattr.mentions.determiners import _searched, determiner_start
from quoteattr.mentions.names import _name_mention, names_of
from quoteattr.mentions.patterns import _word_ends
from quoteattr.mentions.types import new_mention
from quoteattr.spans import Span, lower_pieces

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
_PATTERNS = MentionPatterns.from_lexicon(_LEXICON)


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
    fast = _name_mention(text, span, label, _LEXICON, _PATTERNS, True)
    assert fast == _name_mention(text, span, label, _LEXICON, _PATTERNS, False)


_BEFORE_NAME = st.sampled_from(
    ["Mr", "MR", "mr.", "Mrs.", ",Mr", "Dr", "Sen.", "señor", "SEÑORA", "Prime", "Minister",
     "minister,", "US", "Us", "Secretary", "of", "the", "State", "former", "chief", "co-",
     "x", "said", "Ms", "MS", "\u212aing", "İr", "aMr", "1st", "Lt.", "Gen.", "(Mr", "“Mr",
     "", "a"]
)
_SPACES_BEFORE = st.sampled_from([" ", "  ", "\n", "\t ", " \n", "\u00a0", "\x1c", "\x07 ", ""])


@st.composite
def _name_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_BEFORE_NAME, _SPACES_BEFORE), max_size=6))
    return "".join(w + s for w, s in parts)


@settings(max_examples=3000, deadline=None)
@given(before=_name_texts(), name=st.sampled_from(["John Kerry", "Kerry", "Mary", "EU"]),
       label=st.sampled_from(["PERSON", "ORG", "MISC", "NORP"]))
def test_names_skip_the_look_back_only_where_it_finds_no_title(
    before: str, name: str, label: str
) -> None:
    """``_names`` builds a name without the look-back where the word before cannot start a
    title (``title_lead``, ``title_lead_ends``): the same mention the look-back gives."""
    text = before + name + " said."
    span = Span(len(before), len(before) + len(name))
    plain = not any(c in text for c in "\x1c\x1d\x1e\x1f")
    found = names_of(text, [Entity(span, label)], _LEXICON, _PATTERNS, plain)  # type: ignore[arg-type]
    # a nationality (NORP) counts as a name before a speech verb, as here
    assert found == [_name_mention(text, span, label, _LEXICON, _PATTERNS, plain)]


def test_title_lead_ends_cover_every_case_of_every_lead_word() -> None:
    ends = _PATTERNS.title_lead_ends
    assert ends is not None
    for word in _PATTERNS.title_lead:
        tail = word[-3:] if len(word) > 2 else " " + word  # a two-letter word after a space
        if tail.isascii():
            assert tail.upper() in ends and tail in ends and tail.title() in ends
    assert " by" not in ends  # "by": the look-back is skipped


def test_title_lead_ends_are_off_for_single_character_lead_words() -> None:
    assert _word_ends(frozenset({"mr", "a"})) is None
    ends = _word_ends(frozenset({"mr", "señor"}))
    assert ends is not None and " mR" in ends and ",MR" in ends and "ñor" not in ends


def test_new_mention_is_the_named_tuple() -> None:
    fields = (Span(1, 4), "name", "PERSON", "Ann", "Dr.", 0, "f", "sg", False)
    made = new_mention(fields)  # type: ignore[arg-type]
    assert type(made) is Mention
    assert made == Mention(*fields)  # type: ignore[arg-type]
    assert made.full_span == Span(0, 4)


@settings(max_examples=3000, deadline=None)
@given(text=_texts(), cut=st.integers(0, 80), back=st.integers(0, 70))
def test_determiner_start_agrees_with_the_backward_search(text: str, cut: int, back: int) -> None:
    """The word-by-word walk finds the determiner the backward pattern finds (and drops it
    where its modifiers run over a speech verb), on texts with odd spaces too."""
    end = min(cut, len(text))
    floor = max(0, end - back)
    plain = not any(c in text for c in "\x1c\x1d\x1e\x1f")
    verbs = _LEXICON.strong_speech_verbs
    fast = determiner_start(text, floor, end, plain, {}, verbs)
    assert fast == _searched(text, floor, end, verbs)


@settings(max_examples=600, deadline=None)
@given(st.text(st.sampled_from(list("aZ ’“—\u00a0é\u0130ΣσΩ\u2126K\u212aǅ\ud800.-")), max_size=30))
def test_lower_pieces_lower_as_str_lower(text: str) -> None:
    """The mention scan's lower-cased text, made by bytes where no character beyond ASCII
    changes, is ``str.lower``'s (also where some do: "Ω", "İ", a final "Σ")."""
    assert "".join(piece for _, piece in lower_pieces(text)) == text.lower()
