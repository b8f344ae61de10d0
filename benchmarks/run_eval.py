"""Run quoteattr over a gold JSONL file and score it with the reference metrics.

Usage: python benchmarks/run_eval.py GOLD.jsonl [--pred OUT.jsonl] [--kinds direct,mixed]
       [--annotator embedded|spacy] [--spacy-model NAME] [--genre news|fiction|record]

``--annotator spacy`` scores the parse path: each text is parsed by a spaCy pipeline
(``--spacy-model``, by default the English small one) and the ``Doc`` is attributed.
The parse is timed apart from quoteattr (adapter and rules), which is what KB/s shows.

``--genre`` is the Attributor's genre (default news, as the library); ``record`` takes each
gold record's own ``genre`` field when it names one quoteattr knows (LitBank's "fiction").

The scorer is ``score.py`` beside the gold file when present (the shared eval
folder ships it); elsewhere (the project's own sets, such as
``fixtures/newsroom_eval/newsroom_eval.jsonl``) it is :mod:`quoteattr.evaluation`, which
implements the same metrics and prints the same keys first. The predictions are written to
``--pred`` so they can be inspected or scored again.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import quoteattr
from quoteattr.rules import GENRE_CHOICES


def predict(
    gold_path: Path, kinds: set[str], parse: Callable[[str], object] | None = None,
    genre: str = "auto",
) -> tuple[list[dict[str, object]], float, int]:
    attributors = {g: quoteattr.Attributor(genre=g) for g in GENRE_CHOICES}
    preds = []
    elapsed = 0.0
    n_chars = 0
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            n_chars += len(text.encode("utf-8"))
            parsed = parse(text) if parse is not None else text
            t0 = time.perf_counter()
            doc_genre = doc.get("genre") if genre == "record" else genre
            attributor = attributors.get(str(doc_genre), attributors["auto"])
            result = attributor.attribute(parsed, doc_id=str(doc["doc_id"]))
            elapsed += time.perf_counter() - t0
            quotes = []
            for q in result.quotes:
                if q.kind not in kinds:
                    continue
                quotes.append({
                    "start": q.start, "end": q.end,
                    "speaker": q.speaker.name if q.speaker else None,
                    "speaker_start": q.mention.start if q.mention else None,
                    "speaker_end": q.mention.end if q.mention else None,
                    "rule": q.rule, "kind": q.kind, "confidence": q.confidence,
                })
            preds.append({"doc_id": result.doc_id, "quotes": quotes})
    return preds, elapsed, n_chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--pred", type=Path, default=Path("/tmp/quoteattr-pred.jsonl"))
    parser.add_argument("--kinds", default="direct,thought")
    parser.add_argument("--annotator", choices=("embedded", "spacy"), default="embedded")
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--genre", default="auto", choices=(*GENRE_CHOICES, "record"))
    args = parser.parse_args()
    parse = None
    if args.annotator == "spacy":
        from quoteattr.annotators.spacy import SpacyAnnotator

        parse = SpacyAnnotator(args.spacy_model).nlp
    preds, elapsed, n_bytes = predict(args.gold, set(args.kinds.split(",")), parse, args.genre)
    with args.pred.open("w", encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{len(preds)} docs, {n_bytes / 1e3:.0f} KB in {elapsed:.2f} s "
          f"= {n_bytes / 1e3 / max(elapsed, 1e-9):.0f} KB/s", file=sys.stderr)
    scorer = args.gold.parent / "score.py"
    if scorer.exists():
        subprocess.run([sys.executable, str(scorer), str(args.gold), str(args.pred)], check=True)
    else:
        print(json.dumps(_own_scores(args.gold, preds)))
    return 0


def _own_scores(gold_path: Path, preds: list[dict[str, object]]) -> dict[str, object]:
    """The reference metrics computed by quoteattr.evaluation, for gold with no score.py."""
    from quoteattr.evaluation import evaluate, parse_gold, parse_predictions

    gold = parse_gold(gold_path.read_text(encoding="utf-8").splitlines(), source=str(gold_path))
    lines = [json.dumps(p) for p in preds]
    return evaluate(gold, parse_predictions(lines)).scores.to_dict()


if __name__ == "__main__":
    sys.exit(main())
