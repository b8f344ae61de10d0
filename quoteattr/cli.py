"""The ``quoteattr`` command: read articles, write their quotes and speakers as JSON or a table.

Only argument parsing, I/O and exit codes live here; the work is :class:`quoteattr.Attributor`
(``extract``) and :mod:`quoteattr.evaluation` (``evaluate``, scoring against gold JSON lines).
Input is decoded from bytes (UTF-8 unless ``--encoding``, a leading BOM dropped) without
newline translation, so offsets index exactly the characters of the file. Output is UTF-8.

Exit codes: 0 success; 1 some ``--jsonl`` lines failed (each has an error record in place);
2 a usage or input error (bad option, unreadable or undecodable file, a bad line in a gold or
predictions file), reported in one line.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import NoReturn, TextIO

from . import Attributor, DocumentResult, QuoteattrError, __version__
from .evaluation import BY, KINDS, By, evaluate, parse_gold, parse_predictions, predict
from .render import render_table

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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    extract = commands.add_parser(
        "extract",
        help="find quotes and speakers in articles",
        description="Find quotes and speakers. One file gives pretty JSON; several give one "
        "compact JSON line each, in order. Offsets index the decoded file (BOM removed).",
    )
    extract.add_argument(
        "files", nargs="+", metavar="FILE", help="article text file, or - for stdin"
    )
    extract.add_argument(
        "--jsonl",
        action="store_true",
        help='input is JSON lines {"doc_id": ..., "text": ...}: one output line per input line; '
        "a bad line gets an error record in its place and the exit code is 1",
    )
    extract.add_argument(
        "--format", choices=("json", "table"), default="json", help="output format (default json)"
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
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors; main returns, never exits
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    if args.command == "download":
        return _run_download(args.dir, args.processors)
    if args.command == "evaluate":
        return _run_evaluate(args.gold, pred=args.pred, kinds=args.kinds, by=args.by,
                             errors=args.errors, fmt=args.format, output=args.output)
    return _run(args.files, jsonl=args.jsonl, fmt=args.format, output=args.output,
                encoding=args.encoding, annotator=args.annotator, model_dir=args.model_dir)


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


def _run(files: list[str], *, jsonl: bool, fmt: str, output: str | None, encoding: str,
         annotator: str = "embedded", model_dir: str | None = None) -> int:
    """Process every input into the output; map user errors to one stderr line and exit 2."""

    def work() -> int:
        _check_inputs(files, encoding, jsonl=jsonl)
        attributor = Attributor(annotator=annotator, model_dir=model_dir)
        with _output(output) as out:
            failed = _extract(files, out, jsonl=jsonl, fmt=fmt, encoding=encoding,
                              attributor=attributor)
        return 1 if failed else 0

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


def _extract(files: list[str], out: TextIO, *, jsonl: bool, fmt: str, encoding: str,
             attributor: Attributor) -> int:
    """Write one result per document, in input order; return how many --jsonl lines failed."""
    if jsonl:
        return _extract_jsonl(attributor, files, out, fmt=fmt, encoding=encoding)
    for n, path in enumerate(files):
        doc_id = "stdin" if path == _STDIN else Path(path).stem
        result = attributor.attribute(_read_text(path, encoding), doc_id=doc_id)
        _write_result(out, result, fmt, pretty=len(files) == 1, first=n == 0)
    return 0


def _extract_jsonl(
    attributor: Attributor, files: list[str], out: TextIO, *, fmt: str, encoding: str
) -> int:
    """One output record per non-blank input line, an error record where a line fails."""
    failed = 0
    first = True
    for path in files:
        for line_no, raw in _read_lines(path):
            try:
                line = _decode_line(raw, encoding)
                if not line.strip():
                    continue
                doc_id, text = _parse_line(line)
                try:
                    result = attributor.attribute(text, doc_id=doc_id)
                except QuoteattrError as exc:
                    raise _LineError(str(exc), doc_id) from None
                except Exception as exc:  # one bad article must not end an archive run
                    reason = f"failed: {type(exc).__name__}: {exc}"
                    raise _LineError(reason, doc_id) from None
            except _LineError as exc:
                failed += 1
                print(f"{_PROG}: {_display_name(path)}:{line_no}: {exc.reason}", file=sys.stderr)
                _write_error(out, exc, line_no, fmt, first=first)
            else:
                _write_result(out, result, fmt, pretty=False, first=first)
            first = False
    return failed


# -- input -----------------------------------------------------------------------------------


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
        msg = f'expected an object {{"doc_id": ..., "text": ...}}, got {_json_type(record)}'
        raise _LineError(msg)
    doc_id = record.get("doc_id")
    if doc_id is not None and not isinstance(doc_id, str):
        msg = f'"doc_id" must be a string or null, got {_json_type(doc_id)}: write it in quotes'
        raise _LineError(msg)
    if "text" not in record:
        msg = 'missing "text": each line needs {"doc_id": ..., "text": "..."}'
        raise _LineError(msg, doc_id)
    text = record["text"]
    if not isinstance(text, str):
        msg = f'"text" must be a string, got {_json_type(text)}'
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


def _write_result(out: TextIO, result: DocumentResult, fmt: str, *, pretty: bool,
                  first: bool) -> None:
    if fmt == "table":
        out.write(("" if first else "\n") + render_table(result) + "\n")
    else:
        out.write(result.model_dump_json(indent=2 if pretty else None) + "\n")
    out.flush()


def _write_error(out: TextIO, error: _LineError, line_no: int, fmt: str, *, first: bool) -> None:
    """An error record in the failed line's place, so output lines up with input."""
    if fmt == "table":
        out.write(("" if first else "\n") + f"line {line_no}: error: {error.reason}\n")
    else:
        record = {"doc_id": error.doc_id, "line": line_no, "error": error.reason}
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    out.flush()


# -- messages --------------------------------------------------------------------------------


def _fail(msg: str) -> NoReturn:
    raise _UsageError(msg)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


def _display_name(path: str) -> str:
    return "<stdin>" if path == _STDIN else path


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


if __name__ == "__main__":
    sys.exit(main())
