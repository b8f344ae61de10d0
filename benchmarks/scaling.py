"""Scaling benchmark: time and peak memory of ``quoteattr.attribute`` from 0.1 MB to 20 MB.

Usage: python benchmarks/scaling.py [--max-mb 20] [--sizes 0.1,0.5,1] [--family news ...]
                                    [--timeout 90] [--jobs 1] [--tracemalloc]

Each (family, size) runs in a fresh subprocess, so the peak resident memory of one
run cannot hide behind an earlier, larger one. The child generates its text
deterministically, warms the lexicons up, resets the kernel's peak-RSS counter
(``/proc/self/clear_refs``; ``ru_maxrss`` is the fallback) and times one call of
``quoteattr.attribute``. "Peak" is the process's peak RSS during the call and
"+mem" the growth over the RSS just before it (text and interpreter excluded);
the ratio is ``+mem / input`` in bytes per code point. With ``--tracemalloc`` a
second call measures the peak of Python allocations instead (slower: it traces), and
"B/quote" what the result it returns holds per quote (its records, their strings and the
speakers' mention spans).

Sizes are in MB of input = 10**6 code points (Python ``str`` length). A run that
exceeds ``--timeout`` seconds is reported as TIMEOUT and the family's larger sizes
are skipped, as is a size whose linear extrapolation from the previous one would
exceed the timeout (SKIPPED). A family that completes fewer than two sizes is also
run at the ``--probe-sizes`` (marked "probe"). The linearity check compares seconds
per MB at the largest completed size with the smallest; a ratio above 2 (or a
timeout that a linear extrapolation would not reach) is flagged NON-LINEAR. A child
that dies is reported as CRASH with the last line of its error output; each child
runs under an address-space limit (``--memory-gb``) so a runaway shows as a
MemoryError instead of exhausting the machine.

This is a benchmark script, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
FICTION = ROOT / "fixtures" / "fiction_eval"
MB = 1_000_000
DEFAULT_SIZES = (0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)
QUOTE_MARKS = "\"“”'‘’«»"

# -- input families --------------------------------------------------------------------------


def _articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]


def _news(n: int, rng: random.Random) -> str:
    """Fixture articles, shuffled and repeated, separated by blank lines."""
    articles = _articles()
    parts: list[str] = []
    total = 0
    while total < n:
        rng.shuffle(articles)
        for a in articles:
            parts.append(a.strip("\n"))
            total += len(a) + 2
    return "\n\n".join(parts)[:n]


def gen_news(n: int, rng: random.Random) -> str:
    return _news(n, rng)


def gen_quote_marks(n: int, rng: random.Random) -> str:
    """Nothing but quotation marks: `` " “ ” ' ‘ ’ « » `` in random order."""
    return "".join(rng.choices(QUOTE_MARKS, k=n))


