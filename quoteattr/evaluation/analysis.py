"""Scoring: :func:`evaluate` and the :class:`Evaluation` it returns.

Takes gold documents and predictions, aligns them (:mod:`.matching`), and counts the
reference scores; :class:`Evaluation` keeps the alignment to break the scores down by
rule or kind, check calibration, rank the worst errors and measure resolved-speaker
accuracy. Hands on the records of :mod:`.results`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..errors import InputValueError
from .formats import (
    _DEFAULT_KINDS,
    GoldDocument,
    GoldQuote,
    PredictedDocument,
    PredictedQuote,
    _check_kinds,
)
from .matching import _align, _Aligned, _name_words
from .report import Report
from .results import (
    _CONTEXT,
    BY,
    ERROR_TYPES,
    By,
    Calibration,
    ConfidenceBand,
    ErrorCase,
    ErrorType,
    GroupScore,
    NameBand,
    NameCalibration,
    ResolvedAccuracy,
    ResolvedGroup,
    Scores,
)
from .words import _determiners, _pronouns

__all__ = ["Evaluation", "NameOutcome", "evaluate"]


_HIGH_CONFIDENCE = 0.9
_BANDS: tuple[tuple[str, float | None, float | None], ...] = (
    (">= 0.9", 0.9, None),
    ("0.8-0.9", 0.8, 0.9),
    ("0.7-0.8", 0.7, 0.8),
    ("0.5-0.7", 0.5, 0.7),
    ("< 0.5", None, 0.5),
)
"""Confidence bands: label, lower bound (inclusive), upper bound (exclusive); None is open."""
_NAME_BANDS: tuple[tuple[str, float, float], ...] = (
    ("0.9-1.0", 0.9, 1.0),
    ("0.8-0.9", 0.8, 0.9),
    ("0.7-0.8", 0.7, 0.8),
    ("0.6-0.7", 0.6, 0.7),
    ("0.5-0.6", 0.5, 0.6),
    ("0.0-0.5", 0.0, 0.5),
)
"""Bands of the name calibration: [low, high), the top one [0.9, 1.0]."""
_NO_CONFIDENCE = "none"
_NO_GROUP = "(none)"
_MENTION_TYPES = ("pronoun", "role noun", "name", "no mention")


def evaluate(
    gold: Iterable[GoldDocument],
    predictions: Iterable[PredictedDocument],
    *,
    min_overlap: float = 0.5,
) -> Evaluation:
    """Align predictions with the gold, document by document, by the rules of :mod:`.matching`.

    A gold document with no predictions counts as one where nothing was found;
    predictions for documents not in the gold are counted and otherwise ignored.
    Pairs are taken from the largest Jaccard overlap down, ties going to the later
    gold quote and then the later prediction (file order), as the reference does.
    """
    gold = tuple(gold)
    by_id: dict[str, PredictedDocument] = {}
    for p in predictions:
        if p.doc_id in by_id:
            msg = f"predictions for doc_id {p.doc_id!r} are given twice: doc_ids must be unique"
            raise InputValueError(msg)
        by_id[p.doc_id] = p
    gold_ids = {d.doc_id for d in gold}
    aligned = tuple(_align(doc, by_id.get(doc.doc_id), min_overlap) for doc in gold)
    n_matched = sum(len(a.matches) for a in aligned)
    scores = Scores(
        docs=len(gold),
        docs_missing_in_pred=sum(1 for d in gold if d.doc_id not in by_id),
        pred_docs_not_in_gold=sum(1 for doc_id in by_id if doc_id not in gold_ids),
        gold_quotes=sum(len(d.quotes) for d in gold),
        gold_with_speaker=sum(1 for d in gold for q in d.quotes if q.speaker),
        pred_quotes=sum(len(a.scored) for a in aligned),
        matched=n_matched,
        correct=sum(1 for a in aligned for m in a.matches if m.correct),
        name_correct=sum(1 for a in aligned for m in a.matches if m.name_correct),
    )
    return Evaluation(scores, aligned)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores of one prediction run, and the alignment behind them for closer looks."""

    scores: Scores
    _aligned: tuple[_Aligned, ...]

    def breakdown(self, by: By) -> tuple[GroupScore, ...]:
        """Scored predictions per ``rule`` or per ``kind``, largest group first.

        A prediction without the field is in group ``(none)``. Counts add up to
        ``scores.pred_quotes``, ``scores.matched`` and ``scores.correct``.
        """
        if by not in BY:
            msg = f"by must be one of {', '.join(BY)}, got {by!r}"
            raise InputValueError(msg)
        predicted: Counter[str] = Counter()
        matched: Counter[str] = Counter()
        correct: Counter[str] = Counter()
        for a in self._aligned:
            for p in a.scored:
                predicted[_group(p, by)] += 1
            for m in a.matches:
                group = _group(a.scored[m.pred], by)
                matched[group] += 1
                correct[group] += m.correct
        return tuple(
            GroupScore(g, n, matched[g], correct[g])
            for g, n in sorted(predicted.items(), key=lambda item: (-item[1], item[0]))
        )

    def calibration(self, *, threshold: float = _HIGH_CONFIDENCE) -> Calibration | None:
        """Attribution precision at confidence >= ``threshold`` and per confidence band.

        None when no prediction carries a confidence. Bands hold every scored
        prediction (those without a confidence in band ``none``), so they add up
        to ``scores.pred_quotes``.
        """
        rows: list[tuple[float | None, bool]] = [
            (p.confidence, right) for p, right in self._scored_with_outcome()
        ]
        if all(c is None for c, _ in rows):
            return None
        bands = []
        for label, low, high in (*_BANDS, (_NO_CONFIDENCE, None, None)):
            inside = [(c, r) for c, r in rows if _band(c) == label]
            if inside:
                known = [c for c, _ in inside if c is not None]
                bands.append(ConfidenceBand(
                    label, low, high, len(inside), sum(r for _, r in inside),
                    sum(known) / len(known) if known else None,
                ))
        high_rows = [r for c, r in rows if c is not None and c >= threshold]
        return Calibration(threshold, len(high_rows), sum(high_rows), tuple(bands))

    def name_calibration(self) -> NameCalibration | None:
        """The estimated share of attributions with the right NAME in each confidence band.

        Counts the scored predictions that name a speaker and carry a confidence, how many
        match a gold quote, and of those how many the gold can judge by name and how many
        have it right (see :meth:`name_outcomes`); the share is matched/attributed times
        right/judged. None when no prediction names a speaker with a confidence.
        """
        rows = [(o.prediction.confidence, o) for o in self.name_outcomes()
                if o.prediction.speaker and o.prediction.confidence is not None]
        if not rows:
            return None
        bands = []
        for n, (label, low, high) in enumerate(_NAME_BANDS):
            inside = [(c, o) for c, o in rows
                      if c >= low and (c < high or (n == 0 and c <= high))]
            mean = sum(c for c, _ in inside) / len(inside) if inside else None
            bands.append(NameBand(
                label, low, high, len(inside), sum(o.matched for _, o in inside),
                sum(o.judged for _, o in inside), sum(o.right for _, o in inside), mean))
        return NameCalibration(tuple(bands))

    def name_outcomes(self) -> Iterable[NameOutcome]:
        """Each scored prediction with whether it matched a gold quote and, if the gold can
        tell, whether its NAME is right: for calibration.

        A matched prediction is ``judged`` when the gold writes the speaker as a name (by
        the ``name_attr_F1`` rule) or gives none (then it is wrong); one whose gold speaker
        is a pronoun or a role phrase ("he", "the Florida senator") is not judged, since
        that gold says nothing about the name. A prediction matching no gold quote is not
        judged either: the gold never says how it would have written its speaker, so
        counting it as a judged wrong name would weigh spurious quotes most where the
        gold rarely names speakers (pronoun cues); it counts through ``matched`` instead.
        """
        for a in self._aligned:
            by_pred = {m.pred: m for m in a.matches}
            for j, p in enumerate(a.scored):
                m = by_pred.get(j)
                if m is None:
                    yield NameOutcome(a.doc.doc_id, p, False, False, False)
                    continue
                judged, right = _judged(a.doc.quotes[m.gold], m.name_correct)
                yield NameOutcome(a.doc.doc_id, p, True, judged, right)

    def errors(self, n: int | None = None) -> tuple[ErrorCase, ...]:
        """The ``n`` worst errors (all when None), worst first.

        Worst means the most confident wrong output: errors are sorted by the
        prediction's confidence, highest first (a missed quote, or a prediction
        without one, counts as 0); then wrong speaker before spurious before
        missed; then by document (gold order) and offset.
        """
        if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
            msg = f"n must be a non-negative int or None, got {n!r}"
            raise InputValueError(msg)
        ranked = sorted(self._error_cases(), key=lambda item: item[0])
        cases = tuple(case for _, case in ranked)
        return cases if n is None else cases[:n]

    def error_counts(self) -> tuple[tuple[ErrorType, int], ...]:
        """How many errors of each type: wrong_speaker = matched - correct, spurious =
        pred_quotes - matched, missed = gold_quotes - matched."""
        s = self.scores
        return (("wrong_speaker", s.matched - s.correct), ("spurious", s.pred_quotes - s.matched),
                ("missed", s.gold_quotes - s.matched))

    def resolved_speakers(
        self, *, kinds: Collection[str] = _DEFAULT_KINDS
    ) -> ResolvedAccuracy | None:
        """Accuracy of the resolved speaker name, where the gold gives ``all_quotes``.

        Counts the gold quotes of ``kinds`` that have a speaker; one is right when a
        prediction has exactly its span and the same name, compared case-insensitively
        with a leading "the " ignored. Split by the gold mention: a pronoun, a role noun
        (it starts with a determiner, a possessive or a lower-case word: "the minister",
        "Castrovia's top diplomat", "officials") or a name. None when no gold document
        has ``all_quotes``.
        """
        wanted = _check_kinds(kinds)
        docs = [a for a in self._aligned if a.doc.all_quotes is not None]
        if not docs:
            return None
        total: Counter[str] = Counter()
        correct: Counter[str] = Counter()
        for a in docs:
            names = {(p.start, p.end): _canonical(p.speaker) for p in a.predicted}
            for g in a.doc.all_quotes or ():
                if not g.speaker or (g.kind is not None and g.kind not in wanted):
                    continue
                group = _mention_type(a.doc.text, g)
                total[group] += 1
                correct[group] += names.get((g.start, g.end)) == _canonical(g.speaker)
        groups = tuple(ResolvedGroup(t, total[t], correct[t]) for t in _MENTION_TYPES if total[t])
        return ResolvedAccuracy(tuple(sorted(wanted)), sum(total.values()),
                                sum(correct.values()), groups)

    def report(
        self, *, by: By | None = None, errors: int = 0, kinds: Collection[str] = _DEFAULT_KINDS
    ) -> Report:
        """The scores with the calibration, resolved-speaker accuracy and the parts asked for."""
        return Report(
            scores=self.scores,
            by=by,
            breakdown=self.breakdown(by) if by is not None else (),
            calibration=self.calibration(),
            resolved=self.resolved_speakers(kinds=kinds),
            error_counts=self.error_counts(),
            errors=self.errors(errors) if errors else (),
            errors_asked=errors,
            name_calibration=self.name_calibration(),
        )

    # -- helpers ---------------------------------------------------------------------------

    def _scored_with_outcome(self) -> Iterable[tuple[PredictedQuote, bool]]:
        for a in self._aligned:
            right = {m.pred: m.correct for m in a.matches}
            for j, p in enumerate(a.scored):
                yield p, right.get(j, False)

    def _error_cases(self) -> Iterable[tuple[tuple[float, int, int, int], ErrorCase]]:
        rank = {t: n for n, t in enumerate(ERROR_TYPES)}
        for d, a in enumerate(self._aligned):
            by_gold = {m.gold: m for m in a.matches}
            by_pred = {m.pred for m in a.matches}
            for i, g in enumerate(a.doc.quotes):
                m = by_gold.get(i)
                if m is not None and m.correct:
                    continue
                p = a.scored[m.pred] if m is not None else None
                kind: ErrorType = "wrong_speaker" if m is not None else "missed"
                case = _case(a.doc, kind, g.start, g.end, g, p)
                yield ((-(p.confidence or 0.0) if p else 0.0), rank[kind], d, g.start), case
            for j, p in enumerate(a.scored):
                if j not in by_pred:
                    case = _case(a.doc, "spurious", p.start, p.end, None, p)
                    yield (-(p.confidence or 0.0), rank["spurious"], d, p.start), case


