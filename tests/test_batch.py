"""Tests for quoteattr/batch.py: ``attribute_many`` with worker processes.

Each test that starts a pool pays for spawning two interpreters (about a second on a
busy two-core machine), so the tests share inputs and keep chunks small.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Set
from pathlib import Path

import pytest

from quoteattr import Attributor, InputTypeError, InputValueError, TextUnavailableError
from quoteattr.annotation import Annotation, Layer
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.batch import process_count
from quoteattr.lexicon import default_lexicon

ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "articles").glob("*.txt"))
MARKER = "<<fail here>>"
SMALL = '"We will rebuild the bridge," Mayor Ana Duarte said on Monday.'


class FailingAnnotator:
    """The embedded annotator, except that it raises on any text holding ``MARKER``.

    Workers are separate processes, so a monkeypatch in the test process would not reach
    them; this annotator travels to them inside the pickled Attributor instead. It is not an
    EmbeddedAnnotator subclass: the Attributor pickles one of those as plain "embedded".
    """

    name = "failing"

    def __init__(self) -> None:
        self._inner = EmbeddedAnnotator(default_lexicon())

    def __reduce__(self) -> tuple[type[FailingAnnotator], tuple[()]]:
        return (FailingAnnotator, ())  # rebuilt in the worker instead of pickling lexicons

    @property
    def provides(self) -> Set[Layer]:
        return self._inner.provides

    def annotate(self, text: str) -> Annotation:
        if MARKER in text:
            msg = "the marker text"
            raise RuntimeError(msg)
        return self._inner.annotate(text)


@pytest.fixture(scope="module")
def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in ARTICLES]


def test_two_processes_give_the_serial_results_in_order(
    attributor: Attributor, articles: list[str]
) -> None:
    ids = [p.stem for p in ARTICLES]
    serial = list(attributor.attribute_many(articles, doc_ids=ids))
    parallel = list(attributor.attribute_many(articles, doc_ids=ids, n_process=2, batch_size=3))
    assert [r.doc_id for r in parallel] == ids
    assert parallel == serial
    assert all(r.quotes for r in parallel)
    # The text is re-attached from the caller's own strings, so offsets slice back.
    assert all(r.text is text for r, text in zip(parallel, articles, strict=True))
    for r in parallel:
        assert all(r.text[q.start : q.end] == q.text for q in r.quotes)


def test_a_generator_is_streamed_not_read_whole(attributor: Attributor) -> None:
    pulled = 0

    def texts() -> Iterator[str]:
        nonlocal pulled
        for n in range(500):
            pulled += 1
            yield f'"Item {n} is ready," said Bo Lindqvist.'

    results = attributor.attribute_many(
        texts(), doc_ids=(f"d{n}" for n in itertools.count()), n_process=2, batch_size=10
    )
    assert pulled == 0  # nothing is read before the first result is asked for
    first = next(results)
    assert first.doc_id == "d0"
    assert pulled < 100  # two workers, two chunks each, of ten texts
    rest = list(results)
    assert pulled == 500
    assert [r.doc_id for r in rest] == [f"d{n}" for n in range(1, 500)]
    assert all(r.quotes[0].speaker and r.quotes[0].speaker.name == "Bo Lindqvist" for r in rest)


def test_a_failure_in_a_worker_is_an_error_record_in_place() -> None:
    attributor = Attributor(annotator=FailingAnnotator())
    texts = [SMALL, f"{SMALL} {MARKER}", SMALL, SMALL]
    ids = ["a", "b", "c", "d"]
    parallel = list(attributor.attribute_many(texts, doc_ids=ids, n_process=2, batch_size=1))
    assert [r.doc_id for r in parallel] == ids
    assert parallel[1].error == "RuntimeError: the marker text"
    assert parallel[1].quotes == ()
    with pytest.raises(TextUnavailableError):  # an error record carries no text
        _ = parallel[1].text
    assert [r.error for r in parallel[::2]] == [None, None]
    assert parallel == list(attributor.attribute_many(texts, doc_ids=ids))  # as in serial


def test_a_non_str_item_raises_after_the_results_before_it(attributor: Attributor) -> None:
    results = attributor.attribute_many(
        [SMALL, SMALL, b"bytes", SMALL], n_process=2, batch_size=1  # type: ignore[list-item]
    )
    assert [next(results).quotes[0].speaker is not None for _ in range(2)] == [True, True]
    with pytest.raises(InputTypeError, match=r"texts\[2\] must be str, got bytes: decode"):
        next(results)


def test_a_failing_input_iterator_raises_in_its_place(attributor: Attributor) -> None:
    def texts() -> Iterator[str]:
        yield SMALL
        msg = "the archive went away"
        raise OSError(msg)

    results = attributor.attribute_many(texts(), n_process=2)
    assert next(results).quotes
    with pytest.raises(OSError, match="the archive went away"):
        next(results)


def test_a_bad_doc_id_raises_in_its_place(attributor: Attributor) -> None:
    results = attributor.attribute_many(
        [SMALL, SMALL], doc_ids=["a", 7], n_process=2, batch_size=2  # type: ignore[list-item]
    )
    assert next(results).doc_id == "a"
    with pytest.raises(InputTypeError, match="doc_id must be str or None, got int"):
        next(results)


def test_all_cores_and_early_stop(attributor: Attributor, articles: list[str]) -> None:
    assert process_count(-1) >= 1
    assert process_count(3) == 3
    results = attributor.attribute_many(articles * 4, n_process=-1, batch_size=2)
    first = list(itertools.islice(results, 3))
    assert first == list(attributor.attribute_many(articles[:3]))
    results.close()  # type: ignore[attr-defined]  # stops the pool without a hang


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"n_process": 0}, InputValueError, "n_process must be a number of processes >= 1"),
        ({"n_process": -2}, InputValueError, "or -1 for one per core, got -2"),
        ({"n_process": 2.0}, InputTypeError, "n_process must be an int, got float"),
        ({"n_process": True}, InputTypeError, "n_process must be an int, got bool"),
        ({"batch_size": 0}, InputValueError, "batch_size must be a number of documents >= 1"),
    ],
    ids=["zero", "minus-two", "float", "bool", "batch-zero"],
)
def test_options_are_checked_at_the_call(
    attributor: Attributor, options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        attributor.attribute_many([SMALL], **options)  # type: ignore[arg-type]
