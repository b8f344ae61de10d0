"""Role nouns and descriptions -> entities: "the prime minister" goes first to the named
entity the text gives that title, "the company" to the company named before, and an
unmatched "the mayor" to one unnamed entity that later "the mayor"s share."""

from __future__ import annotations

from bisect import bisect_right

import regex

from ..mention_words import verb_after_subject
from ..mentions import Mention, MentionLabel
from ..spans import Span
from .clusters import Entities
from .described import (
    author_mention,
    counted_relation,
    described_person,
    distinctive,
    earlier_author,
    is_person,
    paragraph_subject,
    poster_before,
)
from .organisations import named_organisation, person_of_age
from .pairs import OTHER_NOUNS, PAIR_NOUNS, named_pair, other_of_pair
from .salience import Salience, best_of

_DOCUMENT_IN_VIEW = 1500
"""How far (characters) "the statement" may stand from the one it takes up."""

_INDEFINITE = ("a ", "an ", "another ", "one ")
"""How an indefinite role phrase opens (lower-cased): "one" as in "One Ashcombe midwife, who
spoke on condition ...", where "one of" never opens a role noun's mention."""

_TEEN_NOUNS = frozenset({"teenager", "teen"})
_TEEN_AGES = "1[3-9]|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
"""An age a teenager has, as a pattern :func:`.organisations.person_of_age` reads."""

_LABELS: dict[str, MentionLabel] = {
    "person": "PERSON", "group": "GROUP", "organization": "ORG"}
"""A role noun's type -> the label of a mention of it."""

_POSSESSIVES = {"his": ("he", "m"), "her": ("she", "f"), "their": ("they", "-"),
                "its": ("it", "-")}
"""A possessive determiner -> the pronoun and gender its owner agrees with."""


_NAME_WORD = r"\p{Lu}[\p{L}\p{M}.&-]*+(?:['’](?![sS]\b)\p{L}+)?+['’]?+"
_EMPLOYER = regex.compile(
    r" (?:for|at|with) (?:the )?" + _NAME_WORD + r"(?: (?:of |and |& )?" + _NAME_WORD + r")*+"
    r"(?!['’]s\b|[\p{L}\p{N}])"
)
"""Whom an unnamed person speaks for: "a spokesman" " for the Footplate Workers’ Union",
"an analyst" " at Colbert & Finch"; not a possessor ("for Gore's campaign"), and not "of" (a
friend of Ana Duarte is not Ana Duarte, and her name must not stand in the friend's)."""


