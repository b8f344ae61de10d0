"""Conversation rules: who speaks a quote that no "said" attributes.

In an exchange each new paragraph is a new turn: ``"Is the train late?" asked Mira.`` /
``"Ten minutes, miss."`` / ``"Then I'll wait inside."`` alternates between two people, so
an untagged paragraph-opening quote is spoken by the participant before the last speaker,
not by the last speaker (what carrying a speaker forward would say). A character acting in
the narration next to an untagged quote (an action beat) is its speaker. A name addressed
inside the quote ("Ten minutes, Mira") names the listener, never the speaker.

News follows the same convention only in a clear exchange, so by default turn-taking needs
the last turn to be a question or itself a taken turn (an interview's back-and-forth);
with ``genre="fiction"`` every untagged turn after a turn by someone else alternates.
"""

from __future__ import annotations

from ..context import QuoteContext
from ..spans import Span
from .base import Earlier, Found, RuleInput, cues_in
from .narration import (
    NARRATOR,
    actor_at_start,
    beat_before,
    find_actor,
    keeps_silent,
    named_in_scene,
    narrated_by_i,
    person_like,
    person_present,
)
from .speakers import sentence_start
from .vocatives import addressed_names, addressees, answered_by_name, tag_listener

_MAX_TURNS_BACK = 6
"""How many paragraphs before the last turn a conversation's other participant is looked
for: further back, the conversation has likely moved on."""
_NARRATOR_LOOKBACK = 200
"""How many quotes back a narrator's own turns and the speakers of a scene are looked for."""
_MAX_NARRATION = 320
"""A paragraph of narration longer than this is a reflection, not a beat or a scene setting:
the people it names are not read as the exchange's participants."""
_MAX_BEAT = 240
"""The longest narration paragraph read as an action beat for the quote after it."""


def _addressee_replies(
    inp: RuleInput, earlier: Earlier, last: int, avoid: set[int]
) -> Found | None:
    """Fiction: the one person the last turn addressed by name, who is not its speaker,
    takes the next turn ("Sit up straight, Kit." / "I am sitting up." is Kit's):
    in a scene of three or four, the one spoken to answers, whether or not they have
    spoken yet. Once a first-person narrator has spoken, only someone who has spoken under
    that name: the narrator addressed by name speaks as "I"."""
    spoken = {earlier.speaker(k)  # already in the exchange
              for k in range(max(0, last - _NARRATOR_LOOKBACK), last)}
    # the names the whole last turn addresses: '"Kit," said he, "what do you see?"'
    first, para = last, inp.contexts[last].paragraph_index
    while first > 0 and inp.contexts[first - 1].paragraph_index == para and (
        earlier.speaker(first - 1) == earlier.speaker(last)
    ):
        first -= 1
    called = [(i, c) for k in range(first, last + 1)
              for i, c in addressed_names(inp, inp.contexts[k]) if c not in avoid]
    named = {c: i for i, c in called if c in spoken}
    found = earlier.found(last)
    if not named and found is not None and found.mention_span is not None and (
        inp.contexts[last + 1].quote.span.contains(found.mention_span)
    ):  # the last turn was named as spoken by this one's vocative: they address each other
        named = {c: i for i, c in called}
    if not named and not _narrated(inp, earlier, last):
        named = {c: i for i, c in called if named_in_scene(inp, c, last)}
    if len(named) != 1:
        return None
    (cluster, index), = named.items()
    m = inp.mentions.mentions[index]
    return Found("turn_taking", 0.75, index, m.span, None)


