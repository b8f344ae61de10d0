"""``quoteattr schema``: the JSON Schema of extract's output, documented by field docstrings."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.cli import main
from quoteattr.records import Quote

HAS_JSONSCHEMA = importlib.util.find_spec("jsonschema") is not None
TEXT = (
    '"We will rebuild," Mayor Ana Duarte said on Monday. "He told me \'never again\' and '
    'left," she added. The "Green Wave" movement held a rally.'
)


def _schema(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, dict[str, Any]]:
    assert main(["schema", *args]) == 0
    out = capsys.readouterr().out
    return out, json.loads(out)


def test_schema_describes_every_quote_field(capsys: pytest.CaptureFixture[str]) -> None:
    _, schema = _schema(capsys)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "DocumentResult" and schema["description"]
    quote = schema["$defs"]["Quote"]
    assert set(quote["properties"]) == set(Quote.model_fields)
    for name, prop in quote["properties"].items():
        assert prop.get("description"), name
    assert quote["properties"]["confidence"]["maximum"] == 1.0
    assert quote["additionalProperties"] is False


def test_schema_structure_matches_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    _, schema = _schema(capsys)
    assert set(schema["properties"]) == {"doc_id", "quotes", "speakers", "error"}
    assert {"Quote", "Speaker", "SpeakerRef", "TextSpan"} <= set(schema["$defs"])
    assert schema["properties"]["quotes"]["items"] == {"$ref": "#/$defs/Quote"}
    kinds = schema["$defs"]["Quote"]["properties"]["kind"]["enum"]
    assert kinds == ["direct", "mixed", "nested", "scare", "thought"]


def test_indent_option(capsys: pytest.CaptureFixture[str]) -> None:
    out, schema = _schema(capsys, "--indent", "0")
    assert out.count("\n") == 1 and out.endswith("}\n")
    out4, schema4 = _schema(capsys, "--indent", "4")
    assert schema4 == schema and '\n    "$defs"' in out4


@pytest.mark.skipif(not HAS_JSONSCHEMA, reason="jsonschema not installed")
def test_real_output_validates(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    _, schema = _schema(capsys)
    validator = jsonschema.Draft202012Validator(schema)
    validator.check_schema(schema)
    output = json.loads(quoteattr.attribute(TEXT, doc_id="harbour").to_json())
    assert output["quotes"]
    validator.validate(output)
    output["quotes"][0]["confidence"] = 1.5
    assert not validator.is_valid(output)


def test_command_line_prints_the_schema(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr.cli", "schema"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert json.loads(proc.stdout)["title"] == "DocumentResult"
