"""The scorer's word lists: words that never identify a speaker, and role-noun determiners.

Reads ``data/scoring/name_stopwords.tsv`` (titles, function words and pronouns, ignored
when two names are compared) and ``data/scoring/determiners.tsv`` (words that open a
role-noun mention: "the minister", "their lawyer") once each, and hands them on as frozen
sets. They sit apart from the engine's lexicons because only the scorer uses them, and
they follow the reference scorer's lists rather than the engine's needs.
"""

from __future__ import annotations

from functools import cache

from ..lexicon import read_table


@cache
def _name_stopwords() -> frozenset[str]:
    return frozenset(word for word, _ in _read_words("name_stopwords"))


@cache
def _pronouns() -> frozenset[str]:
    return frozenset(word for word, kind in _read_words("name_stopwords") if kind == "pronoun")


@cache
def _determiners() -> frozenset[str]:
    return frozenset(word for word, _ in _read_words("determiners"))


def _read_words(name: str) -> tuple[tuple[str, str], ...]:
    """(word, kind) rows of ``data/scoring/<name>.tsv``; a bad row names its file and line."""
    return tuple((r["word"].strip().lower(), r["kind"].strip())
                 for r in read_table(f"scoring/{name}"))