def _turn_before(
    inp: RuleInput, earlier: Earlier, ctx: QuoteContext, last: int, avoid: set[int]
) -> Found | None:
    """The most recent speaker before turn ``last`` (a quote position) who is not in
    ``avoid``: a quote's speaker, or the subject of a short narration paragraph."""
    para_index = inp.contexts[last].paragraph_index
    k = last - 1
    while k >= 0 and inp.contexts[k].paragraph_index >= para_index:
        k -= 1  # the last turn's own paragraph
    scene: Span | None = None  # the narration nearest the exchange
    for p in range(para_index - 1, max(-1, para_index - 1 - _MAX_TURNS_BACK), -1):
        para = inp.paragraphs[p]
        had_quote = False
        while k >= 0 and inp.contexts[k].paragraph_index >= p:
            had_quote = True
            found, cluster = earlier.found(k), earlier.speaker(k)
            if found is not None and found.mention_span is not None and cluster is not None:
                if cluster not in avoid and person_like(inp, found, cluster):
                    return found
                if cluster in avoid:
                    break  # this turn was the last speaker's: look at the one before it
            k -= 1
        while k >= 0 and inp.contexts[k].paragraph_index >= p:
            k -= 1
        if not had_quote:
            if para.end - para.start > _MAX_NARRATION:
                if inp.genre != "fiction":
                    break  # news: the interview has moved on
                continue  # a reflection inside the exchange: its people are no beat, but
                # the turns before it still hold the other participant (the exchange goes on)
            scene = scene or para
            end = para.end
            opening = False  # the sentences before the last: only a subject that opens one
            while end - para.start > 2:  # the scene's people, from its last sentence back
                actor = find_actor(inp, Span(para.start, end), opening)
                if actor is not None and actor[1] not in avoid and person_like(inp, *actor):
                    return actor[0]
                if inp.genre != "fiction" or k >= 0 and inp.contexts[k].paragraph_index >= p - 1:
                    break  # news, or a beat between turns: the last sentence's subject only
                    # (the whole paragraph is read only where it sets the scene of an exchange)
                end, opening = sentence_start(inp.text, para.start, end - 2), True
    if scene is None or inp.genre != "fiction":
        return None
    return person_present(inp, scene, avoid)


