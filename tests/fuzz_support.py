"""Loads ``benchmarks/fuzz.py`` (a script, not a package module) for the tests that reuse
its text generator and invariant checks."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

FUZZ = Path(__file__).resolve().parent.parent / "benchmarks" / "fuzz.py"
SEED = 20261122
"""The seed of the recorded campaigns (docs/guarantees.md)."""


def fuzz_module() -> ModuleType:
    """The fuzz script as a module (loaded once, then taken from ``sys.modules``)."""
    name = "quoteattr_fuzz"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, FUZZ)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
