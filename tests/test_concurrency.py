"""One Attributor shared by threads, pickled into processes, or copied: the same results.

An Attributor holds no per-document state (pipeline.py), so these tests hold it to that:
four threads hammering one instance, a spawn-context process pool that receives it
pickled, and a pickle round trip, all compared with a serial run over the fixture
articles. Only the embedded (torch-free) annotator is used.
"""

from __future__ import annotations

import operator
import pickle
import random
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest

from quoteattr import Attributor, DocumentResult

ARTICLES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def docs() -> list[tuple[str, str]]:
    """(doc_id, text) for every fixture article, plus CRLF and joined variants."""
    out = [(p.stem, p.read_text(encoding="utf-8")) for p in ARTICLES]
    out.append(("all_crlf", "\n\n".join(t for _, t in out).replace("\n", "\r\n")))
    return out


@pytest.fixture(scope="module")
def serial(docs: list[tuple[str, str]]) -> dict[str, DocumentResult]:
    attributor = Attributor()
    return {doc_id: attributor.attribute(text, doc_id=doc_id) for doc_id, text in docs}


@pytest.fixture
def fast_switching() -> Iterator[None]:
    """Switch threads every 10 µs instead of 5 ms, so the threads really interleave."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def _same(result: DocumentResult, expected: DocumentResult) -> None:
    assert result == expected
    assert result.model_dump() == expected.model_dump()
    assert result.text == expected.text


def test_serial_run_finds_quotes(serial: dict[str, DocumentResult]) -> None:
    # Guards the comparisons below against comparing empty results.
    assert sum(len(d.quotes) for d in serial.values()) > 50
    assert sum(len(d.speakers) for d in serial.values()) > 20


@pytest.mark.usefixtures("fast_switching")
def test_threads_sharing_one_attributor_match_a_serial_run(
    docs: list[tuple[str, str]], serial: dict[str, DocumentResult]
) -> None:
    shared = Attributor()
    work = docs * 6
    random.Random(5).shuffle(work)
    start = threading.Barrier(4)

    def run(item: tuple[str, str]) -> tuple[str, DocumentResult]:
        doc_id, text = item
        return doc_id, shared.attribute(text, doc_id=doc_id)

    def warm(_: int) -> None:
        start.wait(timeout=30)  # all four threads start together

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(warm, range(4)))
        results = list(pool.map(run, work))
    assert len(results) == len(work)
    for doc_id, result in results:
        _same(result, serial[doc_id])


@pytest.mark.usefixtures("fast_switching")
def test_threads_using_attribute_many_match_a_serial_run(
    docs: list[tuple[str, str]], serial: dict[str, DocumentResult]
) -> None:
    shared = Attributor()
    ids = [d for d, _ in docs]
    texts = [t for _, t in docs]

    def run(_: int) -> list[DocumentResult]:
        return list(shared.attribute_many(texts, doc_ids=ids))

    with ThreadPoolExecutor(max_workers=4) as pool:
        for batch in pool.map(run, range(4)):
            assert [d.doc_id for d in batch] == ids
            for result in batch:
                _same(result, serial[result.doc_id or ""])


def test_pickled_attributor_in_spawned_processes_matches_a_serial_run(
    docs: list[tuple[str, str]], serial: dict[str, DocumentResult]
) -> None:
    attributor = Attributor()
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        futures = {
            doc_id: pool.submit(operator.methodcaller("attribute", text, doc_id=doc_id),
                                attributor)
            for doc_id, text in docs
        }
        results = {doc_id: f.result(timeout=120) for doc_id, f in futures.items()}
    for doc_id, result in results.items():
        _same(result, serial[doc_id])


def test_unpickled_attributor_matches_the_original(
    docs: list[tuple[str, str]], serial: dict[str, DocumentResult]
) -> None:
    original = Attributor()
    copy = pickle.loads(pickle.dumps(original))
    assert isinstance(copy, Attributor) and copy is not original
    twice = pickle.loads(pickle.dumps(copy))
    for doc_id, text in docs:
        expected = original.attribute(text, doc_id=doc_id)
        _same(expected, serial[doc_id])
        _same(copy.attribute(text, doc_id=doc_id), expected)
        _same(twice.attribute(text, doc_id=doc_id), expected)


def test_results_pickle_round_trip(serial: dict[str, DocumentResult]) -> None:
    for result in serial.values():
        _same(pickle.loads(pickle.dumps(result)), result)
