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
- a person's span that ends in an organisation's word ("Spreewohn AG") or follows an
  organisation's noun ("the tenants' alliance Mieterbündnis Ost") is an organisation's;
- a given name and surname after a party's or firm's possessive is a person: "Sinn Féin's
  Ruairí Mac Aodha" tagged "Sinn Féin's" PERSON and "Ruairí Mac Aodha" ORG.

:func:`mend_types` applies these to the tagged spans before they are combined with the
built-in finder's names (:func:`.names.combine_entities`). Each rule reads the lexicon's
given names, titles and post-nominals, never a list of particular names.
"""

from __future__ import annotations

from ..lexicon import Lexicon, word_list
from .embedded import PARTY_MEMBERS
from .name_words import is_org_word

_POST_NOMINALS = frozenset(word_list("post_nominals"))
""""MP", "MSP", "QC", "OBE" (``data/post_nominals.tsv``)."""
_PERSON = frozenset({"PERSON", "PER"})
_PLACE_LIKE = frozenset({"ORG", "FAC", "GPE", "WORK_OF_ART", "PRODUCT"})
"""Types a tagger gives the person after a possessive ("Sinn Féin's Ruairí Mac Aodha")."""
_POSSESSIVE = ("'s ", "’s ")
_MEMBER_WORDS = 3
"""The most words of a party member's description ("the North Carolina Republican")."""


