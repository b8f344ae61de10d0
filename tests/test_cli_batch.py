"""Tests for ``quoteattr extract`` over many documents: folders, patterns, processes, progress.

The real command runs in a subprocess, as in test_cli.py; the progress line is checked
through a pseudo-terminal, since it shows only when stderr is one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"
BRIDGE = '"We will rebuild the bridge," Mayor Ana Duarte said on Monday.'


def doc_ids(stdout: str) -> list[str]:
    return [json.loads(line)["doc_id"] for line in stdout.splitlines()]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """archive/{a,b,c}.txt, archive/2024/{b,d}.txt, a hidden file and a non-text file."""
    root = tmp_path / "archive"
    (root / "2024").mkdir(parents=True)
    for name in ("c", "a", "b", "2024/b", "2024/d", ".hidden"):
        (root / f"{name}.txt").write_text(BRIDGE.replace("bridge", name), encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return tmp_path


def test_folder_gives_its_txt_files_sorted_one_line_each(archive: Path) -> None:
    proc = run("extract", "archive", cwd=archive)
    assert (proc.returncode, proc.stderr) == (0, "")  # piped stderr: no progress line
    assert doc_ids(proc.stdout) == ["a", "b", "c"]
    assert len(proc.stdout.splitlines()) == 3  # compact, even for a folder of one file


def test_recursive_folder_names_documents_by_their_path_below_it(archive: Path) -> None:
    proc = run("extract", "--recursive", "archive", cwd=archive)
    assert proc.returncode == 0
    assert doc_ids(proc.stdout) == ["2024/b", "2024/d", "a", "b", "c"]


def test_glob_pattern_is_expanded_by_the_program(archive: Path) -> None:
    recursive = run("extract", "-r", "archive", cwd=archive)
    pattern = run("extract", "archive/**/*.txt", cwd=archive)
    assert (pattern.returncode, pattern.stderr) == (0, "")
    assert pattern.stdout == recursive.stdout
    assert doc_ids(run("extract", "archive/?.txt", cwd=archive).stdout) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["archive/2024/*.md"], "no file matches the pattern archive/2024/*.md"),
        (["empty"], "cannot read empty: the folder holds no *.txt files"),
        (["deep"], "cannot read deep: the folder holds no *.txt files "
                   "(its subfolders do: add --recursive)"),
    ],
    ids=["no-match", "empty-folder", "only-subfolders"],
)
def test_inputs_that_expand_to_nothing_are_errors(
    archive: Path, args: list[str], message: str
) -> None:
    (archive / "empty").mkdir()
    (archive / "deep" / "sub").mkdir(parents=True)
    (archive / "deep" / "sub" / "x.txt").write_text(BRIDGE, encoding="utf-8")
    proc = run("extract", *args, cwd=archive)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"quoteattr: error: {message}\n")


def test_two_processes_write_what_one_writes(tmp_path: Path) -> None:
    shutil.copytree(ARTICLES, tmp_path / "articles")
    lines = [json.dumps({"doc_id": p.stem, "text": p.read_text(encoding="utf-8")})
             for p in sorted(ARTICLES.glob("*.txt"))]
    lines.insert(3, '{"doc_id": "cut", "text": "unterminated')
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for args in (["articles"], ["--jsonl", "in.jsonl"]):
        serial = run("extract", *args, cwd=tmp_path)
        parallel = run("extract", "--processes", "2", *args, cwd=tmp_path)
        assert parallel.stdout == serial.stdout
        assert (parallel.returncode, parallel.stderr) == (serial.returncode, serial.stderr)
        assert len(parallel.stdout.splitlines()) == len(list(ARTICLES.glob("*.txt"))) + (
            len(args) - 1
        )
    assert parallel.stderr == (
        "quoteattr: in.jsonl:4: not valid JSON: Unterminated string starting at column 27\n"
    )


def test_bad_processes_is_a_usage_error(tmp_path: Path) -> None:
    proc = run("extract", "--processes", "0", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "--processes: expected a number of processes >= 1, or -1 for one per core" in (
        proc.stderr
    )


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("quiet", [False, True], ids=["terminal", "quiet"])
def test_progress_line_only_on_a_terminal(archive: Path, quiet: bool) -> None:
    import pty

    main, child = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "quoteattr.cli", "extract", "-r", "archive",
             *(["--quiet"] if quiet else [])],
            cwd=archive, stdout=subprocess.PIPE, stderr=child, timeout=120, check=False,
        )
        os.close(child)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # Linux: EIO once the terminal's other end is closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 5  # the data is untouched by the progress line
    if quiet:
        assert shown == b""
    else:
        last = shown.decode("utf-8").split("\r")[-2]  # the last redraw, before the newline
        assert last.startswith("[####################] 100%  5 documents, 5 quotes, ")
        assert "KB/s, 0:0" in last
