"""The shared evaluation folder beside the checkout and its reference scorer, for tests.

Tests that compare quoteattr's scores with ``../shared/eval/score.py`` load it here, once
per test module, and skip when the folder is absent (as on a fresh clone in CI).
"""

from __future__ import annotations

import importlib.util
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
