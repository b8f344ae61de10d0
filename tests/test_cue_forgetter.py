"""rules.base.CueForgetter: the per-window caches of a long text are trimmed as the quotes go
by, keep what a plain filter keeps in the same order, and do not hold their largest table."""

from __future__ import annotations

import sys

from quoteattr.rules.base import CueForgetter


def _windows(n: int) -> dict[tuple[int, int], int]:
    """A window per quote of a long text (as the kind test fills the cue cache first)."""
    return {(i * 100, i * 100 + 60): i for i in range(n)}


def test_forgetting_keeps_what_a_filter_keeps_in_order() -> None:
    cache = _windows(1000)
    forgetter = CueForgetter()
    for before in range(0, 100_000, 6_400):
        forgetter.forget(cache, before)
        expected = {k: v for k, v in _windows(1000).items() if k[1] >= before}
        assert list(cache.items()) == list(expected.items())


def test_by_start_forgets_the_windows_that_start_before() -> None:
    cache = _windows(10)
    CueForgetter(by_end=False).forget(cache, 250)
    assert list(cache) == [(i * 100, i * 100 + 60) for i in range(3, 10)]


def test_a_cache_trimmed_a_little_at_a_time_lets_its_big_table_go() -> None:
    """No single call drops three quarters of the entries, yet once that many are gone
    the dict no longer keeps the table its most entries needed."""
    cache = _windows(10_000)
    full = sys.getsizeof(cache)
    forgetter = CueForgetter()
    for step in range(1, 80):  # an eightieth of the windows at a time
        forgetter.forget(cache, step * 12_500)
    assert 0 < len(cache) < 10_000 // 4
    assert sys.getsizeof(cache) * 4 < full
    assert list(cache) == [k for k in _windows(10_000) if k[1] >= 79 * 12_500]
