"""Adversarial inputs (issue #5): odd texts never raise, spans slice back, quotes nest.

Moderate-size versions of the input families that ``benchmarks/scaling.py`` runs up to
20 MB: news text, quotation marks in a row, one long paragraph, no whitespace, deep
nesting, a quote that never closes, names everywhere, CRLF and lone CR line endings,
no punctuation, and invisible, control and astral characters. Each case takes well
under a second at the size used here.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from quoteattr import Attributor, DocumentResult
from quoteattr.quotes import MAX_DEPTH

ARTICLES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "articles").glob("*.txt"))
_MARKS = "\"“”'‘’«»"


def _news(n: int, seed: int = 0) -> str:
    """Fixture articles, shuffled and repeated, cut to ``n`` characters."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8").strip("\n") for p in ARTICLES]
    parts: list[str] = []
    while sum(map(len, parts)) < n:
        rng.shuffle(texts)
        parts.extend(texts)
    return "\n\n".join(parts)[:n]


def check_invariants(attributor: Attributor, text: str) -> DocumentResult:
    """Attribute ``text`` and assert every promise of docs/guarantees.md that is not timing."""
    doc = attributor.attribute(text)
    for label, span in doc.spans():
        assert 0 <= span.start <= span.end <= len(text), (label, span)
        assert span.text == text[span.start : span.end], (label, span)
    keys = [(q.start, -q.end) for q in doc.quotes]
    assert keys == sorted(keys)
    open_ends: list[int] = []
    for q in doc.quotes:
        while open_ends and open_ends[-1] <= q.start:
            open_ends.pop()
        assert not open_ends or q.end <= open_ends[-1], f"partial overlap at {q.start}"
        open_ends.append(q.end)
    ids = {s.id for s in doc.speakers}
    for q in doc.quotes:
        if q.mention is not None:
            assert q.mention.end <= q.start or q.end <= q.mention.start, q
        if q.speaker is not None:
            assert q.speaker.id in ids, q.speaker
        if q.parent is not None:
            parent = doc.quotes[q.parent]
            assert parent.start <= q.start and q.end <= parent.end
    assert attributor.attribute(text) == doc, "a second call gave a different result"
    return doc


def _nested(depth: int) -> str:
    """``"w0 'w1 "w2 ... w2" w1' w0"``: quotes nested ``depth`` deep, straight marks alternating."""
    marks = ['"' if d % 2 == 0 else "'" for d in range(depth)]
    head = "".join(f"{m}w{d} " for d, m in enumerate(marks))
    tail = "".join(f"w{d}{m} " for d, m in reversed(list(enumerate(marks))))
    return (head + tail).rstrip()


_NAME_WORDS = ("Ana", "Duarte", "Mayor", "Hollis", "Brandt", "Minister", "Interior", "Ministry",
               "Said", "The", "He", "She", "They", "Mr.", "President", "Council", "O'Neill",
               "Jean-Claude", "U.S.", "NATO", "Told", "According", "To", "It", "We", "I")


