"""Fuzzing campaign driver: random texts through ``quoteattr.attribute``, invariants checked.

Usage: python benchmarks/fuzz.py [--cases 100000] [--seed 0] [--processes 2]
                                 [--out DIR] [--case-timeout 10] [--atheris]

Case ``i`` of seed ``S`` is generated from ``random.Random(f"{S}:{i}")`` alone, so any
case can be replayed (``--replay I``) without running the ones before it. A text is a
sequence of pieces: ASCII and Latin words, names and speech verbs, digits, spaces,
every line break (LF, CRLF, lone CR, U+2028/2029, NEL), every quotation mark the lexicon
knows and a few it does not, punctuation, astral characters, combining marks,
zero-width and bidi controls, NUL and other C0 controls, lone surrogates and surrogate pairs
split into two code points, long runs of
one piece, and slices of the fixture articles (so the attribution rules fire), with
random edits (deletions, duplications, quote swaps, line-ending changes) on top.

Invariants checked on every case:
  raises      ``attribute`` raises nothing on a str (a case slower than --case-timeout
              seconds is reported as ``timeout``);
  slice       every quote, quote mention, quote cue and speaker mention has
              ``0 <= start <= end <= len(text)`` and ``text == original[start:end]``;
  nesting     quotes are sorted by start and never partially overlap;
  mention     the mention that attributes a quote lies outside that quote;
  speaker     every speaker id a quote names exists in ``speakers``;
  determinism a second call returns an equal result;
  output      the result's JSON reads back equal (``model_validate_json(to_json())``),
              and its table and HTML views encode to UTF-8.

``benchmarks/fuzz_pool.py`` runs the same cases through ``attribute_many(n_process=N)``.

The first failing case of each kind (per worker) is shrunk (halves, then smaller and
smaller chunks removed while the same invariant still fails) and written to ``--out``
as ``<signature>.txt`` (the exact text, UTF-8 with surrogatepass) and
``<signature>.json`` (repr, invariant, message, seed and case index); ``summary.json``
lists every failing case index for ``--replay``. The exit status is 1 when any case
failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"

# -- generation ------------------------------------------------------------------------------

QUOTES = ("\"", "'", "''", "``", "“", "”", "‘", "’", "„", "‚", "‛", "‟", "«", "»", "‹", "›",
          "「", "」", "『", "』", "`", "´", "″", "′", "＂", "＇", "❝", "❞", "〝", "〞")
PUNCT = tuple(".,;:!?-—–―()[]{}…/\\*&%$#@+=<>|~^_") + ("...", "--", "-- ", ", ", ". ")
BREAKS = ("\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", "\u2028", "\u2029", "\x85", "\v",
          "\f", "\n \n", " \n", "\n\t")
SPACES = (" ", " ", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\u202f")
ASTRAL = ("😀", "👍🏽", "👨‍👩‍👧", "𝐀", "𝒜", "𐍈", "𠜎", "🇧🇪", "\U0010ffff", "\U000e0001")
COMBINING = ("\u0301", "\u0308", "\u0327", "\u20dd", "\u0336", "\u0489", "\u1ab0", "\ufe0f")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a",
             "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
             "\u061c", "\u00ad")
CONTROLS = ("\x00", "\x01", "\x07", "\x08", "\x1b", "\x1c", "\x1d", "\x1e", "\x1f", "\x7f",
            "\x9f")
SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d",
              "\ud83d\ude00", "\udbff\udfff", "\ud800\udc00", "\udc00\ud800", "\udcc3\udca9")
"""Lone surrogates, and pairs held as two code points (a split pair, as a bad JSON decoder or
UTF-16 slicing leaves them; the last is ``surrogateescape``'s undecodable bytes)."""


def _surrogate(rng: random.Random) -> str:
    """A listed surrogate piece, or one or two random surrogate code points."""
    if rng.random() < 0.5:
        return rng.choice(SURROGATES)
    return "".join(chr(rng.randint(0xD800, 0xDFFF)) for _ in range(rng.randint(1, 2)))
WORDS = ("said", "says", "told", "added", "asked", "according to", "he", "she", "they", "it",
         "we", "I", "He", "She", "They", "the", "a", "minister", "the minister", "spokesman",
         "officials", "Mr.", "Mrs.", "Sen.", "Dr.", "Mayor", "President", "Prime Minister",
         "Ana", "Duarte", "Hollis", "Brandt", "Olu Adeyemi", "O'Neill", "McCain", "Jean-Claude",
         "U.S.", "NATO", "Interior Ministry", "Council", "don't", "it's", "'90s", "rock 'n' roll",
         "ministers'", "(R-Fla.)", "and", "of", "in", "Zoë", "Ærøskøbing", "İstanbul", "ǅemal",
         "ß", "ﬁnal", "Ωmega", "δ", "Москва", "北京", "عربي", "עברית")


def _articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]


