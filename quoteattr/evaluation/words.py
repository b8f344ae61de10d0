"""The scorer's word lists: words that never identify a speaker, and role-noun determiners.

Reads ``data/scoring/name_stopwords.tsv`` (titles, function words and pronouns, ignored
when two names are compared) and ``data/scoring/determiners.tsv`` (words that open a
role-noun mention: "the minister", "their lawyer") once each, and hands them on as frozen
sets. They sit apart from the engine's lexicons because only the scorer uses them, and
they follow the reference scorer's lists rather than the engine's needs.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..errors import LexiconError

_WORD_COLUMNS = ("word", "kind")


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
    path = f"data/scoring/{name}.tsv"
    try:
        raw = resources.files("quoteattr").joinpath(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        msg = f"scoring word list quoteattr/{path} is missing from the installation"
        raise LexiconError(msg) from exc
    rows: list[tuple[str, str]] = []
    header = True
    for line_no, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(_WORD_COLUMNS):
            msg = (f"quoteattr/{path} line {line_no}: expected 2 TAB-separated fields "
                   f"(word, kind), found {len(fields)}: {line!r}")
            raise LexiconError(msg)
        if header:
            if tuple(fields) != _WORD_COLUMNS:
                msg = (f"quoteattr/{path} line {line_no}: expected the column names "
                       f"{' and '.join(_WORD_COLUMNS)}, found {line!r}")
                raise LexiconError(msg)
            header = False
            continue
        rows.append((fields[0].strip().lower(), fields[1].strip()))
    return tuple(rows)
