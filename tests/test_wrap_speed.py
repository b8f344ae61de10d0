"""wrap.hard_wrapped, which translates line breaks only when a text holds other ones than
LF, gives the answer of the plain per-line reading on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import wrap


def _plain_hard_wrapped(text: str) -> bool:
    """The per-line reading, without the early exit."""
    if "\n" not in text and "\r" not in text:
        return False
    lines = text.replace("\r\n", "\n").translate(wrap._NEWLINES).split("\n")
    lengths = [len(line.strip()) for line in lines]
    full = [n for n in lengths if n]
    if len(full) < wrap._MIN_LINES or len(full) == len(lengths):
        return False
    if sum(n > wrap._MAX_WIDTH for n in full) * 20 > len(full):
        return False
    in_block = filled = 0
    for i, n in enumerate(lengths[:-1]):
        if n and lengths[i + 1]:
            in_block += 1
            filled += n >= wrap._FILLED
    return in_block * 3 >= len(full) and filled * 2 >= in_block


_LINE = st.builds(lambda indent, n, tail: indent + "w" * n + " " * tail,
                  st.sampled_from(["", "", "  ", "\t", "\u00a0", "\x1c", "\u3000 "]),
                  st.sampled_from([0, 0, 30, 60, 95, 99, 100, 101, 102, 150]),
                  st.sampled_from([0, 1]))


@settings(max_examples=400)
@given(lines=st.lists(_LINE, max_size=40), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_the_fast_reading_agrees_with_the_plain_one(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert wrap.hard_wrapped(text) == _plain_hard_wrapped(text)
