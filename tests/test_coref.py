"""Coreference behaviour: who "he", "the proprietor" and "the company" are.

The cases in fixtures/cases/coreference.jsonl were written for quoteattr (made-up people,
several kinds of outlets): each names the quote and the resolved speaker a reader would
give. The tests below them check the coreference package directly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from coref_support import coreference_of

import quoteattr
from quoteattr.coref import Coreference

CASES_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "coreference.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case_speaker(case: dict[str, str | None]) -> None:
    doc = quoteattr.attribute(case["text"])
    quotes = [q for q in doc.quotes if q.text.startswith(str(case["quote_starts"]))]
    assert len(quotes) == 1, [q.text for q in doc.quotes]
    speaker = quotes[0].speaker
    assert (speaker.name if speaker else None) == case["speaker"]


def test_cases_cover_every_pattern_and_several_outlets() -> None:
    labels = " ".join(str(c["label"]) for c in CASES)
    for pattern in ("pronoun", "carry_over", "description", "statement", "company", "union"):
        assert pattern in labels
    assert len({c["outlet"] for c in CASES}) >= 5


def _resolve(coref: Coreference, text: str, word: str, occurrence: int = 0) -> str | None:
    """The name of the entity the ``occurrence``-th mention starting with ``word`` gets."""
    starts = [m.span.start for m in coref.index.mentions]
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(word, at + 1)
    c = coref.cluster_of(starts.index(at))
    return None if c is None else coref.clusters[c].name


def test_he_never_names_a_place() -> None:
    text = "Crews cleared the snow in Elmwood overnight. He said the roads were open."
    assert _resolve(coreference_of(text), text, "He") is None


def test_person_and_place_cues_of_unlabelled_names() -> None:
    text = "Brandt, 54, owns a shop in Kessling. Vogt said the shop was closed."
    coref = coreference_of(text)
    by_name = {c.name: c for c in coref.clusters}
    for cluster in by_name.values():
        coref.entities.read_cues(cluster)
    assert by_name["Brandt"].person_cue and not by_name["Brandt"].place_cue
    assert by_name["Kessling"].place_cue and not by_name["Kessling"].person_cue
    assert by_name["Vogt"].person_cue


def test_mrs_and_mr_of_one_surname_are_two_people() -> None:
    text = ("Mr. Patel met the council. Mrs. Patel stayed at the store. "
            "Mrs. Patel said she was tired.")
    coref = coreference_of(text)
    patels = [c for c in coref.clusters if c.name == "Patel"]
    assert sorted(c.gender for c in patels) == ["f", "m"]
    assert _resolve(coref, text, "she") == "Patel"
    she = coref.cluster_of([m.span.start for m in coref.index.mentions].index(text.index("she")))
    assert she is not None and coref.clusters[she].gender == "f"


def test_a_couple_does_not_take_in_one_of_them() -> None:
    text = "Mr. and Mrs. Tan run the bakery. Tan said the rent had doubled."
    coref = coreference_of(text)
    tan = _resolve(coref, text, "Tan said")
    assert tan == "Tan"


def test_description_links_only_a_clear_person() -> None:
    # one person just named: "the veteran" is her
    text = "Goalie Mia Lund made 40 saves. The veteran said the team deserved it."
    assert _resolve(coreference_of(text), text, "The veteran") == "Mia Lund"
    # a relation is someone else
    text = "Mia Lund left the arena. Her agent said the contract was signed."
    assert _resolve(coreference_of(text), text, "Her agent") == "Her agent"
    # two people just named alike: nobody can tell which one "the veteran" is
    text = "Mia Lund and Ola Berg trained together. The veteran said the season was long."
    assert _resolve(coreference_of(text), text, "The veteran") == "The veteran"


def test_a_document_speaks_for_its_owner() -> None:
    text = "Premier Ruth Kalinski met Tom Byers on Monday. Her statement said talks would resume."
    assert _resolve(coreference_of(text), text, "Her statement") == "Ruth Kalinski"
    # "a statement" has no owner to speak for
    text = "Ruth Kalinski met Tom Byers. A statement said talks would resume."
    assert _resolve(coreference_of(text), text, "A statement") == "A statement"


def test_capitalised_common_nouns_and_modifiers_are_things_not_people() -> None:
    text = ("Sales fell in March, when sales of tires fell most. Calgary council voted. "
            "The Oilers won. Brandt toured the plant.")
    coref = coreference_of(text)
    by_name = {c.name: c for c in coref.clusters}
    for cluster in by_name.values():
        coref.entities.read_cues(cluster)
    assert by_name["Sales"].thing_cue  # written lower-case too: a common noun
    assert by_name["Calgary"].thing_cue  # it modifies "council"
    assert by_name["Oilers"].thing_cue  # "the Oilers"
    assert not by_name["Brandt"].thing_cue  # a surname starting a sentence stays a name


MODIFIER_NAME = (
    "In a Mary Lam tenement built in 1962, a 72-year-old owner surnamed Chan, who lives "
    "alone on the fifth floor, said she had followed the debate on the radio.\n\n"
    '"Now they tell me the walls need a million dollars," Chan said.\n\n'
    "Her neighbour, a retired driver who gave only his surname, Lau, said he would rather "
    'sell than pay.\n\n"Who will buy it now?" he said.'
)
"""A name after an indefinite article that modifies a noun ("a Mary Lam tenement") is a
thing's description: the "she" in its sentence is the owner's, so "he" later is not Chan."""


def test_a_name_modifying_a_noun_is_no_antecedent() -> None:
    quotes = quoteattr.attribute(MODIFIER_NAME).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Chan", "Lau"]


_REPORTERS = [
    # a match report: the striker is the last quoted; the manager reports
    ("\n\n".join([
        'Ikenna Okafor scored twice as Calder Town beat Brackley Rovers.',
        '"It was never a penalty," insisted Rovers manager Gary Wood.',
        'Okafor, 24, who joined from Dunmore in the summer, said the team had more to '
        'give.',
        '"The manager\'s words at half-time? I can\'t repeat them," he joked.',
        'Sam Page was forced off with a knee injury late on, and Wood admitted he was '
        'worried.',
        '"It doesn\'t look great," he said.',
    ]), "Gary Wood"),
    # a business story: the analyst is the last quoted; the chief executive concedes
    ("\n\n".join([
        'Harlow Foods cut its profit forecast on Tuesday.',
        '"We were too slow on prices," said chief executive Priya Nair.',
        'Analyst Jane Fox, who covers the company for Colbert & Finch, said investors had'
        ' expected the cut.',
        '"Nobody is surprised by this number," she said.',
        'Shares fell 4 per cent by midday, and Nair conceded she had misjudged the '
        'market.',
        '"We will not make that mistake twice," she said.',
    ]), "Priya Nair"),
]


@pytest.mark.parametrize(("text", "who"), _REPORTERS)
def test_the_one_who_reports_is_the_subject_of_the_report(text: str, who: str) -> None:
    """ "Wood admitted he was worried": the "he" right after a name and its speech verb is
    that person, so the quote after it is theirs, not the last speaker's."""
    quotes = quoteattr.attribute(text).quotes
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == who


