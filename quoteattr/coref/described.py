"""A description that tells the reader something new about the person just introduced:
"Minister of State Colm Devaney said ... "...," the Fine Gael TD said", "Queensland coach
Dean Marr was blunt. "...," the former Test batter said".

A role noun with a place, party or other distinctive modifier is how news gives a second
fact about the one the paragraph has just named, rather than a way back to someone quoted
before (who would be "she" or a surname): the subject of the narrative sentence right
before it, in its paragraph, is the one it describes, even when another person named
earlier holds the bare title ("Independent TD X" is no "Fine Gael TD").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import regex

from ..lexicon import Lexicon, read_table, word_list
from ..mentions import Mention
from ..spans import Span
from .agreement import compatible
from .clusters import Cluster, Entities
from .salience import SUBJECT_WEIGHTS, Salience, best_of

_OFFICE = regex.compile(r"(?: \p{Ll}[\p{Ll}-]*+){1,3} ")
"""Lower-case words of an office between a place and a name: " ward councillor "."""

_COUNTED = regex.compile(
    r"[ -]of[ -](?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b")
"""What follows a relational noun that counts: " of four", "-of-two"."""

_PARTY_MEMBERS = frozenset(word_list("party_members"))
_MEMBER_PHRASE_WORDS = 4
""""the" and at most three words: "the North Carolina Republican"."""

_NOUN = regex.compile(r"\p{L}++")
"""The noun of a family description, before its " of" or "-of"."""

_INVERTING = (" was ", " were ")
"""The verb before the subject of an inverted sentence."""

_INVERTED_OFFICE = regex.compile(r" (?:was|were)(?: \p{Ll}[\p{Ll}-]*+){0,2} (\p{Ll}[\p{Ll}-]*+) \Z")
"""The same verb with an office before the name: " was retired teacher "."""

_PLAIN_MODIFIERS = frozenset({"new", "old", "other", "same", "top", "senior", "junior",
                              "chief", "deputy", "acting", "prime", "foreign", "first",
                              "second", "third", "last", "next"})
"""Modifiers that are part of the title or say which one ("the prime minister", "the
other senator", "the deputy leader"): no new fact about someone just named."""


def distinctive(phrase: str, head: str) -> bool:
    """Whether the definite role phrase ``phrase`` (ending in its noun ``head``) has a
    modifier that is a new fact: a capitalised word (a place or party: "the Mayo TD", "the
    Labour councillor"), a compound or number ("the Mumbai-based analyst", "the first-term
    member", "the 52-year-old") or another adjective ("the retired postman")."""
    words = phrase[: len(phrase) - len(head)].split()[1:]
    return bool(words) and all(w.lower() not in _PLAIN_MODIFIERS for w in words)


def counted_relation(text: str, end: int) -> bool:
    """Whether a relational noun ending at ``end`` counts its relatives ("the grandfather
    of four", "the mother-of-two"): a description of the one named, no one's relative."""
    return _COUNTED.match(text, end, min(len(text), end + 12), concurrent=False) is not None


def counted_phrase(phrase: str) -> bool:
    """Whether a speaker phrase is a description by family ("the father of two", "the
    grandmother-of-five"), which describes the one just named as an age does."""
    if not phrase.lower().startswith("the "):
        return False
    noun = _NOUN.match(phrase, 4)
    return noun is not None and counted_relation(phrase, noun.end())


_ORIGIN = regex.compile(
    r"(?i:the) \p{Lu}[\p{L}.]*+(?: \p{Lu}[\p{L}.]*+)?-born(?: \p{Ll}[\p{Ll}-]*+){1,2}")
"""A description by where someone was born: "the Argentine-born conductor", "the
Lagos-born artist", "the New York-born chef"."""


def origin_phrase(phrase: str) -> bool:
    """Whether a speaker phrase describes someone by birthplace ("the Argentine-born
    conductor"), which describes the one just named as an age does."""
    return _ORIGIN.fullmatch(phrase) is not None


_AGENT = regex.compile(r"(?i:the) (\p{Ll}{4,}er)")
"""A description by what someone does: "the shearer", "the driver", "the teacher"."""
_AGENT_REACH = 400
"""How far back the verb that names the job may stand (about a paragraph)."""


def agent_phrase(text: str, phrase: str, position: int) -> bool:
    """Whether a speaker phrase names someone by the verb a sentence just before said they
    do: "Tumelo Sehloho, 24, shears for the association ... '...,' the shearer said"
    ("shears", "drives", "teaches" for "shearer", "driver", "teacher")."""
    agent = _AGENT.fullmatch(phrase)
    if agent is None:
        return False
    noun = agent[1]
    before = text[max(0, position - _AGENT_REACH) : position]
    return any(f" {verb} " in before
               for verb in (noun[:-2] + "s", noun[:-1] + "s", noun[:-2] + "es"))


def member_phrase(phrase: str) -> bool:
    """Whether a speaker phrase describes a party's member ("the Ohio Republican", "the
    Liberal Democrat"), which describes the one just named as an age does."""
    words = phrase.split()
    return 1 < len(words) <= _MEMBER_PHRASE_WORDS and words[0].lower() == "the" and (
        words[-1].lower() in _PARTY_MEMBERS)


def paragraph_subject(sal: Salience, m: Mention, *, across: bool = False,
                      alone: bool = False) -> int | None:
    """The named person who is the subject of the narrative sentence right before the one of
    ``m``, in ``m``'s paragraph, when ``m`` may refer to them; else None. ``across``: that
    sentence may also close the paragraph before, when ``m``'s opens its own (a quote
    paragraph ending '... said the 52-year-old.' after the one that named him). ``alone``:
    only when that sentence names no other person ("Mia Lund and Ola Berg trained")."""
    if sal.weights is None:
        sal.make_weights(0)  # the sentence tables read below, and no weights yet
    here = sal.sentence_of(m.span.start)
    starts = sal.paragraph_starts
    paragraph = bisect_right(starts, m.span.start) - 1
    if paragraph < 0 or here < 1 or sal.sentence_starts[here - 1] < starts[paragraph] and not (
        across and paragraph > 0 and sal.sentence_starts[here] <= starts[paragraph]
        and sal.sentence_starts[here - 1] >= starts[paragraph - 1]
    ):
        return None
    ents = sal.ents
    k = sal.outside_position(bisect_right(ents.index.starts, m.span.start - 1))
    tables = sal.make_weights(k)  # made as far as this scan looks back (at least k)
    subject = -1
    while k > 0 and sal.outside_sentence[k - 1] >= here - 1:
        k -= 1
        table = tables[k]
        if sal.outside_sentence[k] == here - 1 and table is SUBJECT_WEIGHTS:
            subject = k
    if subject < 0:
        return None
    c = _person_of(sal, sal.outside[subject])
    if c is None and subject + 1 < len(sal.outside) and (
        sal.outside_sentence[subject + 1] == here - 1
    ):  # "Harbour ward councillor Tom Ashby": a place before an office in lower case
        index = ents.index
        between = ents.text[index.mentions[sal.outside[subject]].span.end
                            : index.mentions[sal.outside[subject + 1]].span.start]
        words = between.split()
        if _OFFICE.fullmatch(between) is not None and _office_word(ents.lexicon, words[-1]):
            c = _person_of(sal, sal.outside[subject + 1], titled=True)
    if c is None:  # "Among the analysts on the call was Meera Pillai": the subject after
        c = _inverted_subject(sal, subject, here - 1)
    if c is None:
        return None
    if alone:
        k = subject + 1
        while k < len(sal.outside) and sal.outside_sentence[k] == here - 1:
            if _person_of(sal, sal.outside[k]) not in (None, c):
                return None  # "Mia Lund and Ola Berg trained together."
            k += 1
    return c if compatible(m, ents.clusters[c]) else None


def _office_word(lexicon: Lexicon, word: str) -> bool:
    """Whether ``word`` ends an office before a name ("ward councillor", "county sheriff"):
    a person's role noun or a title, not a verb or preposition ("Bush went after Trump")."""
    role = lexicon.role_nouns.get(word)
    return role is not None and role.type == "person" or word in lexicon.titles


def _person_of(sal: Salience, i: int, titled: bool = False) -> int | None:
    """The entity of mention ``i`` when it is a named person (by type or by the words
    around its name; ``titled``: a person's role noun stands right before it, "pensioner
    Nuala Byrne", so a name of no known kind that is no place or thing is one too)."""
    ents = sal.ents
    c = ents.of[i]
    if c is None:
        return None
    cluster = ents.clusters[c]
    if not cluster.cues_read and cluster.type == "unknown":
        ents.read_cues(cluster)
    person = cluster.type == "person" or cluster.person_cue or titled and (
        cluster.type == "unknown" and not cluster.place_cue and not cluster.thing_cue)
    return c if cluster.named and person else None


def _inverted_subject(sal: Salience, k: int, sentence: int) -> int | None:
    """The named person right after "was" or "were" in ``sentence`` (from its ``k``-th
    mention outside quotes on), the subject of a predicate put first: "Among those trapped
    was X", "Also present was X", "Leading the march was X"."""
    ents, outside = sal.ents, sal.outside
    while k < len(outside) and sal.outside_sentence[k] == sentence:
        at = ents.index.mentions[outside[k]].full_span.start
        if ents.text.endswith(_INVERTING, 0, at):
            return _person_of(sal, outside[k])
        office = _INVERTED_OFFICE.search(ents.text, max(0, at - 60), at, concurrent=False)
        if office is not None and _office_word(ents.lexicon, office.group(1)):
            return _person_of(sal, outside[k], titled=True)  # "was pensioner Nuala Byrne"
        k += 1
    return None


def object_pronoun_at(sal: Salience, pronoun: tuple[str, str], position: int) -> int | None:
    """The entity "him" or "her" at ``position`` refers to, as "he" or "she" (``pronoun``:
    the subject form and its gender) would be resolved there; it is no mention (only
    subjects are), and every mention before it must be resolved."""
    index = sal.ents.index
    k = bisect_right(index.starts, position - 1)
    if k == 0:
        return None
    head, gender = pronoun
    like = index.mentions[k - 1]._replace(span=Span(position, position + len(head)),
                                          kind="pronoun", label="PERSON", head=head,
                                          gender=gender)
    scores = sal.candidates(k, like)
    return best_of(scores) if scores else None


_NOT_SUBJECT = (" by ", " to ", " from ", " of ", " for ", " with ")
"""Before a name that is no subject: "In a letter, seen by Reuters, the union said"."""

_AUTHOR_GAP = regex.compile(
    r",? (?:(?:which|that) (?:was|were) |was )?(?:(?:sent|signed|written|issued|released|"
    r"drafted|circulated|posted|penned|co-signed)(?: [\p{L}\d]+,?){0,4} )?(?:by|from) (?:the )?"
    r"(?:\p{Lu}[\p{L}.'’-]* (?:(?:for|of|and) )?){0,5}")
"""Between a document and its author: "a report by the water department", "The letter,
sent last week by", "the memo, which was signed by Provost" (an office's words, without
the author's own title, may end it)."""
_OWNER_END = ("'s ", "’s ", "' ", "’ ")
_ROLE_WORDS = regex.compile(r"(?:\p{Ll}[\p{Ll}-]* ){0,3}")
"""The role between an owner and the author's name: "trading director " in "Fairway's
trading director Gavin Hollis-Pryce"."""


def earlier_author(sal: Salience, i: int, view: int) -> int | None:
    """Who wrote the document "the report" (mention ``i``) takes up, from where the text
    brought it in (the nearest earlier mention of its noun, within ``view`` characters, or
    ``i`` itself): "a report by the provincial water department" (its author, named or
    not), "the memo, which was signed by Dr. X", or "In a letter to the committee, the
    managing director, X, blamed ..." (the subject of the sentence the document's phrase
    opens). Every mention before ``i`` is resolved."""
    ents = sal.ents
    index = ents.index
    m = index.mentions[i]
    for j in range(i, -1, -1):
        earlier = index.mentions[j]
        if m.span.start - earlier.span.start > view:
            return None
        if earlier.kind != "nominal" or earlier.head != m.head and not earlier.head.endswith(
            " " + m.head
        ):  # "In a written statement, X said ... the statement said"
            continue
        author = author_mention(ents.text, index.mentions, j, i)
        if author is not None and ents.of[author] is not None:
            return ents.of[author]
        if j < i:
            return _opened_subject(sal, j)
    return None


def author_mention(text: str, mentions: Sequence[Mention], j: int, i: int) -> int | None:
    """The mention of the author that the document ``j`` names right after it ("by the
    water department", ", sent by Fairway's trading director Gavin Hollis-Pryce,"), or
    None. After the quote's own document ``i``, only a name (already resolved) counts."""
    k = j + 1
    if k >= len(mentions) or k == i or _AUTHOR_GAP.fullmatch(
        text, mentions[j].span.end, mentions[k].full_span.start
    ) is None:
        return None
    owner_end = mentions[k].span.end
    owner = next((e for e in _OWNER_END if text.startswith(e, owner_end)), "")
    if owner and k + 1 < len(mentions) and k + 1 != i and _ROLE_WORDS.fullmatch(
        text, owner_end + len(owner), mentions[k + 1].full_span.start
    ) is not None:
        k += 1  # the owner's role holder wrote it, not the owner
    if k > i and mentions[k].kind != "name":
        return None
    return k


def _opened_subject(sal: Salience, j: int) -> int | None:
    """The subject of the sentence whose opening phrase "In a letter ...," holds document
    ``j``, or None when the document stands elsewhere."""
    ents = sal.ents
    start = ents.index.mentions[j].span.start
    if sal.weights is None:
        sal.make_weights(0)  # the sentence tables (no weight is read here)
    s = sal.sentence_of(start)
    opening = ents.text[sal.sentence_starts[s] if s >= 0 else 0 : start].strip("\"“‘' \n")
    if opening != "In":
        return None
    comma = ents.text.find(", ", start, sal.sentence_end(s))
    k = sal.outside_position(j + 1)
    while comma >= 0 and k < len(sal.outside) and sal.outside_sentence[k] == s:
        after = ents.index.mentions[sal.outside[k]].full_span.start
        if after > comma and not ents.text.endswith(_NOT_SUBJECT, 0, after):
            return ents.of[sal.outside[k]]
        k += 1
    return None


_DESCRIBED_MIN_SCORE = 2.0
"""A description's person must be about as salient as the subject of the sentence before."""
_DESCRIBED_LEAD = 1.5
"""... and this many times as salient as the next person."""
_DESCRIBED_ALONE_MIN_SCORE = 1.0
"""The same when no other person is in view: one named a paragraph back will do."""


def described_person(ents: Entities, scores: dict[int, float]) -> int | None:
    """"The affable proprietor", "the veteran": a description of someone, not a new person
    (no earlier "a proprietor", not a relation such as "the lawyer"), is the named person
    it agrees with when one stands out: the subject of a recent sentence, well ahead of any
    other (among several people just named, a reader could not tell either)."""
    people = sorted(((s, c) for c, s in scores.items() if is_person(ents.clusters[c])),
                    reverse=True)
    if not people or people[0][0] < (
            _DESCRIBED_MIN_SCORE if len(people) > 1 else _DESCRIBED_ALONE_MIN_SCORE) or len(
            people) > 1 and (
        people[1][0] * _DESCRIBED_LEAD > people[0][0]
    ):
        return None
    # "a middle-aged cashier ... said the woman": the unnamed person just introduced is the
    # one described, and no name is known for her
    best = people[0][1]
    return best if ents.clusters[best].named else None


def is_person(c: Cluster) -> bool:
    """Whether a named entity is a person: by type, or by the words around its name."""
    return c.type == "person" or c.named and c.person_cue


def described_at(sal: Salience, position: int) -> int | None:
    """The person a description that is no mention ("the 19-year-old") refers to at
    ``position``, as :func:`described_person` decides; every mention before it must be
    resolved."""
    index = sal.ents.index
    k = bisect_left(index.starts, position)
    if k == 0:
        return None
    like = index.mentions[k - 1]._replace(span=Span(position, position + 1), kind="nominal",
                                          label="PERSON", head="", gender="-")
    subject = paragraph_subject(sal, like)  # "X was blunt. "...," the 52-year-old said"
    if subject is None:  # "A shopkeeper, Desmond Palmer, said ...¶ "...," said the 52-year-old."
        subject = paragraph_subject(sal, like, across=True)
    if subject is not None:
        return subject
    return described_person(sal.ents, sal.candidates(k, like))


_POSTING = regex.compile(
    r"\b(?:"
    + "|".join(regex.escape(row["phrase"].strip()) for row in read_table("posting_words"))
    + "|"
    + "|".join(regex.escape(row["name"].strip()) for row in read_table("platforms")
               if row["ambiguous"] == "no")
    + r")\b")
"""What says a sentence is about a post, a page or a message: a word or phrase of
``data/posting_words.tsv``, as written ("posted a video", "emailed residents", "X" only as
"X account"), or a platform of ``data/platforms.tsv`` ("on its Facebook page")."""


def poster_before(sal: Salience, m: Mention) -> int | None:
    """The entity of the subject of the sentence right before document ``m``'s ("the post",
    "the caption"), when that sentence is about posting or a page: "Kittiwake's crew posted
    a video on Instagram. '...,' read the caption." The sentence before is in ``m``'s
    paragraph, or ends the paragraph before when ``m``'s sentence (its quote) opens its own,
    as posts are often set out: "The band posted a photograph on Facebook.¶'...,' the post
    read." None otherwise."""
    if sal.weights is None:
        sal.make_weights(0)
    here = sal.sentence_of(m.span.start)
    paragraph_start = sal.paragraph_start_of(m.span.start)
    if here < 1 or paragraph_start < 0 or sal.sentence_starts[here - 1] < paragraph_start and (
            sal.sentence_starts[here] != paragraph_start
            or sal.sentence_starts[here - 1] < sal.paragraph_start_of(paragraph_start - 1)):
        return None
    text = sal.ents.text
    if _POSTING.search(text, sal.sentence_starts[here - 1], sal.sentence_starts[here]) is None:
        return None
    k = sal.outside_position(bisect_right(sal.ents.index.starts, m.span.start - 1))
    tables = sal.make_weights(k)
    subject = None
    mentions = sal.ents.index.mentions
    while k > 0 and sal.outside_sentence[k - 1] >= here - 1:
        k -= 1
        j = sal.outside[k]
        if sal.outside_sentence[k] == here - 1 and tables[k] is SUBJECT_WEIGHTS and (
                _POSTING.fullmatch(text, mentions[j].span.start, mentions[j].span.end) is None):
            subject = j  # (not "Instagram", the page the post is on)
    if subject is None or not sal.ents.resolved[subject]:
        return None
    return sal.ents.of[subject]
