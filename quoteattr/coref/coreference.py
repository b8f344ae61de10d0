"""Mentions -> entities for one document: the resolvers of this package run in order.

Names cluster when the document is read (names.py), with appositives and a backend's
chains; pronouns (pronouns.py) and role nouns (nominals.py, organisations.py) are
resolved on demand, by agreement and salience (salience.py), in text order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..lexicon import Lexicon
from ..mentions import MentionIndex
from ..spans import Span
from .appositives import link_appositives
from .chains import apply_chains
from .clusters import Cluster, Entities
from .delayed_names import link_delayed_names
from .described import (
    agent_phrase,
    counted_phrase,
    described_at,
    member_phrase,
    object_pronoun_at,
    origin_phrase,
)
from .descriptions import described_phrase
from .fiction import (
    character,
    fiction_agreement,
    fiction_nominal,
    fiction_pronoun,
)
from .names import cluster_names
from .nicknames import link_known_names, link_nicknames
from .nominals import resolve_nominal
from .organisations import AGE_PHRASE, person_of_age, phrase_entity
from .pairs import person_named
from .pronouns import resolve_pronoun
from .salience import Salience, best_of
from .titles import person_titled

_OBJECT_PRONOUNS = {"him": ("he", "m"), "her": ("she", "f")}
"""An object pronoun a rule gives as the speaker -> the subject pronoun and gender it
agrees as."""


class Coreference:
    """Clusters of one document's mentions, with salience-based resolution of the rest."""

    def __init__(
        self,
        text: str,
        index: MentionIndex,
        sentences: Sequence[Span],
        quote_spans: Sequence[Span],
        lexicon: Lexicon,
        paragraphs: Sequence[Span] = (),
        chains: Sequence[Sequence[Span]] = (),
        genre: str = "news",
    ) -> None:
        self.text = text
        self.index = index
        self.lexicon = lexicon
        self.entities = ents = Entities(text, index, lexicon)
        self.clusters: list[Cluster] = ents.clusters
        self.salience = Salience(ents, sentences, quote_spans, paragraphs)
        self.fiction = genre == "fiction"
        if self.fiction:
            self.salience.agree = fiction_agreement
        self._resolved_upto = 0
        """How many of the mentions outside quotes have been resolved, in order (see
        :meth:`cluster_of`)."""
        cluster_names(ents)
        link_nicknames(ents)
        link_known_names(ents)
        link_appositives(ents)
        link_delayed_names(ents)
        apply_chains(ents, chains)

    def is_character(self, cluster: int) -> bool:
        """Whether an entity reads as one of a story's people (:func:`.fiction.character`)."""
        return character(self.clusters[cluster])

    def note_speaker(self, position: int, cluster: int) -> None:
        """Record that the quote at ``position`` was attributed to ``cluster``."""
        self.salience.speaker_positions.append(position)
        self.salience.speaker_clusters.append(cluster)

    def cluster_for_phrase(self, phrase: str, label: str, position: int = -1) -> int:
        """An entity for a speaker phrase that names no known entity ("voices across Europe"),
        or the person a description at ``position`` refers to ("the 42-year-old")."""
        if position >= 0:
            described = described_phrase(self.entities, phrase, position)
            if described is not None and (self.fiction or self._person_described(
                    described, phrase)):  # news: "the turaga ni koro, Maika Raduva,"
                return described
        if position >= 0 and phrase in _OBJECT_PRONOUNS:  # "the release quoted him as saying"
            k = bisect_left(self.index.starts, position)
            if k:
                self.cluster_of(k - 1)
            c = object_pronoun_at(self.salience, _OBJECT_PRONOUNS[phrase], position)
            if c is not None:
                return c
        age = AGE_PHRASE.fullmatch(phrase) if position >= 0 else None
        if age is not None or position >= 0 and (
            counted_phrase(phrase) or member_phrase(phrase) or origin_phrase(phrase)
            or agent_phrase(self.text, phrase, position)
        ):
            c = person_of_age(self.entities, age.group(1), position) if age else None
            if c is None:
                k = bisect_left(self.index.starts, position)
                if k:
                    self.cluster_of(k - 1)  # what comes before is resolved first
                c = described_at(self.salience, position)
            if c is not None:
                return c
        if position >= 0:
            titled = person_titled(self.entities, phrase, position)
            if titled is not None:  # "County Judge-Executive Darlene Gayheart"
                return titled
        return phrase_entity(self.entities, phrase, label)

    def _person_described(self, c: int, phrase: str) -> bool:
        """Whether ``phrase`` describes person ``c`` in news: a person, described by no
        document's noun ("the email", whose writer is named beside it, is not the writer)."""
        cluster = self.clusters[c]
        if not cluster.cues_read and cluster.type == "unknown":
            self.entities.read_cues(cluster)
        return (cluster.type == "person" or cluster.person_cue) and (
            phrase.rsplit(None, 1)[-1].lower() not in self.entities.lexicon.document_nouns)

    def person_named(self, name: str) -> int:
        """The person entity of that full name ("Gwen Tasker" of a byline), made when the
        text names it nowhere else."""
        return person_named(self.entities, name)

    def other_than(self, i: int, avoid: set[int]) -> int | None:
        """The entity a "he" or a description ``i`` refers to when it can be none of
        ``avoid`` (those its quote addresses by name: '"Every year, Pinchwick," observed
        the host' - the host is not Pinchwick): the best candidate left, or None."""
        clusters = self.clusters
        scores = {c: s for c, s in self.salience.candidates(i).items() if c not in avoid and (
            clusters[c].type == "person" or clusters[c].person_cue)}
        return best_of(scores) if scores else None

    def cluster_of(self, i: int) -> int | None:
        """The entity of mention ``i``, resolving pronouns and role nouns on first use.

        The pronouns and role nouns before ``i`` are resolved first, in text order, so that
        each resolution finds its antecedents already resolved: a text of 10,000 "he"s
        costs a loop, not 10,000 nested calls.
        """
        resolved = self.entities.resolved
        if resolved[i]:
            return self.entities.of[i]
        sal = self.salience
        stop = sal.outside_position(i)
        outside = sal.outside
        while self._resolved_upto < stop:
            j = outside[self._resolved_upto]
            self._resolved_upto += 1
            if not resolved[j]:
                self._resolve_one(j)
        return self._resolve_one(i)

    def _resolve_one(self, i: int) -> int | None:
        ents = self.entities
        of = ents.of
        if ents.resolved[i]:
            return of[i]
        m = self.index.mentions[i]
        ents.resolved[i] = 1  # with of[i] None: guards against cycles while resolving
        c = None
        if self.fiction and m.kind == "pronoun":
            c = fiction_pronoun(self.salience, i)
        elif self.fiction:
            c = fiction_nominal(self.salience, i)
        if c is None and not (self.fiction and m.kind == "pronoun"):
            c = (resolve_pronoun(self.salience, i) if m.kind == "pronoun"
                 else resolve_nominal(self.salience, i))
        if c is not None:
            ents.add(c, i)
        of[i] = c
        return c