def test_he_skips_things_for_the_person() -> None:
    text = ("Union organiser Mick Doyle arrived at dawn. Dock workers walked out an hour later. "
            "He said the strike would last a week.")
    assert _resolve(coreference_of(text), text, "He") == "Mick Doyle"
    alone = "Dock workers walked out on Monday. He said the strike would last a week."
    assert _resolve(coreference_of(alone), alone, "He") is None


def test_plural_demonyms_parties_and_organisation_nouns_are_not_people() -> None:
    text = "Albertans voted. Tories cheered. Council met. Canadians shrugged. Evans spoke."
    coref = coreference_of(text)
    types = {c.name: c.type for c in coref.clusters}
    assert types["Albertans"] == types["Tories"] == types["Canadians"] == "group"
    assert types["Council"] == "organization"
    assert types["Evans"] == "unknown"  # a surname ending in -s is not a plural


def test_headline_names_are_no_antecedents() -> None:
    text = ("Premier Ruth Kalinski backs new clinic\n\nThe clinic opened on Monday in Saskatoon. "
            "She said it would serve 4,000 patients.")
    assert _resolve(coreference_of(text), text, "She") is None
    body = text.replace("The clinic opened", "Kalinski opened the clinic")
    assert _resolve(coreference_of(body), body, "She") == "Ruth Kalinski"
    sentence = text.replace("new clinic\n", "new clinic.\n")  # a sentence, not a headline
    assert _resolve(coreference_of(sentence), sentence, "She") == "Ruth Kalinski"


def test_headline_end() -> None:
    from quoteattr.coref.positions import headline_end
    from quoteattr.spans import Span

    text = "Ferry service resumes\n\nThe ferry sailed at noon."
    paragraphs = (Span(0, 21), Span(23, len(text)))
    assert headline_end(text, paragraphs) == 23
    assert headline_end("One line only", (Span(0, 13),)) == 0
    ended = "Ferry service resumes.\n\nThe ferry sailed at noon."
    assert headline_end(ended, (Span(0, 22), Span(24, len(ended)))) == 0


def test_name_in_an_introductory_phrase_is_not_the_subject() -> None:
    text = ("Tom Chow met reporters. After meeting Premier Doug Ford, Paul Reid said the deal "
            "was close. He said talks would end on Friday.")
    assert _resolve(coreference_of(text), text, "He") == "Paul Reid"
    plain = text.replace("After meeting Premier Doug Ford, Paul Reid said",
                         "Premier Doug Ford told Paul Reid")
    assert _resolve(coreference_of(plain), plain, "He") == "Doug Ford"


