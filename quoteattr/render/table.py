"""Records -> a plain-text table for terminals: one row per quote, then the speakers.

Every cell is escaped to a single line (a newline becomes ``⏎``, control characters their
``\\x..`` form), so one quote is always one row and article text cannot drive the terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..records import DocumentResult

_QUOTE_WIDTH = 60
_ELLIPSIS = "\u2026"
_NEWLINE_MARK = "\u23ce"
_COLUMN_GAP = "  "
_QUOTE_HEADER = ("#", "span", "kind", "speaker", "rule", "conf", "quote")
_SPEAKER_HEADER = ("id", "name", "type", "titles")
# Everything str.splitlines() breaks on: a table row must never contain one.
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Bidi controls can reorder the rest of a row on screen, so they are shown, not obeyed.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def render_table(result: DocumentResult) -> str:
    """One row per quote, then a legend of the speakers; no trailing newline.

    Quote text is cut to about 60 characters with an ellipsis: the table is for
    scanning, and the JSON output has the full text and offsets.

    Example:

        >>> from quoteattr.records import DocumentResult
        >>> print(render_table(DocumentResult(doc_id="empty")))
        document: empty
        no quotes found
        speakers: none
    """
    lines: list[str] = []
    if result.doc_id is not None:
        lines.append(f"document: {one_line(result.doc_id)}")
    if result.quotes:
        rows = [
            (
                str(n),
                f"{q.start}-{q.end}",
                q.kind,
                one_line(q.speaker.name) if q.speaker else "-",
                one_line(q.rule),
                f"{q.confidence:.2f}",
                _shorten(one_line(q.text), _QUOTE_WIDTH),
            )
            for n, q in enumerate(result.quotes)
        ]
        lines.extend(_align([_QUOTE_HEADER, *rows]))
    else:
        lines.append("no quotes found")
    if result.speakers:
        speakers = [
            (
                one_line(s.id),
                one_line(s.name),
                s.type,
                "; ".join(one_line(t) for t in s.titles) or "-",
            )
            for s in result.speakers
        ]
        lines.append("")
        lines.append("speakers:")
        lines.extend(_align([_SPEAKER_HEADER, *speakers]))
    else:
        lines.append("speakers: none")
    return "\n".join(lines)


_SHOWN_ESCAPED = ("Cc", "Cs")
"""Unicode categories shown as their ``\\x..``/``\\udXXX`` escape: controls, and surrogate
code points, which no terminal, browser or UTF-8 file can hold."""


def one_line(text: str) -> str:
    """Escape ``text`` for one table cell: breaks become ⏎, controls become ``\\x..``."""
    out: list[str] = []
    previous = ""
    for char in text:
        if char == "\n" and previous == "\r":
            pass  # \r\n is one line break, already shown
        elif char in _LINE_BREAKS:
            out.append(_NEWLINE_MARK)
        elif char == "\t":
            out.append(" ")
        elif char in _BIDI_CONTROLS or unicodedata.category(char) in _SHOWN_ESCAPED:
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
        previous = char
    return "".join(out)


def _shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the last one an ellipsis when anything was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + _ELLIPSIS


def _display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide East Asian characters count 2, combining marks 0."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _align(rows: Sequence[Sequence[str]]) -> list[str]:
    """Pad every column but the last to its widest cell, so free text never adds padding."""
    widths = [max(_display_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [c + " " * (w - _display_width(c)) for c, w in zip(row[:-1], widths, strict=True)]
        lines.append(_COLUMN_GAP.join([*cells, row[-1]]).rstrip())
    return lines
