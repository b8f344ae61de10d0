"""The byte scan for mention words finds what the ``str`` whole-word pattern finds in the
lower-cased text, whatever stands around the words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.lexicon import default_lexicon
from quoteattr.mentions import MentionPatterns
from quoteattr.mentions.bytescan import ByteWordScan, pieces
from quoteattr.wordtrie import whole_words

_PATTERNS = MentionPatterns.from_lexicon(default_lexicon())
_WORDS = ("he", "she", "it", "i", "minister", "ministers", "secretary-general", "secretary",
          "prosecutor's", "prosecutor", "fly-half", "tánaiste", "spokesman")
_SCAN = ByteWordScan.build(_WORDS)
_PLAIN = whole_words(_WORDS, joiner_needs_letter=True)

_PARTS = st.sampled_from(
    ["he", "He", "HE", "she", "it", "I", "minister", "Ministers", "secretary-general",
     "Secretary-Generals", "prosecutor's", "prosecutor’s", "fly-half", "fly–half", "fly", "Fly",
     "TÁNAISTE", "tánaiste", "spokesman", "spo\u212aesman", "x", "é", "ł", "ß", "²", "½", "_",
     "1", " ", "  ", "\n", "\u00a0", "'", "’", "-", "--", "?", "“", "”", "—", ".", ",", "(", "Σ",
     "\ud800"]
)


def _plain_hits(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _PLAIN.finditer(text.lower())]


def _byte_hits(scan: ByteWordScan, text: str) -> list[tuple[int, int, str]]:
    return [hit for start, end in pieces(text) for hit in scan.hits(text, start, end)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PARTS, max_size=16))
def test_byte_scan_finds_what_the_str_pattern_finds(parts: list[str]) -> None:
    text = "".join(parts)
    assert _SCAN is not None
    if not _SCAN.fits(text):
        assert any(c in text for c in "\u212a\u0130\u0178\u1e9e\u212b")
        return
    assert _byte_hits(_SCAN, text) == _plain_hits(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=12), st.integers(1500, 3000))
def test_pieces_of_a_long_text_cut_no_word(parts: list[str], times: int) -> None:
    text = "".join(parts) * times
    bounds = list(pieces(text))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(text[end - 1] == " " and start == end - 1
               for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False))
    assert _SCAN is not None
    if _SCAN.fits(text):
        assert _byte_hits(_SCAN, text) == _plain_hits(text)


def test_the_lexicons_words_are_scanned_by_bytes() -> None:
    """The default lexicon's mention words are all Latin-1: its texts take the byte scan,
    which agrees with the word trie on news, including curly quotes and apostrophes."""
    scan = _PATTERNS.byte_words
    assert scan is not None
    text = ("“He’s gone,” she said. The minister’s aides — and the ministers' — met "
            "Secretary-General Guterres; officials (who declined) said it was I, not them.")
    words = _PATTERNS.words
    assert [(m.start(1), m.end(1), m.group(1)) for m in words.matches(text.lower())] == (
        _byte_hits(scan, text))


def test_words_beyond_latin1_or_with_other_characters_get_no_byte_scan() -> None:
    assert ByteWordScan.build(["he", "połowa"]) is None
    assert ByteWordScan.build(["he", "co--chair"]) is None
    assert ByteWordScan.build([]) is None
