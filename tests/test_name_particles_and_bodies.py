"""Names a wire desk writes every day: a surname with a hyphenated particle ("Bashar
al-Assad", then "Assad"), and a body introduced by what it is ("Environmental group X",
"Budget airline X") and later called so ("the group said"). The texts are written for
these tests (Middle East wire, Maltese, Pakistani sport, business styles)."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.annotators.embedded import EmbeddedAnnotator


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None
            for q in quoteattr.Attributor(genre="news").attribute(text).quotes]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("President Bashar al-Assad met the envoy.", "Bashar al-Assad"),
        ("Abdel Fattah el-Sisi spoke later.", "Abdel Fattah el-Sisi"),
        ("Former captain Inzamam ul-Haq was appointed.", "Inzamam ul-Haq"),
        ("The group Moviment Harsien il-Kosta objected.", "Moviment Harsien il-Kosta"),
    ],
)
def test_a_hyphenated_particle_stays_in_the_name(sentence: str, name: str) -> None:
    entities = EmbeddedAnnotator().annotate(sentence).entities
    assert name in [e.span.slice(sentence) for e in entities]


def test_a_particle_inside_a_lower_case_word_is_no_name() -> None:
    text = "The bail-Out plan and a well-Known firm were discussed."
    names = [e.span.slice(text) for e in EmbeddedAnnotator().annotate(text).entities]
    assert not any(name.startswith(("ail-", "ll-")) for name in names)


def test_the_surname_without_its_particle_is_the_same_person() -> None:
    text = ("Mayor Tendai Chikwanha welcomed the talks.\n\n"
            "President Bashar al-Assad met the envoy on Monday.\n\n"
            '"We will not negotiate under fire," Assad said.')
    assert _speakers(text) == ["Bashar al-Assad"]


@pytest.mark.parametrize(
    ("introduction", "noun", "name"),
    [
        ("Environmental group Moviment Harsien il-Kosta said the site was protected.",
         "group", "Moviment Harsien il-Kosta"),
        ("Budget airline Skyview Jet cancelled 40 flights on Monday.", "airline",
         "Skyview Jet"),
        ("Heritage charity Fondazzjoni Wirt Malta said the tower was too tall.", "charity",
         "Fondazzjoni Wirt Malta"),
    ],
)
def test_a_body_introduced_by_what_it_is_is_the_one_called_so(introduction: str, noun: str,
                                                             name: str) -> None:
    text = ("Developer Ocean Crest Holdings said the hotel would create 200 jobs.\n\n"
            f'{introduction}\n\n"We will fight this," the {noun} said.')
    assert _speakers(text) == [name]
