"""Word tests for finding mentions: is this noun a whole word, does a speech verb or an
inverted cue stand next to this name (or after its appositive or relative clause: "A
driver who sought anonymity said"), where do a bare plural's modifiers start.

Split from :mod:`quoteattr.mentions` (which builds the mentions) to keep each module to one
job; these look only at the text and the lexicon.
"""

from __future__ import annotations

import regex

from .lexicon import Lexicon
from .spans import Span

_NEXT_WORD = regex.compile(r"\s+(\p{Ll}+)")


def crosses_verb(text: str, start: int, end: int, speech_verbs: frozenset[str]) -> bool:
    """Whether a speech verb sits among the modifiers between a determiner (at ``start``)
    and its noun (at ``end``)."""
    words = text[start:end].lower().split()
    return len(words) > 1 and not speech_verbs.isdisjoint(words[1:])


def modifiers_start(text: str, at: int, floor: int, modifiers: frozenset[str]) -> int:
    """Where a bare plural's noun modifiers start: up to two lower-case words before it
    that name a body or a rank ("union" leaders, "senior health" officials)."""
    if at < 2 or text[at - 1] != " " or not text[at - 2].islower():
        return at  # most bare plurals: no lower-case word right before
    start = at
    for _ in range(2):
        if start - 2 < floor or text[start - 1] != " ":
            break
        word_start = text.rfind(" ", floor, start - 1) + 1 or floor
        word = text[word_start : start - 1]
        if not word or not word[0].islower() or word not in modifiers:
            break
        start = word_start
    return start


def speech_verb_after(text: str, end: int, lexicon: Lexicon) -> regex.Match[str] | None:
    """The speech verb right after ``end`` (its word is group 1), or None: "Cuban said"."""
    match = _NEXT_WORD.match(text, end, concurrent=False)
    return match if match is not None and match.group(1) in lexicon.speech_verbs else None


def before_speech_verb(text: str, end: int, lexicon: Lexicon) -> bool:
    """"Cuban said": a word that looks like a nationality is a surname before a speech verb."""
    return speech_verb_after(text, end, lexicon) is not None


_INVERTED_CUE_BEFORE = regex.compile(r"[,!?]\s*[\"”’']\s*(\p{Ll}+)\s+\Z")
"""A quote's closing mark and an inverted cue, before a name: ``," said`` Green."""


def after_inverted_cue(text: str, span: Span, lexicon: Lexicon) -> bool:
    """``"...," said Green, who``: a word that looks like a nationality, a party or a title
    is a surname when it stands alone after a cue that follows a quote."""
    end = span.end
    if text[end : end + 1] not in (",", ".") or text[end + 1 : end + 2].isalnum():
        return False
    match = _INVERTED_CUE_BEFORE.search(text, max(0, span.start - 30), span.start,
                                        concurrent=False)
    return match is not None and match.group(1) in lexicon.speech_verbs


def phrase_at(text: str, start: int, phrases: tuple[str, ...]) -> str | None:
    """The longest of ``phrases`` written at ``start`` as whole words, lower-cased."""
    for phrase in phrases:
        end = start + len(phrase)
        if text[start:end].lower() == phrase and not (
            end < len(text) and (text[end].isalnum() or text[end] in "'’-")
            and not _POSSESSIVE_S.match(text, end)
        ):
            return phrase
    return None


_POSSESSIVE_S = regex.compile(r"['’](?:s|S)?(?![\p{L}\p{N}])")
"""A possessive ending after a noun ("the authority's", "the players'"): the noun is
still a whole word."""


_APPOSITIVE = regex.compile(r",(?:[^,.;:!?\"“”\n]|\.(?=\p{L})){1,100},")
"""An appositive after a subject: ", Naseem Bibi," in "Another resident, Naseem Bibi, said"
(a full stop only inside a word: ", A.Zhanar,")."""
_RELATIVE = regex.compile(
    r"(?: (?:on|from|at|in|of|with) [^,.;:!?\"“”\n]{1,50}?)? who(?: [^,.;:!?\"“”\n]{1,100})?")
