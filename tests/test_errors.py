"""``quoteattr.errors``: wrong arguments raise typed errors whose messages name the fix.

Errors are raised for wrong arguments only, never because of what a text says.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import (
    Attributor,
    BackendUnavailableError,
    InputTypeError,
    InputValueError,
    LexiconError,
    QuoteattrError,
)


@pytest.mark.parametrize(
    ("error", "builtin", "code"),
    [
        (InputTypeError, TypeError, "QA001"),
        (InputValueError, ValueError, "QA002"),
        (LexiconError, ValueError, "QA003"),
        (BackendUnavailableError, RuntimeError, "QA004"),
    ],
)
def test_error_hierarchy_and_codes(error: type[QuoteattrError], builtin: type, code: str) -> None:
    """Each error is a QuoteattrError and the matching builtin, with a stable code."""
    assert issubclass(error, QuoteattrError)
    assert issubclass(error, builtin)
    assert error.code == code


def test_codes_are_unique() -> None:
    """No two error classes share a code."""
    codes = [c.code for c in (QuoteattrError, InputTypeError, InputValueError, LexiconError,
                              BackendUnavailableError)]
    assert len(codes) == len(set(codes))


# -- attribute ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [pytest.param(b"bytes", id="bytes"), pytest.param(bytearray(b"x"), id="bytearray")],
)
def test_bytes_say_decode_first(value: object) -> None:
    """Bytes instead of str: TypeError that tells the caller to decode."""
    with pytest.raises(InputTypeError, match=r"text must be str.*decode") as info:
        quoteattr.attribute(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert ".decode('utf-8')" in str(info.value)


@pytest.mark.parametrize(
    ("value", "type_name"),
    [pytest.param(None, "None", id="None"), pytest.param(5, "int", id="int")],
)
def test_non_str_names_text_and_type(value: object, type_name: str) -> None:
    """None or another type: TypeError naming the argument ``text`` and what was passed."""
    with pytest.raises(TypeError, match=rf"\btext\b.*\b{type_name}\b"):
        quoteattr.attribute(value)  # type: ignore[arg-type]


def test_bad_doc_id_names_doc_id() -> None:
    """doc_id must be str or None."""
    with pytest.raises(InputTypeError, match=r"doc_id.*int"):
        quoteattr.attribute("Hi.", doc_id=3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n\n  ", id="whitespace"),
        pytest.param('"' * 41, id="odd-number-of-marks"),
        pytest.param("\x00\ud800\u202e", id="control-surrogate-bidi"),
    ],
)
def test_odd_text_is_not_an_error(text: str) -> None:
    """Any str is accepted: odd text gives a result, never an exception."""
    doc = quoteattr.attribute(text)
    assert doc.text == text


# -- attribute_many ----------------------------------------------------------------------------


def test_attribute_many_single_string_says_wrap_in_list(attributor: Attributor) -> None:
    """A lone str passed as ``texts`` is a TypeError that says to wrap it in a list."""
    with pytest.raises(InputTypeError, match=r"texts.*single str.*list"):
        list(attributor.attribute_many("a string"))  # type: ignore[arg-type]


def test_attribute_many_checks_texts_at_call(attributor: Attributor) -> None:
    """The argument error is raised at the call, where the mistake is, not on first use."""
    with pytest.raises(InputTypeError):
        attributor.attribute_many("a string")  # type: ignore[arg-type]


def test_attribute_many_names_the_bad_item(attributor: Attributor) -> None:
    """A non-str item: TypeError naming ``texts[i]`` and its type."""
    with pytest.raises(InputTypeError, match=r"texts\[0\] must be str, got int"):
        list(attributor.attribute_many([1]))  # type: ignore[list-item]
    with pytest.raises(InputTypeError, match=r"texts\[2\].*None"):
        list(attributor.attribute_many(["A.", "B.", None]))  # type: ignore[list-item]


def test_attribute_many_bytes_item_says_decode(attributor: Attributor) -> None:
    """A bytes item gets the same 'decode it first' advice as attribute(bytes)."""
    with pytest.raises(InputTypeError, match=r"texts\[1\].*decode"):
        list(attributor.attribute_many(["A.", b"B."]))  # type: ignore[list-item]


def test_attribute_many_keeps_input_order(attributor: Attributor) -> None:
    """Results come back in input order with their doc ids."""
    texts = ['"One," said Ana Duarte.', "No quotes here.", '"Two," said Hollis Brandt.']
    docs = list(attributor.attribute_many(texts, doc_ids=["a", "b", "c"]))
    assert [d.doc_id for d in docs] == ["a", "b", "c"]
    assert [[q.text for q in d.quotes] for d in docs] == [['"One,"'], [], ['"Two,"']]


# -- Attributor --------------------------------------------------------------------------------


def test_unknown_annotator_names_the_options() -> None:
    """An unknown annotator name: ValueError naming the bad value and the valid options."""
    with pytest.raises(InputValueError, match=r"annotator") as info:
        Attributor(annotator="nope")
    assert isinstance(info.value, ValueError)
    assert "'nope'" in str(info.value)
    assert "embedded" in str(info.value)


def test_annotator_of_wrong_type() -> None:
    """A value that is neither a name nor an Annotator is a TypeError naming ``annotator``."""
    with pytest.raises(InputTypeError, match=r"annotator.*int"):
        Attributor(annotator=3)  # type: ignore[arg-type]
