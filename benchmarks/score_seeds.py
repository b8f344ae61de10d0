"""Score quoteattr on the mission's two seed articles against their resolved-name gold.

Usage: python benchmarks/score_seeds.py [SEEDS_DIR]   (default: ../shared/seeds)

A gold quote counts as right when a predicted quote has exactly its span, its kind and a
speaker whose canonical name equals the gold name (or both have none). Prints one line per
miss and a total; exits 1 when the seeds folder is missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import quoteattr


def main() -> int:
    default = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    gold_path = seeds / "gold.json"
    if not gold_path.is_file():
        print(f"no gold.json in {seeds}", file=sys.stderr)
        return 1
    right = total = 0
    for doc in json.loads(gold_path.read_text(encoding="utf-8")):
        text = (seeds / doc["file"]).read_text(encoding="utf-8")
        result = quoteattr.attribute(text, doc_id=doc["doc_id"])
        by_span = {(q.start, q.end): q for q in result.quotes}
        for g in doc["quotes"]:
            total += 1
            q = by_span.get((g["start"], g["end"]))
            name = q.speaker.name if q is not None and q.speaker is not None else None
            if q is not None and q.kind == g["kind"] and name == g["speaker"]:
                right += 1
                continue
            got = "no quote with this span" if q is None else f"{q.kind} / {name!r} ({q.rule})"
            want = f"{g['kind']} / {g['speaker']!r}"
            print(f"miss {doc['doc_id']} {g['start']}-{g['end']}: want {want}, got {got}")
    print(f"seeds: {right}/{total} quotes with exact span, kind and speaker name")
    return 0


if __name__ == "__main__":
    sys.exit(main())
