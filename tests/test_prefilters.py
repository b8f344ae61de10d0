"""The str tests that spare a regex call give the answer the regex call gives.

Each prefilter may only say "no match" where its pattern finds none (or, for
``_phrase_floor``, narrow a search to where the same match is found). They are compared
with the plain pattern on texts built from the words the patterns care about (list
words, title nouns, dashes, commas, white space beyond ASCII, characters that fold to
ASCII letters) and on every quote of the project's fixture articles.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr.annotators.paragraphs import paragraphs_of
from quoteattr.blanks import past, settles
from quoteattr.kinds import _DASH_THEN_QUOTE, _DASHES
from quoteattr.lexicon import default_lexicon
from quoteattr.notspeech import _BEFORE, _may_end_before
from quoteattr.quotemarks import find_marks
from quoteattr.quotes import pair_quotes
from quoteattr.rules import credit, gaps, speakers, surface

_LEX = default_lexicon()
_NOUNS = _LEX.not_speech_nouns
_TOKENS = [
    "said", "says", "saying", "not", "didn't", "never", "refused", "to", "say", "the", "a",
    "an", "word", "words", "phrase", "phrases", "like", "such", "as", "including",
    "titled", "entitled", "called", "so-called", "so", "known", "named", "dubbed", "sign",
    "T-shirts", "that", "reading", "report", "film", "the report,", "book", "Mr", "Smith",
    "Obama", "Kelvin\u212a", "ſaid", "spokesman", "also", "has", "quickly", "Monday",
    "speaking", "to", "reporters", "of", "Fresno", "(D-S.C.)", "82,", "who", "which",
    "tribute", "--", "—", "–", "-", ",", ":", ";", ".", "!", "?", "'s", "’s", "\u00a0",
    "\x1c", "\n", "\t", "\r\n", "\u201c", '"', "That's", "how", "Those", "were", "é", "9",
]
_PIECES = st.lists(st.sampled_from(_TOKENS), max_size=14).map(
    lambda words: "".join(w if w in {",", ":", ";", ".", "!", "?"} else " " + w for w in words))


def _fixture_texts() -> list[str]:
    root = Path(quoteattr.__file__).resolve().parent.parent / "fixtures" / "articles"
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]


@settings(max_examples=500, deadline=None)
@given(_PIECES, _PIECES)
def test_no_title_word_before_means_no_deciding_match(before: str, after: str) -> None:
    text = before + after
    for start in range(len(before), len(text) + 1, 3):
        floor = max(0, start - 80)
        if not _may_end_before(text, floor, start, _NOUNS):
            m = _BEFORE.search(text, floor, start)
            # the pattern either finds nothing or only a word that is no title noun
            assert m is None or (
                m.group("work") is not None and _NOUNS.get(m.group("work").lower()) != "work"
                and not any(m.group(g) for g in ("negated", "words", "thing", "titled", "naming"))
            ), (text[floor:start], m)


@settings(max_examples=500, deadline=None)
@given(_PIECES)
def test_gap_prefilter_never_hides_a_match(gap: str) -> None:
    for g in (gap, gap + " ", "," + gap + " ", "(" + gap + ") said "):
        if not gaps._may_reach_cue(g):
            assert gaps._GAP_TO_CUE.match(g) is None, g


def test_gap_prefilter_keeps_the_known_forms() -> None:
    for gap in (", a spokesman for the city council, ", " speaking to reporters in Boise ",
                " of Fresno County ", ", 82, of Dayton, Ohio, ", " has also repeatedly ",
                " (D-S.C.), ", " on Monday "):
        assert gaps._GAP_TO_CUE.match(gap) is not None, gap
        assert gaps._may_reach_cue(gap), gap
    assert not gaps._may_reach_cue("’s lawyers relied on Supreme Court precedent and ")


@settings(max_examples=500, deadline=None)
@given(_PIECES)
def test_noun_phrase_search_from_the_floor_finds_the_same_match(text: str) -> None:
    for end in range(len(text) + 1):
        start = max(0, end - 80)
        narrowed = speakers._phrase_floor(text, start, end)
        assert start <= narrowed <= end
        full = speakers._GENERIC_NP_BEFORE.search(text, start, end)
        fast = speakers._GENERIC_NP_BEFORE.search(text, narrowed, end)
        assert (full and full.span()) == (fast and fast.span()), (text[start:end], full, fast)


def _floor_walked(text: str, start: int, end: int) -> int:
    """``_phrase_floor`` as a walk back over characters (what its reversed match replaces)."""
    i, words = end, 0
    while i > start:
        c = text[i - 1]
        if c.isspace():
            i -= 1
        elif (c.isalnum() or c in "'’-") and words < speakers._NP_WORDS:
            words += 1
            i -= 1
            while i > start and (text[i - 1].isalnum() or text[i - 1] in "'’-"):
                i -= 1
        else:
            break
    return i


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("aZ9_'’-.,") + [" ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\x1c", "é", "٣",
                         "²", "\u0301", "ǅ"]), max_size=40))
def test_the_phrase_floor_is_the_walk_back_over_words(text: str) -> None:
    for end in range(len(text) + 1):
        for start in (0, max(0, end - 7)):
            assert speakers._phrase_floor(text, start, end) == _floor_walked(text, start, end), (
                text, start, end)


@settings(max_examples=500, deadline=None)
@given(_PIECES)
def test_lead_tests_agree_with_the_lead_patterns(text: str) -> None:
    for start in range(len(text) + 1):
        end = min(len(text), start + 40)
        i = past(text, start, end, surface._LEAD_CHARS)
        if settles(text, i, end, ""):
            lead = surface._LEAD.match(text, start, end)
            assert lead is not None and lead.end() == i
        dash = surface._DASH_LEAD.match(text, start, end)
        fast = surface._dash_lead(text, start, end)
        assert (dash and dash.span()) == (fast and fast.span())
        after = past(text, start, len(text), " \t\n")
        if settles(text, after, len(text), _DASHES):
            assert _DASH_THEN_QUOTE.match(text, start) is None


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_credit_opener_test_never_hides_an_opener(text: str) -> None:
    limit = len(text)
    first = text[past(text, 0, limit, credit._OPENER_BLANKS) : limit][:1]
    if first.isascii() and first not in credit._OPENER_FIRST:
        assert credit._OPENER.match(text, 0, limit) is None


def test_prefilters_agree_on_every_quote_of_the_fixture_articles() -> None:
    """The same comparisons at the windows the rules read: before and after each quote."""
    checked = 0
    for text in _fixture_texts():
        quotes = pair_quotes(text, find_marks(text, _LEX), paragraphs_of(text))
        for q in quotes:
            start, end = q.span.start, q.span.end
            floor = max(0, start - 80)
            if not _may_end_before(text, floor, start, _NOUNS):
                m = _BEFORE.search(text, floor, start)
                assert m is None or _NOUNS.get((m.group("work") or "").lower()) != "work"
            right_end = min(len(text), end + 60)
            dash = surface._DASH_LEAD.match(text, end, right_end)
            fast = surface._dash_lead(text, end, right_end)
            assert (dash and dash.span()) == (fast and fast.span())
            full = speakers._GENERIC_NP_BEFORE.search(text, floor, start)
            narrowed = speakers._GENERIC_NP_BEFORE.search(
                text, speakers._phrase_floor(text, floor, start), start)
            assert (full and full.span()) == (narrowed and narrowed.span())
            checked += 1
    assert checked > 50
