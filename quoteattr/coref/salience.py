"""Salience: which earlier entities a pronoun or role noun most likely means.

The subject of a recent sentence outranks its objects, the same paragraph counts for
more, further mentions add a little, and the speaker of a recent quote gains weight.
Only mentions outside quotes are antecedents, and distances count the narrative's
sentences, not the quoted ones.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import partial
from itertools import compress, repeat
from operator import eq

from ..lexicon import word_list
from ..mention_words import modifier_name
from ..mentions import Mention
from ..spans import Span
from .agreement import agreement, compatible, nominal_agreement, pronoun_agreement
from .clusters import Cluster, Entities
from .names import modifies
from .openers import OPENERS, first_word, opening_participle
from .positions import buckets, headline_end, outside_quotes
from .reporters import brought_in, reports

_SUBJECT_WEIGHT = 4.0
_OTHER_WEIGHT = 1.5
_SAME_SENTENCE_WEIGHT = 2.5
_RECENT_SPEAKER_WEIGHT = 2.5
LOOKBACK_SENTENCES = 8
_FREQUENCY_SHARE = 0.25
_SAME_PARAGRAPH_BONUS = 1.5
_GOVERNING = frozenset(word_list("speaker_prepositions"))
"""Prepositions that govern the name after them ("To Vane she was")."""
_OPENING_MARKS = frozenset("\"'“‘«")
"""Quotation marks that may open a paragraph's quote."""
_INTRO_CHARS = 100
"""How far from a sentence's start the comma ending its introductory phrase may stand."""
_SUBORDINATORS = frozenset({"as", "when", "while", "whilst", "although", "though", "since",
                            "after", "before", "until", "once", "whereas"})
"""Openers of a subordinate clause, which "and" may continue past its first comma."""

# A mention's weight by its distance in sentences (index 0: the same sentence), worked out
# once with the same arithmetic as the salience rules state it.
_OTHER_WEIGHTS = (_SAME_SENTENCE_WEIGHT, *(
    _OTHER_WEIGHT / d for d in range(1, LOOKBACK_SENTENCES + 1)))
_SUBJECT_WEIGHTS = (_SAME_SENTENCE_WEIGHT, *(
    _SUBJECT_WEIGHT / d for d in range(1, LOOKBACK_SENTENCES + 1)))
SUBJECT_WEIGHTS = _SUBJECT_WEIGHTS
"""The weights of a sentence's subject, as :meth:`Salience.make_weights` gives them: which
mention is a sentence's subject (``.described``) is the one whose table this is."""
_SUBJECT_PARAGRAPH_WEIGHTS = (_SAME_SENTENCE_WEIGHT, *(
    _SUBJECT_WEIGHT / d + _SAME_PARAGRAPH_BONUS for d in range(1, LOOKBACK_SENTENCES + 1)))
_MODIFIER_SHARE = 0.3
_MODIFIER_WEIGHTS = tuple(w * _MODIFIER_SHARE for w in _OTHER_WEIGHTS)
"""The weights of a name that modifies a noun after an indefinite article ("in a Yau Ma
Tei tenement", "a Trump supporter"): a thing's or another person's description, which a
later "she" hardly ever means; a tagger may call such a place a person."""
_ARTICLE_ENDS = frozenset({"a ", "A ", "n "})
"""The last two characters of "a", "A", "an" or "An" and the space after: where
:func:`.mention_words.modifier_name` may find a modifying name (a cheap test first)."""


_WEIGHTS_AHEAD = 16
"""How many mentions :meth:`Salience.make_weights` makes beyond those a scan needs: the
next pronoun's scan needs a few more, and each call has its cost."""


