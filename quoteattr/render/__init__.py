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

The rooms: :mod:`.table` (the text table), :mod:`.marks` (records -> the plain dict),
:mod:`.markup` (the dict -> HTML), :mod:`.styles` (palette and inline styles); this module
gives the HTML view its entry points and registers it as ``DocumentResult._repr_html_``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from string import Template

from ..records import DocumentResult, set_html_view
from ..rows import dataframe_of, records_of  # re-exported: they lived here first
from .marks import HtmlDoc, HtmlSpan, HtmlSpeaker, parse_quotes
from .markup import _esc, _render_doc
from .table import render_table

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


set_html_view(render_html)  # records imports no renderer: the notebook view is registered here
