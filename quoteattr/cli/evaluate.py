"""``quoteattr evaluate``: score quotes and speakers against gold JSON lines.

Predictions are made now (the gold texts through :class:`quoteattr.Attributor`) or read
from a saved file; :mod:`quoteattr.evaluation` does the scoring and the report.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from .. import Attributor
from ..errors import QuoteattrError
from ..evaluation import KINDS, By, evaluate, parse_gold, parse_predictions, predict
from .inputs import json_lines
from .messages import fail
from .output import check_output, output


@dataclass(frozen=True)
class EvaluateOptions:
    """What ``quoteattr evaluate`` was asked to do (its command-line options)."""

    gold: str
    pred: str | None = None
    kinds: str | None = None
    by: By | None = None
    errors: int = 0
    fmt: str = "table"
    output: str | None = None
    genre: str = "auto"
    annotator: str = "embedded"
    """"embedded" (the rules alone) or "spacy" (each text parsed by spaCy's English
    pipeline, scoring the parse path)."""


ANNOTATORS = ("embedded", "spacy")


def add_annotator_option(command: argparse.ArgumentParser) -> None:
    """``--annotator``: which path makes the predictions that are scored."""
    command.add_argument(
        "--annotator", choices=ANNOTATORS, default="embedded",
        help="the annotator that makes the predictions: embedded (default, no models) or "
        "spacy (each text parsed by spaCy's English pipeline: the parse path; needs "
        "pip install 'quoteattr[spacy]')")


def run(options: EvaluateOptions) -> int:
    """Score predictions (saved, or made now) against the gold file and write the report."""
    wanted = _kinds(options.kinds)
    # What a genre calls a quote: fiction's quoted thoughts are quotations too.
    default_kinds = ("direct", "thought") if options.genre == "fiction" else ("direct",)
    for path in (options.gold, options.pred):
        if path is not None and not Path(path).exists():
            fail(f"cannot read {path}: no such file")
    check_output(options.output, [p for p in (options.gold, options.pred) if p is not None])
    gold_docs = parse_gold(json_lines(options.gold), source=options.gold)
    if not gold_docs:
        fail(f"{options.gold} holds no documents: expected one JSON object per line")
    if options.pred is None:
        predictions = predict(gold_docs, _attributor(options.annotator, options.genre),
                              kinds=wanted or default_kinds)
    else:
        predictions = parse_predictions(json_lines(options.pred), source=options.pred,
                                        kinds=wanted)
    report = evaluate(gold_docs, predictions).report(
        by=options.by, errors=options.errors, kinds=wanted or default_kinds
    )
    with output(options.output) as out:
        if options.fmt == "json":
            out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(report.to_table() + "\n")
    return 0


def _attributor(annotator: str, genre: str) -> Attributor:
    try:
        return Attributor(annotator=annotator, genre=genre)
    except QuoteattrError as exc:  # spaCy or its English pipeline not installed
        fail(f"--annotator {annotator}: {exc}")


def _kinds(option: str | None) -> tuple[str, ...] | None:
    """``--kinds direct,mixed`` as a tuple; None when the option is not given."""
    if option is None:
        return None
    kinds = tuple(k.strip() for k in option.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        fail(f"--kinds {option!r}: expected kinds separated by commas, from {', '.join(KINDS)}")
    return kinds
