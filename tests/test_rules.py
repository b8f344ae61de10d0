"""Each attribution rule on a short text written for it (fixtures/cases/attribution.jsonl).

A case names the quote, its kind, the resolved speaker, the mention that carried
the attribution and the rule expected to decide (and the ``genre``, "news" unless given);
``expect: xfail`` marks a known failure, run strictly so a fix is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.rules import REQUIRES, RULES

CASES_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "attribution.jsonl"


def _cases() -> list[Any]:
    params = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        marks = []
        if case.get("expect") == "xfail":
            marks.append(pytest.mark.xfail(strict=True, reason=case.get("reason", "known failure")))
        params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


@pytest.mark.parametrize("case", _cases())
def test_attribution_case(case: dict[str, Any]) -> None:
    doc = quoteattr.attribute(case["text"], genre=case.get("genre", "news"))
    matches = [q for q in doc.quotes if q.text == case["quote"]]
    assert matches, f"quote not found; found {[q.text for q in doc.quotes]}"
    quote = matches[0]
    assert quote.kind == case["kind"]
    assert (quote.speaker.name if quote.speaker else None) == case["speaker"]
    assert (quote.mention.text if quote.mention else None) == case["mention"]
    assert quote.rule == case["rule"]


def test_every_rule_has_a_case() -> None:
    """A rule without a case in the table is a rule nobody checks."""
    labels_rules = {
        json.loads(line)["rule"]
        for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    # Rules that need a parse are checked on hand-built parses in test_parse_rules.py.
    missing = {rule.__name__ for rule in RULES if rule not in REQUIRES} - labels_rules
    assert not missing


def test_rule_names_are_documented() -> None:
    """The user guide lists every rule name a record can carry."""
    guide = Path(__file__).resolve().parent.parent / "docs" / "guide.md"
    text = guide.read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.__name__}`" in text, rule.__name__


def test_confidence_is_zero_without_a_speaker() -> None:
    doc = quoteattr.attribute('The ferry left at noon.\n\n"Nobody told us anything."')
    (quote,) = doc.quotes
    assert quote.speaker is None and quote.confidence == 0.0 and quote.rule == "unattributed"


def test_earlier_shows_only_the_quotes_already_decided() -> None:
    """The rules read the decisions before their quote through a view that refuses the
    quote itself and later ones, even while the pipeline's lists grow behind it."""
    from quoteattr.rules import Earlier, Found
    from quoteattr.spans import Span

    found: list[Found | None] = [Found("quote_speaker_cue", 0.97, 0, Span(10, 14), None), None]
    speakers: list[int | None] = [3, None]
    earlier = Earlier(found, speakers, 1)
    assert earlier.found(0) is found[0] and earlier.speaker(0) == 3
    found.append(None)  # the pipeline decides the next quote: this quote's view is unchanged
    for position in (1, 2, -1):
        with pytest.raises(IndexError, match="range"):
            earlier.found(position)
        with pytest.raises(IndexError, match="range"):
            earlier.speaker(position)


NON_RULE_VALUES = frozenset({"unattributed", "not_speech"})
"""The ``rule`` values that name no rule: no rule fired, or the quote is not speech (both
documented in docs/guide.md's field table)."""


def _rule_values_in_source() -> set[str]:
    """Every string the package can put in a record's ``rule`` field: the first argument of
    each ``Found(...)`` and ``make_found(...)`` call, and the values ``result.py`` assigns."""
    import ast

    package = Path(quoteattr.__file__).parent
    values: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
                "Found", "make_found"
            ) and node.args:
                first = node.args[0]
                if isinstance(first, ast.Name) and first.id == "rule" and path.name == "base.py":
                    continue  # make_found passing its own argument on
                assert isinstance(first, ast.Constant), f"{path}: a rule name made at run time"
                values.add(first.value)
            elif (isinstance(node, ast.Assign) and path.name == "result.py"
                  and any(getattr(t, "id", None) == "rule" for t in node.targets)):
                tests = {id(c) for t in ast.walk(node.value) if isinstance(t, ast.Compare)
                         for c in ast.walk(t)}  # "scare" in `if d.kind == "scare"` is no value
                values |= {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)
                           and isinstance(c.value, str) and id(c) not in tests}
    return values


def test_every_rule_value_names_a_rule() -> None:
    """A record's ``rule`` is the name of the function in RULES that decided (so the
    provenance can be looked up), or one of the documented non-rule values."""
    values = _rule_values_in_source()
    assert {"speaker_cue_quote", "cue_speaker_quote", "unattributed"} <= values  # the scan works
    names = {rule.__name__ for rule in RULES}
    assert sorted(values - names - NON_RULE_VALUES) == []
    guide = (Path(__file__).resolve().parent.parent / "docs" / "guide.md").read_text("utf-8")
    assert all(f"`{value}`" in guide for value in NON_RULE_VALUES)


def test_rule_values_on_the_fixture_articles_name_rules() -> None:
    """The same, read off the output for the fixture articles (several kinds of copy)."""
    folder = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    names = {rule.__name__ for rule in RULES} | NON_RULE_VALUES
    seen = {q.rule for path in sorted(folder.glob("*.txt"))
            for q in quoteattr.attribute(path.read_text(encoding="utf-8")).quotes}
    assert len(seen) > 3 and seen <= names, sorted(seen - names)
