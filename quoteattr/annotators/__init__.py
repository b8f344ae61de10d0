"""Annotators turn text into an :class:`~quoteattr.annotation.Annotation`.

``embedded`` needs no models and is always available; the stanza and spaCy backends
(and the adapters for their parsed documents) are imported only when asked for, so the
core import stays light.
"""

from __future__ import annotations

import os

from ..annotation import Annotator
from ..errors import InputValueError
from ..lexicon import Lexicon
from .embedded import EmbeddedAnnotator

__all__ = ["ANNOTATORS", "EmbeddedAnnotator", "annotator_named"]

ANNOTATORS = ("embedded", "stanza", "spacy")
"""The annotators an :class:`~quoteattr.Attributor` can be given by name."""


def annotator_named(
    name: str, lexicon: Lexicon, model_dir: str | os.PathLike[str] | None = None
) -> Annotator:
    """The annotator called ``name``: "embedded" (rules, no models), "stanza" (stanza's
    models from ``model_dir`` or ``$QUOTEATTR_STANZA_DIR``) or "spacy" (the spaCy pipeline
    ``model_dir`` names, by default the English small one). The backends are imported here,
    on demand."""
    if name not in ANNOTATORS:
        msg = f"annotator must be one of {list(ANNOTATORS)} or an Annotator, got {name!r}"
        raise InputValueError(msg)
    if name == "stanza":
        from .stanza import StanzaAnnotator

        return StanzaAnnotator(model_dir=model_dir)
    if name == "spacy":
        from .spacy import SpacyAnnotator

        return SpacyAnnotator(None if model_dir is None else os.fspath(model_dir),
                              lexicon=lexicon)
    return EmbeddedAnnotator(lexicon)
