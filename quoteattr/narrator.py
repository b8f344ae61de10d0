"""The first-person narrator as a speaker: ``"...," said I``.

Every "I" outside quotes in a novel is one person, the narrator, so the pipeline gives
each quote attributed to a narrating "I" one entity, named :data:`NARRATOR` ("narrator").
Other characters often address the narrator by name ("You see, Watson, but you do not
observe"): a name addressed in the turns right before or after the narrator's own turns
(a vocative names the listener) is the narrator's name, and the narrator's quotes go to
that character's entity when it is addressed so at least twice and more than any other, and
never speaks under its own name. In the fiction profile a journal's or narrative's heading
("EDITH MORROW'S DIARY") names the "I" of the text below it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import regex

from .context import QuoteContext
from .coref import Coreference
from .mentions import MentionIndex
from .rules import Found
from .spans import Span

NARRATOR = "narrator"
"""The name of the narrator's entity while no other name is found for it."""

_MIN_ADDRESSED = 2
_SELF_NAMING = regex.compile(
    r"\b(?:[Mm]y name(?:'s| is| was)|[Cc]all me|I am called|I was called)[ \t\n]+(?=\p{Lu})")
"""A narrator naming themself: "My name is Ned Carver", "Call me Ned"."""
_BARE_NAME = regex.compile(r"[\s\p{P}]*(\p{Lu}[\p{L}.'’-]*(?:[ \t\n]+\p{Lu}[\p{L}.'’-]*){1,3})"
                           r"[\s\p{P}]*")
"""A quote that is nothing but a full name (two words or more: "Amen!" or "Seven!" is
no name): the narrator answering "Who are you?"."""


def self_named(
    text: str,
    contexts: Sequence[QuoteContext],
    speakers: Sequence[int | None],
    narrator: int,
    mentions: MentionIndex,
    cluster_of: Callable[[int], int | None],
) -> int | None:
    """The entity of the name a first-person narrator gives themself, or None: "My name is
    Ned Carver" in the narration or in the narrator's own quote, or a narrator's quote that
    is only a name ("Yes," I said, "Edith Morrow."). In another speaker's quote the name
    is that speaker's, never the narrator's."""
    for match in _SELF_NAMING.finditer(text, concurrent=False):
        at = match.end()
        owner = next((speakers[k] for k, ctx in enumerate(contexts)
                      if ctx.quote.span.start < at < ctx.quote.span.end), narrator)
        m = mentions.starting_at(at)
        if owner == narrator and m is not None and m.kind == "name":
            found = cluster_of(mentions.index_of(m))
            if found is not None and found != narrator:
                return found
    for k, ctx in enumerate(contexts):
        if speakers[k] != narrator:
            continue
        content = ctx.quote.content
        bare = _BARE_NAME.fullmatch(text, content.start, content.end, concurrent=False)
        if bare is None:
            continue
        m = mentions.starting_at(bare.start(1))
        if m is not None and m.kind == "name" and text[m.span.end : bare.end(1)] in ("", "."):
            found = cluster_of(mentions.index_of(m))
            if found is not None and found != narrator:
                return found
    return None


_NAME_WORDS = r"\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}"
_RECORD = r"(?i:journal|diary|narrative|memoir|memoirs|statement|confession|story)"
_KEPT_BY = regex.compile(
    rf"^[ \t]*(?:(?P<owner>{_NAME_WORDS})['’][sS][ \t]+{_RECORD}"
    rf"|(?:(?i:the)[ \t]+)?{_RECORD}[ \t]+(?i:of|by)[ \t]+(?P<author>{_NAME_WORDS}))"
    rf"[ \t.]*$", regex.MULTILINE)
"""A heading naming whose record the first-person text is: "EDITH MORROW'S DIARY",
"Mina Murray's Journal", "Narrative of Gabriel Betteredge", "The Diary of Ada Lind"."""


def record_keeper(text: str, before: int, coref: Coreference) -> int | None:
    """The entity of the person a journal or narrative heading before ``before`` names (the
    last such heading): an epistolary novel's "I" is whoever keeps that record."""
    found = None
    for match in _KEPT_BY.finditer(text, 0, before, concurrent=False):
        found = match
    if found is None:
        return None
    words = (found.group("owner") or found.group("author")).split()
    while len(words) > 1 and coref.lexicon.is_title(words[0].lower()):
        words = words[1:]  # "MISS AGATHA PRIDDY'S DIARY": the name is Agatha Priddy
    name = " ".join(words)
    if name.isupper():
        name = name.title()
    key = name.lower()
    for cluster in coref.clusters:
        if cluster.named and cluster.fullest.lower() == key:
            return cluster.index
    return coref.cluster_for_phrase(name, "PERSON")


