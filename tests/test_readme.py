"""The Python examples of the README and of the docs' front page run as written.

A new user copies the quickstart into a notebook first; a name it uses without defining,
or a field it reads that the records no longer have, must fail here, not there.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "docs" / "index.md"]
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _python_blocks(page: Path) -> list[str]:
    return _PYTHON_BLOCK.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_python_example_runs_from_the_repository_root(page: Path) -> None:
    blocks = _python_blocks(page)
    assert blocks, f"{page.name} has no python example"
    old = Path.cwd()
    os.chdir(ROOT)  # the examples open fixtures/ by a relative path, as a user in a clone would
    try:
        for block in blocks:
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(block, f"{page.name} example", "exec"), {})  # noqa: S102
            assert printed.getvalue(), "an example that prints nothing shows the user nothing"
    finally:
        os.chdir(old)
