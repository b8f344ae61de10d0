"""Session-scoped fixtures shared by the test modules.

Building the lexicon and the default attributor reads every data file, so each
is built once per session. ``find_quotes`` runs the quote-mark and pairing
stages the way the pipeline does, for tests of ``quotemarks.py`` and ``quotes.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quoteattr import Attributor
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.quotemarks import find_marks
from quoteattr.quotes import QuoteSpan, pair_quotes


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return default_lexicon()


@pytest.fixture(scope="session")
def annotator(lexicon: Lexicon) -> EmbeddedAnnotator:
    return EmbeddedAnnotator(lexicon)


@pytest.fixture(scope="session")
def attributor() -> Attributor:
    return Attributor()


@pytest.fixture(scope="session")
def find_quotes(
    lexicon: Lexicon, annotator: EmbeddedAnnotator
) -> Callable[[str], tuple[QuoteSpan, ...]]:
    """``text -> pair_quotes(text, find_marks(text, lex), paragraphs)``."""

    def run(text: str) -> tuple[QuoteSpan, ...]:
        paragraphs = annotator.annotate(text).paragraphs
        return pair_quotes(text, find_marks(text, lexicon), paragraphs)

    return run


@pytest.fixture(scope="session")
def quote_texts(
    find_quotes: Callable[[str], tuple[QuoteSpan, ...]],
) -> Callable[[str], list[str]]:
    """The text of every paired quote (marks included), in the order pair_quotes returns."""

    def run(text: str) -> list[str]:
        return [text[q.span.start : q.span.end] for q in find_quotes(text)]

    return run


@pytest.fixture
def parse_rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the parse-based rules run, so a test sees what they find on their own (the
    surface rules come first in RULES and would otherwise decide the easy cases)."""
    from quoteattr import rules

    parse_rules = tuple(r for r in rules.RULES if r.__module__.endswith(".parse"))
    monkeypatch.setattr(rules, "RULES", parse_rules)
    monkeypatch.setattr(rules, "_RULES_FOR", {})
