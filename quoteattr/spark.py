"""Run quoteattr over a Spark DataFrame of articles: one output row per quote.

The rows are :meth:`quoteattr.records.DocumentResult.to_records` plus an ``error``
column, so a Spark table and a pandas table of the same articles hold the same values.
pyspark, pandas and pyarrow are optional (``pip install "quoteattr[spark]"``) and are
imported only inside these functions; ``import quoteattr`` never loads this module.
"""

from __future__ import annotations

import functools
import importlib
import pickle
import warnings
from collections.abc import Iterator
from typing import Any

from .errors import BackendUnavailableError, InputTypeError, InputValueError, describe_type
from .pipeline import Attributor

__all__ = ["attribute_dataframe", "quote_schema"]

_FIELDS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("quote", "long"),
    ("start", "long"),
    ("end", "long"),
    ("text", "string"),
    ("kind", "string"),
    ("speaker_id", "string"),
    ("speaker_name", "string"),
    ("speaker_type", "string"),
    ("mention_start", "long"),
    ("mention_end", "long"),
    ("mention_text", "string"),
    ("cue_start", "long"),
    ("cue_end", "long"),
    ("cue_text", "string"),
    ("rule", "string"),
    ("confidence", "double"),
    ("parent", "long"),
    ("error", "string"),
)
"""Column name and Spark type of each output column, in the order of ``to_records``."""

_COLUMNS = tuple(name for name, _ in _FIELDS)
_DTYPES = {name: {"long": "Int64", "double": "float64", "string": "object"}[kind]
           for name, kind in _FIELDS}
"""pandas dtypes of the output batches: nullable ``Int64`` keeps offsets integers around
the nulls, so Arrow hands Spark longs, not floats; strings stay ``object``, because
pandas 3's Arrow-backed strings reach PySpark as chunked arrays it cannot convert."""

_WORKER_ATTRIBUTORS: dict[bytes, Attributor] = {}
"""The Attributor of this Python worker process, keyed by the pickled bytes it came from.

Spark reuses Python workers across tasks (``spark.python.worker.reuse``, on by default),
so each worker unpickles the Attributor, building its lexicon and patterns, once, not
once per task or per Arrow batch."""

_MAX_CACHED = 4

_PANDAS3_WARNING = "PySpark does not yet fully support pandas"
"""Start of the FutureWarning pyspark 4 gives on every ``mapInPandas`` under pandas 3.

It is about pyspark's own pandas support, which this module does not use beyond plain
object and nullable-integer columns (tested under pandas 3), so it says nothing the user
can act on; it is silenced only around our calls, never process-wide."""


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        msg = (f"quoteattr.spark needs pyspark, pandas and pyarrow, and {name} cannot be "
               f'imported ({exc}): pip install "quoteattr[spark]" on the driver and on '
               "every executor")
        raise BackendUnavailableError(msg) from None


def quote_schema() -> Any:
    """The ``pyspark.sql.types.StructType`` of one output row of :func:`attribute_dataframe`.

    Every column is nullable: an error row has only ``doc_id`` and ``error``.
    """
    types = _import("pyspark.sql.types")
    spark_type = {"string": types.StringType, "long": types.LongType,
                  "double": types.DoubleType}
    return types.StructType([types.StructField(name, spark_type[kind](), True)
                             for name, kind in _FIELDS])


def attribute_dataframe(
    df: Any,
    *,
    text_col: str = "text",
    id_col: str | None = "doc_id",
    attributor: Attributor | None = None,
) -> Any:
    """Find the quotes in each row's ``text_col``: a DataFrame of one row per quote.

    The work runs in the executors with ``mapInPandas``. ``attributor`` (default: the
    embedded annotator) is pickled once here, and each Python worker process unpickles
    it once and keeps it, so it must be picklable from an importable module that the
    executors can import. A document whose processing fails gives one row with ``error``
    set (``"Type: message"``, as in ``attribute_many``) and null quote columns, and the
    job goes on; a document with no quotes gives no rows. ``id_col=None`` leaves
    ``doc_id`` null. The result is lazy, like any Spark transformation.
    """
    for module in ("pyspark.sql", "pandas", "pyarrow"):
        _import(module)
    if attributor is None:
        attributor = Attributor()
    elif not isinstance(attributor, Attributor):
        msg = f"attributor must be a quoteattr.Attributor or None, got {describe_type(attributor)}"
        raise InputTypeError(msg)
    columns = list(df.columns)
    wanted = [("text_col", text_col)] + ([("id_col", id_col)] if id_col is not None else [])
    for argument, name in wanted:
        if name not in columns:
            msg = f"{argument}={name!r} is not a column of the DataFrame; its columns are {columns}"
            raise InputValueError(msg)
    text_type = df.schema[text_col].dataType.simpleString()
    if text_type != "string":
        msg = (f"text_col={text_col!r} must be a string column, got {text_type}: "
               "cast or decode it first")
        raise InputTypeError(msg)
    payload = pickle.dumps(attributor, protocol=pickle.HIGHEST_PROTOCOL)
    selected = df.select(text_col, id_col) if id_col is not None else df.select(text_col)
    run = functools.partial(_map_batches, payload=payload, text_col=text_col, id_col=id_col)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", _PANDAS3_WARNING, FutureWarning)
        return selected.mapInPandas(run, schema=quote_schema())


def _worker_attributor(payload: bytes) -> Attributor:
    """This process's Attributor for ``payload``, unpickled on first use only."""
    cached = _WORKER_ATTRIBUTORS.get(payload)
    if cached is None:
        if len(_WORKER_ATTRIBUTORS) >= _MAX_CACHED:
            _WORKER_ATTRIBUTORS.clear()
        cached = pickle.loads(payload)  # noqa: S301 - bytes this library pickled on the driver
        if not isinstance(cached, Attributor):
            msg = f"the pickled attributor is a {describe_type(cached)}, not an Attributor"
            raise InputTypeError(msg)
        _WORKER_ATTRIBUTORS[payload] = cached
    return cached


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN


def _rows_of(attributor: Attributor, text: object, doc_id: str | None) -> list[dict[str, Any]]:
    """One document's rows; a failure becomes one error row, so the job goes on."""
    try:
        if not isinstance(text, str):
            msg = f"text must be str, got {describe_type(None if _is_missing(text) else text)}"
            raise InputTypeError(msg)
        rows = attributor.attribute(text, doc_id=doc_id).to_records()
    except Exception as exc:  # noqa: BLE001 - one bad article must not fail the Spark job
        return [{"doc_id": doc_id, "error": f"{type(exc).__name__}: {exc}"}]
    for row in rows:
        row["error"] = None
    return rows


def _map_batches(
    batches: Iterator[Any], *, payload: bytes, text_col: str, id_col: str | None
) -> Iterator[Any]:
    """The ``mapInPandas`` function: pandas batches of articles -> pandas batches of quotes."""
    pd: Any = importlib.import_module("pandas")
    attributor = _worker_attributor(payload)
    for batch in batches:
        texts = batch[text_col].tolist()
        ids = batch[id_col].tolist() if id_col is not None else [None] * len(texts)
        rows: list[dict[str, Any]] = []
        for text, raw_id in zip(texts, ids, strict=True):
            doc_id = None if _is_missing(raw_id) else str(raw_id)
            rows.extend(_rows_of(attributor, text, doc_id))
        if rows:
            frame = pd.DataFrame.from_records(rows, columns=list(_COLUMNS))
            yield frame.astype(_DTYPES)
