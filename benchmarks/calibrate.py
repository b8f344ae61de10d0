"""Fit the confidence tables (quoteattr/data/calibration/confidence.tsv on annotated news,
calibration/fiction.tsv on annotated fiction).

Usage:
  python benchmarks/calibrate.py --fit TRAIN.jsonl [--fit MORE.jsonl ...]
                                 [--fit-fiction FICTION.jsonl ...]
                                 [--check DEV.jsonl ...] [--check-genre auto|fiction|news ...]
                                 [--write] [--prior-weight 10]

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

``--fit-fiction`` fits fiction's table the same way on fiction read with
``genre="fiction"`` (quoted thoughts count as direct quotes, as fiction's gold has them),
its cells shrunk toward fiction's own resolution shares: no hand-set prior, so nothing of
a check set enters it. Without it, checks use the shipped fiction table.

``--check`` scores other gold files with the new tables, without writing them: quote,
attribution and name F1 (the tables change confidences only, never who is named) and the
name calibration table per confidence band, once per ``--check-genre`` (default auto), and
apart for the texts read as news and as fiction when a file has both. Fit on a train split
and check on dev, so the check is honest. ``--write`` replaces the shipped tables (fiction's
only with ``--fit-fiction``); without it nothing is written.

``--fit`` takes several files (pooled; each file's doc ids kept apart). The news table is
fitted on PolNeAR train, the development halves of the hand-written news sets and the
blind holdouts of the older ones (3 to 10, newsroom, newsroom2, intl): PolNeAR's gold
seldom names the speaker of a pronoun or role noun (12 judged pronoun quotes of 848 for
``quote_speaker_cue``), and a table fitted on it alone was underconfident on other news by
12.9 points on average over the newer holdouts (11 to 18), which stay out of the fit to
check it. After a change to the rules or coreference, re-run (from the project's root,
in bash):

  python benchmarks/calibrate.py --fit ../shared/eval/polnear-train.jsonl \\
      $(for n in $(seq 3 18); do echo fixtures/news${n}_eval/news${n}_eval.jsonl; done) \\
      fixtures/newsroom_eval/newsroom_eval.jsonl fixtures/newsroom_eval2/newsroom_eval2.jsonl \\
      fixtures/intl_eval/intl_eval.jsonl \\
      $(for n in $(seq 3 10); do echo fixtures/news${n}_eval/holdout/*.jsonl; done) \\
      fixtures/newsroom_eval/holdout/newsroom_holdout.jsonl \\
      fixtures/newsroom_eval2/holdout/newsroom_eval2_holdout.jsonl \\
      fixtures/intl_eval/holdout/intl_holdout.jsonl \\
      --fit-fiction fixtures/fiction_eval/fiction_eval.jsonl \\
      --fit-fiction fixtures/fiction_eval/holdout/fiction_holdout.jsonl \\
      --fit-fiction fixtures/fiction_eval/holdout2/fiction_holdout2.jsonl \\
      --check ../shared/eval/polnear-dev.jsonl --check ../shared/eval/litbank-dev.jsonl \\
      $(for n in $(seq 11 18); do echo --check fixtures/news${n}_eval/holdout/*.jsonl; done) \\
      --check-genre auto --check-genre fiction --write
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType, ModuleType

import quoteattr
from quoteattr.confidence import CARRIED, FICTION_TABLE, RESOLUTIONS, TABLE, fiction_table
from quoteattr.evaluation import GoldDocument
from quoteattr.rules import RULES


def _rows_module() -> ModuleType:
    """``calibration_rows.py`` beside this file, registered once (its dataclasses look
    themselves up in ``sys.modules``), whether this runs as a script or is loaded by path."""
    name = "quoteattr_calibration_rows"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).resolve().parent / "calibration_rows.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_rows = _rows_module()
Attribution, Counts, Outcome = _rows.Attribution, _rows.Counts, _rows.Outcome
attributions, confidences, outcomes = _rows.attributions, _rows.confidences, _rows.outcomes
_read = _rows.read_gold

DATA = Path(quoteattr.__file__).parent / "data"
TABLE_PATH = DATA / f"{TABLE}.tsv"
FICTION_PATH = DATA / f"{FICTION_TABLE}.tsv"
Cell = tuple[str, str]

CONVERSATION_PRIORS: Mapping[Cell, float] = MappingProxyType({
    ("turn_taking", "name"): 0.55, ("turn_taking", "name_variant"): 0.85,
    ("turn_taking", "pronoun"): 0.85, ("turn_taking", "role_noun"): 0.75,
    ("turn_taking", "unresolved"): 0.1,
    ("action_beat", "name"): 0.6, ("action_beat", "name_variant"): 0.65,
    ("action_beat", "pronoun"): 0.65, ("action_beat", "role_noun"): 0.5,
    ("action_beat", "unresolved"): 0.1,
    ("vocative_other", "name"): 0.5, ("vocative_other", "name_variant"): 0.6,
    ("vocative_other", "pronoun"): 0.55, ("vocative_other", "role_noun"): 0.45,
    ("vocative_other", "unresolved"): 0.1,
})
"""Priors for the share of right names of the conversation rules (quoteattr/rules/
conversation.py), which rarely fire on news: a news fit has a handful of cases for them,
and the resolution's news share (names are right 95% of the time at a cue) would claim far
too much for a speaker inferred from turns. Set by hand from the shares seen on LitBank dev
with genre="fiction" after issue 21's turn-taking changes (turn_taking: name 14/25,
name_variant 30/31, pronoun 47/48, role_noun 15/16, unresolved 0/13; action_beat: name 5/8,
name_variant 3/4, pronoun 5/5, unresolved 0/2), pulled down toward the earlier measurement
(name_variant 12/14, pronoun 33/42) since 50 excerpts flatter the rules they were read on;
an unresolved speaker is a name nobody can check, rarely right. Fiction-heavy use should
read them as estimates."""


def _shrunk(hits: float, n: float, prior: float, weight: float) -> float:
    return (hits + weight * prior) / (n + weight)


def _pooled(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total.attributed += c.attributed
        total.matched += c.matched
        total.judged += c.judged
        total.right += c.right
    return total


def fit(
    gold: Sequence[GoldDocument], found: Mapping[str, list[Attribution]], weight: float,
    conversation: Mapping[Cell, float] = CONVERSATION_PRIORS,
) -> tuple[dict[Cell, float], dict[Cell, Counts]]:
    """The table, every rule x resolution cell, and the counts behind each.

    A cell is (share of its attributions that match a gold quote) x (share of the judged
    ones with the right name): a spurious quote has no right name, and among matched
    quotes those the gold can judge stand for the rest. Each share is shrunk toward its
    resolution's share by ``weight`` pseudo-counts; a resolution's share is Laplace's
    (hits + 1) / (n + 2); the cells of ``conversation`` are shrunk toward its priors instead.
    """
    rows, _ = outcomes(gold, found)
    counts: defaultdict[Cell, Counts] = defaultdict(Counts)
    for a, _, _, o in rows:
        counts[(a.rule, str(a.resolution))].add(o)
    rules = sorted({r.__name__ for r in RULES} | {rule for rule, _ in counts})
    matched_prior: dict[str, float] = {}
    table: dict[Cell, float] = {}
    for res in RESOLUTIONS:
        # A resolution's own shares, with Laplace's add-one: the overall share would be a
        # poor prior, as names (most of the data) are right far more often than pronouns.
        pool = _pooled(c for (_, r), c in counts.items() if r == res)
        matched_prior[res] = _shrunk(pool.matched, pool.attributed, 0.5, 2.0)
        if res in CARRIED:
            continue
        right_prior = _shrunk(pool.right, pool.judged, 0.5, 2.0)
        for rule in rules:
            c = counts[(rule, res)]
            table[(rule, res)] = round(
                _shrunk(c.matched, c.attributed, matched_prior[res], weight)
                * _shrunk(c.right, c.judged,
                          conversation.get((rule, res), right_prior), weight), 3)
    # Carried cells: the chance the quote is real times the chance the speaker stayed, so
    # that cell x the source quote's confidence matches what was seen.
    stay = dict.fromkeys(((rule, res) for res in CARRIED for rule in rules), 1.0)
    for _ in range(6):  # sources may be carried themselves: iterate to a fixed point
        for rule in rules:
            for res in CARRIED:
                c = counts[(rule, res)]
                table[(rule, res)] = round(_shrunk(c.matched, c.attributed,
                                                   matched_prior[res], weight)
                                           * stay[(rule, res)], 3)
        rows, _ = outcomes(gold, found, table)
        mass: defaultdict[Cell, float] = defaultdict(float)
        hits: defaultdict[Cell, float] = defaultdict(float)
        for a, _, origin, o in rows:
            if o.judged and a.resolution in CARRIED and origin is not None:
                cell = (a.rule, str(a.resolution))
                mass[cell] += origin  # what the cell is multiplied by
                hits[cell] += o.right
        for res in CARRIED:
            res_mass = sum(v for (_, r), v in mass.items() if r == res)
            res_hits = sum(v for (_, r), v in hits.items() if r == res)
            prior = min(1.0, _shrunk(res_hits, res_mass, 0.5, 2.0))
            for rule in rules:
                stay[(rule, res)] = min(1.0, _shrunk(hits[(rule, res)], mass[(rule, res)],
                                                     prior, weight))
    for rule in rules:
        for res in CARRIED:
            c = counts[(rule, res)]
            table[(rule, res)] = round(_shrunk(c.matched, c.attributed, matched_prior[res],
                                               weight) * stay[(rule, res)], 3)
    return table, {cell: counts[cell] for cell in table}


def write_table(table: Mapping[Cell, float], counts: Mapping[Cell, Counts],
                fit_name: str, weight: float, fiction: bool = False) -> str:
    judged = sum(c.judged for c in counts.values())
    priors = (
        "fiction's cells are shrunk toward fiction's resolution shares, no hand-set prior; "
        "used for a text read as fiction (genre=\"fiction\", or \"auto\" on a chapter)"
        if fiction else
        "the conversation rules' cells "
        "(turn_taking, action_beat, vocative_other: rare in news) are shrunk toward hand-set "
        "priors from LitBank dev instead (CONVERSATION_PRIORS in calibrate.py)")
    lines = [
        "# confidence of an attribution by (rule, resolution): the measured chance that its "
        "resolved speaker NAME is right, as (share of attributions matching a gold quote) x "
        "(share of those judged by name that were right); carried cells hold the chance the "
        "speaker stayed the same and are multiplied at run time by the confidence of the "
        "quote it came from; attributed/matched/judged/right are the counts behind each cell",
        f"# source: measured by benchmarks/calibrate.py on {fit_name} "
        f"({sum(c.attributed for c in counts.values())} direct attributions, {judged} judged "
        f"by name), each share shrunk toward its resolution's by {weight:g} pseudo-counts "
        f"(a resolution's share: (hits + 1) / (n + 2)); {priors}; "
        "re-run after changing rules or coreference",
        "# licence: Apache-2.0 (same as quoteattr)",
        "rule\tresolution\tconfidence\tattributed\tmatched\tjudged\tright",
    ]
    order: dict[str, int] = {res: n for n, res in enumerate(RESOLUTIONS)}
    for (rule, res) in sorted(table, key=lambda c: (c[0], order[c[1]])):
        c = counts[(rule, res)]
        lines.append(f"{rule}\t{res}\t{table[(rule, res)]:.3f}\t{c.attributed}\t"
                     f"{c.matched}\t{c.judged}\t{c.right}")
    return "\n".join(lines) + "\n"


def report(name: str, gold: Sequence[GoldDocument], found: Mapping[str, list[Attribution]],
           table: Mapping[Cell, float], fiction: Mapping[Cell, float] | None = None) -> None:
    """Scores and name calibration of ``gold`` with the tables; then, when some texts were
    read as news and some as fiction, the same for each part."""
    rows, evaluation = outcomes(gold, found, table, fiction)
    s = evaluation.scores
    print(f"\n== {name}: quote F1 {s.quote_f1}, attr F1 {s.attr_f1}, "
          f"name_attr_F1 {s.name_attr_f1}")
    if evaluation.name_calibration() is not None:
        blocks = evaluation.report().to_table().split("\n\n")
        print(next(b for b in blocks if b.startswith("name calibration")))
    print("by resolution: attributed, matched, judged, right, estimated share, mean conf")
    for res in RESOLUTIONS:
        sel = [(c, o) for a, c, _, o in rows if a.resolution == res]
        if not sel:
            continue
        pool = Counts()
        for _, o in sel:
            pool.add(o)
        share = (100 * pool.matched / pool.attributed * pool.right / pool.judged
                 if pool.judged else float("nan"))
        mean = sum(c for c, _ in sel) / len(sel)
        print(f"  {res:16s} {pool.attributed:5d} {pool.matched:5d} {pool.judged:5d} "
              f"{pool.right:5d} {share:6.1f} {mean:6.2f}")
    fiction_ids = getattr(found, "read_as_fiction", set())
    read = {doc.doc_id: doc.doc_id in fiction_ids for doc in gold}
    if len(set(read.values())) > 1:
        for label, as_fiction in (("news", False), ("fiction", True)):
            part = [doc for doc in gold if read[doc.doc_id] == as_fiction]
            report(f"{name}, the {len(part)} texts read as {label}", part, found, table,
                   fiction)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", type=Path, nargs="+", action="extend", required=True,
                        help="gold JSONL files to fit on (repeatable: the files are pooled)")
    parser.add_argument("--fit-fiction", type=Path, action="append", default=[],
                        help="fiction gold JSONL to fit fiction's table on (repeatable)")
    parser.add_argument("--check", type=Path, action="append", default=[],
                        help="gold JSONL to check the new table on (repeatable)")
    parser.add_argument("--check-genre", action="append", choices=("auto", "news", "fiction"),
                        help="the genre to read the checked files by (repeatable; default auto)")
    parser.add_argument("--write", action="store_true", help=f"write {TABLE_PATH}")
    parser.add_argument("--prior-weight", type=float, default=10.0,
                        help="pseudo-counts pulling a cell toward its resolution's share")
    args = parser.parse_args(list(argv) if argv is not None else None)
    texts = [_fitted(args.fit, "auto", args.prior_weight, fiction=False)]
    table = texts[0][0]
    fiction = {**table, **fiction_table()}  # the shipped fiction cells
    if args.fit_fiction:
        texts.append(_fitted(args.fit_fiction, "fiction", args.prior_weight, fiction=True))
        fiction = {**table, **texts[1][0]}
    for path in args.check:
        check_gold = _read(path)
        for genre in args.check_genre or ["auto"]:
            report(f"{path.name} (genre {genre})", check_gold,
                   attributions(check_gold, genre), table, fiction)
    if args.write:
        for (_, text), target in zip(texts, (TABLE_PATH, FICTION_PATH), strict=False):
            target.write_text(text, encoding="utf-8")
            print(f"\nwrote {target}")
    return 0


def _gold_of(paths: Sequence[Path]) -> tuple[GoldDocument, ...]:
    """The documents of ``paths``; when there are several files, each doc id is prefixed
    with its file's name, as two sets may hold the same doc id."""
    if len(paths) == 1:
        return tuple(_read(paths[0]))
    return tuple(replace(doc, doc_id=f"{path.stem}/{doc.doc_id}")
                 for path in paths for doc in _read(path))


def _fitted(paths: Sequence[Path], genre: str, weight: float,
            fiction: bool) -> tuple[dict[Cell, float], str]:
    """The table fitted on ``paths`` read by ``genre`` (printed with the fit's own scores)
    and the text of its data file."""
    gold = _gold_of(paths)
    fit_name = " + ".join(path.name for path in paths)
    found = attributions(gold, genre)
    table, counts = fit(gold, found, weight, conversation={} if fiction else
                        CONVERSATION_PRIORS)
    print(f"fitted {len(table)} cells on {fit_name}: "
          f"{sum(c.attributed for c in counts.values())} attributions, "
          f"{sum(c.judged for c in counts.values())} judged by name")
    print("  rule                       resolution       conf  attributed matched judged right")
    for (rule, res), value in sorted(table.items()):
        c = counts[(rule, res)]
        if c.attributed:
            print(f"  {rule:26s} {res:16s} {value:.3f} {c.attributed:6d} {c.matched:6d} "
                  f"{c.judged:6d} {c.right:6d}")
    report(f"{fit_name} (fit)", gold, found, table, table)
    return table, write_table(table, counts, fit_name, weight, fiction=fiction)


if __name__ == "__main__":
    sys.exit(main())
