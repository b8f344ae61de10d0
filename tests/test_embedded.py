"""``quoteattr.annotators.embedded``: paragraphs, sentences and name spans by rule."""

from __future__ import annotations

import pytest

from quoteattr.annotation import Annotator
from quoteattr.annotators.embedded import EmbeddedAnnotator


def _sentences(annotator: EmbeddedAnnotator, text: str) -> list[str]:
    return [text[s.start : s.end] for s in annotator.annotate(text).sentences]


def _entities(annotator: EmbeddedAnnotator, text: str) -> list[tuple[str, str]]:
    return [(text[e.span.start : e.span.end], e.label) for e in annotator.annotate(text).entities]


def test_is_an_annotator(annotator: EmbeddedAnnotator) -> None:
    """It satisfies the Annotator protocol and declares the layers it fills."""
    assert isinstance(annotator, Annotator)
    assert annotator.name == "embedded"
    assert set(annotator.provides) == {"paragraphs", "sentences", "entities"}
    assert annotator.annotate("Hi.").provides == annotator.provides


# -- paragraphs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("One.\n\nTwo.\nThree.", ["One.", "Two.", "Three."], id="lf"),
        pytest.param("One.\r\n\r\nTwo.", ["One.", "Two."], id="crlf"),
        pytest.param("One.\u2029Two.", ["One.", "Two."], id="paragraph-separator"),
        pytest.param("\n\n  \nOne.\n \n", ["One."], id="blank-lines-skipped"),
        pytest.param("", [], id="empty"),
    ],
)
def test_paragraphs(annotator: EmbeddedAnnotator, text: str, expected: list[str]) -> None:
    """Every line break ends a paragraph; blank lines are not paragraphs."""
    got = [text[p.start : p.end] for p in annotator.annotate(text).paragraphs]
    assert [p.strip() for p in got] == expected


# -- sentences ---------------------------------------------------------------------------------

