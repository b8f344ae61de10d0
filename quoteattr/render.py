"""Records -> a plain-text table for terminals, HTML for browsers and notebooks, and rows.

Works from :class:`~quoteattr.records.DocumentResult` alone, never from annotations or
stage internals, so anything that can load the JSON contract can be rendered. Every table
cell is escaped to a single line (a newline becomes ``⏎``, control characters their ``\\x..``
form), so one quote is always one row and article text cannot drive the terminal.

The HTML view follows spaCy's displacy: :func:`parse_quotes` first turns a result into a
plain dict of character offsets, and the renderer works only from that dict, escaping every
fragment of text. Overlapping spans are split at every boundary, so the markup always nests
properly whatever the offsets are. Styles are inline, because notebook front ends may drop
``<style>`` elements; only the standalone page (``templates/page.html``) adds a stylesheet.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from string import Template
from typing import Literal, TypedDict

from .records import DocumentResult, Quote, TextSpan
from .rows import dataframe_of, records_of  # re-exported: they lived here first

__all__ = [
    "HtmlDoc",
    "HtmlSpan",
    "HtmlSpeaker",
    "dataframe_of",
    "parse_quotes",
    "records_of",
    "render_html",
    "render_page",
    "render_table",
]

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


# -- HTML: offsets first ---------------------------------------------------------------------

Role = Literal["quote", "mention", "cue"]


class HtmlSpan(TypedDict):
    """One stretch to mark: a quote, or a speaker mention or cue shared by some quotes."""

    start: int
    end: int
    role: Role
    text: str
    quotes: list[int]
    """The quote itself (one index), or every quote a mention or cue serves."""
    speaker: str | None
    """Speaker id, which picks the colour; None for an unattributed quote."""
    kind: str | None
    """The quote's kind; None for a mention or cue."""
    title: str
    """Hover text: speaker, kind, rule and confidence of a quote; whom a mention names."""


class HtmlSpeaker(TypedDict):
    """One legend row."""

    id: str
    name: str
    type: str
    titles: list[str]
    quotes: int


class HtmlDoc(TypedDict):
    """Everything the HTML renderer needs, and nothing else: plain, JSON-able data."""

    doc_id: str | None
    text: str | None
    """The original text; None when the result does not carry it (the quotes are then listed)."""
    note: str | None
    error: str | None
    spans: list[HtmlSpan]
    """Quote, mention and cue spans, by start, longest first."""
    speakers: list[HtmlSpeaker]


_ROLE_RANK: dict[str, int] = {"quote": 0, "mention": 1, "cue": 2}
_NO_TEXT_NOTE = (
    "This result does not carry its article text (results loaded from JSON never do), "
    "so its quotes are listed alone."
)
_MISFIT_NOTE = (
    "This result's offsets do not fit the text it carries, so its quotes are listed alone."
)


