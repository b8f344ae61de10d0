"""The built-in name finder as the parse path uses it beside a parser's entities.

:func:`~.names.combine_entities` runs :class:`~.embedded.EmbeddedAnnotator`'s scan over
every parsed text, so the finder is made once per lexicon (:func:`finder_for`; it builds
tables from the lexicon), its names are classified only when asked for
(:class:`OwnNames`), and the spans of the names kept are made without the frozen
dataclass's ``__init__`` (:func:`new_spans`), as a page has hundreds.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Literal

from ..annotation import EntityLabel
from ..lexicon import Lexicon
from ..spans import Span
from .embedded import EmbeddedAnnotator
from .name_words import Word

_FINDERS: dict[int, tuple[Lexicon, EmbeddedAnnotator]] = {}


def finder_for(lexicon: Lexicon) -> EmbeddedAnnotator:
    """One built-in name finder per lexicon, made once (it builds tables from the lexicon)."""
    held = _FINDERS.get(id(lexicon))
    if held is None or held[0] is not lexicon:
        held = _FINDERS[id(lexicon)] = (lexicon, EmbeddedAnnotator(lexicon))
    return held[1]


_set_start = vars(Span)["start"].__set__  # the slots' descriptors: they skip __setattr__
_set_end = vars(Span)["end"].__set__


def new_spans(starts: Sequence[int], ends: Sequence[int]) -> list[Span]:
    """``Span(start, end)`` of each pair, made without the frozen dataclass's ``__init__``
    (a Python call setting each field through ``object.__setattr__``) and in bulk: ``map``
    calls the C functions (the object's ``__new__``, the slots' setters) itself, with no
    Python frame per span. Equal to those of ``Span(...)`` in every way."""
    spans = list(map(object.__new__, repeat(Span, len(starts))))
    deque(map(_set_start, spans, starts), maxlen=0)
    deque(map(_set_end, spans, ends), maxlen=0)
    return spans


Found = tuple[int, int, EntityLabel]
"""A finder's name: its start, end and label (``EmbeddedAnnotator._classified``)."""


class OwnNames:
    """The finder's names, one per run of capitalised words, each classified when first
    asked for (as start, end and label: no Span nor Entity is made for a name dropped)."""

    def __init__(self, text: str, runs: list[list[Word]],
                 classified: Callable[[str, list[Word]], Found | None]) -> None:
        self.text, self.runs, self.classified = text, runs, classified
        self.entities: list[Found | None | Literal[False]] = [False] * len(runs)  # not yet
        self.by_last_word: dict[str, list[int]] | None = None

    def entity(self, n: int) -> Found | None:
        entity = self.entities[n]
        if entity is False:
            entity = self.entities[n] = self.classified(self.text, self.runs[n])
        return entity

    def count(self, name: str, last_word: str) -> int:
        """How often the finder finds ``name``, whose last word is ``last_word``.

        A run's name ends with the run's last word, and no word holds a space, so only
        the runs ending with ``last_word`` are classified to count it."""
        if self.by_last_word is None:
            self.by_last_word = {}
            for n, run in enumerate(self.runs):
                self.by_last_word.setdefault(run[-1].text, []).append(n)
        text, count = self.text, 0
        for n in self.by_last_word.get(last_word, ()):
            entity = self.entity(n)
            if entity is not None and text[entity[0] : entity[1]] == name:
                count += 1
        return count


__all__ = ["OwnNames", "finder_for", "new_spans"]
