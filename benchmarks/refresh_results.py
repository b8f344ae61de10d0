"""Rerun every command shown in docs/results.md and put its fresh output under it.

Usage: python benchmarks/refresh_results.py [PAGE]   (default: docs/results.md)

A block is refreshed when it is a fenced block whose first line is ``$ quoteattr ...`` or
``$ python benchmarks/...`` (a command continued with a trailing backslash may span lines)
and names no file that is missing (e.g. a saved prediction file from an old commit); other
blocks are left alone. The page's "run at commit `...`" names the commit the numbers came
from, so it is set to the current HEAD. Run from the repository root with ``shared/``
beside it.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

_BLOCK = re.compile(r"^```\n(\$ (?:quoteattr|python benchmarks/)(?:[^\n]*\\\n)*[^\n]*\n)(.*?)^```",
                    re.MULTILINE | re.DOTALL)


def _command(first: str) -> list[str]:
    line = first[2:].replace("\\\n", " ")
    args = shlex.split(line)
    if args[0] == "quoteattr":
        return [sys.executable, "-m", "quoteattr", *args[1:]]
    return [sys.executable, *args[1:]]


def _refresh(match: re.Match[str]) -> str:
    first = match.group(1)
    args = _command(first)
    if any(a.endswith((".jsonl", ".txt")) and not Path(a).exists() for a in args):
        return match.group(0)  # a historical block: its inputs are gone
    run = subprocess.run(args, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        print(f"failed ({run.returncode}): {first.strip()}\n{run.stderr}", file=sys.stderr)
        return match.group(0)
    print(f"refreshed: {first.strip()}", file=sys.stderr)
    return f"```\n{first}{run.stdout.rstrip()}\n```"


def main() -> int:
    page = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/results.md")
    text = page.read_text(encoding="utf-8")
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    text = re.sub(r"run at commit `[0-9a-f]+`", f"run at commit `{head}`", text, count=1)
    page.write_text(_BLOCK.sub(_refresh, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