_ARTICLES = _articles()


def _word(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return rng.choice(WORDS)
    if r < 0.8:
        n = rng.randint(1, 10)
        w = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=n))
        return w.capitalize() if rng.random() < 0.4 else w
    return "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 4)))


def _random_codepoint(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        return chr(rng.randint(0, 0x2FFF))
    if r < 0.9:
        return chr(rng.randint(0, 0xFFFF))
    return chr(rng.randint(0, 0x10FFFF))


_KINDS: tuple[tuple[float, Callable[[random.Random], str]], ...] = (
    (18, _word),
    (10, lambda r: r.choice(SPACES)),
    (12, lambda r: r.choice(QUOTES)),
    (6, lambda r: r.choice(PUNCT)),
    (5, lambda r: r.choice(BREAKS)),
    (2, lambda r: str(r.randint(0, 10**r.randint(1, 6)))),
    (2, lambda r: r.choice(ASTRAL)),
    (2, lambda r: r.choice(COMBINING)),
    (2, lambda r: r.choice(INVISIBLE)),
    (1.5, lambda r: r.choice(CONTROLS)),
    (1, _surrogate),
    (2, _random_codepoint),
    (4, lambda r: _quoted(r)),
    (3, lambda r: _snippet(r)),
)
_WEIGHTS = [w for w, _ in _KINDS]
_MAKERS = [f for _, f in _KINDS]


def _quoted(rng: random.Random) -> str:
    """Something quote-shaped: an opening mark, words, punctuation, a closing mark, a cue."""
    open_, close = rng.choice((("\"", "\""), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"),
                               ("„", "“"), ("‹", "›"), ("「", "」"), rng.sample(QUOTES, 2)))
    inner = " ".join(_word(rng) for _ in range(rng.randint(0, 8)))
    if rng.random() < 0.3:
        inner += " " + _quoted(rng) if rng.random() < 0.5 else ""
    tail = rng.choice(("", ",", ".", "?", "!", " ", "…"))
    cue = rng.choice(("", " he said.", " said Ana Duarte.", ", Mr. Brandt told reporters.",
                      " she added", " according to the ministry.", " — Olu Adeyemi", ""))
    return f"{open_}{inner}{tail}{close}{cue}"


def _snippet(rng: random.Random) -> str:
    a = rng.choice(_ARTICLES)
    start = rng.randrange(len(a))
    return a[start : start + rng.randint(1, 600)]


def _mutate(text: str, rng: random.Random) -> str:
    ops = rng.randint(1, 4)
    for _ in range(ops):
        if not text:
            break
        op = rng.random()
        i = rng.randrange(len(text))
        j = min(len(text), i + rng.randint(1, 40))
        if op < 0.2:
            text = text[:i] + text[j:]
        elif op < 0.35:
            text = text[:j] + text[i:j] + text[j:]
        elif op < 0.55:
            text = text[:i] + rng.choice(QUOTES) + text[i + 1 :]
        elif op < 0.7:
            text = text.replace("\n", rng.choice(("\r\n", "\r", "\u2028", "\n\n", " ")))
        elif op < 0.85:
            text = text[:i] + rng.choice(INVISIBLE + COMBINING + SURROGATES + CONTROLS) + text[i:]
        else:
            text = text.swapcase() if rng.random() < 0.3 else text[::-1] if rng.random() < 0.2 \
                else text[:i] + text[i:j].upper() + text[j:]
    return text


def generate(seed: int, index: int) -> str:
    """The text of case ``index`` under ``seed`` (deterministic, independent of other cases)."""
    rng = random.Random(f"{seed}:{index}")
    r = rng.random()
    if r < 0.15:  # an article, edited
        return _mutate(rng.choice(_ARTICLES), rng)
    if r < 0.2:  # a long run of one piece
        piece = (_MAKERS[rng.randrange(len(_MAKERS))](rng) or "\"")[:20]
        piece += rng.choice(("", "", " ", ". ", ", ", "\n", "\n\n"))
        run = piece * rng.randint(50, 4000 // len(piece))
        return _word(rng) + " " + run + " " + _quoted(rng)
    if r < 0.23:  # quotes nested k deep
        k = rng.choice((2, 3, 5, 10, 50, 200, 600, 1200))
        kinds = ((("\"", "\""), ("'", "'"), ("“", "”"), ("‘", "’"), ("«", "»")))
        pairs = [kinds[0]]
        for _ in range(k - 1):  # the same mark twice in a row would close, not nest
            pairs.append(rng.choice([p for p in kinds if p != pairs[-1]]))
        words = ["".join(rng.choices("abcdefghij", k=rng.randint(1, 5))) for _ in range(k)]
        head = "".join(f"{o}{w} " for (o, _), w in zip(pairs, words, strict=False))
        tail = "".join(f"{w}{c} " for (_, c), w in reversed(list(zip(pairs, words, strict=False))))
        return _word(rng) + " said: " + head + tail
    n = rng.choice((1, 2, 3, 5, 8, 13, 20, 40, 80, 160))
    pieces = rng.choices(_MAKERS, weights=_WEIGHTS, k=n)
    text = "".join(f(rng) for f in pieces)
    if rng.random() < 0.2:
        text = _mutate(text, rng)
    return text


# -- invariants ------------------------------------------------------------------------------


class InvariantError(AssertionError):
    def __init__(self, invariant: str, message: str) -> None:
        super().__init__(f"{invariant}: {message}")
        self.invariant = invariant
        self.message = message


class CaseTimeout(Exception):  # noqa: N818 -- reported as an invariant, not an error
    pass


def _fail(invariant: str, message: str) -> None:
    raise InvariantError(invariant, message)


def check(text: str, attribute: Callable[[str], Any]) -> None:
    """Run ``attribute`` on ``text`` twice and raise InvariantError on any broken promise."""
    try:
        doc = attribute(text)
    except CaseTimeout:
        _fail("timeout", "attribute did not return in time")
    except Exception as exc:  # noqa: BLE001 -- every exception is a finding
        frames = [f"{Path(f.filename).name}:{f.lineno}"
                  for f in traceback.extract_tb(exc.__traceback__) if "quoteattr" in f.filename]
        if isinstance(exc, RecursionError) and frames:
            where = max(set(frames), key=frames.count)  # the line that recurses
        else:
            where = frames[-1] if frames else "?"
        _fail("raises", f"{type(exc).__name__} at {where}: {str(exc)[:200]}")
    n = len(text)
    for label, sp in doc.spans():
        if not (0 <= sp.start <= sp.end <= n) or sp.text != text[sp.start : sp.end]:
            _fail("slice", f"{label} [{sp.start}, {sp.end}) text {sp.text!r} != "
                           f"{text[sp.start : sp.end]!r}")
    keys = [(q.start, -q.end) for q in doc.quotes]
    if keys != sorted(keys):
        _fail("nesting", "quotes are not sorted by start")
    open_ends: list[int] = []
    for q in doc.quotes:
        while open_ends and open_ends[-1] <= q.start:
            open_ends.pop()
        if open_ends and q.end > open_ends[-1]:
            _fail("nesting", f"quote [{q.start}, {q.end}) overlaps one ending at {open_ends[-1]}")
        open_ends.append(q.end)
    ids = {s.id for s in doc.speakers}
    for k, q in enumerate(doc.quotes):
        if q.mention is not None and not (q.mention.end <= q.start or q.end <= q.mention.start):
            _fail("mention", f"quotes[{k}] [{q.start}, {q.end}) has its mention "
                             f"[{q.mention.start}, {q.mention.end}) inside")
        if q.speaker is not None and q.speaker.id not in ids:
            _fail("speaker", f"quotes[{k}] names speaker {q.speaker.id!r}, not in {sorted(ids)}")
    try:
        again = attribute(text)
    except CaseTimeout:
        _fail("timeout", "second call did not return in time")
    except Exception as exc:  # noqa: BLE001
        _fail("determinism", f"second call raised {type(exc).__name__}: {exc}")
    if again != doc:
        _fail("determinism", "a second call gave a different result")
    check_output(doc)


def check_output(doc: Any) -> None:
    """Every output path takes the result: exact JSON round trip, table and HTML in UTF-8."""
    from quoteattr import DocumentResult
    from quoteattr.render import render_html, render_table

    try:
        back = DocumentResult.model_validate_json(doc.to_json())
        render_table(doc).encode("utf-8")
        render_html(doc).encode("utf-8")
    except Exception as exc:  # noqa: BLE001 -- every exception is a finding
        _fail("output", f"{type(exc).__name__}: {str(exc)[:200]}")
    if back != doc or back.doc_id != doc.doc_id:
        _fail("output", "the JSON read back is not the result")


def signature(err: InvariantError) -> str:
    """A file-name-safe key that groups failures of the same kind."""
    head = err.message.split(": ")[0] if err.invariant == "raises" else ""
    key = f"{err.invariant}-{head}" if head else err.invariant
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in key)[:80]


# -- running ---------------------------------------------------------------------------------


_CASE_TIMEOUT = 10.0


def _on_alarm(signum: int, frame: object) -> None:
    raise CaseTimeout


def _timed_attribute() -> Callable[[str], Any]:
    import quoteattr

    attributor = quoteattr.Attributor()

    def run(text: str) -> Any:
        signal.setitimer(signal.ITIMER_REAL, _CASE_TIMEOUT)
        try:
            return attributor.attribute(text)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    return run


_ATTRIBUTE: Callable[[str], Any] | None = None


def _worker_init(case_timeout: float, shrink_seconds: float = 30.0) -> None:
    global _ATTRIBUTE, _CASE_TIMEOUT, _SHRINK_SECONDS
    _CASE_TIMEOUT = case_timeout
    _SHRINK_SECONDS = shrink_seconds
    signal.signal(signal.SIGALRM, _on_alarm)
    _ATTRIBUTE = _timed_attribute()


def failure_of(text: str) -> InvariantError | None:
    assert _ATTRIBUTE is not None
    try:
        check(text, _ATTRIBUTE)
    except InvariantError as err:
        return err
    return None


def shrink(text: str, sig: str, budget: float = 30.0) -> str:
    """Remove halves, then ever smaller chunks, while the failure keeps its signature."""
    deadline = time.monotonic() + budget

    def fails(t: str) -> bool:
        err = failure_of(t)
        return err is not None and signature(err) == sig

    chunk = max(1, len(text) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i = 0
        shrunk = False
        while i < len(text) and time.monotonic() < deadline:
            candidate = text[:i] + text[i + chunk :]
            if candidate != text and fails(candidate):
                text = candidate
                shrunk = True
            else:
                i += chunk
        if not shrunk:
            chunk //= 2
    return text


_SHRUNK: set[str] = set()
"""Signatures this worker has already shrunk: each is shrunk once per process."""
_SHRINK_SECONDS = 30.0


def run_chunk(
    args: tuple[int, int, int],
) -> tuple[int, list[dict[str, Any]], tuple[float, int]]:
    seed, start, stop = args
    failures: list[dict[str, Any]] = []
    slowest = (0.0, start)
    for i in range(start, stop):
        text = generate(seed, i)
        t0 = time.perf_counter()
        err = failure_of(text)
        slowest = max(slowest, (time.perf_counter() - t0, i))
        if err is None:
            continue
        sig = signature(err)
        record: dict[str, Any] = {"seed": seed, "case": i, "invariant": err.invariant,
                                  "signature": sig, "message": err.message, "length": len(text)}
        if sig not in _SHRUNK:
            _SHRUNK.add(sig)
            small = shrink(text, sig, _SHRINK_SECONDS)
            after = failure_of(small)
            record.update(text=text, shrunk=small,
                          shrunk_message=after.message if after else err.message)
        failures.append(record)
    return stop - start, failures, slowest


def _save(out: Path, record: dict[str, Any]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    txt, meta_path = out / f"{record['signature']}.txt", out / f"{record['signature']}.json"
    text = record.get("shrunk", record.get("text", ""))
    txt.write_bytes(text.encode("utf-8", "surrogatepass"))
    meta = {k: v for k, v in record.items() if k not in ("text", "shrunk")}
    meta["shrunk_repr"] = repr(text)
    meta["original_repr"] = repr(record.get("text", ""))[:20000]
    meta_path.write_text(json.dumps(meta, indent=1, ensure_ascii=True))
    return txt


def campaign(cases: int, seed: int, processes: int, out: Path, chunk: int,
             case_timeout: float, start: int = 0, shrink_seconds: float = 30.0,
             max_seconds: float | None = None) -> int:
    from multiprocessing import get_context

    chunks = [(seed, i, min(i + chunk, start + cases)) for i in range(start, start + cases, chunk)]
    done = 0
    by_sig: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    failing: dict[str, list[int]] = {}
    slowest = (0.0, start)
    started = time.perf_counter()
    last_report = started
    ctx = get_context("fork" if sys.platform.startswith("linux") else "spawn")
    stopped_early = False
    with ctx.Pool(processes, initializer=_worker_init,
                  initargs=(case_timeout, shrink_seconds)) as pool:
        for n, failures, slow in pool.imap_unordered(run_chunk, chunks):
            done += n
            slowest = max(slowest, slow)
            for rec in failures:
                counts[rec["signature"]] = counts.get(rec["signature"], 0) + 1
                failing.setdefault(rec["signature"], []).append(rec["case"])
                if "shrunk" in rec and rec["signature"] not in by_sig:
                    by_sig[rec["signature"]] = rec
                    path = _save(out, rec)
                    print(f"FAIL {rec['signature']} (seed {seed}, case {rec['case']}): "
                          f"{rec['shrunk_message']}\n     reproducer {path}: "
                          f"{rec['shrunk']!r}"[:600], flush=True)
            now = time.perf_counter()
            if now - last_report > 30:
                last_report = now
                print(f"  {done:,} cases, {done / (now - started):,.0f} cases/s, "
                      f"{sum(counts.values())} failing", flush=True)
            if max_seconds is not None and now - started > max_seconds:
                stopped_early = True  # only whole chunks that finished are counted
                pool.terminate()
                break
    elapsed = time.perf_counter() - started
    if stopped_early:
        print(f"stopped after --max-seconds {max_seconds:g}: the count below is of whole "
              f"chunks that finished (not a contiguous range of case indices)")
    print(f"{done:,} cases (seed {seed}, from case {start}) in {elapsed:.0f} s "
          f"with {processes} processes: {done / elapsed:,.0f} cases/s; slowest case "
          f"{slowest[1]} ({slowest[0]:.2f} s for two calls and the checks)")
    if counts:
        out.mkdir(parents=True, exist_ok=True)
        summary = out / "summary.json"
        summary.write_text(json.dumps({"seed": seed, "cases_run": done,
                                       "failing": {k: sorted(v) for k, v in failing.items()}},
                                      indent=1))
        print(f"{sum(counts.values())} failing cases (indices for --replay in {summary}):")
        for sig, c in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {c:>8}  {sig}")
    else:
        print("0 failing cases")
    return 1 if counts else 0


def atheris_main(argv: list[str], case_timeout: float) -> int:
    import atheris

    with atheris.instrument_imports(include=["quoteattr"]):
        import quoteattr  # noqa: F401

    _worker_init(case_timeout)

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicode(fdp.remaining_bytes())
        err = failure_of(text)
        if err is not None:
            raise err

    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="first case index")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--chunk", type=int, default=500, help="cases per work unit")
    parser.add_argument("--case-timeout", type=float, default=10.0,
                        help="seconds one attribute call may take before it counts as a hang")
    parser.add_argument("--max-seconds", type=float,
                        help="stop the campaign after this long and report what finished")
    parser.add_argument("--shrink-seconds", type=float, default=30.0,
                        help="time allowed to shrink each new kind of failure")
    parser.add_argument("--out", type=Path,
                        default=Path(tempfile.gettempdir()) / "quoteattr-fuzz",
                        help="where reproducers are written")
    parser.add_argument("--replay", type=int, metavar="I",
                        help="print case I of --seed and check it")
    parser.add_argument("--atheris", nargs=argparse.REMAINDER, metavar="LIBFUZZER_ARGS",
                        help="coverage-guided fuzzing with atheris; the rest of the command "
                             "line goes to libFuzzer (e.g. -runs=100000 -max_len=2000)")
    args = parser.parse_args()
    if args.atheris is not None:
        return atheris_main(args.atheris, args.case_timeout)
    if args.replay is not None:
        _worker_init(args.case_timeout)
        text = generate(args.seed, args.replay)
        print(repr(text))
        err = failure_of(text)
        print("ok" if err is None else f"FAIL {err}")
        return 0 if err is None else 1
    print(f"quoteattr fuzz: {args.cases:,} cases, seed {args.seed}, "
          f"{args.processes} processes, reproducers in {args.out}", flush=True)
    return campaign(args.cases, args.seed, args.processes, args.out, args.chunk,
                    args.case_timeout, args.start, args.shrink_seconds, args.max_seconds)


def iter_cases(seed: int, count: int) -> Iterator[str]:
    """The first ``count`` texts of ``seed`` (for use from other scripts)."""
    for i in range(count):
        yield generate(seed, i)


if __name__ == "__main__":
    sys.exit(main())
