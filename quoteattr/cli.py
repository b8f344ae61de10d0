"""The ``quoteattr`` command: read articles, write their quotes and speakers as JSON or a table.

Only argument parsing, I/O and exit codes live here; the work is :class:`quoteattr.Attributor`
(``extract``) and :mod:`quoteattr.evaluation` (``evaluate``, scoring against gold JSON lines).
Input is decoded from bytes (UTF-8 unless ``--encoding``, a leading BOM dropped) without
newline translation, so offsets index exactly the characters of the file. Output is UTF-8.

Inputs are files, folders (their ``*.txt``, sorted) and glob patterns; quoted patterns are
expanded here, so they work on any platform and past the shell's limit on arguments.
``--processes`` runs the work in worker processes. A progress line goes to stderr only when
stderr is a terminal and the results do not.

Exit codes: 0 success; 1 some documents or ``--jsonl`` lines failed (each has an error record
in place); 2 a usage or input error (bad option, unreadable or undecodable file, a bad line in a
gold or predictions file), reported in one line.
"""

from __future__ import annotations

import codecs
import glob
import io
import itertools
import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import NamedTuple, NoReturn, TextIO

from . import COMPILED, Attributor, DocumentResult, QuoteattrError, __version__
from .errors import describe_json_type
from .evaluation import BY, KINDS, By, evaluate, parse_gold, parse_predictions, predict
from .render import render_page, render_table

_PROG = "quoteattr"
_STDIN = "-"


class _UsageError(Exception):
    """A bad argument or unusable input file: one line on stderr, exit code 2."""


