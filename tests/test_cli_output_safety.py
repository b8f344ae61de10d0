"""``-o`` never destroys what it should not, and an interrupted run loses nothing: refused
when it names an input, written through symlinks and into FIFOs and devices, temp files of
killed runs cleaned, and ``--resume`` carrying a killed run on. Real command, subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from cli_support import run

LOCAL = ('"The library will stay open on Sundays," councillor Priya Nair said at the '
         "meeting in Leeds.")
BUSINESS = ("\u201cMargins will recover next year,\u201d said chief executive Lars Holm, "
            "whose company cut 300 jobs.")
FEATURE = ("She laughed. \u201cI never planned to bake for a living,\u201d Amara Obi "
           "says, dusting flour from her apron.")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files and signals")


def archive(tmp_path: Path, documents: int, *, bad_line: int | None = None) -> Path:
    """A JSON lines archive of ``documents`` articles; ``bad_line`` (1-based) is not JSON."""
    texts = [LOCAL, BUSINESS, FEATURE]
    lines = [json.dumps({"doc_id": f"d{n}", "text": " ".join(texts[n % 3:] * 15)})
             for n in range(documents)]
    if bad_line is not None:
        lines[bad_line - 1] = '{"doc_id": "broken", "text": '
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "in.jsonl"


def extract_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "quoteattr.cli", "extract", *args]


@pytest.mark.parametrize("spelling", ["story.txt", "./news/../story.txt"], ids=["same", "alias"])
def test_output_naming_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, spelling: str
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "story.txt").write_text(LOCAL, encoding="utf-8")
    proc = run("extract", "story.txt", "-o", spelling, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (f"quoteattr: error: -o {spelling} is also an input (story.txt): "
                           "writing it would replace the input; choose another output file\n")
    assert (tmp_path / "story.txt").read_text("utf-8") == LOCAL


def test_output_naming_a_file_of_an_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text(LOCAL, encoding="utf-8")
    proc = run("extract", "desk", "-o", "desk/a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "is also an input" in proc.stderr
    assert (tmp_path / "desk" / "a.txt").read_text("utf-8") == LOCAL


def test_output_that_is_a_folder_or_the_gold_file_is_refused_before_any_work(
    tmp_path: Path,
) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "a.txt").write_text(LOCAL, encoding="utf-8")
    proc = run("extract", "a.txt", "-o", "desk", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (2, "quoteattr: error: cannot write -o desk: it "
                                                 "is a folder\n")
    gold = json.dumps({"doc_id": "a", "text": LOCAL, "quotes": []}) + "\n"
    (tmp_path / "gold.jsonl").write_text(gold, encoding="utf-8")
    proc = run("evaluate", "gold.jsonl", "-o", "gold.jsonl", cwd=tmp_path)
    assert proc.returncode == 2 and "-o gold.jsonl is also an input" in proc.stderr
    assert (tmp_path / "gold.jsonl").read_text("utf-8") == gold


@posix_only
def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BUSINESS, encoding="utf-8")
    (tmp_path / "results").mkdir()
    (tmp_path / "latest.json").symlink_to("results/2026-12-03.json")
    proc = run("extract", "a.txt", "-o", "latest.json", cwd=tmp_path)
    assert proc.returncode == 0
    assert (tmp_path / "latest.json").is_symlink()
    result = json.loads((tmp_path / "results" / "2026-12-03.json").read_text("utf-8"))
    assert result["quotes"][0]["speaker"]["name"] == "Lars Holm"
    assert sorted(p.name for p in (tmp_path / "results").iterdir()) == ["2026-12-03.json"]


@posix_only
def test_output_to_dev_null_and_to_a_fifo_writes_into_them(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FEATURE, encoding="utf-8")
    assert run("extract", "a.txt", "-o", os.devnull, cwd=tmp_path).returncode == 0
    assert Path(os.devnull).is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    proc = run("extract", "a.txt", "-o", "pipe", cwd=tmp_path)
    reader.join(timeout=60)
    assert proc.returncode == 0
    assert json.loads(received[0])["quotes"][0]["speaker"]["name"] == "Amara Obi"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "pipe"]  # no temp file


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@posix_only
def test_a_killed_run_leaves_a_named_temp_file_that_the_next_run_removes(tmp_path: Path) -> None:
    archive(tmp_path, 600)
    proc = subprocess.Popen(extract_cmd("--jsonl", "in.jsonl", "-o", "out.jsonl"),
                            cwd=tmp_path, stderr=subprocess.DEVNULL)
    temp = tmp_path / f".out.jsonl.quoteattr-{proc.pid}.tmp"
    deadline = time.monotonic() + 60
    while not (temp.exists() and temp.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert temp.exists() and not (tmp_path / "out.jsonl").exists()
    alive = tmp_path / f".out.jsonl.quoteattr-{os.getpid()}.tmp"  # this test: running
    alive.write_text("another run's", encoding="utf-8")
    other = tmp_path / f".other.jsonl.quoteattr-{_dead_pid()}.tmp"  # another target's
    other.write_text("", encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": LOCAL}) + "\n", encoding="utf-8")
    assert run("extract", "--jsonl", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path).returncode == 0
    assert not temp.exists() and alive.exists() and other.exists()


@posix_only
@pytest.mark.parametrize(("sig", "code", "message"),
                         [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
                         ids=["ctrl-c", "sigterm"])
def test_an_interrupted_run_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, sig: int, code: int, message: str
) -> None:
    archive(tmp_path, 600)
    (tmp_path / "out.jsonl").write_text("yesterday's\n", encoding="utf-8")
    proc = subprocess.Popen(extract_cmd("--jsonl", "in.jsonl", "-o", "out.jsonl"),
                            cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    temp = tmp_path / f".out.jsonl.quoteattr-{proc.pid}.tmp"
    deadline = time.monotonic() + 60
    while not (temp.exists() and temp.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be stopped"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (code, f"quoteattr: {message}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
    assert (tmp_path / "out.jsonl").read_text("utf-8") == "yesterday's\n"


def test_resume_after_a_cut_last_line_redoes_only_that_line(tmp_path: Path) -> None:
    archive(tmp_path, 12, bad_line=2)
    twice = (tmp_path / "in.jsonl").read_text("utf-8").replace('"d4"', '"d3"')
    (tmp_path / "in.jsonl").write_text(twice, encoding="utf-8")  # one doc_id used twice
    full = run("extract", "--jsonl", "in.jsonl", "-o", "full.jsonl", cwd=tmp_path)
    assert full.returncode == 1 and "in.jsonl:2:" in full.stderr
    whole = (tmp_path / "full.jsonl").read_bytes()
    cut = whole[: whole.index(b"\n", len(whole) // 2) + 40]  # 40 bytes into a record
    (tmp_path / "out.jsonl").write_bytes(cut)
    proc = run("extract", "--jsonl", "in.jsonl", "-o", "out.jsonl", "--resume", cwd=tmp_path)
    assert (tmp_path / "out.jsonl").read_bytes() == whole
    assert (proc.returncode, proc.stderr) == (1, "")  # line 2's error counts, is not redone


@posix_only
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGKILL, -signal.SIGKILL),
                                           (signal.SIGINT, 130)], ids=["sigkill", "ctrl-c"])
def test_resume_carries_a_stopped_run_on(tmp_path: Path, sig: int, code: int) -> None:
    archive(tmp_path, 600)
    reference = run("extract", "--jsonl", "in.jsonl", cwd=tmp_path).stdout.encode("utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(extract_cmd("--jsonl", "in.jsonl", "-o", "out.jsonl", "--resume"),
                            cwd=tmp_path, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (out.exists() and out.read_bytes().count(b"\n") >= 5) and (
            time.monotonic() < deadline):
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be stopped"
    proc.send_signal(sig)
    assert proc.wait(timeout=60) == code
    kept = out.read_bytes().count(b"\n")
    assert 5 <= kept < 600
    resumed = run("extract", "--jsonl", "in.jsonl", "-o", "out.jsonl", "--resume", cwd=tmp_path)
    assert resumed.returncode == 0
    assert out.read_bytes() == reference


def test_resume_of_a_folder_does_not_read_the_files_already_done(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    for name, text in (("a", LOCAL), ("b", BUSINESS), ("c", FEATURE)):
        (tmp_path / "desk" / f"{name}.txt").write_text(text, encoding="utf-8")
    assert run("extract", "desk", "-o", "out.jsonl", cwd=tmp_path).returncode == 0
    whole = (tmp_path / "out.jsonl").read_text("utf-8")
    (tmp_path / "out.jsonl").write_text("".join(whole.splitlines(True)[:2]), encoding="utf-8")
    (tmp_path / "desk" / "a.txt").write_bytes(b"\xff\xfe not utf-8 any more")
    proc = run("extract", "desk", "-o", "out.jsonl", "--resume", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert (tmp_path / "out.jsonl").read_text("utf-8") == whole


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["in.jsonl", "--resume"], "--resume needs -o FILE: the file a run was writing, to "
                                   "carry on into"),
        (["in.jsonl", "-o", "out.jsonl", "--resume", "--format", "table"],
         "--resume needs JSON lines output (--format json, and several files, a folder, a "
         "pattern or --jsonl), one line per document"),
        (["in.jsonl", "-o", "out.jsonl", "--resume"],
         "cannot --resume into out.jsonl: its record 2 is doc_id 'elsewhere', but input "
         "document 2 is 'd1'; the input is not the one the file was made from (leave out "
         "--resume to start over)"),
        (["in.jsonl", "-o", "notes.jsonl", "--resume"],
         "cannot --resume into notes.jsonl: line 1 is not a quoteattr JSON record"),
    ],
    ids=["no-output", "table", "other-input", "not-ours"],
)
def test_resume_refuses_what_it_cannot_carry_on(
    tmp_path: Path, args: list[str], message: str
) -> None:
    archive(tmp_path, 3)
    mixed = [json.dumps({"doc_id": d, "quotes": [], "speakers": [], "error": None})
             for d in ("d0", "elsewhere")]
    (tmp_path / "out.jsonl").write_text("\n".join(mixed) + "\n", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text("shopping list\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    proc = run("extract", "--jsonl", *args, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (2, f"quoteattr: error: {message}\n")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
