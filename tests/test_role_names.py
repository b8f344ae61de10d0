"""A person a small tagger labels an organisation, place or work because of the role
before the name, and names of several words the tagger missed altogether.

The tagged spans below are the kind ``en_core_web_sm`` hands over for these sentences
(written for this project in the styles of several outlets); no model is needed.
"""

from __future__ import annotations

import pytest

from quoteattr.annotators.names import combine_entities
from quoteattr.annotators.paragraphs import paragraphs_of
from quoteattr.annotators.role_names import person_after_role
from quoteattr.lexicon import default_lexicon


def _combined(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    spans = []
    for piece, kind in tagged:
        start = text.index(piece)
        spans.append((kind, start, start + len(piece)))
    entities = combine_entities(text, paragraphs_of(text), spans, default_lexicon())
    return [(e.span.slice(text), e.label) for e in entities]


@pytest.mark.parametrize(
    ("text", "tagged", "person"),
    [
        # A role noun inside the tagged span (UK regional paper, sentence-initial role).
        ("Shop owner Catriona MacLeod said shelves were emptying fast.",
         ("Shop owner Catriona MacLeod", "ORG"), "Catriona MacLeod"),
        ("Cyclist Declan Moriarty, 44, died after being struck on the coast road.",
         ("Cyclist Declan Moriarty", "ORG"), "Declan Moriarty"),
        # A role noun right before the span (South African daily, Irish broadcaster).
        ("In Soweto, spaza shop owner Thabo Nkosi said he had lost stock.",
         ("Thabo Nkosi", "ORG"), "Thabo Nkosi"),
        ("Radio presenter Declan Furey hosted his final show on Friday night.",
         ("Declan Furey", "FAC"), "Declan Furey"),
        # A title inside the span (Irish parliamentary report).
        ("Labour TD Siobhán Kearney said her party would table a motion.",
         ("Labour TD Siobhán Kearney", "ORG"), "Siobhán Kearney"),
        # A work of art, a type no speaker's name has (Indian sports desk).
        ("Skipper Aarav Rathore struck an unbeaten century on the final day.",
         ("Skipper Aarav Rathore", "WORK_OF_ART"), "Aarav Rathore"),
    ],
)
def test_a_person_after_a_role_is_a_person(text: str, tagged: tuple[str, str],
                                           person: str) -> None:
    assert (person, "PERSON") in _combined(text, [tagged])


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        # A function word before the span: a firm named after a person stays a firm.
        ("Analysts at Morgan Stanley expect two rate cuts this year.", ("Morgan Stanley", "ORG")),
        # Nothing before it: the paragraph opens with the firm's name.
        ("John Lewis said it would close eight stores.", ("John Lewis", "ORG")),
        # A role before it, but an organisation's word in the name.
        ("Harbour manager Fergus Quay Holdings said the berth was full.",
         ("Fergus Quay Holdings", "ORG")),
    ],
)
def test_an_organisation_without_a_role_before_it_stays(text: str,
                                                       tagged: tuple[str, str]) -> None:
    assert (tagged[0], "ORG") in _combined(text, [tagged])


def test_person_after_role_gives_the_given_names_offset() -> None:
    text = "Mother of three Zanele Mkhize said her children had missed school."
    start = 0
    end = text.index(" said")
    at = person_after_role(text, start, end, default_lexicon())
    assert at == text.index("Zanele")


def test_a_lower_case_word_in_the_name_is_no_person() -> None:
    text = "Nurse Mary of the Angels Hospice said the ward was full."
    end = text.index(" said")
    assert person_after_role(text, 0, end, default_lexicon()) is None


def test_a_name_of_several_words_the_tagger_missed_is_added() -> None:
    text = ("FRANKFURT, March 9 (Reuters) - Skyline Air cancelled more than 300 flights "
            "on Monday as pilots began a strike, the airline said.")
    names = _combined(text, [("March 9", "DATE"), ("Reuters", "ORG"), ("Monday", "DATE")])
    assert "Skyline Air" in [name for name, _ in names]


def test_a_single_untagged_word_still_needs_evidence() -> None:
    text = "Ferries resumed at dawn. Harbour traffic was light, the port authority said."
    names = [name for name, _ in _combined(text, [])]
    assert "Ferries" not in names and "Harbour" not in names
