"""A tagger's entity types mended by the words around each span.

A small statistical tagger (spaCy's ``en_core_web_sm``) reads a name's type from a few
tokens around it, and some of its misreadings follow from the very words that give them
away to a reader:

- a post-nominal after a person's name is no organisation: "Morag Dunlop MSP" tagged
  "Morag Dunlop" PERSON and "MSP" ORG (or one PERSON span holding it);
- "the Liberal Democrat" (tagged "Liberal" ORG and "Democrat" NORP) or "the Ohio
  Republican" is a description of a party's member, not a name (as the built-in finder
  reads it); two adjacent spans of a party's or nation's adjectives are one NORP;
- a name right after "in" is a place ("born in Abeokuta", "queues in Glasgow") that the
  tagger called a person, unless it starts with a given name or is someone's ("in
  Okafor's view");
- a given name alone after a person's role noun or a naming phrase is a person
  ("Keane's son Darragh" tagged PRODUCT, "her husband, Conor," ORG, "gave his name only
  as Ibrahim" ORG);
- a person's span that ends in an organisation's word ("Spreewohn AG") or follows an
  organisation's noun ("the tenants' alliance Mieterbündnis Ost") is an organisation's;
- a given name and surname after a party's or firm's possessive is a person: "Sinn Féin's
  Ruairí Mac Aodha" tagged "Sinn Féin's" PERSON and "Ruairí Mac Aodha" ORG;
- an office named for a body, then its holder, is two names: "Leader of the Opposition
  R. Venkatesh Naidu", "Speaker of the House Nancy Pelosi" tagged as one ORG from "the";
  the holder is the person the built-in finder reads at the span's end;
- a storm's or other natural event's name never speaks ("Tropical Storm Maring", "Typhoon
  Hagupit" tagged ORG or PERSON): it becomes an EVENT, no speaker's name.

:func:`mend_types` applies these to the tagged spans before they are combined with the
built-in finder's names (:func:`.names.combine_entities`). Each rule reads the lexicon's
given names, titles and post-nominals, never a list of particular names.
"""

from __future__ import annotations

from typing import Any

import regex

from ..lexicon import Lexicon
from ..naming_phrases import DESCRIBING, KNOWN_AS_BEFORE, NAMING_BEFORE
from .embedded import PARTY_MEMBERS
from .name_evidence import APPOSITIVE_AFTER
from .name_runs import POST_NOMINALS
from .name_words import (
    LEGAL_FORM_HEADS,
    STORM_WORDS,
    abbreviated,
    is_org_word,
    legal_form_end,
)
from .owner_caches import cache_of
from .tag_neighbours import (
    AGE_AFTER,
    AGE_DESCRIBED,
    OFFICE_JOINTS,
    all_modifiers,
    capitalised_owner,
    described_as_body,
    described_as_person,
    holder_at_end,
    nicknames_mended,
    office_before,
    office_between,
    party_member,
    person_role_before,
    role_before,
    role_before_person,
    surname_read_as_people,
)
from .tagged_spans import capitalised_end

_PERSON = frozenset({"PERSON", "PER"})
_PLACE_LIKE = frozenset({"ORG", "FAC", "GPE", "WORK_OF_ART", "PRODUCT"})
"""Types a tagger gives the person after a possessive ("Sinn Féin's Ruairí Mac Aodha")."""
_NOT_PERSON = _PLACE_LIKE | {"EVENT", "NORP", "LOC"}
"""Types a tagger gives a given name alone after a role ("her husband, Conor," as ORG)."""
_LOOKED_AT = _PERSON | _NOT_PERSON
_POSSESSIVE = ("'s ", "’s ")
_BODY_NAMED = tuple(" " + words for words in DESCRIBING)
"""Between a body's role noun and the name it is given ("a group called Nossa Terra"): the
describing phrases of ``data/naming_phrases.tsv``."""
_NAMED_ENDS = ("name, ", " as ", "named ", "called ")
"""How a naming phrase (``data/naming_phrases.tsv``, or "known to everyone as") may end
before the name it gives."""
_ROLE_REACH = 24
"""How far the next tagged name may start after a role that leads it ("Locum vet ")."""
_NOT_SPEAKING = frozenset({"EVENT", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})