def resolve_nominal(sal: Salience, i: int, like: Mention | None = None) -> int:
    """The entity role noun ``i`` refers to, a new unnamed one when no known one fits;
    ``like`` stands in for the mention (the owner "the campaign" of "the campaign's
    statement")."""
    ents = sal.ents
    m = ents.index.mentions[i] if like is None else like
    head = m.head
    lexicon = ents.lexicon
    opening = ents.text[m.span.start : m.span.start + 8].lower()
    definite = opening.startswith("the ")
    # "A Western diplomat said", "another official said": an indefinite phrase brings in
    # someone new, never the named holder of a title it could stand for (an appositive
    # "Meleshko, a veteran diplomat," is linked before this runs)
    new_person = like is None and opening.startswith(_INDEFINITE) and _opens_clause(
        ents.text, m.span.start) and not in_lede(sal, m.span.start)
    if head in lexicon.document_nouns and like is None:
        # "her statement", "said in a statement": the author's words; "the statement" later
        # is the same author's
        owner = possessor_of(sal, i)  # "the campaign's statement": the campaign's words
        if owner is None:
            owner = author_after(ents, i)  # "a statement from Metro Transit"
        if owner is None and definite:
            # "In a letter to the committee, X blamed ... the letter said": the author of
            # the one brought in last, else of the last one quoted close by
            issuer, where = ents.issued.get(head, (None, -1))
            if m.span.start - where > _DOCUMENT_IN_VIEW:
                issuer = None
            owner = earlier_author(sal, i, _DOCUMENT_IN_VIEW if issuer is None
                                   else m.span.start - where - 1)
            if owner is None:
                owner = issuer
            if owner is None:  # "The committee urged passengers on its Facebook page ...
                owner = poster_before(sal, m)  # '...,' the post read."
        elif owner is None:
            owner = issuer_of(ents, i)
            if owner is None:
                owner = document_owner(sal, i)
        if owner is not None:
            ents.issued[head] = owner, m.span.start
            return owner
    if like is None and (definite and head in PAIR_NOUNS or head in OTHER_NOUNS):
        # "Ollie Brennan and Kwame Asante-Boateng ... the pair"; "Amira and Hana ... her sister"
        owner = None if definite else document_owner(sal, i)
        pair = named_pair(ents, i) if definite else (
            None if owner is None else other_of_pair(ents, i, owner))
        if pair is not None:
            return pair
    if definite and like is None and head in _TEEN_NOUNS:  # "the teenager": the last one
        teen = person_of_age(ents, _TEEN_AGES, m.span.start)  # given an age of 13 to 19
        if teen is not None:
            return teen
    # "the Spaniard", "the Kenyan": one of a people describes the one just named
    national = definite and lexicon.title_modifiers.get(head) == "demonym"
    if definite and like is None and m.label == "PERSON" and (national or distinctive(
        ents.text[m.span.start : m.span.end], head
    ) or head in lexicon.relational_nouns and counted_relation(ents.text, m.span.end)):
        # "...," the Fine Gael TD said / the father of two said: the one just named
        subject = paragraph_subject(sal, m)
        if subject is None:  # opening its paragraph: the last one named in the one before
            subject = paragraph_subject(sal, m, across=True)
        if subject is not None:
            return subject
    # The salience scores matter only to the branches below that read them; most role
    # nouns ("a spokesman", "the residents") reach none of those, so the scan is skipped.
    may_hold = not new_person and may_have_holders(ents, head)
    describes = definite and m.label == "PERSON" and head not in lexicon.relational_nouns
    wants_scores = may_hold or definite and (m.label == "ORG" or describes)
    scores = sal.candidates(i, like) if wants_scores else {}
    holders = role_holders(ents, head, scores) if may_hold else []
    if not holders and definite and like is None and m.label == "PERSON" and not new_person:
        fields = _fields_of(ents, m, head)  # "police" of "the police official"
        if fields:
            scores = scores or sal.candidates(i, like)
            holders = field_holders(ents, fields, scores)
    introduced = ents.unnamed_by_head.get(head) if definite else None
    if introduced is not None and not brought_in(sal, introduced):
        introduced = None
    if holders and not (introduced is not None and not any(
        head in ents.clusters[c].titles_lower for c in holders
    )):  # "a Western diplomat ... the diplomat said": the one just met, not "Foreign Minister"
        return max(holders, key=lambda c: (scores.get(c, 0.0), -c))
    if definite and m.label == "ORG" and not _office_of_person(ents, m):
        named_orgs = named_organisation(ents, head, scores, _modifiers(ents.text, m, head))
        if named_orgs is not None:
            return named_orgs
    if introduced is not None:  # "a Western diplomat ... the diplomat": the one brought in
        return introduced
    if definite and m.label == "PERSON":
        named = {c: s for c, s in scores.items() if ents.clusters[c].named
                 and not ents.clusters[c].place_cue}  # "from Lomé" holds no office
        equivalents = ents.lexicon.role_titles.get(head, ())
        if equivalents and named:
            return best_of(named)
    if definite and head in ents.unnamed_by_head:
        return ents.unnamed_by_head[head]
    if describes:
        described = described_person(ents, scores)
        if described is None:
            # several people close in salience: the one the sentence before is about
            # ("Marwood is unapologetic. '...,' the composer says.")
            described = paragraph_subject(sal, m, alone=True)
        if described is not None:
            return described
    c_new = ents.new_cluster()
    end = m.span.end
    if m.label == "PERSON":  # "a spokeswoman for Saltmere Council": named by her employer
        employer = _EMPLOYER.match(ents.text, end, min(len(ents.text), end + 80))
        if employer is not None:  # a sentence's full stop is not the name's ("U.S." keeps it)
            end = employer.end()
            if ents.text[end - 1] == "." and not ents.text[end - 2].isupper():
                end -= 1
    ents.name_unnamed(c_new, ents.text[m.span.start : end], head)
    return c_new


def _modifiers(text: str, m: Mention, head: str) -> list[str]:
    """The lower-case words between "the" and the head ("regatta" of "the regatta
    committee"); none for most phrases."""
    words = text[m.span.start + 4 : m.span.end].split()
    if len(words) < 2 or words[-1].lower() != head:
        return []
    return [w for w in words[:-1] if w.isalpha() and w.islower()]


_CLAUSE_BEFORE = regex.compile(r"(?:\A|[.!?\n]|[,!?][\"”’'])[ \t]*+[\"“‘']?\Z")
"""Before a clause's subject: a text or sentence start, or a quote's end (``," a senior
official said``)."""


