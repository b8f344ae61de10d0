"""The parse-based rules, on annotations with a dependency parse built by hand.

No models are needed: the Annotation below is what a dependency parser (stanza's,
for instance) would hand over. Stanza Documents go through the same rules in
tests/test_stanza_*.py.
"""

from __future__ import annotations

from dataclasses import replace

import quoteattr
from quoteattr.annotation import Annotation, Entity, Token
from quoteattr.rules import REQUIRES, RULES
from quoteattr.spans import Span

Spec = tuple[str, str, str, int, str]
"""(word, upos, lemma, head as a 1-based position in the spec or 0 for the root, deprel)."""


def _annotate(text: str, spec: list[Spec], entities: list[tuple[str, str]]) -> Annotation:
    tokens: list[Token] = []
    pos = 0
    for word, upos, lemma, head, deprel in spec:
        start = text.index(word, pos)
        pos = start + len(word)
        tokens.append(Token(Span(start, pos), upos, lemma, head - 1 if head else None, deprel))
    ents = []
    for name, label in entities:
        start = text.index(name)
        ents.append(Entity(Span(start, start + len(name)), label))  # type: ignore[arg-type]
    whole = Span(0, len(text))
    return Annotation(text, (whole,), (whole,), tuple(ents), tuple(tokens),
                      provides=frozenset({"paragraphs", "sentences", "entities", "tokens", "pos",
                                          "deps"}))


CONJOINED = 'Ana Duarte and Tomas Keller, speaking after a long night, told reporters: "We agree."'
CONJOINED_SPEC: list[Spec] = [
    ("Ana", "PROPN", "Ana", 10, "nsubj"), ("Duarte", "PROPN", "Duarte", 1, "flat"),
    ("and", "CCONJ", "and", 4, "cc"), ("Tomas", "PROPN", "Tomas", 1, "conj"),
    ("Keller", "PROPN", "Keller", 4, "flat"), (",", "PUNCT", ",", 7, "punct"),
    ("speaking", "VERB", "speak", 1, "acl"), ("after", "ADP", "after", 9, "case"),
    ("night", "NOUN", "night", 7, "obl"), ("told", "VERB", "tell", 0, "root"),
]


def test_dependency_subject_joins_conjoined_speakers(parse_rules_only: None) -> None:
    annotation = _annotate(CONJOINED, CONJOINED_SPEC,
                           [("Ana Duarte", "PERSON"), ("Tomas Keller", "PERSON")])
    doc = quoteattr.Attributor().attribute_annotation(annotation)
    (quote,) = doc.quotes
    assert quote.rule == "dependency_subject"
    assert quote.speaker is not None and quote.speaker.name == "Ana Duarte and Tomas Keller"
    assert quote.cue is not None and quote.cue.text == "told"


ACCORDING = 'The storm "will reach the coast by midnight," according to the weather service.'
ACCORDING_SPEC: list[Spec] = [
    ("storm", "NOUN", "storm", 0, "root"), ("according", "VERB", "accord", 5, "case"),
    ("to", "ADP", "to", 2, "fixed"), ("the", "DET", "the", 5, "det"),
    ("service", "NOUN", "service", 1, "obl"),
]


def test_dependency_according_to_takes_the_attached_nominal(parse_rules_only: None) -> None:
    annotation = _annotate(ACCORDING, ACCORDING_SPEC, [])
    doc = quoteattr.Attributor().attribute_annotation(annotation)
    (quote,) = doc.quotes
    assert quote.rule == "dependency_according_to"
    assert quote.mention is not None and quote.mention.text == "the weather service"


PREPOSITION_SUBJECT = ('Ines Baptiste backs the harbour plan. Of Okafor, Baptiste, a '
                       'ferry skipper, said, "He has never once asked us."')