def parse_quotes(result: DocumentResult) -> HtmlDoc:
    """The offsets, hover texts and legend of ``result`` as a plain dict, ready to render.

    The displacy split: this step decides *what* is marked and the renderer only *how*,
    so the dict can be tested, serialised or fed to another renderer.
    """
    names = {s.id: s.name for s in result.speakers}
    spans: list[HtmlSpan] = []
    shared: dict[tuple[Role, int, int], HtmlSpan] = {}
    for n, q in enumerate(result.quotes):
        speaker = q.speaker.id if q.speaker else None
        spans.append(HtmlSpan(start=q.start, end=q.end, role="quote", text=q.text, quotes=[n],
                              speaker=speaker, kind=q.kind, title=_quote_title(n, q)))
        parts: tuple[tuple[Role, TextSpan | None], ...] = (("mention", q.mention), ("cue", q.cue))
        for role, part in parts:
            if part is None:
                continue
            key = (role, part.start, part.end)
            if key in shared:  # "he said" often serves two halves of a split quote
                shared[key]["quotes"].append(n)
                continue
            shared[key] = HtmlSpan(start=part.start, end=part.end, role=role, text=part.text,
                                   quotes=[n], speaker=speaker, kind=None, title="")
            spans.append(shared[key])
    for span in shared.values():
        which = _quote_numbers(span["quotes"])
        if span["role"] == "cue":
            span["title"] = f"speech cue for {which}"
        else:
            who = names.get(span["speaker"] or "") or "no resolved speaker"
            span["title"] = f"speaker mention for {which}: {who}"
    spans.sort(key=lambda s: (s["start"], -s["end"], _ROLE_RANK[s["role"]], s["quotes"][0]))

    counts: dict[str, int] = {}
    for q in result.quotes:
        if q.speaker:
            counts[q.speaker.id] = counts.get(q.speaker.id, 0) + 1
    speakers = [
        HtmlSpeaker(id=s.id, name=s.name, type=s.type, titles=list(s.titles),
                    quotes=counts.get(s.id, 0))
        for s in result.speakers
    ]
    listed = {s.id for s in result.speakers}
    for q in result.quotes:  # a speaker the quotes name but the list lacks still gets a row
        if q.speaker and q.speaker.id not in listed:
            listed.add(q.speaker.id)
            speakers.append(HtmlSpeaker(id=q.speaker.id, name=q.speaker.name, type="unknown",
                                        titles=[], quotes=counts[q.speaker.id]))

    text: str | None = result.text
    note = None
    if not result.text:
        text, note = None, _NO_TEXT_NOTE if result.quotes else None
    elif any(result.text[s["start"] : s["end"]] != s["text"] for s in spans):
        text, note = None, _MISFIT_NOTE
    return HtmlDoc(doc_id=result.doc_id, text=text, note=note, error=result.error, spans=spans,
                   speakers=speakers)


def _quote_title(n: int, quote: Quote) -> str:
    who = f"{quote.speaker.name} ({quote.speaker.id})" if quote.speaker else "no speaker"
    inside = f", inside quote {quote.parent}" if quote.parent is not None else ""
    return (f"quote {n}: {who}\nkind {quote.kind}{inside}\nrule {quote.rule}\n"
            f"confidence {quote.confidence:.2f}")


def _quote_numbers(indices: Sequence[int]) -> str:
    return ("quote " if len(indices) == 1 else "quotes ") + ", ".join(map(str, indices))


# -- HTML: rendering -------------------------------------------------------------------------

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
_HTML_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

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


def render_html(result: DocumentResult, *, standalone: bool = False) -> str:
    """The article with its quotes marked in their speakers' colours, and a speaker legend.

    A fragment for notebooks (``DocumentResult._repr_html_``) and web pages, or with
    ``standalone=True`` a whole HTML5 page that loads nothing from outside.
    Hovering a quote shows its speaker, kind, rule and confidence.
    """
    if standalone:
        return render_page([result])
    return _render_doc(parse_quotes(result))


def render_page(results: Iterable[DocumentResult]) -> str:
    """One standalone HTML5 page with a section per result, styles inline, nothing external."""
    docs = [parse_quotes(r) for r in results]
    if len(docs) == 1:
        title = f"quoteattr: {docs[0]['doc_id']}" if docs[0]["doc_id"] else "quoteattr"
    else:
        title = f"quoteattr: {len(docs)} documents"
    body = "\n".join(_render_doc(d) for d in docs) if docs else "<p>No documents.</p>"
    return _page_template().substitute(title=_esc(title), body=body)


@cache
def _page_template() -> Template:
    page = resources.files("quoteattr").joinpath("templates", "page.html")
    return Template(page.read_text(encoding="utf-8"))


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


def _colours(speaker_id: str | None) -> tuple[str, str]:
    """(fill, ink) for a speaker id: ``Sn`` takes the n-th colour, any other id a hash's."""
    if speaker_id is None:
        return _GREY
    match = _SPEAKER_NUMBER.fullmatch(speaker_id)
    n = int(match.group(1)) - 1 if match else zlib.crc32(speaker_id.encode("utf-8"))
    return _PALETTE[n % len(_PALETTE)]


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
