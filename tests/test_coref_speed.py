"""The fast paths of coreference agree with the plain formulations they replace."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.coref import _buckets, _outside_quotes

_SORTED = st.lists(st.integers(0, 60), max_size=40).map(sorted)


@st.composite
def _quotes(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """Quotes sorted by start; they may be empty, share a start, nest or overlap."""
    starts = sorted(draw(st.lists(st.integers(0, 60), max_size=8)))
    ends = [s + draw(st.integers(0, 25)) for s in starts]
    return starts, ends


def _inside(starts: list[int], ends: list[int], position: int) -> bool:
    """The per-position test ``_outside_quotes`` replaces: strictly inside the last quote
    starting at or before ``position``."""
    k = bisect_right(starts, position) - 1
    return k >= 0 and starts[k] < position < ends[k]


@settings(max_examples=3000, deadline=None)
@given(positions=_SORTED, quotes=_quotes())
def test_outside_quotes_keeps_what_the_per_position_test_keeps(
    positions: list[int], quotes: tuple[list[int], list[int]]
) -> None:
    starts, ends = quotes
    plain = [k for k, p in enumerate(positions) if not _inside(starts, ends, p)]
    assert _outside_quotes(positions, starts, ends) == plain


def test_outside_quotes_edges() -> None:
    # a mention at a quote's start or end is outside it; one inside it is not
    assert _outside_quotes([0, 5, 6, 9, 10, 11], [5], [10]) == [0, 1, 4, 5]
    # the later of two overlapping quotes decides from its start on
    assert _outside_quotes([3, 7, 12], [0, 6], [20, 8]) == [2]
    assert _outside_quotes([], [1], [4]) == []
    assert _outside_quotes([1, 2], [], []) == [0, 1]


@settings(max_examples=3000, deadline=None)
@given(positions=_SORTED, bounds=_SORTED)
def test_buckets_bisect_each_position(positions: list[int], bounds: list[int]) -> None:
    assert _buckets(positions, bounds) == [bisect_right(bounds, p) - 1 for p in positions]