def _capitalised(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    parts = []
    while sum(map(len, parts)) < n:
        words = " ".join(rng.choices(_NAME_WORDS, k=rng.randint(3, 12)))
        parts.append(f"“{words},” Ana Duarte Said." if rng.random() < 0.3 else words + ".")
        parts.append("\n\n" if rng.random() < 0.1 else " ")
    return "".join(parts)[:n]


FAMILIES = {
    "news": lambda: _news(20_000),
    "marks_mixed": lambda: "".join(random.Random(1).choices(_MARKS, k=2_000)),
    "marks_straight_double": lambda: '"' * 2_000,
    "marks_straight_single": lambda: "'" * 2_000,
    "marks_spaced": lambda: " ".join(random.Random(2).choices(_MARKS, k=1_000)),
    "marks_between_words": lambda: "".join(
        w + m for w, m in zip(["word", "He", "said", "x"] * 250,
                              random.Random(3).choices(_MARKS, k=1_000), strict=True)),
    "one_paragraph": lambda: re.sub(r"\s*\n\s*", " ", _news(10_000)),
    "no_whitespace": lambda: re.sub(r"\s+", "", _news(20_000)),
    "nested_50": lambda: _nested(50),
    "nested_curly_30": lambda: "".join("“a ‘b " for _ in range(15)) + "".join(
        "b’ a” " for _ in range(15)),
    "unclosed": lambda: "“" + re.sub(r"\s*\n\s*|[\"“”'‘’«»]", " ", _news(10_000)),
    "unclosed_reopened": lambda: "\n\n".join(
        "“" + p for p in re.sub(r"[\"“”'‘’«»]", "", _news(20_000)).split("\n\n")),
    "opener_only": lambda: "He said: “" + "word " * 2_000,
    "closer_only": lambda: "word” " * 2_000,
    "capitalised": lambda: _capitalised(10_000),
    "crlf": lambda: _news(20_000).replace("\n", "\r\n"),
    "lone_cr": lambda: _news(20_000).replace("\n", "\r"),
    "mixed_line_ends": lambda: "".join(
        ch if ch != "\n" else random.Random(i).choice(["\n", "\r\n", "\r", "\u2028", "\u2029"])
        for i, ch in enumerate(_news(10_000))),
    "no_punctuation": lambda: re.sub(r"[^\w\s]|_", "", _news(20_000)),
    "long_space_runs": lambda: ('He said, "Yes, we will." ' + " " * 2_000) * 5,
    "long_blank_lines": lambda: ('"Yes," she said.' + "\n" * 2_000) * 5,
    "long_word": lambda: '"' + "a" * 20_000 + '," he said.',
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_family_keeps_invariants(attributor: Attributor, family: str) -> None:
    check_invariants(attributor, FAMILIES[family]())


def test_nested_quotes_keep_their_depth_down_to_the_cap(attributor: Attributor) -> None:
    text = _nested(MAX_DEPTH + 1)
    doc = check_invariants(attributor, text)
    assert len(doc.quotes) == MAX_DEPTH + 1
    assert doc.quotes[0].text == text
    for i, q in enumerate(doc.quotes[1:], start=1):
        assert q.kind == "nested" and q.parent == i - 1


def test_quotes_deeper_than_the_cap_stay_text_of_the_deepest(attributor: Attributor) -> None:
    """Past MAX_DEPTH the marks are plain text: the records stay linear in the input."""
    text = _nested(50)
    doc = check_invariants(attributor, text)
    assert len(doc.quotes) == MAX_DEPTH + 1
    deepest = doc.quotes[-1]
    assert deepest.parent == MAX_DEPTH - 1
    assert f"w{MAX_DEPTH + 1}" in deepest.text and "w49" in deepest.text
    assert sum(len(q.text) for q in doc.quotes) <= (MAX_DEPTH + 1) * len(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\r\n\r",
        "\x00",
        "\x00" * 100 + '"Yes," he said.',
        '"Yes,\x00" he said.',
        '"Yes,\ud800" he said.',  # a lone surrogate
        "\udfff\ud800 “ ”",
        '"😀 👨‍👩‍👧 𝒜," said Ana Duarte.',
        "“e\u0301\u0308\u20dd,” said Zoe\u0301 Duarte.",
        "“\u200bYes\u200d,”\u2060 said\u00a0Ana\u200b Duarte.\ufeff",
        "\u202e“Yes,” said Ana Duarte.\u202c\u2066“No,” he said.\u2069",
        "\u061c\u200e\u200f\"Yes,\" he said.",
        '"Yes,"\u2028he said.\u2029"No," she said.\x85"Maybe," they said.',
        "\x1c\x1d\x1e\x1f\x0b\x0c“Yes,” he said.",
        "'" * 3 + '"' * 3 + "«»" * 3 + "‹›" * 3 + "「」『』",
        '""',
        "“”",
        '" "',
        "«»",
        "''",
        "``''",
        '"a" "b" "c" "d"',
        "He said “yes” and “no” and “maybe”.",
    ],
    ids=lambda t: repr(t)[:40],
)
def test_odd_characters_keep_invariants(attributor: Attributor, text: str) -> None:
    check_invariants(attributor, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The council met on Monday and approved the budget.",
        re.sub(r"[^\w\s]|_", "", _news(5_000)),
        "He said he would come. She said no.",
        "don't won't it's Kerry’s O'Neill rock 'n' roll the '90s",
    ],
    ids=["empty", "plain", "no_punctuation", "speech_no_marks", "apostrophes"],
)
def test_text_without_quotes_gives_an_empty_result(attributor: Attributor, text: str) -> None:
    doc = check_invariants(attributor, text)
    assert doc.quotes == ()
    assert doc.speakers == ()


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone_cr"])
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_line_endings_slice_the_original_and_agree_with_lf(
    attributor: Attributor, article: Path, newline: str
) -> None:
    """A CRLF or lone-CR copy of an article gives spans into its own string and the same
    quotes, kinds, speakers and rules as the LF original."""
    lf = article.read_text(encoding="utf-8")
    text = lf.replace("\n", newline)
    doc = check_invariants(attributor, text)
    assert all(q.text == text[q.start : q.end] for q in doc.quotes)

    def summary(d: DocumentResult, nl: str) -> list[tuple[str, str, str | None, str]]:
        return [(q.text.replace(nl, "\n"), q.kind, q.speaker.name if q.speaker else None, q.rule)
                for q in d.quotes]

    assert summary(doc, newline) == summary(attributor.attribute(lf), "\n")


