"""The ``quoteattr`` command: read articles, write their quotes and speakers as JSON or a table.

Only argument parsing, I/O and exit codes live in this package; the work is
:class:`quoteattr.Attributor` (``extract``) and :mod:`quoteattr.evaluation` (``evaluate``).
This module holds ``main`` and the options of each command; each command runs in a module
of its own (``extract``, ``evaluate``, ``schema``, ``download``), which reads through
``inputs``, writes through ``output`` and shows ``progress``; ``resume`` carries an
interrupted ``extract -o`` on. ``messages`` turns every failure into one stderr line and an
exit code.

Inputs are files, folders (their ``*.txt``, sorted) and glob patterns. ``--processes`` runs
the work in worker processes. A progress line goes to stderr only when stderr is a terminal
and the results do not.

Exit codes (docs/cli.md): 0 success; 1 some documents or ``--jsonl`` lines failed (each has
an error record in place); 2 a usage or input error (bad option, a named file that cannot be
read or decoded, a bad line in a gold or predictions file), reported in one line; 130
interrupted (Ctrl-C); 141 the reader of stdout went away (``| head``); 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
from typing import TypeAlias

from .. import COMPILED, __version__
from ..evaluation import BY
from ..rules import GENRE_CHOICES
from . import download, evaluate, extract, schema
from .messages import PROG, guarded

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (``argv`` defaults to ``sys.argv[1:]``)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors; main returns, never exits
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    return guarded(lambda: _run(args))


def _run(args: argparse.Namespace) -> int:
    """Hand the parsed options to their command."""
    if args.command == "download":
        return download.run(args.dir, args.processors)
    if args.command == "schema":
        return schema.run(args.indent)
    if args.command == "evaluate":
        return evaluate.run(evaluate.EvaluateOptions(
            gold=args.gold, pred=args.pred, kinds=args.kinds, by=args.by, errors=args.errors,
            fmt=args.format, output=args.output, annotator=args.annotator, genre=args.genre,
        ))
    return extract.run(extract.ExtractOptions(
        files=tuple(args.files), jsonl=args.jsonl, fmt=args.format, output=args.output,
        encoding=args.encoding, annotator=args.annotator, model_dir=args.model_dir,
        genre=args.genre, recursive=args.recursive, processes=args.processes, quiet=args.quiet,
        resume=args.resume,
    ))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find the direct quotations in English news text and say who spoke each one.",
    )
    build = "compiled" if COMPILED else "pure Python"
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__} ({build})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_extract(commands)
    _add_download(commands)
    _add_evaluate(commands)
    _add_schema(commands)
    return parser


_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_extract(commands: _Commands) -> None:
    extract_cmd = commands.add_parser(
        "extract",
        help="find quotes and speakers in articles",
        description="Find quotes and speakers. One file gives pretty JSON; several, or a "
        "folder or pattern, give one compact JSON line each, in order. Offsets index the "
        "decoded file (BOM removed).",
    )
    add = extract_cmd.add_argument
    add("files", nargs="+", metavar="FILE",
        help="article text file; folder (its *.txt, or *.jsonl with --jsonl); glob pattern "
        "in quotes, e.g. 'archive/**/*.txt'; or - for stdin")
    add("--jsonl", action="store_true",
        help='input is JSON lines {"doc_id": ..., "text": ...}: one output line per input line; '
        "a bad line gets an error record in its place and the exit code is 1")
    add("--format", choices=("json", "table", "html"), default="json",
        help="output format (default json); html writes one standalone page, a section per "
        "document, with each quote marked in its speaker's colour")
    add("-o", "--output", metavar="FILE",
        help="write to FILE, replaced only once complete (a FIFO or device is written to)")
    add("--resume", action="store_true",
        help="carry on a run that was writing -o FILE (JSON lines) and was stopped: keep its "
        "complete lines, skip the documents they answer, append the rest")
    add("--encoding", default="utf-8", help="encoding of the input files (default utf-8)")
    add("--annotator", choices=("embedded", "stanza"), default="embedded",
        help="embedded rules (default, no models) or stanza's neural models")
    add("--genre", choices=GENRE_CHOICES, default="auto",
        help="the conventions to follow: news; fiction, where every untagged paragraph of a "
        "conversation is the next speaker's turn; or auto (default): news unless a text "
        "opens with a book's heading such as CHAPTER I or its quotes are a novel's dialogue")
    add("--model-dir", metavar="DIR",
        help="stanza models folder (default $QUOTEATTR_STANZA_DIR, then stanza's own)")
    add("-r", "--recursive", action="store_true",
        help="read the files in the subfolders of a FILE that is a folder, too")
    add("--processes", metavar="N", type=_processes, default=1,
        help="attribute in N worker processes, -1 for one per core (default 1)")
    add("-q", "--quiet", action="store_true",
        help="no progress line (shown only when stderr is a terminal and the output is not)")


def _add_download(commands: _Commands) -> None:
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


def _add_evaluate(commands: _Commands) -> None:
    evaluate_cmd = commands.add_parser(
        "evaluate",
        help="score quotes and speakers against annotated gold data",
        description="Score quote finding and speaker attribution against gold JSON lines "
        "(docs/evaluation.md), by running quoteattr on the gold texts or by reading saved "
        "predictions. Scores are percentages rounded to one decimal.",
    )
    add = evaluate_cmd.add_argument
    add("gold", metavar="GOLD", help="gold JSON lines file")
    add("--pred", metavar="FILE",
        help='score saved predictions (JSON lines {"doc_id", "quotes"}) instead of running '
        "quoteattr")
    add("--kinds", metavar="KINDS",
        help="comma-separated quote kinds to predict, e.g. direct,mixed (default direct; "
        "direct,thought with --genre fiction); "
        "with --pred, drops predicted quotes of other kinds (default: keep all)")
    add("--by", choices=BY, help="add a table of the predictions per rule or per kind")
    add("--genre", choices=GENRE_CHOICES, default="auto",
        help="the conventions quoteattr follows when it predicts (default auto; news; fiction)")
    add("--errors", metavar="N", type=_count, default=0,
        help="list the N worst errors, most confident first, with their context")
    add("--format", choices=("table", "json"), default="table",
        help="output format (default table)")
    add("-o", "--output", metavar="FILE", help="write to FILE, replaced only once complete")
    evaluate.add_annotator_option(evaluate_cmd)


def _add_schema(commands: _Commands) -> None:
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


def _count(value: str) -> int:
    """An argparse type: a whole number >= 0."""
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
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number == 0 or number < -1:
        msg = f"expected a number of processes >= 1, or -1 for one per core, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number

