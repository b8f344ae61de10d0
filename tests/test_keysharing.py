"""quoteattr.keysharing: a long text's records hold key-sharing dicts, and behave exactly as
the records pydantic made (JSON, equality, repr, copies, pickling, packing for workers)."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from quoteattr import Attributor, DocumentResult
from quoteattr.keysharing import SHARE_KEYS_ABOVE
from quoteattr.packed import pack, unpack
from quoteattr.records import TextSpan

ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def long_text() -> str:
    """The fixture articles one after another, three times over (a digest of a week's copy):
    hundreds of quotes, cues and speakers."""
    return "\n\n".join(p.read_text(encoding="utf-8").strip("\n") for p in ARTICLES * 3)


def _shares_keys(record: object) -> bool:
    fields = record.__dict__
    return sys.getsizeof(fields) < sys.getsizeof(dict(fields))


def _spans(result: DocumentResult) -> list[TextSpan]:
    spans: list[TextSpan] = [m for s in result.speakers for m in s.mentions]
    for q in result.quotes:
        spans.extend(part for part in (q.mention, q.cue) if part is not None)
    return spans


def test_a_long_texts_records_share_keys_and_equal_the_plain_ones(
    long_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteattr import result as result_module

    attributor = Attributor()
    shared = attributor.attribute(long_text, doc_id="d")
    monkeypatch.setattr(result_module, "SHARE_KEYS_ABOVE", 10**9)
    plain = attributor.attribute(long_text, doc_id="d")
    assert len(shared.quotes) > SHARE_KEYS_ABOVE
    assert all(_shares_keys(q) for q in shared.quotes)
    assert all(_shares_keys(s) for s in _spans(shared))
    assert not any(_shares_keys(q) for q in plain.quotes)
    assert shared == plain
    assert shared.model_dump_json() == plain.model_dump_json()
    assert shared.model_dump() == plain.model_dump()
    assert repr(shared) == repr(plain)
    assert [list(q.__dict__) for q in shared.quotes] == [list(q.__dict__) for q in plain.quotes]
    assert pickle.loads(pickle.dumps(shared)) == plain
    assert unpack(pickle.loads(pickle.dumps(pack(shared))), long_text) == plain
    for text_span in _spans(shared):
        assert long_text[text_span.start : text_span.end] == text_span.text


def test_a_copy_of_a_shared_record_changes_alone(long_text: str) -> None:
    result = Attributor().attribute(long_text)
    first, second = result.quotes[0], result.quotes[1]
    copy = first.model_copy(update={"rule": "edited"})
    assert copy.rule == "edited" and first.rule != "edited" and second.rule != "edited"
    assert copy.start == first.start and copy.text == first.text
    with pytest.raises(Exception, match="frozen"):
        first.rule = "edited"  # type: ignore[misc]


def test_an_articles_records_are_left_as_pydantic_made_them() -> None:
    result = Attributor().attribute(ARTICLES[0].read_text(encoding="utf-8"))
    assert 0 < len(result.quotes) <= SHARE_KEYS_ABOVE
    assert not any(_shares_keys(q) for q in result.quotes)
