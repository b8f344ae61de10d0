"""Tests of the stanza adapter and model check, on Documents made by hand: no models needed.

Documents come from token dicts and from the CoNLL-U fixtures in ``stanza_fixtures/``
(read with ``reconstruct_text=True``), with coreference chains attached by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("stanza")

import torch  # noqa: E402 - only once stanza (and so torch) is known to be installed
from stanza.models.common.doc import Document  # noqa: E402
from stanza.models.coref.coref_chain import CorefChain, CorefMention  # noqa: E402
from stanza.utils.conll import CoNLL  # noqa: E402

from quoteattr import stanza_models  # noqa: E402
from quoteattr.annotation import Annotation  # noqa: E402
from quoteattr.annotators.embedded import EmbeddedAnnotator  # noqa: E402
from quoteattr.annotators.stanza import (  # noqa: E402
    ENTITY_LABELS,
    annotation_from_document,
)
from quoteattr.errors import BackendUnavailableError, InputValueError  # noqa: E402

torch.set_num_threads(1)

FIXTURES = Path(__file__).parent / "stanza_fixtures"
ROOT = Path(__file__).resolve().parent.parent

HAND_TEXT = '"We will rebuild," said Mayor Ana Duarte. She smiled.'


def _tok(start: int, end: int, upos: str, head: int, deprel: str, ner: str = "O",
         **extra: Any) -> dict[str, Any]:
    return {"text": HAND_TEXT[start:end], "start_char": start, "end_char": end, "upos": upos,
            "head": head, "deprel": deprel, "ner": ner, **extra}


def hand_document() -> Any:
    """Two sentences built from dicts, as stanza.md section 4 shows."""
    return Document([
        [_tok(0, 1, "PUNCT", 4, "punct"), _tok(1, 3, "PRON", 4, "nsubj", lemma="we"),
         _tok(4, 8, "AUX", 4, "aux"), _tok(9, 16, "VERB", 7, "ccomp", lemma="rebuild"),
         _tok(16, 17, "PUNCT", 4, "punct"), _tok(17, 18, "PUNCT", 4, "punct"),
         _tok(19, 23, "VERB", 0, "root", lemma="say"), _tok(24, 29, "PROPN", 9, "compound"),
         _tok(30, 33, "PROPN", 7, "nsubj", "B-PERSON"),
         _tok(34, 40, "PROPN", 9, "flat", "E-PERSON"), _tok(40, 41, "PUNCT", 7, "punct")],
        [_tok(42, 45, "PRON", 2, "nsubj"), _tok(46, 52, "VERB", 0, "root", lemma="smile"),
         _tok(52, 53, "PUNCT", 2, "punct")],
    ], text=HAND_TEXT)


def load(name: str) -> Any:
    return CoNLL.conll2doc(input_file=str(FIXTURES / name), reconstruct_text=True)


def texts(ann: Annotation, spans: Any) -> list[str]:
    return [ann.text[s.start : s.end] for s in spans]


def assert_slices_back(ann: Annotation, doc: Any) -> None:
    """Every span lies inside the text, and every token and entity slices to its own form."""
    n = len(ann.text)
    spans = [*ann.paragraphs, *ann.sentences, *(t.span for t in ann.tokens),
             *(e.span for e in ann.entities), *(m for chain in ann.coref for m in chain)]
    assert all(0 <= s.start <= s.end <= n for s in spans)
    words = [w for s in doc.sentences for w in s.words]
    assert len(words) == len(ann.tokens)
    for word, token in zip(words, ann.tokens, strict=True):
        surface = word.text if len(word.parent.words) == 1 else word.parent.text
        assert surface.startswith(ann.text[token.span.start : token.span.end]) or (
            ann.text[token.span.start : token.span.end] == word.text
        )
    ents = [e for e in doc.ents if e.type in ENTITY_LABELS]
    # the tagger's article before a body's or place's name is no word of it
    assert texts(ann, [e.span for e in ann.entities]) == [
        e.text if ENTITY_LABELS[e.type] == "PERSON" else e.text.removeprefix("the ").removeprefix(
            "The ") for e in ents]


# -- hand-built Documents -----------------------------------------------------------------


def test_hand_document_layers() -> None:
    ann = annotation_from_document(hand_document())
    assert ann.text == HAND_TEXT
    assert texts(ann, ann.sentences) == ['"We will rebuild," said Mayor Ana Duarte.', "She smiled."]
    assert texts(ann, ann.paragraphs) == [HAND_TEXT]
    assert len(ann.tokens) == 14
    assert [(e.span.slice(HAND_TEXT), e.label) for e in ann.entities] == [("Ana Duarte", "PERSON")]
    assert ann.provides == {"paragraphs", "sentences", "tokens", "pos", "deps", "entities"}
    assert ann.coref == ()


def test_hand_document_heads_are_global_indices() -> None:
    ann = annotation_from_document(hand_document())
    words = [t.span.slice(HAND_TEXT) for t in ann.tokens]
    said, smiled = words.index("said"), words.index("smiled")
    assert ann.tokens[said].head is None and ann.tokens[said].deprel == "root"
    ana = ann.tokens[words.index("Ana")]
    assert ana.head == said and ana.deprel == "nsubj"
    # The second sentence's 1-based heads point past the first sentence's 11 words.
    she = ann.tokens[words.index("She")]
    assert she.head == smiled == 12
    assert ann.tokens[smiled].head is None
    assert ann.tokens[words.index("rebuild")].lemma == "rebuild"
    assert ann.tokens[words.index("Mayor")].upos == "PROPN"


def test_heads_match_stanza_for_every_word() -> None:
    doc = load("mayor.conllu")
    ann = annotation_from_document(doc)
    words = [w for s in doc.sentences for w in s.words]
    for word, token in zip(words, ann.tokens, strict=True):
        if word.head == 0:
            assert token.head is None
        else:
            head_word = word.sent.words[word.head - 1]
            assert token.head is not None
            assert words[token.head] is head_word
            assert ann.tokens[token.head].upos == head_word.upos


@pytest.mark.parametrize(
    ("tags", "expected"),
    [(["B-PERSON", "E-PERSON", "O"], [("Ana Duarte", "PERSON")]),
     (["B-PERSON", "I-PERSON", "O"], [("Ana Duarte", "PERSON")]),  # BIO
     (["S-PERSON", "S-PERSON", "O"], [("Ana", "PERSON"), ("Duarte", "PERSON")]),
     # a span all in lower case ("spoke") is no name, whatever its tag
     # (and a given name and surname tagged a body reads as a person's, as the
     # built-in finder reads it: role_names._given_name_first)
     (["I-ORG", "E-ORG", "S-GPE"], [("Ana Duarte", "PERSON")]),
     (["B-PERSON", "B-ORG", "E-ORG"], [("Ana", "PERSON"), ("Duarte spoke", "ORG")]),
     # no tagged name: the built-in finder's, on the evidence of the speech verb
     (["O", "O", "O"], [("Ana Duarte", "PERSON")])],
)
def test_entities_decoded_from_tags_when_ents_are_absent(
    tags: list[str], expected: list[tuple[str, str]]
) -> None:
    text = "Ana Duarte spoke"
    offsets = [(0, 3), (4, 10), (11, 16)]
    tokens = [SimpleNamespace(text=text[s:e], start_char=s, end_char=e, ner=tag,
                              words=[SimpleNamespace(id=i + 1, text=text[s:e], start_char=s,
                                                     end_char=e)])
              for i, ((s, e), tag) in enumerate(zip(offsets, tags, strict=True))]
    sentence = SimpleNamespace(tokens=tokens, words=[t.words[0] for t in tokens])
    doc = SimpleNamespace(text=text, sentences=[sentence], ents=[], coref=[])
    ann = annotation_from_document(doc)
    assert [(e.span.slice(text), e.label) for e in ann.entities] == expected


def test_document_without_tags_gets_the_built_in_names() -> None:
    text = "Rain fell. Roads closed."
    doc = Document([[{"text": "Rain", "start_char": 0, "end_char": 4},
                     {"text": "fell", "start_char": 5, "end_char": 9},
                     {"text": ".", "start_char": 9, "end_char": 10}],
                    [{"text": "Roads", "start_char": 11, "end_char": 16},
                     {"text": "closed", "start_char": 17, "end_char": 23},
                     {"text": ".", "start_char": 23, "end_char": 24}]], text=text)
    ann = annotation_from_document(doc)
    # no NER in the Document: the names are the built-in finder's, never none at all
    assert ann.provides == {"paragraphs", "sentences", "tokens", "entities"}
    assert all(t.head is None and t.upos is None for t in ann.tokens)
    assert ann.entities == EmbeddedAnnotator().annotate(text).entities


# -- CoNLL-U fixtures ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mayor.conllu", "acme.conllu"])
def test_fixture_offsets_slice_back(name: str) -> None:
    doc = load(name)
    ann = annotation_from_document(doc)
    assert_slices_back(ann, doc)
    assert len(ann.sentences) == len(doc.sentences)
    for sent, span in zip(doc.sentences, ann.sentences, strict=True):
        assert span.slice(ann.text) == sent.text
    assert all(any(p.contains(s) for p in ann.paragraphs) for s in ann.sentences)


def test_mayor_passage() -> None:
    doc = load("mayor.conllu")
    ann = annotation_from_document(doc)
    assert ann.text.startswith('"We will rebuild," said Mayor Ana Duarte.\n\n')
    assert ann.text[0:18] == '"We will rebuild,"'
    assert len(ann.paragraphs) == 3
    assert texts(ann, ann.sentences)[2:] == [
        "Duarte, a Democrat, doesn't expect help soon.",
        "\u201cWe are on our own,\u201d she said at Riverside Park.",
    ]
    assert len(ann.tokens) == 11 + 16 + 11 + 14  # words: the MWT "doesn't" gives two
    assert ann.provides == {"paragraphs", "sentences", "tokens", "pos", "deps", "entities"}


def test_entity_labels_are_mapped_and_non_names_dropped() -> None:
    ann = annotation_from_document(load("mayor.conllu"))
    assert [(e.span.slice(ann.text), e.label) for e in ann.entities] == [
        ("Ana Duarte", "PERSON"),
        ("Riverton", "GPE"),
        ("National Weather Service", "ORG"),  # the tagger's "the" left out
        ("Duarte", "PERSON"),
        ("Democrat", "NORP"),
        ("Riverside Park", "GPE"),  # FAC
    ]  # CARDINAL "40" and DATE "Tuesday" are dropped
    acme = annotation_from_document(load("acme.conllu"))
    assert [(e.span.slice(acme.text), e.label) for e in acme.entities] == [
        ("Acme Corp", "ORG"), ("Jane Smith", "PERSON"), ("Ohio", "GPE"),
    ]  # PERCENT, DATE and CARDINAL are dropped


@pytest.mark.parametrize(
    ("tag", "label"),
    [("PERSON", "PERSON"), ("PER", "PERSON"), ("ORG", "ORG"), ("GPE", "GPE"), ("LOC", "GPE"),
     ("FAC", "GPE"), ("NORP", "NORP"), ("MISC", "MISC"), ("EVENT", None), ("LAW", None),
     ("WORK_OF_ART", None), ("PRODUCT", None), ("MONEY", None), ("DATE", None)],
)
def test_entity_type_mapping(tag: str, label: str | None) -> None:
    text = "Seen Kestrel"
    doc = Document([[{"text": "Seen", "start_char": 0, "end_char": 4, "ner": "O"},
                     {"text": "Kestrel", "start_char": 5, "end_char": 12, "ner": f"S-{tag}"}]],
                   text=text)
    ann = annotation_from_document(doc)
    assert [e.label for e in ann.entities] == ([label] if label else [])
    assert "entities" in ann.provides  # the NER layer ran, even when it found no name


def test_multiword_token_uses_word_offsets_or_else_the_token() -> None:
    doc = load("mayor.conllu")
    ann = annotation_from_document(doc)
    forms = [t.span.slice(ann.text) for t in ann.tokens]
    i = forms.index("does")
    assert forms[i + 1] == "n't"
    for word in doc.sentences[2].tokens[5].words:
        word.start_char = word.end_char = None
    ann = annotation_from_document(doc)
    assert ann.tokens[i].span == ann.tokens[i + 1].span
    assert ann.tokens[i].span.slice(ann.text) == "doesn't"
    assert ann.tokens[i].upos == "AUX" and ann.tokens[i + 1].upos == "PART"


def test_sentence_over_a_line_break_is_cut_at_the_paragraph() -> None:
    text = "Storm hits Riverton\nThe mayor spoke."
    spans = [(0, 5), (6, 10), (11, 19), (20, 23), (24, 29), (30, 35), (35, 36)]
    doc = Document([[{"text": text[s:e], "start_char": s, "end_char": e} for s, e in spans]],
                   text=text)
    ann = annotation_from_document(doc)
    assert texts(ann, ann.paragraphs) == ["Storm hits Riverton", "The mayor spoke."]
    assert texts(ann, ann.sentences) == ["Storm hits Riverton", "The mayor spoke."]


# -- coreference --------------------------------------------------------------------------


def _with_coref(doc: Any, chains: list[Any]) -> Any:
    doc.coref = chains
    return doc


def test_coref_chains_become_mention_spans() -> None:
    doc = _with_coref(load("mayor.conllu"), [
        # sentence index and word indices are 0-based, the end excluded
        CorefChain(0, [CorefMention(0, 7, 10), CorefMention(2, 0, 1), CorefMention(3, 8, 9)],
                   "Mayor Ana Duarte", 0),
        CorefChain(1, [CorefMention(0, 1, 2), CorefMention(3, 1, 2)], "We", 0),
    ])
    ann = annotation_from_document(doc)
    assert [texts(ann, chain) for chain in ann.coref] == [
        ["Mayor Ana Duarte", "Duarte", "she"], ["We", "We"],
    ]
    assert ann.coref[0][0].start == 24 and ann.coref[0][2].start == 197
    assert "coref" in ann.provides


def test_coref_mention_over_a_multiword_token() -> None:
    doc = _with_coref(load("mayor.conllu"), [
        CorefChain(0, [CorefMention(2, 5, 8)], "doesn't expect", 0),
    ])
    ann = annotation_from_document(doc)
    assert texts(ann, ann.coref[0]) == ["doesn't expect"]


def test_coref_zero_anaphora_is_skipped_and_bad_indices_raise() -> None:
    doc = load("mayor.conllu")
    zero = SimpleNamespace(sentence=1, start_word=(3, 1), end_word=(3, 1))
    real = SimpleNamespace(sentence=0, start_word=8, end_word=10)
    fake = SimpleNamespace(text=doc.text, sentences=doc.sentences, ents=doc.ents,
                           coref=[SimpleNamespace(mentions=[zero, real]),
                                  SimpleNamespace(mentions=[zero])])
    ann = annotation_from_document(fake)  # duck typing: any object with these attributes
    assert [texts(ann, chain) for chain in ann.coref] == [["Ana Duarte"]]
    fake.coref = [SimpleNamespace(mentions=[SimpleNamespace(sentence=0, start_word=9,
                                                            end_word=40)])]
    with pytest.raises(InputValueError, match="coref chain 0"):
        annotation_from_document(fake)


# -- errors ------------------------------------------------------------------------------


def test_document_without_text_says_how_to_fix() -> None:
    raw = (FIXTURES / "mayor.conllu").read_text(encoding="utf-8")
    doc = CoNLL.conll2doc(input_str=raw)
    assert doc.text is None
    with pytest.raises(InputValueError, match=r"reconstruct_text=True") as info:
        annotation_from_document(doc)
    assert "text=" in str(info.value)
    assert info.value.code == "QA002"


def test_document_without_text_takes_the_original_text() -> None:
    raw = (FIXTURES / "mayor.conllu").read_text(encoding="utf-8")
    original = load("mayor.conllu").text
    ann = annotation_from_document(CoNLL.conll2doc(input_str=raw), original)
    assert ann.text == original
    rebuilt = annotation_from_document(load("mayor.conllu"))
    assert (ann.paragraphs, ann.sentences, ann.provides) == (
        rebuilt.paragraphs, rebuilt.sentences, rebuilt.provides)
    assert ann.entities == rebuilt.entities  # decoded from the tokens' BIOES tags
    # Without reconstruct_text the words of "doesn't" have no offsets of their own.
    differ = [(a.span.slice(original), b.span.slice(original))
              for a, b in zip(ann.tokens, rebuilt.tokens, strict=True) if a != b]
    assert differ == [("doesn't", "does"), ("doesn't", "n't")]
    with pytest.raises(InputValueError, match="the text given has"):
        annotation_from_document(CoNLL.conll2doc(input_str=raw), original.replace("We", "Wi"))


def test_text_must_match_doc_text() -> None:
    with pytest.raises(InputValueError, match="differs from doc.text"):
        annotation_from_document(hand_document(), HAND_TEXT + " ")
    assert annotation_from_document(hand_document(), HAND_TEXT).text == HAND_TEXT


def test_offsets_outside_the_text_raise() -> None:
    doc = hand_document()
    doc.sentences[1].tokens[2].words[0].end_char = 99
    with pytest.raises(InputValueError, match=r"\(52, 99\)"):
        annotation_from_document(doc)


# -- model folder check (no stanza import needed) ----------------------------------------

REAL_LIKE = {
    "en": {
        "lang_name": "English",
        "tokenize": {"combined_nocharlm": {}},
        "mwt": {"combined": {}},
        "lemma": {"combined_nocharlm": {}},
        "pretrain": {"conll17": {}},
        "forward_charlm": {"1billion": {}},
        "backward_charlm": {"1billion": {}},
        **{proc: {name: {"dependencies": [
            {"model": "pretrain", "package": "conll17"},
            {"model": "forward_charlm", "package": "1billion"},
            {"model": "backward_charlm", "package": "1billion"}]}}
           for proc, name in (("pos", "combined_charlm"), ("depparse", "combined_charlm"),
                              ("ner", "ontonotes-ww-multi_charlm"))},
        "packages": {"default": {
            "tokenize": "combined_nocharlm", "mwt": "combined", "pos": "combined_charlm",
            "lemma": "combined_nocharlm", "depparse": "combined_charlm",
            "ner": "ontonotes-ww-multi_charlm", "sentiment": "sstplus_charlm",
            "optional": {"coref": "udcoref_xlm-roberta-lora"}}},
    },
    "english": {"alias": "en"},
}
REAL_LIKE_FILES = sorted([
    "en/backward_charlm/1billion.pt", "en/depparse/combined_charlm.pt",
    "en/forward_charlm/1billion.pt", "en/lemma/combined_nocharlm.pt", "en/mwt/combined.pt",
    "en/ner/ontonotes-ww-multi_charlm.pt", "en/pos/combined_charlm.pt",
    "en/pretrain/conll17.pt", "en/tokenize/combined_nocharlm.pt",
])


def _resources(folder: Path, content: object = REAL_LIKE) -> Path:
    (folder / "resources.json").write_text(json.dumps(content), encoding="utf-8")
    return folder


def test_missing_resources_json(tmp_path: Path) -> None:
    assert stanza_models.missing_model_files(tmp_path) == [str(tmp_path / "resources.json")]
    with pytest.raises(BackendUnavailableError) as info:
        stanza_models.require_models(tmp_path)
    msg = str(info.value)
    assert str(tmp_path / "resources.json") in msg
    assert f"quoteattr download --dir {tmp_path}" in msg
    assert (f"python -c \"import stanza; stanza.download('en', model_dir='{tmp_path}', "
            "processors='tokenize,mwt,pos,lemma,depparse,ner')\"") in msg
    assert "QUOTEATTR_STANZA_DIR" in msg
    assert info.value.code == "QA004"


def test_missing_model_files_are_listed(tmp_path: Path) -> None:
    _resources(tmp_path)
    missing = stanza_models.missing_model_files(tmp_path)
    assert missing == [str(tmp_path / f) for f in REAL_LIKE_FILES]
    with pytest.raises(BackendUnavailableError) as info:
        stanza_models.require_models(tmp_path)
    msg = str(info.value)
    assert all(str(tmp_path / f) in msg for f in REAL_LIKE_FILES)
    assert "quoteattr download --dir" in msg and "stanza.download('en'" in msg
    assert "sentiment" not in msg  # only the processors asked for


def test_complete_folder_and_partial_ones(tmp_path: Path) -> None:
    _resources(tmp_path)
    for name in REAL_LIKE_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert stanza_models.missing_model_files(tmp_path) == []
    stanza_models.require_models(tmp_path)  # no error
    assert stanza_models.missing_model_files(tmp_path, lang="english") == []
    (tmp_path / "en/pretrain/conll17.pt").unlink()
    assert stanza_models.missing_model_files(tmp_path) == [str(tmp_path / "en/pretrain/conll17.pt")]
    assert stanza_models.missing_model_files(tmp_path, processors="tokenize,mwt,lemma") == []
    # stanza adds mwt itself when the package has one, so its file is needed
    (tmp_path / "en/mwt/combined.pt").unlink()
    assert stanza_models.missing_model_files(tmp_path, processors=("tokenize",)) == [
        str(tmp_path / "en/mwt/combined.pt")]


def test_unlisted_processor_and_unknown_language(tmp_path: Path) -> None:
    tiny = {"en": {"lang_name": "English", "tokenize": {"tiny": {}},
                   "packages": {"default": {"tokenize": "tiny"}}}}
    _resources(tmp_path, tiny)
    (tmp_path / "en/tokenize").mkdir(parents=True)
    (tmp_path / "en/tokenize/tiny.pt").write_bytes(b"")
    assert stanza_models.missing_model_files(tmp_path, processors=["tokenize"]) == []
    # not listed in resources.json at all: stanza would try en/pos/default.pt
    assert stanza_models.missing_model_files(tmp_path, processors=["tokenize", "pos"]) == [
        str(tmp_path / "en/pos/default.pt")]
    assert stanza_models.missing_model_files(tmp_path, lang="fr") == [
        f"{tmp_path / 'resources.json'}#fr"]
    _resources(tmp_path, {"en": {"lang_name": "English"}})
    assert stanza_models.missing_model_files(tmp_path, processors=None) == [
        f"{tmp_path / 'resources.json'}#en/packages/default"]
    (tmp_path / "resources.json").write_text("{not json", encoding="utf-8")
    assert stanza_models.missing_model_files(tmp_path) == [str(tmp_path / "resources.json")]


def test_model_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import stanza.resources.common as common

    monkeypatch.delenv("QUOTEATTR_STANZA_DIR", raising=False)
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    assert stanza_models.model_dir() == Path(common.USER_CACHE_DIR) / "resources"
    assert stanza_models.model_dir().parts[-2:] == ("1.15.0", "resources")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "s"))
    assert stanza_models.model_dir() == tmp_path / "s"
    monkeypatch.setenv("QUOTEATTR_STANZA_DIR", str(tmp_path / "q"))
    assert stanza_models.model_dir() == tmp_path / "q"
    assert stanza_models.model_dir(str(tmp_path / "x")) == tmp_path / "x"
    assert stanza_models.model_dir(tmp_path / "y") == tmp_path / "y"


def test_download_without_network_explains_the_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import requests
    import stanza

    calls: list[dict[str, Any]] = []

    def offline(lang: str, **kwargs: Any) -> None:
        calls.append({"lang": lang, **kwargs})
        msg = "Failed to resolve 'raw.githubusercontent.com'"
        raise requests.exceptions.ConnectionError(msg)

    monkeypatch.setattr(stanza, "download", offline)
    with pytest.raises(BackendUnavailableError) as info:
        stanza_models.download(tmp_path)
    assert calls[0]["model_dir"] == str(tmp_path)
    assert calls[0]["processors"] == "tokenize,mwt,pos,lemma,depparse,ner"
    msg = str(info.value)
    assert "no network" in msg and "copy the whole DIR folder" in msg
    assert "stanza.download('en', model_dir='DIR'" in msg and "QUOTEATTR_STANZA_DIR" in msg


def test_download_passes_the_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import stanza

    seen: list[Any] = []
    monkeypatch.setattr(stanza, "download", lambda lang, **kw: seen.append((lang, kw)))
    assert stanza_models.download(tmp_path, processors="tokenize,pos") == tmp_path
    assert seen[0][0] == "en" and seen[0][1]["processors"] == "tokenize,pos"


def test_missing_stanza_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)  # makes "import stanza" fail
    with pytest.raises(BackendUnavailableError) as info:
        stanza_models.import_stanza()
    msg = str(info.value)
    assert 'pip install "quoteattr[stanza]"' in msg and "torch==2.13.0" in msg


def test_modules_do_not_import_stanza_or_torch(tmp_path: Path) -> None:
    """Importing both modules and checking a folder leaves stanza and torch unloaded."""
    script = textwrap.dedent(
        """
        import sys
        import quoteattr.stanza_models as m
        import quoteattr.annotators.stanza as a
        from quoteattr.errors import BackendUnavailableError
        assert m.missing_model_files(sys.argv[1]) != []
        try:
            a.StanzaAnnotator(model_dir=sys.argv[1])
        except BackendUnavailableError:
            pass
        else:
            raise SystemExit("no error for an empty model folder")
        print(sorted(k for k in sys.modules if k.split(".")[0] in ("stanza", "torch")))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                          text=True, check=False, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_coref_is_added_only_when_its_model_and_packages_are_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """stanza's coref is optional: quoteattr asks for it only when it can load."""
    import json as _json

    from quoteattr import stanza_models

    resources = {"en": {"lang_name": "English", "coref": {"udcoref": {}},
                        "packages": {"default": {"optional": {"coref": "udcoref"}}}}}
    (tmp_path / "resources.json").write_text(_json.dumps(resources), encoding="utf-8")
    assert not stanza_models.coref_available(tmp_path)  # no model file yet
    (tmp_path / "en" / "coref").mkdir(parents=True)
    (tmp_path / "en" / "coref" / "udcoref.pt").write_bytes(b"")
    monkeypatch.setattr(stanza_models.importlib.util, "find_spec", lambda name: None)
    assert not stanza_models.coref_available(tmp_path)  # transformers/peft missing
    monkeypatch.setattr(stanza_models.importlib.util, "find_spec", lambda name: object())
    assert stanza_models.coref_available(tmp_path)


def test_sentences_split_inside_a_name_are_joined() -> None:
    from quoteattr.annotators.paragraphs import joined_over_names
    from quoteattr.spans import Span

    sentences = [Span(0, 10), Span(11, 20), Span(21, 30)]
    assert joined_over_names(sentences, [Span(8, 14)]) == (Span(0, 20), Span(21, 30))
    assert joined_over_names(sentences, [Span(2, 6), Span(22, 25)]) == tuple(sentences)
