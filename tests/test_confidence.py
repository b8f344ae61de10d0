"""``quoteattr.confidence``: the table is well formed, and confidence follows how the name
was reached (a name at the cue, a pronoun, a role noun, a speaker carried forward).

The texts are written for these tests (local news, wire, sport, business, a broadcast
transcript); the assertions compare attributions with each other, so they hold for any
fitted table that keeps the order the measurements show.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from eval_support import load_calibrate_script

import quoteattr
from quoteattr import LexiconError
from quoteattr import confidence as confidence_module
from quoteattr.confidence import (
    CARRIED,
    COLUMNS,
    RESOLUTIONS,
    TABLE,
    confidence_of,
    confidence_table,
    resolution_of,
    resolutions,
)
from quoteattr.lexicon import read_table
from quoteattr.records import DocumentResult
from quoteattr.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
TABLE_FILE = ROOT / "quoteattr" / "data" / f"{TABLE}.tsv"

WIRE = (
    "GENEVA (Wire) - The talks will resume on Monday, officials said.\n\n"
    '"We are not there yet," said Marta Okonjo, the envoy who chairs the talks. '
    '"But the gap is narrower than it was."\n\n'
    'Okonjo later told reporters she was tired. "It has been a long week," she said.\n\n'
    '"Nobody wants to walk away now."\n\n'
    '"And nobody will," she added.'
)
SPORT = (
    "Coach Dev Ramos was blunt after the loss.\n\n"
    '"We gave them the game," Ramos said. "That is on me."\n\n'
    '"I have to fix it before Saturday."\n\n'
    '"Then we go again."\n\n'
    'A club spokesman said: "The coach has our full support."'
)


def _by_text(doc: DocumentResult) -> dict[str, tuple[float, str | None]]:
    return {q.text: (q.confidence, r) for q, r in zip(doc.quotes, resolutions(doc), strict=True)}


# -- the table -------------------------------------------------------------------------------


def test_table_has_a_cell_for_every_rule_and_resolution() -> None:
    """Recalibrate (benchmarks/calibrate.py --write) after adding a rule: this fails until then."""
    table = confidence_table()
    missing = [(r.__name__, res) for r in RULES for res in RESOLUTIONS
               if (r.__name__, res) not in table]
    assert missing == []
    assert all(0.0 <= v <= 1.0 for v in table.values())


def test_table_file_is_well_formed() -> None:
    rows = read_table(TABLE)
    assert tuple(rows[0]) == COLUMNS
    comments = [line for line in TABLE_FILE.read_text(encoding="utf-8").splitlines()
                if line.startswith("#")]
    assert any(line.startswith("# source:") and "calibrate.py" in line for line in comments)
    assert any(line.startswith("# licence:") for line in comments)
    for row in rows:
        assert row["resolution"] in RESOLUTIONS
        assert 0 <= int(row["right"]) <= int(row["judged"]) <= int(row["matched"]) <= int(
            row["attributed"])
    keys = [(row["rule"], row["resolution"]) for row in rows]
    assert len(keys) == len(set(keys))


def _row(**changes: str) -> dict[str, str]:
    row = {"rule": "x", "resolution": "name", "confidence": "0.5", "attributed": "4",
           "matched": "3", "judged": "2", "right": "1"}
    row.update(changes)
    return row


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([_row(resolution="psychic")], "resolution must be one of"),
        ([_row(confidence="1.5")], r"outside \[0, 1\]"),
        ([_row(confidence="high")], "not a number"),
        ([_row(right="3")], r"right <= judged <= matched <= attributed"),
        ([_row(matched="5")], r"right <= judged <= matched <= attributed"),
        ([_row(judged="two")], "whole numbers"),
        ([_row(), _row()], "given twice"),
        ([{"rule": "x", "resolution": "name", "confidence": "0.5"}], "expected columns"),
    ],
)
def test_a_bad_row_fails_naming_the_file(
    monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, str]], message: str
) -> None:
    monkeypatch.setattr(confidence_module, "read_table", lambda name: tuple(rows))
    with pytest.raises(LexiconError, match=message) as info:
        confidence_table.__wrapped__()  # bypass the cache
    assert "calibration/confidence.tsv" in str(info.value)


# -- resolution and the arithmetic ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "head", "name", "named", "expected"),
    [
        ("name", "Ana Duarte", "Ana Duarte", True, "name"),
        ("name", "Duarte", "Ana Duarte", True, "name_variant"),
        ("name", "ana  duarte", "Ana Duarte", True, "name"),
        ("pronoun", "she", "Ana Duarte", True, "pronoun"),
        ("nominal", "mayor", "Ana Duarte", True, "role_noun"),
        ("nominal", "mayor", "the mayor", False, "unresolved"),
        ("pronoun", "i", "I", False, "unresolved"),
        (None, "", "voices across Europe", False, "unresolved"),
    ],
)
def test_resolution_of(kind: str | None, head: str, name: str, named: bool,
                       expected: str) -> None:
    assert resolution_of(kind, head, name, named=named) == expected


def test_carried_cells_multiply_by_the_source_quote() -> None:
    table = {("r", "name"): 0.9, ("r", "carried_forward"): 0.8}
    assert confidence_of("r", "name", 0.5, None, table=table) == 0.9
    assert confidence_of("r", "carried_forward", 0.5, 0.9, table=table) == 0.72
    assert confidence_of("r", "carried_forward", 0.5, 0.72, table=table) == 0.58
    # a cell the table lacks keeps the rule's own figure
    assert confidence_of("other", "pronoun", 0.85, None, table=table) == 0.85


# -- the pipeline ------------------------------------------------------------------------------


def test_a_name_at_the_cue_is_surer_than_a_pronoun() -> None:
    by_text = _by_text(quoteattr.attribute(WIRE))
    named, named_how = by_text['"We are not there yet,"']
    pronoun, pronoun_how = by_text['"It has been a long week,"']
    assert (named_how, pronoun_how) == ("name", "pronoun")
    assert named > pronoun


def test_a_carried_speaker_is_less_sure_over_a_paragraph_break_and_at_each_step() -> None:
    by_text = _by_text(quoteattr.attribute(SPORT))
    origin, _ = by_text['"We gave them the game,"']
    same, same_how = by_text['"That is on me."']
    across, across_how = by_text['"I have to fix it before Saturday."']
    again, again_how = by_text['"Then we go again."']
    assert (same_how, across_how, again_how) == (
        "carried_forward", "carried_across", "carried_across")
    assert origin >= same > across > again > 0


def test_carried_from_a_pronoun_is_no_surer_than_the_pronoun() -> None:
    by_text = _by_text(quoteattr.attribute(WIRE))
    pronoun, _ = by_text['"It has been a long week,"']
    carried, how = by_text['"Nobody wants to walk away now."']
    assert how in CARRIED
    assert carried <= pronoun


def test_an_unnamed_speaker_is_not_sure_of_a_name() -> None:
    by_text = _by_text(quoteattr.attribute(SPORT))
    unnamed, how = by_text['"The coach has our full support."']
    assert how == "unresolved"
    assert unnamed < by_text['"We gave them the game,"'][0]


@pytest.mark.parametrize(
    "text",
    [
        # broadcast transcript
        'ANCHOR: Good evening.\n\nThe governor, Lena Varga, spoke at noon. "We will '
        'reopen the bridge by Friday," Varga said. "Drivers should plan ahead," she added.',
        # business
        'Shares of Norvale Foods fell 4 percent. "The quarter was weaker than we hoped," '
        'the chief executive, Priya Anand, told analysts. "We expect a better half," she said.',
        # local news, unattributed and scare quotes
        'The "temporary" fence is still up. Residents call it "the wall."',
    ],
)
def test_quotes_without_a_speaker_keep_confidence_zero_and_no_resolution(text: str) -> None:
    doc = quoteattr.attribute(text)
    for q, how in zip(doc.quotes, resolutions(doc), strict=True):
        assert (q.speaker is None) == (how is None)
        if q.speaker is None:
            assert q.confidence == 0.0
        else:
            assert 0.0 < q.confidence <= 1.0


def test_resolutions_are_empty_for_a_result_built_elsewhere() -> None:
    assert resolutions(DocumentResult()) == ()


# -- the calibration script agrees with the pipeline -------------------------------------------


def _calibrate_script() -> ModuleType:
    return load_calibrate_script("calibrate_script")


def test_the_script_computes_the_confidences_the_pipeline_gives() -> None:
    """The fit simulates the pipeline's arithmetic; with the shipped table they must agree,
    or a table fitted by the script would not mean what it measured."""
    from quoteattr.evaluation import parse_gold

    script = _calibrate_script()
    gold = parse_gold((ROOT / "fixtures" / "gold.jsonl").read_text(encoding="utf-8").split("\n"))
    found = script.attributions(gold)  # made with the table switched off
    carried = 0
    for doc in gold:
        rows = found[doc.doc_id]
        given = [q.confidence for q in quoteattr.attribute(doc.text).quotes]
        assert [c for c, _ in script.confidences(rows, confidence_table())] == given
        carried += sum(a.resolution in CARRIED for a in rows)
    assert carried > 0  # the carried arithmetic was exercised
    assert confidence_table()  # and the shipped table is back after the fit's run
