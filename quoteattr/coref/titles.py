"""A person's titles read from the words around the name: "goalkeeper Emi Martinez",
"The Chief Minister, Mamata Banerjee,", "The Municipal Chief Executive (MCE), Kwame
Owusu-Ansah,". A later "the goalkeeper", "the Chief Minister" or "the MCE" is then the
person the text gave that title (:func:`.nominals.role_holders`), not whoever was quoted
last. Split from :mod:`.names`, which clusters the names themselves.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from ..lexicon import Lexicon, word_list
from ..mentions import Mention
from ..mentions.types import full_start
from .clusters import Entities

_TITLE_SMALL_WORDS = frozenset(word_list("title_small_words"))
"""Lower-case words inside a title ("of" in "Inspector General of Police")."""


def bare_roles_as_titles(ents: Entities) -> None:
    """"goalkeeper Emi Martinez", "Lock Sione Taufa was sin-binned", "actor Tom Hanks": a
    person's role noun right before a name, with no article of its own, is that person's
    title, so that "the goalkeeper" later is the one the text called so, not whoever was
    quoted last. Capitalised, the role opens its sentence ("Halfback Tevita Moala"). A
    body's role noun makes the name a body's and its title the same way ("Environmental
    group Moviment Harsien il-Kosta", "Budget airline Skyview Jet": "the group said")."""
    mentions, text, roles = ents.index.mentions, ents.text, ents.lexicon.role_nouns
    for i, m in enumerate(mentions):
        if m.kind != "name" or m.label not in _ROLE_LABELS:
            continue
        start = full_start(m)
        if text[start - 1 : start] != " " or not text[start - 2 : start - 1].isalpha():
            continue  # most names: after a comma, a quote mark or a line's start
        found = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if found is None:
            continue
        word, word_start = found.group(1), found.start(1)
        low = word.lower()
        role = roles.get(low)
        c = ents.of[i]
        if role is None or c is None or m.label not in _LABELS_OF_ROLE.get(role.type, ()) or not (
            word.islower() or word[0].isupper() and word[1:].islower()
            and _SENTENCE_OPENS.search(text, max(0, word_start - 3), word_start) is not None
        ):
            continue
        cluster = ents.clusters[c]
        if role.type == "organization" and cluster.type == "unknown":
            cluster.add_label("ORG")
        cluster.add_title(low)
        ents.titles_changed()


_ROLE_LABELS = frozenset({"PERSON", "ORG", "UNKNOWN"})
"""The labels of a name a bare role noun may stand before."""
_LABELS_OF_ROLE = {"person": ("PERSON", "UNKNOWN"), "organization": ("ORG", "UNKNOWN")}
"""A role noun's type -> the labels of the names it may be the title of."""
_WORD_BEFORE = re.compile(r"(?<![^\s\"“‘(])([A-Za-z][a-z-]*) \Z")
"""A word of letters (and hyphens) right before a position, after a space, a quote mark or
a bracket or at the text's start."""
_SENTENCE_OPENS = re.compile(r"(?:\A|\n|[.!?][\"”’']? )\Z")
"""What stands right before a sentence's first word: the text's start, a line break, or a
sentence's end and a space."""


def title_before_name(ents: Entities, i: int) -> None:
    """"The Chief Minister, Mamata Banerjee,": a name that is only a title ("Minister"),
    named nowhere else, or a person's role noun capitalised ("The Treasurer", perhaps in
    the headline too), is the person the appositive names (and its words her title)."""
    mentions = ents.index.mentions
    a = mentions[i]
    word = a.head.lower()
    words = word.split(" of ", 1)[0].split()  # "Inspector General" of "... of Police"
    if (len(words) > 1 or " of " in word) and ents.lexicon.first_names.keys().isdisjoint(words):
        word = words[-1]  # "The District Commissioner, Annet Nakalembe,": an office over a place
    role = ents.lexicon.role_nouns.get(word)
    if not ents.lexicon.is_title(word) and (
        role is None or role.type != "person"  # "The Treasurer, Diane Castellano,"
    ):
        return
    c_a, c_b = ents.of[i], ents.of[i + 1]
    if c_a is None or c_b is None or c_a == c_b:
        return
    initials = "".join(w[0] for w in a.head.split() if w.lower() not in _TITLE_SMALL_WORDS)
    office = " ".join(f"{a.title} {a.head}".split())
    others = [k for k in ents.clusters[c_a].mentions  # but the office's initials ("the IGP")
              if k != i and (len(initials) < 2 or mentions[k].head != initials.upper())
              and not (" " in office and _office(mentions[k]) == office)]  # or full title
    # a word of the office read as its short form ("Police" in the headline, joined to
    # "Inspector General of Police") is the body, not the office: it stays where it is
    parts = [k for k in others if mentions[k].head != a.head and (
        mentions[k].head in a.head.split())]
    if len(parts) < len(others) and (
            role is None or any(k > i or mentions[k].head != a.head for k in others)):
        # a title named elsewhere ("The Minister left" later may be another minister);
        return  # the bare role word in the headline before ("Treasurer unveils ...") is hers
    _move_into(ents, c_a, c_b, office, keep=parts)


def _office(m: Mention) -> str:
    """A title's words as written, one space apart: "Chief Minister"."""
    return " ".join(f"{m.title} {m.head}".split())


def _move_into(ents: Entities, c_a: int, c_b: int, title: str, keep: Sequence[int] = ()) -> None:
    """Every mention of entity ``c_a`` (an office's title) but those in ``keep`` joins entity
    ``c_b``, the person holding it, whose titles gain ``title``."""
    moved = ents.clusters[c_a].mentions
    holder = ents.clusters[c_b]
    name = holder.fullest, holder.fullest_words, holder.fullest_chars
    for k in list(moved):
        if k not in keep:
            ents.move(k, c_b)
    if name[0]:  # the office is no name of hers: "District Commissioner" is not "Annet Nakalembe"
        holder.fullest, holder.fullest_words, holder.fullest_chars = name
    del moved[:]  # no mention is left to name it, but those kept
    moved.extend(keep)
    ents.clusters[c_b].add_title(title)
    ents.titles_changed()


def link_office_initials(ents: Entities) -> None:
    """"The Municipal Chief Executive (MCE), Kwame Owusu-Ansah,": initials in brackets
    after an office's title name the office, and the name after them its holder, so "the
    MCE said" later is the holder. A body's initials ("the Federation of Small Businesses
    (FSB)") end no title and stay the body's (:func:`_initials`)."""
    mentions, text = ents.index.mentions, ents.text
    pos = text.find("), ")
    while pos >= 0:
        k = bisect_left(ents.index.starts, pos + 3)
        if 0 < k < len(mentions) and full_start(mentions[k]) == pos + 3 and (
            mentions[k].kind == "name" and mentions[k].label == "PERSON"
        ) and mentions[k - 1].kind == "name" and mentions[k - 1].span.end == pos:
            office = mentions[k - 1]
            c_a, c_b = ents.of[k - 1], ents.of[k]
            title = _office_of(text, office.span.start, office.head, ents.lexicon)
            if title and c_a is not None and c_b is not None and c_a != c_b and all(
                mentions[j].head == office.head for j in ents.clusters[c_a].mentions
            ):  # the initials alone: a title read as a body's name keeps its entity
                _move_into(ents, c_a, c_b, title)
        pos = text.find("), ", pos + 3)


def link_title_initials(ents: Entities) -> None:
    """"The Resident District Commissioner, Ms Annet Nakalembe," then "the RDC said":
    initials that spell the words of one person's title (small words such as "of" left
    out) are that person, when they name nothing else in the text."""
    holders: dict[str, set[int]] = {}
    for c, cluster in enumerate(ents.clusters):
        if not cluster.titles or cluster.type != "person" or not cluster.named:
            continue
        for title in cluster.titles:
            words = [w for w in title.split() if w.lower() not in _TITLE_SMALL_WORDS]
            if 2 <= len(words) <= 5:
                holders.setdefault("".join(w[0] for w in words).upper(), set()).add(c)
    if not holders:
        return
    mentions, starts, text = ents.index.mentions, ents.index.starts, ents.text
    for initials, found in holders.items():
        at = text.find(initials) if len(found) == 1 else -1  # (a find per office, not a
        while at >= 0:  # test per mention)
            k = bisect_left(starts, at)
            c_a = ents.of[k] if k < len(mentions) and starts[k] == at else None
            if c_a is not None and c_a not in found and mentions[k].kind == "name" and all(
                    mentions[j].head == initials for j in ents.clusters[c_a].mentions):
                _move_into(ents, c_a, next(iter(found)), initials.lower())
            at = text.find(initials, at + len(initials))


def _office_of(text: str, start: int, initials: str, lexicon: Lexicon) -> str:
    """The office's title (lower-cased) whose initials ``initials`` stand in brackets at
    ``start``, its last word a title or a person's role noun; "" if none stands there."""
    if not (2 <= len(initials) <= 5 and initials.isupper() and initials.isalpha()) or (
        text[start - 2 : start] != " ("
    ):
        return ""
    before = text[max(0, start - 2 - 16 * len(initials)) : start - 2].split()
    words: list[str] = []  # the title's words back from the bracket, small words skipped
    while before and len(words) < len(initials):
        word = before.pop()
        if not word[:1].isupper():
            if word in _TITLE_SMALL_WORDS and words:
                continue
            return ""
        words.insert(0, word)
    if "".join(w[0] for w in words) != initials:
        return ""
    last = words[-1].lower()
    role = lexicon.role_nouns.get(last)
    if lexicon.is_title(last) or role is not None and role.type == "person" or (
        lexicon.is_title(words[0].lower())
    ):  # "Chief Executive", or a title first: "Inspector General of Police"
        return text[text.rindex(words[0], 0, start) : start - 2].lower()
    return ""


__all__ = [
    "bare_roles_as_titles", "link_office_initials", "link_title_initials", "title_before_name"]


def person_titled(ents: Entities, phrase: str, position: int) -> int | None:
    """The person a capitalised title right before their name called what ``phrase`` ("the
    judge-executive") calls them: "County Judge-Executive Darlene Gayheart said ... '...,'
    the judge-executive said" - a title the lexicon does not list, so no role noun made
    it the person's. The last one so named before ``position``; None for none."""
    if not phrase.startswith(("the ", "The ")):
        return None
    noun = phrase[4:].lower()
    if not 2 < len(noun) < 40 or noun.count(" ") > 2:
        return None
    text, mentions = ents.text, ents.index.mentions
    found = None
    for i in range(bisect_left(ents.index.starts, position) - 1, -1, -1):
        m = mentions[i]
        if m.kind != "name" or m.label != "PERSON":
            continue
        start = m.span.start
        title = text[start - len(noun) - 1 : start - 1]
        if title[:1].isupper() and title.lower() == noun and text[start - 1] == " " and (
                start - len(noun) - 1 == 0 or not text[start - len(noun) - 2].isalnum()):
            found = ents.of[i]
            break
        inside = text[start : m.span.end].lower().find(" " + noun + " ")
        if inside >= 0 and text[start + inside + 1].isupper():
            found = ents.of[i]  # a tagger's "Township Clerk-Treasurer Ron Vasquez-Hale"
            break
    return found
