"""Instructions (valgrind callgrind) to attribute the first N PolNeAR train articles.

Usage: python benchmarks/instructions.py [--docs 60] [--corpus PATH.jsonl]

Wall time on a shared 2-core VM moves by a quarter between runs; the instruction count
of the same code on the same documents moves by well under 1%, so this is the number to
compare two versions of a speed change by. It runs the documents twice under callgrind,
once after a warm-up only and once in full, and prints the difference in millions, so
interpreter start-up, imports and lexicon loading are not counted. Needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"
_WORKLOAD = """
import json, sys
import quoteattr
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[: int(sys.argv[2])]
texts = [json.loads(line)["text"] for line in lines]
attributor = quoteattr.Attributor()
attributor.attribute(texts[0])
if sys.argv[3] == "full":
    for text in texts:
        attributor.attribute(text)
"""
_COLLECTED = re.compile(r"Collected : (\d+)")


def count(corpus: Path, docs: int, mode: str) -> int:
    """Instructions callgrind collected for one run of the workload."""
    env = dict(os.environ, PYTHONHASHSEED="0")  # set and dict order stay the same per run
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", _WORKLOAD, str(corpus), str(docs), mode],
        capture_output=True, text=True, env=env, check=True,
    )
    match = _COLLECTED.search(proc.stderr)
    if match is None:
        msg = f"no instruction count in valgrind's output:\n{proc.stderr[-2000:]}"
        raise RuntimeError(msg)
    return int(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=TRAIN)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install -y valgrind)", file=sys.stderr)
        return 2
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    work = count(args.corpus, args.docs, "full") - count(args.corpus, args.docs, "warm-up")
    print(f"{args.docs} documents of {args.corpus.name}: {work / 1e6:,.0f} M instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
