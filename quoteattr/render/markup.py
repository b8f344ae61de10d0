"""The plain dict of :mod:`.marks` -> HTML: every fragment escaped, spans nested properly.

Works from that dict alone, never from records. Overlapping spans are split at every
boundary, so the markup always nests properly whatever the offsets are.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from .marks import HtmlDoc, HtmlSpan, HtmlSpeaker
from .styles import (
    _CELL_STYLE,
    _ERROR_STYLE,
    _GREY,
    _HEAD_STYLE,
    _HEADER_CELL_STYLE,
    _KEY_STYLE,
    _LEGEND_STYLE,
    _MARK_STYLE,
    _NOTE_STYLE,
    _WRAP_STYLE,
    _colours,
)
from .table import _SHOWN_ESCAPED

_HTML_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _render_doc(doc: HtmlDoc) -> str:
    parts = ['<section class="quoteattr">']
    quotes = [s for s in doc["spans"] if s["role"] == "quote"]
    heading = f"{len(quotes)} quote{'' if len(quotes) == 1 else 's'}, " + (
        f"{len(doc['speakers'])} speaker{'' if len(doc['speakers']) == 1 else 's'}"
    )
    if doc["doc_id"] is not None:
        heading = f"{doc['doc_id']} \N{EM DASH} {heading}"
    parts.append(f'<div class="qa-head" style="{_HEAD_STYLE}"><bdi>{_esc(heading)}</bdi></div>')
    if doc["error"] is not None:
        parts.append(f'<p class="qa-error" style="{_ERROR_STYLE}">error: {_esc(doc["error"])}</p>')
    if doc["speakers"]:
        parts.append(_render_legend(doc["speakers"]))
    if quotes:
        parts.append(_render_key())
    if doc["note"] is not None:
        parts.append(f'<p class="qa-note" style="{_NOTE_STYLE}">{_esc(doc["note"])}</p>')
    if doc["text"] is not None:
        parts.append(f'<div class="qa-text" style="{_WRAP_STYLE}">'
                     f"{_markup(doc['text'], doc['spans'])}</div>")
    elif quotes:
        parts.append(_render_quote_list(doc["spans"]))
    elif doc["error"] is None:
        parts.append(f'<p class="qa-note" style="{_NOTE_STYLE}">No quotes found.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _markup(text: str, spans: Sequence[HtmlSpan]) -> str:
    """``text`` with every span wrapped in its element, split wherever spans cross.

    Between two consecutive boundaries the open elements must be exactly the spans that
    cover that stretch, outermost (earliest start, longest) first. Elements that stay open
    and keep their order are left alone; the rest are closed and reopened, so a partial
    overlap splits one span into pieces instead of producing tangled tags.
    """
    marked = [s for s in spans if s["start"] < s["end"]]
    order = {id(s): k for k, s in enumerate(marked)}  # spans are sorted outermost first
    starts: dict[int, list[HtmlSpan]] = {}
    for s in marked:
        starts.setdefault(s["start"], []).append(s)
    bounds = sorted({0, len(text)} | {s["start"] for s in marked} | {s["end"] for s in marked})
    out: list[str] = []
    stack: list[HtmlSpan] = []
    active: list[HtmlSpan] = []
    opened: set[int] = set()
    for a, b in pairwise(bounds):
        active = [s for s in active if s["end"] > a] + starts.get(a, [])
        active.sort(key=lambda s: order[id(s)])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</mark>" if s["role"] == "quote" else "</span>" for s in reversed(stack[keep:]))
        for s in active[keep:]:
            out.append(_open_tag(s, continued=id(s) in opened))
            opened.add(id(s))
        stack = active
        out.append(_text_html(text[a:b]))
    out.extend("</mark>" if s["role"] == "quote" else "</span>" for s in reversed(stack))
    return "".join(out)


def _open_tag(span: HtmlSpan, *, continued: bool) -> str:
    fill, ink = _colours(span["speaker"])
    title = _esc(span["title"])
    if span["role"] == "quote":
        classes = f"qa-quote qa-{span['kind']}" + (" qa-cont" if continued else "")
        return (f'<mark class="{_esc(classes)}" data-quote="{span["quotes"][0]}" '
                f'data-speaker="{_esc(span["speaker"] or "")}" title="{title}" '
                f'style="{_quote_style(span, fill, ink)}">')
    if span["role"] == "mention":
        style = (f"text-decoration-line:underline;text-decoration-style:solid;"
                 f"text-decoration-color:{ink};text-decoration-thickness:.14em;"
                 "text-underline-offset:.22em;font-weight:700")
    else:
        style = (f"text-decoration-line:underline;text-decoration-style:wavy;"
                 f"text-decoration-color:{ink};text-decoration-thickness:.07em;"
                 "text-underline-offset:.26em;font-style:italic")
    classes = f"qa-{span['role']}" + (" qa-cont" if continued else "")
    return (f'<span class="{classes}" data-quotes="{" ".join(map(str, span["quotes"]))}" '
            f'title="{title}" style="{style}">')


def _quote_style(span: HtmlSpan, fill: str, ink: str) -> str:
    if span["kind"] == "scare":  # not speech: outlined, never filled like a quote
        return f"{_MARK_STYLE};background:none;border:1.5px dotted {ink}"
    if span["kind"] == "nested":  # sits inside its parent's fill: a border sets it apart
        return f"{_MARK_STYLE};background:{fill};border:1.5px solid {ink}"
    return f"{_MARK_STYLE};background:{fill}"


def _render_legend(speakers: Sequence[HtmlSpeaker]) -> str:
    rows = [
        f'<table class="qa-legend" style="{_LEGEND_STYLE}"><thead><tr>'
        + "".join(f'<th style="{_HEADER_CELL_STYLE}">{h}</th>'
                  for h in ("", "speaker", "type", "titles", "quotes"))
        + "</tr></thead><tbody>"
    ]
    for s in speakers:
        fill, ink = _colours(s["id"])
        chip = (f'<span class="qa-chip" style="display:inline-block;width:1.1em;height:1.1em;'
                f'border-radius:.25em;vertical-align:middle;background:{fill};'
                f'border:1.5px solid {ink}"></span>')
        titles = "; ".join(_esc(t) for t in s["titles"]) or "\N{EN DASH}"
        rows.append(
            f'<tr class="qa-speaker" data-speaker="{_esc(s["id"])}">'
            f'<td style="{_CELL_STYLE}">{chip}</td>'
            f'<td style="{_CELL_STYLE};font-weight:600"><bdi>{_esc(s["name"])}</bdi></td>'
            f'<td style="{_CELL_STYLE}">{_esc(s["type"])}</td>'
            f'<td style="{_CELL_STYLE}"><bdi>{titles}</bdi></td>'
            f'<td style="{_CELL_STYLE};text-align:right">{s["quotes"]}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _render_key() -> str:
    """How to read the marks: the styles that colour alone cannot explain."""
    grey, ink = _GREY
    sample = f"{_MARK_STYLE};padding:.05em .35em"
    return (
        f'<div class="qa-key" style="{_KEY_STYLE}">'
        f'<mark style="{sample};background:{grey}">unattributed</mark> &nbsp; '
        f'<mark style="{sample};background:none;border:1.5px dotted {ink}">scare quote '
        "(not speech)</mark> &nbsp; "
        f'<span style="text-decoration-line:underline;text-decoration-thickness:.14em;'
        f'text-underline-offset:.22em;font-weight:700">speaker mention</span> &nbsp; '
        f'<span style="text-decoration-line:underline;text-decoration-style:wavy;'
        f'text-underline-offset:.26em;font-style:italic">speech cue</span> &nbsp; '
        '<span style="white-space:nowrap">hover a quote for speaker, rule, confidence</span>'
        "</div>"
    )


def _render_quote_list(spans: Sequence[HtmlSpan]) -> str:
    """The quotes alone, in order, when the article text is not available."""
    helpers: dict[int, list[HtmlSpan]] = {}
    for s in spans:
        if s["role"] != "quote":
            for n in s["quotes"]:
                helpers.setdefault(n, []).append(s)
    items = []
    for s in spans:
        if s["role"] != "quote":
            continue
        n = s["quotes"][0]
        mark = f"{_open_tag(s, continued=False)}{_text_html(s['text'])}</mark>"
        about = s["title"].split("\n")
        about[0] = about[0].split(": ", 1)[-1]  # "quote 4: Ana Duarte": the list numbers it
        about += [f"{h['role']} \N{LEFT DOUBLE QUOTATION MARK}{h['text']}"
                  f"\N{RIGHT DOUBLE QUOTATION MARK}" for h in helpers.get(n, [])]
        items.append(f'<li value="{n}" style="margin:.5em 0">{mark}<br>'
                     f'<small style="color:#555">{_text_html(" · ".join(about))}</small></li>')
    return f'<ol class="qa-quotes" style="line-height:1.9;padding-left:2.2em">{"".join(items)}</ol>'


def _text_html(text: str) -> str:
    """Escape one stretch of article text; line breaks become ``<br>``, controls ``\\x..``."""
    pieces = _HTML_BREAKS.split(text)
    return "<br>".join(_esc(_show_controls(p)) for p in pieces)


def _show_controls(text: str) -> str:
    if not any(unicodedata.category(c) in _SHOWN_ESCAPED and c != "\t" for c in text):
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii")
        if unicodedata.category(c) in _SHOWN_ESCAPED and c != "\t" else c
        for c in text
    )


def _esc(text: str) -> str:
    """HTML-escape ``text``; a surrogate code point (no page can hold one) shows as its escape."""
    return html.escape(_SURROGATE.sub(_escaped, text), quote=True)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"
