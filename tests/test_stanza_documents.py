"""stanza Documents passed straight to ``quoteattr.attribute``: parse, NER and coref are used.

Documents are built by hand (no models): the CoNLL-U fixture of the adapter tests, and
small ones made from token dicts with coreference chains attached.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

stanza = pytest.importorskip("stanza")

import torch  # noqa: E402  (after the importorskip above)

import quoteattr  # noqa: E402

torch.set_num_threads(1)
FIXTURES = Path(__file__).parent / "stanza_fixtures"


def _document(text: str, sentences: list[list[tuple[str, str, int, str, str]]]) -> Any:
    """A Document from (word, upos, head, deprel, ner) rows; offsets found in ``text``."""
    from stanza.models.common.doc import Document

    rows = []
    pos = 0
    for sentence in sentences:
        words = []
        for word, upos, head, deprel, ner in sentence:
            start = text.index(word, pos)
            pos = start + len(word)
            words.append({"text": word, "lemma": word.lower(), "upos": upos, "head": head,
                          "deprel": deprel, "ner": ner, "start_char": start, "end_char": pos})
        rows.append(words)
    return Document(rows, text=text)


def test_conllu_document_gives_offsets_in_its_own_text() -> None:
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_file=str(FIXTURES / "mayor.conllu"), reconstruct_text=True)
    result = quoteattr.attribute(doc, doc_id="mayor")
    assert [q.text for q in result.quotes] == ['"We will rebuild,"', "“We are on our own,”"]
    for q in result.quotes:
        assert doc.text[q.start : q.end] == q.text
    assert [q.speaker.name if q.speaker else None for q in result.quotes] == [
        "Ana Duarte", "Ana Duarte",
    ]


TEXT = 'Ana Duarte met Mara Quill. Quill spoke first. "We are ready," she said.'
SENTENCES = [
    [("Ana", "PROPN", 3, "nsubj", "B-PERSON"), ("Duarte", "PROPN", 1, "flat", "E-PERSON"),
     ("met", "VERB", 0, "root", "O"), ("Mara", "PROPN", 3, "obj", "B-PERSON"),
     ("Quill", "PROPN", 4, "flat", "E-PERSON"), (".", "PUNCT", 3, "punct", "O")],
    [("Quill", "PROPN", 2, "nsubj", "S-PERSON"), ("spoke", "VERB", 0, "root", "O"),
     ("first", "ADV", 2, "advmod", "O"), (".", "PUNCT", 2, "punct", "O")],
    [('"', "PUNCT", 4, "punct", "O"), ("We", "PRON", 4, "nsubj", "O"),
     ("are", "AUX", 4, "cop", "O"), ("ready", "ADJ", 8, "ccomp", "O"),
     (",", "PUNCT", 4, "punct", "O"), ('"', "PUNCT", 4, "punct", "O"),
     ("she", "PRON", 8, "nsubj", "O"), ("said", "VERB", 0, "root", "O"),
     (".", "PUNCT", 8, "punct", "O")],
]


def test_without_coref_salience_picks_the_last_subject() -> None:
    result = quoteattr.attribute(_document(TEXT, SENTENCES))
    (quote,) = result.quotes
    assert quote.speaker is not None and quote.speaker.name == "Mara Quill"


def test_coref_chain_overrules_salience() -> None:
    """A backend's chain linking "she" to Ana Duarte decides, not the rule-based salience."""
    from stanza.models.coref.coref_chain import CorefChain, CorefMention

    doc = _document(TEXT, SENTENCES)
    doc.coref = [CorefChain(0, [CorefMention(0, 0, 2), CorefMention(2, 6, 7)], "Ana Duarte", 0)]
    (quote,) = quoteattr.attribute(doc).quotes
    assert quote.speaker is not None and quote.speaker.name == "Ana Duarte"
    assert quote.mention is not None and quote.mention.text == "she"


def test_parse_finds_a_distant_subject(parse_rules_only: None) -> None:
    text = 'Duarte, who has led the city since May, told the council on Monday: "We rebuild."'
    doc = _document(text, [[
        ("Duarte", "PROPN", 9, "nsubj", "S-PERSON"), (",", "PUNCT", 4, "punct", "O"),
        ("who", "PRON", 4, "nsubj", "O"), ("led", "VERB", 1, "acl:relcl", "O"),
        ("city", "NOUN", 4, "obj", "O"), ("since", "ADP", 7, "case", "O"),
        ("May", "PROPN", 4, "obl", "S-DATE"), (",", "PUNCT", 4, "punct", "O"),
        ("told", "VERB", 0, "root", "O"), ("council", "NOUN", 9, "obl", "O"),
    ]])
    (quote,) = quoteattr.attribute(doc).quotes
    assert quote.rule == "dependency_subject"
    assert quote.speaker is not None and quote.speaker.name == "Duarte"


def test_attribute_many_takes_documents() -> None:
    """Documents go through attribute_many as through attribute (it raised on them)."""
    doc = _document(TEXT, SENTENCES)
    results = list(quoteattr.Attributor().attribute_many([doc, "No quotes here."],
                                                         doc_ids=["d", "s"]))
    assert [r.doc_id for r in results] == ["d", "s"]
    assert [q.speaker.name if q.speaker else None for q in results[0].quotes] == ["Mara Quill"]
    assert not results[1].quotes


def test_ud_passive_quoted_as_saying(parse_rules_only: None) -> None:
    """UD's shape: "saying" is an advcl of "quoted", whose passive subject is the speaker."""
    text = 'The mayor was quoted as saying: "We rebuild."'
    doc = _document(text, [[
        ("The", "DET", 2, "det", "O"), ("mayor", "NOUN", 4, "nsubj:pass", "O"),
        ("was", "AUX", 4, "aux:pass", "O"), ("quoted", "VERB", 0, "root", "O"),
        ("as", "SCONJ", 6, "mark", "O"), ("saying", "VERB", 4, "advcl", "O"),
    ]])
    (quote,) = quoteattr.attribute(doc).quotes
    assert quote.rule == "dependency_subject"
    assert quote.mention is not None and quote.mention.text == "The mayor"
