"""Character spans into the caller's original string, and helpers over them."""

from __future__ import annotations

from dataclasses import dataclass

INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
"""Zero-width characters (a byte-order mark, zero-width spaces) that count as blank space."""
BLANK = " \t\r\n\f\v\u00a0\u2028\u2029" + INVISIBLE
"""Characters stripped around clauses: whitespace plus the invisible ones."""


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of Python str offsets into the original text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def slice(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start : self.end]
