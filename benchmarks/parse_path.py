"""What the parse path's adapters cost, beside the whole embedded path.

Usage: python benchmarks/parse_path.py GOLD.jsonl [--spacy-model NAME] [--repeat 3]

Each text is parsed once by a spaCy pipeline (not timed) and also rebuilt as a stanza
``Document`` with the same tokens, UD relations and entities (as a stanza pipeline would
hand it over). Then, best of ``--repeat`` runs over the whole file:

- ``embedded``: ``Attributor().attribute(text)``, the whole rule path from a str;
- ``spacy adapter``: :func:`quoteattr.annotators.spacy.annotation_from_spacy`;
- ``stanza adapter``: :func:`quoteattr.annotators.stanza.annotation_from_document`;
- ``spacy path``: ``Attributor().attribute(doc)`` (adapter and rules).

- ``embedded annotator``: ``EmbeddedAnnotator().annotate(text)``, the part of the
  embedded path that an adapter stands in for (paragraphs, sentences, names).
- ``of the adapter: names``: the part of the spaCy adapter that combines the tagger's
  names with the built-in name finder's
  (:func:`quoteattr.annotators.names.combine_entities`, run on the arguments the adapter
  passed it, with a name finder made afresh); the rest of the adapter converts the Doc.

Times are CPU seconds of this process (``time.process_time``), which other processes
on a shared machine disturb less than wall time. The ratios printed beside them:
``adapter / embedded`` (issue 20's target: at most a third) and ``net``, the adapter less
the embedded annotator it replaces, over the embedded path (what the parse path adds).

``--instructions`` counts instructions under valgrind's callgrind instead (steady to well
under 1% between runs, where the seconds move by a tenth): one process loads the same
Docs (saved once as a spaCy ``DocBin``), warms every path up on the first document, then
runs each row's workload inside its own C function, whose inclusive count is the row's
(see ``benchmarks/stages.py``). The stanza row is left out there. Needs spaCy, an English
pipeline and stanza (``pip install 'quoteattr[spacy,stanza]'``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr import collector
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.annotators.names import combine_entities
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
            with collector.paused():  # as attribute() runs its annotator
                call(item)  # results dropped at once, as in a streaming run
    return run


_WORKLOAD = """
import contextvars, functools, itertools, json, operator, sys
import spacy
from spacy.tokens import DocBin
import quoteattr
from quoteattr import collector
from quoteattr.annotators.embedded import EmbeddedAnnotator
from quoteattr.annotators.spacy import annotation_from_spacy
gold, saved, here = sys.argv[1:4]
sys.path.insert(0, here)
from parse_path import recorded_names
texts = [json.loads(line)["text"] for line in open(gold, encoding="utf-8") if line.strip()]
docs = list(DocBin().from_disk(saved).get_docs(spacy.blank("en").vocab))
attributor, annotator = quoteattr.Attributor(), EmbeddedAnnotator()
attributor.attribute(texts[0]), annotator.annotate(texts[0])
annotation_from_spacy(docs[0]), attributor.attribute(docs[0])

def each(call, items):
    def run():
        for item in items:
            with collector.paused():  # as attribute() runs its annotator
                call(item)
    return run

operator.call(each(attributor.attribute, texts))
functools.reduce(lambda _x, _y: each(annotator.annotate, texts)(), (0, 0))
next(itertools.starmap(each(annotation_from_spacy, docs), ((),)))
contextvars.Context().run(each(attributor.attribute, docs))
# The name combination's arguments, recorded after the other rows (with a fresh finder).
from quoteattr.annotators.names import combine_entities as combine
combined = recorded_names(docs)
combine(*combined[0])
next(itertools.dropwhile(lambda _: each(lambda args: combine(*args), combined)() is None, [0]),
     None)
