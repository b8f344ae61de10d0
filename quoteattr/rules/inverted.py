"""Finding the speaker after an inverted cue: ``said Peter Morgan``, ``says Okafor's
partner, Lena Marsh``, ``said a spokesperson for Metro Transit, Jill Nguyen``.

Split from :mod:`.speakers` (the subject before a cue): these helpers read what follows a
cue, where the first name is not always the speaker (a possessor, an employer, a role).
"""

from __future__ import annotations

import regex

from ..lexicon import Lexicon, word_list
from ..mentions import Mention
from ..spans import Span
from .base import RuleInput, SpeakerPhrase

_LEAD_WORD = regex.compile(r"[\p{L}\p{N}./'’-]+")

def is_title_lead(lead: str, lexicon: Lexicon) -> bool:
    """True for the words between an inverted cue and the name in "said Nordic Council
    President Eva Lindqvist", "said former bank executive Dana Whitlow" or "said founder
    and CEO Priya Raman" (two titles joined by "and")."""
    words = lead.split()
    if "and" in words[1:] and len(words) <= 7:  # "said co-founder and chief executive X"
        joint = words.index("and", 1)
        first, rest = words[:joint], words[joint + 1 :]
        low = first[-1].lower()
        return all(_LEAD_WORD.fullmatch(w) for w in first) and (
            low in lexicon.titles or low in lexicon.role_nouns) and (
            not rest or is_title_lead(" ".join(rest), lexicon))
    if not words or len(words) > 5 or any(not _LEAD_WORD.fullmatch(w) for w in words):
        return False
    last = words[-1]
    # "said Republican political consultant Chris Russell": the words end in a title
    return last[0].isupper() or last.lower() in lexicon.titles or (
        last.lower() in lexicon.role_nouns or last.lower() in lexicon.title_modifiers
    )

_COMMON_LEAD = regex.compile(r"(?:\p{Ll}[\p{Ll}-]*\s+){1,3}")


def is_common_noun_lead(lead: str, lexicon: Lexicon) -> bool:
    """True for one to three lower-case words naming a person's job before their name:
    "said retired neurosurgeon" Ben Carson, "says longtime volunteer" Ana Ruiz; not "said
    goodbye to" or "said quietly"."""
    if not _COMMON_LEAD.fullmatch(lead):
        return False
    words = lead.split()
    return not any(w in lexicon.function_words or w.endswith("ly") for w in words)


_ARTICLE_LEAD = regex.compile(r"(?:[Aa]n?|[Tt]he)\s+((?:\p{Ll}[\p{Ll}-]*\s+){1,2})")


def is_adjective_lead(lead: str, lexicon: Lexicon) -> bool:
    """True for an article and one or two describing words before a person's name: "said a
    defiant" Mr Obi, "said an emotional" Ana Ruiz; not a role ("an attorney representing"),
    a relation ("a friend of") nor a comparison that sets apart another bearer of the name
    ("the younger", "the other", "the eldest" Mr. Trump)."""
    match = _ARTICLE_LEAD.fullmatch(lead)
    if match is None:
        return False
    return not any(
        w in lexicon.function_words or w in lexicon.role_nouns or w in lexicon.group_nouns
        or w in lexicon.relational_nouns or w.endswith(("er", "est"))
        for w in match.group(1).split()
    )


_EPITHETS = frozenset(word_list("name_epithets"))
"""Fiction's "says old Ebb Mather", "said young Davie": before a character's own name, which
a novel may give though no given-name list knows it (so the name is no known PERSON)."""

_OWNER_GAP = regex.compile(r"(?:['’]s?)?\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}")
"""Between an organisation and its person: "Eastmoor('s) head coach" Helen Stroud."""


def _generic_np(kind: str) -> str:
    """The words of ``data/generic_np_words.tsv`` of one kind, as alternatives (whole words)."""
    rows = zip(word_list("generic_np_words"), word_list("generic_np_words", "kind"), strict=True)
    return "|".join(word for word, k in rows if k == kind)


_MAX_NP_WORDS = 6
"""The most words :data:`_GENERIC_NP_AFTER` takes after the determiner."""
_GENERIC_NP_AFTER = regex.compile(
    rf"\s*((?:{_generic_np('determiner')})(?:\s+(?:(?!(?:{_generic_np('stop')})\b)"
    rf"[\p{{L}}\p{{N}}'’-]+\s*){{1,{_MAX_NP_WORDS}}}|(?=[ \t]*[,.;:!?—–])))",
    regex.IGNORECASE,
)
"""A generic noun phrase after an inverted verb: a determiner, then up to six words before a
stop word (``data/generic_np_words.tsv``), or the determiner alone before a stop ("said
another.", "said one, a tall man")."""
_TIME = frozenset(_generic_np("time").split("|"))
_TIME_LEAD = frozenset((_generic_np("time_lead") + "|" + _generic_np("determiner")).split("|"))
_LY_NOUNS = frozenset(_generic_np("ly_noun").split("|"))
_NP_WORD = regex.compile(r"[\p{L}\p{N}'’-]+")


