"""Entity spans from a tagger, cleaned and combined with the built-in name finder.

No model is needed: the spans below are what a statistical tagger hands over, faults
included (a quotation mark or possessive kept, a name run over a paragraph break).
"""

from __future__ import annotations

import pytest

from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.annotators.names import clean_entity, combine_entities
from quoteattr.annotators.paragraphs import paragraphs_of
from quoteattr.annotators.role_names import person_after_role
from quoteattr.lexicon import default_lexicon


def _cleaned(text: str, piece: str) -> list[str]:
    start = text.index(piece)
    return [span.slice(text) for span in clean_entity(text, start, start + len(piece))]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        ('Del. Marcia "Cia" Price spoke.', 'Marcia "', ["Marcia"]),
        ("CBC Sports' coverage began at noon.", "CBC Sports'", ["CBC Sports"]),
        ("Reuters’s bureau chief said so.", "Reuters’s", ["Reuters"]),
        ("the Harlow Foods' shares fell", "Harlow Foods'", ["Harlow Foods"]),
        ("Prime Minister Justin Trudeau\n\nTrudeau said", "Justin Trudeau\n\nTrudeau",
         ["Justin Trudeau", "Trudeau"]),
        ("“Go home.” ― Ariana Okafor\n", "― Ariana Okafor", ["Ariana Okafor"]),
        ("(Acme Corp.) said", "(Acme Corp.)", ["Acme Corp."]),  # the abbreviation's stop stays
        ("Chris Lewis, 34, said", "Chris Lewis,", ["Chris Lewis"]),
        ("the Boss said", "Boss", ["Boss"]),  # a name ending in s is no possessive
        ('he said "', '"', []),
    ],
)
def test_clean_entity_trims_to_the_name(text: str, tagged: str, expected: list[str]) -> None:
    assert _cleaned(text, tagged) == expected


def _combined(text: str, tagged: list[tuple[str, str]] | None) -> list[tuple[str, str]]:
    spans = None
    if tagged is not None:
        spans = []
        for piece, kind in tagged:
            start = text.index(piece)
            spans.append((kind, start, start + len(piece)))
    entities = combine_entities(text, paragraphs_of(text), spans, default_lexicon())
    return [(e.span.slice(text), e.label) for e in entities]


def test_a_surname_beside_a_speech_verb_is_added() -> None:
    text = '"The bridge stays shut until Friday," Mbeki said on Tuesday.'
    assert [name for name, _ in _combined(text, [])] == ["Mbeki"]


def test_a_capitalised_word_without_evidence_is_not_added() -> None:
    text = "Ferries resumed at dawn. Harbour traffic was light, the port authority said."
    names = [name for name, _ in _combined(text, [("the port authority", "ORG")])]
    assert "Harbour" not in names and "Ferries" not in names


def test_a_surname_of_a_tagged_name_is_added() -> None:
    text = "Coach Dana Whitlock watched the final. After the match, Whitlock was asked about it."
    names = _combined(text, [("Dana Whitlock", "PERSON")])
    assert [n for n, _ in names] == ["Dana Whitlock", "Whitlock"]


def test_a_dash_credit_line_is_a_name() -> None:
    text = "“We will rebuild.”\n― Tomasz Wren\n"
    assert [n for n, _ in _combined(text, [])] == ["Tomasz Wren"]


def test_a_tagged_place_beside_a_speech_verb_gives_way() -> None:
    text = "“I’ve lost the key,” confessed Tuppence."
    assert _combined(text, [("Tuppence", "GPE")]) == [
        (n, label) for n, label in _combined(text, []) if n == "Tuppence"
    ]
    assert all(label != "GPE" for _, label in _combined(text, [("Tuppence", "GPE")]))


def test_a_tagged_date_is_not_overridden_without_a_speech_verb() -> None:
    text = "The fair opens in May. Organisers expect a crowd."
    assert _combined(text, [("May", "DATE")]) == []


def test_pronouns_are_never_added() -> None:
    text = '"It was late," She said. "We left," They said. "Bye," Okoro said.'
    assert [name for name, _ in _combined(text, [])] == ["Okoro"]


def test_without_ner_the_built_in_names_are_used() -> None:
    text = "Ana Duarte opened the plant in Riverton on Monday."
    entities = combine_entities(text, paragraphs_of(text), None, default_lexicon())
    assert entities == tuple(EmbeddedAnnotator().annotate(text).entities)


