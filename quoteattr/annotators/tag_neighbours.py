"""What the words around a tagger's span say of it, for :mod:`.tag_context`.

Each test reads the text right before or after one tagged span: an office's title before
a body's name ("Leader of the Opposition"), a role noun ("her husband, Conor"), a person's
description or age after a given name ("Marcus, a junior who works ...", "Amira, 23,"), a
party member's description ("the Ohio Republican"). They are kept apart from the rules
that apply them (:func:`.tag_context.mend_types`), which ask them only of the few spans
whose own words call for it.
"""

from __future__ import annotations

import re

import regex

from ..lexicon import Lexicon
from ..spans import Span
from .embedded import MEMBER_WORDS, PARTY_MEMBERS
from .name_evidence import APPOSITIVE_AFTER, RELATIVE_AFTER, beside_speech_verb
from .name_words import word_before
from .own_names import finder_for

AGE_AFTER = re.compile(r", \d{1,3}[,.]")
"""A person's age in apposition right after the name ("Amira, 23,")."""
_INITIALS = frozenset(f"{letter}. " for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
OFFICE_JOINTS = ("of the ", "for the ", "of ", "for ")
"""What ends right before a body or portfolio named in an office's title ("Leader of the
Opposition", "Cabinet Secretary for Trade")."""


def surname_read_as_people(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a one-word NORP span is a surname after a given name the tagger missed
    ("Rosette Pambakian", an Armenian surname read as a people): the word is no people's,
    party's or group's word of the lexicon, the word before it is a capitalised word of
    letters that is neither, and the two are described as a person ("..., a
    spokeswoman,"), given an age or stand beside a speech verb ("Sunni Muslim" has none
    of these)."""
    low = text[start:end].lower()
    if " " in low or low in lexicon.title_modifiers or low in PARTY_MEMBERS or (
            low in lexicon.group_nouns) or low.endswith("s"):
        return False
    before = word_before(text, start, 30)
    if not (before[:1].isupper() and before.isalpha() and before[1:].islower()
            and before.lower() not in lexicon.title_modifiers
            and before.lower() not in lexicon.function_words
            and not lexicon.is_title(before.lower())):
        return False
    return described_as_person(text, end, lexicon) or AGE_AFTER.match(
        text, end) is not None or beside_speech_verb(
            text, start - 1 - len(before), end, lexicon)


def office_before(text: str, start: int, lexicon: Lexicon) -> int:
    """Where an office's "<title> of", "<title> for" or "<title> of the" that ends right
    before ``start`` begins ("Leader of the", "Cabinet Secretary for"), -1 when none
    does: the span names the body or portfolio the office is of, and maybe its holder
    after it."""
    joint = next((j for j in OFFICE_JOINTS if text.endswith(j, 0, start)), "")
    of = start - len(joint) if joint else -1
    if of < 1 or text[of - 1] != " ":
        return -1
    title = word_before(text, of)
    role = lexicon.role_nouns.get(title.lower())
    if lexicon.is_title(title.lower()) or role is not None and role.type == "person":
        return of - 1 - len(title)
    return -1


def holder_at_end(text: str, office: int, start: int, end: int,
                   lexicon: Lexicon) -> int | None:
    """Where the person closing the span starts, with the initials before the finder's
    name ("R. Venkatesh Naidu"), when a body's word or more comes before it; else None.
    The built-in finder reads the office and the span ("Leader of the Opposition Anvitha
    Rao"), so that it cuts the office off; it walks every capitalised word it is given."""
    body = start + 4 if text.startswith(("the ", "The "), start) else start
    names = finder_for(lexicon)._entities(text[office:end], (Span(0, end - office),))  # noqa: SLF001
    if not names or names[-1].label != "PERSON" or names[-1].span.end != end - office:
        return None
    at = office + names[-1].span.start
    while text[at - 3 : at] in _INITIALS and text[at - 4 : at - 3] == " ":
        at -= 3  # "R. " before "Venkatesh Naidu"
    return at if at > body and text[at - 1] == " " else None


def capitalised_owner(text: str, at: int) -> bool:
    """Whether the word before ``at`` (where its possessive 's starts) has a capital: a
    party's or firm's name ("Sinn Féin's"), not "the council's"."""
    words = text[max(0, at - 40) : at].rsplit(None, 1)
    return bool(words) and words[-1][:1].isupper()


def party_member(text: str, start: int, end: int) -> int:
    """Where a party member's description starts ("the Republican", "the Ohio Republican",
    with "Ohio" maybe tagged apart): three capitalised words at most after "the", the last
    a member's noun, as the built-in finder reads it (:data:`.embedded.PARTY_MEMBERS`);
    -1 when the span ends no such description."""
    words = text[start:end].split()
    if not words or words[-1].lower() not in PARTY_MEMBERS:
        return -1
    at = start
    before = text[max(0, start - 40) : start].split(" ")[:-1]
    while before and len(words) < MEMBER_WORDS and before[-1][:1].isupper() and (
        before[-1].lower() != "the"
    ):
        words.insert(0, before.pop())
        at -= len(words[0]) + 1
    if len(words) <= MEMBER_WORDS and before and before[-1].lower() == "the":
        return at
    return -1


def role_before(text: str, start: int, lexicon: Lexicon, kind: str) -> bool:
    """A role noun of ``kind`` ("person", "organization") one space before ``start``,
    maybe with its comma: "the tenants' alliance Mieterbündnis Ost", "her husband, Conor"."""
    last = text[start - 2 : start - 1]  # a lower-case word's last letter, or its comma
    if not (last.islower() or last == ","):
        return False
    word = word_before(text, start).removesuffix(",")
    role = lexicon.role_nouns.get(word) if word.isalpha() and word.islower() else None
    return role is not None and role.type == kind


def described_as_person(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether a person is described right after ``end``: a relative clause ("Marcus, who
    asked that only his first name be used") or an appositive that a person's role noun or
    "who" closes before any body's or place's noun ("Marcus, a junior who works at the
    hall", "Aoife, the youngest nurse"; not "Chelsea, a club that", "Lincoln, a city")."""
    if text.startswith(RELATIVE_AFTER, end):
        return True
    if not text.startswith(APPOSITIVE_AFTER, end):
        return False
    for word in text[end + 2 : end + 80].split()[1:7]:
        low = word.rstrip(",.;:").lower()
        if low == "who":
            return True
        role = lexicon.role_nouns.get(low)
        if role is not None:
            return role.type == "person"
        if word[-1:] in ",.;:":
            return False
    return False


_BODY_HEAD_FOLLOWERS = frozenset({
    "that", "which", "whose", "behind", "based", "founded", "set", "run", "owned", "formed",
    "registered", "created", "in", "from", "with", "for", "of",
})
"""Words after a body's noun that end the appositive's noun phrase ("the company that
built the tunnel", "a cooperative based in Suva"); a noun there ("a company director")
makes the body's noun a modifier of a person's role."""


def described_as_body(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether an appositive right after ``end`` says the name is a body's: its head is
    an organisation's role noun ("Tunnilsfelagið, the company that built the tunnel,",
    "Vaka, a cooperative based in Suva"); not "Mary Ola, a company director" nor "Olsen,
    the firm's founder"."""
    if not text.startswith(APPOSITIVE_AFTER, end):
        return False
    words = text[end + 2 : end + 80].split()[1:6]
    for at, word in enumerate(words):
        low = word.rstrip(",.;:")
        role = lexicon.role_nouns.get(low.lower()) if low.isalpha() and low.islower() else None
        if role is not None:
            if role.type != "organization":
                return False
            return low != word or at + 1 < len(words) and words[at + 1] in _BODY_HEAD_FOLLOWERS
        if word[-1:] in ",.;:":
            return False
    return False


NICKNAMED = re.compile(r"[\"“‘'](?:The )?([^\W\d_][\w-]*)[\"”’'] ([^\W\d_][\w'’-]*[^\W\d_])")
"""A one-word nickname in quotation marks (maybe after "The"), then the surname:
Callum "The Comet" Rowe, Mateus "Vulto" Ferraz (groups 1 and 2; a space and the given
name stand before, and both groups open with a capital: :func:`nicknames_mended`). In
``re``, opening with the marks' class: the scan skips to the next mark."""


def nicknames_mended(text: str, tagged: list[tuple[str, int, int]]
                     ) -> list[tuple[str, int, int]]:
    """``tagged`` with each nicknamed name (:data:`NICKNAMED` after a capitalised word) a
    person's three words: a tagger reads the marks as a title's and draws its spans across
    them ("Callum" ORG, 'The Comet" Rowe 6-5' WORK_OF_ART); coreference joins the three
    into one person (:mod:`quoteattr.coref.nicknames`)."""
    if not _may_close_nickname(text):
        return tagged  # most texts: no scan of every character for the marks' class
    nicknames: set[str] = set()
    for found in NICKNAMED.finditer(text):
        given = found.start() - 1  # the space before the opening mark
        if given < 1 or text[given] != " " or not (
                found[1][0].isupper() and found[2][0].isupper()):
            continue
        while given > 0 and text[given - 1].isalpha():
            given -= 1
        if given == found.start() - 1 or not text[given].isupper():
            continue
        end = found.end()
        nicknames.add(found.group(1))
        if ("PERSON", given, end) in tagged:
            continue  # read whole, as a person: the marks stay inside the name
        words = [("PERSON", given, found.start() - 1), ("PERSON", *found.span(1)),
                 ("PERSON", *found.span(2))]
        kept = [span for span in tagged if span[2] <= given or span[1] >= end]
        tagged = sorted(kept + words, key=lambda span: span[1])
    if nicknames:  # "The Hammer said", tagged a work's title: the nickname alone
        tagged = [("PERSON", end - len(text[start:end].removeprefix("The ")), end)
                  if text[start:end].removeprefix("The ") in nicknames else (kind, start, end)
                  for kind, start, end in tagged]
    return tagged


_CLOSINGS = ('" ', "” ", "’ ", "' ")
"""A nickname's closing mark and the space before the surname (:data:`NICKNAMED`)."""


def _may_close_nickname(text: str) -> bool:
    """Whether some closing mark and space stand between a word character (or hyphen) and
    a capital: what every nickname :func:`nicknames_mended` takes has ('"The Comet" Rowe').
    Each mark is found by ``str.find`` (a C scan of a few instructions a character), where
    :data:`NICKNAMED`'s scan tests every character against its opening class; about one
    news text in six has such a mark, and only those are scanned."""
    for closing in _CLOSINGS:
        at = text.find(closing, 1)
        while at >= 0:
            if text[at + 2 : at + 3].isupper() and (
                    text[at - 1].isalnum() or text[at - 1] in "_-"):
                return True
            at = text.find(closing, at + 1)
    return False


def all_modifiers(phrase: str, lexicon: Lexicon) -> bool:
    """Every word a party's or nation's adjective ("Liberal Democrat")."""
    return all(w.lower() in lexicon.title_modifiers for w in phrase.split())


def office_between(text: str, tagged: list[tuple[str, int, int]], n: int,
                   lexicon: Lexicon) -> bool:
    """Whether tagged span ``n`` (a body's or place's) is the portfolio of an office between
    it and the tagged person right after: "Transport" (ORG) of "said Transport Minister
    Joseph Azzopardi", "Defence" of "Defence Secretary X" (the finder reads the office as
    the person's title)."""
    if n + 1 >= len(tagged) or tagged[n + 1][0] not in ("PERSON", "PER"):
        return False
    office = text[tagged[n][2] + 1 : tagged[n + 1][1]]
    return office.endswith(" ") and office[:-1].lower() in lexicon.titles


AGE_DESCRIBED = re.compile(r", \d{1,3}, (?:a|an|the|who|from|of)[ ,]")
"""An age and then a description after a name: ", 34, a delivery driver", ", 52, who":
only a person's (a place or a body has no age)."""
_ROLE_BEFORE_COMMA = re.compile(r"\b([a-z]+)(?: (?:for|of|at|in|on|with) [^,.;:]{1,30})?\Z")
"""A role noun before an appositive's comma, maybe with its place or body after it:
"field officer for the area"."""


def person_role_before(text: str, comma: int, lexicon: Lexicon, given_first: bool = False
                       ) -> bool:
    """Whether a person's role noun stands before ``comma`` ("The cooperative's field
    officer for the area, Agostinho Belo,"), so the name after it is a person's. With
    ``given_first`` (the name opens with a known given name), so does a noun the lexicon
    does not know, as a local office often is ("The commune's bourgmestre, Carole
    Weyland-Reuter,"); not a body's role noun ("Its lender, Morgan Stanley,")."""
    found = _ROLE_BEFORE_COMMA.search(text, max(0, comma - 50), comma)
    if found is None:
        return False
    role = lexicon.role_nouns.get(found[1])
    if role is None:
        return given_first and found[1] not in lexicon.function_words and (
            text[found.start() - 1 : found.start()] == " ")
    return role.type == "person"


_ROLE_GAP = regex.compile(r" \p{Ll}+ ")
"""One lower-case word between a capitalised role and the name it leads ("vet")."""
_PERSON_TYPES = frozenset({"PERSON", "PER"})


def role_before_person(text: str, tagged: list[tuple[str, int, int]], n: int,
                        lexicon: Lexicon) -> bool:
    """Whether person ``n`` is one word that is no name (a role noun or a word the lexicon
    says names no one: "Locum") leading, with one lower-case word, the person tagged next:
    "Locum vet Anika Voss"."""
    _, start, end = tagged[n]
    if n + 1 >= len(tagged) or tagged[n + 1][0] not in _PERSON_TYPES or " " in text[start:end]:
        return False
    low = text[start:end].lower()
    return (low in lexicon.not_names or low in lexicon.role_nouns) and low not in (
        lexicon.first_names) and _ROLE_GAP.fullmatch(text, end, tagged[n + 1][1]) is not None


__all__ = ["AGE_AFTER", "AGE_DESCRIBED", "OFFICE_JOINTS", "all_modifiers", "capitalised_owner",
           "described_as_body", "described_as_person", "holder_at_end", "nicknames_mended",
           "NICKNAMED", "office_before", "office_between", "party_member",
           "person_role_before", "role_before", "role_before_person", "surname_read_as_people"]
