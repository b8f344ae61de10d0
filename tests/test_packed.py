"""Tests for quoteattr/packed.py: a result packed in a worker comes back equal in the parent.

The parent rebuilds records without validating them, so these tests check everything a
validated record has: the JSON, equality, the fields set, the types of the values, the
private attributes, and that the rebuilt records behave (frozen, copy, pickle).
"""

from __future__ import annotations

import pickle
import threading
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from quoteattr import Attributor, DocumentResult
from quoteattr.batch import _start_method
from quoteattr.confidence import resolutions
from quoteattr.packed import _FIELDS, pack, unpack
from quoteattr.records import Quote, Speaker, SpeakerRef, TextSpan

ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "articles").glob("*.txt"))

TEXTS = (
    # local news, several speakers and a pronoun
    "Residents packed the hall on Tuesday. \u201cWe were never asked,\u201d said Maria Olsen, "
    "who has lived on Fenwick Road for 30 years. Councillor Dev Patel said the plan would "
    "\u201cbring jobs back\u201d. \u201cI hear them,\u201d he added.",
    # wire copy with a nested quote
    'LONDON (Reuters) - "He told me \'we are done here\' and left," the union\'s '
    "negotiator, Sarah Kent, told reporters on Friday.",
    # sport, a colon introduction and an unattributed quote
    "The coach was blunt: \u201cWe did not deserve to win.\u201d \u201cNext week is another "
    "game.\u201d",
    # a broadcast transcript line and lone surrogates
    "ANCHOR: Shares fell \udc80 4%. \u201cA hard quarter \ud83d\ude00,\u201d the chief "
    "executive, Tom Reyes, said.",
    "No quotation marks at all in this short business brief.",
    "",
)


def _round_trip(result: DocumentResult, text: str) -> DocumentResult:
    return unpack(pickle.loads(pickle.dumps(pack(result))), text)


def _assert_same(a: DocumentResult, b: DocumentResult) -> None:
    assert a == b
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_dump() == b.model_dump()
    assert repr(a) == repr(b)
    assert a.model_fields_set == b.model_fields_set
    assert resolutions(a) == resolutions(b)
    private_a, private_b = dict(a.__pydantic_private__ or {}), dict(b.__pydantic_private__ or {})
    # the text is compared by the callers; an error record made by hand carries none
    private_a.pop("_text", None), private_b.pop("_text", None)
    assert private_a == private_b
    for qa, qb in zip(a.quotes, b.quotes, strict=True):
        assert qa.model_fields_set == qb.model_fields_set
        assert type(qa.confidence) is type(qb.confidence)
        for name in ("mention", "cue"):
            sa, sb = getattr(qa, name), getattr(qb, name)
            assert (sa is None) == (sb is None)
            if sa is not None:
                assert sa.model_fields_set == sb.model_fields_set
    for sa, sb in zip(a.speakers, b.speakers, strict=True):
        assert sa.model_fields_set == sb.model_fields_set
        assert type(sa.titles) is type(sb.titles)


@pytest.mark.parametrize("text", TEXTS + tuple(p.read_text(encoding="utf-8")
                                               for p in ARTICLES))
def test_a_packed_result_comes_back_equal(attributor: Attributor, text: str) -> None:
    result = attributor.attribute(text, doc_id="page-\udc80-1")
    back = _round_trip(result, text)
    _assert_same(result, back)
    assert back.text is text
    assert all(text[s.start:s.end] == s.text for _, s in back.spans())


def test_the_texts_have_quotes_speakers_and_a_nested_quote(attributor: Attributor) -> None:
    # Guards the test above against inputs that exercise nothing.
    results = [attributor.attribute(t) for t in TEXTS]
    assert sum(len(r.quotes) for r in results) >= 6
    assert any(q.parent is not None for r in results for q in r.quotes)
    assert any(q.mention is not None and q.cue is not None for r in results for q in r.quotes)
    assert any(len(s.mentions) > 1 for r in results for s in r.speakers)


def test_quotes_of_one_speaker_share_one_speaker_ref(attributor: Attributor) -> None:
    result = attributor.attribute(TEXTS[0])
    back = _round_trip(result, TEXTS[0])
    refs = [q.speaker for q in back.quotes if q.speaker is not None]
    by_id = {r.id: r for r in refs}
    assert len(by_id) < len(refs)  # someone speaks twice
    assert all(r is by_id[r.id] for r in refs)