class Salience:
    """The salience scan of one document's entities, with the tables it reads."""

    def __init__(
        self,
        ents: Entities,
        sentences: Sequence[Span],
        quote_spans: Sequence[Span],
        paragraphs: Sequence[Span],
    ) -> None:
        self.ents = ents
        self.quote_starts = [q.start for q in quote_spans]
        self.quote_ends = [q.end for q in quote_spans]
        self.all_sentence_starts: list[int] | None = [s.start for s in sentences]
        """Where every sentence starts: the scan's tables are made from these, and the
        sentence spans themselves are not kept (a long text has one per sentence)."""
        self.paragraph_starts = [p.start for p in paragraphs]
        self.speaker_positions: array[int] = array("l")
        self.speaker_clusters: array[int] = array("l")
        """Where each attributed quote starts and its entity, in the order they were
        attributed (two arrays rather than a list of pairs: one pair per quote)."""
        outside = outside_quotes(ents.index.starts, self.quote_starts, self.quote_ends)
        self.body = body = headline_end(ents.text, paragraphs)
        """Where the story starts after its headline (0 without one)."""
        if body:
            starts, k = ents.index.starts, 0
            while k < len(outside) and starts[outside[k]] < body:
                k += 1  # a headline holds a few mentions at most
            outside = outside[k:]
        self.outside: Sequence[int] = array("l", outside) if ents.compact else outside
        """The mentions outside quotes and outside a headline, the only antecedents salience
        looks at ("he" in the story is one of its people, not a name in its headline)."""
        # What only the scan reads is made on the first scan (weights), as about half of
        # all documents resolve no pronoun or role noun that needs one.
        self.sentence_starts: list[int] = []
        """Where the sentences start, those starting inside a quote left out."""
        self.outside_sentence: Sequence[int] = []
        """The sentence of each of ``outside``, looked up once, not per candidate."""
        self.weights: list[tuple[float, ...] | None] | None = None
        """Per mention of ``outside``, its salience weights by sentence distance: made on
        demand, for the first ones up to the latest a scan has looked back from."""
        self._scan_state: tuple[int, tuple[int, int], tuple[float, ...] | None] = (
            -2, (-1, -1), None)
        """Where :meth:`make_weights` left off: the last sentence whose subject was found,
        the last introductory phrase seen and the last mention's table."""
        self.agree: Callable[[Mention, Cluster], float] = agreement
        """How well a mention agrees with an entity: the genre's (``.fiction``) or news'."""
        self.reporting = bytearray(len(ents.index.mentions))
        """:meth:`reports` of each subject mention asked so far (0 not asked, 1 no, 2 yes; a
        byte per mention, not a dict entry and an int): each pronoun's scan asks again about
        the subjects before it (12.9 M instructions on 60 news articles uncached), and the
        answer reads only the text."""

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1

    def outside_position(self, i: int) -> int:
        """How many of ``outside`` come before mention ``i``."""
        return bisect_right(self.outside, i - 1)

    def make_weights(self, stop: int | None = None) -> list[tuple[float, ...] | None]:
        """Per mention outside quotes, the weights by sentence distance it has as an
        antecedent: ``_SUBJECT_WEIGHTS`` for the first non-possessive mention of each
        sentence (:meth:`candidates` swaps in ``_SUBJECT_PARAGRAPH_WEIGHTS`` within the
        paragraph), ``_OTHER_WEIGHTS`` for the rest, None for "I" and "we" (never one).

        Made for the first ``stop`` mentions of ``outside`` (all without one), on from
        where the last call stopped: a scan looks back only from the mention it resolves,
        and the mentions after the last one resolved (a fifth of those of a news article)
        are never looked at. The first call also fills the sentence tables the scans read
        (``sentence_starts``, ``outside_sentence``)."""
        weights = self.weights
        if weights is None:
            weights = self.weights = self._sentence_tables()
        outside = self.outside
        done = len(weights)
        if stop is not None and done >= stop:
            return weights
        stop = len(outside) if stop is None else min(stop + _WEIGHTS_AHEAD, len(outside))
        index = self.ents.index
        mentions, text = index.mentions, self.ents.text
        verbs = self.ents.lexicon.speech_verbs
        last = len(mentions) - 1
        # the last sentence whose subject was found (-1 is a sentence), (sentence, where its
        # introductory phrase ends, -1 for none) and the last mention's table
        subject_sentence, intro, table = self._scan_state
        for i, s in zip(outside[done:stop], self.outside_sentence[done:stop], strict=True):
            m = mentions[i]
            end = m.span.end
            # (modifies' and governed_opener's kind tests first: most mentions fail them)
            if s != subject_sentence and not text.startswith(("'", "’"), end) and not (
                i < last and ((nxt := mentions[i + 1]).kind == "name" and modifies(
                    m, nxt, text
                ) or m.span.start < (intro if intro[0] == s else (intro := (
                    s, self.intro_end(s)
                )))[1] and self.subject_after(nxt, intro[1], s) or (
                    nxt.kind == "pronoun" and self.governed_opener(m, nxt, s)))
            ):
                subject_sentence = s  # (sentences never decrease along outside)
                table = _SUBJECT_WEIGHTS
            elif table is _SUBJECT_WEIGHTS and text.endswith(
                " and ", 0, start := m.title_start if m.title_start >= 0 else m.span.start
            ) and mentions[i - 1].span.end + 5 == start:  # (full_start, inlined)
                table = _SUBJECT_WEIGHTS  # "Mia Lund and Ola Berg trained": both subjects
            elif m.kind == "pronoun":
                # "I" still takes its sentence's subject place, as it did
                table = None if m.head == "i" or m.head == "we" else _OTHER_WEIGHTS
                weights.append(table)
                continue
            elif m.kind == "name" and text[m.span.start - 2 : m.span.start] in _ARTICLE_ENDS and (
                    modifier_name(text, m.span.start, end, self.ents.lexicon)):
                table = _MODIFIER_WEIGHTS
            elif text.startswith(" ", end) and (
                (words := text[end : end + 16].split(None, 1)) and words[0].rstrip(".,;:") in verbs
            ):  # (first_word, inlined: this runs for nearly every mention)
                # "Winnipeg will host the summit, Mayor Carl Anders said.": the one who speaks
                # is what the sentence is about, as much as its grammatical subject
                table = _SUBJECT_WEIGHTS
            else:
                table = _OTHER_WEIGHTS
            if m.kind == "pronoun" and (m.head == "i" or m.head == "we"):
                table = None
            weights.append(table)
        self._scan_state = subject_sentence, intro, table
        return weights

    def _sentence_tables(self) -> list[tuple[float, ...] | None]:
        """Fill ``sentence_starts`` and ``outside_sentence`` (first scan); an empty list
        for the weights."""
        # Sentences that start inside a quote are folded into the one holding the quote's
        # start, so salience distances count the narrative's sentences, not the quoted ones.
        all_starts = self.all_sentence_starts or []
        self.all_sentence_starts = None  # read once: the table below replaces it
        self.sentence_starts = [
            all_starts[k] for k in outside_quotes(all_starts, self.quote_starts,
                                                  self.quote_ends)
        ]
        starts = self.ents.index.starts
        sentence_of = buckets([starts[i] for i in self.outside], self.sentence_starts)
        self.outside_sentence = array("l", sentence_of) if self.ents.compact else sentence_of
        return []

    def sentence_end(self, s: int) -> int:
        """Where the sentence after ``s`` starts (the text's end after the last)."""
        starts = self.sentence_starts
        return starts[s + 1] if s + 1 < len(starts) else len(self.ents.text)

    def subject_after(self, nxt: Mention, comma: int, s: int) -> bool:
        """Whether ``nxt``, the mention after one in sentence ``s``'s introductory phrase,
        is the subject after its ``comma`` ("..., Christie said"; not "..., Kronborg's pace
        grew", whose subject is no mention)."""
        return comma < nxt.span.start < self.sentence_end(s) and not self.ents.text.startswith(
            ("'", "’"), nxt.span.end)

    def governed_opener(self, m: Mention, nxt: Mention, s: int) -> bool:
        """Whether ``m`` is governed by the preposition opening sentence ``s`` and the
        pronoun right after it is the subject: "To Inspector Vane she was always the rival",
        "For Anna he would do anything" (no comma closes such a short opener)."""
        if nxt.kind != "pronoun" or not self.ents.text[m.span.end : nxt.span.start].isspace():
            return False
        text = self.ents.text
        start = self.sentence_starts[s] if s >= 0 else 0
        opener = text[start : m.title_start if m.title_start >= 0 else m.span.start].split()
        word = opener[0].strip(OPENERS).lower() if len(opener) == 1 else ""
        return word in _GOVERNING or word in self.ents.lexicon.intro_words

    def _first_subject(self, k: int, tables: list[tuple[float, ...] | None]) -> bool:
        """Whether the subject at ``outside[k]`` is its sentence's first ("Nevo said ...
        because Mr. Ortiz agreed": Ortiz is not what the sentence is about)."""
        sentence_of, s = self.outside_sentence, self.outside_sentence[k]
        while k and sentence_of[k - 1] == s:
            k -= 1
            if tables[k] is _SUBJECT_WEIGHTS:
                return False
        return True

    def opens_with_participle(self, s: int) -> bool:
        """Whether sentence ``s`` opens with a participle ("Asked whether she would move,
        ...")."""
        start = self.sentence_starts[s] if s >= 0 else 0
        text = self.ents.text
        return opening_participle(text, self.ents.index, start, first_word(text, start))

    def paragraph_start_of(self, position: int) -> int:
        """Where the paragraph holding ``position`` starts, -1 before the first."""
        k = bisect_right(self.paragraph_starts, position) - 1
        return self.paragraph_starts[k] if k >= 0 else -1

    def intro_end(self, s: int) -> int:
        """Where the introductory phrase of sentence ``s`` ends (its comma), -1 without one:
        "After meeting Trump, Christie said", "Asked about Ford, Khan said" (a name there,
        with the next mention after the comma, is not the sentence's subject)."""
        text = self.ents.text
        start = self.sentence_starts[s] if s >= 0 else 0
        comma = text.find(", ", start, start + _INTRO_CHARS)
        if comma < 0:
            return -1  # no comma to end a phrase (one find, before the word tests)
        first = first_word(text, start)
        if not opening_participle(text, self.ents.index, start, first) and (
                first.lower() not in self.ents.lexicon.intro_words) or first == "For" and (
                text[start + 4 : start + 5].isupper()):  # "For Marie Schmit, 81, the stop was"
            return -1  # (a name after "For" is the one the sentence is about)
        # the phrase is short ("With a shrug of impatience Corinna refused the chair,
        # and ..." has no comma of its own: the next mention must come after this one)
        end = self.sentence_end(s)
        if first.lower() in _SUBORDINATORS:
            # "As soon as the kettle was on, and Pip had been sent for coal, she laid the
            # table": a clause joined by "and" still belongs to the opener
            while 0 <= comma < end and text.startswith(", and ", comma):
                comma = text.find(", ", comma + 6, comma + 6 + _INTRO_CHARS)
        return comma if comma < end else -1

    def candidates(self, i: int, as_mention: Mention | None = None) -> dict[int, float]:
        """The entities mention ``i`` may refer to, each with its salience score; every
        mention before ``i`` must be resolved already (``Coreference.cluster_of``).
        ``as_mention`` stands in for the mention in the agreement tests ("her statement"
        is scored as "she")."""
        ents = self.ents
        m = ents.index.mentions[i] if as_mention is None else as_mention
        tables = self.weights
        pos = bisect_right(self.outside, i - 1)  # (outside_position and sentence_of, inlined)
        if tables is None or len(tables) < pos:
            tables = self.make_weights(pos)
        here = bisect_right(self.sentence_starts, m.span.start) - 1
        # An earlier mention shares this one's paragraph when it starts at or after the
        # paragraph's start (no bisection per candidate); -1 when there is no paragraph.
        paragraph = bisect_right(self.paragraph_starts, m.span.start) - 1
        paragraph_start = self.paragraph_starts[paragraph] if paragraph >= 0 else -1
        # where the turn that leads to m's quote starts: its paragraph, or the one before
        # when a quote opens m's ("Back at the stand, Nagwa Fathy had given up arguing.
        # / '...,' she said")
        turn_start = self.paragraph_starts[paragraph - 1] if paragraph > 0 and (
            ents.text[paragraph_start] in _OPENING_MARKS) else paragraph_start
        outside = self.outside
        sentence_of, starts = self.outside_sentence, ents.index.starts
        of, clusters = ents.of, ents.clusters
        # Sentences never decrease along ``outside``: one bisection finds where the
        # lookback window starts, instead of a distance test per mention.
        first = bisect_left(sentence_of, here - LOOKBACK_SENTENCES, 0, pos)
        seen: dict[int, list[float]] = {}
        """Per entity met: its agreement with ``m``, the weight of its best mention and of
        all its mentions together (0.0 until one is weighed; weights are positive)."""
        # news' agreement is pronoun_agreement or nominal_agreement: called straight, through
        # a partial (C), not through agreement's dispatch (a Python call per candidate)
        agree: Callable[[Cluster], float] = (
            partial(self.agree, m) if self.agree is not agreement
            else partial(pronoun_agreement, m.head, m.gender) if m.kind == "pronoun"
            else partial(nominal_agreement, m.label, m.gender))
        reported, reporter = -1, -1  # the latest subject of a speech verb that may be m's
        # no subject met yet in the scan back; in fiction, turns of talk alternate instead
        latest_subject = self.agree is agreement and m.kind == "pronoun"
        # the entity of the mentions that agree with m met before that subject (-1: several)
        others_after: int | None = None
        reporting = self.reporting
        for k in range(pos - 1, first - 1, -1):  # no slice: this runs for every pronoun
            table = tables[k]
            if table is None:
                continue
            j = outside[k]
            # Earlier mentions are resolved before this one (see cluster_of); one that is
            # not, as one resolved to no entity, reads None and is passed over.
            c = of[j]
            if c is None:
                continue
            entry = seen.get(c)
            if entry is None:  # clusters do not change during this loop
                cluster = clusters[c]
                if not cluster.cues_read and cluster.type == "unknown":
                    ents.read_cues(cluster)
                entry = seen[c] = [agree(cluster), 0.0, 0.0]
            weight_of = entry[0]
            if not weight_of:
                continue
            if table is _SUBJECT_WEIGHTS:
                if latest_subject:
                    latest_subject = False
                    if brought_in(ents, self.quote_starts, j, c, others_after,
                                  here - sentence_of[k], turn_start, m) and (
                            self._first_subject(k, tables)):
                        reported, reporter = starts[j], c
                if reported < 0:
                    says = reporting[j]
                    if not says:
                        says = reporting[j] = 2 if reports(
                            ents, ents.index.mentions[j], clusters[c].person_cue) else 1
                    if says == 2:
                        reported, reporter = starts[j], c  # "Wood admitted ...": a new speaker
                if starts[j] >= paragraph_start:
                    table = _SUBJECT_PARAGRAPH_WEIGHTS
            elif latest_subject and others_after != c and (
                    clusters[c].type != "unknown" or clusters[c].person_cue):  # no "to Ennis"
                others_after = c if others_after is None else -1
            weight = table[here - sentence_of[k]] * weight_of
            entry[2] += weight
            if weight > entry[1]:
                entry[1] = weight
        # The best single mention decides; further mentions add a little (frequency).
        scores = {c: top + _FREQUENCY_SHARE * (total - top)
                  for c, (weight_of, top, total) in seen.items() if weight_of}
        positions = self.speaker_positions
        for k in range(len(positions) - 1, -1, -1):
            position = positions[k]
            if position < m.span.start:
                c = self.speaker_clusters[k]
                if not clusters[c].cues_read and clusters[c].type == "unknown":
                    ents.read_cues(clusters[c])
                if reported > position and reporter != c:
                    c = reporter  # reported speech since that quote: its speaker is the latest
                if bisect_right(self.sentence_starts, position) - 1 >= (
                    here - LOOKBACK_SENTENCES // 2
                ) and (
                    compatible(m, clusters[c])
                ):
                    scores[c] = scores.get(c, 0.0) + _RECENT_SPEAKER_WEIGHT
                break
        return scores


def best_of(scores: dict[int, float]) -> int:
    """The highest-scoring entity, the earliest made on a tie.

    The entities holding the top score picked and the least taken in C (``compress`` over
    ``eq``), not by a Python key function making a tuple for every candidate."""
    top = max(scores.values())
    return min(compress(scores, map(eq, scores.values(), repeat(top))))