"""A relative clause after a subject, maybe after a phrase of place or employer: " on the
Thika Road route who sought anonymity for fear of victimisation" said; the clause runs to
the first punctuation, and the speech verb is looked for among its words."""
_RELATIVE_OPENERS = (" who ", " on ", " from ", " at ", " in ", " of ", " with ", " for ")
"""The words a clause of :data:`_RELATIVE` may start with."""
_LOWER_WORD = regex.compile(r" (\p{Ll}+)\b")
_EMPLOYER = regex.compile(r" (?:for|at|with|from|of|on|in) [^,.;:!?\"“”\n]{1,80}")
"""Whom or where an unnamed subject works, before its verb: " for a Scandinavian
retailer" in "A sourcing agent for a Scandinavian retailer said"."""


def verb_after_subject(text: str, end: int, lexicon: Lexicon) -> regex.Match[str] | None:
    """The speech verb of a subject ending at ``end`` after an appositive or relative clause
    between them ("A driver who sought anonymity said"), or None."""
    limit = min(len(text), end + 160)
    follows = text[end : end + 1]
    if follows == ",":
        # up to three appositives in a row: "Her daughter, B.Solongo, 31, a hotel cleaner,
        # said"
        for _ in range(3):
            apposition = _APPOSITIVE.match(text, end, limit, concurrent=False)
            if apposition is None:
                return None
            verb = speech_verb_after(text, apposition.end(), lexicon)
            if verb is not None:
                return verb
            end = apposition.end() - 1  # its closing comma opens the next one
        return None
    if follows != " " or not text.startswith(_RELATIVE_OPENERS, end):
        return None  # cheap tests first: most subjects have neither after them
    clause = _RELATIVE.match(text, end, limit, concurrent=False)
    if clause is None:
        employer = _EMPLOYER.match(text, end, limit, concurrent=False)
        if employer is None:
            return None
        # "A sourcing agent for a Scandinavian retailer said", "... retailer, who ..., said"
        for word in _LOWER_WORD.finditer(text, end + 1, employer.end(), concurrent=False):
            if word.group(1) in lexicon.speech_verbs:
                return speech_verb_after(text, word.start(), lexicon)
        return verb_after_subject(text, employer.end(), lexicon) if text.startswith(
            ",", employer.end()) else None
    who = text.find(" who", clause.start(), clause.end()) + 4
    for word in _LOWER_WORD.finditer(text, who, clause.end(), concurrent=False):
        if word.group(1) in lexicon.speech_verbs and word.start() > who:
            return speech_verb_after(text, word.start(), lexicon)  # not "who said": its own
    return None


_NOUN_AFTER = regex.compile(r" (\p{Ll}[\p{Ll}-]*+)\b")


def modifier_name(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the name at ``start:end`` follows an indefinite article and modifies the
    noun after it ("a Yau Ma Tei tenement", "an Obama appointee"): a lower-case word
    follows that is no speech verb, no past tense and no function word ("a Mr Okafor
    called", "a Mr Okafor who lives")."""
    before = text[max(0, start - 4) : start].lower()
    if not (before.endswith(" a ") or before.endswith(" an ") or before in ("a ", "an ")):
        return False
    word = _NOUN_AFTER.match(text, end, end + 40)
    if word is None:
        return False
    noun = word[1]
    return not (noun in lexicon.speech_verbs or noun.endswith("ed")
                or noun in lexicon.function_words)


_OBJECT_PRONOUNS = {
    "m": regex.compile(r"\bhim\b"),
    "f": regex.compile(r"\bher(?=[.,;:!?]| (?:at|in|on|to|for|with|from|about|as|and|that|by|"
                       r"into|after|before|outside|over)\b)"),
}
"""A man's or a woman's object pronoun ("stopped him", "told her that"), which is no
mention; "her" before a noun is a possessive ("shook her head"), often the subject's own."""


def object_pronoun_after(text: str, start: int, end: int, gender: str) -> bool:
    """Whether an object pronoun that may mean a person of ``gender`` stands between
    ``start`` and ``end`` ("A police officer stopped him."): the one it means is in view
    as well, and may be the one who speaks next. Unknown gender: either pronoun."""
    patterns = (_OBJECT_PRONOUNS[gender],) if gender in _OBJECT_PRONOUNS else tuple(
        _OBJECT_PRONOUNS.values())
    return any(p.search(text, start, end) is not None for p in patterns)
