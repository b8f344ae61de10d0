"""Confidence: the measured chance that a quote's resolved speaker NAME is right.

A rule's precision says how often it finds the right speaker phrase. What a reader acts on
is the name, and that also depends on how the phrase became a name: a name at the cue
("Kerry said") is almost always right, a pronoun or role noun only as right as coreference,
and a speaker carried forward from the quote before only as right as that quote and the
guess that nobody else spoke in between. So the confidence of an attribution is looked up
by (rule, resolution) in ``data/calibration/confidence.tsv``, where
``benchmarks/calibrate.py`` writes the share of right names it measured for each cell on
annotated news (rare cells shrunk toward their resolution's share). Re-run it whenever
the rules or coreference change; the header of the file says what it was fitted on.

Fiction has its own table, ``data/calibration/fiction.tsv``, used for a text read by
fiction's conventions (``genre="fiction"``, or "auto" on a chapter): the same rule and
resolution are right far less or far more often in a novel's dialogue than in news (a
speaker carried over a paragraph break is usually the other one's turn), so news cells
misstate fiction's names. It is fitted on the project's own fiction chapters (see
``benchmarks/calibrate.py --fit-fiction``); a cell it lacks falls back to the news table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import Literal, cast, get_args

from .context import QuoteContext
from .errors import LexiconError
from .lexicon import read_table
from .mentions import MentionIndex
from .records import DocumentResult
from .rules import Found

__all__ = ["CARRIED", "FICTION_TABLE", "RESOLUTIONS", "TABLE", "Resolution", "assess",
           "carried", "confidence_of", "confidence_table", "fiction_table", "genre_read",
           "resolution_of", "resolutions"]

Resolution = Literal["name", "name_variant", "pronoun", "role_noun", "unresolved",
                     "carried_forward", "carried_across"]
RESOLUTIONS: tuple[Resolution, ...] = get_args(Resolution)
"""How the speaker's name was reached: ``name`` (the cue's mention is the name shown),
``name_variant`` (a name at the cue, shown in a fuller form found elsewhere: "Kerry" ->
"John Kerry"), ``pronoun`` and ``role_noun`` (resolved by coreference to a named entity),
``unresolved`` (the entity has no name: "the mayor", "voices across Europe", a narrator's
"I"), ``carried_forward`` (taken from the quote just before, in the same paragraph) and
``carried_across`` (taken from the quote before, over a paragraph break)."""
CARRIED: frozenset[Resolution] = frozenset({"carried_forward", "carried_across"})

TABLE = "calibration/confidence"
"""The data file, as :func:`~quoteattr.lexicon.read_table` names it."""
FICTION_TABLE = "calibration/fiction"
"""The table for a text read as fiction (same columns)."""
COLUMNS = ("rule", "resolution", "confidence", "attributed", "matched", "judged", "right")


def resolution_of(mention_kind: str | None, head: str, name: str, *, named: bool) -> Resolution:
    """How the name ``name`` was reached from a cue mention of ``mention_kind`` ("name",
    "pronoun", "nominal", or None for a phrase that is no known mention) with bare text
    ``head``; ``named`` says whether the entity has a proper name at all. (A carried
    speaker is marked by the pipeline, which knows where the quote it came from stands.)"""
    if not named:
        return "unresolved"
    if mention_kind == "pronoun":
        return "pronoun"
    if mention_kind == "nominal":
        return "role_noun"
    if mention_kind != "name":
        return "unresolved"
    same = " ".join(head.split()).casefold() == " ".join(name.split()).casefold()
    return "name" if same else "name_variant"


@cache
def confidence_table() -> Mapping[tuple[str, str], float]:
    """(rule, resolution) -> confidence, read once from the data file and checked.

    Raises :class:`~quoteattr.LexiconError` naming the file and row for a missing column,
    an unknown resolution, a confidence outside [0, 1], counts that are not whole numbers
    (or not right <= judged <= matched <= attributed) and a cell given twice.
    """
    return _read(TABLE)


@cache
def fiction_table() -> Mapping[tuple[str, str], float]:
    """The cells for a text read as fiction, read once and checked as
    :func:`confidence_table`; a cell missing here is the news table's."""
    return MappingProxyType({**confidence_table(), **_read(FICTION_TABLE)})


