"""The documentation site (mkdocs.yml, docs/) builds with no warnings.

Skipped when mkdocs or mkdocstrings is not installed (``pip install -e ".[dev]"``
installs both). The build is ``mkdocs build --strict``, so a broken link, a nav entry
whose file is missing, or a docstring mkdocstrings cannot render fails it.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"


def _nav_files(nav: Any) -> set[str]:
    """Every Markdown file named anywhere in an mkdocs ``nav`` (nested sections too)."""
    found: set[str] = set()
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            found |= _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= _nav_files(value)
    return found


def _load_config() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")  # PyYAML comes with mkdocs

    # mkdocs.yml may use !ENV / !relative tags; a plain SafeLoader rejects unknown tags.
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    with CONFIG.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_Loader)
    assert isinstance(config, dict)
    return config


def _excluded(page: str, patterns: str) -> bool:
    """Whether ``page`` matches a line of mkdocs.yml's ``not_in_nav`` (simplified)."""
    for raw in patterns.splitlines():
        pattern = raw.strip().lstrip("/")
        if pattern and not pattern.startswith("#") and fnmatch.fnmatch(page, pattern):
            return True
    return False


def test_every_docs_page_is_in_the_nav() -> None:
    """A new docs/*.md page must be added to the nav (or listed under ``not_in_nav``).

    mkdocs itself only logs an INFO line for a page outside the nav, so without this
    test a new page would be built but unreachable from the site's menu.
    """
    config = _load_config()
    in_nav = _nav_files(config.get("nav"))
    not_in_nav = str(config.get("not_in_nav") or "")
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    missing = sorted(p for p in pages - in_nav if not _excluded(p, not_in_nav))
    assert not missing, (
        "docs pages missing from the mkdocs.yml nav: "
        + ", ".join(missing)
        + ". Add a line for each under `nav:` in mkdocs.yml, e.g. `  - Title: "
        + missing[0]
        + "`, or list the page under `not_in_nav:` if it is deliberately left out."
    )
    dangling = sorted(in_nav - pages)
    assert not dangling, (
        "mkdocs.yml nav names files that do not exist under docs/: "
        + ", ".join(dangling)
        + ". Remove those nav entries or add the pages."
    )


def test_site_builds_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    pytest.importorskip("mkdocstrings_handlers.python")
    site = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, (
        f"mkdocs build --strict failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    )
    api = site / "api" / "index.html"
    cli = site / "cli" / "index.html"
    assert api.is_file(), "the API reference page was not built"
    assert cli.is_file(), "the CLI reference page was not built"
    api_html = api.read_text(encoding="utf-8")
    # mkdocstrings rendered the objects (an unrendered page would hold the ::: lines).
    for anchor in ("quoteattr.attribute", "quoteattr.Attributor", "quoteattr.records.Quote"):
        assert f'id="{anchor}"' in api_html, f"API page lacks {anchor}"
    assert ":::" not in api_html
    assert "quoteattr extract" in cli.read_text(encoding="utf-8")
    # Sphinx roles become plain code (docs/hooks/sphinx_roles.py); doctests render as code.
    assert not re.search(r":(?:class|func|meth|attr|data|mod|exc):<code>", api_html)
    assert "<blockquote>" not in api_html