def test_a_tagged_persons_title_is_cut() -> None:
    text = "Earlier, Leanne Fairweather spoke. Later Ms Fairweather said it again."
    names = _combined(text, [("Leanne Fairweather", "PERSON"), ("Ms Fairweather", "PERSON")])
    assert ("Fairweather", "PERSON") in names and ("Ms Fairweather", "PERSON") not in names


def test_a_given_name_that_is_a_title_stays() -> None:
    text = "The lorry driver, Dean Marsh, 52, said he had stopped."
    assert _combined(text, [("Dean Marsh", "PERSON")]) == [("Dean Marsh", "PERSON")]


def test_a_surname_tagged_as_a_place_is_a_person() -> None:
    text = "Chef Tomás Ferreira opened in May. Ferreira said the rent had doubled."
    names = _combined(text, [("Tomás Ferreira", "PERSON"), ("Ferreira", "GPE")])
    assert ("Ferreira", "PERSON") in names


def test_a_title_and_given_name_tagged_as_an_organisation_is_a_person() -> None:
    text = "Superintendent Marcus Bell estimated the cost at $400,000."
    assert _combined(text, [("Superintendent Marcus Bell", "ORG")]) == [
        ("Marcus Bell", "PERSON")]


def test_an_organisation_with_a_title_word_stays_one() -> None:
    """One body, its title word kept; the article a tagger took in is no word of the name
    (the embedded path reads "Senate Finance Committee" too)."""
    text = "The Senate Finance Committee met on Monday."
    assert _combined(text, [("The Senate Finance Committee", "ORG")]) == [
        ("Senate Finance Committee", "ORG")]


@pytest.mark.parametrize(("text", "tagged", "name"), [
    ("Diplomats met at the U.N. Security Council on Friday.", "the U.N. Security Council",
     "U.N. Security Council"),
    ("The Orbis Space Agency said the probe was safe.", "The Orbis Space Agency",
     "Orbis Space Agency"),
    ("Flights to The Hague were delayed.", "The Hague", "Hague"),
])
def test_an_article_a_tagger_took_into_a_name_is_left_out(text: str, tagged: str,
                                                           name: str) -> None:
    """A speaker's name is the same on both paths: the finder never takes the article in, so
    a tagger's "the" before a body or place is left out ("the Orbis Space Agency")."""
    assert [n for n, _ in _combined(text, [(tagged, "ORG")])] == [name]


# A person a small tagger labels an organisation, place or work because of the role
# before the name, and names of several words the tagger missed altogether.

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
        # In apposition after a role noun and its comma (Irish broadcaster's report).
        ("Mr Moriarty’s sister, Aoife Moriarty, told Morning Ireland the family waited.",
         ("Aoife Moriarty", "ORG"), "Aoife Moriarty"),
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
        # A comma before it, but after no role noun (business wire).
        ("Asked about rates, Morgan Stanley said it expected two cuts.",
         ("Morgan Stanley", "ORG")),
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


def test_a_role_before_a_given_name_outweighs_a_tagged_place() -> None:
    # The tagger read only the surname, as a place (South African news site).
    text = "Domestic worker Thandiwe Mokoena, 37, walked two hours to reach her employer."
    names = _combined(text, [("Mokoena", "GPE")])
    assert ("Thandiwe Mokoena", "PERSON") in names
    assert ("Mokoena", "GPE") not in names


def test_a_tagged_place_after_a_preposition_stays_a_place() -> None:
    text = "She moved to Port Harcourt in 1990 and opened a clinic there."
    names = _combined(text, [("Port Harcourt", "GPE")])
    assert ("Port Harcourt", "GPE") in names


