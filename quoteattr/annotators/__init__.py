"""Annotators turn text into an :class:`~quoteattr.annotation.Annotation`.

``embedded`` needs no models and is always available; the stanza and spaCy backends
(and the adapters for their parsed documents) are imported only when asked for, so the
core import stays light.
"""

from __future__ import annotations

from .embedded import EmbeddedAnnotator

__all__ = ["EmbeddedAnnotator"]