def _opens_clause(text: str, start: int) -> bool:
    """Whether a phrase at ``start`` stands first in a sentence or right after a quote, as
    the subject of what follows does ("A driver ... said"), not "as a diplomat"."""
    return _CLAUSE_BEFORE.search(text, max(0, start - 4), start, concurrent=False) is not None


def in_lede(sal: Salience, position: int) -> bool:
    """Whether ``position`` lies in the headline or first paragraph (the first two when no
    headline is told apart: one may end in a full stop), where "A councillor in the
    north of the county is calling ..." holds back a name the story gives later (the delayed
    identification of a lede), so an indefinite phrase there is no one new."""
    starts = sal.paragraph_starts
    return bisect_right(starts, position) <= max(2, bisect_right(starts, sal.body))


def brought_in(sal: Salience, c: int) -> bool:
    """Whether unnamed entity ``c`` came in by an indefinite phrase after the lede ("A
    Western diplomat briefed on the talks"): a later "the diplomat" is that one."""
    cluster = sal.ents.clusters[c]
    return not cluster.named and cluster.nominal.lower().startswith(_INDEFINITE) and bool(
        cluster.mentions) and not in_lede(sal, sal.ents.index.starts[cluster.mentions[0]])


def possessor_of(sal: Salience, i: int) -> int | None:
    """"The campaign's statement", "the company's letter": the entity of the possessor (as
    "the campaign" would be resolved there); a name ("the NDP's statement") is the entity
    of that name, or a new one. None when the document has no possessor noun."""
    ents = sal.ents
    m = ents.index.mentions[i]
    phrase = ents.text[m.span.start : m.span.end]
    cut = max(phrase.rfind("'s "), phrase.rfind("’s "), phrase.rfind("s' "), phrase.rfind("s’ "))
    if cut <= 0:
        return None
    owner = phrase[: cut + (1 if phrase[cut] == "s" else 0)]
    words = owner.split()
    noun = words[-1] if words else ""
    role = ents.lexicon.role_nouns.get(noun)
    if role is not None:
        like = m._replace(span=Span(m.span.start, m.span.start + len(owner)), head=noun,
                          label=_LABELS[role.type], gender=role.gender)
        return resolve_nominal(sal, i, like)
    if not noun[:1].isupper():
        return None  # "the old man's letter": no owner the text names
    name = " ".join(words[1:] if words[0].lower() == "the" else words)
    for cluster in ents.clusters:
        if cluster.named and cluster.name == name:
            return cluster.index
    return None


def may_have_holders(ents: Entities, head: str) -> bool:
    """Whether :func:`role_holders` could find any entity for ``head`` among all of the
    document's named entities (a superset of any candidates)."""
    known = ents.may_hold.get(head)
    if known is None:
        if ents.named_titles is None:
            # One string for the substring tests; "\n" joins, as no title word holds one.
            ents.named_titles = "\n".join(
                c.titles_lower for c in ents.clusters if c.named and c.titles_lower
            )
        titles = ents.named_titles
        # any() over a map of the bound ``in`` test: C all the way, where a generator
        # resumed Python code for each of the (many) titles a role noun stands for
        known = head in titles or any(map(titles.__contains__,
                                          ents.lexicon.role_titles.get(head, ())))
        ents.may_hold[head] = known
    return known


def role_holders(ents: Entities, head: str, among: dict[int, float]) -> list[int]:
    """Named entities among the recent candidates whose titles contain ``head`` or a
    title it stands for (looking only at recent ones keeps this linear in the text)."""
    stands_for = ents.lexicon.role_titles.get(head, ())
    clusters = ents.clusters
    holders = []
    for k in among:
        c = clusters[k]
        if not c.named:
            continue
        titles = c.titles_lower
        # any() over a map of the bound ``in`` test runs in C (see may_have_holders); the
        # titles it stands for are not copied into a set with ``head`` per call
        if head in titles or any(map(titles.__contains__, stands_for)):
            holders.append(c.index)
    return holders


def _office_of_person(ents: Entities, m: Mention) -> bool:
    """"The mayor's office", "the president's office": a person's role noun owns the body,
    which is no organisation named before (it speaks for that office-holder)."""
    words = ents.text[m.span.start : m.span.end].lower().split()
    if len(words) < 3 or not words[-2].endswith(("'s", "’s")):
        return False
    role = ents.lexicon.role_nouns.get(words[-2][:-2])
    return role is not None and role.type == "person"


