"""The package type-checks under ``mypy --strict`` and passes the project's ruff rules.

Both tools come with the ``dev`` extra; each check is skipped only where its tool is
not installed, so CI (which installs the extra) always runs them.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy not installed")
def test_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "quoteattr"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff not installed")
def test_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "quoteattr", "tests", "benchmarks", "fixtures"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