def narrator_name(
    contexts: Sequence[QuoteContext],
    speakers: Sequence[int | None],
    narrator: int,
    addressed: Callable[[QuoteContext], set[int]],
    genre: str = "news",
    eligible: Callable[[int], bool] | None = None,
) -> int | None:
    """The entity the narrator is addressed as, or None: counted over the quotes of other
    (known) speakers in the paragraph before or after one of the narrator's turns (in fiction,
    within two paragraphs, and one address that no other name rivals is enough: a
    novel's narrator is rarely called by name, so a reader takes the one time).
    ``eligible`` says which entities may be a person's name at all ("Ditto!" is not)."""
    turns = {contexts[k].paragraph_index for k, c in enumerate(speakers) if c == narrator}
    if not turns:
        return None
    near = (1, 2) if genre == "fiction" else (1,)
    least = 1 if genre == "fiction" else _MIN_ADDRESSED
    # a character who speaks under their own name is not the one narrating
    speaking = {c for c in speakers if c is not None and c != narrator}
    votes: Counter[int] = Counter()
    for k, ctx in enumerate(contexts):
        speaker = speakers[k]
        if speaker is None or speaker == narrator or not any(
            ctx.paragraph_index - d in turns or ctx.paragraph_index + d in turns for d in near
        ):
            continue
        for cluster in addressed(ctx):
            if cluster not in (speaker, narrator) and cluster not in speaking and (
                eligible is None or eligible(cluster)
            ):
                votes[cluster] += 1
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < least or (
        len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]
    ):
        return None
    return ranked[0][0]


_VOICE_OF = regex.compile(
    r",?[ \t\n]+(?:which|that)[ \t\n]+[^.;:!?\"“”‘’]{0,60}?\b(?:to[ \t\n]+be|was|as)"
    r"[ \t\n]+that[ \t\n]+of[ \t\n]+")
"""After "a voice": whose it is ("answered a second voice, which Harriet knew to be that of
Mrs. Pruett")."""


def voice_owner(coref: Coreference, mentions: MentionIndex, phrase: Span) -> int | None:
    """The entity a speaking voice is said to belong to, or None: "a second voice, which
    Harriet knew to be that of Mrs. Pruett" is Mrs. Pruett speaking."""
    text = coref.text
    if not text.endswith(("voice", "Voice"), phrase.start, phrase.end):
        return None
    match = _VOICE_OF.match(text, phrase.end, min(len(text), phrase.end + 100))
    m = mentions.starting_at(match.end()) if match is not None else None
    if m is None or m.kind != "name":
        return None
    return coref.cluster_of(mentions.index_of(m))


def resolve_speaker(
    found: Found | None, coref: Coreference, mentions: MentionIndex,
    narrator: list[int] | None
) -> int | None:
    """The entity a rule's speaker phrase names: its mention's cluster, one ``narrator``
    entity for a narrating "I" (``narrator`` holds it once made; None inside quotes, where
    "I" is the quote's speaker), or a new entity for a phrase no mention covers."""
    if found is None or found.mention_span is None:
        return None
    known = voice_owner(coref, mentions, found.mention_span)
    if known is not None:
        return known
    if found.mention is not None:
        m = mentions.mentions[found.mention]
        if narrator is not None and (m.kind == "pronoun" and m.head == "i" or (
            coref.text[m.span.start : m.span.end] == "I."  # "said I." read as an initial
        )):  # the narrator (quoteattr.narrator)
            if not narrator:
                narrator.append(coref.cluster_for_phrase(NARRATOR, "PERSON"))
            return narrator[0]
        cluster = coref.cluster_of(found.mention)
        if cluster is not None:
            return cluster
        if m.kind == "pronoun" and m.head not in ("i", "we"):
            return None  # an unresolved "he" names nobody; the mention is still reported
        return coref.cluster_for_phrase(m.head if m.kind == "pronoun" else
                                        coref.text[m.span.start : m.span.end], m.label)
    return coref.cluster_for_phrase(found.phrase, "UNKNOWN", found.mention_span.start)


_BYLINE = regex.compile(
    r"^[ \t]*(?:(?:By|BY)[ \t]+|[^\n]{1,60}?,[ \t]+with[ \t]+)"
    r"(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){1,2})[ \t]*$",
    regex.MULTILINE)
"""A byline naming one writer on its own line: "By Gwen Tasker", "Your Rights, with Gwen
Tasker" (a column's title and its writer)."""
_BYLINE_REACH = 400
"""How far into the text a byline stands (after the headline and perhaps a standfirst)."""


def byline_writer(text: str) -> str | None:
    """The writer a news story's byline names, whose "I" is the narrating "I" of a column
    or a first-person report ('"...?" I asked'); None without such a byline."""
    found = _BYLINE.search(text, 0, min(len(text), _BYLINE_REACH), concurrent=False)
    return None if found is None else found[1]
