"""Every docstring example in the package runs and prints what it shows.

Examples are the first code a reader trusts; a stale one is a bug. The walk covers every
module, so a new module's examples are checked without a line here.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import quoteattr


def _modules() -> list[str]:
    """Every module of the package but ``__main__``, whose import runs the command line."""
    found = pkgutil.walk_packages(quoteattr.__path__, "quoteattr.")
    return sorted(info.name for info in found if not info.name.endswith(".__main__"))


@pytest.mark.parametrize("name", ["quoteattr", *_modules()])
def test_docstring_examples_of(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_package_docstring_has_a_runnable_example() -> None:
    assert doctest.testmod(quoteattr).attempted > 0