def test_a_name_over_a_hard_wrapped_line_break_stays_one_name() -> None:
    """A tagger's "Miss\\nBartlett" inside one paragraph of a hard-wrapped text is one name
    (the break is a space, as the embedded path reads it), so the title is cut and no
    "Miss" is left over as a name of its own; a break between paragraphs still cuts."""
    text = ("The rain had not stopped since the morning, and the little party sat\n"
            "in the drawing-room of the pension, watching the water run down the\n"
            "long windows and waiting for the English papers to arrive by post.\n\n"
            '"We must go out whatever the weather," said Miss\n'
            "Bartlett, rising from her chair by the stove and reaching for her\n"
            "umbrella, which had been standing in the corner since breakfast.\n\n"
            "Nobody answered her at first, for the cousins were reading, and the\n"
            "old clergyman had fallen asleep over his book beside the window.\n")
    assert _combined(text, [("Miss\nBartlett", "PERSON")]) == [("Bartlett", "PERSON")]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # the finder reads only the words between the tagged names, but as it would with
        # them in: a title before a tagged name is no name of its own ...
        ('"We will not," Mr. Obama said.', [("Obama", "PERSON")], [("Obama", "PERSON")]),
        ("Former Prime Minister Oskar Lind spoke.", [("Oskar Lind", "PERSON")],
         [("Oskar Lind", "PERSON")]),
        # ... nor a post-nominal or a place after one, joined to it as the finder joins
        ("Marieke Botha MP, said in a statement that it was wrong.",
         [("Marieke Botha", "PERSON")], [("Marieke Botha", "PERSON")]),
        ("The American Civil Liberties Union of Ohio said it would sue.",
         [("American Civil Liberties Union", "ORG")],
         [("American Civil Liberties Union", "ORG")]),
        # ... while a name after a tagged title is the finder's
        ("Councillor Ana Ruiz pleaded for a delay.", [("Councillor", "ORG")],
         [("Councillor", "ORG"), ("Ana Ruiz", "PERSON")]),
    ],
)
def test_the_finder_reads_around_the_tagged_names(
        text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    assert _combined(text, tagged) == expected


def test_a_tagged_place_that_is_the_surname_of_a_finders_person_is_that_person() -> None:
    """The tagger missed "Thabo Mahlatsi" and read "Mahlatsi" later as a place; the finder
    read the full name, so the surname alone is the person, as after a tagged full name."""
    text = ("The MCM's Thabo Mahlatsi, the party's provincial secretary, spoke first. "
            "Later the MCM's Mahlatsi was blunt.")
    later = text.rindex("Mahlatsi")
    entities = combine_entities(text, paragraphs_of(text), [("GPE", later, later + 8)],
                                default_lexicon())
    assert [(e.span.slice(text), e.label) for e in entities] == [
        ("Thabo Mahlatsi", "PERSON"), ("Mahlatsi", "PERSON")]


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ('"You will go home," said Dr. Archie sternly.', [("Archie", "PERSON"),
                                                         ("sternly", "PERSON")]),
        ("The prima donna sang the aria twice.", [("donna sang", "PERSON")]),
    ],
)
def test_a_tagged_span_all_in_lower_case_is_no_name(text: str,
                                                    tagged: list[tuple[str, str]]) -> None:
    """A tagger's misfire on fiction (en_core_web_sm tags "sternly" a person): every name
    has a capital."""
    assert all(not name.islower() for name, _ in _combined(text, tagged))