class _LineError(Exception):
    """One ``--jsonl`` line cannot be processed; the run goes on and ends with exit code 1."""

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.doc_id = doc_id


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (``argv`` defaults to ``sys.argv[1:]``)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Find the direct quotations in English news text and say who spoke each one.",
    )
    build = "compiled" if COMPILED else "pure Python"
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__} ({build})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    extract = commands.add_parser(
        "extract",
        help="find quotes and speakers in articles",
        description="Find quotes and speakers. One file gives pretty JSON; several, or a "
        "folder or pattern, give one compact JSON line each, in order. Offsets index the "
        "decoded file (BOM removed).",
    )
    extract.add_argument(
        "files", nargs="+", metavar="FILE",
        help="article text file; folder (its *.txt, or *.jsonl with --jsonl); glob pattern "
        "in quotes, e.g. 'archive/**/*.txt'; or - for stdin",
    )
    extract.add_argument(
        "--jsonl",
        action="store_true",
        help='input is JSON lines {"doc_id": ..., "text": ...}: one output line per input line; '
        "a bad line gets an error record in its place and the exit code is 1",
    )
    extract.add_argument(
        "--format", choices=("json", "table", "html"), default="json",
        help="output format (default json); html writes one standalone page, a section per "
        "document, with each quote marked in its speaker's colour",
    )
    extract.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE, replaced only once complete"
    )
    extract.add_argument(
        "--encoding", default="utf-8", help="encoding of the input files (default utf-8)"
    )
    extract.add_argument(
        "--annotator", choices=("embedded", "stanza"), default="embedded",
        help="embedded rules (default, no models) or stanza's neural models",
    )
    extract.add_argument(
        "--model-dir", metavar="DIR",
        help="stanza models folder (default $QUOTEATTR_STANZA_DIR, then stanza's own)",
    )
    extract.add_argument(
        "-r", "--recursive", action="store_true",
        help="read the files in the subfolders of a FILE that is a folder, too",
    )
    extract.add_argument(
        "--processes", metavar="N", type=_processes, default=1,
        help="attribute in N worker processes, -1 for one per core (default 1)",
    )
    extract.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress line (shown only when stderr is a terminal and the output is not)",
    )
    download_cmd = commands.add_parser(
        "download",
        help="fetch stanza's English models (needs the stanza extra and a network)",
        description="Download the stanza models quoteattr uses (tokenize, mwt, pos, lemma, "
        "depparse, ner) into a folder; copy that folder to offline machines.",
    )
    download_cmd.add_argument("--dir", metavar="DIR", help="target folder")
    download_cmd.add_argument(
        "--processors", default="tokenize,mwt,pos,lemma,depparse,ner",
        help="comma-separated stanza processors (default: all quoteattr uses)",
    )
    evaluate_cmd = commands.add_parser(
        "evaluate",
        help="score quotes and speakers against annotated gold data",
        description="Score quote finding and speaker attribution against gold JSON lines "
        "(docs/evaluation.md), by running quoteattr on the gold texts or by reading saved "
        "predictions. Scores are percentages rounded to one decimal.",
    )
    evaluate_cmd.add_argument("gold", metavar="GOLD", help="gold JSON lines file")
    evaluate_cmd.add_argument(
        "--pred", metavar="FILE",
        help='score saved predictions (JSON lines {"doc_id", "quotes"}) instead of running '
        "quoteattr",
    )
    evaluate_cmd.add_argument(
        "--kinds", metavar="KINDS",
        help="comma-separated quote kinds to predict, e.g. direct,mixed (default direct); "
        "with --pred, drops predicted quotes of other kinds (default: keep all)",
    )
    evaluate_cmd.add_argument(
        "--by", choices=BY, help="add a table of the predictions per rule or per kind"
    )
    evaluate_cmd.add_argument(
        "--errors", metavar="N", type=_count, default=0,
        help="list the N worst errors, most confident first, with their context",
    )
    evaluate_cmd.add_argument(
        "--format", choices=("table", "json"), default="table",
        help="output format (default table)",
    )
    evaluate_cmd.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE, replaced only once complete"
    )
    schema_cmd = commands.add_parser(
        "schema",
        help="print the JSON Schema of extract's JSON output",
        description="Print the JSON Schema (draft 2020-12) of one extract result, with each "
        "field's meaning as its description.",
    )
    schema_cmd.add_argument(
        "--indent", metavar="N", type=_count, default=2,
        help="spaces per level; 0 for one line (default 2)",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors; main returns, never exits
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    if args.command == "download":
        return _run_download(args.dir, args.processors)
    if args.command == "schema":
        return _run_schema(args.indent)
    if args.command == "evaluate":
        return _run_evaluate(args.gold, pred=args.pred, kinds=args.kinds, by=args.by,
                             errors=args.errors, fmt=args.format, output=args.output)
    return _run(args.files, jsonl=args.jsonl, fmt=args.format, output=args.output,
                encoding=args.encoding, annotator=args.annotator, model_dir=args.model_dir,
                recursive=args.recursive, processes=args.processes, quiet=args.quiet)


def _count(value: str) -> int:
    """An argparse type: a whole number >= 0."""
    import argparse

    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        msg = f"expected a whole number >= 0, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _processes(value: str) -> int:
    """An argparse type: a number of processes >= 1, or -1 for one per core."""
    import argparse

    try:
        number = int(value)
    except ValueError:
        number = 0
    if number == 0 or number < -1:
        msg = f"expected a number of processes >= 1, or -1 for one per core, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _run(files: list[str], *, jsonl: bool, fmt: str, output: str | None, encoding: str,
         annotator: str = "embedded", model_dir: str | None = None, recursive: bool = False,
         processes: int = 1, quiet: bool = False) -> int:
    """Process every input into the output; map user errors to one stderr line and exit 2."""

    def work() -> int:
        inputs = _collect_inputs(files, jsonl=jsonl, recursive=recursive)
        _check_inputs([path for path, _ in inputs], encoding, jsonl=jsonl)
        attributor = Attributor(annotator=annotator, model_dir=model_dir)
        pretty = not jsonl and len(files) == 1 and [path for path, _ in inputs] == files
        show = not quiet and _progress_wanted(to_stdout=output in (None, _STDIN))
        with _output(output) as out, _progress(inputs, show=show) as progress:
            page = _HtmlPage() if fmt == "html" else None
            failed = _extract(inputs, out if page is None else page, jsonl=jsonl, fmt=fmt,
                              encoding=encoding, attributor=attributor, pretty=pretty,
                              processes=processes, progress=progress)
            if page is not None:
                out.write(render_page(page.results))
        return 1 if failed else 0

    return _guarded(work)


def _run_schema(indent: int) -> int:
    """Print the JSON Schema of ``DocumentResult`` as extract writes it."""

    def work() -> int:
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **DocumentResult.model_json_schema(mode="serialization"),
        }
        with _output(None) as out:
            out.write(json.dumps(schema, ensure_ascii=False, indent=indent or None) + "\n")
        return 0

    return _guarded(work)


