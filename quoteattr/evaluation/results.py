"""The result records: scores, breakdowns, calibration, errors and the report.

Frozen records with the reference metrics as properties (percentages rounded to one
decimal, as the reference scorer rounds them) and a ``to_dict`` each for JSON output.
They hold counts only; :mod:`.analysis` computes them, and :mod:`.report` gathers them
into the :class:`~quoteattr.evaluation.report.Report` and renders it as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

__all__ = [
    "BY",
    "ERROR_TYPES",
    "By",
    "Calibration",
    "ConfidenceBand",
    "ErrorCase",
    "ErrorType",
    "GroupScore",
    "NameBand",
    "NameCalibration",
    "ResolvedAccuracy",
    "ResolvedGroup",
    "Scores",
]


By = Literal["rule", "kind"]
BY: tuple[By, ...] = get_args(By)
"""The ways :meth:`~quoteattr.evaluation.Evaluation.breakdown` can group predictions."""

ErrorType = Literal["wrong_speaker", "spurious", "missed"]
ERROR_TYPES: tuple[ErrorType, ...] = get_args(ErrorType)
"""Error types, in the order they rank among errors of equal confidence."""

_CONTEXT = 80
"""Characters of text kept on each side of an error's quote."""


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts and the reference metrics (percentages rounded to one decimal)."""

    docs: int
    docs_missing_in_pred: int
    pred_docs_not_in_gold: int
    gold_quotes: int
    gold_with_speaker: int
    pred_quotes: int
    """Predictions scored: those ignored inside unscored spans are not counted."""
    matched: int
    correct: int
    """Matched quotes whose speaker is right: the attribution true positives."""
    name_correct: int = 0
    """Matched quotes whose resolved NAME is right (the stricter rule of ``name_attr_F1``)."""

    @property
    def quote_p(self) -> float:
        return _prf(self.matched, self.pred_quotes, self.gold_quotes)[0]

    @property
    def quote_r(self) -> float:
        return _prf(self.matched, self.pred_quotes, self.gold_quotes)[1]

    @property
    def quote_f1(self) -> float:
        return _prf(self.matched, self.pred_quotes, self.gold_quotes)[2]

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes with the right speaker (a gold quote without one is wrong)."""
        return round(100 * self.correct / max(1, self.matched), 1)

    @property
    def attr_p(self) -> float:
        return _prf(self.correct, self.pred_quotes, self.gold_with_speaker)[0]

    @property
    def attr_r(self) -> float:
        return _prf(self.correct, self.pred_quotes, self.gold_with_speaker)[1]

    @property
    def attr_f1(self) -> float:
        return _prf(self.correct, self.pred_quotes, self.gold_with_speaker)[2]

    @property
    def name_attr_p(self) -> float:
        return _prf(self.name_correct, self.pred_quotes, self.gold_with_speaker)[0]

    @property
    def name_attr_r(self) -> float:
        return _prf(self.name_correct, self.pred_quotes, self.gold_with_speaker)[1]

    @property
    def name_attr_f1(self) -> float:
        """Like ``attr_f1``, but the resolved name must be right (see :mod:`.matching`)."""
        return _prf(self.name_correct, self.pred_quotes, self.gold_with_speaker)[2]

    def to_dict(self) -> dict[str, Any]:
        """The reference scorer's keys, then the extra counts."""
        return {
            "docs": self.docs, "docs_missing_in_pred": self.docs_missing_in_pred,
            "gold_quotes": self.gold_quotes, "pred_quotes": self.pred_quotes,
            "matched": self.matched,
            "quote_P": self.quote_p, "quote_R": self.quote_r, "quote_F1": self.quote_f1,
            "speaker_acc_on_matched": self.speaker_accuracy,
            "attr_P": self.attr_p, "attr_R": self.attr_r, "attr_F1": self.attr_f1,
            "name_attr_F1": self.name_attr_f1,
            "gold_with_speaker": self.gold_with_speaker, "correct": self.correct,
            "name_correct": self.name_correct, "name_attr_P": self.name_attr_p,
            "name_attr_R": self.name_attr_r,
            "pred_docs_not_in_gold": self.pred_docs_not_in_gold,
        }


@dataclass(frozen=True, slots=True)
class GroupScore:
    """The scored predictions of one rule or kind."""

    group: str
    predicted: int
    matched: int
    correct: int

    @property
    def precision(self) -> float:
        """Attribution precision: right (quote, speaker) pairs per prediction of the group."""
        return _percent(self.correct, self.predicted)

    def to_dict(self) -> dict[str, Any]:
        return {"group": self.group, "predicted": self.predicted, "matched": self.matched,
                "correct": self.correct, "attr_P": self.precision}


@dataclass(frozen=True, slots=True)
class ConfidenceBand:
    """Scored predictions whose confidence falls in [low, high)."""

    label: str
    low: float | None
    high: float | None
    predicted: int
    correct: int
    mean_confidence: float | None

    @property
    def precision(self) -> float:
        return _percent(self.correct, self.predicted)

    def to_dict(self) -> dict[str, Any]:
        mean = None if self.mean_confidence is None else round(self.mean_confidence, 3)
        return {"band": self.label, "low": self.low, "high": self.high,
                "predicted": self.predicted, "correct": self.correct,
                "attr_P": self.precision, "mean_confidence": mean}


