"""The embedded annotator's fast paths give what the plain per-paragraph ones would.

Names are found by one scan of the whole text, not one per paragraph: these tests pin
that the scan finds the same words and that a run still never crosses a paragraph.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.annotators.name_words import CAPITALISED, capitalised_words, common_text
from quoteattr.annotators.paragraphs import paragraphs_of
from quoteattr.annotators.sentences import SENTENCE_END
from quoteattr.lexicon import default_lexicon

_ANNOTATOR = EmbeddedAnnotator(default_lexicon())
_PIECES = ["Kerry", "John", "McCain", "O'Neill", "U.S.", "Sen.", "of", "the", "said", "The",
           "Will", "He", "Closing", "NATO", "É", "Ö", "x", "-", "'s", ".", " ", "  ", "\n",
           "\n\n", "\r\n", "\u2028", "\u00a0", "\t", ",", "wrapped lower-case words here"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_whole_text_scan_finds_the_per_paragraph_words(text: str) -> None:
    """Every capitalised word lies inside one paragraph and is found as there."""
    per_paragraph = [m.span() for p in paragraphs_of(text)
                     for m in CAPITALISED.finditer(text, p.start, p.end)]
    assert [m.span() for m in CAPITALISED.finditer(text)] == per_paragraph


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_runs_stay_inside_their_paragraph(text: str) -> None:
    """The runs of all paragraphs at once are the runs of each paragraph alone."""
    paragraphs = paragraphs_of(text)
    one_by_one = [run for p in paragraphs for run in _ANNOTATOR._runs(text, (p,))]
    assert list(_ANNOTATOR._runs(text, paragraphs)) == one_by_one


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.lists(st.tuples(st.integers(0, 80), st.integers(1, 12)), max_size=4))
def test_runs_leave_out_the_spans_passed_over(text: str, spans: list[tuple[int, int]]) -> None:
    """The parse path passes the tagged names over: no word of a run overlaps one, and
    each word is one the scan of the whole text finds (the spans may overlap)."""
    paragraphs = paragraphs_of(text)
    passed = sorted((start, start + size) for start, size in spans)
    every_word = {word for run in _ANNOTATOR._runs(text, paragraphs) for word in run}
    for run in _ANNOTATOR._runs(text, paragraphs, None, passed):
        for word in run:
            assert not any(s < word.end and word.start < e for s, e in passed)
            assert word in every_word


def test_particle_line_does_not_join_two_paragraphs() -> None:
    """ "Foo \\nof\\n Bar": a particle between two paragraphs joins no name across them."""
    text = "A line that is long enough to wrap, Foo \nof\n Bar"
    spans = [text[e.span.start : e.span.end] for e in _ANNOTATOR.annotate(text).entities]
    assert "Bar" in spans
    assert not any("\n" in s for s in spans)


_WORD_CHARACTERS = ("AOSDKérsS'’-.2½ǅÉ\u0301\u2160\u2102\u00b2x \n,:;_"  # common characters
                    "ЖжΩ\U0001d400\u02b0")  # and some beyond them: the text then takes regex
_SCANNED = st.text(_WORD_CHARACTERS, max_size=30) | st.lists(
    st.sampled_from([*_PIECES, "D’Souza", "N'Diaye", "Jean-Claude", "Kerry's", "F.B.I.", "Ωmega",
                     "ǅemal", "Zoë", "Łódź", "℃", "Ⅸ"]), max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_SCANNED)
def test_capitalised_words_by_re_are_the_regex_ones(text: str) -> None:
    """The ``re`` scan of :func:`capitalised_words` finds what ``CAPITALISED`` finds, on text
    of the characters its classes were drawn for and (by ``regex``) on any other."""
    assert [m.span() for m in capitalised_words(text)] == [
        m.span() for m in CAPITALISED.finditer(text)]


_SENTENCE_PIECES = [*_PIECES, "Mr.", "a.m.", "etc.", "!", "?", "…", "”", "’", "»", ")", "“", "(",
                    "—", "3", "½", "ǅ", "\u2029", "\x1c", "\u00a0", "\u2003", "Ωmega"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30).map("".join))
def test_sentence_ends_by_re_are_the_regex_ones(text: str) -> None:
    """The sentence splitter's ``re`` pattern (for text of common characters) ends the
    sentences its ``regex`` one does."""
    if common_text(text):
        paragraphs = paragraphs_of(text)
        splitter = _ANNOTATOR._splitter
        assert splitter.split(text, paragraphs, True) == splitter.split(text, paragraphs)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30).map("".join))
@example("He left. I\nShe came! O.\n\nAt 3. 4")  # the shortest ends, right at the paragraph's
def test_sentence_ends_are_the_plain_scan_ones(text: str) -> None:
    """One pass over the text's marks (skipping those too near a paragraph's end to open a
    match) ends the sentences that a ``SENTENCE_END`` scan of each paragraph does."""
    splitter = _ANNOTATOR._splitter
    expected = []
    for para in paragraphs_of(text):
        start = para.start
        for match in SENTENCE_END.finditer(text, para.start, para.end):
            if not splitter._ends_sentence(text, match.start(), match.end(), para):
                continue
            if match.end() > start:
                expected.append((start, match.end()))
            start = match.end()
            while start < para.end and text[start].isspace():
                start += 1
        if start < para.end:
            expected.append((start, para.end))
    got = splitter.split(text, paragraphs_of(text), common_text(text))
    assert [(s.start, s.end) for s in got] == expected


_NAME_PIECES = [*_PIECES, "Ohio", "Republican", "Secretary", "of State", "Mr", "Dianne", "MP",
                "General", "Motors", "May", "March", "said", "Born in", ",", "Ministry", "for"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_NAME_PIECES), max_size=25).map(" ".join),
                min_size=2, max_size=4))
def test_names_kept_per_word_and_run_are_those_of_a_fresh_annotator(texts: list[str]) -> None:
    """An annotator keeps what it found of each word and run of words it has seen; the
    names of a text are the same whatever texts it annotated before."""
    annotator = EmbeddedAnnotator(default_lexicon())
    for text in texts:
        fresh = EmbeddedAnnotator(default_lexicon()).annotate(text).entities
        assert annotator.annotate(text).entities == fresh
