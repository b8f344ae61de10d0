"""``quoteattr extract`` loses nothing, whatever the input: bad files in a folder, odd strings,
closed streams. The real command runs in a subprocess, as in test_cli.py."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_support import run

from quoteattr.cli import main
from quoteattr.cli.inputs import Source, file_docs
from quoteattr.cli.messages import BROKEN_PIPE, INTERRUPTED, STANZA_INSTALL, TERMINATED

HAS_JSONSCHEMA = importlib.util.find_spec("jsonschema") is not None
DOCS = Path(__file__).parent.parent / "docs"
WIRE = ('"Talks will resume on Thursday," a union spokeswoman told reporters in Lagos, '
        "adding that the strike would go on until then.")
SPORT = "\u201cWe were second best all night,\u201d coach Mirela Ionescu said after the 3-0 loss."
RADIO = ('PRESENTER: Minister, will rents fall?\nMINISTER: "They will not rise," '
         "Housing Minister Tomas Berg said.")


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """archive/a.txt (wire), b.txt in latin-1 bytes, c.txt (sport)."""
    root = tmp_path / "archive"
    root.mkdir()
    (root / "a.txt").write_text(WIRE, encoding="utf-8")
    (root / "b.txt").write_bytes('"Caf\u00e9 prices rose," said Ana Duarte.'.encode("latin-1"))
    (root / "c.txt").write_text(SPORT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("spelling", ["archive", "archive/*.txt"], ids=["folder", "glob"])
def test_undecodable_file_in_a_folder_gets_an_error_record_and_the_rest_is_written(
    archive: Path, spelling: str
) -> None:
    proc = run("extract", spelling, "-o", "out.jsonl", cwd=archive)
    assert proc.returncode == 1
    out = records((archive / "out.jsonl").read_text("utf-8"))
    assert [o["doc_id"] for o in out] == ["a", "b", "c"]
    assert out[0]["quotes"] and out[2]["quotes"]
    reason = ("cannot decode archive/b.txt as utf-8 (invalid continuation byte at byte 4): pass "
              "the file's encoding with --encoding, e.g. --encoding cp1252")
    assert out[1] == {"doc_id": "b", "quotes": [], "speakers": [], "error": reason}
    assert proc.stderr == f"quoteattr: archive/b.txt: {reason}\n"


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_vanished_file_in_a_folder_gets_an_error_record(archive: Path) -> None:
    """A dangling symlink is a file listed in the archive that is gone when it is read."""
    (archive / "archive" / "b.txt").unlink()
    (archive / "archive" / "b.txt").symlink_to("gone.txt")
    proc = run("extract", "archive", cwd=archive)
    assert proc.returncode == 1
    out = records(proc.stdout)
    assert [o["doc_id"] for o in out] == ["a", "b", "c"]
    assert out[1]["error"] == "cannot read archive/b.txt: No such file or directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads mode 000 files")
def test_an_unreadable_file_in_a_folder_gets_an_error_record(archive: Path) -> None:
    (archive / "archive" / "b.txt").chmod(0)
    proc = run("extract", "archive", cwd=archive)
    assert proc.returncode == 1
    assert records(proc.stdout)[1]["error"] == "cannot read archive/b.txt: Permission denied"


def test_a_file_gone_between_listing_and_reading_is_an_error_document(tmp_path: Path) -> None:
    """The race no subprocess can time: the folder listed it, and it is gone when read."""
    listed = Source(str(tmp_path / "gone.txt"), "gone", named=False)
    (doc,) = file_docs([listed], "utf-8")
    assert (doc.doc_id, doc.text) == ("gone", "")
    assert doc.error is not None and doc.error.reason.endswith("No such file or directory")


def test_a_named_undecodable_file_still_ends_the_run(archive: Path) -> None:
    """Named on the command line, it is the user's mistake to fix: exit 2, nothing written."""
    proc = run("extract", "archive/a.txt", "archive/b.txt", "-o", "out.jsonl", cwd=archive)
    assert proc.returncode == 2 and not (archive / "out.jsonl").exists()


