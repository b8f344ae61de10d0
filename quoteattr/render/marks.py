"""Records -> what the HTML view marks: a plain dict of character offsets (the displacy split).

:func:`parse_quotes` decides *what* is marked and :mod:`.markup` only *how*, so the dict
can be tested, serialised or fed to another renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypedDict

from ..errors import TextUnavailableError
from ..records import DocumentResult, Quote, TextSpan

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

    text: str | None
    try:
        text = result.text
    except TextUnavailableError:
        text = None
    note = None
    if not text:
        text, note = None, _NO_TEXT_NOTE if result.quotes else None
    elif any(text[s["start"] : s["end"]] != s["text"] for s in spans):
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