def _fields_of(ents: Entities, m: Mention, head: str) -> frozenset[str]:
    """The field words ("domain" title modifiers) between a role phrase's article and
    its head: "police" of "the police official", "health" of "the county health officer"."""
    words = ents.text[m.span.start : m.span.end].lower().split()[1:-len(head.split())]
    modifiers = ents.lexicon.title_modifiers
    return frozenset(w for w in words if modifiers.get(w) == "domain")


def field_holders(ents: Entities, fields: frozenset[str], among: dict[int, float]) -> list[int]:
    """Named people among the recent candidates with a title in one of ``fields``: "the
    police official" after "Additional Superintendent of Gazipur Industrial Police Khairul
    Alam Bhuiyan", whose title holds "Police"."""
    clusters = ents.clusters
    return [k for k in among if clusters[k].named and is_person(clusters[k])
            and not fields.isdisjoint(clusters[k].titles_lower.split())]


def document_owner(sal: Salience, i: int) -> int | None:
    """"Her statement said", "his letter reads": the entity the possessive refers to, as
    the pronoun would be resolved there; None for "a statement" or no agreeing entity."""
    ents = sal.ents
    m = ents.index.mentions[i]
    word = ents.text[m.span.start : m.span.end].split(None, 1)[0].lower()
    pronoun = _POSSESSIVES.get(word)
    if pronoun is None:
        return None
    head, gender = pronoun
    label = "PERSON" if gender != "-" else m.label
    scores = sal.candidates(i, m._replace(kind="pronoun", head=head, gender=gender, label=label))
    return best_of(scores) if scores else None


def author_after(ents: Entities, i: int) -> int | None:
    """"according to a statement from Metro Transit", "a letter by the union", "the memo,
    which was signed by Dr. X": the named author after the document noun wrote it."""
    k = author_mention(ents.text, ents.index.mentions, i, i)
    return ents.of[k] if k is not None else None


_ASIDE = ", in "
"""Between a subject and the document it speaks in, set off as an aside."""

_ISSUING = frozenset({"issued", "released", "published", "posted", "sent", "issues", "releases",
                      "publishes", "posts", "sends"})
"""Verbs whose subject is the author of the document after them ("issued a statement")."""


def issuer_of(ents: Entities, i: int) -> int | None:
    """"Interior Health said in a statement": the statement is the speaker's own words, so
    it is the speaker's entity (and "the statement said" later finds the speaker)."""
    index, text = ents.index, ents.text
    start = index.mentions[i].span.start
    if i and text.startswith(_ASIDE, index.mentions[i - 1].span.end) and (
        index.mentions[i - 1].span.end + len(_ASIDE) == start
    ):  # "The company, in a statement signed by its spokesman, said": the subject's own
        return ents.of[i - 1]
    before = text[max(0, start - 30) : start].split()
    if before and before[-1] in _ISSUING:  # "The club issued a statement": the club's
        verb = before[-1]
    elif len(before) < 2 or before[-1] not in ("in", "via", "through") or (
        before[-2] not in ents.lexicon.speech_verbs
    ):
        return None
    else:
        verb = before[-2]
    verb_at = text.rfind(verb, 0, start)
    if i == 0:
        return None
    if index.mentions[i - 1].span.end + 1 == verb_at:
        if i > 1 and index.mentions[i - 2].kind == "nominal" and (
                index.mentions[i - 2].label == "PERSON") and _EMPLOYER.fullmatch(
                text, index.mentions[i - 2].span.end, index.mentions[i - 1].span.end):
            return ents.of[i - 2]  # "A spokesperson for Northgate Rail said in an email"
        return ents.of[i - 1]
    if text.startswith(", ", verb_at - 2):
        return _subject_past_aside(ents, i, verb_at)
    return None


_ASIDE_REACH = 200
"""The most characters from a subject's end to its verb, over an appositive or clause."""


def _subject_past_aside(ents: Entities, i: int, verb_at: int) -> int | None:
    """The entity of the subject whose speech verb at ``verb_at`` follows an appositive or
    relative clause ("Kalungu Roadworks Ltd, the firm contracted to work on the roads,
    said in a statement"): the nearest mention before document noun ``i`` that
    :func:`.mention_words.verb_after_subject` carries to that verb."""
    mentions, text, lexicon = ents.index.mentions, ents.text, ents.lexicon
    for j in range(i - 1, -1, -1):
        end = mentions[j].span.end
        if verb_at - end > _ASIDE_REACH:
            break
        if text.startswith((",", " who", " whose", " which", " for", " at", " with"), end):
            verb = verb_after_subject(text, end, lexicon)
            if verb is not None and verb.start(1) == verb_at:
                return ents.of[j]
    return None