def _run_download(model_dir: str | None, processors: str) -> int:
    """Fetch stanza's English models into ``model_dir`` and say where they went."""

    def work() -> int:
        from .stanza_models import download

        where = download(model_dir, processors=tuple(p.strip() for p in processors.split(",")))
        print(f"stanza models for quoteattr are in {where}")
        return 0

    return _guarded(work)


def _run_evaluate(gold: str, *, pred: str | None, kinds: str | None, by: By | None, errors: int,
                  fmt: str, output: str | None) -> int:
    """Score predictions (saved, or made now) against ``gold`` and write the report."""

    def work() -> int:
        wanted = _kinds(kinds)
        for path in (gold, pred):
            if path is not None and not Path(path).exists():
                _fail(f"cannot read {path}: no such file")
        gold_docs = parse_gold(_json_lines(gold), source=gold)
        if not gold_docs:
            _fail(f"{gold} holds no documents: expected one JSON object per line")
        if pred is None:
            predictions = predict(gold_docs, Attributor(), kinds=wanted or ("direct",))
        else:
            predictions = parse_predictions(_json_lines(pred), source=pred, kinds=wanted)
        report = evaluate(gold_docs, predictions).report(
            by=by, errors=errors, kinds=wanted or ("direct",)
        )
        with _output(output) as out:
            if fmt == "json":
                out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(report.to_table() + "\n")
        return 0

    return _guarded(work)


def _guarded(work: Callable[[], int]) -> int:
    """Run ``work``; map user errors to one stderr line and exit 2, a closed pipe to 1."""
    try:
        return work()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python's exit-time flush
        # of stdout from failing again.
        with suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"{_PROG}: interrupted", file=sys.stderr)
        return 130
    except (_UsageError, QuoteattrError, OSError) as exc:
        print(f"{_PROG}: error: {_describe(exc)}", file=sys.stderr)
        return 2


class _Doc(NamedTuple):
    """One document on its way through the attributor, and where it came from."""

    doc_id: str | None
    text: str
    source: str
    line: int | None
    """Its line in a --jsonl file; None for a text file."""
    size: int
    """Input bytes it stands for, counted by the progress line."""
    error: _LineError | None = None
    """Why a --jsonl line could not be read; its text is then "" to keep its place."""


def _extract(inputs: list[tuple[str, str]], out: TextIO, *, jsonl: bool, fmt: str,
             encoding: str, attributor: Attributor, pretty: bool = False, processes: int = 1,
             progress: _Progress | None = None) -> int:
    """Write one result per document, in input order; return how many documents failed.

    Documents stream through ``attribute_many``. ``pending`` holds those whose results are
    not out yet (a few chunks at most), so each result meets its line number and size.
    """
    docs = _jsonl_docs(inputs, encoding) if jsonl else _file_docs(inputs, encoding)
    pending: deque[_Doc] = deque()

    def queued() -> Iterator[_Doc]:
        for doc in docs:
            pending.append(doc)
            yield doc

    for_texts, for_ids = itertools.tee(queued())
    results = attributor.attribute_many(
        (doc.text for doc in for_texts),
        doc_ids=(None if doc.error else doc.doc_id for doc in for_ids),
        n_process=processes,
    )
    failed = 0
    for n, result in enumerate(results):
        doc = pending.popleft()
        error = doc.error
        if error is None and result.error is not None:  # failed inside quoteattr
            error = _LineError(f"failed: {result.error}", doc.doc_id)
        if error is not None:
            failed += 1
            where = _display_name(doc.source) + ("" if doc.line is None else f":{doc.line}")
            _warn(f"{where}: {error.reason}", progress)
        if error is not None and doc.line is not None:
            _write_error(out, error, doc.line, fmt, first=n == 0)
        elif error is not None and fmt == "table":
            out.write(("" if n == 0 else "\n") + f"document: {doc.doc_id}\nerror: {error.reason}\n")
        else:
            _write_result(out, result, fmt, pretty=pretty, first=n == 0)
        if progress is not None:
            progress.update(doc.size, len(result.quotes))
    return failed


# -- input -----------------------------------------------------------------------------------

_GLOB_CHARS = frozenset("*?[")


