"""A question put to the speaker, quoted in the clause that introduces the answer, is the
asker's ("Asked by a reporter, "...?", X laughed"), and a quote after "Asked about ...,"
answers it: a direct quote of the one who answers (quoteattr/rules/questions.py)."""

from __future__ import annotations

import pytest

import quoteattr


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[q.start : q.end], q.kind, q.speaker.name if q.speaker else None)
            for q in quoteattr.attribute(text).quotes]


@pytest.mark.parametrize(("text", "asker"), [
    # a tennis press conference
    ('DOHA - Katarina Vukelic reached the semi-finals on Thursday.\n\nAsked by a reporter, '
     '"Did you think it was over at 5-6?", Vukelic laughed. "Of course. I am not a robot," '
     "she said.", "a reporter"),
    # a council story: the asker named
    ("The mayor, Dana Whitfield, faced the council on Monday.\n\nAsked by councillor Tom "
     'Brandt, "Who signed the contract?", Whitfield said she would check.', "Tom Brandt"),
])
def test_a_question_after_asked_by_is_the_askers(text: str, asker: str) -> None:
    question = next(q for q in _quotes(text) if q[0].endswith('?"'))
    assert question[1:] == ("direct", asker)


def test_a_question_by_an_asker_not_named_has_no_speaker() -> None:
    text = ('Mira Jansen took gold in the 500m.\n\nAsked, "Will you race in Oslo?", Jansen '
            'shrugged. "Maybe," she said.')
    assert _quotes(text)[0] == ('"Will you race in Oslo?"', "direct", None)
    assert _quotes(text)[1][2] == "Mira Jansen"


@pytest.mark.parametrize("opener", ["Asked about the fire", "Pressed on the cost",
                                    "Questioned by police"])
def test_the_answer_after_an_asked_clause_is_a_direct_quote(opener: str) -> None:
    text = (f'Grace Okafor runs the shelter in Halifax.\n\n{opener}, "It was the worst '
            'night of my life," she said.')
    assert _quotes(text) == [('"It was the worst night of my life,"', "direct",
                              "Grace Okafor")]
