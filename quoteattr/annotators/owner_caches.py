"""A cache per owning object (a lexicon's name finder, a spaCy string store), kept by id.

The owners are neither hashable by value nor weak-referenceable in every version, so the
cache is held under ``id(owner)`` beside the owner itself: an id reused by a new object
after the old one died is told apart by the identity check, and the few owners a process
has (a lexicon or two, a pipeline or two) bound the table.
"""

from __future__ import annotations

from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")

MOST_OWNERS = 8
"""Owners held at once before the table starts afresh (a process rarely has more)."""


def cache_of(caches: dict[int, tuple[Any, dict[K, V]]], owner: object) -> dict[K, V]:
    """``owner``'s cache in ``caches``, made empty the first time it is asked for."""
    held = caches.get(id(owner))
    if held is None or held[0] is not owner:
        if len(caches) >= MOST_OWNERS:
            caches.clear()
        held = caches[id(owner)] = (owner, {})
    return held[1]


__all__ = ["MOST_OWNERS", "cache_of"]
