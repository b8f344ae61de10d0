"""mkdocs hook: show Sphinx cross-reference roles in docstrings as plain code.

The docstrings use Sphinx roles (``:class:`Found```, ``:meth:`~a.b.C.m```) so they
read well in an editor and in ``help()``; mkdocstrings renders them as the role name
followed by code. This hook keeps the code and drops the role, and a leading ``~``
shortens the target to its last part, as Sphinx does.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):<code>(~?)([^<]+)</code>")


def _code(match: re.Match[str]) -> str:
    target = match.group(2)
    if match.group(1):
        target = target.rsplit(".", 1)[-1]
    return f"<code>{target}</code>"


def on_page_content(html: str, **_: Any) -> str:
    """Rewrite each rendered role (mkdocs calls this once per page)."""
    return _ROLE.sub(_code, html)