def _np_end(text: str, start: int, end: int) -> int:
    """Where a generic noun phrase ends once the words after its noun are dropped: an adverb
    in -ly ("said the curate meekly") and a time ("said the warden one morning", "said the
    porter yesterday"), which fiction puts after an inverted verb's subject."""
    words = list(_NP_WORD.finditer(text, start, end))
    last = words[-1].group().lower()
    if len(words) >= 3 and last in _TIME:
        words.pop()
        if len(words) >= 3 and words[-1].group().lower() in _TIME_LEAD:
            words.pop()
    elif len(words) >= 3 and last.endswith("ly") and last not in _LY_NOUNS:
        words.pop()
    if len(words) == _MAX_NP_WORDS + 1 and text[end : end + 1].isalpha() and (
            cut := next((i for i, w in enumerate(words) if i >= 2
                         and w.group().lower() in _CUT_OFF), 0)):
        words = words[:cut]  # cut off inside "a voice from the top of the table": "a voice"
    return words[-1].end()

_CUT_OFF = frozenset({"of", "from", "to", "for", "by"})
"""Prepositions a noun phrase cut off at its last word is cut before instead."""

_PASSIVE_BEFORE = regex.compile(r"\b(?:was|were|been|being|is|are|am)\s+(?:\p{Ll}+ly\s+)?\Z")
_BY = regex.compile(r"\s+by\s+")


def passive_agent(inp: RuleInput, cue: Span, ceiling: int) -> SpeakerPhrase | None:
    """``Jones was told by Smith``: after a passive cue whose object is the listener, the
    agent after "by" speaks, not the subject."""
    text = inp.text
    if text[cue.start : cue.end] not in inp.lexicon.addressee_verbs:
        return None
    if not _PASSIVE_BEFORE.search(text, max(0, cue.start - 20), cue.start):
        return None
    by = _BY.match(text, cue.end, ceiling)
    return speaker_after(inp, by.end(), ceiling) if by else None


def speaker_after_cue(
    inp: RuleInput, cue: Span, start: int, ceiling: int
) -> SpeakerPhrase | None:
    """:func:`speaker_after` an inverted cue, except after one whose object is the listener
    or what is described: in "told The Canadian Press" or "telling reporters" the noun
    after the cue is spoken to, in "termed the budget" it is described;
    nor after a participle, which never inverts: in "Tran disagreed, saying the city should
    wait" the noun after "saying" begins what was said."""
    word = inp.text[cue.start : cue.end]
    if word in inp.lexicon.addressee_verbs or word in inp.lexicon.describing_verbs or (
        word.endswith("ing")
    ):  # "termed the budget": the thing described
        return None
    return speaker_after(inp, start, ceiling)


def speaker_after(inp: RuleInput, start: int, ceiling: int) -> SpeakerPhrase | None:
    """The speaker phrase right after an inverted cue ("said Caddell", "said a spokesman")."""
    text = inp.text
    pos = start
    while pos < ceiling and text[pos] in " \u00a0":
        pos += 1
    after = inp.mentions.between(pos, min(ceiling + 1, pos + 120))[:4]
    for n, m in enumerate(after):
        lead = text[pos : m.full_span.start]
        if m.full_span.start == pos or is_title_lead(lead, inp.lexicon) or (
            m.kind == "name" and (m.label == "PERSON" or inp.genre == "fiction" and (
                lead.rstrip() in _EPITHETS)) and (
                is_common_noun_lead(lead, inp.lexicon) or is_adjective_lead(lead, inp.lexicon))
        ) or m.title and lead.rstrip().lower() == "the":  # "said the Rev. Peter Wherry"
            person = _named_after(inp, after, n)
            if person is not None:
                return inp.mentions.index_of(person), Span(pos, person.span.end), ""
            if text[m.span.end : m.span.end + 1] in ("'", "’"):
                owned = possessed_end(inp, m.span.end, ceiling)
                if owned is None:
                    return None  # "called Mr. Trump's comments": no speaker here
                return None, Span(pos, owned), text[pos:owned]  # "Okafor's partner"
            return inp.mentions.index_of(m), Span(pos, m.span.end), ""
        break
    match = _GENERIC_NP_AFTER.match(text, pos, ceiling)
    if match:
        span = Span(match.start(1), _np_end(text, match.start(1), match.end(1)))
        named = _name_in_apposition(inp, span.end, ceiling)
        if named is not None:  # "said the gala's host, comedian Ravi Menon"
            return inp.mentions.index_of(named), Span(span.start, named.span.end), ""
        return None, span, text[span.start : span.end]
    return None


_POSSESSOR = regex.compile(r"['’]s?((?:\s+\p{Ll}[\p{L}-]*){1,3})")
"""The possessive and up to three words after a possessor: "Okafor's" partner."""


