"""Mentions -> entities: name-variant clustering and pronoun / role-noun resolution.

Names cluster without models: "John Kerry", "Kerry" and "Mr. Kerry" share a
surname, titles are kept apart as ``titles``, and the canonical name is the
fullest form. Pronouns and role nouns are resolved on demand by agreement and
salience: the subject of a recent sentence outranks its objects, recent speakers
gain weight, and a role noun ("the prime minister") goes first to the entity
the text gives that title.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Literal

from .lexicon import Lexicon
from .mentions import Mention, MentionIndex
from .spans import Span

EntityType = Literal["person", "organization", "group", "unknown"]

_SUBJECT_WEIGHT = 4.0
_OTHER_WEIGHT = 1.5
_SAME_SENTENCE_WEIGHT = 2.5
_RECENT_SPEAKER_WEIGHT = 2.5
_LOOKBACK_SENTENCES = 8
_FREQUENCY_SHARE = 0.25
_SAME_PARAGRAPH_BONUS = 1.5
_GENDER_MATCH = 1.5
_UNKNOWN_SINGLE_NAME = 0.6
_COMMA_SPACE = re.compile(", ")

# A mention's weight by its distance in sentences (index 0: the same sentence), worked out
# once with the same arithmetic as the salience rules state it.
_OTHER_WEIGHTS = (_SAME_SENTENCE_WEIGHT, *(
    _OTHER_WEIGHT / d for d in range(1, _LOOKBACK_SENTENCES + 1)))
_SUBJECT_WEIGHTS = (_SAME_SENTENCE_WEIGHT, *(
    _SUBJECT_WEIGHT / d for d in range(1, _LOOKBACK_SENTENCES + 1)))
_SUBJECT_PARAGRAPH_WEIGHTS = (_SAME_SENTENCE_WEIGHT, *(
    _SUBJECT_WEIGHT / d + _SAME_PARAGRAPH_BONUS for d in range(1, _LOOKBACK_SENTENCES + 1)))



class Cluster:
    """One entity: the mentions that refer to it and what they say about it.

    A plain slotted class with one ``__init__`` argument, rather than a dataclass with
    default factories: a document makes one per name and role noun it has, and each
    container made here is one more for the garbage collector to walk (``titles`` is a
    tuple, () for most entities, and whether a name was seen is a flag, not a list).
    """

    __slots__ = ("index", "named", "titles", "mentions", "labels", "gender",
                 "gender_from_name", "nominal", "fullest", "titles_lower", "type",
                 "fullest_words", "fullest_chars")

    def __init__(self, index: int) -> None:
        self.index = index
        self.named = False
        """Whether any name of the entity has been seen (:meth:`add_name`)."""
        self.titles: tuple[str, ...] = ()
        self.mentions: list[int] = []
        self.labels: set[str] = set()
        self.gender = "-"
        self.gender_from_name = False
        """The gender is only a guess from a given name, so a pronoun may overrule it."""
        self.nominal = ""
        """For an entity known only by a role noun ("the mayor"): that phrase."""
        self.fullest = ""
        """The fullest name seen so far (most words, then longest), kept as names are added."""
        self.titles_lower = ""
        """The titles lower-cased and joined by " | ", for substring tests ("minister")."""
        self.type: EntityType = "unknown"
        """What the labels say the entity is, kept up to date by :meth:`add_label` (salience
        reads it for every candidate of every pronoun)."""
        self.fullest_words = self.fullest_chars = 0
        """Words and characters of :attr:`fullest`, so a new name is compared without
        re-splitting."""

    @property
    def name(self) -> str:
        """The fullest name, without titles; a role phrase for unnamed entities."""
        return self.fullest or self.nominal

    def add_name(self, name: str) -> None:
        self.named = True
        if name != self.fullest:
            words = len(name.split())
            if words > self.fullest_words or (
                words == self.fullest_words and len(name) > self.fullest_chars
            ):
                self.fullest, self.fullest_words, self.fullest_chars = name, words, len(name)

    def add_title(self, title: str) -> None:
        if title not in self.titles:
            self.titles = (*self.titles, title)
            self.titles_lower = " | ".join(t.lower() for t in self.titles)

    def add_label(self, label: str) -> None:
        if label in self.labels:
            return
        self.labels.add(label)
        if "ORG" in self.labels and "PERSON" not in self.labels:
            self.type = "organization"
        elif "PERSON" in self.labels:
            self.type = "person"
        elif "GROUP" in self.labels:
            self.type = "group"


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
    ) -> None:
        self.text = text
        self.index = index
        self.lexicon = lexicon
        quote_starts = [q.start for q in quote_spans]
        quote_ends = [q.end for q in quote_spans]
        self._quotes = quote_starts, quote_ends
        self._sentences = sentences
        self.paragraph_starts = [p.start for p in paragraphs]
        self.clusters: list[Cluster] = []
        self._of: dict[int, int | None] = {}
        self._speakers: list[tuple[int, int]] = []
        """(position, cluster) of each attributed quote, in the order they were attributed."""
        self._resolved_upto = 0
        """How many of ``_outside`` have been resolved, in order (see :meth:`cluster_of`)."""
        self._unnamed_by_key: dict[str, int] = {}
        """Unnamed entities ("the mayor") by their lower-cased phrase."""
        self._unnamed_by_head: dict[str, int] = {}
        """Unnamed entities by their role noun ("mayor"), the first one kept."""
        self._may_hold: dict[str, bool] = {}
        """Role noun -> whether any named entity's titles contain it or a title it stands
        for (see :meth:`_resolve_nominal`); emptied whenever a title is added."""
        self._named_titles: str | None = None
        """The titles of all named entities, built when first needed, reset with ``_may_hold``."""
        starts = index.starts
        self._outside = _outside_quotes(starts, quote_starts, quote_ends)
        """The mentions outside quotes, the only antecedents salience looks at."""
        # What only salience reads is made on the first salience scan (_salience_weights),
        # as about half of all documents resolve no pronoun or role noun that needs one.
        self._sentence_starts: list[int] = []
        """Where the sentences start, those starting inside a quote left out."""
        self._outside_sentence: list[int] = []
        """The sentence of each of ``_outside``, looked up once, not per candidate."""
        self._weights: list[tuple[float, ...] | None] | None = None
        """Per mention of ``_outside``, its salience weights by sentence distance."""
        self._cluster_names()
        self._link_appositives()
        self._apply_chains(chains)

    # -- names -------------------------------------------------------------------------------

    def _cluster_names(self) -> None:
        """Full names first ("John Kerry"), then single words join the entity they name."""
        mentions = self.index.mentions
        singles: list[int] = []
        by_full: dict[tuple[str, str], int] = {}
        keys: dict[str, tuple[str, str] | None] = {}
        """Name -> (first word, last word) lower-cased, None for one word: names repeat."""
        for i, m in enumerate(mentions):
            if m.kind != "name":
                continue
            head = m.head
            if head in keys:
                key = keys[head]
            else:
                words = head.split()
                key = keys[head] = (
                    None if len(words) == 1 else (words[0].lower(), words[-1].lower())
                )
            if key is None:
                singles.append(i)
                continue
            c = by_full.get(key)
            if c is None:
                c = self._new_cluster()
                by_full[key] = c
            self._add(c, i)
        # word -> (rank, cluster): rank 0 for a surname or the whole name, 1 for a given name
        by_word: dict[str, list[tuple[int, int]]] = {}
        for cluster in self.clusters:
            words = cluster.name.lower().split()
            by_word.setdefault(words[-1].rstrip("."), []).append((0, cluster.index))
            if "ORG" not in cluster.labels:
                by_word.setdefault(words[0], []).append((1, cluster.index))
        for i in singles:
            m = mentions[i]
            word = m.head.lower()
            options = by_word.get(word, ())
            # one option is the answer wherever the word stands (most words have one)
            match = options[0][1] if len(options) == 1 else self._match_single(
                options, m.span.start)
            if match is None:
                match = self._new_cluster()
                by_word.setdefault(word, []).append((0, match))
            self._add(match, i)

    def _match_single(self, options: Sequence[tuple[int, int]], position: int) -> int | None:
        """The entity a one-word name refers to: surnames before given names, then nearest
        earlier first mention, then the nearest later one."""
        best: tuple[int, int, int] | None = None
        for rank, c in options:
            first = self.index.mentions[self.clusters[c].mentions[0]].span.start
            distance = position - first if first <= position else 10**9 + first - position
            candidate = (rank, distance, c)
            if best is None or candidate < best:
                best = candidate
        return None if best is None else best[2]

    def _new_cluster(self) -> int:
        self.clusters.append(Cluster(len(self.clusters)))
        return len(self.clusters) - 1

    def _add(self, c: int, i: int) -> None:
        m = self.index.mentions[i]
        cluster = self.clusters[c]
        cluster.mentions.append(i)
        kind = m.kind
        if kind == "name":
            cluster.add_name(m.head)
        if m.title:
            cluster.add_title(m.title)
            self._titles_changed()
        # a name says what an entity is; "it" or "their landlord" says little (a label held
        # already, the usual case for a name seen before, is not added again)
        if (kind == "name" or (kind == "nominal" and not cluster.named)) and (
            m.label not in cluster.labels
        ):
            cluster.add_label(m.label)
        gender = m.gender
        if gender != "-" and (gender == "m" or gender == "f") and (cluster.gender == "-" or (
            cluster.gender_from_name and not m.gender_from_name
        )):
            cluster.gender, cluster.gender_from_name = gender, m.gender_from_name
        self._of[i] = c

    # -- salience ------------------------------------------------------------------------------

    def _sentence_of(self, position: int) -> int:
        return bisect_right(self._sentence_starts, position) - 1

    def _salience_weights(self) -> list[tuple[float, ...] | None]:
        """Per mention outside quotes, the weights by sentence distance it has as an
        antecedent: ``_SUBJECT_WEIGHTS`` for the first non-possessive mention of each
        sentence (:meth:`_candidates` swaps in ``_SUBJECT_PARAGRAPH_WEIGHTS`` within the
        paragraph), ``_OTHER_WEIGHTS`` for the rest, None for "I" and "we" (never one).

        Called once, by the first salience scan; it also fills the sentence tables the
        scans read (``_sentence_starts``, ``_outside_sentence``)."""
        # Sentences that start inside a quote are folded into the one holding the quote's
        # start, so salience distances count the narrative's sentences, not the quoted ones.
        all_starts = [s.start for s in self._sentences]
        self._sentence_starts = [
            all_starts[k] for k in _outside_quotes(all_starts, *self._quotes)
        ]
        starts = self.index.starts
        self._outside_sentence = _buckets([starts[i] for i in self._outside],
                                          self._sentence_starts)
        mentions, text = self.index.mentions, self.text
        last = len(mentions) - 1
        weights: list[tuple[float, ...] | None] = []
        subject_sentence = -2  # the last sentence whose subject was found (-1 is a sentence)
        for i, s in zip(self._outside, self._outside_sentence, strict=True):
            m = mentions[i]
            table: tuple[float, ...] | None = _OTHER_WEIGHTS
            if s != subject_sentence and not text.startswith(("'", "’"), m.span.end) and not (
                i < last and _modifies(m, mentions[i + 1], text)
            ):
                subject_sentence = s  # (sentences never decrease along _outside)
                table = _SUBJECT_WEIGHTS
            if m.kind == "pronoun" and m.head in ("i", "we"):
                table = None  # "I" still takes its sentence's subject place, as it did
            weights.append(table)
        self._weights = weights
        return weights

    def cluster_for_phrase(self, phrase: str, label: str) -> int:
        """An entity for a speaker phrase that names no known entity ("voices across Europe")."""
        phrase = " ".join(phrase.split())  # one name whatever breaks a line inside it
        key = phrase.lower()
        if key.startswith("the ") and key in self._unnamed_by_key:
            return self._unnamed_by_key[key]
        c_new = self._new_cluster()
        cluster = self.clusters[c_new]
        self._name_unnamed(c_new, phrase, key.split()[-1] if key.split() else "")
        head = key.split()[0] if key.split() else ""
        if head in self.lexicon.group_nouns or key.split()[-1:] and key.split()[-1] in (
            self.lexicon.group_nouns
        ):
            cluster.add_label("GROUP")
        else:
            cluster.add_label(label)
        return c_new

    def _apply_chains(self, chains: Sequence[Sequence[Span]]) -> None:
        """A backend's coreference chains (stanza coref) decide what its pronouns and role
        nouns refer to; the salience rules stay the fallback for mentions outside chains."""
        mentions = self.index.mentions
        for chain in chains:
            members: list[int] = []
            for span in chain:
                members.extend(self.index.index_of(m) for m in self.index.between(
                    span.start, span.end) if m.span.overlaps(span))
            named = [c for i in members if mentions[i].kind == "name"
                     and (c := self._of.get(i)) is not None]
            if not named:
                continue
            target = named[0]
            for i in members:
                if i not in self._of or self._of[i] is None:
                    self._add(target, i)

    def _link_appositives(self) -> None:
        """"Olu Adeyemi, the transport director," and "the transport director, Olu Adeyemi,":
        the role noun joins the name's entity and becomes one of its titles."""
        mentions = self.index.mentions
        # Few mentions are followed by ", ": one C scan finds where the text has one, and a
        # set test per mention replaces a startswith call per mention.
        commas = {match.start() for match in _COMMA_SPACE.finditer(self.text)}
        for i in [k for k, m in enumerate(mentions[:-1]) if m.span.end in commas]:
            a, b = mentions[i], mentions[i + 1]
            if _full_start(b) != a.span.end + 2:
                continue
            if self.text[b.span.end : b.span.end + 1] not in (",", ".", ";", ")", ""):
                continue  # "reached Warschauer Strasse, the crowd took up": not an appositive
            if a.kind == "name" and b.kind == "nominal":
                name, role = i, i + 1
            elif a.kind == "nominal" and b.kind == "name":
                name, role = i + 1, i
            else:
                continue
            c = self._of.get(name)
            if c is None or role in self._of:
                continue
            phrase = self.text[mentions[role].span.start : mentions[role].span.end]
            self._add(c, role)
            self.clusters[c].add_title(phrase)
            self._titles_changed()

    def _titles_changed(self) -> None:
        if self._named_titles is not None:
            self._named_titles = None
            self._may_hold.clear()

    def note_speaker(self, position: int, cluster: int) -> None:
        """Record that the quote at ``position`` was attributed to ``cluster``."""
        self._speakers.append((position, cluster))

    def cluster_of(self, i: int) -> int | None:
        """The entity of mention ``i``, resolving pronouns and role nouns on first use.

        The pronouns and role nouns before ``i`` are resolved first, in text order, so that
        each resolution finds its antecedents already resolved: a text of 10,000 "he"s
        costs a loop, not 10,000 nested calls.
        """
        if i in self._of:
            return self._of[i]
        stop = self._outside_position(i)
        while self._resolved_upto < stop:
            j = self._outside[self._resolved_upto]
            self._resolved_upto += 1
            if j not in self._of:
                self._resolve_one(j)
        return self._resolve_one(i)

    def _resolve_one(self, i: int) -> int | None:
        if i in self._of:
            return self._of[i]
        m = self.index.mentions[i]
        self._of[i] = None  # guards against cycles while resolving
        c = self._resolve_pronoun(i) if m.kind == "pronoun" else self._resolve_nominal(i)
        if c is not None:
            self._add(c, i)
        self._of[i] = c
        return c

    def _agreement(self, m: Mention, c: Cluster) -> float:
        """How well ``m`` agrees with ``c``: 0.0 when it cannot refer to it; for a pronoun
        the graded weights of :func:`_pronoun_agreement`, else 1.0."""
        if m.kind == "pronoun":
            return _pronoun_agreement(m.head, m.gender, c)
        # The "he"/"she" grades live in _pronoun_agreement: a name or role noun never has
        # those heads, so only compatibility is left to test here.
        return 1.0 if self._compatible(m, c) else 0.0

    def _compatible(self, m: Mention, c: Cluster) -> bool:
        if m.kind == "pronoun":
            if m.head in ("he", "she"):
                if c.type not in ("person", "unknown"):
                    return False
                return c.gender == "-" or c.gender == m.gender
            if m.head == "they":
                return c.type != "person" or "GROUP" in c.labels
            if m.head == "it":
                return c.type in ("organization", "group", "unknown") and c.gender == "-"
            return False
        if m.label == "PERSON":
            if c.type not in ("person", "unknown"):
                return False
            return m.gender == "-" or c.gender in ("-", m.gender)
        if m.label == "ORG":
            return c.type in ("organization", "unknown")
        return c.type in ("group", "organization")

    def _candidates(self, i: int) -> dict[int, float]:
        tables = self._weights if self._weights is not None else self._salience_weights()
        m = self.index.mentions[i]
        here = self._sentence_of(m.span.start)
        # An earlier mention shares this one's paragraph when it starts at or after the
        # paragraph's start (no bisection per candidate); -1 when there is no paragraph.
        paragraph = bisect_right(self.paragraph_starts, m.span.start) - 1
        paragraph_start = self.paragraph_starts[paragraph] if paragraph >= 0 else -1
        best: dict[int, float] = {}
        total: dict[int, float] = {}
        """The weight of each candidate's best mention, and of all its mentions together."""
        pos = self._outside_position(i)
        mentions, outside = self.index.mentions, self._outside
        sentence_of, starts = self._outside_sentence, self.index.starts
        of, clusters = self._of, self.clusters
        # Sentences never decrease along ``_outside``: one bisection finds where the
        # lookback window starts, instead of a distance test per mention.
        first = bisect_left(sentence_of, here - _LOOKBACK_SENTENCES, 0, pos)
        agreements: dict[int, float] = {}
        for k in range(pos - 1, first - 1, -1):  # no slice: this runs for every pronoun
            table = tables[k]
            if table is None:
                continue
            j = outside[k]
            # Earlier mentions are resolved before this one (see cluster_of), so _of has them.
            try:  # a subscript, not .get (the except branch is only a safeguard)
                c = of[j]
            except KeyError:
                if mentions[j].kind == "name":
                    continue
                c = self.cluster_of(j)
            if c is None:
                continue
            agreement = agreements.get(c)
            if agreement is None:  # clusters do not change during this loop
                agreement = agreements[c] = self._agreement(m, clusters[c])
            if not agreement:
                continue
            if table is _SUBJECT_WEIGHTS and starts[j] >= paragraph_start:
                table = _SUBJECT_PARAGRAPH_WEIGHTS
            weight = table[here - sentence_of[k]] * agreement
            top = best.get(c)
            if top is None:
                best[c] = total[c] = weight
            else:
                total[c] += weight
                if weight > top:
                    best[c] = weight
        # The best single mention decides; further mentions add a little (frequency).
        scores = {c: top + _FREQUENCY_SHARE * (total[c] - top) for c, top in best.items()}
        for position, c in reversed(self._speakers):
            if position < m.span.start:
                if self._sentence_of(position) >= here - _LOOKBACK_SENTENCES // 2 and (
                    self._compatible(m, self.clusters[c])
                ):
                    scores[c] = scores.get(c, 0.0) + _RECENT_SPEAKER_WEIGHT
                break
        return scores

    def _outside_position(self, i: int) -> int:
        return bisect_right(self._outside, i - 1)

    def _resolve_pronoun(self, i: int) -> int | None:
        m = self.index.mentions[i]
        if m.head in ("i", "we"):
            return None
        scores = self._candidates(i)
        if not scores:
            return None
        return max(scores.items(), key=lambda kv: (kv[1], -kv[0]))[0]

    def _resolve_nominal(self, i: int) -> int | None:
        m = self.index.mentions[i]
        head = m.head
        definite = self.text[m.span.start : m.span.start + 4].lower() == "the "
        # The salience scores matter only to the branches below that read them; most role
        # nouns ("a spokesman", "the residents") reach none of those, so the scan is skipped.
        may_hold = self._may_have_holders(head)
        if may_hold or definite and (
            m.label == "ORG" or m.label == "PERSON" and bool(self.lexicon.role_titles.get(head))
        ):
            scores = self._candidates(i)
        else:
            scores = {}
        holders = self._role_holders(head, scores) if may_hold else []
        if holders:
            return max(holders, key=lambda c: (scores.get(c, 0.0), -c))
        if definite and m.label == "ORG":
            named_orgs = self._named_organisations(head, scores)
            if named_orgs is not None:
                return named_orgs
        if definite and m.label == "PERSON":
            named = {c: s for c, s in scores.items() if self.clusters[c].named}
            equivalents = self.lexicon.role_titles.get(head, ())
            if equivalents and named:
                return max(named.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        if definite and head in self._unnamed_by_head:
            return self._unnamed_by_head[head]
        c_new = self._new_cluster()
        self._name_unnamed(c_new, self.text[m.span.start : m.span.end], head)
        return c_new

    def _name_unnamed(self, c: int, phrase: str, head: str) -> None:
        """Give an unnamed entity its phrase, and index it so later "the mayor"s find it.

        White space is collapsed: a phrase wrapped over two lines ("the\r\nministry") is the
        same name as on one line, whatever the line break."""
        phrase = " ".join(phrase.split())
        self.clusters[c].nominal = phrase
        self._unnamed_by_key.setdefault(phrase.lower(), c)
        words = head.lower().split()
        for key in (head.lower(), words[-1] if words else ""):
            if key:
                self._unnamed_by_head.setdefault(key, c)

    def _named_organisations(self, head: str, scores: dict[int, float]) -> int | None:
        """"the ministry" -> "the Interior Ministry"; "the company" -> the most salient company
        among the candidates ``scores``."""
        orgs = [c for c in (self.clusters[k] for k in scores) if c.type == "organization"
                and (c.named or c.nominal.lower().endswith(head))]
        if not orgs:
            return None
        by_head = [c for c in orgs if head in c.name.lower()]
        pool = by_head or orgs
        return max(pool, key=lambda c: (scores.get(c.index, 0.0), -c.index)).index

    def _may_have_holders(self, head: str) -> bool:
        """Whether :meth:`_role_holders` could find any entity for ``head`` among all of the
        document's named entities (a superset of any candidates)."""
        known = self._may_hold.get(head)
        if known is None:
            if self._named_titles is None:
                # One string for the substring tests; "\n" joins, as no title word holds one.
                self._named_titles = "\n".join(
                    c.titles_lower for c in self.clusters if c.named and c.titles_lower
                )
            titles = self._named_titles
            known = head in titles or any(
                w in titles for w in self.lexicon.role_titles.get(head, ())
            )
            self._may_hold[head] = known
        return known

    def _role_holders(self, head: str, among: dict[int, float]) -> list[int]:
        """Named entities among the recent candidates whose titles contain ``head`` or a
        title it stands for (looking only at recent ones keeps this linear in the text)."""
        wanted = {head, *self.lexicon.role_titles.get(head, ())}
        holders = []
        for c in (self.clusters[k] for k in among):
            if not c.named:
                continue
            if any(w in c.titles_lower for w in wanted):
                holders.append(c.index)
        return holders


def _pronoun_agreement(head: str, gender: str, c: Cluster) -> float:
    """:meth:`Coreference._agreement` for a pronoun, its tests and :meth:`_compatible`'s
    merged into one pass (salience asks it for every candidate entity of every pronoun)."""
    if head == "he" or head == "she":
        kind = c.type
        if kind != "person" and kind != "unknown":
            return 0.0
        if c.gender != "-" and c.gender != gender:
            return 0.3 if c.gender_from_name else 0.0  # "Ola": a man in Norway, a woman in Poland
        if kind == "unknown":
            return 0.3 if len(c.name.split()) > 1 else _UNKNOWN_SINGLE_NAME
        return _GENDER_MATCH if c.gender == gender else 1.0
    if head == "they":
        return 1.0 if c.type != "person" or "GROUP" in c.labels else 0.0
    if head == "it":
        return 1.0 if c.type in ("organization", "group", "unknown") and c.gender == "-" else 0.0
    return 0.0


def _outside_quotes(
    positions: Sequence[int], quote_starts: Sequence[int], quote_ends: Sequence[int]
) -> list[int]:
    """The indices of the sorted ``positions`` that do not lie strictly inside the last quote
    starting at or before them (quotes sorted by start).

    Quote ``k`` is that last quote for the positions in ``[start_k, start_k+1)``, so it
    rules out those in ``(start_k, min(end_k, start_k+1))``: two bisections per quote find
    them, instead of one per position (a document has far more mentions than quotes).
    """
    kept: list[int] = []
    done = 0
    last = len(quote_starts) - 1
    for k, start in enumerate(quote_starts):
        stop = quote_ends[k]
        if k < last and quote_starts[k + 1] < stop:
            stop = quote_starts[k + 1]
        inside = bisect_right(positions, start, done)
        kept.extend(range(done, inside))
        done = bisect_left(positions, stop, inside)
    kept.extend(range(done, len(positions)))
    return kept


def _buckets(positions: Sequence[int], bounds: Sequence[int]) -> list[int]:
    """``bisect_right(bounds, p) - 1`` for each of the sorted ``positions`` (sorted
    ``bounds``), by one bisection per bound rather than one per position."""
    out: list[int] = []
    done = 0
    for k, bound in enumerate(bounds):
        below = bisect_left(positions, bound, done)  # these lie before ``bound``: bucket k - 1
        out += [k - 1] * (below - done)
        done = below
    out += [len(bounds) - 1] * (len(positions) - done)
    return out


def _full_start(m: Mention) -> int:
    """``m.full_span.start`` without building the span."""
    return m.title_start if m.title_start >= 0 else m.span.start


def _modifies(m: Mention, nxt: Mention, text: str) -> bool:
    """True for "Union" in "Union leader Joris Bakker": a name inside the next one's title.

    Only a space may separate them: a name that ends a line ("By Ana Duarte" above "John
    Smith") modifies nothing on the next, whatever the line break is (LF, CRLF, CR).
    """
    if nxt.kind != "name":
        return False
    start = _full_start(nxt)
    return start <= m.span.end or start == m.span.end + 1 and text[m.span.end] == " "