PREPOSITION_SUBJECT_SPEC: list[Spec] = [
    ("Of", "ADP", "of", 8, "nsubj"), ("Okafor", "PROPN", "Okafor", 1, "pobj"),
    (",", "PUNCT", ",", 2, "punct"), ("Baptiste", "PROPN", "Baptiste", 2, "appos"),
    (",", "PUNCT", ",", 4, "punct"), ("a", "DET", "a", 7, "det"),
    ("skipper", "NOUN", "skipper", 4, "appos"), ("said", "VERB", "say", 0, "root"),
]
"""A small parser's error on a fronted "Of ...": the preposition made the verb's subject."""


def test_a_preposition_parsed_as_subject_names_no_one(parse_rules_only: None) -> None:
    annotation = _annotate(PREPOSITION_SUBJECT, PREPOSITION_SUBJECT_SPEC,
                           [("Ines Baptiste", "PERSON"), ("Okafor", "PERSON")])
    again = PREPOSITION_SUBJECT.rindex("Baptiste")
    annotation = replace(annotation, entities=(
        *annotation.entities, Entity(Span(again, again + len("Baptiste")), "PERSON")))
    (quote,) = quoteattr.Attributor().attribute_annotation(annotation).quotes
    assert quote.speaker is None  # not "Of"


def test_a_preposition_parsed_as_subject_leaves_the_surface_rules_to_decide() -> None:
    annotation = _annotate(PREPOSITION_SUBJECT, PREPOSITION_SUBJECT_SPEC,
                           [("Ines Baptiste", "PERSON"), ("Okafor", "PERSON")])
    again = PREPOSITION_SUBJECT.rindex("Baptiste")
    annotation = replace(annotation, entities=(
        *annotation.entities, Entity(Span(again, again + len("Baptiste")), "PERSON")))
    (quote,) = quoteattr.Attributor().attribute_annotation(annotation).quotes
    assert quote.speaker is not None and quote.speaker.name == "Ines Baptiste"


NAME_AS_MODIFIER = 'Chief Peter Malau of Lolwai village told us: "The trucks cannot come."'
NAME_AS_MODIFIER_SPEC: list[Spec] = [
    ("Chief", "PROPN", "Chief", 6, "nmod"), ("Peter", "PROPN", "Peter", 1, "appos"),
    ("Malau", "PROPN", "Malau", 6, "nmod"), ("of", "ADP", "of", 5, "case"),
    ("Lolwai", "PROPN", "Lolwai", 3, "nmod"), ("village", "NOUN", "village", 7, "nsubj"),
    ("told", "VERB", "tell", 0, "root"), ("us", "PRON", "we", 7, "obj"),
]
"""A small parser's error: the village made the subject, the chief's name a modifier of it."""


def test_a_persons_name_parsed_as_a_modifier_of_the_subject_speaks(
        parse_rules_only: None) -> None:
    annotation = _annotate(NAME_AS_MODIFIER, NAME_AS_MODIFIER_SPEC, [("Peter Malau", "PERSON")])
    (quote,) = quoteattr.Attributor().attribute_annotation(annotation).quotes
    assert quote.rule == "dependency_subject"
    assert quote.speaker is not None and quote.speaker.name == "Peter Malau"  # not "village"


def test_parse_rules_are_skipped_without_a_parse() -> None:
    """Without the deps layer the same text falls back to the surface rules."""
    annotation = _annotate(CONJOINED, CONJOINED_SPEC,
                           [("Ana Duarte", "PERSON"), ("Tomas Keller", "PERSON")])
    surface_only = replace(annotation, tokens=(),
                           provides=frozenset({"paragraphs", "sentences", "entities"}))
    doc = quoteattr.Attributor().attribute_annotation(surface_only)
    assert doc.quotes[0].rule != "dependency_subject"


def test_every_parse_rule_declares_its_layers() -> None:
    parse_rules = {r for r in RULES if r.__module__.endswith(".parse")}
    assert parse_rules and parse_rules <= set(REQUIRES)