def possessed_end(inp: RuleInput, start: int, end: int) -> int | None:
    """Where the role after a possessive at ``start`` ends: "Okafor's partner", "the club's
    head coach", "Hargreaves's lawyer" (outside court); None when no role noun follows."""
    match = _POSSESSOR.match(inp.text, start, end)
    if match is None:
        return None
    lex, found, pos = inp.lexicon, None, match.start(1)
    for word in regex.finditer(r"\s+(\S+)", match.group(1)):
        noun = word.group(1).lower()
        if noun in lex.role_nouns or noun in lex.group_nouns:
            found = pos + word.end()
    return found

_PLACE_WORDS = frozenset({"in", "at", "on", "near", "across", "around", "outside", "inside"})
"""Prepositions of place: "officials in Brandon" are officials, not a Brandon."""

_POSSESSIVE_ONLY = regex.compile(r"['’]s?\s+")

_NEXT_LOWER_WORD = regex.compile(r"\s+(\p{Ll}+)\b")

_NAME_AFTER_NOMINAL = regex.compile(r",?\s+\Z")
"""Between a role noun and the name in apposition: "my neighbour(,) Doris Lee"."""

_AFFILIATION_AFTER = regex.compile(r"\s+(?:for|with|at|of|from)\s+(?:the\s+)?\Z")


def _named_after(inp: RuleInput, after: tuple[Mention, ...], n: int) -> Mention | None:
    """The person named right after an inverted speaker phrase that is not itself the
    speaker's name: the organisation in "said Eastmoor manager Helen Stroud", the possessor
    in "says Okafor's partner, Lena Marsh", the role in "says my neighbour Doris Lee" or
    "said a spokesperson for Metro Transit, Jill Nguyen"."""
    m, text = after[n], inp.text
    rest = after[n + 1 :]
    if not rest or m.label == "PERSON" and m.kind == "name" and (
        text[m.span.end : m.span.end + 1] not in ("'", "’")
    ):
        return None
    nxt = rest[0]
    if nxt.label != "PERSON" and len(rest) > 1 and m.kind == "nominal" and (
        _AFFILIATION_AFTER.match(text, m.span.end, nxt.full_span.start)
    ):  # "a spokesperson for Metro Transit, Jill Nguyen"
        org, nxt = nxt, rest[1]
        if text[org.span.end : org.span.end + 1] != "," or nxt.label == "ORG" or (
            not _NAME_AFTER_NOMINAL.match(text, org.span.end, nxt.full_span.start)
        ):
            return None
        return nxt if nxt.kind == "name" else None
    gap = text[m.span.end : nxt.full_span.start]
    if nxt.kind == "name" and _POSSESSIVE_ONLY.fullmatch(gap):
        # "said Canada's Justin Trudeau", "opined Cleveland's Plain Dealer"; not the
        # adjective of "question Sanders' Jewish faith"
        word = _NEXT_LOWER_WORD.match(text, nxt.span.end)
        if word is None or word.group(1) in inp.lexicon.function_words:
            return nxt
        return None
    if nxt.label == "ORG" or nxt.kind != "name":
        return None
    if m.kind == "nominal" and (_NAME_AFTER_NOMINAL.match(gap) or (
        nxt.label == "PERSON" and gap.startswith(", ")
        and is_common_noun_lead(gap[2:], inp.lexicon)
    )):  # "my neighbour Doris Lee", "the gala's host, comedian Ravi Menon"
        return nxt
    owned = possessed_end(inp, m.span.end, nxt.full_span.start)
    if owned is not None and _NAME_AFTER_NOMINAL.match(text, owned, nxt.full_span.start):
        return nxt  # "Okafor's partner, Lena Marsh"
    possessed = _POSSESSOR.match(text, m.span.end, nxt.full_span.start)
    if possessed is not None and nxt.label == "PERSON" and text.startswith(
        ", ", possessed.end()
    ) and (possessed.end() + 2 == nxt.full_span.start or is_common_noun_lead(
        text[possessed.end() + 2 : nxt.full_span.start], inp.lexicon
    )):
        return nxt  # "the mayor's introducer, actor Sam Reyes"
    if m.label != "PERSON" and nxt.label == "PERSON" and _OWNER_GAP.fullmatch(gap) and (
        _PLACE_WORDS.isdisjoint(gap.split())
    ):  # "said Eastmoor manager Helen Stroud": the person speaks; not "officials in Brandon"
        return nxt
    return None


def _name_in_apposition(inp: RuleInput, end: int, ceiling: int) -> Mention | None:
    """The person named right after a noun phrase ending at ``end``: ", comedian Ravi Menon"."""
    if not inp.text.startswith(", ", end):
        return None
    after = inp.mentions.between(end + 2, min(ceiling + 1, end + 60))
    if not after or after[0].label != "PERSON" or after[0].kind != "name":
        return None
    lead = inp.text[end + 2 : after[0].full_span.start]
    if lead and not is_common_noun_lead(lead, inp.lexicon) and not is_title_lead(
        lead, inp.lexicon
    ):
        return None
    return after[0]