def _collect_inputs(args: list[str], *, jsonl: bool, recursive: bool) -> list[tuple[str, str]]:
    """(path, doc_id) of every input: files as given, folders and glob patterns expanded.

    A named file's doc_id is its name without the extension. A file found in a folder or by
    a pattern is named by its path below that folder (or the pattern's fixed leading
    folders), so ``2024/01/index.txt`` and ``2024/02/index.txt`` stay apart. Expansions
    are sorted, so output order does not depend on the file system.
    """
    suffix = ".jsonl" if jsonl else ".txt"
    inputs: list[tuple[str, str]] = []
    for arg in args:
        path = Path(arg)
        if arg == _STDIN:
            inputs.append((arg, "stdin"))
        elif path.is_dir():
            found = _folder_files(path, suffix, recursive=recursive)
            if not found:
                deeper = not recursive and _folder_files(path, suffix, recursive=True)
                _fail(f"cannot read {arg}: the folder holds no *{suffix} files"
                      + (" (its subfolders do: add --recursive)" if deeper else ""))
            inputs.extend((str(f), _doc_id(f, path)) for f in found)
        elif _GLOB_CHARS & set(arg) and not path.exists():
            # glob, not Path.glob: patterns may be absolute, and "**" crosses folders.
            matches = glob.glob(arg, recursive=True)  # noqa: PTH207
            found = sorted(Path(m) for m in matches if Path(m).is_file())
            if not found:
                _fail(f"no file matches the pattern {arg}")
            base = Path(*itertools.takewhile(lambda part: not _GLOB_CHARS & set(part),
                                             path.parts[:-1]))
            inputs.extend((str(f), _doc_id(f, base)) for f in found)
        else:
            inputs.append((arg, path.stem))  # a missing file is reported by _check_inputs
    return inputs


def _folder_files(folder: Path, suffix: str, *, recursive: bool) -> list[Path]:
    """The files named ``*suffix`` in ``folder``, sorted; hidden files and folders are skipped."""
    found = folder.rglob(f"*{suffix}") if recursive else folder.glob(f"*{suffix}")
    return sorted(
        f for f in found
        if f.is_file() and not any(p.startswith(".") for p in f.relative_to(folder).parts)
    )


def _doc_id(path: Path, base: Path) -> str:
    return path.relative_to(base).with_suffix("").as_posix()


def _file_docs(inputs: list[tuple[str, str]], encoding: str) -> Iterator[_Doc]:
    """One document per text file, read only when the attributor asks for it."""
    for path, doc_id in inputs:
        text = _read_text(path, encoding)
        size = len(text.encode("utf-8")) if path == _STDIN else Path(path).stat().st_size
        yield _Doc(doc_id, text, path, None, size)


def _jsonl_docs(inputs: list[tuple[str, str]], encoding: str) -> Iterator[_Doc]:
    """One document per non-blank line, streamed; a bad line is a document with an error."""
    for path, _ in inputs:
        skipped = 0
        for line_no, raw in _read_lines(path):
            try:
                line = _decode_line(raw, encoding)
                if not line.strip():
                    skipped += len(raw)
                    continue
                doc_id, text = _parse_line(line)
            except _LineError as exc:
                yield _Doc(exc.doc_id, "", path, line_no, skipped + len(raw), exc)
            else:
                yield _Doc(doc_id, text, path, line_no, skipped + len(raw))
            skipped = 0


def _check_inputs(files: list[str], encoding: str, *, jsonl: bool) -> None:
    """Fail before any work on a missing file or an encoding that cannot be used."""
    if files.count(_STDIN) > 1:
        _fail("- (stdin) can be given only once")
    for path in files:
        if path != _STDIN and not Path(path).exists():
            _fail(f"cannot read {path}: no such file")
    try:
        codecs.lookup(encoding)
    except LookupError:
        _fail(f"unknown --encoding {encoding!r}: use a Python codec name, e.g. utf-8 or cp1252")
    if jsonl:
        # Lines are split at the byte b"\n", which only ASCII-compatible encodings allow.
        try:
            ascii_compatible = b'{"\n'.decode(encoding) == '{"\n'
        except UnicodeError:
            ascii_compatible = False
        if not ascii_compatible:
            _fail(f"--encoding {encoding} cannot be read line by line with --jsonl: "
                  "convert the file to utf-8 first")