def turn_taking(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``"Is the train late?" asked Mira.`` / ``"Ten minutes, miss."``: an untagged quote that
    opens a paragraph right after another speaker's turn is the reply of the participant
    who spoke before that turn. In fiction, where no turn before decides, the reply after
    it does: the one it addresses by name spoke the line it answers (``"Uncle, you look
    tired."`` / ``"I am tired, Florence."``)."""
    found = _turn_after(ctx, inp, earlier)
    if found is None and inp.genre == "fiction":
        found = answered_by_name(ctx, inp)
    return found


def _turn_after(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """:func:`turn_taking` from the turns before the quote."""
    if not ctx.starts_paragraph or ctx.position == 0 or not inp.direct[ctx.position]:
        return None
    last = ctx.position - 1
    prev = inp.contexts[last]
    gap = ctx.paragraph_index - prev.paragraph_index - prev.quote.paragraphs
    if gap < 0 or gap > (1 if inp.genre == "fiction" else 0):
        return None
    speaker = earlier.speaker(last)
    if gap:  # fiction: a line of narration between turns ("This was invitation enough.")
        between = inp.paragraphs[ctx.paragraph_index - 1]
        if between.end - between.start > _MAX_BEAT:
            return None
        silent = keeps_silent(inp, between) and find_actor(inp, between)
        last_found = earlier.found(last)
        if silent and speaker is not None and silent[1] != speaker and (
            last_found is not None and last_found.mention_span is not None
            and speaker not in addressees(inp, ctx)
        ):  # "Tom hung up his cap and said nothing." / "Did you hear me?": still hers
            return Found("turn_taking", 0.6, last_found.mention, last_found.mention_span, None,
                         last_found.phrase)
    if speaker is None:
        return _reply_to_unknown(inp, earlier, ctx, last) if inp.genre == "fiction" else None
    prev_found = earlier.found(last)
    if inp.genre != "fiction" and not (
        prev.starts_paragraph and (  # the last turn opens its paragraph
            inp.text[prev.quote.content.end - 1] == "?"
            or prev_found is not None and prev_found.rule == "turn_taking"
        ) or _asks_again(inp, earlier, ctx, last)
    ):
        return None
    avoid = {speaker} | addressees(inp, ctx)
    if narrated_by_i(inp, prev_found):
        avoid.add(NARRATOR)
    found = None
    if inp.genre == "fiction":
        listener = tag_listener(inp, prev_found)  # '"...," said Mira to the porter.'
        if listener is not None and listener[1] not in avoid:
            index = listener[0]
            found = Found("turn_taking", 0.6, index, inp.mentions.mentions[index].span, None)
        else:
            found = _addressee_replies(inp, earlier, last, avoid)
        if found is None:
            found = _named_by_reply(ctx, inp, earlier, last, avoid)
    if found is None:
        found = _turn_before(inp, earlier, ctx, last, avoid)
    if found is None and inp.genre == "fiction":
        # the listener the last turn's own narration names ("demanded Mrs. Oakley as her
        # son came through the door")
        para = prev.paragraph_index
        quotes = tuple(c.quote.span for c in inp.contexts[max(0, last - 8) : last + 8]
                       if c.paragraph_index == para)
        found = person_present(inp, inp.paragraphs[para], avoid, quotes)
    if found is None:
        return None
    confidence = 0.75 if inp.genre == "fiction" else 0.7
    return Found("turn_taking", confidence, found.mention, found.mention_span, None,
                 found.phrase)


def _named_by_reply(
    ctx: QuoteContext, inp: RuleInput, earlier: Earlier, last: int, avoid: set[int]
) -> Found | None:
    """Fiction, three or more in the scene: the one the next paragraph's reply addresses by
    name, when they have spoken already and are not the last speaker (Orme, Vance, Pellow:
    "Then you will set none this time." / "I hope not, Captain." is the Captain's line),
    rather than whoever spoke before the last turn."""
    found = answered_by_name(ctx, inp)
    if found is None or found.mention is None or inp.cluster_of is None:
        return None
    cluster = inp.cluster_of(found.mention)
    if cluster is None or cluster in avoid or all(
        earlier.speaker(k) != cluster for k in range(max(0, last - _NARRATOR_LOOKBACK), last)
    ):
        return None
    return found


def _asks_again(inp: RuleInput, earlier: Earlier, ctx: QuoteContext, last: int) -> bool:
    """News: an untagged question after the answer to someone else's question, each a
    paragraph of its own (``"Do you support it?" asked Hale.`` / ``"Not all of it,"
    Okafor said.`` / ``"Which parts?"``): the interviewer asks again."""
    if last == 0 or inp.text[ctx.quote.content.end - 1 : ctx.quote.content.end] != "?":
        return False
    first = last  # the answer's first quote: the answer may run on ("...," X said. "...")
    para = inp.contexts[last].paragraph_index
    while first > 0 and inp.contexts[first - 1].paragraph_index == para:
        first -= 1
    if first == 0:
        return False
    question, answer = inp.contexts[first - 1], inp.contexts[first]
    if not answer.starts_paragraph or (
        question.paragraph_index + question.quote.paragraphs != answer.paragraph_index
    ):
        return False
    asker = earlier.speaker(first - 1)
    return (asker is not None and asker != earlier.speaker(last)
            and inp.text[question.quote.content.end - 1] == "?")


def _reply_to_unknown(
    inp: RuleInput, earlier: Earlier, ctx: QuoteContext, last: int
) -> Found | None:
    """Fiction: the turn before this one is nobody's that the text says, yet the exchange
    still alternates. The one the last turn addressed by name answers it (``"And the
    ledger, Pym?" ventured I.`` / ``"Done, sir, ..."`` is Pym's); else, when the turn
    before that opened the paragraph before and has a speaker, this turn is theirs again
    (``"Is the train late?" asked Mira.`` / ``"Ten minutes, miss."`` / ``"Then I'll wait
    inside."`` is Mira's)."""
    prev = inp.contexts[last]
    avoid = addressees(inp, ctx)
    named = {c: i for i, c in addressed_names(inp, prev) if c not in avoid}
    if named and _narrated(inp, earlier, last):
        spoken = {earlier.speaker(k) for k in range(max(0, last - _NARRATOR_LOOKBACK), last)}
        named = {c: i for c, i in named.items() if c in spoken}
    addressed = None
    if len(named) == 1:
        (index,) = named.values()
        span = inp.mentions.mentions[index].span
        addressed = Found("turn_taking", 0.6, index, span, None)
        if inp.text[span.start : span.end].lower() not in inp.lexicon.relational_nouns:
            return addressed
        # "Just out, Mother.": a relation, not a name; the speaker before, if known, is
        # the same person under the name the text gives them
    if len(named) > 1 or last == 0:
        return None
    before = inp.contexts[last - 1]
    if before.paragraph_index + before.quote.paragraphs != prev.paragraph_index:
        return addressed  # not the turn right before: narration stands between
    found, speaker = earlier.found(last - 1), earlier.speaker(last - 1)
    if found is None or found.mention_span is None or speaker is None or speaker in avoid:
        return addressed
    return Found("turn_taking", 0.6, found.mention, found.mention_span, None, found.phrase)


def _narrated(inp: RuleInput, earlier: Earlier, last: int) -> bool:
    """Whether a first-person narrator has spoken ("said I") in the quotes before ``last``:
    others then address the narrator by a name the narrator never speaks under, so a name
    addressed is no speaker until it has spoken under that name."""
    for k in range(last - 1, max(-1, last - 1 - _NARRATOR_LOOKBACK), -1):
        found = earlier.found(k)
        if found is not None and found.mention is not None:
            m = inp.mentions.mentions[found.mention]
            if m.kind == "pronoun" and m.head == "i":
                return True
    return False


def action_beat(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``Tobias set down his cup.`` / ``"You never listen."``, or ``"You never listen."
    Tobias set down his cup.``: the character acting in the narration beside an untagged
    quote that opens its paragraph speaks it; in fiction also the one acting in the sentence
    right before a quote inside its paragraph (``"..." She put on more coal. "And ..."``)."""
    if not inp.direct[ctx.position]:
        return None
    if not ctx.starts_paragraph:
        return beat_before(ctx, inp) if inp.genre == "fiction" else None
    if inp.genre != "fiction" and ctx.position and earlier.found(ctx.position - 1) is not None and (
        inp.contexts[ctx.position - 1].paragraph_index >= ctx.paragraph_index - 1
    ):
        return None  # news carries the speaker of the quote just before (follow_on_quote)
    addressed = addressees(inp, ctx)
    para = inp.paragraphs[ctx.paragraph_index]
    after = ctx.quote.span.end
    nxt = inp.contexts[ctx.position + 1].quote.span.start if (
        ctx.position + 1 < len(inp.contexts)) else para.end
    if inp.text[after : ctx.right.end].strip(" ,\u00a0") == "" or ctx.right_is_next_sentence:
        # the narration after the quote, up to the end of its first sentence
        stop = min(nxt, para.end)
        end = inp.text.find(". ", after, stop)
        window = Span(after, stop if end < 0 else end + 1)
        if window.end - window.start > 2:
            actor = actor_at_start(inp, window)
            if actor is not None and actor[1] not in addressed and person_like(inp, *actor):
                return actor[0]
    if ctx.paragraph_index == 0:
        return None
    before = inp.paragraphs[ctx.paragraph_index - 1]
    if before.end - before.start > _MAX_BEAT or (
        ctx.position and inp.contexts[ctx.position - 1].quote.span.end > before.start
    ):
        return None
    if inp.genre != "fiction" and cues_in(inp, before):
        return None  # news: reported speech before decides (previous_sentence_cue), or nobody
    if keeps_silent(inp, before):
        return None  # "Tom said nothing.": the one silent is not the one who speaks next
    actor = find_actor(inp, before)
    if actor is not None and not person_like(inp, *actor):
        actor = None  # "Twice the clock struck.": no one acts
    if actor is not None and actor[1] not in addressed:
        return actor[0]
    if actor is not None and inp.genre == "fiction":
        # "Jenny giggled, and her mother frowned at her." / "Eat your peas, Jenny.": the
        # one acting is the one spoken to; the other person the beat names speaks
        other = person_present(inp, before, addressed)
        return None if other is None else other._replace(rule="action_beat")
    return None


def vocative_other(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """``"Is the train late?" asked Mira.`` / ``"Ten minutes, Mira."``: an untagged quote
    that addresses by name the speaker of the quote before it is not theirs; it is the
    most recent other participant's, or nobody's that the text names (a speakerless
    result, so the addressed listener is never carried forward as the speaker)."""
    if ctx.position == 0 or not inp.direct[ctx.position]:
        return None
    last = ctx.position - 1
    speaker = earlier.speaker(last)
    if speaker is None or inp.contexts[last].paragraph_index < ctx.paragraph_index - 1:
        return None
    addressed = addressees(inp, ctx)
    if speaker not in addressed:
        return None
    found = _turn_before(inp, earlier, ctx, last, addressed | {speaker})
    if found is None and not ctx.starts_paragraph and (
        inp.contexts[last].paragraph_index < ctx.paragraph_index
    ):  # "Aunt Bea passed it without looking at him. \"You've had enough, Walter.\""
        actor = find_actor(inp, Span(ctx.paragraph.start, ctx.quote.span.start))
        found = actor[0] if actor is not None and actor[1] not in addressed else None
    if found is None:
        return Found("vocative_other", 0.0, None, None, None)
    return Found("vocative_other", 0.7, found.mention, found.mention_span, None, found.phrase)