def test_crlf_offsets_are_not_normalised(attributor: Attributor) -> None:
    """Offsets count the CR of each CRLF: nothing is normalised before offsets are taken."""
    text = 'Intro line.\r\n\r\n"We will rebuild," Mayor Ana Duarte said.\r\n'
    q = attributor.attribute(text).quotes[0]
    assert (q.start, q.end) == (15, 33)
    assert text[q.start : q.end] == '"We will rebuild,"'


# Regressions (issue #5): deep structures once exhausted Python's recursion limit
# (pipeline.Attributor._nested, coref.Coreference.cluster_of), and a lone surrogate
# once made to_json raise.


def test_nesting_1000_deep_does_not_raise(attributor: Attributor) -> None:
    text = _nested(1_000)
    doc = check_invariants(attributor, text)
    assert len(doc.quotes) == MAX_DEPTH + 1
    assert doc.quotes[-1].parent == MAX_DEPTH - 1


def test_many_pronouns_before_a_quote_do_not_raise(attributor: Attributor) -> None:
    check_invariants(attributor, "He left. " * 500 + '"Yes," he said.')


def test_result_of_a_lone_surrogate_text_serialises(attributor: Attributor) -> None:
    text = '"Yes,\ud800" he said.'
    doc = check_invariants(attributor, text)
    assert doc.quotes[0].text == '"Yes,\ud800"'
    assert json.loads(doc.to_json())["quotes"][0]["text"] == '"Yes,\ud800"'


def test_credit_line_inside_a_wrapped_quote_is_not_its_speaker(attributor: Attributor) -> None:
    # Found by benchmarks/fuzz.py: the quote runs over one line break onto a "— Name" line.
    doc = check_invariants(attributor, "“Yes.\n— Sanders”")
    assert doc.quotes[0].mention is None


# Once known failures (issue #5), now fixed: kept as regression tests.


def test_credit_line_after_a_multi_paragraph_quote(attributor: Attributor) -> None:
    doc = check_invariants(attributor, "“We will fight on.\n\n“We will win.”\n- Sanders.")
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["Sanders"]


def test_closing_marks_look_a_bounded_way_down_the_open_quotes(
    attributor: Attributor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: with thousands of quotes left open, each closing mark of another family
    compared itself with every one of them (quadratic time). The look-down is bounded."""
    from quoteattr import quotes

    calls = 0
    real = quotes._closes

    def counting(mark: object, entry: object) -> bool:
        nonlocal calls
        calls += 1
        return real(mark, entry)  # type: ignore[arg-type]

    monkeypatch.setattr(quotes, "_closes", counting)
    n = 2_000
    text = "x " + "“a «a " * n + "a’ " * (2 * n)
    check_invariants(attributor, text)
    assert calls <= (quotes._LOOK_DOWN + 2) * 4 * n


def test_word_before_a_speech_verb_is_read_from_a_bounded_window() -> None:
    """Regression: in text without spaces, finding the word before a possible speech verb
    copied and lower-cased the whole text before it, for every capitalised word
    (quadratic). It reads at most 60 characters now."""
    import tracemalloc

    from quoteattr.annotators.embedded import EmbeddedAnnotator

    annotator = EmbeddedAnnotator()
    text = "x" * 1_000_000 + "The said"
    tracemalloc.start()
    try:
        annotator._before_speech_verb(text, len(text) - len(" said"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000