def _case(
    doc: GoldDocument, kind: ErrorType, start: int, end: int,
    g: GoldQuote | None, p: PredictedQuote | None,
) -> ErrorCase:
    text = doc.text
    gold_mention = None
    if g is not None and g.speaker_mentions:
        s, e = g.speaker_mentions[0]
        gold_mention = text[s:e]
    pred_mention = None
    if p is not None:
        if p.speaker_start is not None and p.speaker_end is not None:
            pred_mention = text[p.speaker_start : p.speaker_end]
        else:
            pred_mention = p.speaker_mention
    return ErrorCase(
        doc_id=doc.doc_id, type=kind, start=start, end=end, quote=text[start:end],
        before=text[max(0, start - _CONTEXT) : start], after=text[end : end + _CONTEXT],
        gold_speaker=g.speaker if g else None, gold_mention=gold_mention,
        pred_speaker=p.speaker if p else None, pred_mention=pred_mention,
        rule=p.rule if p else None, confidence=p.confidence if p else None,
    )


def _group(p: PredictedQuote, by: By) -> str:
    value = p.rule if by == "rule" else p.kind
    return value if value is not None else _NO_GROUP


def _band(confidence: float | None) -> str:
    """The label of the confidence band ``confidence`` falls in."""
    if confidence is None:
        return _NO_CONFIDENCE
    return next(
        label for label, low, high in _BANDS
        if (low is None or confidence >= low) and (high is None or confidence < high)
    )


