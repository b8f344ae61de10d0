"""quoteattr: find the direct quotations in English news text and say who spoke each one.

>>> import quoteattr
>>> doc = quoteattr.attribute('"We will rebuild," Mayor Ana Duarte said on Monday.')
>>> q = doc.quotes[0]
>>> q.text, q.kind, q.speaker.name, q.rule
('"We will rebuild,"', 'direct', 'Ana Duarte', 'quote_speaker_cue')
"""

from __future__ import annotations

from functools import cache

from .coref import salience as _compiled_probe
from .errors import (
    BackendUnavailableError,
    DuplicateDocIdWarning,
    InputTypeError,
    InputValueError,
    LexiconError,
    QuoteattrError,
    QuoteattrWarning,
    TextUnavailableError,
)
from .pipeline import Attributor
from .records import DocumentResult, Quote, Speaker, SpeakerRef, TextSpan
from .render import render_html as _render_html  # noqa: F401 - gives results their notebook view

__version__ = "0.1.0"

COMPILED: bool = not (getattr(_compiled_probe, "__file__", None) or "").endswith((".py", ".pyc"))
"""True when the hot path runs compiled (the opt-in mypyc build, docs/batch.md), so a
pipeline can check which build it got; ``quoteattr --version`` says it too."""

__all__ = [
    "COMPILED",
    "Attributor",
    "BackendUnavailableError",
    "DocumentResult",
    "DuplicateDocIdWarning",
    "InputTypeError",
    "InputValueError",
    "LexiconError",
    "Quote",
    "QuoteattrError",
    "QuoteattrWarning",
    "Speaker",
    "SpeakerRef",
    "TextSpan",
    "TextUnavailableError",
    "__version__",
    "attribute",
    "download",
]


@cache
def _default_attributor(genre: str = "auto") -> Attributor:
    return Attributor(genre=genre)


def download(model_dir: str | None = None) -> str:
    """Fetch stanza's English models for the stanza backend into ``model_dir`` (default
    ``$QUOTEATTR_STANZA_DIR``, then stanza's own folder) and return that folder.

    Needs ``pip install "quoteattr[stanza]"`` and a network; raises
    :class:`BackendUnavailableError` saying what is missing otherwise.
    """
    from .stanza_models import download as _download

    return str(_download(model_dir))


def attribute(text: str, *, doc_id: str | None = None, genre: str = "auto") -> DocumentResult:
    """Find every quote in ``text`` and its speaker, with the default embedded annotator;
    ``genre`` as for :class:`Attributor` ("auto": news unless the text opens with a book's
    heading; "news"; or "fiction" for novels' conventions)."""
    if genre == "auto":
        return _default_attributor().attribute(text, doc_id=doc_id)
    if not isinstance(genre, str):  # checked before the cache hashes it
        return Attributor(genre=genre).attribute(text, doc_id=doc_id)
    return _default_attributor(genre).attribute(text, doc_id=doc_id)
