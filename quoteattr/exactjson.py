"""Pydantic records whose JSON is exact for any Python ``str``, lone surrogates included.

The base of every result record (:mod:`quoteattr.records`). A ``str`` may hold lone
surrogates (scraped HTML, ``surrogateescape``-decoded bytes, broken JSON); pydantic can
neither write nor read them back, and a result that cannot be written is a result lost.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import PydanticSerializationError

_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\\\|\\u([dD][89a-fA-F][0-9a-fA-F]{2})")
"""An escaped backslash (kept as it is) or a surrogate's ``\\uXXXX`` escape (group 1)."""


class ExactJsonRecord(BaseModel):
    """JSON in and out that is exact for any Python ``str``, lone surrogates included.

    pydantic's own JSON writer refuses a surrogate code point and its reader refuses a lone
    surrogate escape (pydantic-core issue 1363), yet scraped or ``surrogateescape``-decoded
    text holds them. Both methods keep pydantic's fast path and fall back only for such text.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    def model_dump_json(self, **kwargs: Any) -> str:
        """pydantic's JSON; a surrogate code point becomes a ``\\udXXX`` escape.

        Characters beyond U+FFFF stay themselves (unless ``ensure_ascii``), so in this JSON
        an escaped surrogate always stands for one surrogate code point of the original, even
        two in a row, which :meth:`model_validate_json` reads back as two.
        """
        try:
            return super().model_dump_json(**kwargs)
        except PydanticSerializationError:
            return _dump_with_surrogates(self, kwargs)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """pydantic's reader, except that JSON with a surrogate escape is read code point
        by code point, so what :meth:`model_dump_json` wrote comes back equal.

        Such JSON is tried first with each escape kept as its own code point (how this
        class writes it), then by the JSON standard, which joins an escaped high and low
        surrogate into one character (how ``json.dumps(ensure_ascii=True)`` writes one).
        """
        text = ""
        if isinstance(json_data, str):
            text = json_data
        elif b"\\ud" in json_data or b"\\uD" in json_data:
            # Not UTF-8: left to pydantic's reader, which says so as a ValidationError.
            with contextlib.suppress(UnicodeDecodeError):
                text = bytes(json_data).decode("utf-8")
        if "\\ud" not in text and "\\uD" not in text:
            return super().model_validate_json(json_data, **kwargs)
        try:
            return cls.model_validate(_loads_keeping_surrogates(text), **kwargs)
        except (ValidationError, ValueError) as exact_error:
            try:
                return super().model_validate_json(json_data, **kwargs)
            except ValidationError:
                raise exact_error from None


def _dump_with_surrogates(record: BaseModel, options: dict[str, Any]) -> str:
    """JSON of a record holding surrogate code points, laid out as pydantic lays it out."""
    indent = options.pop("indent", None)
    ensure_ascii = options.pop("ensure_ascii", False)
    data = record.model_dump(mode="json", **options)
    separators = (",", ":") if indent is None else (",", ": ")
    out = json.dumps(data, indent=indent, ensure_ascii=ensure_ascii, separators=separators)
    # json.dumps leaves surrogates raw without ensure_ascii; raw ones occur only inside strings.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", out)


def _loads_keeping_surrogates(text: str) -> Any:
    """``json.loads``, but each surrogate escape is its own code point, even in a pair."""
    raw = _SURROGATE_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[0], text)
    return json.loads(raw)
