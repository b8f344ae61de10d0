"""Tests for quoteattr/cli.py: the real command, run in a subprocess."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from cli_support import run

import quoteattr
from quoteattr.cli import main

BRIDGE = '"We will rebuild the bridge," Mayor Ana Duarte said on Monday.'
RIVER = (
    "\u201cThe river is rising,\u201d said J\u00f6rg \u00c5str\u00f6m, a hydrologist.\r\n\r\n"
    "\u201cWe are ready,\u201d Mayor Ana Duarte said."
)
HI = '"Hi," said Bo Lindqvist.'


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))  # no newline translation, on any platform
    return path


def assert_slices_back(result: dict[str, Any], text: str) -> None:
    for quote in result["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        for part in (quote["mention"], quote["cue"]):
            if part is not None:
                assert text[part["start"] : part["end"]] == part["text"]


def speakers_of(result: dict[str, Any]) -> list[str | None]:
    return [q["speaker"] and q["speaker"]["name"] for q in result["quotes"]]


def test_version(tmp_path: Path) -> None:
    proc = run("--version", cwd=tmp_path)
    build = "compiled" if quoteattr.COMPILED else "pure Python"
    assert (proc.returncode, proc.stdout) == (0, f"quoteattr {quoteattr.__version__} ({build})\n")


def test_main_returns_exit_codes_instead_of_exiting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert main(["extract"]) == 2
    assert "required: FILE" in capsys.readouterr().err


def test_single_file_is_pretty_json_whose_offsets_slice_the_file(tmp_path: Path) -> None:
    write(tmp_path / "river.txt", RIVER)
    proc = run("extract", "river.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.startswith('{\n  "doc_id": "river",\n')
    result = json.loads(proc.stdout)
    assert result == quoteattr.attribute(RIVER, doc_id="river").model_dump(mode="json")
    assert_slices_back(result, RIVER)  # \r\n kept: offsets index the file's own characters
    assert speakers_of(result) == ["J\u00f6rg \u00c5str\u00f6m", "Ana Duarte"]


def test_bom_is_dropped_and_offsets_index_the_text_after_it(tmp_path: Path) -> None:
    (tmp_path / "hi.txt").write_bytes(b"\xef\xbb\xbf" + HI.encode("utf-8"))
    proc = run("extract", "hi.txt", cwd=tmp_path)
    result = json.loads(proc.stdout)
    assert_slices_back(result, HI)
    assert speakers_of(result) == ["Bo Lindqvist"]


def test_several_files_give_one_compact_line_each_in_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", BRIDGE)
    write(tmp_path / "a.txt", HI)
    proc = run("extract", "b.txt", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["b", "a"]
    assert speakers_of(json.loads(lines[0])) == ["Ana Duarte"]
    assert speakers_of(json.loads(lines[1])) == ["Bo Lindqvist"]


def test_stdin(tmp_path: Path) -> None:
    proc = run("extract", "-", cwd=tmp_path, stdin=BRIDGE.encode("utf-8"))
    assert proc.returncode == 0
    result = json.loads(proc.stdout)
    assert result["doc_id"] == "stdin"
    assert_slices_back(result, BRIDGE)
    assert speakers_of(result) == ["Ana Duarte"]


def error_record(doc_id: str | None, error: str) -> dict[str, Any]:
    """What extract writes for a document it could not read: a result with ``error`` set."""
    return {"doc_id": doc_id, "quotes": [], "speakers": [], "error": error}


def test_jsonl_keeps_order_and_doc_ids_and_puts_errors_in_place(tmp_path: Path) -> None:
    lines = [
        json.dumps({"doc_id": "river", "text": RIVER}),
        "",  # a blank line is an empty document: output line N answers input line N
        '{"doc_id": "cut", "text": "unterminated',
        json.dumps({"doc_id": "bridge", "text": BRIDGE}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"doc_id": "notext"}),
        json.dumps({"text": HI}),
    ]
    write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    proc = run("extract", "--jsonl", "in.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == len(lines) == 7
    assert [o["doc_id"] for o in out] == ["river", None, None, "bridge", None, "notext", None]
    assert speakers_of(out[0]) == ["J\u00f6rg \u00c5str\u00f6m", "Ana Duarte"]
    assert_slices_back(out[0], RIVER)
    assert out[1] == {"doc_id": None, "quotes": [], "speakers": [], "error": None}
    assert out[2] == error_record(None, "not valid JSON: Unterminated string starting at column 27")
    assert speakers_of(out[3]) == ["Ana Duarte"]
    assert out[4] == error_record(
        None, 'expected an object {"doc_id": ..., "text": ...}, got an array')
    assert out[5] == error_record(
        "notext", 'missing "text": each line needs {"doc_id": ..., "text": "..."}')
    assert speakers_of(out[6]) == ["Bo Lindqvist"]
    assert proc.stderr.splitlines() == [
        f"quoteattr: in.jsonl:{n}: {o['error']}" for n, o in enumerate(out, 1) if o["error"]
    ]


def test_jsonl_line_that_is_not_utf8_is_a_line_error(tmp_path: Path) -> None:
    good = json.dumps({"doc_id": "hi", "text": HI}).encode("utf-8")
    (tmp_path / "in.jsonl").write_bytes(good + b"\n" + b'{"text": "caf\xe9"}\n' + good + b"\n")
    proc = run("extract", "--jsonl", "in.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["doc_id"] for o in out] == ["hi", None, "hi"]
    assert "--encoding" in out[1]["error"] and out[1]["quotes"] == []
    assert proc.stderr.startswith("quoteattr: in.jsonl:2: not valid utf-8")


def test_jsonl_from_stdin_all_good_exits_0(tmp_path: Path) -> None:
    data = "".join(json.dumps({"doc_id": f"d{n}", "text": BRIDGE}) + "\n" for n in range(3))
    proc = run("extract", "--jsonl", "-", cwd=tmp_path, stdin=data.encode("utf-8"))
    assert (proc.returncode, proc.stderr) == (0, "")
    assert [json.loads(line)["doc_id"] for line in proc.stdout.splitlines()] == ["d0", "d1", "d2"]


def test_jsonl_rejects_doc_ids_that_are_not_strings(tmp_path: Path) -> None:
    write(tmp_path / "in.jsonl", json.dumps({"doc_id": 17, "text": HI}) + "\n")
    proc = run("extract", "--jsonl", "in.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert json.loads(proc.stdout) == error_record(
        None, '"doc_id" must be a string or null, got a number: write it in quotes')


def test_table_format_shows_speaker_and_rule(tmp_path: Path) -> None:
    write(tmp_path / "bridge.txt", BRIDGE)
    proc = run("extract", "--format", "table", "bridge.txt", cwd=tmp_path)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0] == "document: bridge"
    assert "Ana Duarte" in lines[2] and "quote_speaker_cue" in lines[2]
    assert lines[2].endswith('"We will rebuild the bridge,"')


def test_output_file_is_written_whole_and_no_temp_file_is_left(tmp_path: Path) -> None:
    write(tmp_path / "bridge.txt", BRIDGE)
    proc = run("extract", "bridge.txt", "-o", "out.json", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["doc_id"] == "bridge"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge.txt", "out.json"]
    if os.name == "posix":  # created like open() would, not with mkstemp's 0600
        umask = os.umask(0)
        os.umask(umask)
        assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_failed_run_leaves_the_old_output_file_untouched(tmp_path: Path) -> None:
    write(tmp_path / "bridge.txt", BRIDGE)
    (tmp_path / "latin.txt").write_bytes(b'"Caf\xe9," said Bo Lindqvist.')
    write(tmp_path / "out.json", "previous\n")
    # The first file's result is written before the second fails to decode.
    proc = run("extract", "bridge.txt", "latin.txt", "-o", "out.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert (tmp_path / "out.json").read_text("utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge.txt", "latin.txt", "out.json"]


def test_output_into_missing_directory_is_a_clean_error(tmp_path: Path) -> None:
    write(tmp_path / "bridge.txt", BRIDGE)
    proc = run("extract", "bridge.txt", "-o", "nowhere/out.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        "quoteattr: error: cannot write -o nowhere/out.json: No such file or directory\n"
    )


def test_missing_file_exits_2_naming_it(tmp_path: Path) -> None:
    write(tmp_path / "bridge.txt", BRIDGE)
    proc = run("extract", "bridge.txt", "missing.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")  # checked before any work
    assert proc.stderr == "quoteattr: error: cannot read missing.txt: no such file\n"


def test_bytes_that_are_not_utf8_exit_2_suggesting_encoding(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(b'"Caf\xe9 au lait," said Bo Lindqvist.')
    proc = run("extract", "latin.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        "quoteattr: error: cannot decode latin.txt as utf-8 (invalid continuation byte at byte"
        " 4): pass the file's encoding with --encoding, e.g. --encoding cp1252\n"
    )
    fixed = run("extract", "--encoding", "cp1252", "latin.txt", cwd=tmp_path)
    assert fixed.returncode == 0
    assert json.loads(fixed.stdout)["quotes"][0]["text"] == '"Caf\u00e9 au lait,"'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--encoding", "klingon"],
         "unknown --encoding 'klingon': use a Python codec name, e.g. utf-8 or cp1252"),
        (["--jsonl", "--encoding", "utf-16"],
         "--encoding utf-16 cannot be read line by line with --jsonl: "
         "convert the file to utf-8 first"),
    ],
    ids=["unknown", "jsonl-needs-ascii-compatible"],
)
def test_bad_encoding_is_a_one_line_error(tmp_path: Path, args: list[str], message: str) -> None:
    write(tmp_path / "bridge.txt", BRIDGE)
    proc = run("extract", *args, "bridge.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (2, f"quoteattr: error: {message}\n")


def test_a_directory_as_input_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    proc = run("extract", "folder", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("quoteattr: error: cannot read folder: ")
    assert "Traceback" not in proc.stderr
