"""Tests for the HTML view in quoteattr/render/ (marks, markup, styles): ``parse_quotes``,
``render_html``, ``render_page``, ``DocumentResult._repr_html_`` and ``quoteattr extract
--format html``."""

from __future__ import annotations

import html
import importlib.util
import json
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from png_support import colour_counts

import quoteattr
from quoteattr.records import DocumentResult, Quote, Speaker, SpeakerRef, TextSpan
from quoteattr.render import parse_quotes, render_html, render_page
from quoteattr.render.styles import _colours

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "fixtures" / "articles" / "visit_brussels_style.txt"
CHROMIUM = Path("/usr/bin/chromium")
VOID = frozenset({"br", "meta", "hr", "img", "input", "link"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    ancestors: list[Element]
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Tree(HTMLParser):
    """Every element with its ancestors and its text; fails on a tag closed out of order."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.elements: list[Element] = []
        self.data: list[str] = []
        self.feed(markup)
        self.close()
        assert self.stack == [], f"unclosed: {[e.tag for e in self.stack]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, list(self.stack))
        self.elements.append(element)
        if tag == "br":
            self._text("\n")
        elif tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1].tag == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self._text(data)

    def _text(self, text: str) -> None:
        self.data.append(text)
        for element in self.stack:
            element.text.append(text)

    def find(self, cls: str) -> list[Element]:
        return [e for e in self.elements if cls in e.classes]


def _text_block(markup: str) -> str:
    """The inner markup of the article's text block."""
    start = markup.index('<div class="qa-text"')
    start = markup.index(">", start) + 1
    return markup[start : markup.index("</div>", start)]


@pytest.fixture(scope="module")
def result() -> DocumentResult:
    text = ARTICLE.read_bytes().decode("utf-8")
    return quoteattr.attribute(text, doc_id=ARTICLE.stem)


@pytest.fixture(scope="module")
def fragment(result: DocumentResult) -> str:
    return render_html(result)


def test_fixture_exercises_the_view(result: DocumentResult) -> None:
    """The article has a nested quote, a scare quote and a mention shared by several quotes."""
    kinds = {q.kind for q in result.quotes}
    assert {"direct", "mixed", "nested", "scare"} <= kinds
    mentions = [(q.mention.start, q.mention.end) for q in result.quotes if q.mention]
    assert len(set(mentions)) < len(mentions)


def test_every_quote_is_marked_exactly_once_with_its_text(
    result: DocumentResult, fragment: str
) -> None:
    tree = Tree(fragment)
    marks = tree.find("qa-quote")
    assert [int(m.attrs["data-quote"]) for m in marks] == list(range(len(result.quotes)))
    assert not tree.find("qa-cont")  # well-nested quotes are never split
    for mark, quote in zip(marks, result.quotes, strict=True):
        assert "".join(mark.text) == quote.text
    leaves = [q for q in result.quotes if not any(o.parent == result.quotes.index(q)
                                                  for o in result.quotes)]
    for quote in leaves:  # a quote without marks inside is its escaped text, once
        if quote.mention is None or not (quote.start <= quote.mention.start < quote.end):
            assert fragment.count(f">{html.escape(quote.text)}</mark>") == 1, quote.text


def test_article_text_survives_marking(result: DocumentResult, fragment: str) -> None:
    """The text block reads back as the article: nothing lost, nothing doubled."""
    assert "".join(Tree(_text_block(fragment)).data) == result.text


def test_nested_quote_nests_inside_its_parent(result: DocumentResult, fragment: str) -> None:
    marks = Tree(fragment).find("qa-quote")
    for n, quote in enumerate(result.quotes):
        inside = {int(a.attrs["data-quote"]) for a in marks[n].ancestors if "qa-quote" in a.classes}
        if quote.parent is not None:
            assert quote.parent in inside
            assert quote.kind != "nested" or "border:1.5px solid" in marks[n].attrs["style"]
        else:
            assert inside == set()


def test_mention_and_cue_are_marked_outside_their_quote(
    result: DocumentResult, fragment: str
) -> None:
    tree = Tree(fragment)
    for role in ("mention", "cue"):
        spans = tree.find(f"qa-{role}")
        assert spans
        for span in spans:
            quotes = [int(n) for n in span.attrs["data-quotes"].split()]
            ancestors = {a.attrs.get("data-quote") for a in span.ancestors}
            assert not {str(n) for n in quotes} & ancestors
            part = getattr(result.quotes[quotes[0]], role)
            assert "".join(span.text) == part.text
    styles = {role: tree.find(f"qa-{role}")[0].attrs["style"] for role in ("mention", "cue")}
    assert "text-decoration-line:underline" in styles["mention"]
    assert "text-decoration-line:underline" in styles["cue"]
    assert styles["mention"] != styles["cue"]


def test_shared_mention_is_marked_once_for_all_its_quotes(result: DocumentResult) -> None:
    doc = parse_quotes(result)
    mentions = [s for s in doc["spans"] if s["role"] == "mention"]
    assert len({(s["start"], s["end"]) for s in mentions}) == len(mentions)
    assert any(len(s["quotes"]) > 1 for s in mentions)
    json.dumps(doc)  # plain data, like displacy's parse_ents


def test_hover_title_names_speaker_kind_rule_and_confidence(
    result: DocumentResult, fragment: str
) -> None:
    marks = Tree(fragment).find("qa-quote")
    for mark, quote in zip(marks, result.quotes, strict=True):
        title = mark.attrs["title"]
        assert quote.kind in title and quote.rule in title
        assert f"{quote.confidence:.2f}" in title
        assert (quote.speaker.name if quote.speaker else "no speaker") in title


def test_unattributed_is_grey_and_scare_is_dotted_without_fill(
    result: DocumentResult, fragment: str
) -> None:
    marks = Tree(fragment).find("qa-quote")
    scare = [m for m, q in zip(marks, result.quotes, strict=True) if q.kind == "scare"]
    assert scare
    for mark in scare:
        assert "dotted" in mark.attrs["style"] and "background:none" in mark.attrs["style"]
    grey, _ = _colours(None)
    doc = _tiny(speaker=None)
    (mark,) = Tree(render_html(doc)).find("qa-quote")
    assert f"background:{grey}" in mark.attrs["style"] and mark.attrs["data-speaker"] == ""


def test_colours_are_stable_by_speaker_id() -> None:
    assert _colours("S1") == _colours("S1") != _colours("S2")
    assert _colours("S1") != _colours(None)
    assert _colours("custom-id") == _colours("custom-id")


def test_legend_lists_every_speaker(result: DocumentResult, fragment: str) -> None:
    rows = Tree(fragment).find("qa-speaker")
    assert [r.attrs["data-speaker"] for r in rows] == [s.id for s in result.speakers]
    for row, speaker in zip(rows, result.speakers, strict=True):
        cells = "|".join("".join(row.text).split("\n"))
        count = sum(1 for q in result.quotes if q.speaker and q.speaker.id == speaker.id)
        assert speaker.name in cells and speaker.type in cells
        assert all(t in cells for t in speaker.titles)
        assert cells.endswith(str(count))


def test_markup_in_the_article_is_escaped() -> None:
    text = '<script>alert("x")</script> "It is <b>fine</b> & done," said Dr. Ann Lee.'
    doc = quoteattr.attribute(text, doc_id="<i>id</i>")
    markup = render_html(doc, standalone=True)
    assert "<script" not in markup and "<b>" not in markup and "<i>" not in markup
    assert "&lt;script&gt;" in markup and "&lt;i&gt;id&lt;/i&gt;" in markup
    assert "".join(Tree(_text_block(markup)).data) == text


def test_names_and_ids_are_escaped_in_attributes() -> None:
    doc = _tiny(speaker=SpeakerRef(id='S"1><x', name="<Ann>"), name="<Ann>")
    markup = render_html(doc)
    assert "<x" not in markup and "<Ann>" not in markup
    (mark,) = Tree(markup).find("qa-quote")
    assert mark.attrs["data-speaker"] == 'S"1><x'


def test_line_breaks_become_br_and_controls_are_shown() -> None:
    text = 'Intro.\r\n\r\n"One\nTwo," said Ann Lee.\x07'
    doc = _tiny(text=text, part='"One\nTwo,"')
    markup = render_html(doc)
    block = _text_block(markup)
    assert block.count("<br>") == 3 and "\r" not in block and "\x07" not in block
    assert "\\x07" in block


def test_overlapping_spans_still_nest() -> None:
    """Offsets that cross (never made by the pipeline) split into pieces, never tangle."""
    text = "aaaa bbbb cccc dddd"
    quote = Quote(start=0, end=9, text=text[0:9], kind="direct", speaker=None,
                  mention=TextSpan(start=5, end=14, text=text[5:14]),
                  cue=TextSpan(start=2, end=17, text=text[2:17]), rule="x", confidence=0.5)
    doc = _with_text(DocumentResult(quotes=(quote,)), text)
    markup = render_html(doc)
    assert "".join(Tree(_text_block(markup)).data) == text
    assert Tree(markup).find("qa-cont")


def test_repr_html_is_the_fragment(result: DocumentResult, fragment: str) -> None:
    assert result._repr_html_() == fragment
    assert "<html" not in fragment and fragment.startswith('<section class="quoteattr">')


def test_result_without_text_lists_its_quotes(result: DocumentResult) -> None:
    loaded = DocumentResult.model_validate_json(result.to_json())
    with pytest.raises(quoteattr.TextUnavailableError):
        _ = loaded.text
    markup = render_html(loaded)
    tree = Tree(markup)
    assert tree.find("qa-note") and not tree.find("qa-text")
    marks = tree.find("qa-quote")
    assert ["".join(m.text) for m in marks] == [q.text for q in result.quotes]


def test_offsets_that_do_not_fit_the_text_fall_back_to_the_list() -> None:
    doc = _with_text(_tiny(), "something else entirely, and longer than the quote")
    tree = Tree(render_html(doc))
    assert "do not fit" in "".join(tree.find("qa-note")[0].text)


def test_error_and_empty_results_say_so() -> None:
    tree = Tree(render_html(DocumentResult(doc_id="bad", error="ValueError: boom")))
    assert "ValueError: boom" in "".join(tree.find("qa-error")[0].text)
    tree = Tree(render_html(DocumentResult(doc_id="empty")))
    assert "No quotes found." in "".join(tree.find("qa-note")[0].text)


def test_standalone_page_is_a_whole_document_with_nothing_external(
    result: DocumentResult,
) -> None:
    page = render_html(result, standalone=True)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page and "<style>" in page
    assert f"<title>quoteattr: {ARTICLE.stem}</title>" in page
    assert render_html(result) in page
    for external in ("<script", "<link", "src=", "href=", "url(", "@import"):
        assert external not in page
    Tree(page)


def test_page_has_a_section_per_document(result: DocumentResult) -> None:
    page = render_page([result, _tiny()])
    assert page.count('<section class="quoteattr">') == 2
    assert "<title>quoteattr: 2 documents</title>" in page


_SETTINGS = settings(max_examples=150, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow])
_TEXT = 'He said "one two" and "three four five" then\n\nsix seven "eight" nine.'


@st.composite
def _spans(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(0, len(_TEXT)))
    return start, draw(st.integers(start, len(_TEXT)))


@_SETTINGS
@given(st.lists(st.tuples(_spans(), st.none() | _spans(), st.none() | _spans()), max_size=6))
def test_any_offsets_give_well_formed_markup_that_reads_back(
    triples: list[tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None]],
) -> None:
    def span(se: tuple[int, int] | None) -> TextSpan | None:
        return None if se is None else TextSpan(start=se[0], end=se[1], text=_TEXT[se[0]:se[1]])

    quotes = tuple(
        Quote(start=q[0], end=q[1], text=_TEXT[q[0]:q[1]], kind="direct",
              speaker=SpeakerRef(id=f"S{n % 3 + 1}", name="X"), mention=span(m), cue=span(c),
              rule="r", confidence=0.5)
        for n, (q, m, c) in enumerate(triples)
    )
    doc = _with_text(DocumentResult(quotes=quotes), _TEXT)
    markup = render_html(doc)
    tree = Tree(markup)  # asserts every tag closes in order
    assert "".join(Tree(_text_block(markup)).data) == _TEXT
    marked = {int(m.attrs["data-quote"]) for m in tree.find("qa-quote")}
    assert marked == {n for n, q in enumerate(quotes) if q.end > q.start}