def _read_text(path: str, encoding: str) -> str:
    """The whole file (or stdin) decoded, without newline translation or a leading BOM."""
    try:
        data = sys.stdin.buffer.read() if path == _STDIN else Path(path).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {_display_name(path)}: {exc.strerror or exc}")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        _fail(f"cannot decode {_display_name(path)} as {encoding} ({exc.reason} at byte "
              f"{exc.start}): pass the file's encoding with --encoding, e.g. --encoding cp1252")
    return text.removeprefix("\ufeff")


def _read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, raw line), streaming.

    Lines are split at ``\\n`` only: JSON strings may hold a raw U+2028, which
    ``str.splitlines`` would split. Lines are decoded one by one, so a bad line
    is a line error rather than the end of the run.
    """
    try:
        stream = sys.stdin.buffer if path == _STDIN else Path(path).open("rb")  # noqa: SIM115
    except OSError as exc:
        _fail(f"cannot read {_display_name(path)}: {exc.strerror or exc}")
    with nullcontext(stream) if path == _STDIN else stream:  # stdin is not ours to close
        yield from enumerate(stream, start=1)


def _kinds(option: str | None) -> tuple[str, ...] | None:
    """``--kinds direct,mixed`` as a tuple; None when the option is not given."""
    if option is None:
        return None
    kinds = tuple(k.strip() for k in option.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        _fail(f"--kinds {option!r}: expected kinds separated by commas, from {', '.join(KINDS)}")
    return kinds


def _json_lines(path: str) -> list[str]:
    """The lines of a UTF-8 JSON lines file (split at ``\\n`` only, BOM dropped)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or exc}")
    lines = []
    for line_no, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            _fail(f"{path} line {line_no}: not valid utf-8 ({exc.reason} at byte {exc.start} "
                  "of the line): convert the file to utf-8")
    if lines:
        lines[0] = lines[0].removeprefix("\ufeff")
    return lines


def _decode_line(raw: bytes, encoding: str) -> str:
    try:
        line = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        msg = (f"not valid {encoding} ({exc.reason} at byte {exc.start} of the line): "
               "pass the file's encoding with --encoding")
        raise _LineError(msg) from None
    return line.removeprefix("\ufeff").removesuffix("\n").removesuffix("\r")


def _parse_line(line: str) -> tuple[str | None, str]:
    """(doc_id, text) from one JSON line, or a _LineError that says what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # Some json messages end in "at" ("Invalid control character at"): say it once.
        msg = f"not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
        raise _LineError(msg) from None
    if not isinstance(record, dict):
        msg = f'expected an object {{"doc_id": ..., "text": ...}}, got {describe_json_type(record)}'
        raise _LineError(msg)
    doc_id = record.get("doc_id")
    if doc_id is not None and not isinstance(doc_id, str):
        msg = (f'"doc_id" must be a string or null, got {describe_json_type(doc_id)}: '
               "write it in quotes")
        raise _LineError(msg)
    if "text" not in record:
        msg = 'missing "text": each line needs {"doc_id": ..., "text": "..."}'
        raise _LineError(msg, doc_id)
    text = record["text"]
    if not isinstance(text, str):
        msg = f'"text" must be a string, got {describe_json_type(text)}'
        raise _LineError(msg, doc_id)
    return doc_id, text


# -- output ----------------------------------------------------------------------------------


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Stdout, or a temp file beside ``path`` that replaces it only once complete.

    The temp file is flushed and fsynced before ``os.replace``, so a crash or Ctrl-C
    leaves either the old file or the whole new one, never a truncated one.
    """
    if path is None or path == _STDIN:
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        mode = _new_file_mode(target)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:
        _fail(f"cannot write -o {path}: {exc.strerror or exc}")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(mode)
        try:
            tmp.replace(target)
        except OSError as exc:
            _fail(f"cannot write -o {path}: {exc.strerror or exc}")
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's permissions; else what open() would give (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _HtmlPage(io.StringIO):
    """Collects the results for ``--format html``, which writes them as one page at the end.

    A TextIO, so the extract loop hands it on like any output; the writers below spot it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.results: list[DocumentResult] = []


def _write_result(out: TextIO, result: DocumentResult, fmt: str, *, pretty: bool,
                  first: bool) -> None:
    if isinstance(out, _HtmlPage):
        out.results.append(result)
        return
    if fmt == "table":
        out.write(("" if first else "\n") + render_table(result) + "\n")
    else:
        out.write(result.to_json(indent=2 if pretty else None) + "\n")
    out.flush()


def _write_error(out: TextIO, error: _LineError, line_no: int, fmt: str, *, first: bool) -> None:
    """An error record in the failed line's place, so output lines up with input."""
    if isinstance(out, _HtmlPage):
        doc_id = error.doc_id if error.doc_id is not None else f"line {line_no}"
        out.results.append(DocumentResult(doc_id=doc_id, error=error.reason))
        return
    if fmt == "table":
        out.write(("" if first else "\n") + f"line {line_no}: error: {error.reason}\n")
    else:
        record = {"doc_id": error.doc_id, "line": line_no, "error": error.reason}
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    out.flush()