def mend_types(text: str, tagged: list[tuple[str, int, int]],
               lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """``tagged`` (``(type, start, end)`` in text order) with the misreadings of the module
    doc mended; the list itself when nothing changes (most documents)."""
    out: list[tuple[str, int, int]] | None = None
    bodies: set[str] = set()  # the first words of companies' names so far ("Spreewohn AG")
    for n, span in enumerate(tagged):
        mended = _mended(text, tagged, n, lexicon)
        if mended is None and span[0] in _PERSON and bodies and text[span[1] : span[2]] in bodies:
            mended = None, [("ORG", span[1], span[2])]  # "Spreewohn" after "Spreewohn AG"
        if (mended[1][-1] if mended and mended[1] else span)[0] == "ORG":
            _note_body(text, mended[1][-1] if mended and mended[1] else span, lexicon, bodies)
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


_Mended = tuple[tuple[str, int, int] | tuple[()] | None, list[tuple[str, int, int]]]
"""What a span becomes: the span before it anew (None: as it was; empty: dropped), and
the span's own pieces (none: dropped)."""


def _mended(text: str, tagged: list[tuple[str, int, int]], n: int,
            lexicon: Lexicon) -> _Mended | None:
    """What span ``n`` becomes, or None when it stays as it is (most spans)."""
    kind, start, end = tagged[n]
    prev = tagged[n - 1] if n else None
    adjacent = prev is not None and prev[2] + 1 == start and text[prev[2]] == " "
    name = text[start:end]
    if kind in _PERSON:
        head, _, last = name.rpartition(" ")
        if head and last.isupper() and last.lower() in _POST_NOMINALS:
            return None, [(kind, start, start + len(head))]  # "Morag Dunlop MSP"
        if _place_after_in(text, start, end, name, lexicon):
            return None, [("GPE", start, end)]
        if _organisation(text, start, name, lexicon):
            return None, [("ORG", start, end)]
        return None
    member = _party_member(text, start, end, lexicon)
    if member >= 0:  # "the Ohio Republican": a description of someone, no name
        return (() if prev is not None and prev[1] >= member else None), []
    if prev is None:
        return None
    if adjacent and prev[0] in _PERSON and name.isupper() and name.lower() in _POST_NOMINALS:
        return None, []  # "Morag Dunlop" PERSON, "MSP" ORG
    if kind == "NORP" and adjacent and prev[0] in ("ORG", "NORP") and (
        _all_modifiers(text[prev[1] : end], lexicon)
    ):
        if _party_member(text, prev[1], end, lexicon) >= 0:
            return (), []  # "the Liberal Democrat" tagged "Liberal" ORG and "Democrat" NORP
        return ("NORP", prev[1], end), []  # "Liberal" ORG, "Democrat" NORP: one NORP
    if kind in _PLACE_LIKE and _person_after_possessive(text, start, name, lexicon):
        if prev[0] in _PERSON and text.startswith(_POSSESSIVE, prev[2] - 2):
            return ("ORG", prev[1], prev[2]), [("PERSON", start, end)]  # "Sinn Féin's" PERSON
        return None, [("PERSON", start, end)]
    return None


def _party_member(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Where a party member's description starts ("the Republican", "the Ohio Republican",
    with "Ohio" maybe tagged apart): three capitalised words at most after "the", the last
    a member's noun, as the built-in finder reads it (:data:`.embedded.PARTY_MEMBERS`);
    -1 when the span ends no such description."""
    words = text[start:end].split()
    if not words or words[-1].lower() not in PARTY_MEMBERS:
        return -1
    at = start
    before = text[max(0, start - 40) : start].split(" ")[:-1]
    while before and len(words) < _MEMBER_WORDS and before[-1][:1].isupper() and (
        before[-1].lower() != "the"
    ):
        words.insert(0, before.pop())
        at -= len(words[0]) + 1
    if len(words) <= _MEMBER_WORDS and before and before[-1].lower() == "the":
        return at
    return -1


def _note_body(text: str, span: tuple[str, int, int], lexicon: Lexicon,
               bodies: set[str]) -> None:
    """Adds the first word of an organisation's name of several words that ends in an
    organisation's word ("Spreewohn AG"): later, that word alone is the body, not a person."""
    words = text[span[1] : span[2]].split()
    if len(words) > 1 and is_org_word(words[-1].lower(), len(words) - 1, len(words), lexicon):
        bodies.add(words[0])


def _organisation(text: str, start: int, name: str, lexicon: Lexicon) -> bool:
    """A tagged person that is a body: its name ends in an organisation's word ("Spreewohn
    AG", "Harlow Group"), or an organisation's noun stands right before it ("the tenants'
    alliance Mieterbündnis Ost", "the charity Shelter")."""
    words = name.lower().split()
    if len(words) > 1 and any(is_org_word(w, i, len(words), lexicon)
                              for i, w in enumerate(words)):
        return True
    before = text[max(0, start - 30) : start]
    if not before.endswith(" "):
        return False
    noun = before.rsplit(None, 1)[-1:]
    role = lexicon.role_nouns.get(noun[0]) if noun and noun[0].islower() else None
    return role is not None and role.type == "organization"


def _all_modifiers(phrase: str, lexicon: Lexicon) -> bool:
    """Every word a party's or nation's adjective ("Liberal Democrat")."""
    return all(w.lower() in lexicon.title_modifiers for w in phrase.split())


def _place_after_in(text: str, start: int, end: int, name: str, lexicon: Lexicon) -> bool:
    """A tagged person right after "in", not opening with a given name or a title and not
    followed by a possessive: a place ("in Abeokuta")."""
    if text[max(0, start - 4) : start] != " in " or text.startswith(("'", "’"), end):
        return False
    first = name.split(None, 1)[0].lower()
    return first not in lexicon.first_names and first not in lexicon.titles and (
        first + "." not in lexicon.titles) and len(name.split()) <= 3


def _person_after_possessive(text: str, start: int, name: str, lexicon: Lexicon) -> bool:
    """A given name and one or two capitalised words, none an organisation's, right after a
    capitalised word's possessive: "Sinn Féin's Ruairí Mac Aodha", "Apple's Tim Cook"."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not text.startswith(_POSSESSIVE, start - 3):
        return False
    owner = text[max(0, start - 40) : start - 3].rsplit(None, 1)[-1:]
    return bool(owner) and owner[0][:1].isupper() and words[0].lower() in lexicon.first_names \
        and all(w[:1].isupper() and w.lower() not in lexicon.org_words for w in words)


__all__ = ["mend_types"]
