"""News from other newsrooms: the patterns the hand-written set fixtures/newsroom_eval2 found
weak (wire, broadcast, court, sport, social media, unnamed sources; outlets from Ireland,
Kenya, Nigeria, Pakistan, Singapore, South Africa, New Zealand).

Each case in fixtures/cases/world_news.jsonl is its own made-up text (none comes from the
evaluation sets) naming one quote and the speaker a reader would give it; a case whose
``speaker`` is a description is an unnamed source that must not take a named person's name.

The speaker of each case in fixtures/cases/world_news.jsonl is tested in test_speaker_cases.py;
this module tests the parts behind them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr


@pytest.mark.parametrize(
    ("text", "participle", "name"),
    [
        ("Born in Ede to a family of dyers, Adebanjo opened her first workshop.", "Born",
         "Adebanjo"),
        ("Known to everyone as Sully, Dara Sullivan coached for forty years.", "Known",
         "Dara Sullivan"),
        ("Given the choice, Mwangi said he would stay.", "Given", "Mwangi"),
        ("Told to leave the court, Ms Pillay wept.", "Told", "Pillay"),
    ],
)
def test_irregular_participle_opening_a_sentence_is_no_name(
    text: str, participle: str, name: str
) -> None:
    """"Born in 1938, Oyelaran was ...": the participle is not a person a later "she" means."""
    from quoteattr.annotators.embedded import EmbeddedAnnotator

    found = [text[span.start : span.end] for span, _ in EmbeddedAnnotator().annotate(text).entities]
    assert name in found
    assert not any(participle in entity.split() for entity in found), found


def test_a_surname_that_is_a_participle_still_speaks() -> None:
    """"Born said" after "Max Born": a name before a speech verb stays a name."""
    text = 'Physicist Max Born spoke in Leeds.\n\n"It is all chance," Born said.'
    doc = quoteattr.attribute(text)
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["Max Born"]


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Gas prices\n\nISLAMABAD: The federal cabinet met on Monday.", ["ISLAMABAD: "]),
        ("Rail fares\n\nNEW DELHI: Fares will rise from April, the ministry said.",
         ["NEW DELHI: "]),
        ("PAT KENNY: Minister, are you going to resign?\n\nMINISTER: No.", []),
        ("Budget\n\nKEY POINTS: Pension age unchanged.\n\nKARACHI: Later lines are the story.\n\n"
         "Fourth line.\n\nLAHORE: Not a dateline this far down.", ["KEY POINTS: ", "KARACHI: "]),
    ],
)
def test_colon_dateline_is_furniture(text: str, furniture: list[str]) -> None:
    """South Asian papers open with "CITY:"; a city never speaks, a transcript label may."""
    from quoteattr.furniture import find_furniture
    from quoteattr.lexicon import default_lexicon

    regions = find_furniture(text, default_lexicon()).regions
    assert [text[r.start : r.end] for r in regions] == furniture




def test_eval2_is_attributed_as_well_as_measured() -> None:
    """The set the rules were fixed on keeps its figures (README: 100 / 100 / 97.7)."""
    from quoteattr.evaluation import evaluate, parse_gold, predict

    docs = parse_gold((Path(__file__).resolve().parent.parent / "fixtures" / "newsroom_eval2"
                       / "newsroom_eval2.jsonl").read_text(encoding="utf-8").splitlines())
    scores = evaluate(docs, predict(docs)).scores
    assert len(docs) == 26 and scores.gold_quotes == 132
    assert scores.quote_f1 >= 99.0 and scores.attr_f1 >= 99.0 and scores.name_attr_f1 >= 96.0


def test_a_capitalised_role_noun_that_names_a_paper_stays_a_name() -> None:
    """"the Observer reported" is the newspaper (data/agencies.tsv), never the person a
    lower-case "the observer" would be; "the CS said" is a description."""
    from quoteattr.lexicon import default_lexicon
    from quoteattr.mentions import find_mentions

    lex = default_lexicon()
    text = "Poll monitor Ada Eze spoke to the Observer. Later the CS spoke to the Observer."
    from quoteattr.annotators.embedded import EmbeddedAnnotator

    index = find_mentions(EmbeddedAnnotator().annotate(text), lex)
    kinds = {text[m.span.start : m.span.end]: m.kind for m in index.mentions}
    assert kinds["Observer"] == "name"
    assert kinds["the CS"] == "nominal"
