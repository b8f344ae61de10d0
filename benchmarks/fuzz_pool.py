"""Fuzzing the process pool: the cases of ``benchmarks/fuzz.py`` through
``Attributor.attribute_many(n_process=N)``.

Usage: python benchmarks/fuzz_pool.py [--cases 20000] [--seed 0] [--processes 2]
                                      [--batch-size 16] [--max-seconds S]

Case ``i`` is the text ``fuzz.py --seed S --replay i`` prints. It goes to the workers with
the doc id ``case-i`` (every 7th with a lone surrogate added, so doc ids are fuzzed too).
Checked for every case, on top of all of fuzz.py's invariants (with the serial call in
this process as the "second call", so ``determinism`` compares the worker's result with a
serial one):

  order   the results come one per text, in input order, each with its own doc id, and
          ``result.text`` is the very string sent;
  error   no result is an error record;
  lost    no text is left without a result when the run ends.

The exit status is 1 when any case failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any


def _fuzz() -> ModuleType:
    path = Path(__file__).resolve().parent / "fuzz.py"
    spec = importlib.util.spec_from_file_location("quoteattr_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["quoteattr_fuzz"] = module
    spec.loader.exec_module(module)
    return module


def doc_id_of(case: int) -> str:
    return f"case-{case}" + ("\udc80" if case % 7 == 0 else "")


def _pooled_then_serial(result: Any, attributor: Any, doc_id: str) -> Callable[[str], Any]:
    """An ``attribute`` for fuzz.check: the worker's result first, then a serial call."""
    calls = 0

    def attribute(text: str) -> Any:
        nonlocal calls
        calls += 1
        return result if calls == 1 else attributor.attribute(text, doc_id=doc_id)

    return attribute


def campaign(cases: int, seed: int, processes: int, batch_size: int, start: int,
             max_seconds: float | None) -> int:
    from quoteattr import Attributor

    fuzz = _fuzz()
    attributor = Attributor()
    sent: deque[tuple[int, str]] = deque()

    def texts() -> Iterator[str]:
        for i in range(start, start + cases):
            text = fuzz.generate(seed, i)
            sent.append((i, text))
            yield text

    ids = (doc_id_of(i) for i in itertools.count(start))
    failing: dict[str, list[int]] = {}
    done = 0
    started = last_report = time.perf_counter()

    def fail(invariant: str, case: int, message: str) -> None:
        cases_of = failing.setdefault(invariant, [])
        cases_of.append(case)
        if len(cases_of) <= 3:
            print(f"FAIL {invariant} (seed {seed}, case {case}): {message}"[:600], flush=True)

    results = attributor.attribute_many(texts(), doc_ids=ids, n_process=processes,
                                        batch_size=batch_size)
    try:
        for result in results:
            case, text = sent.popleft()
            done += 1
            doc_id = doc_id_of(case)
            if result.doc_id != doc_id:
                fail("order", case, f"got doc id {result.doc_id!r} for {doc_id!r}")
                continue
            if result.error is not None:  # an error record carries no text
                fail("error", case, result.error)
                continue
            if result.text is not text:
                fail("order", case, f"doc id {doc_id!r} came back with another text")
                continue
            try:
                fuzz.check(text, _pooled_then_serial(result, attributor, doc_id))
            except fuzz.InvariantError as err:
                fail(err.invariant, case, err.message)
            now = time.perf_counter()
            if now - last_report > 30:
                last_report = now
                print(f"  {done:,} cases, {done / (now - started):,.0f} cases/s, "
                      f"{sum(map(len, failing.values()))} failing", flush=True)
            if max_seconds is not None and now - started > max_seconds:
                print(f"stopped after --max-seconds {max_seconds:g}")
                break
        else:
            if sent:
                fail("lost", sent[0][0], f"{len(sent)} texts got no result")
    finally:
        results.close()  # type: ignore[attr-defined]  # a generator: shuts the pool down
    elapsed = time.perf_counter() - started
    print(f"{done:,} cases (seed {seed}, cases {start}-{start + done - 1}) in {elapsed:.0f} s "
          f"through attribute_many(n_process={processes}, batch_size={batch_size}): "
          f"{done / elapsed:,.0f} cases/s")
    if not failing:
        print("0 failing cases")
        return 0
    print(f"{sum(map(len, failing.values()))} failing cases:")
    for invariant, found in sorted(failing.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(found):>8}  {invariant}  (first: {found[:5]})")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="first case index")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-seconds", type=float,
                        help="stop after this long and report what finished")
    args = parser.parse_args()
    print(f"quoteattr pool fuzz: {args.cases:,} cases, seed {args.seed}, "
          f"{args.processes} processes", flush=True)
    return campaign(args.cases, args.seed, args.processes, args.batch_size, args.start,
                    args.max_seconds)


if __name__ == "__main__":
    sys.exit(main())
