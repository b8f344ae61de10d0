"""Instructions (valgrind callgrind) spent in chosen functions while attributing N articles.

Usage: python benchmarks/stages.py [--docs 60] [--corpus PATH.jsonl] TARGET [TARGET ...]

A TARGET is ``module:attribute`` (``quoteattr.pipeline:find_mentions``,
``quoteattr.annotators.embedded:EmbeddedAnnotator._classified``); up to four per run.

``benchmarks/instructions.py`` says how much a whole change costs; this says where the
instructions go, without a profiler's overhead per Python call (cProfile makes a cheap
function called often look dear). callgrind cannot name Python functions, only C ones, so
each target is called through a different C function of the standard library that calls
back into Python (``operator.call``, ``functools.reduce``, ``itertools.starmap``,
``contextvars.Context.run``), which the pipeline itself never uses, and the inclusive
count of that C function is the target's. The targets are wrapped after one warm-up
document, so what is built once (lexicon patterns) is not counted. Wrap a name where it
is looked up: ``quoteattr.pipeline:find_mentions`` is the pipeline's own binding. A
wrapped generator only counts its creation. Each call costs the wrapper a few hundred
instructions too. Needs valgrind and callgrind_annotate.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"
_C_FUNCTIONS = ("_operator_call", "functools_reduce", "starmap_next", "context_run")
"""The C function through which the first, second, third and fourth target is called."""
_WORKLOAD = """
import contextvars, functools, importlib, itertools, json, operator, sys
import quoteattr

def through_call(f):
    return lambda *a, **k: operator.call(f, *a, **k)

def through_reduce(f):
    return lambda *a, **k: functools.reduce(lambda _x, _y: f(*a, **k), (0, 0))

def through_starmap(f):
    return lambda *a, **k: next(itertools.starmap(lambda: f(*a, **k), ((),)))

def through_context(f):
    context = contextvars.Context()
    return lambda *a, **k: context.run(f, *a, **k)

lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[: int(sys.argv[2])]
texts = [json.loads(line)["text"] for line in lines]
attributor = quoteattr.Attributor()
attributor.attribute(texts[0])
wrappers = (through_call, through_reduce, through_starmap, through_context)
for target, wrap in zip(sys.argv[3:], wrappers):
    module, _, path = target.partition(":")
    owner = importlib.import_module(module)
    *parents, name = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    setattr(owner, name, wrap(getattr(owner, name)))
for text in texts:
    attributor.attribute(text)
"""


def stage_counts(corpus: Path, docs: int, targets: list[str]) -> list[int]:
    """Instructions inside each target (its C function's inclusive count)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
             sys.executable, "-c", _WORKLOAD, str(corpus), str(docs), *targets],
            capture_output=True, text=True, env=env, check=True,
        )
        report = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
            capture_output=True, text=True, check=True,
        ).stdout
    counts = []
    for function in _C_FUNCTIONS[: len(targets)]:
        # "N (P%)  path:function [library]": the largest such line is the function's own
        # inclusive count (recursive entries end in "'2" and do not match).
        pattern = re.compile(
            r"^\s*([\d,]+) \([^)]*\)\s+\S*:" + function + r"(?: \[[^\]]*\])?\s*$", re.M)
        found = [int(m.group(1).replace(",", "")) for m in pattern.finditer(report)]
        counts.append(max(found, default=0))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="+", metavar="TARGET")
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=TRAIN)
    args = parser.parse_args()
    if len(args.targets) > len(_C_FUNCTIONS):
        parser.error(f"at most {len(_C_FUNCTIONS)} targets per run")
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        print("valgrind is not installed (apt-get install -y valgrind)", file=sys.stderr)
        return 2
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    counts = stage_counts(args.corpus, args.docs, args.targets)
    print(f"{args.docs} documents of {args.corpus.name}, instructions inside:")
    for target, count in zip(args.targets, counts, strict=True):
        print(f"{count / 1e6:9,.1f} M  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