# -- progress --------------------------------------------------------------------------------

_PROGRESS_EVERY = 0.2
"""Seconds between redraws: often enough to look alive, rarely enough to cost nothing."""
_BAR_WIDTH = 20


class _Progress:
    """Documents, quotes, KB/s and elapsed time on one stderr line that redraws itself.

    With ``total`` (the input's size in bytes, when known) a bar and a percentage lead.
    """

    def __init__(self, stream: TextIO, total: int | None) -> None:
        self._stream = stream
        self._total = total
        self._start = self._drawn = time.monotonic()
        self._width = 0
        self.documents = self.quotes = self.size = 0

    def update(self, size: int, quotes: int) -> None:
        """Count one document written; redraw when the last redraw is old enough."""
        self.documents += 1
        self.quotes += quotes
        self.size += size
        now = time.monotonic()
        if now - self._drawn >= _PROGRESS_EVERY:
            self._draw(now)

    def line(self, now: float) -> str:
        """The progress line as of ``now`` (a ``time.monotonic()`` value)."""
        elapsed = max(now - self._start, 0.0)
        rate = self.size / 1000 / elapsed if elapsed > 0 else 0.0
        minutes, seconds = divmod(int(elapsed), 60)
        hours, minutes = divmod(minutes, 60)
        clock = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
        bar = ""
        if self._total:
            done = min(self.size / self._total, 1.0)
            filled = round(done * _BAR_WIDTH)
            bar = f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {done:4.0%}  "
        return (f"{bar}{self.documents:,} documents, {self.quotes:,} quotes, "
                f"{rate:,.0f} KB/s, {clock}")

    def clear(self) -> None:
        """Blank the line, so that a message can take its place."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0

    def close(self) -> None:
        """Draw the final counts and end the line."""
        self._draw(time.monotonic())
        self._stream.write("\n")
        self._stream.flush()

    def _draw(self, now: float) -> None:
        text = self.line(now)
        self._stream.write("\r" + text.ljust(self._width))  # spaces wipe a longer old line
        self._stream.flush()
        self._width = len(text)
        self._drawn = now


def _progress_wanted(*, to_stdout: bool) -> bool:
    """Progress only on a terminal, and never on the one that shows the results."""
    def tty(stream: TextIO | None) -> bool:
        return stream is not None and stream.isatty()

    return tty(sys.stderr) and not (to_stdout and tty(sys.stdout))


@contextmanager
def _progress(inputs: list[tuple[str, str]], *, show: bool) -> Iterator[_Progress | None]:
    """A progress line on stderr while the block runs when ``show``, else None."""
    if not show:
        yield None
        return
    total: int | None = None
    if all(path != _STDIN for path, _ in inputs):
        with suppress(OSError):  # a file that went away is reported when it is read
            total = sum(Path(path).stat().st_size for path, _ in inputs)
    progress = _Progress(sys.stderr, total)
    try:
        yield progress
    finally:
        progress.close()


# -- messages --------------------------------------------------------------------------------


def _fail(msg: str) -> NoReturn:
    raise _UsageError(msg)


def _warn(msg: str, progress: _Progress | None) -> None:
    """One line on stderr, on a line of its own even while the progress line is shown."""
    if progress is not None:
        progress.clear()
    print(f"{_PROG}: {msg}", file=sys.stderr)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


def _display_name(path: str) -> str:
    return "<stdin>" if path == _STDIN else path


if __name__ == "__main__":
    sys.exit(main())