def _tagged_at(text: str, tagged: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    """combine_entities over tagged (name, type, which occurrence) spans."""
    spans = []
    for piece, kind, nth in tagged:
        start = -1
        for _ in range(nth + 1):
            start = text.index(piece, start + 1)
        spans.append((kind, start, start + len(piece)))
    entities = combine_entities(text, paragraphs_of(text), sorted(spans, key=lambda s: s[1]),
                                default_lexicon())
    return [(e.span.slice(text), e.label) for e in entities]


def test_a_name_the_tagger_calls_a_body_and_a_place_is_the_finders() -> None:
    """"Montraville" tagged ORG here and GPE there, never a person: the tagger cannot
    tell, and the finder's reading (a name a speaker can have) stands."""
    text = ('"Come," said Montraville. "Go," said Montraville. "Stay," Montraville said.')
    combined = _tagged_at(text, [("Montraville", "ORG", 0), ("Montraville", "GPE", 1),
                                 ("Montraville", "ORG", 2)])
    assert combined == [("Montraville", "MISC")] * 3


def test_a_tagged_persons_surname_called_a_body_and_a_place_stays_the_person() -> None:
    text = ("Alicia Machado spoke first. Machado said it was true. Later Machado left.")
    combined = _tagged_at(text, [("Alicia Machado", "PERSON", 0), ("Machado", "ORG", 1),
                                 ("Machado", "GPE", 2)])
    assert combined == [("Alicia Machado", "PERSON"), ("Machado", "PERSON"),
                        ("Machado", "PERSON")]


@pytest.mark.parametrize(("text", "tagged", "person"), [
    # a role before a name whose given name the lexicon does not hold, tagged ORG
    ("Council chairman Meirion Jones said the money was needed.",
     [("Meirion Jones", "ORG")], "Meirion Jones"),
    ("Retired teacher Elfed Pugh, 77, said the decision was rushed.",
     [("Elfed Pugh", "ORG")], "Elfed Pugh"),
    ("Club treasurer Iolo Gwynfor told members the books were balanced.",
     [("Iolo Gwynfor", "FAC")], "Iolo Gwynfor"),
])
def test_a_name_after_a_persons_role_is_a_person(
    text: str, tagged: list[tuple[str, str]], person: str
) -> None:
    assert (person, "PERSON") in _combined(text, tagged)


@pytest.mark.parametrize(("text", "tagged"), [
    # a body after a role that is no person's, or with an organisation's word
    ("Energy supplier Octopus Energy raised its prices.", [("Octopus Energy", "ORG")]),
    ("Shares in carmaker Tata Motors fell.", [("Tata Motors", "ORG")]),
])
def test_a_body_after_a_role_stays_a_body(text: str, tagged: list[tuple[str, str]]) -> None:
    assert ("PERSON" not in {label for _, label in _combined(text, tagged)})


@pytest.mark.parametrize(("text", "name"), [
    # an honorific after a given name is a middle name (Nepali and Indian usage)
    ("Sita Kumari Gurung, who grows tomatoes, blamed the middlemen.", "Sita Kumari Gurung"),
    ("Asha Kumari Yadav said the well had run dry.", "Asha Kumari Yadav"),
])
def test_an_honorific_after_a_given_name_is_part_of_the_name(text: str, name: str) -> None:
    assert (name, "PERSON") in [(text[e.span.start:e.span.end], e.label) for e in
                                EmbeddedAnnotator().annotate(text).entities]


def test_an_honorific_before_a_given_name_is_still_a_title() -> None:
    text = "Kumari Sita Gurung said the well had run dry."
    names = [text[e.span.start:e.span.end] for e in EmbeddedAnnotator().annotate(text).entities]
    assert "Sita Gurung" in names


@pytest.mark.parametrize(("text", "tagged", "person"), [
    # a given name and surname the tagger called a body or place, with no role before it
    ("In the pit, Grzegorz Walczak draws fine playing from the orchestra. He is 44.",
     [("Grzegorz Walczak", "ORG")], "Grzegorz Walczak"),
    ("After the vote, Siobhan Garvey walked out of the chamber.",
     [("Siobhan Garvey", "GPE")], "Siobhan Garvey"),
])
def test_a_given_name_and_surname_tagged_as_a_body_is_a_person(
    text: str, tagged: list[tuple[str, str]], person: str
) -> None:
    assert (person, "PERSON") in _combined(text, tagged)


@pytest.mark.parametrize(("text", "tagged"), [
    ("Shares in Fergus Quay Holdings fell.", [("Fergus Quay Holdings", "ORG")]),
    ("The Florence Nightingale Hospital reopened.", [("The Florence Nightingale Hospital", "ORG")]),
    ("Fans of the Charlotte Hornets cheered.", [("the Charlotte Hornets", "ORG")]),
])
def test_a_body_with_a_given_name_in_it_stays_a_body(
    text: str, tagged: list[tuple[str, str]]
) -> None:
    assert "PERSON" not in {label for _, label in _combined(text, tagged)}


def test_the_surname_of_a_full_name_only_the_finder_read_is_a_name() -> None:
    """The tagger saw neither "Darnell Ruffin" nor "Ruffin" (sentence-initial, no speech
    verb beside it): the surname of the finder's full name is that person's."""
    text = ("Center Darnell Ruffin added 22 points. Ruffin credited the guards with the win. "
            '"They made it easy," he said.')
    assert [n for n, _ in _combined(text, []) if n.endswith("Ruffin")] == [
        "Darnell Ruffin", "Ruffin"]


@pytest.mark.parametrize(("text", "tagged", "person"), [
    # a surname the tagger called a body or place right after an honorific
    ("Madam Adjei-Mensah said she had bought cloth in Lomé.", [("Adjei-Mensah", "ORG")],
     "Adjei-Mensah"),
    ("Mrs Quayle said the hall would close.", [("Quayle", "GPE")], "Quayle"),
])
def test_a_name_after_an_honorific_is_a_person(
    text: str, tagged: list[tuple[str, str]], person: str
) -> None:
    assert (person, "PERSON") in _combined(text, tagged)
