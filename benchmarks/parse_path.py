"""What the parse path's adapters cost, beside the whole embedded path.

Usage: python benchmarks/parse_path.py GOLD.jsonl [--spacy-model NAME] [--repeat 3]

Each text is parsed once by a spaCy pipeline (not timed) and also rebuilt as a stanza
``Document`` with the same tokens, UD relations and entities (as a stanza pipeline would
hand it over). Then, best of ``--repeat`` runs over the whole file:

- ``embedded``: ``Attributor().attribute(text)``, the whole rule path from a str;
- ``spacy adapter``: :func:`quoteattr.annotators.spacy.annotation_from_spacy`;
- ``stanza adapter``: :func:`quoteattr.annotators.stanza.annotation_from_document`;
- ``spacy path``: ``Attributor().attribute(doc)`` (adapter and rules).

Times are CPU seconds of this process (``time.process_time``), which other processes
on a shared machine disturb less than wall time. Needs spaCy, an English pipeline and
stanza (``pip install 'quoteattr[spacy,stanza]'``).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr.annotators.spacy import SpacyAnnotator, annotation_from_spacy
from quoteattr.annotators.spacy_labels import ud_relation
from quoteattr.annotators.stanza import annotation_from_document


def stanza_document(doc: Any) -> Any:
    """A stanza Document holding a spaCy Doc's tokens, UD relations and BIO entity tags."""
    from stanza.models.common.doc import Document

    sentences = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        ids = {t.i: n + 1 for n, t in enumerate(words)}
        rows = []
        for t in words:
            head = 0 if t.head.i == t.i or t.head.i not in ids else ids[t.head.i]
            ner = "O" if t.ent_iob_ in ("O", "") else f"{t.ent_iob_}-{t.ent_type_}"
            rows.append({"id": ids[t.i], "text": t.text, "lemma": t.lemma_, "upos": t.pos_,
                         "head": head, "deprel": "root" if head == 0 else ud_relation(t.dep_),
                         "start_char": t.idx, "end_char": t.idx + len(t.text), "ner": ner})
        if rows:
            sentences.append(rows)
    return Document(sentences, text=doc.text)


def best_of(repeat: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()  # CPU time: steadier than wall time on a shared box
        run()
        best = min(best, time.process_time() - start)
    return best


def each(items: Sequence[Any], call: Callable[[Any], object]) -> Callable[[], None]:
    def run() -> None:
        for item in items:
            call(item)  # results dropped at once, as in a streaming run
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.gold.open(encoding="utf-8")
             if line.strip()]
    nlp = SpacyAnnotator(args.spacy_model).nlp
    docs = list(nlp.pipe(texts, batch_size=16))
    documents = [stanza_document(d) for d in docs]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e3
    attributor = quoteattr.Attributor()
    # The inputs (a stanza Document is thousands of Python objects) would otherwise be
    # scanned by every garbage collection the timed code triggers; a pipeline streaming
    # its documents holds one at a time.
    gc.collect()
    gc.freeze()
    rows = [
        ("embedded (whole path)", each(texts, attributor.attribute)),
        ("spacy adapter", each(docs, annotation_from_spacy)),
        ("stanza adapter", each(documents, annotation_from_document)),
        ("spacy path (adapter + rules)", each(docs, attributor.attribute)),
    ]
    print(f"{len(texts)} docs, {size:.0f} KB; best of {args.repeat}")
    for name, run in rows:
        seconds = best_of(args.repeat, run)
        print(f"{name:30s} {seconds:6.3f} s  {size / seconds:7.0f} KB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
