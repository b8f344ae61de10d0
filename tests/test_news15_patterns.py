"""The parts behind the fifteenth set's lessons (``fixtures/cases/news15_patterns.jsonl``
holds the speaker cases, run by ``test_speaker_cases.py`` and on spaCy's parse):
a description by what someone does, a sentence-opening compound that is no name, and an
appositive after an age or with a place of two parts.
"""

from __future__ import annotations

import pytest
from tagged_support import finder_names

from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.coref.described import agent_phrase


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Tumelo Sehloho, 24, shears for the association. ", "the shearer", True),
        ("Bill Eastaugh, 61, thatches roofs in three counties. ", "the thatcher", True),
        ("Moana Reti drives the school bus every morning. ", "the driver", True),
        ("Ms Kaur teaches chemistry at the college. ", "the teacher", True),
        # no verb of that job before it, or no job at all
        ("Tumelo Sehloho, 24, works for the association. ", "the shearer", False),
        ("He was cheered by the crowd. ", "the cheerleader", False),
        ("Mrs Obi lives on the corner. ", "the other", False),
    ],
)
def test_a_description_by_the_verb_just_told(text: str, phrase: str, expected: bool) -> None:
    assert agent_phrase(text, phrase, len(text)) is expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Second-year student Chidera Okafor found it.", "Second-year"),
        ("Third-generation farmer Rhys Pritchard milks 180 cows.", "Third-generation"),
        ("Further back, Gary Pugh finished in six hours.", "Further"),
        ("Closer to home, Maureen Tilley sandbagged her door.", "Closer"),
    ],
)
def test_an_opening_compound_or_adverb_is_no_name(text: str, absent: str) -> None:
    names = finder_names(text)
    assert absent not in " ".join(names) and len(names) == 1


@pytest.mark.parametrize("name", ["Jean-Luc Picard", "Marja-Leena Sihvonen"])
def test_a_hyphenated_given_name_stays_a_name(name: str) -> None:
    text = f"{name} said the plan was sound."
    assert finder_names(text) == [name]


@pytest.mark.parametrize("name", ["Karoo Fibre Brokers", "Bayside Builders",
                                  "Atlantic Fisheries", "Kestrel Properties"])
def test_a_plural_trade_word_ends_a_firms_name(name: str) -> None:
    text = f"The wool was sold to {name} in December."
    entities = EmbeddedAnnotator().annotate(text).entities
    assert [(e.span.slice(text), e.label) for e in entities] == [(name, "ORG")]