# -- the command line ------------------------------------------------------------------------


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quoteattr.cli", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)


def test_cli_html_writes_one_page_for_several_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.read_bytes())
    (tmp_path / "b.txt").write_bytes(b'"We will rebuild," Mayor Ana Duarte said.')
    proc = _run("extract", "a.txt", "b.txt", "--format", "html", "-o", "page.html", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<section class="quoteattr">') == 2
    assert "a \N{EM DASH}" in page and "b \N{EM DASH}" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "page.html"]


def test_cli_html_failure_leaves_the_old_page(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("old", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    proc = _run("extract", "latin.txt", "--format", "html", "-o", "page.html", cwd=tmp_path)
    assert proc.returncode == 2
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latin.txt", "page.html"]


def test_cli_html_jsonl_failed_line_gets_an_error_section(tmp_path: Path) -> None:
    lines = '{"doc_id": "ok", "text": "\\"Hi,\\" said Bo Lind."}\nnot json\n'
    (tmp_path / "in.jsonl").write_text(lines, encoding="utf-8")
    proc = _run("extract", "--jsonl", "in.jsonl", "--format", "html", cwd=tmp_path)
    assert proc.returncode == 1
    tree = Tree(proc.stdout)
    assert len(tree.find("qa-error")) == 1 and len(tree.find("qa-quote")) == 1


# -- a real browser --------------------------------------------------------------------------


def _screenshot_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "scripts" / "screenshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
def test_chromium_renders_the_page(tmp_path: Path) -> None:
    """The browser paints every speaker's quotes in the speaker's colour, well beyond the
    legend's chip, and underlines the mentions in the speaker's ink."""
    script = _screenshot_script()
    page = script.write_page(ARTICLE, tmp_path)
    png = script.screenshot(page, tmp_path / "shot.png", size="1000,4000")  # the whole page
    pixels = colour_counts(png.read_bytes())
    doc = quoteattr.attribute(ARTICLE.read_text(encoding="utf-8"))
    chip = 18 * 18  # the legend's colour chip is about 16 px square, with its border
    for speaker in doc.speakers:
        fill, ink = _colours(speaker.id)
        quoted = sum(len(q.text) for q in doc.quotes if q.speaker and q.speaker.id == speaker.id)
        # a highlighted character covers at least ~40 px of fill at this font size
        assert pixels[fill] > chip + 40 * quoted, (speaker.name, fill, pixels[fill])
        assert pixels[ink] > 0, (speaker.name, ink)  # the mention's underline


# -- helpers ---------------------------------------------------------------------------------


def _with_text(doc: DocumentResult, text: str) -> DocumentResult:
    return doc._attach_text(text)  # unchecked on purpose: some tests give a misfit text


def _tiny(*, text: str = '"Hi," said Ann Lee.', part: str = '"Hi,"',
          speaker: SpeakerRef | None = None, name: str = "Ann Lee") -> DocumentResult:
    start = text.index(part)
    quote = Quote(start=start, end=start + len(part), text=part, kind="direct", speaker=speaker,
                  mention=None, cue=None, rule="unattributed" if speaker is None else "r",
                  confidence=0.0 if speaker is None else 0.9)
    speakers = (Speaker(id=speaker.id, name=name, type="person"),) if speaker else ()
    return _with_text(DocumentResult(doc_id="tiny", quotes=(quote,), speakers=speakers), text)
