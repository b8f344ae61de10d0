"""Making predictions: run an :class:`~quoteattr.Attributor` over the gold texts.

The only part of the scorer that runs the engine (everything else is a pure function of
gold and predictions), so the rest of the package never imports the pipeline. Hands on
:class:`~quoteattr.evaluation.formats.PredictedDocument` records, the same ones a saved
predictions file gives.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..pipeline import Attributor
from ..records import DocumentResult
from .formats import _DEFAULT_KINDS, GoldDocument, PredictedDocument, PredictedQuote, _check_kinds

__all__ = ["predict"]


def predict(
    gold: Iterable[GoldDocument],
    attributor: Attributor | None = None,
    *,
    kinds: Collection[str] = _DEFAULT_KINDS,
) -> tuple[PredictedDocument, ...]:
    """Run ``attributor`` (a default one if None) over each gold text; keep quotes of ``kinds``.

    The records are those ``benchmarks/run_eval.py`` writes, so scoring them here
    or with the reference scorer gives the same figures.
    """
    wanted = _check_kinds(kinds)
    attributor = attributor if attributor is not None else Attributor()
    return tuple(
        _from_result(doc.doc_id, attributor.attribute(doc.text, doc_id=doc.doc_id), wanted)
        for doc in gold
    )


def _from_result(doc_id: str, result: DocumentResult, kinds: frozenset[str]) -> PredictedDocument:
    return PredictedDocument(doc_id, tuple(
        PredictedQuote(
            start=q.start, end=q.end,
            speaker=q.speaker.name if q.speaker else None,
            speaker_start=q.mention.start if q.mention else None,
            speaker_end=q.mention.end if q.mention else None,
            rule=q.rule, kind=q.kind, confidence=q.confidence,
        )
        for q in result.quotes if q.kind in kinds
    ))
