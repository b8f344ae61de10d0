"""The :class:`Report` of an evaluation, and it as aligned plain-text tables.

The report gathers the result records (:mod:`.results`) and prints from them alone.
Every cell is escaped to a single line (a newline becomes ``⏎``, control characters their
``\\x..`` form), so article text can neither break a row nor drive the terminal; long
quotes are cut in the middle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..render.table import one_line
from .results import (
    _CONTEXT,
    By,
    Calibration,
    ErrorCase,
    ErrorType,
    GroupScore,
    NameCalibration,
    ResolvedAccuracy,
    Scores,
)

_QUOTE_WIDTH = 120
_ELLIPSIS = "\u2026"



@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``quoteattr evaluate`` prints."""

    scores: Scores
    by: By | None
    breakdown: tuple[GroupScore, ...]
    calibration: Calibration | None
    resolved: ResolvedAccuracy | None
    error_counts: tuple[tuple[ErrorType, int], ...]
    errors: tuple[ErrorCase, ...]
    errors_asked: int
    name_calibration: NameCalibration | None = None
    """By confidence band, the share of attributions with the right name."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"scores": self.scores.to_dict()}
        if self.by is not None:
            out[f"by_{self.by}"] = [g.to_dict() for g in self.breakdown]
        out["calibration"] = None if self.calibration is None else self.calibration.to_dict()
        out["name_calibration"] = (None if self.name_calibration is None
                                   else self.name_calibration.to_dict())
        out["resolved_speakers"] = None if self.resolved is None else self.resolved.to_dict()
        out["error_counts"] = dict(self.error_counts)
        if self.errors_asked:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out

    def to_table(self) -> str:
        """Aligned plain-text tables, one block per part; no trailing newline."""
        return "\n\n".join(_report_blocks(self))


def _report_blocks(report: Report) -> list[str]:
    s = report.scores
    blocks = [
        "\n".join(_columns(
            [("", "P", "R", "F1"),
             ("quotes", _pct(s.quote_p), _pct(s.quote_r), _pct(s.quote_f1)),
             ("attribution", _pct(s.attr_p), _pct(s.attr_r), _pct(s.attr_f1)),
             ("name attribution", _pct(s.name_attr_p), _pct(s.name_attr_r),
              _pct(s.name_attr_f1))],
        ) + [
            f"speaker accuracy on matched quotes: {_pct(s.speaker_accuracy)} "
            f"({s.correct} of {s.matched})",
            f"documents: {s.docs} ({s.docs_missing_in_pred} missing in the predictions); "
            f"gold quotes: {s.gold_quotes} ({s.gold_with_speaker} with a speaker); "
            f"predicted: {s.pred_quotes}; matched: {s.matched}",
        ])
    ]
    if s.pred_docs_not_in_gold:
        blocks[0] += (f"\npredictions for {s.pred_docs_not_in_gold} documents not in the "
                      "gold were ignored")
    if report.by is not None:
        rows: list[tuple[str, ...]] = [(report.by, "predicted", "matched", "correct", "attr P")]
        rows += [(one_line(g.group), str(g.predicted), str(g.matched), str(g.correct),
                  _pct(g.precision)) for g in report.breakdown]
        rows.append(("all", str(s.pred_quotes), str(s.matched), str(s.correct), _pct(s.attr_p)))
        blocks.append("\n".join(_columns(rows)))
    if report.calibration is not None:
        c = report.calibration
        rows = [("confidence", "predicted", "correct", "attr P", "mean conf")]
        rows += [(b.label, str(b.predicted), str(b.correct), _pct(b.precision),
                  "-" if b.mean_confidence is None else f"{b.mean_confidence:.2f}")
                 for b in c.bands]
        blocks.append("\n".join([
            *_columns(rows),
            f"attribution precision at confidence >= {c.threshold}: {_pct(c.precision)} "
            f"({c.correct} of {c.predicted})",
        ]))
    if report.name_calibration is not None:
        nc = report.name_calibration
        rows = [("confidence", "attributed", "matched", "judged", "name right", "share",
                 "mean conf", "gap")]
        rows += [(b.label, str(b.attributed), str(b.matched), str(b.judged),
                  str(b.name_right), "-" if b.share is None else _pct(b.share),
                  "-" if b.mean_confidence is None else f"{b.mean_confidence:.2f}",
                  "-" if b.gap is None else f"{b.gap:+.1f}")
                 for b in nc.bands]
        blocks.append("\n".join([
            "name calibration: estimated share of attributed quotes whose resolved NAME is "
            "right (matched/attributed x right/judged; judged: the gold writes the speaker "
            "as a name)",
            *_columns(rows),
            f"mean gap between share and confidence: {nc.mean_gap:.1f} points "
            f"({nc.name_right} of {nc.judged} judged names right, {nc.matched} of "
            f"{nc.attributed} attributed quotes matched)",
        ]))
    if report.resolved is not None:
        r = report.resolved
        rows = [("gold mention", "quotes", "right", "accuracy")]
        rows += [(g.group, str(g.total), str(g.correct), _pct(g.accuracy))
                 for g in r.by_mention]
        rows.append(("all", str(r.total), str(r.correct), _pct(r.accuracy)))
        blocks.append("\n".join([
            f"resolved speakers ({', '.join(r.kinds)} quotes with a named speaker; "
            "exact span and same name)",
            *_columns(rows),
        ]))
    if report.errors_asked:
        counts = ", ".join(f"{t} {n}" for t, n in report.error_counts)
        total = sum(n for _, n in report.error_counts)
        lines = [f"errors: {len(report.errors)} worst of {total} ({counts})"]
        for n, e in enumerate(report.errors, start=1):
            lines.extend(_error_lines(n, e))
        blocks.append("\n".join(lines))
    return blocks


def _error_lines(n: int, e: ErrorCase) -> list[str]:
    conf = "-" if e.confidence is None else f"{e.confidence:.2f}"
    gold = _who(e.gold_speaker, e.gold_mention)
    pred = _who(e.pred_speaker, e.pred_mention)
    # Full-length context was most likely cut from a longer text.
    cut_before = _ELLIPSIS if len(e.before) == _CONTEXT else ""
    cut_after = _ELLIPSIS if len(e.after) == _CONTEXT else ""
    return [
        f"{n}. {e.type}  {one_line(e.doc_id)}  {e.start}-{e.end}  "
        f"rule {one_line(e.rule or '-')}  confidence {conf}",
        f"   gold: {gold}  predicted: {pred}",
        f"   {cut_before}{one_line(e.before)}\u00ab{_shorten(one_line(e.quote), _QUOTE_WIDTH)}"
        f"\u00bb{one_line(e.after)}{cut_after}",
    ]


def _who(speaker: str | None, mention: str | None) -> str:
    name = one_line(speaker) if speaker else "(none)"
    return f"{name} ({one_line(mention)!r})" if mention else name


def _pct(value: float) -> str:
    return f"{value:.1f}"


def _shorten(text: str, width: int) -> str:
    """Cut the middle of ``text`` to ``width`` characters: a quote's start and end both tell."""
    if len(text) <= width:
        return text
    half = (width - 1) // 2
    return text[:half].rstrip() + _ELLIPSIS + text[len(text) - (width - 1 - half) :].lstrip()


def _columns(rows: Sequence[Sequence[str]]) -> list[str]:
    """First column left-aligned, the others (numbers) right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