"""
_C_FUNCTIONS = ("_operator_call", "functools_reduce", "starmap_next", "context_run",
                "dropwhile_next")
"""The C function each workload of :data:`_MODES` runs inside, in order (as in
``benchmarks/stages.py``: callgrind names C functions only, and quoteattr calls none of
these, so each one's inclusive count is its workload's)."""
_MODES = (("embedded (whole path)", "embedded"), ("embedded annotator", "annotator"),
          ("spacy adapter", "adapter"), ("spacy path (adapter + rules)", "path"),
          ("  of the adapter: names", "names"))


def instructions(gold: Path, docs: list[Any]) -> dict[str, float]:
    """Millions of instructions of each workload of :data:`_MODES`, in one callgrind run."""
    from spacy.tokens import DocBin

    env = dict(os.environ, PYTHONHASHSEED="0")  # set and dict order stay the same per run
    with tempfile.TemporaryDirectory() as tmp:
        saved, out = Path(tmp) / "docs.spacy", Path(tmp) / "callgrind.out"
        DocBin(docs=docs, store_user_data=False).to_disk(saved)
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
             sys.executable, "-c", _WORKLOAD, str(gold), str(saved),
             str(Path(__file__).resolve().parent)],
            capture_output=True, text=True, env=env, check=True)
        report = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
            capture_output=True, text=True, check=True).stdout
    counts = {}
    for (_, mode), function in zip(_MODES, _C_FUNCTIONS, strict=True):
        pattern = re.compile(  # "N (P%)  path:function [library]", its largest line
            r"^\s*([\d,]+) \([^)]*\)\s+\S*:" + function + r"(?: \[[^\]]*\])?\s*$", re.M)
        found = [int(m.group(1).replace(",", "")) for m in pattern.finditer(report)]
        if not found:
            msg = f"no count for {function} in callgrind_annotate's report"
            raise RuntimeError(msg)
        counts[mode] = max(found) / 1e6
    return counts


def print_ratios(unit: str, embedded: float, annotator: float, adapter: float,
                 names: float) -> None:
    print(f"adapter / embedded path: {adapter / embedded:.2f}, of which converting the Doc "
          f"{(adapter - names) / embedded:.2f} and combining the names {names / embedded:.2f}; "
          f"net (adapter less the embedded annotator it replaces) / embedded path: "
          f"{(adapter - annotator) / embedded:.2f}  ({unit})")


def recorded_names(docs: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The arguments the adapter passes :func:`~quoteattr.annotators.names.combine_entities`
    for each Doc, recorded in one pass (the name finder is made afresh after it)."""
    from quoteattr.annotators import own_names
    from quoteattr.annotators import spacy as adapter

    combined: list[tuple[Any, ...]] = []
    combine = adapter.combine_entities

    def recording(*args: Any) -> Any:
        combined.append(args)
        return combine(*args)

    adapter.combine_entities = recording  # type: ignore[assignment]
    try:
        for doc in docs:
            annotation_from_spacy(doc)
    finally:
        adapter.combine_entities = combine
    own_names._FINDERS.clear()  # noqa: SLF001 - a fresh finder, as the adapter's row found it
    return combined


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions under callgrind instead of CPU seconds")
    args = parser.parse_args()
    if args.instructions and shutil.which("callgrind_annotate") is None:
        print("valgrind is not installed (apt-get install -y valgrind)", file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in args.gold.open(encoding="utf-8")
             if line.strip()]
    nlp = SpacyAnnotator(args.spacy_model).nlp
    docs = list(nlp.pipe(texts, batch_size=16))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e3
    if args.instructions:
        counts = instructions(args.gold, docs)
        print(f"{len(texts)} docs, {size:.0f} KB; instructions (callgrind, PYTHONHASHSEED=0)")
        for name, mode in _MODES:
            print(f"{name:30s} {counts[mode]:8,.0f} M")
        print_ratios("instructions", counts["embedded"], counts["annotator"], counts["adapter"],
                     counts["names"])
        return 0
    documents = [stanza_document(d) for d in docs]
    attributor = quoteattr.Attributor()
    # The inputs (a stanza Document is thousands of Python objects) would otherwise be
    # scanned by every garbage collection the timed code triggers; a pipeline streaming
    # its documents holds one at a time.
    gc.collect()
    gc.freeze()
    rows = [
        ("embedded (whole path)", each(texts, attributor.attribute)),
        ("embedded annotator", each(texts, EmbeddedAnnotator().annotate)),
        ("spacy adapter", each(docs, annotation_from_spacy)),
        ("stanza adapter", each(documents, annotation_from_document)),
        ("spacy path (adapter + rules)", each(docs, attributor.attribute)),
    ]
    print(f"{len(texts)} docs, {size:.0f} KB; best of {args.repeat}")
    seconds = {}
    for name, run in rows:
        seconds[name] = best_of(args.repeat, run)
        print(f"{name:30s} {seconds[name]:6.3f} s  {size / seconds[name]:7.0f} KB/s")
    combined = recorded_names(docs)  # after the other rows, so that it fills no table of theirs
    name, run = "  of the adapter: names", each(combined, lambda args: combine_entities(*args))
    seconds[name] = best_of(args.repeat, run)
    print(f"{name:30s} {seconds[name]:6.3f} s")
    print_ratios("CPU seconds", seconds["embedded (whole path)"], seconds["embedded annotator"],
                 seconds["spacy adapter"], seconds["  of the adapter: names"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
