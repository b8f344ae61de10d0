"""What the confidence tables are fitted and checked on: every attribution of the
attributor over a gold file, the confidence the pipeline would give it with a candidate
table, and what the gold says of its name. Loaded by ``benchmarks/calibrate.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import quoteattr
from quoteattr import confidence as confidence_module
from quoteattr.confidence import CARRIED, Resolution, confidence_of, genre_read, resolutions
from quoteattr.evaluation import (
    Evaluation,
    GoldDocument,
    NameOutcome,
    PredictedDocument,
    PredictedQuote,
    evaluate,
    parse_gold,
)
from quoteattr.opening import genre_of

Cell = tuple[str, str]


def read_gold(path: Path) -> tuple[GoldDocument, ...]:
    return parse_gold(path.read_text(encoding="utf-8").split("\n"), source=str(path))


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
    """The rule's own precision (the pipeline's fallback for a cell the table lacks)."""
    origin: int | None
    """For a carried quote: its index among the document's top-level quotes' confidences."""
    top: bool
    fiction: bool = False
    """The text was read by fiction's conventions (so fiction's table gives its confidence)."""


class Found(dict[str, list["Attribution"]]):
    """Each document's attributions by doc id, and which documents were read as fiction."""

    def __init__(self) -> None:
        super().__init__()
        self.read_as_fiction: set[str] = set()


def attributions(gold: Sequence[GoldDocument], genre: str = "auto") -> Found:
    """Run an attributor of ``genre`` (the library's default "auto": news unless a text opens
    as a chapter) over each gold text and keep what the table needs.

    The shipped tables are switched off meanwhile (each confidence is then the rule's own
    precision, the fallback for a cell a table lacks): the fit must not depend on the
    table it replaces, which may be stale or from an older format.
    """
    attributor = quoteattr.Attributor(genre=genre)
    out = Found()
    shipped = confidence_module.confidence_table, confidence_module.fiction_table
    confidence_module.confidence_table = lambda: MappingProxyType({})  # type: ignore[assignment]
    confidence_module.fiction_table = lambda: MappingProxyType({})  # type: ignore[assignment]
    try:
        for doc in gold:
            result = attributor.attribute(doc.text, doc_id=doc.doc_id)
            out[doc.doc_id] = _attributions(result)
            # a text without quotes keeps no genre: its opening says how it would be read
            read = genre_read(result) if result.quotes else genre_of(doc.text, genre)
            if read == "fiction":
                out.read_as_fiction.add(doc.doc_id)
    finally:
        confidence_module.confidence_table, confidence_module.fiction_table = shipped
    return out


def _attributions(result: quoteattr.DocumentResult) -> list[Attribution]:
    rows = []
    n_top = 0
    fiction = genre_read(result) == "fiction"
    for q, res in zip(result.quotes, resolutions(result), strict=True):
        top = q.parent is None
        origin = n_top - 1 if res in CARRIED and n_top else None
        rows.append(Attribution(
            q.start, q.end, q.kind, q.speaker.name if q.speaker else None,
            (q.mention.start, q.mention.end) if q.mention else None,
            q.rule, res, q.confidence, origin, top, fiction))
        n_top += top
    return rows


def confidences(
    rows: Sequence[Attribution], table: Mapping[Cell, float],
    fiction: Mapping[Cell, float] | None = None,
) -> list[tuple[float, float | None]]:
    """What the pipeline computes for each quote with ``table`` (see confidence.assess), or
    with ``fiction`` for a text read as fiction when it is given, with the confidence of the
    quote a carried speaker came from (None for the others)."""
    top: list[float] = []
    out: list[tuple[float, float | None]] = []
    for a in rows:
        conf = 0.0
        origin = None
        if a.resolution is not None and a.speaker is not None:
            origin = top[a.origin] if a.origin is not None and a.origin < len(top) else None
            conf = confidence_of(a.rule, a.resolution, a.own, origin,
                                 table=fiction if a.fiction and fiction is not None else table)
        out.append((conf, origin))
        if a.top:
            top.append(conf)
    return out


_SCORED = frozenset({"direct", "thought"})
Outcome = tuple[Attribution, float, "float | None", NameOutcome]
"""(attribution, confidence, source quote's confidence, what the gold says of it)."""


def outcomes(
    gold: Sequence[GoldDocument], found: Mapping[str, list[Attribution]],
    table: Mapping[Cell, float] | None = None, fiction: Mapping[Cell, float] | None = None,
) -> tuple[list[Outcome], Evaluation]:
    """An :data:`Outcome` per scored direct quote (or quoted thought, which only
    ``genre="fiction"`` tells apart) with a speaker, and the Evaluation behind them;
    confidences from ``table`` and ``fiction`` (see :func:`confidences`; as the pipeline
    gave them if ``table`` is None)."""
    preds = []
    by_key: dict[tuple[str, int, int], tuple[Attribution, float, float | None]] = {}
    for doc in gold:
        rows = found[doc.doc_id]
        confs = (confidences(rows, table, fiction) if table is not None
                 else [(a.own, None) for a in rows])
        quotes = []
        for a, (c, origin) in zip(rows, confs, strict=True):
            if a.kind not in _SCORED:
                continue
            quotes.append(PredictedQuote(
                a.start, a.end, a.speaker, a.mention[0] if a.mention else None,
                a.mention[1] if a.mention else None, rule=a.rule, kind=a.kind, confidence=c))
            by_key[(doc.doc_id, a.start, a.end)] = (a, c, origin)
        preds.append(PredictedDocument(doc.doc_id, tuple(quotes)))
    evaluation = evaluate(gold, preds)
    rows_out = []
    for o in evaluation.name_outcomes():
        if o.prediction.speaker:
            a, c, origin = by_key[(o.doc_id, o.prediction.start, o.prediction.end)]
            rows_out.append((a, c, origin, o))
    return rows_out, evaluation


@dataclass
class Counts:
    """The evidence behind one cell: attributions, matched, judged by name, right."""

    attributed: int = 0
    matched: int = 0
    judged: int = 0
    right: int = 0

    def add(self, o: NameOutcome) -> None:
        self.attributed += 1
        self.matched += o.matched
        self.judged += o.judged
        self.right += o.right