@dataclass(frozen=True, slots=True)
class Calibration:
    """Attribution precision by confidence: does a high confidence mean a right speaker?"""

    threshold: float
    predicted: int
    """Scored predictions with confidence >= threshold."""
    correct: int
    bands: tuple[ConfidenceBand, ...]

    @property
    def precision(self) -> float:
        return _percent(self.correct, self.predicted)

    def to_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "predicted": self.predicted,
                "correct": self.correct, "attr_P": self.precision,
                "bands": [b.to_dict() for b in self.bands]}


@dataclass(frozen=True, slots=True)
class NameBand:
    """Attributed quotes whose confidence falls in [low, high) ([low, high] for the top
    band), and the estimated share of them with the right NAME."""

    label: str
    low: float
    high: float
    attributed: int
    """Scored predictions with a resolved speaker name and a confidence in the band."""
    matched: int
    """Of those, the ones matching a gold quote."""
    judged: int
    """Of the matched, those the gold can judge by name (``Evaluation.name_outcomes``)."""
    name_right: int
    """Of the judged, those with the name right."""
    mean_confidence: float | None
    """Mean confidence of the attributed ones; None when there are none."""

    @property
    def share(self) -> float | None:
        """Estimated percentage with the right name: matched/attributed x right/judged (a
        spurious quote has no right name; among matched quotes, the judged ones stand
        for all). None when none is judged."""
        if not self.judged:
            return None
        return round(100 * self.matched / self.attributed * self.name_right / self.judged, 1)

    @property
    def gap(self) -> float | None:
        """``share`` minus the mean confidence, in points: negative means overconfident."""
        if not self.judged or self.mean_confidence is None:
            return None
        share = self.matched / self.attributed * self.name_right / self.judged
        # + 0.0 turns a -0.0 into 0.0, so a table never shows "-0.0"
        return round(100 * (share - self.mean_confidence), 1) + 0.0

    def to_dict(self) -> dict[str, Any]:
        mean = None if self.mean_confidence is None else round(self.mean_confidence, 3)
        return {"band": self.label, "low": self.low, "high": self.high,
                "attributed": self.attributed, "matched": self.matched,
                "judged": self.judged, "name_right": self.name_right, "share": self.share,
                "mean_confidence": mean, "gap": self.gap}


@dataclass(frozen=True, slots=True)
class NameCalibration:
    """Does a confidence of 0.8 mean that 8 names in 10 are right? Per confidence band, the
    attributed quotes and the estimated share whose resolved speaker NAME is right."""

    bands: tuple[NameBand, ...]
    """Every band, highest first, empty ones included (``attributed`` 0)."""

    @property
    def attributed(self) -> int:
        return sum(b.attributed for b in self.bands)

    @property
    def matched(self) -> int:
        return sum(b.matched for b in self.bands)

    @property
    def judged(self) -> int:
        return sum(b.judged for b in self.bands)

    @property
    def name_right(self) -> int:
        return sum(b.name_right for b in self.bands)

    @property
    def mean_gap(self) -> float:
        """Mean of the bands' absolute gaps in points, weighted by how many quotes of each
        were judged (the evidence behind its share): the expected calibration error."""
        weighed = [(abs(b.gap), b.judged) for b in self.bands if b.gap is not None]
        total = sum(n for _, n in weighed)
        return round(sum(g * n for g, n in weighed) / total, 1) if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"attributed": self.attributed, "matched": self.matched,
                "judged": self.judged, "name_right": self.name_right,
                "mean_gap": self.mean_gap, "bands": [b.to_dict() for b in self.bands]}


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One error, with the text around it, for reading rather than counting."""

    doc_id: str
    type: ErrorType
    """``wrong_speaker`` (matched, speaker wrong or missing), ``spurious`` (a prediction
    that matches no gold quote) or ``missed`` (a gold quote no prediction matches)."""
    start: int
    """The gold quote's span; the prediction's for a spurious quote."""
    end: int
    quote: str
    before: str
    """Up to 80 characters of text before the quote."""
    after: str
    gold_speaker: str | None
    gold_mention: str | None
    pred_speaker: str | None
    pred_mention: str | None
    rule: str | None
    confidence: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "type": self.type, "start": self.start,
                "end": self.end, "quote": self.quote, "before": self.before,
                "after": self.after, "gold_speaker": self.gold_speaker,
                "gold_mention": self.gold_mention, "pred_speaker": self.pred_speaker,
                "pred_mention": self.pred_mention, "rule": self.rule,
                "confidence": self.confidence}


@dataclass(frozen=True, slots=True)
class ResolvedGroup:
    """Resolved-speaker accuracy for one way of naming the speaker."""

    group: str
    total: int
    correct: int

    @property
    def accuracy(self) -> float:
        return _percent(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"group": self.group, "total": self.total, "correct": self.correct,
                "accuracy": self.accuracy}


@dataclass(frozen=True, slots=True)
class ResolvedAccuracy:
    """Gold quotes whose exact span is predicted with the gold's canonical speaker name."""

    kinds: tuple[str, ...]
    total: int
    correct: int
    by_mention: tuple[ResolvedGroup, ...]
    """Split by the gold mention: pronoun, role noun, name, or no mention."""

    @property
    def accuracy(self) -> float:
        return _percent(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"kinds": list(self.kinds), "total": self.total, "correct": self.correct,
                "accuracy": self.accuracy, "by_mention": [g.to_dict() for g in self.by_mention]}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 as percentages rounded to one decimal, as the reference does."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def _percent(part: int, whole: int) -> float:
    return round(100 * (part / whole), 1) if whole else 0.0