def _canonical(name: str | None) -> str | None:
    """A name compared case-insensitively, with a leading "the " and extra spaces ignored."""
    if not name:
        return None
    return " ".join(name.split()).casefold().removeprefix("the ")


def _mention_type(text: str, g: GoldQuote) -> str:
    """How the gold mention names the speaker: pronoun, role noun, name, or no mention."""
    if not g.speaker_mentions:
        return "no mention"
    s, e = g.speaker_mentions[0]
    return _phrase_type(text[s:e])


class NameOutcome(NamedTuple):
    """One scored prediction, as name calibration sees it."""

    doc_id: str
    prediction: PredictedQuote
    matched: bool
    """It matches a gold quote."""
    judged: bool
    """Matched, and the gold can tell whether its NAME is right."""
    right: bool
    """Judged, and the name is right."""


def _judged(g: GoldQuote, name_correct: bool) -> tuple[bool, bool]:
    """Whether the gold quote matched by a prediction can tell if its NAME is right, and if
    so whether it is.

    A gold quote without a speaker makes any name wrong. Otherwise only a gold speaker
    written as a name ("Sen. Kerry", "Rosette Pambakian, a spokeswoman") can judge a name:
    where the gold gives "he" or "the Florida senator", the reference's name rule falls
    back on the mention or compares role words, and says nothing about whether the name
    shown is the right person.
    """
    if not g.speaker:
        return True, False
    if _phrase_type(g.speaker) == "name" and _name_words(g.speaker):
        return True, name_correct
    return False, False


def _phrase_type(phrase: str) -> str:
    """pronoun, role noun (after a determiner or possessive, or lower-case), name, or no
    mention (an empty phrase)."""
    words = phrase.split()
    if not words:
        return "no mention"
    if len(words) == 1 and words[0].lower() in _pronouns():
        return "pronoun"
    first = words[0]
    possessive = first.endswith(("'s", "\u2019s"))
    if first.lower() in _determiners() or possessive or first[0].islower():
        return "role noun"
    return "name"
