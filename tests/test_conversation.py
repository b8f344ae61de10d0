"""Conversations: turn-taking, genres, the narrator and hard-wrapped text (issue 21).

Texts are written for these tests; the rule-by-rule cases are in
fixtures/cases/attribution.jsonl (tests/test_rules.py).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from cli_support import run

import quoteattr
from quoteattr.errors import InputTypeError, InputValueError
from quoteattr.wrap import hard_wrapped

_BOOK = (
    "The lamps had been lit in the long room by the time the doctor came\n"
    "back from his rounds, and the rain had not let up for an hour or more.\n"
    "He hung his coat by the fire and sat down without a word to anyone.\n"
    "\n"
    "\u201cYou are late again, Edmund,\u201d said his\n"
    "sister, not looking up from the stocking she was darning by the lamp.\n"
    "\n"
    "\u201cThe Carter boy has the fever, and his mother would not let me go\n"
    "until I had sat with him an hour,\u201d returned the\n"
    "doctor, stretching his boots toward the coals and sighing at the heat.\n"
    "\n"
    "\u201cWill he live?\u201d\n"
    "\n"
    "\u201cI think so, if the cough does not come back before the week is out.\u201d\n"
    "\n"
    "\u201cThen you had better eat something, for you will be called again.\u201d\n"
)

_EXCHANGE = (
    '"We will reopen the pier in spring," Mayor Lena Ortiz said.\n\n'
    '"The money is not there," said council treasurer Paul Brandt.\n\n'
    '"We have budgeted for the repairs twice already."\n'
)


def _speakers(doc: quoteattr.DocumentResult) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in doc.quotes]


def test_a_hard_wrapped_book_is_recognised_and_news_lines_are_not() -> None:
    assert hard_wrapped(_BOOK)
    news = "\n".join(["The council met on Tuesday to discuss the harbour wall, which has been "
                      "closed since the storms of last winter damaged its northern end."] * 10)
    assert not hard_wrapped(news)
    assert not hard_wrapped("One line.\n\nAnother line.")


def test_line_breaks_inside_a_wrapped_paragraph_do_not_lose_the_speaker() -> None:
    doc = quoteattr.attribute(_BOOK)
    first, second = doc.quotes[0], doc.quotes[1]
    assert first.speaker is not None and first.speaker.name == "his sister"
    assert second.speaker is not None and second.speaker.name == "the doctor"
    assert second.rule == "quote_cue_speaker"
    for q in doc.quotes:  # every span slices back to the text as given, line breaks and all
        assert _BOOK[q.start : q.end] == q.text
        if q.mention is not None:
            assert _BOOK[q.mention.start : q.mention.end] == q.mention.text
    assert "\n" in second.mention.text if second.mention else False


def test_crlf_wrapped_text_reads_like_lf() -> None:
    lf = quoteattr.attribute(_BOOK)
    crlf = quoteattr.attribute(_BOOK.replace("\n", "\r\n"))
    assert _speakers(crlf) == _speakers(lf)
    assert [q.rule for q in crlf.quotes] == [q.rule for q in lf.quotes]


def test_fiction_alternates_untagged_turns_and_news_continues_the_speaker() -> None:
    news = quoteattr.attribute(_EXCHANGE)
    fiction = quoteattr.attribute(_EXCHANGE, genre="fiction")
    assert _speakers(news) == ["Lena Ortiz", "Paul Brandt", "Paul Brandt"]
    assert news.quotes[2].rule == "follow_on_quote"
    assert _speakers(fiction) == ["Lena Ortiz", "Paul Brandt", "Lena Ortiz"]
    assert fiction.quotes[2].rule == "turn_taking"


def test_the_book_exchange_alternates_in_fiction() -> None:
    doc = quoteattr.attribute(_BOOK, genre="fiction")
    assert _speakers(doc)[2:] == ["his sister", "the doctor", "his sister"]


def test_the_narrator_is_one_entity_named_narrator() -> None:
    text = ('"The road is closed," said I.\n\nThe carter shrugged and drove on.\n\n'
            '"Then we walk," I said to nobody.\n')
    doc = quoteattr.attribute(text, genre="fiction")
    assert _speakers(doc) == ["narrator", "narrator"]
    assert len(doc.speakers) == 1


def test_the_narrator_takes_the_name_others_address() -> None:
    text = ('"You look tired, Watson," said Holmes.\n\n"I am," said I.\n\n'
            '"Then sit down, Watson, and tell me about the case."\n\n'
            '"There is little to tell," I answered.\n')
    doc = quoteattr.attribute(text, genre="fiction")
    assert _speakers(doc) == ["Holmes", "Watson", "Holmes", "Watson"]
    watson = next(s for s in doc.speakers if s.name == "Watson")
    assert any(m.text == "I" for m in watson.mentions)


def test_genre_is_checked() -> None:
    with pytest.raises(InputValueError, match="genre"):
        quoteattr.Attributor(genre="poetry")
    with pytest.raises(InputTypeError, match="genre"):
        quoteattr.Attributor(genre=1)  # type: ignore[arg-type]
    with pytest.raises(InputValueError, match="genre"):
        quoteattr.attribute("x", genre="poetry")


def test_a_pickled_attributor_keeps_its_genre() -> None:
    attributor = pickle.loads(pickle.dumps(quoteattr.Attributor(genre="fiction")))
    assert attributor.genre == "fiction"
    assert _speakers(attributor.attribute(_EXCHANGE))[2] == "Lena Ortiz"


def test_the_cli_takes_a_genre(tmp_path: Path) -> None:
    (tmp_path / "talk.txt").write_text(_EXCHANGE, encoding="utf-8")
    out = {}
    for genre in ("news", "fiction"):
        proc = run("extract", "talk.txt", "--genre", genre, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        out[genre] = [q["speaker"]["name"] for q in json.loads(proc.stdout)["quotes"]]
    assert out["news"][2] == "Paul Brandt" and out["fiction"][2] == "Lena Ortiz"
    bad = run("extract", "talk.txt", "--genre", "poetry", cwd=tmp_path)
    assert bad.returncode == 2 and "genre" in bad.stderr


def test_a_line_of_narration_between_turns_keeps_the_turns_in_fiction() -> None:
    text = ('"Have you heard that the mill is sold?" asked Mrs. Avery.\n\n'
            '"No," said her husband.\n\n'
            "The fire crackled in the grate.\n\n"
            '"It went to a man from Leeds, and for a great deal of money."\n')
    fiction = quoteattr.attribute(text, genre="fiction")
    assert fiction.quotes[2].rule == "turn_taking"
    assert fiction.quotes[2].speaker is not None
    assert "Avery" in fiction.quotes[2].speaker.name
    news = quoteattr.attribute(text)
    assert news.quotes[2].rule != "turn_taking"


def test_evaluate_takes_a_genre(tmp_path: Path) -> None:
    names = ("Lena Ortiz", "Paul Brandt", "Lena Ortiz")
    found = quoteattr.attribute(_EXCHANGE).quotes
    gold = {"doc_id": "d1", "text": _EXCHANGE, "quotes": [
        {"start": q.start, "end": q.end, "speaker": name,
         "speaker_mentions": [[q.mention.start, q.mention.end]] if i < 2 and q.mention else []}
        for i, (q, name) in enumerate(zip(found, names, strict=True))]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    scores = {}
    for genre in ("news", "fiction"):
        proc = run("evaluate", "gold.jsonl", "--genre", genre, "--format", "json", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        scores[genre] = json.loads(proc.stdout)
    assert scores["news"] != scores["fiction"]
