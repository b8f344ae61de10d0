"""Reading the narration of an exchange: who acts in it (an action beat's actor, the
people a scene sets out), who keeps silent, and the narrating "I" (:data:`NARRATOR`).

The conversation rules (``conversation``) ask it who takes a turn; it holds no rule.
"""

from __future__ import annotations

import regex

from ..context import QuoteContext
from ..coref.clusters import written_as_word
from ..lexicon import word_list
from ..spans import Span
from .base import Found, RuleInput, SpeakerPhrase, cues_in, make_found
from .speakers import clause_subject, sentence_start
from .vocatives import addressees

_SILENCE = regex.compile(r"\b(?:" + "|".join(
    r"\s+".join(regex.escape(w) for w in p.split()) for p in word_list("silence_phrases"))
    + r")\b", regex.IGNORECASE)
"""Narration in which someone keeps silent: ``data/silence_phrases.tsv``."""
_PAUSE = regex.compile(r"[\s,]+(?:for|at\s+first|until|till|a\s+moment|a\s+while|awhile)\b",
                      regex.IGNORECASE)
"""After a silence, a pause rather than no answer: "said nothing for a moment"."""
_OWNED = regex.compile(r"\p{L}['’]s?\s")
"""A possessive inside a description: what it names is owned ("the client's chair")."""
_HAD = regex.compile(r"\bhad\s+(?:\p{L}+ly\s+)?\Z", regex.IGNORECASE)
"""Before a silence, one kept until now: "who had said nothing", "had quite fallen silent"."""
_SENTENCE_LEAD = regex.compile(r"[\s\u00a0\"“”‘’'«»(_*-]*")
_SPACES = regex.compile(r"[\s\u00a0]*")
_LOWER_NEXT = regex.compile(r"[ \t\n\u00a0]+\p{Ll}")


def person_present(
    inp: RuleInput, scene: Span, avoid: set[int], quotes: tuple[Span, ...] = ()
) -> Found | None:
    """The last person the narration nearest an exchange names, acting or not, who is not
    in ``avoid`` (``Nora found her brother at the stove.`` / ``"You burned the toast,"
    said Nora.`` / ``"I like it burned."`` is her brother's): nobody else is there to
    answer. Names inside ``quotes`` are no one present."""
    if inp.cluster_of is None:
        return None
    for m in reversed(inp.mentions.between(scene.start, scene.end)):
        if m.label not in ("PERSON", "UNKNOWN") or m.kind == "pronoun" or inp.text[
            m.span.end : m.span.end + 1] in ("'", "’") or any(
                q.start <= m.span.start < q.end for q in quotes) or m.kind == "nominal" and (
                    m.label != "PERSON"
                    or m.head.lower() not in inp.lexicon.role_nouns
                    and m.head.lower() not in inp.lexicon.relational_nouns
                    or _OWNED.search(inp.text, m.span.start, m.span.end)):
            continue  # a person by name or role ("her brother"), not "the client's chair"
        index = inp.mentions.index_of(m)
        cluster = inp.cluster_of(index)
        if cluster is not None and cluster not in avoid and (
            m.label == "PERSON" or inp.is_character is not None and inp.is_character(cluster)
        ):  # a name of no known kind ("Marsh") when the story knows it as a character
            return Found("turn_taking", 0.5, index, m.span, None)
    return None


NARRATOR = -1
"""The key of a first-person narrator's "I" in the narration (the pipeline makes the
narrator's entity only once an "I" speaks; in the rules "I" outside quotes is this key)."""


def narrated_by_i(inp: RuleInput, found: Found | None) -> bool:
    """Whether a rule's speaker is a narrating "I" ("said I", or "I" acting in narration)."""
    if found is None or found.mention is None:
        return False
    m = inp.mentions.mentions[found.mention]
    return m.kind == "pronoun" and m.head == "i"


def find_actor(inp: RuleInput, window: Span, opening: bool = False) -> tuple[Found, int] | None:
    """The person who acts in the last sentence of a short stretch of narration, with their
    entity (:data:`NARRATOR` for a first-person narrator's "I"); with ``opening``, only one
    who opens the sentence ("The car was where Vance had said" puts no Vance in the scene)."""
    if inp.cluster_of is None:
        return None
    start = sentence_start(inp.text, window.start, window.end - 2)
    subject = opening_subject(inp, start, window.end) or (None if opening else clause_subject(
        inp, Span(start, window.end)))
    if subject is None or subject[0] is None:
        return None
    m = inp.mentions.mentions[subject[0]]
    if m.label not in ("PERSON", "UNKNOWN") or m.kind == "nominal" and m.label != "PERSON":
        return None
    if m.kind == "pronoun" and m.head not in ("he", "she", "i") or inp.text[
        m.span.start : m.span.end] in ("I", "I.") and not _LOWER_NEXT.match(
            inp.text, m.span.end, window.end):
        return None  # "I took the stool", not the "I." of "Chapter I."
    if inp.genre == "fiction" and _BACKSTORY.match(inp.text, m.span.end, window.end):
        return None  # "He had been at it since breakfast.": the past before the scene
    cluster = NARRATOR if m.kind == "pronoun" and m.head == "i" else inp.cluster_of(subject[0])
    if cluster is None:
        return None
    return make_found("action_beat", 0.6, subject, None, inp), cluster


