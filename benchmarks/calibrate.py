"""Fit the confidence table (quoteattr/data/calibration/confidence.tsv) on annotated news.

Usage:
  python benchmarks/calibrate.py --fit TRAIN.jsonl [--fit MORE.jsonl ...]
                                 [--check DEV.jsonl ...] [--write] [--prior-weight 10]

The confidence of an attribution is meant to be the chance that its resolved speaker NAME
is right. This script runs the attributor over the ``--fit`` gold file, takes every direct
quote with a speaker whose gold can judge the name (a gold speaker written as a name; see
``Evaluation.name_outcomes``), and counts, for each (rule, resolution) cell, how many were
judged and how many had the right name. A cell's confidence is that share, shrunk toward
its resolution's share over all rules by ``--prior-weight`` pseudo-counts, so a cell seen
a handful of times says little on its own; a resolution's share is itself shrunk toward
the share over everything. For the two carried resolutions the cell holds the chance that
the speaker stayed the same, fitted so that, multiplied by the confidence of the quote the
speaker came from (as the pipeline does), it gives the share seen.

``--check`` scores other gold files with the new table, without writing it: quote,
attribution and name F1 (the table changes confidences only, never who is named) and the
name calibration table per confidence band. Fit on a train split and check on dev, so the
check is honest. ``--write`` replaces the shipped table; without it nothing is written.
After a change to the rules or coreference, re-run:

  python benchmarks/calibrate.py --fit ../shared/eval/polnear-train.jsonl \\
      --check ../shared/eval/polnear-dev.jsonl --check ../shared/eval/litbank-dev.jsonl --write
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import quoteattr
from quoteattr.confidence import (
    CARRIED,
    RESOLUTIONS,
    TABLE,
    Resolution,
    confidence_of,
    resolutions,
)
from quoteattr.evaluation import (
    Evaluation,
    GoldDocument,
    PredictedDocument,
    PredictedQuote,
    evaluate,
    parse_gold,
)
from quoteattr.rules import RULES

TABLE_PATH = Path(quoteattr.__file__).parent / "data" / f"{TABLE}.tsv"
Cell = tuple[str, str]


@dataclass(frozen=True)
class Attribution:
    """One top-level or nested quote of a result, as the table sees it."""

    start: int
    end: int
    kind: str
    speaker: str | None
    mention: tuple[int, int] | None
    rule: str
    resolution: Resolution | None
    own: float
    """The confidence the pipeline gave it (the fallback for a cell the table lacks)."""
    origin: int | None
    """For a carried quote: its index among the document's top-level quotes' confidences."""
    top: bool


def attributions(gold: Sequence[GoldDocument]) -> dict[str, list[Attribution]]:
    """Run the default attributor over each gold text and keep what the table needs."""
    attributor = quoteattr.Attributor()
    out: dict[str, list[Attribution]] = {}
    for doc in gold:
        result = attributor.attribute(doc.text, doc_id=doc.doc_id)
        rows = []
        n_top = 0
        for q, res in zip(result.quotes, resolutions(result), strict=True):
            top = q.parent is None
            origin = n_top - 1 if res in CARRIED and n_top else None
            rows.append(Attribution(
                q.start, q.end, q.kind, q.speaker.name if q.speaker else None,
                (q.mention.start, q.mention.end) if q.mention else None,
                q.rule, res, q.confidence, origin, top))
            n_top += top
        out[doc.doc_id] = rows
    return out


def confidences(
    rows: Sequence[Attribution], table: Mapping[Cell, float]
) -> list[tuple[float, float | None]]:
    """What the pipeline computes for each quote with ``table`` (see confidence.assess), with
    the confidence of the quote a carried speaker came from (None for the others)."""
    top: list[float] = []
    out: list[tuple[float, float | None]] = []
    for a in rows:
        conf = 0.0
        origin = None
        if a.resolution is not None and a.speaker is not None:
            origin = top[a.origin] if a.origin is not None and a.origin < len(top) else None
            conf = confidence_of(a.rule, a.resolution, a.own, origin, table=table)
        out.append((conf, origin))
        if a.top:
            top.append(conf)
    return out


Outcome = tuple[Attribution, float, "float | None", bool, bool]
"""(attribution, confidence, source quote's confidence, judged, right)."""


def outcomes(
    gold: Sequence[GoldDocument], found: Mapping[str, list[Attribution]],
    table: Mapping[Cell, float] | None = None,
) -> tuple[list[Outcome], Evaluation]:
    """An :data:`Outcome` per scored direct quote with a speaker, and the Evaluation behind
    them; confidences from ``table`` (as the pipeline gave them if None)."""
    preds = []
    by_key: dict[tuple[str, int, int], tuple[Attribution, float, float | None]] = {}
    for doc in gold:
        rows = found[doc.doc_id]
        confs = (confidences(rows, table) if table is not None
                 else [(a.own, None) for a in rows])
        quotes = []
        for a, (c, origin) in zip(rows, confs, strict=True):
            if a.kind != "direct":
                continue
            quotes.append(PredictedQuote(
                a.start, a.end, a.speaker, a.mention[0] if a.mention else None,
                a.mention[1] if a.mention else None, rule=a.rule, kind=a.kind, confidence=c))
            by_key[(doc.doc_id, a.start, a.end)] = (a, c, origin)
        preds.append(PredictedDocument(doc.doc_id, tuple(quotes)))
    evaluation = evaluate(gold, preds)
    rows_out = []
    for doc_id, p, judged, right in evaluation.name_outcomes():
        if p.speaker:
            a, c, origin = by_key[(doc_id, p.start, p.end)]
            rows_out.append((a, c, origin, judged, right))
    return rows_out, evaluation


def _shrunk(right: float, n: float, prior: float, weight: float) -> float:
    return (right + weight * prior) / (n + weight)


def fit(
    gold: Sequence[GoldDocument], found: Mapping[str, list[Attribution]], weight: float,
) -> tuple[dict[Cell, float], Counter[Cell], Counter[Cell]]:
    """The table: every rule x resolution cell, with the judged and right counts behind it."""
    rows, _ = outcomes(gold, found)
    judged_rows = [(a, right) for a, _, _, judged, right in rows if judged]
    n: Counter[Cell] = Counter()
    k: Counter[Cell] = Counter()
    for a, right in judged_rows:
        cell = (a.rule, str(a.resolution))
        n[cell] += 1
        k[cell] += right
    rules = sorted({r.__name__ for r in RULES} | {rule for rule, _ in n})
    direct = [r for r in RESOLUTIONS if r not in CARRIED]
    n_direct = sum(c for (_, r), c in n.items() if r in direct)
    k_direct = sum(c for (_, r), c in k.items() if r in direct)
    overall = k_direct / n_direct if n_direct else 0.5
    table: dict[Cell, float] = {}
    for res in direct:
        n_res = sum(c for (_, r), c in n.items() if r == res)
        k_res = sum(c for (_, r), c in k.items() if r == res)
        prior = _shrunk(k_res, n_res, overall, weight)
        for rule in rules:
            table[(rule, res)] = round(_shrunk(k[(rule, res)], n[(rule, res)], prior,
                                               weight), 3)
    # Carried cells: the chance the speaker stayed, so that cell x origin matches the share.
    for res in CARRIED:
        for rule in rules:
            table[(rule, res)] = 1.0
    for _ in range(6):  # origins may be carried themselves: iterate to a fixed point
        rows, _ = outcomes(gold, found, table)
        mass: defaultdict[Cell, float] = defaultdict(float)
        hits: defaultdict[Cell, float] = defaultdict(float)
        for a, _, origin, judged, right in rows:
            if judged and a.resolution in CARRIED and origin is not None:
                cell = (a.rule, str(a.resolution))
                mass[cell] += origin  # what the cell is multiplied by
                hits[cell] += right
        total_mass = sum(mass.values())
        pooled = min(1.0, sum(hits.values()) / total_mass) if total_mass else 0.5
        for res in CARRIED:
            res_mass = sum(v for (_, r), v in mass.items() if r == res)
            res_hits = sum(v for (_, r), v in hits.items() if r == res)
            prior = min(1.0, _shrunk(res_hits, res_mass, pooled, weight))
            for rule in rules:
                table[(rule, res)] = round(min(1.0, _shrunk(
                    hits[(rule, res)], mass[(rule, res)], prior, weight)), 3)
    return table, n, k


def write_table(table: Mapping[Cell, float], n: Counter[Cell], k: Counter[Cell],
                fit_name: str, weight: float) -> str:
    lines = [
        "# confidence of an attribution by (rule, resolution): the measured chance that its "
        "resolved speaker NAME is right (carried cells: the chance the speaker stayed the "
        "same, multiplied at run time by the confidence of the quote it came from); "
        "judged/right are the counts behind each cell",
        f"# source: measured by benchmarks/calibrate.py on {fit_name} "
        f"({sum(n.values())} judged direct attributions), each cell shrunk toward its "
        f"resolution's share by {weight:g} pseudo-counts; re-run after changing rules or "
        "coreference",
        "# licence: Apache-2.0 (same as quoteattr)",
        "rule\tresolution\tconfidence\tjudged\tright",
    ]
    order: dict[str, int] = {res: n for n, res in enumerate(RESOLUTIONS)}
    for (rule, res) in sorted(table, key=lambda c: (c[0], order[c[1]])):
        lines.append(f"{rule}\t{res}\t{table[(rule, res)]:.3f}\t{n[(rule, res)]}\t"
                     f"{k[(rule, res)]}")
    return "\n".join(lines) + "\n"


def report(name: str, gold: Sequence[GoldDocument], found: Mapping[str, list[Attribution]],
           table: Mapping[Cell, float]) -> None:
    rows, evaluation = outcomes(gold, found, table)
    s = evaluation.scores
    print(f"\n== {name}: quote F1 {s.quote_f1}, attr F1 {s.attr_f1}, "
          f"name_attr_F1 {s.name_attr_f1}")
    if evaluation.name_calibration() is not None:
        blocks = evaluation.report().to_table().split("\n\n")
        print(next(b for b in blocks if b.startswith("name calibration")))
    print("by resolution: judged, name right, share, mean confidence")
    for res in RESOLUTIONS:
        sel = [(c, right) for a, c, _, judged, right in rows if judged and a.resolution == res]
        if sel:
            share = 100 * sum(r for _, r in sel) / len(sel)
            mean = sum(c for c, _ in sel) / len(sel)
            print(f"  {res:16s} {len(sel):5d} {sum(r for _, r in sel):5d} {share:6.1f} "
                  f"{mean:6.2f}")


def _read(path: Path) -> tuple[GoldDocument, ...]:
    return parse_gold(path.read_text(encoding="utf-8").split("\n"), source=str(path))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", type=Path, action="append", required=True,
                        help="gold JSONL to fit on (repeatable: the files are pooled)")
    parser.add_argument("--check", type=Path, action="append", default=[],
                        help="gold JSONL to check the new table on (repeatable)")
    parser.add_argument("--write", action="store_true", help=f"write {TABLE_PATH}")
    parser.add_argument("--prior-weight", type=float, default=10.0,
                        help="pseudo-counts pulling a cell toward its resolution's share")
    args = parser.parse_args(list(argv) if argv is not None else None)
    gold = tuple(doc for path in args.fit for doc in _read(path))
    fit_name = " + ".join(path.name for path in args.fit)
    found = attributions(gold)
    table, n, k = fit(gold, found, args.prior_weight)
    text = write_table(table, n, k, fit_name, args.prior_weight)
    print(f"fitted {len(table)} cells on {fit_name}: {sum(n.values())} judged")
    for (rule, res), value in sorted(table.items()):
        if n[(rule, res)]:
            print(f"  {rule:26s} {res:16s} {value:.3f}  ({k[(rule, res)]}/{n[(rule, res)]})")
    report(f"{fit_name} (fit)", gold, found, table)
    for path in args.check:
        check_gold = _read(path)
        report(path.name, check_gold, attributions(check_gold), table)
    if args.write:
        TABLE_PATH.write_text(text, encoding="utf-8")
        print(f"\nwrote {TABLE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
