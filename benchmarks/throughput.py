"""Batch throughput: ``attribute_many`` in one process and in worker processes.

Usage: python benchmarks/throughput.py [--processes 1,2,-1] [--batch-size 64] [--repeat 3]
                                       [--docs 2400] [--corpus PATH ...]

For each corpus (the fixture articles and, when present, ../shared/eval/polnear-train.jsonl)
and each process count, times ``list(attributor.attribute_many(texts, n_process=N))`` and
prints KB of UTF-8 text per second, documents per second and the speed-up over one process,
best of ``--repeat`` passes (-1 is one process per core). ``--docs N`` repeats a corpus's
documents until there are N, so a pool's start-up weighs what it weighs on a real batch.
With N > 1 every pass starts a fresh pool, so the time includes starting the workers, as a
real run pays it; the pool's start-up alone is printed first. "CPU s" is the processor time
of that pass, parent and workers together, and "parent" the part of it spent in the calling
process (reading results back is the step that does not run in parallel). "CPU x" is the CPU
time over the one-process run's, and "cores" the CPU time over the wall time: how many cores
the pass kept busy. When the CPU time stays flat but the wall time does not drop, the cores
were busy with other work. The load average before and after shows whether other jobs shared
the machine. This is a benchmark script, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"


def load_corpus(path: Path) -> list[str]:
    """The texts of a folder of *.txt files or of a JSON lines file with a "text" field."""
    if path.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def cpu_seconds() -> tuple[float, float]:
    """Processor time of this process, and of it with its finished child processes."""
    try:
        import resource
    except ImportError:  # not on POSIX
        return float("nan"), float("nan")
    own, children = (resource.getrusage(who)
                     for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    parent = own.ru_utime + own.ru_stime
    return parent, parent + children.ru_utime + children.ru_stime


def best_seconds(
    texts: list[str], processes: int, batch_size: int, repeat: int
) -> tuple[float, float, float]:
    """(wall, CPU, parent CPU) seconds of the fastest full ``attribute_many`` pass."""
    import quoteattr

    attributor = quoteattr.Attributor()
    attributor.attribute('"Warm-up: lexicons load on first use," she said.')
    best = (float("inf"), float("nan"), float("nan"))
    for _ in range(repeat):
        start, (parent, cpu) = time.perf_counter(), cpu_seconds()
        results = list(attributor.attribute_many(texts, n_process=processes,
                                                 batch_size=batch_size))
        wall = time.perf_counter() - start
        parent_after, cpu_after = cpu_seconds()
        best = min(best, (wall, cpu_after - cpu, parent_after - parent))
        assert len(results) == len(texts)
    return best


def load() -> str:
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", default="1,2,-1",
                        help="comma-separated process counts, -1 one per core (default 1,2,-1)")
    parser.add_argument("--docs", type=int, default=0,
                        help="repeat each corpus's documents up to this many (0: as it is)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, action="append")
    args = parser.parse_args()
    counts = list(dict.fromkeys(int(n) for n in args.processes.split(",")))
    corpora = args.corpus or [ARTICLES, POLNEAR]

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; load average (1/5/15 min) before: {load()}")
    print(f"batch_size {args.batch_size}, best of {args.repeat} passes")
    for n in counts:
        if n != 1:
            startup, cpu, _ = best_seconds(["Hello."], n, 1, args.repeat)
            print(f"pool start-up with {n} processes (one tiny document): {startup:.2f} s, "
                  f"{cpu:.2f} CPU s")
    header = (f"{'corpus':<22} {'docs':>5} {'KB':>6} {'procs':>5} {'seconds':>8} "
              f"{'CPU s':>6} {'parent':>6} {'CPU x':>6} {'cores':>5} {'KB/s':>6} "
              f"{'docs/s':>7} {'speed-up':>8}")
    print(header)
    print("-" * len(header))
    for path in corpora:
        if not path.exists():
            print(f"{path.name:<22} skipped: {path} is absent")
            continue
        texts = load_corpus(path)
        if args.docs and texts:
            texts = [texts[i % len(texts)] for i in range(args.docs)]
        size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
        single: tuple[float, float] | None = None
        for n in counts:
            seconds, cpu, parent = best_seconds(texts, n, args.batch_size, args.repeat)
            single = (seconds, cpu) if n == 1 else single
            speedup = f"{single[0] / seconds:.2f}x" if single else "-"
            cpu_x = f"{cpu / single[1]:.2f}" if single else "-"
            print(f"{path.name:<22} {len(texts):>5} {size_kb:>6.0f} {n:>5} {seconds:>8.2f} "
                  f"{cpu:>6.2f} {parent:>6.2f} {cpu_x:>6} {cpu / seconds:>5.2f} "
                  f"{size_kb / seconds:>6.0f} {len(texts) / seconds:>7.1f} {speedup:>8}")
    print(f"load average after: {load()}")
    return 0


if __name__ == "__main__":  # worker processes are spawned: they must not run this again
    sys.exit(main())