_BACKSTORY = regex.compile(r"[ \t\n]+had[ \t\n]+(?:been|\p{Ll}+ed)(?!\p{L})")
"""A subject's verb in the past perfect: what they had done before the scene, no action in
it (a novel's beat is in the simple past)."""


def keeps_silent(inp: RuleInput, narration: Span) -> bool:
    """Whether the narration has someone keep silent ("Tom hung up his cap and said
    nothing."), not pause before they speak ("She said nothing for a long moment.") nor end
    a silence kept until then ("Clare, who had said nothing all this while, came forward.")."""
    for match in _SILENCE.finditer(inp.text, narration.start, narration.end):
        if not _PAUSE.match(inp.text, match.end(), narration.end) and not _HAD.search(
            inp.text, max(narration.start, match.start() - 12), match.start()
        ):
            return True
    return False


def opening_subject(inp: RuleInput, start: int, end: int) -> SpeakerPhrase | None:
    """The name or "he", "she", "I" that opens a sentence of narration, followed by a
    lower-case word: the main clause's subject ("I had not seen Kessler for years when he
    walked in" is about "I", not the "he" of the clause inside it)."""
    lead = _SENTENCE_LEAD.match(inp.text, start, end)
    m = inp.mentions.starting_at(lead.end() if lead else start)
    if m is None or not (m.kind == "name" or m.kind == "pronoun" and m.head in ("he", "she", "i")):
        return None
    if not _LOWER_NEXT.match(inp.text, m.span.end, end):
        return None
    return inp.mentions.index_of(m), m.span, ""


def actor_at_start(inp: RuleInput, window: Span) -> tuple[Found, int] | None:
    """The actor of narration right after a quote, only when the sentence opens with them
    ("Tuppence helped herself ..."), not a name somewhere in it."""
    lead = _SPACES.match(inp.text, window.start, window.end)
    start = lead.end() if lead else window.start
    m = inp.mentions.starting_at(start)
    if m is None:
        return None
    return find_actor(inp, Span(start, window.end))


def person_like(inp: RuleInput, found: Found, cluster: int) -> bool:
    """Fiction: whether a turn's or a beat's speaker may be one of the story's people: not
    a common word capitalised at a sentence start that the story names nowhere else and
    writes in lower case elsewhere ("True, ...", "Two or three hands were thrust out")."""
    if inp.genre != "fiction" or inp.is_character is None or cluster == NARRATOR or (
        found.mention is None or inp.is_character(cluster)
    ):
        return True
    m = inp.mentions.mentions[found.mention]
    word = inp.text[m.span.start : m.span.end]
    return m.kind != "name" or " " in word or not written_as_word(inp.text, word.lower())


_SCENE_PARAGRAPHS = 12
"""How many paragraphs back the narration is read for the people of a scene."""


def named_in_scene(inp: RuleInput, cluster: int, last: int) -> bool:
    """Whether the narration of the last few paragraphs before quote ``last`` names
    ``cluster`` (outside quotes): someone present, not only talked about ("Bingley.")."""
    if inp.cluster_of is None:
        return False
    ctx = inp.contexts[last]
    start = inp.paragraphs[max(0, ctx.paragraph_index - _SCENE_PARAGRAPHS)].start
    quotes = [c.quote.span for c in inp.contexts[max(0, last - 40) : last + 1]
              if c.quote.span.end > start]
    for m in inp.mentions.between(start, ctx.quote.span.start):
        if m.kind == "name" and not any(q.start <= m.span.start < q.end for q in quotes) and (
            inp.cluster_of(inp.mentions.index_of(m)) == cluster
        ):
            return True
    return False


def beat_before(ctx: QuoteContext, inp: RuleInput) -> Found | None:
    """Fiction: the actor of the narration sentence that ends right before a quote inside
    a paragraph, when no speech cue is in it (that is a tag, for the rules that read
    cues) and the quote does not address them."""
    para = inp.paragraphs[ctx.paragraph_index]
    start = para.start
    if ctx.position and inp.contexts[ctx.position - 1].quote.span.end > para.start:
        start = inp.contexts[ctx.position - 1].quote.span.end
    end = ctx.quote.span.start
    narration = inp.text[start:end].rstrip()
    if not narration.endswith((".", "!")) or len(narration.strip()) < _MIN_BEAT:
        return None  # "...," and "...:" belong to the tag rules
    window = Span(start, end)
    if cues_in(inp, window):
        return None
    actor = find_actor(inp, window)
    if actor is None or actor[1] in addressees(inp, ctx) or not person_like(inp, *actor):
        return None
    return actor[0]


_MIN_BEAT = 8
"""The shortest narration read as a beat ("She wept." is one; "Ah." is not)."""