@pytest.mark.skipif(not HAS_JSONSCHEMA, reason="jsonschema not installed")
def test_every_line_extract_writes_validates_against_the_published_schema(
    archive: Path,
) -> None:
    import jsonschema

    schema = json.loads(run("schema", cwd=archive).stdout)
    validator = jsonschema.Draft202012Validator(schema)
    lines = [
        json.dumps({"doc_id": "wire", "text": WIRE}),
        "",
        "   ",
        '{"doc_id": "cut", "text": "unterminated',
        json.dumps({"doc_id": "notext"}),
        json.dumps({"doc_id": 7, "text": SPORT}),
        '{"doc_id": "odd\\ud800", "text": "\\"Yes \\udc80,\\" said Bo Lindqvist."}',
        json.dumps({"text": RADIO}),
    ]
    (archive / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    jsonl = run("extract", "--jsonl", "in.jsonl", cwd=archive)
    folder = run("extract", "archive", cwd=archive)
    assert (jsonl.returncode, folder.returncode) == (1, 1)
    out = records(jsonl.stdout)
    assert len(out) == len(lines)  # output line N answers input line N, blank ones too
    assert out[1] == out[2] == {"doc_id": None, "quotes": [], "speakers": [], "error": None}
    assert [o["error"] is not None for o in out] == [False] * 3 + [True] * 3 + [False] * 2
    for record in out + records(folder.stdout):
        validator.validate(record)
    assert out[6]["doc_id"] == "odd\ud800" and out[6]["quotes"][0]["text"] == '"Yes \udc80,"'


@pytest.mark.parametrize("fmt", ["json", "table", "html"])
def test_lone_surrogates_reach_every_writer_and_come_back(tmp_path: Path, fmt: str) -> None:
    """A Python str may hold a lone surrogate (JSON input can); UTF-8 cannot. JSON escapes it,
    the text formats write it as its backslash escape (errors="backslashreplace")."""
    lines = [
        json.dumps({"doc_id": "first", "text": WIRE}),
        json.dumps({"doc_id": "odd\ud800", "text": '"Yes \udc80," said Bo Lindqvist.'}),
        json.dumps({"doc_id": "bad\udfff"}),  # an error record holding one
        json.dumps({"doc_id": "last", "text": SPORT}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("extract", "--jsonl", "in.jsonl", "--format", fmt, "-o", f"out.{fmt}",
               cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    written = (tmp_path / f"out.{fmt}").read_text("utf-8")  # valid UTF-8 throughout
    if fmt == "json":
        out = records(written)
        assert [o["doc_id"] for o in out] == ["first", "odd\ud800", "bad\udfff", "last"]
        assert out[1]["quotes"][0]["text"] == '"Yes \udc80,"' and out[3]["quotes"]
    else:
        assert "odd\\ud800" in written and "Yes \\udc80," in written
        assert "Mirela Ionescu" in written  # the documents after it are there too
    if fmt == "html":
        assert "bad\\udfff" in written


def _big_archive(tmp_path: Path, documents: int) -> Path:
    lines = [json.dumps({"doc_id": f"d{n}", "text": " ".join([WIRE, SPORT, RADIO] * 20)})
             for n in range(documents)]
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "big.jsonl"


@pytest.mark.skipif(os.name != "posix", reason="SIGPIPE")
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
@pytest.mark.parametrize("args", [["--jsonl", "big.jsonl"], ["one.txt"]], ids=["lines", "one"])
def test_a_reader_that_goes_away_ends_the_run_quietly_with_141(
    tmp_path: Path, args: list[str], unbuffered: str
) -> None:
    """`| head -1`, over many small writes or one large one. Unbuffered, Python's stdout
    drops what a short write to a pipe leaves over without a word: that must not give 0."""
    _big_archive(tmp_path, 400)
    (tmp_path / "one.txt").write_text(" ".join([WIRE, SPORT, RADIO] * 400), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quoteattr.cli", "extract", *args],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**env, **({"PYTHONUNBUFFERED": unbuffered} if unbuffered else {})},
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"{")  # then the reader goes away
    proc.stdout.close()
    assert proc.wait(timeout=120) == BROKEN_PIPE == 141
    assert proc.stderr.read() == b""
    proc.stderr.close()


@pytest.mark.skipif(os.name != "posix", reason="needs sh")
@pytest.mark.parametrize(
    ("redirect", "message"),
    [(">&-", "standard output is closed: nothing can be written there (use -o FILE)"),
     ("<&-", "cannot read <stdin>: standard input is closed")],
    ids=["stdout", "stdin"],
)
def test_a_closed_stream_is_a_one_line_error(tmp_path: Path, redirect: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    source = "-" if redirect == "<&-" else "a.txt"
    proc = subprocess.run(
        ["sh", "-c", f'"$0" -m quoteattr.cli extract {source} {redirect}', sys.executable],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    assert (proc.returncode, proc.stderr) == (2, f"quoteattr: error: {message}\n")


@pytest.mark.parametrize("missing", ["stanza", "torch"])
def test_stanza_missing_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    missing: str,
) -> None:
    """stanza is installed here, so its absence is simulated: ``None`` in ``sys.modules``
    makes both ``import stanza`` and ``find_spec("stanza")`` see no stanza."""
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    monkeypatch.setitem(sys.modules, missing, None)
    code = main(["extract", "--annotator", "stanza", "--model-dir", str(tmp_path),
                 str(tmp_path / "a.txt")])
    assert code == 2
    err = capsys.readouterr().err
    assert err == (f"quoteattr: error: --annotator stanza needs {missing}, which is not "
                   f"installed: {STANZA_INSTALL}\n")
    assert STANZA_INSTALL == 'pip install torch==2.13.0 && pip install "quoteattr[stanza]"'


def test_the_exit_code_table_lists_the_codes_the_tests_check() -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    table = text[text.index("## Exit codes"):]
    codes = re.findall(r"^\| `(\d+)` \|", table, flags=re.MULTILINE)
    assert codes == ["0", "1", "2", str(INTERRUPTED), str(BROKEN_PIPE), str(TERMINATED)]
    assert (INTERRUPTED, BROKEN_PIPE, TERMINATED) == (130, 141, 143)
