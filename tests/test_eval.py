"""Accuracy on the shared PolNeAR dev split, scored by the reference scorer.

The evaluation data lives outside the repository (../shared/eval beside the
checkout); the test is skipped where it is absent. The floors are issue #2's
acceptance bar; the measured figures are in the README.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import quoteattr

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
DEV = EVAL_DIR / "polnear-dev.jsonl"

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="../shared/eval is not present")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", EVAL_DIR / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(gold: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    attributor = quoteattr.Attributor()
    pred = {}
    for doc_id, doc in gold.items():
        result = attributor.attribute(doc["text"], doc_id=doc_id)
        pred[doc_id] = {"doc_id": doc_id, "quotes": [
            {"start": q.start, "end": q.end,
             "speaker": q.speaker.name if q.speaker else None,
             "speaker_start": q.mention.start if q.mention else None,
             "speaker_end": q.mention.end if q.mention else None}
            for q in result.quotes if q.kind == "direct"
        ]}
    return pred


def test_dev_accuracy_meets_the_bar() -> None:
    scorer = _scorer()
    gold = scorer.read_jsonl(str(DEV))
    scores = scorer.score(gold, _predict(gold), 0.5)
    print(json.dumps(scores))
    assert scores["quote_F1"] >= 93.0
    assert scores["attr_F1"] >= 88.0
