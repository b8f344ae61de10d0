"""Names for speakers the rules found only as "I" or as a description, once every quote has
its speaker: the narrator (``quoteattr.narrator``) and, in fiction, a described speaker
whom the next speaker answers by name.

A novel often brings a character on by relation before it names her: '"...?" said my
brother's wife. / "My dear Rose," I answered'. A vocative names the listener, and a reply
that opens the next paragraph is spoken to the one who just spoke, so the described speaker
is Rose, and every quote given to "my brother's wife" is Rose's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .context import QuoteContext
from .coref import Cluster, Coreference
from .mentions import MentionIndex
from .narrator import byline_writer, narrator_name, record_keeper, self_named
from .result import Decision


def name_speakers(
    decisions: list[Decision], text: str, contexts: Sequence[QuoteContext],
    speakers: Sequence[int | None], narrator: Sequence[int], mentions: MentionIndex,
    coref: Coreference, addressed: Callable[[QuoteContext], set[int]], genre: str,
) -> list[Decision]:
    """``decisions`` with the narrator's quotes given the narrator's name when one is found,
    and in fiction each described speaker's quotes given the name it is answered by."""
    if narrator:
        named = self_named(text, contexts, speakers, narrator[0], mentions,
                           coref.cluster_of) if genre == "fiction" else None
        if named is None and genre == "fiction":  # "EDITH MORROW'S DIARY"
            first = next(k for k, c in enumerate(speakers) if c == narrator[0])
            named = record_keeper(text, contexts[first].quote.span.start, coref)
        named = named if named is not None else narrator_name(
            contexts, speakers, narrator[0], addressed, genre)
        writer = byline_writer(text) if named is None and genre != "fiction" else None
        if writer is not None:  # a column's "I asked": the writer its byline names
            named = coref.person_named(writer)
        if named is not None:
            decisions = [d._replace(cluster=named, narrated=True) if (
                d.cluster == narrator[0]) else d for d in decisions]
    if genre != "fiction":
        return _writers_we(decisions, text, mentions, coref)
    clusters = coref.clusters

    def echoed(ctx: QuoteContext) -> set[int]:  # the names a quote itself says (no new
        content = ctx.quote.content  # resolution: a name's entity is known from the start)
        of, resolved = coref.entities.of, coref.entities.resolved
        found = (mentions.index_of(m) for m in mentions.between(content.start, content.end)
                 if m.kind == "name")
        return {c for i in found if resolved[i] and (c := of[i]) is not None}

    answered = answered_as(contexts, speakers, addressed,
                           lambda c: clusters[c].named, set(narrator),
                           lambda described, c: _may_be(clusters[described], clusters[c]),
                           echoed)
    if not answered:
        return decisions
    return [d._replace(cluster=answered[d.cluster], narrated=True) if (
        d.cluster is not None and d.cluster in answered) else d for d in decisions]


def _writers_we(decisions: list[Decision], text: str, mentions: MentionIndex,
                coref: Coreference) -> list[Decision]:
    """``decisions`` with a narrating "we" ('"Do you ever miss music?" we asked') given the
    one writer the story's byline names: a profile's or column's editorial "we". Without
    such a byline "we" stays "we" (a newsletter's, a newsroom's)."""
    narrating = [k for k, d in enumerate(decisions) if _narrating_we(d, mentions)]
    if not narrating:
        return decisions
    writer = byline_writer(text)
    if writer is None:
        return decisions
    named = coref.person_named(writer)
    decisions = list(decisions)
    for k in narrating:
        decisions[k] = decisions[k]._replace(cluster=named, narrated=True)
    return decisions


def _narrating_we(decision: Decision, mentions: MentionIndex) -> bool:
    """Whether the decision's speaker mention is a "we" of the narration: a top-level
    quote's, as a narrating "I" is (a nested quote's "we" stands inside its quote)."""
    found = decision.found
    if decision.parent is not None or found is None or found.mention is None:
        return False
    m = mentions.mentions[found.mention]
    return m.kind == "pronoun" and m.head == "we"


def answered_as(
    contexts: Sequence[QuoteContext], speakers: Sequence[int | None],
    addressed: Callable[[QuoteContext], set[int]], named: Callable[[int], bool],
    narrator: set[int], fits: Callable[[int, int], bool],
    said: Callable[[QuoteContext], set[int]],
) -> dict[int, int]:
    """Each unnamed speaker (not the narrator) -> the named entity that the reply right after
    its turn addresses: the next quote, by another known speaker, opening the next
    paragraph. Kept only when the answers agree (any other name at most half as often),
    the name is not the replier's own, ``fits`` the described speaker and is not one the
    described speaker just ``said`` ("Just out. With Sam." / "Sam Pruitt? I told you": an
    echo, and nobody names himself)."""
    votes: dict[int, Counter[int]] = {}
    for k in range(1, len(contexts)):
        before, after = speakers[k - 1], speakers[k]
        if before is None or after is None or before == after or before in narrator or (
            named(before)
        ) or contexts[k].paragraph_index != contexts[k - 1].paragraph_index + 1:
            continue
        for cluster in addressed(contexts[k]) - said(contexts[k - 1]):
            if cluster not in (before, after) and named(cluster) and fits(before, cluster):
                votes.setdefault(before, Counter())[cluster] += 1
    out: dict[int, int] = {}
    for described, counts in votes.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[1][1] * 2 <= ranked[0][1]:
            out[described] = ranked[0][0]
    return out


def _may_be(described: Cluster, name: Cluster) -> bool:
    """Whether a described speaker may be the character a reply calls by ``name``: a person
    ("Rose"), not a word of kinship or address ("Brother", "Ma"), of the gender the
    description gives ("my brother's wife"; a "clergyman" of no known gender names nobody)."""
    return name.type == "person" and described.gender in ("m", "f") and (
        described.gender == name.gender)
