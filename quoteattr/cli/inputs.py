"""Reading the inputs: files, folders, glob patterns, stdin, and JSON lines one by one.

Input is decoded from bytes (UTF-8 unless ``--encoding``, a leading BOM dropped) without
newline translation, so offsets index exactly the characters of the file. Quoted patterns are
expanded here, so they work on any platform and past the shell's limit on arguments.
"""

from __future__ import annotations

import codecs
import glob
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..errors import describe_json_type
from .messages import STDIN, DocumentError, display_name, fail

_GLOB_CHARS = frozenset("*?[")


class Source(NamedTuple):
    """One input file (or ``-``) and the doc_id its result gets."""

    path: str
    doc_id: str
    named: bool = True
    """Named on the command line: failing to read it ends the run (exit 2). A file found in a
    folder or by a pattern gets an error record instead, so one bad file loses no others."""


class Doc(NamedTuple):
    """One document on its way through the attributor, and where it came from."""

    doc_id: str | None
    text: str
    source: str
    line: int | None
    """Its line in a --jsonl file; None for a text file."""
    size: int
    """Input bytes it stands for, counted by the progress line."""
    error: DocumentError | None = None
    """Why a --jsonl line could not be read; its text is then "" to keep its place."""


def collect_inputs(args: tuple[str, ...], *, jsonl: bool, recursive: bool) -> list[Source]:
    """Every input: files as given, folders and glob patterns expanded.

    A named file's doc_id is its name without the extension. A file found in a folder or by
    a pattern is named by its path below that folder (or the pattern's fixed leading
    folders), so ``2024/01/index.txt`` and ``2024/02/index.txt`` stay apart. Expansions
    are sorted, so output order does not depend on the file system.
    """
    suffix = ".jsonl" if jsonl else ".txt"
    inputs: list[Source] = []
    for arg in args:
        path = Path(arg)
        if arg == STDIN:
            inputs.append(Source(arg, "stdin"))
        elif path.is_dir():
            found = _folder_files(path, suffix, recursive=recursive)
            if not found:
                deeper = not recursive and _folder_files(path, suffix, recursive=True)
                fail(f"cannot read {arg}: the folder holds no *{suffix} files"
                     + (" (its subfolders do: add --recursive)" if deeper else ""))
            inputs.extend(Source(str(f), _doc_id(f, path), named=False) for f in found)
        elif _GLOB_CHARS & set(arg) and not path.exists():
            # glob, not Path.glob: patterns may be absolute, and "**" crosses folders.
            matches = glob.glob(arg, recursive=True)  # noqa: PTH207
            found = sorted(Path(m) for m in matches if _is_document(Path(m)))
            if not found:
                fail(f"no file matches the pattern {arg}")
            base = Path(*itertools.takewhile(lambda part: not _GLOB_CHARS & set(part),
                                             path.parts[:-1]))
            inputs.extend(Source(str(f), _doc_id(f, base), named=False) for f in found)
        else:
            inputs.append(Source(arg, path.stem))  # a missing file is reported by check_inputs
    return inputs


def _folder_files(folder: Path, suffix: str, *, recursive: bool) -> list[Path]:
    """The files named ``*suffix`` in ``folder``, sorted; hidden files and folders are skipped."""
    found = folder.rglob(f"*{suffix}") if recursive else folder.glob(f"*{suffix}")
    return sorted(
        f for f in found
        if _is_document(f) and not any(p.startswith(".") for p in f.relative_to(folder).parts)
    )


def _is_document(path: Path) -> bool:
    """A file, or a symlink whose target is gone: that one is a document the archive lost,
    and gets an error record rather than silence. Folders, FIFOs and devices are no documents."""
    return path.is_file() or (path.is_symlink() and not path.exists())


def _doc_id(path: Path, base: Path) -> str:
    return path.relative_to(base).with_suffix("").as_posix()


def check_inputs(inputs: list[Source], encoding: str, *, jsonl: bool) -> None:
    """Fail before any work on a missing named file or an encoding that cannot be used."""
    if [path for path, _, _ in inputs].count(STDIN) > 1:
        fail("- (stdin) can be given only once")
    for path, _, named in inputs:
        if named and path != STDIN and not Path(path).exists():
            fail(f"cannot read {path}: no such file")
    try:
        codecs.lookup(encoding)
    except LookupError:
        fail(f"unknown --encoding {encoding!r}: use a Python codec name, e.g. utf-8 or cp1252")
    if jsonl:
        # Lines are split at the byte b"\n", which only ASCII-compatible encodings allow.
        try:
            ascii_compatible = b'{"\n'.decode(encoding) == '{"\n'
        except UnicodeError:
            ascii_compatible = False
        if not ascii_compatible:
            fail(f"--encoding {encoding} cannot be read line by line with --jsonl: "
                 "convert the file to utf-8 first")


