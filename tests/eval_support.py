"""The shared evaluation folder beside the checkout, its reference scorer and the
calibration script, for tests.

Tests that compare quoteattr's scores with ``../shared/eval/score.py`` load it here, once
per test module, and skip when the folder is absent (as on a fresh clone in CI).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"


def load_reference() -> ModuleType | None:
    """``score.py`` of the shared evaluation folder as a module, or None without it."""
    path = EVAL_DIR / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("reference_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_calibrate_script(name: str) -> ModuleType:
    """``benchmarks/calibrate.py`` as a fresh module registered as ``name`` (its dataclass
    looks itself up in ``sys.modules``); each call loads it anew, so a test's changes to it
    stay in that test."""
    path = ROOT / "benchmarks" / "calibrate.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_eval_scores(gold: Path, pred: Path, *options: str) -> dict[str, float]:
    """The scores ``benchmarks/run_eval.py`` prints for ``gold`` (its last output line),
    run as a user runs it, with its predictions written to ``pred``."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_eval.py"), str(gold), *options,
         "--pred", str(pred)],
        check=True, capture_output=True, text=True,
    )
    scores: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return scores
