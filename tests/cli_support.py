"""The real command in a subprocess, shared by the CLI test modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run ``python -m quoteattr.cli`` and decode its output as UTF-8 (the CLI's contract)."""
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr.cli", *args],
        cwd=cwd, input=stdin, capture_output=True, timeout=120, check=False,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )
