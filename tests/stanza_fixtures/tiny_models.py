"""Train tiny stanza models (tokenize, mwt, pos, lemma, depparse, ner) for loader tests.

No stanza model can be downloaded here, so the integration tests train their own
from this folder's CoNLL-U fixtures: a few seconds on one CPU thread, about half a
megabyte. The models load through the real ``stanza.Pipeline`` code path, but their
predictions are junk, so tests may assert the structure of what comes back, never
its labels. Nothing is committed as ``.pt``: saved models are tied to the stanza
and torch versions. Recipe: /work/shared/notes/stanza.md, section 7.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent
CONLLU_FILES = ("mayor.conllu", "acme.conllu")
PACKAGE = "tiny"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_COPIES = 3
"""Each fixture sentence is repeated this many times in the training data."""


def training_conllu() -> str:
    """The fixtures, repeated, as one CoNLL-U string."""
    parts = [(FIXTURES / name).read_text(encoding="utf-8") for name in CONLLU_FILES]
    return "".join(parts * _COPIES)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence the trainers' logging and progress output."""
    logger = logging.getLogger("stanza")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        logger.setLevel(level)


def _tokenizer_files(docs: list[Any], work: Path) -> tuple[Path, Path, Path]:
    """Raw text, per-character labels and MWT expansions in the tokenizer's file formats.

    Labels: 0 inside a token or between tokens, 1 token end, 2 sentence end, 3 and 4
    the same for a multi-word token. Paragraphs are separated by blank lines in both
    files and have the same length in each.
    """
    texts: list[str] = []
    labels: list[str] = []
    mwts: dict[tuple[str, tuple[str, ...]], int] = {}
    for doc in docs:
        marks = [0] * len(doc.text)
        for sentence in doc.sentences:
            for i, token in enumerate(sentence.tokens):
                last = i == len(sentence.tokens) - 1
                multi = len(token.words) > 1
                marks[token.end_char - 1] = (4 if last else 3) if multi else (2 if last else 1)
                if multi:
                    key = (token.text, tuple(w.text for w in token.words))
                    mwts[key] = mwts.get(key, 0) + 1
        start = 0
        for brk in [*_PARAGRAPH_BREAK.finditer(doc.text), None]:
            end = brk.start() if brk else len(doc.text.rstrip())
            texts.append(doc.text[start:end])
            labels.append("".join(str(m) for m in marks[start:end]))
            start = brk.end() if brk else end
    paths = work / "train.txt", work / "train.label", work / "mwt.json"
    paths[0].write_text("\n\n".join(texts) + "\n\n", encoding="utf-8")
    paths[1].write_text("\n\n".join(labels) + "\n\n", encoding="utf-8")
    expansions = [[[surface, list(words)], n] for (surface, words), n in mwts.items()]
    paths[2].write_text(json.dumps(expansions), encoding="utf-8")
    return paths


def _pretrain(docs: list[Any], work: Path) -> Path:
    """Random 16-dimensional word vectors for every training word, saved as a stanza Pretrain."""
    from stanza.models.common.pretrain import Pretrain

    rng = random.Random(7)
    words = sorted({form for doc in docs for s in doc.sentences for w in s.words
                    for form in (w.text, w.text.lower())})
    vec = work / "vec.txt"
    lines = [f"{len(words)} 16"]
    lines += [" ".join([w] + [f"{rng.uniform(-1, 1):.4f}" for _ in range(16)]) for w in words]
    vec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = work / "pretrain.pt"
    Pretrain(str(out), vec_filename=str(vec)).load()
    return out


def train_tiny_models(root: Path, *, steps: int = 40, tokenizer_steps: int = 200) -> Path:
    """Train the six tiny models under ``root``; return a stanza model folder for them.

    The folder holds ``resources.json`` and ``en/<processor>/tiny.pt``, with ``tiny``
    as the ``default`` package, so ``stanza.Pipeline("en", dir=folder,
    download_method=None)`` and quoteattr's model check both accept it. The tokenizer
    gets more steps than the others: with fewer it returns whole sentences as one token.
    """
    # Importing stanza's trainers sets the "stanza" logger to DEBUG; _quiet undoes that.
    with _quiet():
        return _train(root, steps, tokenizer_steps)


