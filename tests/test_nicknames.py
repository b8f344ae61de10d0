"""A nickname in quotation marks inside a name (Mateus "Vulto" Ferraz) is the person's
other name: "Vulto said" later is Mateus Ferraz (quoteattr/coref/nicknames.py)."""

from __future__ import annotations

import pytest

import quoteattr


@pytest.mark.parametrize(("text", "who"), [
    # an esports final
    ('Ferrum\'s in-game leader, Mateus "Vulto" Ferraz, was named most valuable player.\n\n'
     '"That was the whole speech," Vulto said.', "Mateus Ferraz"),
    # a boxing report, with curly marks
    ("Lionel “Tiger” Holder won in six rounds on Saturday.\n\n“He hit harder than I "
     "expected,” Tiger said.", "Lionel Holder"),
])
def test_a_nickname_inside_a_name_is_that_person(text: str, who: str) -> None:
    quotes = [q for q in quoteattr.attribute(text).quotes if q.kind == "direct"]
    assert [q.speaker.name if q.speaker else None for q in quotes] == [who]


def test_a_nickname_beside_a_relative_with_the_surname_stays_his() -> None:
    """An obituary: "Achterberg" alone had joined his wife's full name; the nicknamed name
    is his own person, not hers."""
    text = ('Desmond "Dizzy" Achterberg, the Cape Town trumpeter, has died. He was 81.\n\n'
            "His wife, Marlene Achterberg, said he died peacefully at home.\n\n"
            '"He played until the very last week," she said.\n\n'
            'He once told an interviewer: "The trumpet is a voice."')
    quotes = [q for q in quoteattr.attribute(text).quotes if q.kind == "direct"]
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        "Marlene Achterberg", "Desmond Achterberg"]
