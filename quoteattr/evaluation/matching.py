"""Aligning predictions with gold quotes, and the rule for a right speaker.

The reference definitions (``shared/eval/README.md``):

- a predicted quote matches a gold quote when their spans overlap by at least
  half of their union (Jaccard >= 0.5), one-to-one, taken greedily from the
  largest overlap down;
- a prediction mostly inside an unscored span that matches no gold quote is
  set aside, neither right nor wrong;
- the speaker of a matched quote is right when the predicted mention overlaps a
  gold speaker mention, or when the two names share a name word (titles and
  pronouns do not count);
- stricter, for ``name_attr_F1``: the predicted NAME shares a name word with the gold
  speaker; only where the gold speaker has no name word does the rule above decide.

Hands on one :class:`_Aligned` per gold document: its predictions, those scored, and
the matched pairs with whether each speaker is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .formats import GoldDocument, GoldQuote, PredictedDocument, PredictedQuote
from .words import _name_stopwords

_MOSTLY_INSIDE = 0.5
"""A prediction is inside an unscored span when at least this share of it lies there."""
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
"""A word for the name comparison: letters, joined by inner hyphens or apostrophes."""


@dataclass(frozen=True, slots=True)
class _Match:
    gold: int
    """Index into the document's gold ``quotes``."""
    pred: int
    """Index into the document's scored predictions."""
    correct: bool
    name_correct: bool = False
    """The resolved NAME is right (:func:`_name_right`): the reference's ``name_attr_F1``."""


@dataclass(frozen=True, slots=True)
class _Aligned:
    """One document: its scored predictions and how they pair with the gold quotes."""

    doc: GoldDocument
    predicted: tuple[PredictedQuote, ...]
    """Every prediction for the document, before unscored spans are set aside."""
    scored: tuple[PredictedQuote, ...]
    matches: tuple[_Match, ...]


def _align(doc: GoldDocument, pred: PredictedDocument | None, min_overlap: float) -> _Aligned:
    predicted = pred.quotes if pred is not None else ()
    scored = tuple(p for p in predicted if not _ignored(p, doc, min_overlap))
    candidates = sorted(
        (
            (_jaccard(g.start, g.end, p.start, p.end), i, j)
            for i, g in enumerate(doc.quotes)
            for j, p in enumerate(scored)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for overlap, i, j in candidates:
        if overlap < min_overlap:
            break
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        g = doc.quotes[i]
        p = scored[j]
        has_speaker = bool(g.speaker)
        matches.append(_Match(i, j, has_speaker and _speaker_right(g, p),
                              has_speaker and _name_right(g, p)))
    return _Aligned(doc, predicted, scored, tuple(matches))


def _ignored(p: PredictedQuote, doc: GoldDocument, min_overlap: float) -> bool:
    """Mostly inside an unscored span and matching no gold quote: neither right nor wrong."""
    inside = any(
        _overlap(p.start, p.end, s, e) >= _MOSTLY_INSIDE * (p.end - p.start)
        for s, e in doc.unscored_spans
    )
    return inside and not any(
        _jaccard(p.start, p.end, g.start, g.end) >= min_overlap for g in doc.quotes
    )


def _speaker_right(g: GoldQuote, p: PredictedQuote) -> bool:
    """The predicted mention overlaps a gold mention, or the names share a name word."""
    if p.speaker_start is not None and p.speaker_end is not None and any(
        _overlap(p.speaker_start, p.speaker_end, s, e) > 0 for s, e in g.speaker_mentions
    ):
        return True
    return bool(_name_words(g.speaker) & (_name_words(p.speaker) | _name_words(p.speaker_mention)))


def _name_right(g: GoldQuote, p: PredictedQuote) -> bool:
    """The predicted NAME (what a reader sees, not the mention span) shares a name word with
    the gold speaker, so an unresolved "he" or role noun never counts; a gold speaker with no
    name word (a pronoun source, "the president") falls back to :func:`_speaker_right`."""
    gold_words = _name_words(g.speaker)
    if not gold_words:
        return _speaker_right(g, p)
    return bool(gold_words & _name_words(p.speaker))


def _name_words(name: str | None) -> frozenset[str]:
    """Lower-cased words of ``name`` that can identify a person: "Sen. John Kerry's" -> john, kerry.

    A possessive 's is dropped; one-letter words and the words of
    ``data/scoring/name_stopwords.tsv`` (titles, function words, pronouns) never count.
    """
    if not name:
        return frozenset()
    stop = _name_stopwords()
    words = (w.lower() for w in _NAME_WORD.findall(name))
    return frozenset(
        w for w in (w[:-2] if w.endswith("'s") else w for w in words)
        if len(w) > 1 and w not in stop
    )


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _jaccard(a0: int, a1: int, b0: int, b1: int) -> float:
    union = max(a1, b1) - min(a0, b0)
    return _overlap(a0, a1, b0, b1) / union if union > 0 else 0.0
