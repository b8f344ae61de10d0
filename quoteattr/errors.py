"""Exceptions raised by quoteattr, each with a stable ``code``.

Errors are raised only for wrong arguments or a broken installation, never
because of what a text says: odd text gives a documented empty result.
"""

from __future__ import annotations


class QuoteattrError(Exception):
    """Base class of every quoteattr error; ``code`` is stable across releases."""

    code = "QA000"


class InputTypeError(QuoteattrError, TypeError):
    """An argument had the wrong type (bytes instead of str, None, ...)."""

    code = "QA001"


class InputValueError(QuoteattrError, ValueError):
    """An argument had the right type but a value quoteattr cannot use."""

    code = "QA002"


class LexiconError(QuoteattrError, ValueError):
    """A lexicon data file is malformed; the message names the file and line."""

    code = "QA003"


class BackendUnavailableError(QuoteattrError, RuntimeError):
    """An optional backend (stanza) or its model files are not installed."""

    code = "QA004"


class TextUnavailableError(QuoteattrError, LookupError):
    """A result does not carry its article text: it was read from JSON (which holds
    offsets, not the article), built by hand, or records a failed document."""

    code = "QA005"


class QuoteattrWarning(UserWarning):
    """Base class of quoteattr's warnings: something worked but probably not as meant."""

    code = "QW000"


class DuplicateDocIdWarning(QuoteattrWarning):
    """Two documents of one ``attribute_many`` run share a doc id; warned once per run."""

    code = "QW001"


def describe_type(value: object) -> str:
    """Name the type of ``value`` for an error message."""
    return "None" if value is None else type(value).__name__


def describe_json_type(value: object) -> str:
    """Name the JSON type of a decoded value for an error message ("a number", "null")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def expect_str(value: object, *, argument: str) -> str:
    """Return ``value`` when it is a str, else raise a TypeError that says what to do."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        msg = (
            f"{argument} must be str, got {describe_type(value)}: decode it first, "
            f"e.g. {argument}.decode('utf-8')"
        )
    else:
        msg = f"{argument} must be str, got {describe_type(value)}"
    raise InputTypeError(msg)