def _read(name: str) -> Mapping[tuple[str, str], float]:
    rows = read_table(name)
    where = f"quoteattr/data/{name}.tsv"
    if rows and tuple(rows[0]) != COLUMNS:
        msg = f"{where}: expected columns {', '.join(COLUMNS)}, found {', '.join(rows[0])}"
        raise LexiconError(msg)
    table: dict[tuple[str, str], float] = {}
    for n, row in enumerate(rows, start=1):
        key = (row["rule"], row["resolution"])
        problem = _row_problem(row)
        if problem is None and key in table:
            problem = "the cell is given twice"
        if problem is not None:
            msg = f"{where} row {n} ({key[0]}, {key[1]}): {problem}"
            raise LexiconError(msg)
        table[key] = float(row["confidence"])
    return MappingProxyType(table)


def _row_problem(row: dict[str, str]) -> str | None:
    if not row["rule"]:
        return "the rule is empty"
    if row["resolution"] not in RESOLUTIONS:
        return f"resolution must be one of {', '.join(RESOLUTIONS)}"
    try:
        value = float(row["confidence"])
    except ValueError:
        return f"confidence {row['confidence']!r} is not a number"
    if not 0.0 <= value <= 1.0:
        return f"confidence {value} is outside [0, 1]"
    counts = [row[c] for c in COLUMNS[3:]]
    if not all(c.isdigit() for c in counts):
        return "attributed, matched, judged and right must be whole numbers"
    numbers = [int(c) for c in counts]
    if numbers != sorted(numbers, reverse=True):
        return "expected right <= judged <= matched <= attributed"
    return None


def confidence_of(
    rule: str, resolution: Resolution, own: float, origin: float | None,
    table: Mapping[tuple[str, str], float] | None = None, genre: str = "news",
) -> float:
    """The measured confidence of ``rule`` with ``resolution``, rounded to two decimals.

    For a carried resolution the table holds the chance that the speaker did not change,
    so it is multiplied by ``origin``, the confidence of the quote the speaker came from:
    a chain of carried quotes grows less sure at each step. ``own`` (the rule's precision)
    stands in for a cell the table lacks. ``table`` replaces the shipped one (for fitting);
    without it ``genre`` (the conventions the text was read by) picks fiction's or news'.
    """
    if table is None:
        table = fiction_table() if genre == "fiction" else confidence_table()
    cell = table.get((rule, resolution))
    if cell is None:
        return own
    if resolution in CARRIED and origin is not None:
        cell *= origin
    return round(cell, 2)


def carried(origin: QuoteContext, quote: QuoteContext) -> Resolution:
    """How a quote took the speaker of ``origin``, the quote before it: within a paragraph
    the speaker rarely changes; over a paragraph break, in dialogue, it often does."""
    same = origin.paragraph_index == quote.paragraph_index
    return "carried_forward" if same else "carried_across"


def assess(
    found: Found, carried: str | None, mentions: MentionIndex, name: str, named: bool,
    earlier: Sequence[float], genre: str = "news",
) -> tuple[Resolution, float]:
    """The resolution and confidence of an attribution whose entity is called ``name``
    (``named``: it has a proper name); ``carried`` is what :func:`carried` said for a quote
    that took its speaker from another, whose confidence is in ``earlier`` (those of the
    top-level quotes so far, in order); ``genre`` picks the table."""
    m = None if found.mention is None else mentions.mentions[found.mention]
    resolution = cast("Resolution | None", carried) or resolution_of(
        m.kind if m else None, m.head if m else "", name, named=named)
    origin = found.inherited_from
    own = earlier[origin] if origin is not None and origin < len(earlier) else None
    return resolution, confidence_of(found.rule, resolution, found.confidence, own,
                                     genre=genre)


def resolutions(result: DocumentResult) -> tuple[Resolution | None, ...]:
    """How each quote of ``result`` reached its speaker's name, in ``quotes`` order (None for
    a quote without a speaker); empty for a result the pipeline did not build. For
    calibration: the JSON output does not carry it."""
    return tuple(cast("Resolution | None", r) for r in result._resolutions)


def genre_read(result: DocumentResult) -> str:
    """The conventions ``result``'s text was read by ("news" or "fiction": what "auto" chose),
    which picked its confidence table; "news" for a result the pipeline did not build or
    found no quotation mark in."""
    return result._genre
