"""``quoteattr schema``: the JSON Schema of what ``extract`` writes, so readers can check it."""

from __future__ import annotations

import json

from ..records import DocumentResult
from .output import output


def run(indent: int) -> int:
    """Print the JSON Schema of ``DocumentResult`` as extract writes it."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **DocumentResult.model_json_schema(mode="serialization"),
    }
    with output(None) as out:
        out.write(json.dumps(schema, ensure_ascii=False, indent=indent or None) + "\n")
    return 0
