"""Fiction's confidence table (``data/calibration/fiction.tsv``): a text read as fiction
takes its confidences from it, news keeps the news table's, and the shipped table is what
``benchmarks/calibrate.py --fit-fiction`` measures on the project's own fiction chapters.

The short texts here are written for these tests; the fitted table's gold is
``fixtures/fiction_eval`` (invented chapters, no book's text).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from eval_support import load_calibrate_script

import quoteattr
from quoteattr import LexiconError
from quoteattr import confidence as confidence_module
from quoteattr.confidence import (
    FICTION_TABLE,
    RESOLUTIONS,
    confidence_table,
    fiction_table,
    genre_read,
    resolutions,
)
from quoteattr.evaluation import parse_gold
from quoteattr.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
FICTION = ROOT / "fixtures" / "fiction_eval"
FIT_FILES = (FICTION / "fiction_eval.jsonl", FICTION / "holdout" / "fiction_holdout.jsonl",
             FICTION / "holdout2" / "fiction_holdout2.jsonl")

CHAPTER = (
    "CHAPTER III.\n\n"
    "The kettle had boiled dry before anyone thought of it.\n\n"
    "\u201cYou will catch your death out there,\u201d said Martha Greave, holding the door.\n\n"
    "\u201cI have caught worse,\u201d her brother answered. \u201cIs there tea?\u201d\n\n"
    "\u201cThere was.\u201d\n\n"
    "\u201cThen I shall make more,\u201d he said, and did."
)
NEWS = (
    "LEEDS (Wire) - The council approved the budget on Tuesday.\n\n"
    "\u201cWe had no choice,\u201d said Martha Greave, the council leader. "
    "\u201cThe money is not there.\u201d\n\n"
    "\u201cWe will keep the libraries open,\u201d she added."
)


def _script() -> ModuleType:
    return load_calibrate_script("calibrate_script_fiction")


def test_fiction_table_has_a_cell_for_every_rule_and_resolution() -> None:
    """Refit (benchmarks/calibrate.py --fit-fiction ... --write) after adding a rule."""
    cells = confidence_module._read(FICTION_TABLE)
    missing = [(r.__name__, res) for r in RULES for res in RESOLUTIONS
               if (r.__name__, res) not in cells]
    assert missing == []
    assert all(0.0 <= v <= 1.0 for v in cells.values())
    # it is its own measurement, not a copy of the news table
    news = confidence_table()
    assert sum(cells[c] != news[c] for c in cells) > len(cells) // 2


def test_a_bad_fiction_row_fails_naming_the_fiction_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = {"rule": "x", "resolution": "psychic", "confidence": "0.5", "attributed": "1",
           "matched": "1", "judged": "1", "right": "1"}
    monkeypatch.setattr(confidence_module, "read_table", lambda name: (row,))
    with pytest.raises(LexiconError, match="resolution must be one of") as info:
        fiction_table.__wrapped__()  # bypass the cache
    assert "calibration/fiction.tsv" in str(info.value)


def test_a_chapter_takes_fiction_cells_and_news_keeps_the_news_table() -> None:
    script = _script()
    gold = parse_gold([json.dumps({"doc_id": "chapter", "text": CHAPTER, "quotes": []}),
                       json.dumps({"doc_id": "news", "text": NEWS, "quotes": []})])
    found = script.attributions(gold)  # the default genre, "auto"
    assert found.read_as_fiction == {"chapter"}
    news_only = dict(confidence_table())
    for doc in gold:
        result = quoteattr.attribute(doc.text)
        given = [q.confidence for q in result.quotes]
        rows = found[doc.doc_id]
        with_fiction = [c for c, _ in script.confidences(rows, news_only, fiction_table())]
        with_news = [c for c, _ in script.confidences(rows, news_only)]
        assert given == with_fiction
        if doc.doc_id == "chapter":
            assert genre_read(result) == "fiction"
            assert given != with_news  # the fiction cells were used, and they differ
        else:
            assert genre_read(result) == "news"
            assert given == with_news
    # an explicit genre="news" reads the chapter as news: the news cells again
    as_news = quoteattr.attribute(CHAPTER, genre="news")
    assert genre_read(as_news) == "news"
    assert all(q.speaker is None or q.confidence > 0 for q in as_news.quotes)


def test_fiction_carries_a_speaker_with_its_own_measured_cell() -> None:
    """A speaker carried over a paragraph break in a chapter is confident by fiction's
    measurement, not by news' (where the next paragraph is usually the same speaker)."""
    result = quoteattr.attribute(CHAPTER)
    how = dict(zip((q.text for q in result.quotes), resolutions(result), strict=True))
    assert set(how.values()) - {None} <= set(RESOLUTIONS)
    cells = fiction_table()
    for q in result.quotes:
        res = how[q.text]
        if q.speaker is not None and res in ("name", "name_variant", "pronoun"):
            assert q.confidence == round(cells[(q.rule, res)], 2)


def test_the_shipped_fiction_table_is_what_the_fixtures_measure() -> None:
    """The shipped cells are fitted, not set by hand: refitting on the fixtures gives them
    back. Fails after a change to the rules until the table is refit (the command is in
    benchmarks/calibrate.py's docstring)."""
    script = _script()
    gold = tuple(doc for path in FIT_FILES for doc in script._read(path))
    table, counts = script.fit(gold, script.attributions(gold, "fiction"), 10.0,
                               conversation={})
    shipped = confidence_module._read(FICTION_TABLE)
    assert {cell: round(v, 3) for cell, v in table.items()} == dict(shipped)
    assert sum(c.judged for c in counts.values()) > 200


def test_fit_fiction_writes_fiction_table_without_hand_set_priors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    script = _script()
    text = CHAPTER
    quotes = []
    for quote, speaker in (("\u201cYou will catch your death out there,\u201d", "Martha Greave"),
                           ("\u201cI have caught worse,\u201d", "Tom Greave")):
        start = text.index(quote)
        quotes.append({"start": start, "end": start + len(quote), "speaker": speaker,
                       "speaker_mentions": [[start, start + 1]]})
    gold = tmp_path / "fiction.jsonl"
    gold.write_text(json.dumps({"doc_id": "c", "text": text, "quotes": quotes}) + "\n",
                    encoding="utf-8")
    news_target, fiction_target = tmp_path / "news.tsv", tmp_path / "fiction.tsv"
    monkeypatch.setattr(script, "TABLE_PATH", news_target)
    monkeypatch.setattr(script, "FICTION_PATH", fiction_target)
    assert script.main(["--fit", str(gold), "--fit-fiction", str(gold), "--check", str(gold),
                        "--check-genre", "fiction", "--write"]) == 0
    out = capsys.readouterr().out
    assert "== fiction.jsonl (genre fiction)" in out
    written = fiction_target.read_text(encoding="utf-8")
    assert "fiction's cells are shrunk toward fiction's resolution shares" in written
    rows = {tuple(line.split("\t")[:2]): float(line.split("\t")[2])
            for line in written.splitlines()[4:]}
    # vocative_other never fired here: its name cell is the resolution's share, where the news
    # fit would have pulled it toward CONVERSATION_PRIORS
    assert rows[("vocative_other", "name")] == rows[("according_to", "name")]
    news_rows = {tuple(line.split("\t")[:2]): float(line.split("\t")[2])
                 for line in news_target.read_text(encoding="utf-8").splitlines()[4:]}
    assert news_rows[("vocative_other", "name")] != news_rows[("according_to", "name")]
