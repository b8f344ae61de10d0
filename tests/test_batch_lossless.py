"""Issue 15: whatever goes into a worker process comes back, in order, with its own doc id.

Each test that starts a pool pays for spawning two interpreters, so inputs stay small.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from quoteattr import Attributor, DocumentResult

_TEMPLATES = (
    '"We will reopen the \ud83d\ude00 pier by June," harbour master Ana Duarte said.',
    "Fans cheered. \u201cIt was our night \ud800,\u201d said coach Tom Briggs.",
    "\udcc3\udca9 Shares fell 4 %. \u201cA hard quarter,\u201d the chief executive said.",
    '"Traffic is heavy \udbff\udfff on the ring road," a police spokesman told reporters.',
)


def _inputs(n: int) -> tuple[list[str], list[str | None]]:
    texts = [f"{_TEMPLATES[i % len(_TEMPLATES)]} ({i})" for i in range(n)]
    ids: list[str | None] = [None if i % 5 == 0 else f"page-{i}\udc80\ud83d\ude00"
                             for i in range(n)]
    return texts, ids


def test_texts_with_surrogates_come_back_whole_and_in_order(attributor: Attributor) -> None:
    texts, ids = _inputs(60)
    serial = list(attributor.attribute_many(texts, doc_ids=ids))
    pooled = list(attributor.attribute_many(texts, doc_ids=ids, n_process=2, batch_size=7))
    assert all(r.error is None for r in pooled)
    assert [r.doc_id for r in pooled] == ids
    assert pooled == serial
    assert [r.text for r in pooled] == texts
    assert sum(len(r.quotes) for r in pooled) >= 60


def test_a_result_the_parent_cannot_read_or_match_is_an_error_record_in_place(
    attributor: Attributor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parent rebuilds the workers' packed results in this process, so a patch here
    # reaches it.
    from quoteattr import batch

    real = batch.unpack

    def flaky(packed: Any, text: str) -> DocumentResult:
        if "page-3" in str(packed[0]):
            msg = "unreadable"
            raise ValueError(msg)
        result = real(packed, text)
        if "page-6" in str(packed[0]):
            return result.model_copy(update={"doc_id": "page-7"})
        return result

    monkeypatch.setattr(batch, "unpack", flaky)
    texts, ids = _inputs(8)
    pooled = list(attributor.attribute_many(texts, doc_ids=ids, n_process=2, batch_size=3))
    assert [r.doc_id for r in pooled] == ids
    assert [r.error is not None for r in pooled] == [i in (3, 6) for i in range(8)]
    assert pooled[3].error == "TransportError: ValueError: unreadable"
    assert "came back with doc id 'page-7'" in (pooled[6].error or "")


_PARENT = """
import itertools, multiprocessing, sys
from quoteattr import Attributor

if __name__ == "__main__":
    article = '"We will reopen the pier by June," harbour master Ana Duarte said. ' * 200
    texts = (f"{article} ({n})" for n in itertools.count())  # endless: work never runs out
    results = Attributor().attribute_many(texts, n_process=2, batch_size=2)
    next(results)
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    for _ in results:
        pass
"""


def _running(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped does not count)."""
    status = Path(f"/proc/{pid}/status")
    if status.parent.parent.is_dir():  # Linux
        try:
            return "\\nState:\\tZ" not in status.read_text()
        except (FileNotFoundError, ProcessLookupError):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(_PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_running(pid) for pid in workers)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)  # leave no orphan behind, even when the test fails
    assert left == []