def _train(root: Path, steps: int, tokenizer_steps: int) -> Path:
    import torch
    from stanza.models import lemmatizer, mwt_expander, ner_tagger, parser, tagger, tokenizer
    from stanza.utils.conll import CoNLL

    logging.getLogger("stanza").setLevel(logging.ERROR)  # the imports above set DEBUG
    torch.set_num_threads(1)
    torch.manual_seed(7)
    work = root / "work"
    work.mkdir(parents=True, exist_ok=True)
    train = work / "train.conllu"
    train.write_text(training_conllu(), encoding="utf-8")
    docs = [CoNLL.conll2doc(input_file=str(FIXTURES / n), reconstruct_text=True)
            for n in CONLLU_FILES] * _COPIES
    txt, label, mwt_json = _tokenizer_files(docs, work)
    pretrain = _pretrain(docs, work)
    ner_json = work / "ner.json"
    ner_json.write_text(json.dumps([[{"text": t.text, "ner": t.ner} for t in s.tokens]
                                    for d in docs for s in d.sentences]), encoding="utf-8")
    saved: dict[str, Path] = {"pretrain": pretrain}
    args = tokenizer.parse_args([
        "--txt_file", str(txt), "--label_file", str(label), "--mwt_json_file", str(mwt_json),
        "--dev_txt_file", str(txt), "--dev_label_file", str(label), "--lang", "en",
        "--shorthand", "en_tiny", "--save_dir", str(work), "--save_name", "tokenize.pt",
        "--steps", str(tokenizer_steps), "--eval_steps", str(tokenizer_steps),
        "--hidden_dim", "16", "--emb_dim", "8", "--rnn_layers", "1", "--device", "cpu",
    ])
    args["feat_funcs"] = ["space_before", "capitalized", "numeric", "end_of_para",
                          "start_of_para"]
    args["feat_dim"] = len(args["feat_funcs"])
    args["save_name"] = tokenizer.model_file_name(args)
    tokenizer.train(args)
    saved["tokenize"] = Path(args["save_name"])

    mwt_expander.main([
        "--train_file", str(train), "--eval_file", str(train), "--gold_file", str(train),
        "--output_file", str(work / "mwt.out"), "--lang", "en", "--shorthand", "en_tiny",
        "--save_dir", str(work), "--save_name", "mwt.pt", "--dict_only",
    ])
    saved["mwt"] = work / "mwt.pt"

    small = [
        "--shorthand", "en_tiny", "--lang", "en", "--save_dir", str(work),
        "--wordvec_pretrain_file", str(pretrain), "--train_file", str(train),
        "--eval_file", str(train), "--max_steps", str(steps),
        "--eval_interval", str(max(1, steps // 2)), "--hidden_dim", "16",
        "--char_hidden_dim", "16", "--deep_biaff_hidden_dim", "16", "--word_emb_dim", "8",
        "--char_emb_dim", "8", "--tag_emb_dim", "8", "--transformed_dim", "8",
        "--augment_nopunct", "0.0",
    ]
    tagger.main([*small, "--output_file", str(work / "pos.out"), "--save_name", "pos.pt"])
    saved["pos"] = work / "pos.pt"
    parser.main([*small, "--output_file", str(work / "dep.out"), "--save_name", "depparse.pt"])
    saved["depparse"] = work / "depparse.pt"
    lemmatizer.main([
        "--train_file", str(train), "--eval_file", str(train),
        "--output_file", str(work / "lem.out"), "--num_epoch", "2",
        "--save_dir", str(work), "--save_name", "lemma.pt", "--shorthand", "en_tiny",
        "--hidden_dim", "16", "--emb_dim", "8", "--pos_dim", "8",
    ])
    saved["lemma"] = work / "lemma.pt"
    ner_tagger.main([
        "--data_dir", str(work), "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(ner_json), "--eval_file", str(ner_json),
        "--shorthand", "en_tiny", "--max_steps", str(steps),
        "--eval_interval", str(max(1, steps // 2)), "--save_dir", str(work),
        "--save_name", "ner.pt", "--hidden_dim", "16", "--char_hidden_dim", "16",
        "--word_emb_dim", "8", "--char_emb_dim", "8",
    ])
    saved["ner"] = work / "ner.pt"
    return _model_folder(root / "models", saved)


def _model_folder(folder: Path, saved: dict[str, Path]) -> Path:
    """Lay the saved models out as stanza expects and write the matching resources.json."""
    with_vectors = {"dependencies": [{"model": "pretrain", "package": PACKAGE}]}
    entry: dict[str, Any] = {"lang_name": "English"}
    for proc, path in saved.items():
        target = folder / "en" / proc / f"{PACKAGE}.pt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
        entry[proc] = {PACKAGE: dict(with_vectors) if proc in ("pos", "depparse", "ner") else {}}
    entry["packages"] = {"default": {proc: PACKAGE for proc in PROCESSORS}}
    (folder / "resources.json").write_text(json.dumps({"en": entry}, indent=1), encoding="utf-8")
    return folder