def test_possessor_of_a_statement_is_its_author() -> None:
    text = ("Maple Ridge Foods cut 300 jobs. Premier Ruth Kalinski visited the plant. "
            "\"We regret this,\" the company's statement said.")
    doc = quoteattr.attribute(text)
    speaker = doc.quotes[0].speaker
    assert speaker is not None and speaker.name == "Maple Ridge Foods"


def test_a_surname_that_is_also_a_given_name_does_not_set_the_gender() -> None:
    text = "Chris Christie met nurses. Christie said the ward was full. He said more."
    coref = coreference_of(text)
    assert _resolve(coref, text, "He") == "Chris Christie"


def test_outlets_and_sentence_initial_speech_verbs_are_no_people() -> None:
    text = ("Sources told Politico the talks stalled. Asked Tuesday about it, officials "
            "declined to comment. She said nothing.")
    assert _resolve(coreference_of(text), text, "She") is None
    named = "Mayor Ruth Olsen spoke first. " + text
    assert _resolve(coreference_of(named), named, "She") == "Ruth Olsen"


@pytest.mark.parametrize(("text", "phrase"), [
    ("Dock workers walked out on Monday.", "Dock workers"),
    ("\"It's a disgrace,\" Calgary residents told council.", "Calgary residents"),
    ("But workers said the plant was unsafe.", "workers"),  # a function word is no modifier
    ("Maple Leafs fans packed the square.", "Maple Leafs fans"),  # a longer name too
    ("Senior union leaders said no.", "union leaders"),
])
def test_a_bare_plural_takes_a_name_before_it_as_its_modifier(text: str, phrase: str) -> None:
    coref = coreference_of(text)
    nominals = [text[m.span.start : m.span.end] for m in coref.index.mentions
                if m.kind == "nominal"]
    assert nominals == [phrase]


def test_a_bare_title_before_an_appositive_name_is_that_person() -> None:
    text = "The Chief Minister, Mamata Banerjee, spoke first. She said more."
    coref = coreference_of(text)
    assert _resolve(coref, text, "Minister") == "Mamata Banerjee"
    banerjee = [c for c in coref.clusters if c.name == "Mamata Banerjee"][0]
    assert "Chief Minister" in banerjee.titles
    # "The Minister" again is a description, the minister the reader has in mind: the one
    # just named, not always the one of the appositive
    again = text + " Transport Minister Ravi Sen spoke next. The Minister left."
    coref = coreference_of(again)
    assert _resolve(coref, again, "Minister") == "Mamata Banerjee"
    assert _resolve(coref, again, "The Minister") == "Ravi Sen"


def test_group_of_a_place_is_a_group() -> None:
    text = "Residents of Bondi complained. Friends of the Earth objected."
    types = {c.name: c.type for c in coreference_of(text).clusters}
    assert types["Residents of Bondi"] == "group"


def test_long_text_tables_give_the_same_speakers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text of more mentions than ``COMPACT_ABOVE`` keeps its per-mention tables as arrays;
    the speakers and their mentions must be those the lists give, fiction included."""
    from quoteattr.coref import clusters

    folder = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    assert len(texts) >= 5
    joined = "\n\n".join(texts)  # several outlets' copy in one string, as an archive
    for genre in ("news", "fiction"):
        attributor = quoteattr.Attributor(genre=genre)
        as_lists = [attributor.attribute(t).model_dump_json() for t in (*texts, joined)]
        monkeypatch.setattr(clusters, "COMPACT_ABOVE", 0)
        as_arrays = [attributor.attribute(t).model_dump_json() for t in (*texts, joined)]
        monkeypatch.undo()
        assert as_arrays == as_lists
        assert all('"speaker":{' in r for r in as_lists)  # each text has speakers to compare


def test_the_first_of_two_surnames_is_the_short_form() -> None:
    """Spanish-language naming: "Rigoberto Salas Quintero", then "Salas"."""
    text = ('"We endure," said Rigoberto Salas Quintero, 46, a picker. "Uno aguanta," '
            "Salas said.")
    assert _resolve(coreference_of(text), text, "Salas", 1) == "Rigoberto Salas Quintero"


def test_a_shared_surname_keeps_the_person_it_named_first() -> None:
    """The paper calls one "Salas" and names the other, no relation, in full each time."""
    text = ("Rigoberto Salas Quintero, 46, picks cherries. Salas said the heat was worse.\n\n"
            "Yesenia Salas, 29, who is not related to him, drinks water before noon. "
            "Yesenia Salas said the foreman does not care.\n\n"
            "Back in the row, Salas lifted another bin.")
    coref = coreference_of(text)
    assert _resolve(coref, text, "Salas", 1) == "Rigoberto Salas Quintero"
    assert _resolve(coref, text, "Salas", 4) == "Rigoberto Salas Quintero"