def test_error_records_and_partly_set_records_keep_their_fields() -> None:
    error = DocumentResult(doc_id="x", error="ValueError: bad")
    _assert_same(error, _round_trip(error, ""))
    span = TextSpan(start=0, end=2, text="We")
    quote = Quote(start=0, end=2, text="We", kind="scare", speaker=None, mention=span,
                  cue=None, rule="not_speech", confidence=0)  # parent left to its default
    speaker = Speaker(id="S1", name="Ana", type="person")  # titles, mentions defaults
    partial = DocumentResult(quotes=(quote,), speakers=(speaker,))
    back = _round_trip(partial, "We")
    _assert_same(partial, back)
    assert back.quotes[0].model_fields_set == quote.model_fields_set
    assert "parent" not in back.quotes[0].model_fields_set
    assert back.model_dump(exclude_unset=True) == partial.model_dump(exclude_unset=True)


def test_rebuilt_records_behave_like_validated_ones(attributor: Attributor) -> None:
    result = attributor.attribute(TEXTS[0], doc_id="a")
    back = _round_trip(result, TEXTS[0])
    with pytest.raises(ValidationError):
        back.quotes[0].start = 5  # type: ignore[misc]
    assert hash(back) == hash(result)
    assert back.model_copy(update={"doc_id": "b"}).doc_id == "b"
    assert pickle.loads(pickle.dumps(back)) == result
    assert DocumentResult.model_validate_json(back.to_json()) == result
    assert isinstance(back.quotes[0].speaker, SpeakerRef)


def test_a_record_field_the_packer_does_not_know_fails_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quoteattr import packed

    monkeypatch.setitem(_FIELDS, Speaker, ("id", "name", "type", "titles"))
    with pytest.raises(TypeError, match="update packed.py"):
        packed._check_fields()


def test_workers_are_forked_only_where_safe(attributor: Attributor) -> None:
    import sys

    if not sys.platform.startswith("linux") or "torch" in sys.modules:
        assert _start_method(attributor) == "spawn"
        return
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert _start_method(attributor) == "spawn"  # another thread runs
    finally:
        stop.set()
        other.join()
    # Back to one thread, once the kernel has reaped the joined one (join returns a moment
    # before); the pytest process may run helper threads of its own, then spawn is right.
    tasks = Path("/proc/self/task")
    deadline = time.monotonic() + 5
    while len(list(tasks.iterdir())) > 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    if len(list(tasks.iterdir())) == 1:
        assert _start_method(attributor) == "fork"


def test_records_share_one_fields_set_and_copies_do_not_leak(attributor: Attributor) -> None:
    result = attributor.attribute(TEXTS[0])
    first, second = result.quotes[0], result.quotes[1]
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    for back in (result, _round_trip(result, TEXTS[0])):
        copy = back.quotes[0].model_copy(update={"rule": "edited"})
        assert copy.rule == "edited"
        assert back.quotes[1].model_fields_set == set(Quote.model_fields)
        assert back.quotes[0].rule != "edited"
    spans = [q.mention for q in result.quotes if q.mention is not None]
    spans += [m for s in result.speakers for m in s.mentions]
    assert len({id(s.__pydantic_fields_set__) for s in spans}) == 1


def test_quotes_made_in_slices_equal_one_pass(
    attributor: Attributor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteattr import result

    # A sports round-up with hundreds of quotes, nested ones among them, so the slices of
    # 256 cut through parents and children.
    lines = [f'\u201cWe played well in game {i} and \u2018{"never" if i % 3 else "always"} gave '
             f'up\u2019 at the end,\u201d coach Lena Ortiz said. \u201cThe fans helped,\u201d '
             f'she added.' for i in range(200)]
    text = "\n\n".join(lines)
    sliced = attributor.attribute(text)
    monkeypatch.setattr(result, "_SLICE", 10**9)
    whole = attributor.attribute(text)
    assert len(sliced.quotes) > 512  # three slices
    assert sliced.to_json() == whole.to_json()
    assert any(q.parent is not None for q in sliced.quotes[256:])
    assert sliced.quotes[300].__pydantic_fields_set__ is sliced.quotes[0].__pydantic_fields_set__
