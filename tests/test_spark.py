"""quoteattr.spark on a local SparkSession: same rows as a serial run, error rows, and one
Attributor per Python worker process."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from quoteattr import Attributor  # noqa: E402
from quoteattr.annotation import Annotation  # noqa: E402
from quoteattr.annotators.embedded import EmbeddedAnnotator  # noqa: E402
from quoteattr.lexicon import default_lexicon  # noqa: E402
from quoteattr.spark import _COLUMNS, attribute_dataframe, quote_schema  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error::FutureWarning")
"""No FutureWarning may reach the user: pyspark's pandas-3 notice is silenced by us."""

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
MARKER = "<<quoteattr-spark-test: fail here>>"
COUNTER_ENV = "QUOTEATTR_SPARK_TEST_COUNTER"
WORKERS = 2


def _count_construction() -> None:
    """Append this process's id to the counter file, when the test asked for one."""
    path = os.environ.get(COUNTER_ENV)
    if path:
        with Path(path).open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")


def _rebuild_failing() -> FailingAnnotator:
    _count_construction()
    return FailingAnnotator()


class FailingAnnotator:
    """The embedded annotator, except that it raises on a text holding ``MARKER``.

    Unpickling it (which is how a worker builds its Attributor) is counted.
    """

    name = "failing"
    provides = EmbeddedAnnotator.provides

    def __init__(self) -> None:
        self._inner = EmbeddedAnnotator(default_lexicon())

    def annotate(self, text: str) -> Annotation:
        if MARKER in text:
            msg = "marker text"
            raise RuntimeError(msg)
        return self._inner.annotate(text)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (_rebuild_failing, ())


@pytest.fixture(scope="module")
def counter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spark") / "constructions.txt"
    path.write_text("", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark(counter: Path) -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The workers need this interpreter (this venv), not the first python3 on PATH.
    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable

    session = (
        SparkSession.builder.master(f"local[{WORKERS}]")
        .appName("quoteattr-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")  # several batches a task
        .config(f"spark.executorEnv.{COUNTER_ENV}", str(counter))
        .config("spark.driver.extraJavaOptions", "-Dlog4j.rootLogger=ERROR")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    # The workers must import this module to unpickle FailingAnnotator, as --py-files would.
    session.sparkContext.addPyFile(__file__)
    yield session
    session.stop()
    if saved is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = saved


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]


def _key(row: dict[str, Any]) -> tuple[str, int]:
    return (row["doc_id"] or "", row["quote"] if row["quote"] is not None else -1)


def _plain(rows: list[Any]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        d = row.asDict()
        if d["confidence"] is not None:
            d["confidence"] = float(d["confidence"])
        out.append(d)
    return sorted(out, key=_key)


def test_schema_matches_to_records(attributor: Attributor) -> None:
    records = attributor.attribute('"We will rebuild," Mayor Ana Duarte said.').to_records()
    assert [f.name for f in quote_schema().fields] == [*records[0], "error"]
    assert list(_COLUMNS) == [f.name for f in quote_schema().fields]


def test_rows_equal_serial_run(
    spark: Any, articles: list[tuple[str, str]], attributor: Attributor
) -> None:
    df = spark.createDataFrame(articles, ["doc_id", "text"]).repartition(4)
    got = _plain(attribute_dataframe(df).collect())
    expected = []
    for doc_id, text in articles:
        for rec in attributor.attribute(text, doc_id=doc_id).to_records():
            expected.append({**rec, "confidence": float(rec["confidence"]), "error": None})
    assert got == sorted(expected, key=_key)
    assert len(got) > len(articles)


def test_failing_document_gives_error_row_and_one_attributor_per_worker(
    spark: Any, articles: list[tuple[str, str]], counter: Path
) -> None:
    bad = ("broken", f'"It fails," she said. {MARKER}')
    empty = ("empty", "No quotation marks here at all.")
    docs = [*articles, bad, empty, ("null_text", None)]
    df = spark.createDataFrame(docs, "doc_id string, text string").repartition(6)
    attributor = Attributor(annotator=FailingAnnotator())
    rows = _plain(attribute_dataframe(df, attributor=attributor).collect())

    errors = {r["doc_id"]: r for r in rows if r["error"] is not None}
    assert set(errors) == {"broken", "null_text"}
    assert errors["broken"]["error"] == "RuntimeError: marker text"
    assert errors["null_text"]["error"].startswith("InputTypeError: text must be str")
    for row in errors.values():
        assert all(row[c] is None for c in _COLUMNS if c not in ("doc_id", "error"))
    assert not any(r["doc_id"] == "empty" for r in rows)
    assert {r["doc_id"] for r in rows} - set(errors) == {d for d, _ in articles}

    pids = counter.read_text(encoding="utf-8").split()
    assert 1 <= len(pids) <= WORKERS, pids  # not one per task, batch or row
    assert len(set(pids)) == len(pids)  # and never twice in one process


def test_bad_arguments_fail_on_the_driver(spark: Any) -> None:
    from quoteattr.errors import InputTypeError, InputValueError

    df = spark.createDataFrame([("a", "x")], ["id", "body"])
    with pytest.raises(InputValueError, match="text_col='text' is not a column"):
        attribute_dataframe(df)
    with pytest.raises(InputTypeError, match="must be a quoteattr.Attributor"):
        attribute_dataframe(df, text_col="body", id_col="id", attributor="embedded")  # type: ignore[arg-type]
    out = attribute_dataframe(df, text_col="body", id_col=None)
    assert out.count() == 0
