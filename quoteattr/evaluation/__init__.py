"""Scoring against annotated gold data: quote spans, speakers, and where the errors are.

Gold data is JSON lines (``docs/evaluation.md``); predictions come from an
:class:`~quoteattr.Attributor` or from a saved file in the format
``benchmarks/run_eval.py`` writes. The metrics are the project's reference
definitions (``shared/eval/README.md``), rounding included, so a figure printed
here can be set beside one printed by the reference scorer:

- a predicted quote matches a gold quote when their spans overlap by at least
  half of their union (Jaccard >= 0.5), one-to-one, taken greedily from the
  largest overlap down;
- a prediction mostly inside an unscored span (a partial or nested quote the
  gold chose not to score) that matches no gold quote is ignored;
- the speaker of a matched quote is right when the predicted mention overlaps a
  gold speaker mention, or when the two names share a name word (titles and
  pronouns do not count);
- a (quote, speaker) pair counts for attribution when both are right;
- for ``name_attr_F1``, stricter, the predicted NAME must share a name word with the
  gold speaker (the mention decides only where the gold speaker has no name word), and
  :meth:`Evaluation.name_calibration` sets the share of right names against the
  confidence, band by band.

Everything here is a pure function of its inputs except :func:`predict`, which
runs the attributor; reading and writing files is the caller's job.

The modules, in import order: ``words`` (the scoring word lists), ``formats``
(gold and prediction records, parsing), ``runner`` (:func:`predict`), ``matching``
(alignment and the speaker rule), ``results`` (the result records), ``report`` (the
:class:`Report` and it as text) and ``analysis`` (:func:`evaluate`, :class:`Evaluation`).
"""

from __future__ import annotations

from .analysis import Evaluation, NameOutcome, evaluate
from .formats import (
    KINDS,
    GoldDocument,
    GoldQuote,
    PredictedDocument,
    PredictedQuote,
    parse_gold,
    parse_predictions,
)
from .formats import Offsets as Offsets
from .report import Report
from .results import (
    BY,
    ERROR_TYPES,
    Calibration,
    ConfidenceBand,
    ErrorCase,
    GroupScore,
    NameBand,
    NameCalibration,
    ResolvedAccuracy,
    ResolvedGroup,
    Scores,
)
from .results import By as By
from .results import ErrorType as ErrorType
from .runner import predict

# The type aliases By, ErrorType and Offsets stay importable (``as`` re-exports them for
# mypy) but, as before the split, are not in ``__all__``.
__all__ = [
    "BY",
    "ERROR_TYPES",
    "KINDS",
    "Calibration",
    "ConfidenceBand",
    "ErrorCase",
    "Evaluation",
    "GoldDocument",
    "GoldQuote",
    "GroupScore",
    "NameBand",
    "NameCalibration",
    "NameOutcome",
    "PredictedDocument",
    "PredictedQuote",
    "Report",
    "ResolvedAccuracy",
    "ResolvedGroup",
    "Scores",
    "evaluate",
    "parse_gold",
    "parse_predictions",
    "predict",
]