def gen_one_paragraph(n: int, rng: random.Random) -> str:
    """News text with every line break turned into a space: one paragraph."""
    return re.sub(r"\s*\n\s*", " ", _news(n + n // 20, rng))[:n]


def gen_no_whitespace(n: int, rng: random.Random) -> str:
    """News text with every whitespace character removed."""
    return re.sub(r"\s+", "", _news(n + n // 4, rng))[:n]


def gen_nested(n: int, rng: random.Random) -> str:
    """``"a 'b "c 'd ... d' c" b' a"``: quotes nested as deep as the size allows."""
    opens: list[str] = []
    closes: list[str] = []
    total = 0
    depth = 0
    while total < n:
        mark = '"' if depth % 2 == 0 else "'"
        word = f"w{depth}"
        opens.append(f"{mark}{word} ")
        closes.append(f"{word}{mark} ")
        total += 2 * len(word) + 4
        depth += 1
    return ("".join(opens) + "".join(reversed(closes))).rstrip()


def gen_open_then_close(n: int, rng: random.Random) -> str:
    """Thousands of quotes left open (“ and « alternating, so none closes another), then
    closing marks of a third family (’) that close none of them: each closer could walk
    the whole stack of open quotes."""
    half = n // 2
    opens = "x " + "“a «a " * (half // 6 + 1)
    return opens[:half] + ("a’ " * (half // 3 + 1))[: n - half]


def _strip_marks(text: str) -> str:
    return text.translate({ord(c): None for c in QUOTE_MARKS + "„‚‹›`"})


def gen_unclosed(n: int, rng: random.Random) -> str:
    """One opening mark, then one long paragraph without another quotation mark."""
    body = _strip_marks(gen_one_paragraph(n + n // 10, rng))
    return ("“" + body)[:n]


def gen_unclosed_reopened(n: int, rng: random.Random) -> str:
    """News paragraphs, each re-opening a quote that never closes (the multi-paragraph style)."""
    body = _strip_marks(_news(n + n // 10, rng))
    paras = [p for p in body.split("\n\n") if p.strip()]
    return "\n\n".join("“" + p.rstrip(".") + "." for p in paras)[:n]


_NAME_WORDS = (
    "Ana", "Duarte", "Mayor", "Hollis", "Brandt", "Minister", "Interior", "Ministry", "Kerry",
    "Said", "The", "He", "She", "They", "Mr.", "Sen.", "President", "Council", "Olu",
    "Adeyemi", "Carla", "Mendes", "Union", "Norland", "Of", "Van", "O'Neill", "McCain",
    "Jean-Claude", "U.S.", "NATO", "Told", "Added", "According", "To", "It", "We", "I",
)


def gen_capitalised(n: int, rng: random.Random) -> str:
    """Only capitalised words (names, titles, capitalised function words), with sentence stops,
    paragraph breaks and some quotes, so every word is a name candidate."""
    parts: list[str] = []
    total = 0
    while total < n:
        words = rng.choices(_NAME_WORDS, k=rng.randint(3, 14))
        sentence = " ".join(words)
        r = rng.random()
        if r < 0.25:
            sentence = f"“{sentence},” {' '.join(rng.choices(_NAME_WORDS, k=3))} Said."
        elif r < 0.35:
            sentence = f"{' '.join(rng.choices(_NAME_WORDS, k=2))} Said: \"{sentence}.\""
        else:
            sentence += "."
        sep = "\n\n" if rng.random() < 0.1 else " "
        parts.append(sentence + sep)
        total += len(sentence) + len(sep)
    return "".join(parts)[:n]


def gen_he_said(n: int, rng: random.Random) -> str:
    """``"Yes," he said.`` over and over: a quote every 16 characters, each attributed."""
    return ('"Yes," he said. ' * (n // 16 + 1))[:n]


def gen_crlf(n: int, rng: random.Random) -> str:
    """News text with CRLF line endings."""
    return _news(n, rng).replace("\n", "\r\n")[:n]


def gen_lone_cr(n: int, rng: random.Random) -> str:
    """News text with old-Mac lone CR line endings."""
    return _news(n, rng).replace("\n", "\r")


def gen_fiction(n: int, rng: random.Random) -> str:
    """A novel: the fiction set's chapters (hard-wrapped, Gutenberg layout, first person,
    long exchanges; ``fixtures/fiction_eval``), shuffled and repeated under numbered chapter
    headings, so its characters recur over the whole book as a novel's do. Run with
    ``genre="fiction"`` (:data:`GENRE_OF`)."""
    chapters = [p.read_text(encoding="utf-8").strip("\n")
                for p in sorted(FICTION.glob("**/articles/*.txt"))]
    parts: list[str] = []
    total = number = 0
    while total < n:
        rng.shuffle(chapters)
        for c in chapters:
            number += 1
            parts.append(f"CHAPTER {number}.\n\n{c}")
            total += len(parts[-1]) + 4
    return "\n\n\n".join(parts)[:n]


def gen_no_punctuation(n: int, rng: random.Random) -> str:
    """News text with every character that is neither a letter, digit nor whitespace removed."""
    return re.sub(r"[^\w\s]|_", "", _news(n + n // 10, rng))[:n]


FAMILIES: dict[str, Callable[[int, random.Random], str]] = {
    "news": gen_news,
    "quote_marks": gen_quote_marks,
    "one_paragraph": gen_one_paragraph,
    "no_whitespace": gen_no_whitespace,
    "nested": gen_nested,
    "unclosed": gen_unclosed,
    "unclosed_reopened": gen_unclosed_reopened,
    "capitalised": gen_capitalised,
    "he_said": gen_he_said,
    "open_then_close": gen_open_then_close,
    "crlf": gen_crlf,
    "lone_cr": gen_lone_cr,
    "no_punctuation": gen_no_punctuation,
    "fiction": gen_fiction,
}
GENRE_OF = {"fiction": "fiction"}
"""The genre a family is attributed with (news otherwise)."""


def generate(family: str, size_mb: float) -> str:
    n = int(size_mb * MB)
    rng = random.Random(f"{family}:{n}")
    return FAMILIES[family](n, rng)


# -- child: one measurement ------------------------------------------------------------------


def _rss_kb(field: str) -> int | None:
    try:
        with Path("/proc/self/status").open(encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        with Path("/proc/self/clear_refs").open("w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        return False
    return True


def child(family: str, size_mb: float, use_tracemalloc: bool) -> dict[str, object]:
    import resource

    import quoteattr

    text = generate(family, size_mb)
    # lexicons and the confidence table load on first use: a named speaker needs them all
    quoteattr.attribute('"Warm up," Ana Duarte said.')
    before_kb = _rss_kb("VmRSS") or 0
    reset = _reset_peak()
    start = time.perf_counter()
    genre = GENRE_OF.get(family, "news")
    doc = quoteattr.attribute(text, genre=genre)
    seconds = time.perf_counter() - start
    if reset and _rss_kb("VmHWM") is not None:
        peak_kb = _rss_kb("VmHWM") or 0
    else:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out: dict[str, object] = {
        "chars": len(text), "seconds": seconds, "peak_kb": peak_kb,
        "grow_kb": max(0, peak_kb - before_kb), "quotes": len(doc.quotes),
        "speakers": len(doc.speakers), "peak_exact": reset,
    }
    if use_tracemalloc:
        import tracemalloc

        del doc
        tracemalloc.start()
        doc = quoteattr.attribute(text, genre=genre)
        kept, peak = tracemalloc.get_traced_memory()
        out["traced_kb"] = peak // 1024
        # What the result itself holds (records and their strings), per quote.
        out["bytes_per_quote"] = kept // max(1, len(doc.quotes))
        tracemalloc.stop()
    return out


# -- parent ------------------------------------------------------------------------------------


def _limit_memory(limit_gb: float) -> Callable[[], None]:
    def apply() -> None:
        import resource

        limit = int(limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def measure(family: str, size_mb: float, timeout: float, use_tracemalloc: bool,
            memory_gb: float) -> dict[str, object]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", family, str(size_mb)]
    if use_tracemalloc:
        cmd.append("--tracemalloc")
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              preexec_fn=_limit_memory(memory_gb))
    except subprocess.TimeoutExpired:
        return {"status": "TIMEOUT", "wall": time.perf_counter() - started}
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        return {"status": "CRASH", "error": lines[-1] if lines else f"exit {proc.returncode}"}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["status"] = "ok"
    return result


def _fmt_mem(kb: object) -> str:
    return f"{int(kb) / 1024:8.1f}" if isinstance(kb, int) else f"{'-':>8}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-mb", type=float, default=20.0, help="largest size to run")
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES),
                        help="comma-separated sizes in MB (10**6 code points)")
    parser.add_argument("--probe-sizes", default="0.01,0.03",
                        help="smaller sizes run only for a family that completes fewer than "
                             "two regular sizes")
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES),
                        help="run only these families (repeatable)")
    parser.add_argument("--timeout", type=float, default=45.0,
                        help="seconds allowed for one (family, size) run; a larger size whose "
                             "linear extrapolation exceeds it is skipped")
    parser.add_argument("--memory-gb", type=float, default=8.0,
                        help="address-space limit of each child (a MemoryError is a CRASH)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="families measured in parallel (timings are steadier with 1)")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also report the traced peak of Python allocations")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--child", nargs=2, metavar=("FAMILY", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(child(args.child[0], float(args.child[1]), args.tracemalloc)))
        return 0

    sizes = sorted(float(s) for s in args.sizes.split(",") if float(s) <= args.max_mb)
    probe_sizes = sorted(float(s) for s in args.probe_sizes.split(",") if float(s) < sizes[0])
    families = args.family or list(FAMILIES)
    print(f"quoteattr scaling: sizes {sizes} MB, families {len(families)}, "
          f"timeout {args.timeout:.0f} s per run, {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}", flush=True)

    def run_family(family: str) -> list[tuple[float, dict[str, object]]]:
        rows: list[tuple[float, dict[str, object]]] = []
        for size in sizes:
            if rows:
                last_size, last = rows[-1]
                per_mb = float(last["seconds"]) / (int(last["chars"]) / MB)  # type: ignore[arg-type, call-overload]
                if per_mb * size > args.timeout:
                    rows.append((size, {"status": "SKIPPED", "estimate": per_mb * size}))
                    break
            r = measure(family, size, args.timeout, args.tracemalloc, args.memory_gb)
            rows.append((size, r))
            if r["status"] != "ok":
                break
        if sum(r["status"] == "ok" for _, r in rows) < 2:
            # too slow for two regular sizes: probe smaller ones so linearity can be judged
            probes: list[tuple[float, dict[str, object]]] = []
            for size in probe_sizes:
                r = measure(family, size, args.timeout, args.tracemalloc, args.memory_gb)
                r["probe"] = True
                probes.append((size, r))
                if r["status"] != "ok":
                    break
            rows = probes + rows
        return rows

    started = time.perf_counter()
    if args.jobs > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(args.jobs) as pool:
            results = dict(zip(families, pool.map(run_family, families), strict=True))
    else:
        results = {}
        for family in families:
            results[family] = run_family(family)
            print(f"  done {family} ({time.perf_counter() - started:.0f} s)", file=sys.stderr,
                  flush=True)

    header = (f"{'family':<18} {'MB':>5} {'seconds':>8} {'MB/s':>7} {'peak MB':>8} "
              f"{'+mem MB':>8} {'B/char':>6}"
              + (f" {'traced':>8} {'B/quote':>7}" if args.tracemalloc else "")
              + f" {'quotes':>7}")
    print(header)
    print("-" * len(header))
    verdicts: list[str] = []
    for family in families:
        rows = results[family]
        ok = [(s, r) for s, r in rows if r["status"] == "ok"]
        for size, r in rows:
            if r["status"] != "ok":
                detail = {
                    "TIMEOUT": f"> {args.timeout:.0f} s",
                    "SKIPPED": f"linear estimate {float(r.get('estimate', 0)):.0f} s > timeout",  # type: ignore[arg-type]
                }.get(str(r["status"]), str(r.get("error", ""))[:90])
                print(f"{family:<18} {size:>5g} {r['status']:>8} {detail}")
                continue
            sec = float(r["seconds"])  # type: ignore[arg-type]
            grow = int(r["grow_kb"])  # type: ignore[call-overload]
            mb_in = int(r["chars"]) / MB  # type: ignore[call-overload]
            line = (f"{family:<18} {size:>5g} {sec:>8.2f} {mb_in / sec:>7.2f} "
                    f"{_fmt_mem(r['peak_kb'])} {_fmt_mem(grow)} "
                    f"{grow * 1024 / max(1, int(r['chars'])):>6.1f}")  # type: ignore[call-overload]
            if args.tracemalloc:
                line += f" {_fmt_mem(r.get('traced_kb'))} {r.get('bytes_per_quote', '-'):>7}"
            print(line + f" {r['quotes']:>7}" + ("  (probe)" if r.get("probe") else ""))
        verdicts.append(_linearity(family, ok, rows, args.timeout))
    print()
    print("linearity (s/MB at the largest completed size / s/MB at the smallest):")
    for v in verdicts:
        print("  " + v)
    print(f"total wall time {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps({f: [[s, r] for s, r in rows]
                                         for f, rows in results.items()}, indent=1))
    return 0


def _linearity(family: str, ok: list[tuple[float, dict[str, object]]],
               rows: list[tuple[float, dict[str, object]]], timeout: float) -> str:
    failed = [(s, r) for s, r in rows if r["status"] not in ("ok", "SKIPPED")]
    if failed and failed[0][1]["status"] == "CRASH":
        return f"{family:<18} CRASH at {failed[0][0]:g} MB: {failed[0][1].get('error', '')}"
    if not ok:
        return f"{family:<18} no completed run"

    def per_mb(s: float, r: dict[str, object]) -> float:
        return float(r["seconds"]) / (int(r["chars"]) / MB)  # type: ignore[arg-type, call-overload]

    if len(ok) < 2:
        return (f"{family:<18} one size only ({per_mb(*ok[0]):.2f} s/MB at {ok[0][0]:g} MB): "
                f"cannot judge")
    small = per_mb(*ok[0])
    large = per_mb(*ok[-1])
    ratio = large / small if small > 0 else float("inf")
    text = (f"{family:<18} {small:7.2f} s/MB at {ok[0][0]:g} MB, {large:7.2f} s/MB at "
            f"{ok[-1][0]:g} MB: ratio {ratio:5.2f}")
    flag = ratio > 2
    if failed:
        size = failed[0][0]
        predicted = small * size
        text += f"; TIMEOUT at {size:g} MB (linear prediction {predicted:.0f} s)"
        flag = flag or predicted * 2 < timeout
    return text + ("  NON-LINEAR" if flag else "  linear")


if __name__ == "__main__":
    sys.exit(main())
