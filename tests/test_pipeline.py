"""The Attributor as a whole: batches, pickling, invariants of the records it builds."""

from __future__ import annotations

import pickle

import pytest

import quoteattr
from quoteattr import pipeline

TEXTS = [
    '"We will rebuild the bridge," Mayor Ana Duarte said on Monday.',
    'The ferry left at noon. "Nobody told us anything," said Tomas Keller, a passenger.',
    "No quotation marks here at all.",
]


def test_attribute_many_keeps_order_and_ids() -> None:
    results = list(quoteattr.Attributor().attribute_many(TEXTS, doc_ids=["a", "b", "c"]))
    assert [r.doc_id for r in results] == ["a", "b", "c"]
    assert [r.quotes[0].speaker.name for r in results[:2] if r.quotes[0].speaker] == [
        "Ana Duarte", "Tomas Keller",
    ]
    assert results[2].quotes == () and results[2].error is None


def test_one_failing_document_yields_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """An internal failure on one document is reported on that document; the rest go on."""
    real = pipeline.classify_quote

    def flaky(text: str, *args: object, **kwargs: object) -> object:
        if "ferry" in text:
            msg = "boom"
            raise RuntimeError(msg)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "classify_quote", flaky)
    results = list(quoteattr.Attributor().attribute_many(TEXTS, doc_ids=["a", "b", "c"]))
    assert [r.doc_id for r in results] == ["a", "b", "c"]
    assert results[1].error == "RuntimeError: boom" and results[1].quotes == ()
    assert results[0].error is None and results[0].quotes


def test_pickled_attributor_gives_the_same_results() -> None:
    attributor = quoteattr.Attributor()
    clone = pickle.loads(pickle.dumps(attributor))
    assert [clone.attribute(t) for t in TEXTS] == [attributor.attribute(t) for t in TEXTS]


def test_result_keeps_the_original_text_out_of_json() -> None:
    result = quoteattr.attribute(TEXTS[0], doc_id="a")
    assert result.text == TEXTS[0]
    assert TEXTS[0] not in result.model_dump_json().replace('\\"', '"')


def test_speaker_mention_never_lies_inside_its_quote() -> None:
    """Fuzzing reproducer: a quote running over a line break must not take a "credit line"
    inside itself as its speaker."""
    text = "\u201f\u2029\u2015L\"\u2039\u203a"
    for quote in quoteattr.attribute(text).quotes:
        if quote.mention is not None:
            assert quote.mention.end <= quote.start or quote.mention.start >= quote.end


def test_text_whose_lower_case_is_longer_keeps_its_offsets() -> None:
    """"İ" lower-cases to two characters; mentions are then found on the text itself."""
    text = "İİİ İstanbul. \"We are ready,\" she said. The minister agreed."
    plain = "III Istanbul. \"We are ready,\" she said. The minister agreed."
    assert len(text.lower()) != len(text)
    got, expected = quoteattr.attribute(text), quoteattr.attribute(plain)
    assert [(q.start, q.end, q.mention) for q in got.quotes] == [
        (q.start, q.end, q.mention) for q in expected.quotes
    ]
    assert got.quotes[0].mention is not None and got.quotes[0].mention.text == "she"


class _CountingAnnotator:
    """The embedded annotator, counting its calls."""

    name = "counting"

    def __init__(self) -> None:
        self.inner = quoteattr.annotators.embedded.EmbeddedAnnotator()
        self.calls = 0
        self.provides = self.inner.provides

    def annotate(self, text: str) -> quoteattr.annotation.Annotation:
        self.calls += 1
        return self.inner.annotate(text)


@pytest.mark.parametrize(
    "text", ["", "No quotation marks at all.", "Rock 'n' roll in the '90s, isn't it?"]
)
def test_text_without_marks_skips_the_annotator(text: str) -> None:
    counting = _CountingAnnotator()
    doc = quoteattr.Attributor(annotator=counting).attribute(text, doc_id="d")
    assert counting.calls == 0
    assert doc == quoteattr.Attributor().attribute_annotation(
        counting.inner.annotate(text), doc_id="d"
    )
    assert doc.quotes == () and doc.speakers == () and doc.text == text


def test_text_with_marks_runs_the_annotator() -> None:
    counting = _CountingAnnotator()
    doc = quoteattr.Attributor(annotator=counting).attribute('"Yes," she said.')
    assert counting.calls == 1 and len(doc.quotes) == 1


def test_attributors_of_the_default_lexicon_share_its_mention_tables() -> None:
    """A second genre's Attributor (``attribute(text, genre="news")`` after the default
    "auto") builds no second copy of the 1.2 MB mention tables; another lexicon gets its own,
    from its own words."""
    from dataclasses import replace

    from quoteattr.lexicon import default_lexicon

    news = quoteattr.Attributor(genre="news")
    assert news._mention_patterns is quoteattr.Attributor(genre="fiction")._mention_patterns
    lexicon = replace(default_lexicon(), title_modifiers={"interim": ""})
    own = quoteattr.Attributor(lexicon=lexicon)._mention_patterns
    assert own is not news._mention_patterns
    assert "interim" in own.title_lead and "former" not in own.title_lead
    assert "former" in news._mention_patterns.title_lead
