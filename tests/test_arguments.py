"""Issue 15: a wrong argument raises the library's own error, naming the argument and
what was expected; a repeated doc id warns once per run; attribute_many reports progress.
"""

from __future__ import annotations

import sys
import warnings

import pytest

from quoteattr import (
    Attributor,
    BackendUnavailableError,
    DocumentResult,
    DuplicateDocIdWarning,
    InputTypeError,
    InputValueError,
    QuoteattrWarning,
)
from quoteattr.lexicon import default_lexicon

TEXTS = ['"We will rebuild," Mayor Ana Duarte said.', "No quotes here.",
         '"Prices will rise," the minister told parliament.']


@pytest.mark.parametrize("lexicon", ["x", 3, {}, [], default_lexicon])
def test_a_lexicon_that_is_not_one_is_refused(lexicon: object) -> None:
    with pytest.raises(InputTypeError, match=r"^lexicon must be a quoteattr\.lexicon\.Lexicon"):
        Attributor(lexicon=lexicon)  # type: ignore[arg-type]


def test_a_real_lexicon_and_none_are_taken() -> None:
    lex = default_lexicon()
    assert Attributor(lexicon=lex).lexicon is lex
    assert Attributor(lexicon=None).lexicon is lex


@pytest.mark.parametrize("annotation", [None, "text", 42])
def test_attribute_annotation_needs_an_annotation(
    attributor: Attributor, annotation: object
) -> None:
    with pytest.raises(InputTypeError, match=r"^annotation must be a .*Annotation.*got "):
        attributor.attribute_annotation(annotation)  # type: ignore[arg-type]


def test_fewer_doc_ids_than_texts_with_lengths_fail_at_the_call(attributor: Attributor) -> None:
    with pytest.raises(InputValueError, match=r"doc_ids has 2 items for 3 texts"):
        attributor.attribute_many(TEXTS, doc_ids=["a", "b"])
    with pytest.raises(InputValueError, match=r"doc_ids has 4 items for 3 texts"):
        attributor.attribute_many(TEXTS, doc_ids=["a", "b", "c", "d"])


@pytest.mark.parametrize("n_process", [1, 2])
def test_doc_ids_that_run_out_fail_in_place(attributor: Attributor, n_process: int) -> None:
    results = attributor.attribute_many(iter(TEXTS), doc_ids=iter(["a", "b"]),
                                        n_process=n_process, batch_size=1)
    got = []
    with pytest.raises(InputValueError, match=r"doc_ids ran out at texts\[2\]"):
        got.extend(results)
    assert [r.doc_id for r in got] == ["a", "b"]


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_repeated_doc_id_warns_once_per_run(attributor: Attributor, n_process: int) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = list(attributor.attribute_many(TEXTS * 2, doc_ids=["a", "b", "a"] * 2,
                                                 n_process=n_process, batch_size=2))
    ours = [w for w in caught if issubclass(w.category, QuoteattrWarning)]
    assert len(ours) == 1
    assert issubclass(ours[0].category, DuplicateDocIdWarning)
    assert "'a'" in str(ours[0].message) and "texts[2]" in str(ours[0].message)
    assert [r.doc_id for r in results] == ["a", "b", "a"] * 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(attributor.attribute_many(TEXTS, doc_ids=["a", "b", None]))
        list(attributor.attribute_many(TEXTS, doc_ids=[None, None, None]))
    assert caught == []


def test_progress_callback_sees_each_result_in_order(attributor: Attributor) -> None:
    seen: list[tuple[int, str | None]] = []
    results = list(attributor.attribute_many(
        TEXTS, doc_ids=["a", "b", "c"], progress=lambda done, r: seen.append((done, r.doc_id))))
    assert seen == [(1, "a"), (2, "b"), (3, "c")]
    assert all(isinstance(r, DocumentResult) for r in results)


def test_progress_true_draws_a_tqdm_bar(
    attributor: Attributor, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    assert len(list(attributor.attribute_many(TEXTS, progress=True))) == 3
    err = capsys.readouterr().err
    assert "3/3" in err and "quoteattr" in err


def test_progress_true_without_tqdm_says_so_at_the_call(
    attributor: Attributor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    with pytest.raises(BackendUnavailableError, match="pip install tqdm"):
        attributor.attribute_many(TEXTS, progress=True)


@pytest.mark.parametrize("progress", ["yes", 3])
def test_progress_of_another_type_is_refused(attributor: Attributor, progress: object) -> None:
    with pytest.raises(InputTypeError, match=r"^progress must be True"):
        attributor.attribute_many(TEXTS, progress=progress)  # type: ignore[arg-type]

