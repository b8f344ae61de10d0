"""A long text's mentions are packed as columns (``PackedMentions``): it must read like the
tuple of mentions it replaces, and give the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.lexicon import default_lexicon
from quoteattr.mentions import columns, find_mentions, finder, types
from quoteattr.mentions.columns import PackedMentions, mention_index
from quoteattr.spans import Span

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "WASHINGTON — Secretary of State John Kerry met the prime minister on Monday. "
    "\"We are close,\" he told reporters. Toronto police said officials were told. "
    "The mayor's spokeswoman, Ana Duarte, said she would not comment. \"No,\" they said."
)


def _pack_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columns, "PACK_ABOVE", 0)
    monkeypatch.setattr(finder, "PACK_ABOVE", 0)
    monkeypatch.setattr(finder, "PACK_TEXT_ABOVE", 0)


def test_packed_mentions_read_like_the_tuple(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = default_lexicon()
    annotation = EmbeddedAnnotator(lexicon).annotate(TEXT)
    plain = find_mentions(annotation, lexicon)
    assert isinstance(plain.mentions, tuple) and len(plain.mentions) > 8
    assert any(m.title for m in plain.mentions)  # a titled name is packed too
    _pack_everything(monkeypatch)
    packed = find_mentions(annotation, lexicon)
    assert isinstance(packed.mentions, PackedMentions)
    assert list(packed.mentions) == list(plain.mentions)
    assert list(packed.starts) == list(plain.starts)
    n = len(plain.mentions)
    assert len(packed.mentions) == n
    for i in (0, 3, n - 1, -1, -n):
        assert packed.mentions[i] == plain.mentions[i]
    assert packed.mentions[2:7] == plain.mentions[2:7]
    assert packed.mentions[::-3] == plain.mentions[::-3]
    with pytest.raises(IndexError):
        packed.mentions[n]
    for start in range(0, len(TEXT), 7):
        assert packed.between(start, start + 40) == plain.between(start, start + 40)
        assert packed.starting_at(start) == plain.starting_at(start)
    for m in plain.mentions:
        assert packed.index_of(m) == plain.index_of(m)


def test_packing_pops_and_sorts_as_the_list_does() -> None:
    lexicon = default_lexicon()
    mentions = list(find_mentions(EmbeddedAnnotator(lexicon).annotate(TEXT), lexicon).mentions)
    shuffled = mentions[1::2] + mentions[::2] + mentions[:3]  # out of order, some twice
    store = PackedMentions(shuffled)
    assert store.pop() == shuffled[-1]
    assert list(store) == shuffled[:-1]
    kept = list(store.sorted_kept())
    assert kept == list(mention_index(_by_start_longer_first(shuffled[:-1])).mentions)


def test_offsets_past_two_billion_are_packed_as_they_are() -> None:
    """The columns hold 4-byte offsets until a mention ends past 2**31 - 1."""
    near = 2**31 - 3
    mentions = [types.new_mention((Span(5, 7), "pronoun", "PERSON", "he", "", -1, "m", "sg",
                                   False)),
                types.new_mention((Span(near, near + 9), "name", "PERSON", "Ana Duarte",
                                   "Mayor", near - 6, "f", "sg", True))]
    store = PackedMentions(mentions)
    assert list(store) == mentions
    assert list(store.sorted_kept()) == mentions


def _by_start_longer_first(mentions: list[types.Mention]) -> list[types.Mention]:
    ordered = sorted(mentions, key=lambda m: (m.span.start, -m.span.end))
    out: list[types.Mention] = []
    end = -1
    for m in ordered:
        if m.span.start >= end:
            out.append(m)
            end = m.span.end
    return out


def test_packed_mentions_give_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text packed (the furniture and headings removed from packed mentions, the
    rules and coreference reading them) gives the results of mention tuples."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles")
                                                           .glob("*.txt"))]
    assert len(texts) >= 5
    texts.append("\n\n".join(texts))  # several outlets' copy in one string, as an archive
    for genre in ("news", "fiction"):
        attributor = quoteattr.Attributor(genre=genre)
        as_tuples = [attributor.attribute(t).model_dump_json() for t in texts]
        _pack_everything(monkeypatch)
        packed = [attributor.attribute(t).model_dump_json() for t in texts]
        monkeypatch.undo()
        assert packed == as_tuples
        assert all('"speaker":{' in r for r in as_tuples)  # each text has speakers to compare