def file_docs(inputs: Iterable[Source], encoding: str) -> Iterator[Doc]:
    """One document per text file, read only when the attributor asks for it."""
    for source in inputs:
        try:
            data = _read_bytes(source.path)
            text = _decode(data, source.path, encoding)
        except DocumentError as exc:
            if source.named:
                fail(exc.reason)
            yield Doc(source.doc_id, "", source.path, None, 0, DocumentError(exc.reason))
        else:
            yield Doc(source.doc_id, text, source.path, None, len(data))


def jsonl_docs(inputs: list[Source], encoding: str) -> Iterator[Doc]:
    """One document per line, streamed: a bad line is a document with an error, and a blank
    line an empty document, so output line N answers input line N."""
    for source in inputs:
        try:
            lines = _read_lines(source.path)
        except DocumentError as exc:
            if source.named:
                fail(exc.reason)
            yield Doc(source.doc_id, "", source.path, None, 0, DocumentError(exc.reason))
            continue
        for line_no, raw in lines:
            try:
                line = _decode_line(raw, encoding)
                doc_id, text = _parse_line(line) if line.strip() else (None, "")
            except DocumentError as exc:
                yield Doc(exc.doc_id, "", source.path, line_no, len(raw), exc)
            else:
                yield Doc(doc_id, text, source.path, line_no, len(raw))


def _read_bytes(path: str) -> bytes:
    """The whole file, or stdin."""
    try:
        return _stdin().read() if path == STDIN else Path(path).read_bytes()
    except OSError as exc:
        msg = f"cannot read {display_name(path)}: {exc.strerror or exc}"
        raise DocumentError(msg) from None


def _stdin() -> BinaryIO:
    if sys.stdin is None:  # Python starts with sys.stdin None when fd 0 is closed (<&-)
        msg = "cannot read <stdin>: standard input is closed"
        raise DocumentError(msg)
    return sys.stdin.buffer


def _decode(data: bytes, path: str, encoding: str) -> str:
    """The text decoded, without newline translation or a leading BOM."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        msg = (f"cannot decode {display_name(path)} as {encoding} ({exc.reason} at byte "
               f"{exc.start}): pass the file's encoding with --encoding, e.g. --encoding cp1252")
        raise DocumentError(msg) from None
    return text.removeprefix("\ufeff")


def _read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) pairs, streamed, from a file opened now.

    Lines are split at ``\\n`` only: JSON strings may hold a raw U+2028, which
    ``str.splitlines`` would split. Lines are decoded one by one, so a bad line
    is a line error rather than the end of the run.
    """
    try:
        stream = _stdin() if path == STDIN else Path(path).open("rb")  # noqa: SIM115
    except OSError as exc:
        msg = f"cannot read {display_name(path)}: {exc.strerror or exc}"
        raise DocumentError(msg) from None

    def lines() -> Iterator[tuple[int, bytes]]:
        with nullcontext(stream) if path == STDIN else stream:  # stdin is not ours to close
            yield from enumerate(stream, start=1)

    return lines()


def json_lines(path: str) -> list[str]:
    """The lines of a UTF-8 JSON lines file (split at ``\\n`` only, BOM dropped)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}")
    lines = []
    for line_no, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            fail(f"{path} line {line_no}: not valid utf-8 ({exc.reason} at byte {exc.start} "
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
        raise DocumentError(msg) from None
    return line.removeprefix("\ufeff").removesuffix("\n").removesuffix("\r")


def _parse_line(line: str) -> tuple[str | None, str]:
    """(doc_id, text) from one JSON line, or a DocumentError that says what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # Some json messages end in "at" ("Invalid control character at"): say it once.
        msg = f"not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
        raise DocumentError(msg) from None
    if not isinstance(record, dict):
        msg = f'expected an object {{"doc_id": ..., "text": ...}}, got {describe_json_type(record)}'
        raise DocumentError(msg)
    doc_id = record.get("doc_id")
    if doc_id is not None and not isinstance(doc_id, str):
        msg = (f'"doc_id" must be a string or null, got {describe_json_type(doc_id)}: '
               "write it in quotes")
        raise DocumentError(msg)
    if "text" not in record:
        msg = 'missing "text": each line needs {"doc_id": ..., "text": "..."}'
        raise DocumentError(msg, doc_id)
    text = record["text"]
    if not isinstance(text, str):
        msg = f'"text" must be a string, got {describe_json_type(text)}'
        raise DocumentError(msg, doc_id)
    return doc_id, text