def mend_types(text: str, tagged: list[tuple[str, int, int]],
               lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """``tagged`` (``(type, start, end)`` in text order) with the misreadings of the module
    doc mended; the list itself when nothing changes (most documents).

    Runs once per tagged name of every parsed text, so what a rule asks of the name alone
    is worked out once per name as written (:func:`_facts_of`; a person recurs through an
    article and across articles), and what it asks of the text around is a character test
    first."""
    out: list[tuple[str, int, int]] | None = None
    facts = cache_of(_FACTS, lexicon)
    tagged = nicknames_mended(text, tagged)
    # Bodies' names so far, which a tagger may type a person's later: a company's first
    # word ("Spreewohn" of "Spreewohn AG"), a name mended to a body ("The operator, X,")
    bodies: set[str] = set()
    for n, span in enumerate(tagged):
        kind, start, end = span
        if kind not in _LOOKED_AT:  # a date, a number: nothing to mend (a third of the spans)
            if out is not None:
                out.append(span)
            continue
        name = text[start:end]
        known = facts.get(name)
        if known is None:
            if len(facts) >= _MAX_FACTS:
                facts.clear()
            known = facts[name] = _facts_of(name, lexicon)
        spaced = text[start - 1 : start] == " "  # a word may stand right before the name
        # (Each span is also read for an appositive that may name a body, "Tunnilsfelagið,
        # the company that ...", after a person's span or a place's, last: a body's own
        # span needs no mending.)
        if kind in _PERSON:  # a post-nominal, a body's word; else a place or body's noun before
            looked = known & (_PERSON_FACTS | _STORM) or spaced and not known & _NOT_PLACE and (
                text[start - 2 : start - 1].islower() or text[start - 2 : start - 1] == ","
                or text[start - 4 : start - 1] == " in") or spaced and n > 0 and (
                tagged[n - 1][2] + 1 == start and tagged[n - 1][0] in _PLACE_LIKE
            ) or not known & _NOT_PLACE and text.startswith(APPOSITIVE_AFTER, end) or (
                text[end : end + 1] == " " and text[end + 1 : end + 2].islower()
                and n + 1 < len(tagged) and tagged[n + 1][1] - end < _ROLE_REACH
                and tagged[n + 1][0] in _PERSON and " " not in name)
            if not looked and name not in bodies and (
                    text[end + 1 : end + 4] not in LEGAL_FORM_HEADS):
                if out is not None:  # most persons: no rule reads them (as below, quicker)
                    out.append(span)
                continue
        else:
            looked = known & _OTHER_FACTS or kind == "NORP" or text.endswith(
                _NAMED_ENDS, 0, start) or known & _GIVEN_FIRST and (
                text.startswith(_POSSESSIVE, start - 3) or text.startswith(", ", end)
            ) or known & _SEVERAL and (
                text.endswith(OFFICE_JOINTS, max(0, start - 8), start)) or (
                kind != "ORG" and not known & _NOT_PLACE and text.startswith(APPOSITIVE_AFTER, end))
        mended = _mended(text, tagged, n, known, lexicon) if looked else None
        if mended is None and kind not in _PERSON and text[end : end + 1] == " " and (
                n + 1 < len(tagged) and tagged[n + 1][0] in _PERSON  # (its first test)
                and office_between(text, tagged, n, lexicon)):
            mended = None, []  # "Transport" of "Transport Minister Joseph Azzopardi"
        elif mended is None and kind in _NOT_PERSON and text.startswith(", ", end) and (
                AGE_DESCRIBED.match(text, end) is not None
                or " " in name and name[1:2].islower() and text.startswith(", ", start - 2)
                and person_role_before(text, start - 2, lexicon, bool(known & _GIVEN_FIRST))):
            # "Kenny, 34, a delivery driver" tagged GPE; "The cooperative's field officer for
            # the area, Agostinho Belo," tagged ORG, "The ferry's chief engineer, Sierra
            # Vaka," tagged NORP: a person's (a full name: "Her brother, Unilever," is not)
            mended = None, [("PERSON", start, end)]
        elif kind in _PERSON and name in bodies:
            mended = None, [("ORG", start, end)]  # a body's name again: "Spreewohn" after
            # "Spreewohn AG", "X said" after "The operator, X," was read as a body's
        elif mended is None and text[end + 1 : end + 4] in LEGAL_FORM_HEADS and (
                form_end := legal_form_end(text, end)) > 0:
            mended = None, [("ORG", start, form_end)]  # "Bus Doprava" PERSON, then "s.r.o."
            bodies.add(name)
        if kind in _PERSON and mended is not None and mended[1] == [("ORG", start, end)]:
            bodies.add(name)  # and the same name later ("Atlântico Ligações said")
        if known & _BODY_FIRST and (mended is None and kind == "ORG" or mended is not None
                                    and mended[1] and mended[1][-1][0] == "ORG"):
            bodies.add(name.split(None, 1)[0])
        if mended is None:
            if out is not None:
                out.append(span)
            continue
        if out is None:
            out = list(tagged[:n])
        before, spans = mended
        if before is not None and out and out[-1] == tagged[n - 1]:
            if before:
                out[-1] = before
            else:
                out.pop()
        out.extend(spans)
    return tagged if out is None else out


_POST_NOMINAL_LAST = 1
"""The name ends in a post-nominal in capitals ("Morag Dunlop MSP")."""
_BODY = 2
"""An organisation's word stands where one stands in a body's name ("Spreewohn AG")."""
_BODY_FIRST = 4
"""An organisation's word ends it: its first word alone names the body later ("Spreewohn")."""
_MEMBER_LAST = 8
"""Its last word is a party member's noun ("Republican")."""
_POST_NOMINAL = 16
"""It is a post-nominal in capitals alone ("MSP")."""
_GIVEN_ALONE = 32
"""One word, a given name ("Darragh")."""
_GIVEN_FIRST = 64
"""Two to four capitalised words from a given name, none an organisation's ("Ruairí Mac
Aodha"), as after a party's possessive."""
_NOT_PLACE = 128
"""Opens with a given name or a title, or has more than three words: no place after "in"."""
_SEVERAL = 256
"""Three words or more after a leading "the": a body's name and a person's may both be in it."""
_STORM = 512
"""A storm's or other natural event's word in it, and no organisation's ("Typhoon Hagupit")."""
_HONORIFIC_FIRST = 1024
"""Two to four words after an honorific or a profession's title ("Dr Ramkarran"), none an
organisation's: a person, whatever the tagger called it."""
_GLUED_INITIAL = 2048
"""One word of an initial glued to a name ("D.Oyunchimeg", "Ts.Enkhtuya"): a person's, as
Mongolian papers write a father's initial, whatever the tagger called it."""
_PERSON_FACTS = _POST_NOMINAL_LAST | _BODY
"""The facts that send a person's span to the rules whatever stands around it."""
_OTHER_FACTS = (_MEMBER_LAST | _POST_NOMINAL | _GIVEN_ALONE | _STORM | _HONORIFIC_FIRST
                | _GLUED_INITIAL)
"""The same for the other spans (with a NORP's, and a given name after a possessive)."""


def _personal_title(word: str, lexicon: Lexicon) -> bool:
    """Whether lower-cased ``word`` is a title only a person's name follows: an honorific
    ("Dr", "Mrs", "Sir") or a profession's abbreviated title ("Prof.", "Engr."); a
    profession's word in full ("Chief", "Director") also opens bodies' names."""
    title = lexicon.titles.get(word)
    if title is None and not word.endswith("."):
        word += "."  # British style drops the full stop the table keeps ("Dr", "Prof")
        title = lexicon.titles.get(word)
    return title is not None and (title.kind == "honorific" or title.kind == "professional"
                                  and word.endswith("."))
_FACTS: dict[int, tuple[Any, dict[str, int]]] = {}
"""Per lexicon (:func:`.owner_caches.cache_of`): :func:`_facts_of` of each name as written."""
_MAX_FACTS = 100_000


def _facts_of(name: str, lexicon: Lexicon) -> int:
    """What the rules ask of the name alone, as bits (0 for most names but a place's)."""
    words = name.split()
    if not words:
        return 0
    # Worked out for every name the first time it is met: each lexicon set is read once.
    lowered = list(map(str.lower, words))
    count, first, last = len(words), lowered[0], lowered[-1]
    org_free = lexicon.org_words.keys().isdisjoint(lowered)
    given = first in lexicon.first_names
    facts = 0
    if count > 1:
        if words[-1].isupper() and last in POST_NOMINALS:
            facts |= _POST_NOMINAL_LAST
        if not org_free:
            if any(is_org_word(w, i, count, lexicon) for i, w in enumerate(lowered)):
                facts |= _BODY
            if is_org_word(last, count - 1, count, lexicon):
                facts |= _BODY_FIRST
        if count <= 4 and (given or count <= 3 and "-" in words[0] and _DOUBLE_GIVEN.fullmatch(
                words[0])) and (org_free and all(w[:1].isupper() for w in words)):  # "Marja-Leena"
            facts |= _GIVEN_FIRST
    else:
        if name.isupper() and first in POST_NOMINALS:
            facts |= _POST_NOMINAL
        if given:
            facts |= _GIVEN_ALONE
    if last in PARTY_MEMBERS:
        facts |= _MEMBER_LAST
    if given or count > 3 or lexicon.is_title(first):
        facts |= _NOT_PLACE
    if count - (first == "the") >= 3:
        facts |= _SEVERAL
    if 2 <= count <= 4 and (org_free or lexicon.org_words.keys().isdisjoint(lowered[1:])) and (
            _personal_title(first, lexicon)):
        facts |= _HONORIFIC_FIRST
    if org_free and not STORM_WORDS.isdisjoint(lowered):
        facts |= _STORM
    if count == 1 and "." in name and _GLUED_NAME.fullmatch(name) is not None and not (
            abbreviated(first.split(".", 1)[0], lexicon)):  # not "St.Kilda", "Dr.Oz"
        facts |= _GLUED_INITIAL
    return facts


_GLUED_NAME = regex.compile(r"\p{Lu}\p{Ll}?\.\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?")
_DOUBLE_GIVEN = regex.compile(r"\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+")
"""A double given name ("Marja-Leena", "Hans-Peter"): before a
surname, with a person's description after it, a person's name."""


_Mended = tuple[tuple[str, int, int] | tuple[()] | None, list[tuple[str, int, int]]]
"""What a span becomes: the span before it anew (None: as it was; empty: dropped), and
the span's own pieces (none: dropped)."""


def _mended(text: str, tagged: list[tuple[str, int, int]], n: int, facts: int,
            lexicon: Lexicon) -> _Mended | None:
    """What span ``n`` becomes, or None when it stays as it is. ``facts``: the name's
    :func:`_facts_of`."""
    kind, start, end = tagged[n]
    if facts & _STORM and kind not in _NOT_SPEAKING:
        return None, [("EVENT", start, end)]  # "Tropical Storm Maring" tagged ORG
    if facts & (_HONORIFIC_FIRST | _GLUED_INITIAL) and kind in _PLACE_LIKE:
        return None, [("PERSON", start, end)]  # "Dr Ramkarran", "D.Oyunchimeg" tagged ORG
    spaced = text[start - 1 : start] == " "  # a word may stand right before the name
    if kind in _PERSON:
        given = _given_name_before(text, tagged, n, lexicon) if spaced and n and (
            tagged[n - 1][2] + 1 == start) else -1  # (its first test: the body right before)
        if given >= 0:  # "the Ministry of Commerce Mahbub" ORG, "Alam Talukder" PERSON
            prev_kind, prev_start, _ = tagged[n - 1]
            return (prev_kind, prev_start, given - 1), [(kind, given, end)]
        if facts & _POST_NOMINAL_LAST:
            cut = text.rindex(" ", start, end)
            if text[start:cut].isupper() and " " not in text[start:cut]:
                return None, [("ORG", start, cut)]  # "JVP MLA": the party, then the office
            return None, [(kind, start, cut)]  # "Morag Dunlop MSP"
        if spaced and not facts & _NOT_PLACE and text[start - 4 : start - 1] == " in" and (
            not text.startswith(("'", "’"), end)
        ):
            return None, [("GPE", start, end)]  # "born in Abeokuta"
        if facts & _BODY or spaced and not facts & _NOT_PLACE and (role_before(
            text, start, lexicon, "organization"
        ) or text.endswith(_BODY_NAMED, 0, start) and role_before(  # "a Facebook group
                text, text.rindex(" ", 0, start - 1) + 1, lexicon, "organization")):  # called X"
            return None, [("ORG", start, end)]  # "the tenants' alliance Mieterbündnis Ost"
        if not facts & _NOT_PLACE and text[end : end + 1] == "," and described_as_body(
                text, end, lexicon):  # (an appositive opens with its comma)
            return None, [("ORG", start, end)]  # "Tunnilsfelagið, the company that built"
        if n + 1 < len(tagged) and role_before_person(text, tagged, n, lexicon):
            return None, []  # "Locum" of "Locum vet Anika Voss": a role, no name
        return None
    if kind != "ORG" and not facts & _NOT_PLACE and text[end : end + 1] == "," and (
            described_as_body(text, end, lexicon)):
        return None, [("ORG", start, end)]  # "Nordgruva, the firm behind the mine" a place
    prev = tagged[n - 1] if n else None
    if facts & _MEMBER_LAST:
        member = party_member(text, start, end)
        if member >= 0:  # "the Ohio Republican": a description of someone, no name
            return (() if prev is not None and prev[1] >= member else None), []
    adjacent = spaced and prev is not None and prev[2] + 1 == start
    if facts & _POST_NOMINAL and adjacent and prev is not None and prev[0] in _PERSON:
        return None, []  # "Morag Dunlop" PERSON, "MSP" ORG
    if kind == "NORP" and adjacent and prev is not None and prev[0] in ("ORG", "NORP") and (
        all_modifiers(text[prev[1] : end], lexicon)
    ):
        if party_member(text, prev[1], end) >= 0:
            return (), []  # "the Liberal Democrat" tagged "Liberal" ORG and "Democrat" NORP
        return ("NORP", prev[1], end), []  # "Liberal" ORG, "Democrat" NORP: one NORP
    if kind == "NORP" and spaced and not adjacent and surname_read_as_people(
            text, start, end, lexicon):
        return None, []  # "Rosette Pambakian" with "Pambakian" NORP: the finder reads it
    if kind in _PLACE_LIKE and text.endswith(_NAMED_ENDS, 0, start) and NAMING_BEFORE.search(
            text, max(0, start - 40), start) is not None:
        return None, [("PERSON", start, end)]  # "gave only his first name, Pacifique" as ORG
    if kind in _PLACE_LIKE and text.endswith(" as ", 0, start):
        known_as = KNOWN_AS_BEFORE.search(text, max(0, start - 70), start)
        if known_as is not None and (prev is not None and prev[0] in _PERSON and (
                prev[2] == known_as.start()) or person_role_before(
                    text, known_as.start(), lexicon)):
            # "A village teacher, known to everyone as Tofig muallim," tagged FAC: the
            # person's name, without the honorific after it
            return None, [("PERSON", start, capitalised_end(text, start, end))]
    if facts & _GIVEN_ALONE and spaced and (
        NAMING_BEFORE.search(text, max(0, start - 40), start) is not None
        or role_before(text, start, lexicon, "person")
    ):
        return None, [("PERSON", start, end)]  # "Keane's son Darragh" tagged PRODUCT
    if facts & (_GIVEN_ALONE | _GIVEN_FIRST) and kind in _NOT_PERSON and (
            described_as_person(text, end, lexicon) or AGE_AFTER.match(text, end) is not None
            or facts & _GIVEN_ALONE and n + 1 < len(tagged) and tagged[n + 1][0] in _PERSON
            and text[end : tagged[n + 1][1]] == " and "):
        # "Marcus, a junior who works ..." tagged ORG, "Anjali Mistry-Rao, who runs two
        # pharmacies,", "said Amira, 23,", "Amira" ORG "and" "Hana Qureshi" PERSON
        return None, [("PERSON", start, end)]
    if facts & _GIVEN_FIRST and spaced and kind in _PLACE_LIKE and text.startswith(
        _POSSESSIVE, start - 3
    ) and capitalised_owner(text, start - 3):
        if prev is not None and prev[0] in _PERSON and text.startswith(
            _POSSESSIVE, prev[2] - 2
        ):
            return ("ORG", prev[1], prev[2]), [("PERSON", start, end)]  # "Sinn Féin's" PERSON
        return None, [("PERSON", start, end)]  # "Fine Gael's Niamh Brennan" tagged ORG
    if facts & _SEVERAL and kind in _PLACE_LIKE:
        office = office_before(text, start, lexicon)
        holder = holder_at_end(text, office, start, end, lexicon) if office >= 0 else None
        if holder is not None:  # "Leader of the Opposition R. Venkatesh Naidu" as one ORG
            return None, [(kind, start, text.rindex(" ", start, holder)), ("PERSON", holder, end)]
    return None


def _given_name_before(text: str, tagged: list[tuple[str, int, int]], n: int,
                       lexicon: Lexicon) -> int:
    """Where the given name that ends the body or place tagged right before person ``n``
    starts ("Mahbub" of "the Ministry of Commerce Mahbub", then "Alam Talukder"): the
    tagger drew the border one word late; -1 when it did not."""
    prev_kind, prev_start, prev_end = tagged[n - 1]
    if prev_kind not in _PLACE_LIKE or prev_end + 1 != tagged[n][1]:
        return -1
    at = text.rfind(" ", prev_start, prev_end) + 1
    if at <= prev_start or text[at:prev_end].lower() not in lexicon.first_names:
        return -1
    return at


__all__ = ["mend_types"]
