"""StanzaAnnotator through the real ``stanza.Pipeline`` loading path, on tiny trained models.

The models are trained once per session from the CoNLL-U fixtures (see
``stanza_fixtures/tiny_models.py``). Their predictions are junk, so these tests check
structure only: spans slice the input, tokens carry heads and relations, the layers
declared are the layers filled, and the annotator pickles and is thread-safe.
"""

from __future__ import annotations

import importlib.util
import pickle
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("stanza")

import torch  # noqa: E402 - only once stanza (and so torch) is known to be installed

from quoteattr import Attributor  # noqa: E402
from quoteattr.annotation import Annotation, Annotator  # noqa: E402
from quoteattr.annotators.stanza import StanzaAnnotator, annotation_from_document  # noqa: E402
from quoteattr.errors import BackendUnavailableError, InputTypeError, InputValueError  # noqa: E402
from quoteattr.stanza_models import missing_model_files  # noqa: E402

torch.set_num_threads(1)

NEWS = (
    '"We will rebuild," said Mayor Ana Duarte.\n\n'
    "The storm flooded 40 homes in Riverton on Tuesday. Duarte doesn't expect help soon.\n"
    "\u201cWe are on our own,\u201d she said.\n"
)
LAYERS = {"paragraphs", "sentences", "tokens", "pos", "deps", "entities"}


def _tiny_models_module() -> ModuleType:
    path = Path(__file__).parent / "stanza_fixtures" / "tiny_models.py"
    spec = importlib.util.spec_from_file_location("quoteattr_tests_tiny_models", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stanza model folder of tiny tokenize, mwt, pos, lemma, depparse and ner models."""
    started = time.perf_counter()
    folder: Path = _tiny_models_module().train_tiny_models(tmp_path_factory.mktemp("tiny"))
    print(f"\ntiny stanza models trained in {time.perf_counter() - started:.1f} s")
    return folder


@pytest.fixture(scope="session")
def annotator(tiny_dir: Path) -> StanzaAnnotator:
    return StanzaAnnotator(model_dir=tiny_dir)


def assert_well_formed(ann: Annotation, text: str) -> None:
    """The structural invariants every stanza annotation must keep, whatever the labels."""
    assert ann.text is text or ann.text == text
    n = len(text)
    for span in [*ann.paragraphs, *ann.sentences, *(t.span for t in ann.tokens),
                 *(e.span for e in ann.entities)]:
        assert 0 <= span.start < span.end <= n
        assert span.slice(text).strip()
    assert list(ann.sentences) == sorted(ann.sentences)
    assert all(any(p.contains(s) for p in ann.paragraphs) for s in ann.sentences)
    assert all(any(s.contains(t.span) for s in ann.sentences) for t in ann.tokens)
    for i, token in enumerate(ann.tokens):
        assert token.deprel is not None and token.upos is not None and token.lemma is not None
        assert token.head is None or (0 <= token.head < len(ann.tokens) and token.head != i)
    if ann.tokens:  # a parse is a tree: some word is a root (its relation label may be junk)
        assert any(t.head is None for t in ann.tokens)
    assert {e.label for e in ann.entities} <= {"PERSON", "ORG", "GPE", "NORP", "MISC"}


def test_tiny_folder_passes_the_model_check(tiny_dir: Path) -> None:
    assert missing_model_files(tiny_dir) == []


def test_annotates_through_the_real_pipeline(annotator: StanzaAnnotator) -> None:
    ann = annotator.annotate(NEWS)
    assert_well_formed(ann, NEWS)
    assert ann.tokens and ann.sentences
    assert len(ann.paragraphs) == 3  # the single line break ends a paragraph too
    assert ann.provides == LAYERS == annotator.provides
    assert annotator.name == "stanza"
    assert isinstance(annotator, Annotator)


def test_annotate_equals_converting_the_pipeline_document(annotator: StanzaAnnotator) -> None:
    doc = annotator._pipeline(NEWS)
    assert doc.text == NEWS
    assert annotation_from_document(doc, NEWS) == annotator.annotate(NEWS)


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Hi.", "\u201cYes,\u201d he said.\r\n"])
def test_small_and_blank_texts(annotator: StanzaAnnotator, text: str) -> None:
    ann = annotator.annotate(text)
    assert_well_formed(ann, text)
    assert ann.provides == LAYERS
    assert bool(ann.tokens) == bool(text.strip())


def test_wrong_arguments(annotator: StanzaAnnotator, tiny_dir: Path) -> None:
    with pytest.raises(InputTypeError, match="decode"):
        annotator.annotate(NEWS.encode())  # type: ignore[arg-type]
    with pytest.raises(InputValueError, match="tokenize"):
        StanzaAnnotator(model_dir=tiny_dir, processors="pos,lemma")
    with pytest.raises(InputValueError, match="torch_threads"):
        StanzaAnnotator(model_dir=tiny_dir, torch_threads=0)


def test_a_missing_model_file_is_named(tiny_dir: Path, tmp_path: Path) -> None:
    partial = tmp_path / "models"
    shutil.copytree(tiny_dir, partial)
    (partial / "en" / "ner" / "tiny.pt").unlink()
    with pytest.raises(BackendUnavailableError) as info:
        StanzaAnnotator(model_dir=partial)
    assert str(partial / "en" / "ner" / "tiny.pt") in str(info.value)
    assert f"quoteattr download --dir {partial}" in str(info.value)
    # Without ner the pipeline builds, and the annotation says it has no entity layer.
    no_ner = StanzaAnnotator(model_dir=partial, processors="tokenize,mwt,pos,lemma,depparse")
    assert "entities" not in no_ner.provides
    ann = no_ner.annotate(NEWS)
    assert_well_formed(ann, NEWS)
    assert ann.provides == LAYERS - {"entities"}


def test_pickle_round_trip_annotates_identically(annotator: StanzaAnnotator) -> None:
    clone = pickle.loads(pickle.dumps(annotator))
    assert isinstance(clone, StanzaAnnotator) and clone is not annotator
    assert (clone.model_dir, clone.processors, clone.provides) == (
        annotator.model_dir, annotator.processors, annotator.provides)
    assert clone.annotate(NEWS) == annotator.annotate(NEWS)


def test_threads_share_one_annotator(annotator: StanzaAnnotator) -> None:
    expected = annotator.annotate(NEWS)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(annotator.annotate, [NEWS] * 8))
    assert all(r == expected for r in results)


def test_attributor_runs_on_the_stanza_annotation(annotator: StanzaAnnotator) -> None:
    result = Attributor(annotator=annotator).attribute(NEWS)
    assert [NEWS[q.start : q.end] for q in result.quotes] == [
        '"We will rebuild,"', "\u201cWe are on our own,\u201d"]