SENTENCE_CASES = [
    pytest.param(
        "Mr. Hollis Brandt arrived late. He left early.",
        ["Mr. Hollis Brandt arrived late.", "He left early."],
        id="mr-before-name",
    ),
    pytest.param(
        "Sen. Mara Quill spoke first. Then she left.",
        ["Sen. Mara Quill spoke first.", "Then she left."],
        id="sen-before-name",
    ),
    pytest.param(
        "He met Gen. Ivo Marsh. Later he met Lt. Col. Ruth Penn.",
        ["He met Gen. Ivo Marsh.", "Later he met Lt. Col. Ruth Penn."],
        id="military-titles",
    ),
    pytest.param(
        "She met U.S. Ambassador Rhea Tamm on Monday. They talked.",
        ["She met U.S. Ambassador Rhea Tamm on Monday.", "They talked."],
        id="us-before-title-and-name",
    ),
    pytest.param(
        "The U.S. Senate voted. It passed.",
        ["The U.S. Senate voted.", "It passed."],
        id="us-before-org",
    ),
    pytest.param(
        "She moved to the U.S. The move was hard.",
        ["She moved to the U.S.", "The move was hard."],
        id="us-ends-sentence-before-function-word",
    ),
    pytest.param(
        "Sen. Mara Quill (R-Fla.) said the bill would pass. Critics disagreed.",
        ["Sen. Mara Quill (R-Fla.) said the bill would pass.", "Critics disagreed."],
        id="party-state-in-parentheses",
    ),
    pytest.param(
        "The bill passed, said Sen. Mara Quill (R-Fla.). The vote was close.",
        ["The bill passed, said Sen. Mara Quill (R-Fla.).", "The vote was close."],
        id="party-state-then-full-stop",
    ),
    pytest.param(
        '"We will rebuild." Ana Duarte left. "Soon!" She waved.',
        ['"We will rebuild."', "Ana Duarte left.", '"Soon!"', "She waved."],
        id="full-stop-inside-closing-mark",
    ),
    pytest.param(
        "Who knows? Nobody does! Fine.",
        ["Who knows?", "Nobody does!", "Fine."],
        id="question-and-exclamation",
    ),
    pytest.param(
        "Sen. Mara Quill (R-Fla.) Thursday introduced a bill.",
        ["Sen. Mara Quill (R-Fla.) Thursday introduced a bill."],
        id="party-state-before-weekday",
    ),
    pytest.param(
        "The ferry left at 4 p.m. Tuesday with Dr. Lena Voss aboard.",
        ["The ferry left at 4 p.m. Tuesday with Dr. Lena Voss aboard."],
        id="pm-before-weekday",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(annotator: EmbeddedAnnotator, text: str, expected: list[str]) -> None:
    """Sentence splits: not after titles or initialisms before names, nor after (R-Fla.)."""
    assert _sentences(annotator, text) == expected


def test_sentences_stay_inside_paragraphs(annotator: EmbeddedAnnotator) -> None:
    """A sentence never crosses a paragraph break, even without final punctuation."""
    text = "A headline without a stop\nMr. Hollis Brandt arrived. He left."
    assert _sentences(annotator, text) == [
        "A headline without a stop", "Mr. Hollis Brandt arrived.", "He left."
    ]


# -- entities ----------------------------------------------------------------------------------

ENTITY_CASES = [
    pytest.param(
        "US Secretary of State Jane Doe met the press.",
        ("Jane Doe", "PERSON"),
        id="multiword-title-with-modifier",
    ),
    pytest.param(
        "Former Prime Minister Oskar Lind spoke.", ("Oskar Lind", "PERSON"), id="former-pm"
    ),
    pytest.param(
        "German Chancellor Ilse Brunner spoke.", ("Ilse Brunner", "PERSON"), id="demonym-title"
    ),
    pytest.param(
        "Mr. Hollis Brandt arrived late.", ("Hollis Brandt", "PERSON"), id="honorific"
    ),
    pytest.param(
        "Sen. Mara Quill (R-Fla.) voted no.", ("Mara Quill", "PERSON"), id="abbreviated-title"
    ),
    pytest.param(
        "Later Lt. Col. Ruth Penn arrived.", ("Ruth Penn", "PERSON"), id="two-titles"
    ),
    pytest.param(
        "A spokesman for the Interior Ministry declined to comment.",
        ("Interior Ministry", "ORG"),
        id="interior-ministry",
    ),
    pytest.param(
        "Interior Ministry officials said the protest was illegal.",
        ("Interior Ministry", "ORG"),
        id="interior-ministry-sentence-start",
    ),
    pytest.param(
        "Officials at the Ministry of Defence objected.",
        ("Ministry of Defence", "ORG"),
        id="ministry-of",
    ),
    pytest.param(
        "Officials in the U.S. Treasury Department objected.",
        ("U.S. Treasury Department", "ORG"),
        id="initialism-org",
    ),
    # One-word names take a short labelling path of their own:
    pytest.param("Officials at the OSCE objected.", ("OSCE", "ORG"), id="one-word-acronym"),
    pytest.param("The talks with Belgian officials ended.", ("Belgian", "NORP"),
                 id="one-word-nationality"),
    pytest.param("The talks ended, Margaret wrote.", ("Margaret", "PERSON"),
                 id="one-word-given-name"),
    pytest.param("The talks ended, Kowalczyk wrote.", ("Kowalczyk", "MISC"),
                 id="one-word-unknown"),
    pytest.param("The talks at the Ministry ended.", ("Ministry", "MISC"),
                 id="one-word-organisation-word"),
]


@pytest.mark.parametrize(("text", "expected"), ENTITY_CASES)
def test_entities(annotator: EmbeddedAnnotator, text: str, expected: tuple[str, str]) -> None:
    """Entity spans drop leading titles; organisation words make an ORG."""
    assert expected in _entities(annotator, text)


def test_title_is_not_part_of_any_entity(annotator: EmbeddedAnnotator) -> None:
    """No entity overlaps the title phrase before a name."""
    text = "US Secretary of State Jane Doe met the press."
    title_end = text.index("Jane")
    assert all(e.span.start >= title_end for e in annotator.annotate(text).entities)


def test_two_people_in_one_sentence(annotator: EmbeddedAnnotator) -> None:
    """Each titled name is its own PERSON entity."""
    text = "Dr. Lena Voss and Gov. Pavel Orr met in the harbour."
    persons = [t for t, label in _entities(annotator, text) if label == "PERSON"]
    assert persons == ["Lena Voss", "Pavel Orr"]


def test_spans_index_the_original_text(annotator: EmbeddedAnnotator) -> None:
    """Offsets are into the caller's string, also after CRLF, non-ASCII and astral characters."""
    text = "Zoë 🎉 said hi.\r\n\r\nMr. Hollis Brandt, of the Interior Ministry, agreed. He left."
    ann = annotator.annotate(text)
    assert ann.text is text
    assert ("Hollis Brandt", "PERSON") in _entities(annotator, text)
    assert _sentences(annotator, text)[-1] == "He left."
    for para in ann.paragraphs:
        assert "\n" not in text[para.start : para.end]


@pytest.mark.parametrize(("text", "expected"), [
    ("Senate Democrat Diane Feinstein said so.", ("Diane Feinstein", "PERSON")),
    ("House Intelligence Republican Marta Pomeroy agreed.", ("Marta Pomeroy", "PERSON")),
    ("The St. Mary Catherine Hospital said so.", ("Mary Catherine Hospital", "ORG")),
    ("The Greater Toronto Elizabeth Fry Society said so.",
     ("Greater Toronto Elizabeth Fry Society", "ORG")),
])
def test_an_unlisted_title_of_several_words_is_cut_before_a_given_name(
    annotator: EmbeddedAnnotator, text: str, expected: tuple[str, str]
) -> None:
    """A capitalised descriptor of two or three words before a given name and a surname is
    no part of the person's name (which would read as an organisation, "Senate" first);
    an organisation word after the given name keeps the run one organisation."""
    assert _entities(annotator, text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lakeview General Hospital hired 40 nurses.", ("Lakeview General Hospital", "ORG")),
    ("General Motors cut 500 jobs.", ("General Motors", "ORG")),
    ("Senator Church said no.", ("Church", "PERSON")),
])
def test_general_before_an_organisation_word_is_no_title(
    annotator: EmbeddedAnnotator, text: str, expected: tuple[str, str]
) -> None:
    """"General" is a rank before a surname but part of a hospital's or company's name
    before an organisation word; a person whose surname is one keeps an office title."""
    assert _entities(annotator, text)[0] == expected
