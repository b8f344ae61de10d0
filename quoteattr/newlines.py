"""CRLF articles read exactly as their LF copies: collapse, attribute, map offsets back.

A CRLF is two characters where an LF is one. Kept as they are, a CRLF inside a wrapped
paragraph reads as two spaces ("the chief  executive"), which no phrase of the lexicons
matches, so the same article could get another speaker with Windows line ends. The
pipeline therefore attributes the LF copy and moves every offset of the result back into
the caller's string; each span's text is sliced from that string again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from .records import DocumentResult


def collapse_crlf(text: str) -> tuple[str, list[int]]:
    """``text`` with each CRLF made an LF, and the offsets (in the LF text) of those LFs."""
    positions: list[int] = []
    start = 0
    while (i := text.find("\r\n", start)) >= 0:
        positions.append(i - len(positions))
        start = i + 2
    return text.replace("\r\n", "\n"), positions


def original_offset(positions: Sequence[int], offset: int) -> int:
    """An offset into the LF text as one into the original: one more per CRLF before it."""
    return offset + bisect_left(positions, offset)


def on_original(result: DocumentResult, original: str, positions: Sequence[int]) -> DocumentResult:
    """``result`` (of the LF text) with every span moved onto ``original`` and re-sliced."""

    def move(value: Any) -> Any:
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys():
                start = original_offset(positions, value["start"])
                end = original_offset(positions, value["end"])
                value = {**value, "start": start, "end": end, "text": original[start:end]}
            return {k: move(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [move(v) for v in value]
        return value

    moved = DocumentResult.model_validate(move(result.model_dump()))
    return moved._attach_text(original, result._resolutions, result._genre)
