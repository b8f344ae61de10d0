"""docs/layout.md names every module and package of quoteattr, so the map stays whole."""

from __future__ import annotations

from pathlib import Path

import quoteattr

PACKAGE_DIR = Path(quoteattr.__file__).parent
LAYOUT = Path(__file__).parent.parent / "docs" / "layout.md"


def _rooms() -> list[str]:
    """Top-level modules as ``name.py`` and packages as ``name/``, as the page writes them."""
    modules = [p.name for p in PACKAGE_DIR.glob("*.py") if p.name not in ("__init__.py",
                                                                           "__main__.py")]
    packages = [p.name + "/" for p in PACKAGE_DIR.iterdir() if (p / "__init__.py").is_file()]
    return sorted(modules + packages)


def test_the_layout_page_names_every_room() -> None:
    page = LAYOUT.read_text(encoding="utf-8")
    missing = [room for room in _rooms() if f"`{room}`" not in page]
    assert missing == [], f"docs/layout.md does not place: {missing}"


def test_the_layout_page_names_no_room_that_is_gone() -> None:
    """A room the page names in back-quotes (``x.py`` or ``x/``) exists in the package."""
    import re

    page = LAYOUT.read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_]+(?:\.py|/))`", page))
    assert named - set(_rooms()) == set()
