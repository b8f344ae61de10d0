"""quoteattr.spark in local mode against the in-process path, on the same articles.

Usage: python benchmarks/spark_bench.py [--docs 840] [--cores 1,2] [--repeat 2]
                                        [--corpus PATH.jsonl] [--partitions 4]

Times ``list(Attributor().attribute_many(texts))`` turned into rows (``to_records``) in this
process, then, for each core count, ``attribute_dataframe(df).collect()`` on a ``local[N]``
SparkSession over the same articles (best of ``--repeat`` passes, after one warm-up pass
over them all, so the JVM's and the Python workers' start-up is not counted but each job's
scheduling, Arrow transfer and row building are). Prints the seconds, the overhead per
article over the in-process path (in core time: seconds x cores), and the speed-up from 1
core to 2. Needs pyspark, pandas, pyarrow and a Java runtime. A benchmark script, not a
test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"


def load(path: Path, docs: int) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    return [texts[i % len(texts)] for i in range(docs)]


def in_process(texts: list[str], repeat: int) -> tuple[float, int]:
    import quoteattr

    attributor = quoteattr.Attributor()
    attributor.attribute('"Warm up," she said.')
    best, rows = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = sum(len(r.to_records()) or 0 for r in attributor.attribute_many(texts))
        best = min(best, time.perf_counter() - start)
    return best, rows


def in_spark(texts: list[str], cores: int, repeat: int, partitions: int) -> tuple[float, int]:
    # The Python workers run this interpreter (its pandas, pyarrow and quoteattr).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from quoteattr.spark import attribute_dataframe

    spark = (SparkSession.builder.master(f"local[{cores}]").appName("quoteattr-bench")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .config("spark.python.worker.reuse", "true").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.createDataFrame([(f"d{i}", t) for i, t in enumerate(texts)],
                                   "doc_id string, text string").repartition(partitions)
        df = df.cache()
        df.count()
        attribute_dataframe(df).collect()  # warm-up: the workers start, the JVM's JIT warms
        best, rows = float("inf"), 0
        for _ in range(repeat):
            start = time.perf_counter()
            rows = len(attribute_dataframe(df).collect())
            best = min(best, time.perf_counter() - start)
        return best, rows
    finally:
        spark.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=840)
    parser.add_argument("--cores", default="1,2")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--corpus", type=Path, default=TRAIN)
    args = parser.parse_args()
    texts = load(args.corpus, args.docs)
    print(f"{len(texts)} articles of {args.corpus.name}, {os.cpu_count()} cores, load "
          f"average {'/'.join(f'{x:.2f}' for x in os.getloadavg())}, best of {args.repeat}")
    local, rows = in_process(texts, args.repeat)
    print(f"{'in-process':<12} {local:8.2f} s  {rows} rows")
    seconds: dict[int, float] = {}
    for cores in (int(c) for c in args.cores.split(",")):
        seconds[cores], spark_rows = in_spark(texts, cores, args.repeat, args.partitions)
        overhead = (seconds[cores] * cores - local) / len(texts) * 1000
        print(f"local[{cores}]{'':<4} {seconds[cores]:8.2f} s  {spark_rows} rows  "
              f"overhead {overhead:+.2f} ms of core time per article over in-process")
        assert spark_rows == rows, "Spark gave another number of rows"
    if 1 in seconds and 2 in seconds:
        print(f"speed-up local[1] -> local[2]: {seconds[1] / seconds[2]:.2f}x")
    print(f"load average after: {'/'.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
