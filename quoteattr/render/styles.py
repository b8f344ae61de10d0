"""The HTML view's palette and inline styles: one colour per speaker id, in every run.

Styles are inline, because notebook front ends may drop ``<style>`` elements.
"""

from __future__ import annotations

import re
import zlib

# (fill, ink): a light fill that keeps dark text legible, and a darker shade of the same hue
# for underlines, borders and legend chips. Picked by speaker id, so S1 has one colour in
# every document and every run.
_PALETTE: tuple[tuple[str, str], ...] = (
    ("#b9e3fb", "#0b6aa2"),  # blue
    ("#ffd8a8", "#b35c00"),  # orange
    ("#c6efc0", "#2f7d32"),  # green
    ("#f8c8e0", "#a3306f"),  # pink
    ("#dcd0f7", "#5b3fa8"),  # violet
    ("#fbeea0", "#8a6d00"),  # yellow
    ("#bdeee9", "#11796f"),  # teal
    ("#f7cbbd", "#a8412a"),  # brick
    ("#dfe9b4", "#5f7012"),  # olive
    ("#cfd8f8", "#3450a8"),  # periwinkle
)
_GREY = ("#e3e3e3", "#575757")
_INK = "#1b1b1b"
_SPEAKER_NUMBER = re.compile(r"S([0-9]+)")

_WRAP_STYLE = "line-height:1.95;overflow-wrap:break-word"
_HEAD_STYLE = "margin:0 0 .6em;font-size:1.1em;font-weight:700;line-height:1.4"
_NOTE_STYLE = ("margin:.6em 0;padding:.45em .8em;border-left:4px solid #8a8a8a;"
               "background:#f3f3f3;color:#333;line-height:1.5")
_ERROR_STYLE = ("margin:.6em 0;padding:.45em .8em;border-left:4px solid #b3261e;"
                "background:#fbeaea;color:#5c1410;line-height:1.5")
_MARK_STYLE = ("color:" + _INK + ";border-radius:.3em;padding:.12em .22em;"
               "box-decoration-break:clone;-webkit-box-decoration-break:clone")
_LEGEND_STYLE = ("border-collapse:collapse;margin:0 0 1em;font-size:.9em;line-height:1.4;"
                 "font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif")
_CELL_STYLE = "padding:.2em .9em .2em 0;text-align:left;vertical-align:middle"
_HEADER_CELL_STYLE = _CELL_STYLE + ";font-weight:600;color:#555;border-bottom:1px solid #ccc"
_KEY_STYLE = ("margin:0 0 1.2em;font-size:.85em;color:#444;line-height:2;"
              "font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif")


def _colours(speaker_id: str | None) -> tuple[str, str]:
    """(fill, ink) for a speaker id: ``Sn`` takes the n-th colour, any other id a hash's."""
    if speaker_id is None:
        return _GREY
    match = _SPEAKER_NUMBER.fullmatch(speaker_id)
    n = int(match.group(1)) - 1 if match else zlib.crc32(speaker_id.encode("utf-8"))
    return _PALETTE[n % len(_PALETTE)]
