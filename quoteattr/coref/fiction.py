"""Fiction's conventions for pronouns: the ``genre="fiction"`` profile of salience.

A novel's "he" and "she" almost always mean one of its characters, and a character is
someone the text names again and again, or treats as a person. News names many people
once ("Kowalski, a plumber, said"), so there a name seen once is a fair antecedent; in a
novel a capitalised word seen once and never treated as a person ("Presently", "Study"
of *A Study in Scarlet*, a town) is almost never the "he" of the next page. Novels also
give their characters given names a reader takes at their word: "she" is not Robert.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..lexicon import word_list
from ..mentions import Mention
from .agreement import agreement
from .clusters import Cluster, Entities
from .descriptions import contrary_described, described_before, title_holder
from .nominals import document_owner
from .salience import Salience, best_of

_PROMINENCE = 0.1
_PROMINENT_NAMES = 10
"""A character the text names often is the likelier "she": each name adds a tenth, up to
ten (a maid named twice in passing does not take over the heroine's pronouns)."""
_ONE_OFF_NAME = 0.1
"""The weight left to a name seen once that nothing marks as a person: still an
antecedent when no character is in view, never one over a character."""


def fiction_agreement(m: Mention, c: Cluster) -> float:
    """:func:`.agreement` for fiction: "he"/"she" never take a character of the other
    gender by given name, and a one-off name that nothing marks as a person weighs little."""
    weight = agreement(m, c)
    if m.kind != "pronoun" or m.head not in ("he", "she"):
        return weight
    if c.gender_from_name and c.gender != m.gender and c.gender in ("m", "f"):
        return 0.0
    if not weight:
        return 0.0
    if not character(c):
        return weight * _ONE_OFF_NAME
    return weight * (1.0 + _PROMINENCE * min(c.names, _PROMINENT_NAMES))


def character(c: Cluster) -> bool:
    """Whether an entity is one of the story's people: a person by its name or title, or
    a name the text uses more than once (a word capitalised once is likelier a heading,
    an adverb opening a sentence or a place)."""
    return c.type == "person" or bool(c.titles) or not c.named or c.names > 1


_SPOUSES = {"wife": ("f", "m"), "lady": ("f", "m"), "husband": ("m", "f")}
"""A spouse noun -> its own gender and its possessor's: "his wife" is the "Mrs." of his
surname."""
_DETERMINERS = frozenset(word_list("description_determiners"))
"""A description of someone known ("the girl", "her cousin"), not a newcomer ("a girl");
"my mother" is the narrator's, often never named, so it stays a description."""


def fiction_nominal(sal: Salience, i: int) -> int | None:
    """The named character a description of a person refers to in a novel, or None to
    resolve it as news does (``.nominals``).

    A novel names its people and then describes them: "said the doctor" is Dr. Archie when
    the text has one doctor; "cried his wife" is the "Mrs." of his surname; "said her cousin",
    "replied the mother", "said the girl" is the named person in view who fits the noun's
    gender and is not its possessor ("her") - the one a reader has in mind. A news story
    more often brings in someone new ("his wife said"), so this is fiction's profile only.
    """
    ents = sal.ents
    m = ents.index.mentions[i]
    if m.label != "PERSON" or m.number != "sg":
        return None
    text = ents.text
    words = text[m.span.start : m.span.end].lower().split()
    if len(words) < 2 or words[0] not in _DETERMINERS:
        return None
    if _COPULA_BEFORE.search(text, max(0, m.span.start - 40), m.span.start):
        return _predicate_of(sal, i)
    head = m.head.split()[-1] if m.head else ""
    titled = title_holder(ents, head)
    if titled is None and words[0] == "the":
        titled = described_before(sal, i, words[1:])
    if titled is not None:
        return titled
    parent = _PARENTS.get(head)
    possessor = None if words[0] == "the" else document_owner(sal, i) if (
        parent is None) else _child_owner(sal, i)
    spouse = _SPOUSES.get(head)
    if spouse is not None and possessor is not None:
        found = _spouse_of(ents, possessor, spouse[0])
        if found is not None:
            return found
    scores = sal.candidates(i)
    # "the boy" is young by its noun: not the one the narration called "an old man"
    contrary = contrary_described(sal, i, [words[0], "young", *words[1:]] if (
        head in _YOUNG) else words)
    if words[0] == "the" and head in ents.unnamed_by_head and (
        ents.unnamed_by_head[head] in scores and ents.unnamed_by_head[head] not in contrary
    ):
        return None  # "a man came up the bank ... said the man": the one just described
    if parent is not None:
        found = _parent_in_view(ents, scores, possessor, parent)
        if found is not None or possessor is not None and _surname(ents, ents.clusters[possessor]):
            return found  # Lucy Darnell's mother is no Mrs. Pellow: someone not yet named
    # "his second daughter" is not his wife: a relative of the possessor other than a
    # spouse is not the possessor's Mrs. (or Mr.) either
    partner = _spouse_of(ents, possessor, m.gender) if (
        possessor is not None and spouse is None and m.gender in ("m", "f")) else None
    others = _named_in_sentence(sal, i) | contrary
    people = sorted(
        ((s, c) for c, s in scores.items()
         if c != possessor and c != partner and c not in others and ents.clusters[c].named
         and _fits(ents.clusters[c], m.gender) and character(ents.clusters[c])
         and not (parent is not None and _kin_titled(ents, ents.clusters[c]))),
        reverse=True)
    if m.gender in ("m", "f") and any(ents.clusters[c].gender == m.gender for _, c in people):
        # "the woman" beside Inspector Hale (no gender known) and Margot: Margot
        people = [(s, c) for s, c in people if ents.clusters[c].gender == m.gender]
    if head in _YOUNG and any(not ents.clusters[c].titles for _, c in people):
        # "said the girl" beside Miss Bartlett and Lucy: a titled Miss is not "the girl"
        people = [(s, c) for s, c in people if not ents.clusters[c].titles]
    if not people or people[0][0] < _IN_VIEW or len(people) > 1 and (
        people[1][0] * _LEAD > people[0][0]
    ):
        return None
    return people[0][1]


_COPULA_BEFORE = regex.compile(
    r"\b(?:is|was|are|were|be|been|seemed|seems|became|becomes|remained|remains)"
    r"(?: (?:always|never|not|still|only|just|now|indeed|surely|no longer))? $",
    regex.IGNORECASE)
"""A description right after "is" or "was" is said of the clause's subject ("To Vane she
was always THE rival"), not a reference to the person last in view."""


def _predicate_of(sal: Salience, i: int) -> int:
    """The entity a predicate description is said of: the subject right before the verb
    ("she was the girl", when "she" is known), else a person of its own, who is that
    subject too when it is a "he" or "she" nobody was found for ("she was THE rival")."""
    ents = sal.ents
    m = ents.index.mentions[i]
    subject = -1
    if i > 0:
        prev = ents.index.mentions[i - 1]
        if prev.kind != "nominal" and len(ents.text[prev.span.end : m.span.start].split()) <= 2:
            c = ents.of[i - 1]
            if c is not None and agreement(m, ents.clusters[c]):
                return c
            if c is None and prev.head in ("he", "she") and prev.gender in ("-", m.gender):
                subject = i - 1
    c = ents.new_cluster()
    ents.name_unnamed(c, ents.text[m.span.start : m.span.end], m.head)
    if subject >= 0:
        ents.add(c, subject)
    return c


_PARENTS = dict(zip(word_list("parent_nouns"), word_list("parent_nouns", "gender"),
                    strict=True))
"""A parent noun -> the parent's gender ("said her mother": the Mrs. of the family)."""


def _child_owner(sal: Salience, i: int) -> int | None:
    """The "her" of "her mother": as :func:`.document_owner` finds it, but a titled "Mrs."
    or "Mr." in view is a parent, not the child, while someone else fits ("said her
    mother" beside Mrs. Bennet and her daughter is the daughter's mother)."""
    ents = sal.ents
    m = ents.index.mentions[i]
    word = ents.text[m.span.start : m.span.end].split(None, 1)[0].lower()
    if word not in ("his", "her"):
        return document_owner(sal, i)
    pronoun, gender = ("he", "m") if word == "his" else ("she", "f")
    scores = sal.candidates(i, m._replace(kind="pronoun", head=pronoun, gender=gender))
    children = {c: s for c, s in scores.items() if not ents.clusters[c].titles}
    return best_of(children or scores) if scores else None


def _surname(ents: Entities, c: Cluster) -> str:
    """The family name of a named character known by one ("Mr. Bennet", "Paul Morel"), or ""
    for a given name alone ("Lizzy"), also under a title of kinship ("Aunt Bea", "Uncle
    Walter": ``data/titles.tsv`` kind ``family``), which stands before a given name."""
    if not c.named or not c.fullest or not (c.titles or c.fullest_words > 1):
        return ""
    if c.fullest_words == 1 and _kin_titled(ents, c):
        return ""
    return c.fullest.split()[-1].lower()


def _kin_titled(ents: Entities, c: Cluster) -> bool:
    """Whether the story calls ``c`` by a title of kinship ("Aunt Bea"): someone's aunt or
    uncle, whom the narration does not then call "her mother" or "his father"."""
    return bool(c.titles) and all(_kin_title(ents, t) for t in c.titles)


def _kin_title(ents: Entities, title: str) -> bool:
    found = ents.lexicon.titles.get(title.lower())
    return found is not None and found.kind == "family"


def _parent_in_view(ents: Entities, scores: dict[int, float], possessor: int | None,
                    gender: str) -> int | None:
    """"Said her mother": the one titled character of the parent's gender ("Mrs.") whose
    surname is the possessor's, or else that of the family in view (the most salient
    character with a surname, the possessor aside: a daughter called only "Lizzy" is
    Mr. Bennet's, and her mother Mrs. Bennet)."""
    families: list[str] = []
    if possessor is not None:
        families.append(_surname(ents, ents.clusters[possessor]))
    for _, c in sorted(((s, c) for c, s in scores.items() if c != possessor), reverse=True):
        families.append(_surname(ents, ents.clusters[c]))
    for family in families:
        if not family:
            continue
        found = [c.index for c in ents.clusters if c.index != possessor and c.titles and (
            c.gender == gender) and _surname(ents, c) == family and character(c)]
        if len(found) == 1:
            return found[0]
        if possessor is not None and family == families[0]:
            return None  # her own family has no one parent: not the family in view's
    return None


def _named_in_sentence(sal: Salience, i: int) -> set[int]:
    """The characters named elsewhere in the sentence of description ``i``: "The man lunged
    at the gate, but Rufus was through it first" - a sentence that names Rufus calls
    someone else "the man"."""
    index = sal.ents.index
    m = index.mentions[i]
    text = sal.ents.text
    start = max(text.rfind(". ", 0, m.span.start), text.rfind("\n", 0, m.span.start)) + 1
    ends = [e for e in (text.find(". ", m.span.end), text.find("\n", m.span.end)) if e >= 0]
    end = min(ends) if ends else len(text)
    found: set[int] = set()
    outside = sal.outside  # a name inside a quote is what a speaker says, not narration
    p = bisect_left(outside, i)
    for k in reversed(outside[max(0, p - _SENTENCE_MENTIONS) : p]):
        if index.mentions[k].span.start < start:
            break
        _add_named(sal, k, found)
    for k in outside[p : p + _SENTENCE_MENTIONS]:
        if index.mentions[k].span.start >= end:
            break
        if k != i:
            _add_named(sal, k, found)
    return found


_SENTENCE_MENTIONS = 40
"""How many mentions each way a sentence is searched for names (a bound, not a guess)."""


def _add_named(sal: Salience, k: int, found: set[int]) -> None:
    if sal.ents.index.mentions[k].kind == "name" and (c := sal.ents.of[k]) is not None:
        found.add(c)


_YOUNG = frozenset(word_list("young_nouns"))
"""Nouns for a young person: "the girl" is Lucy, not the Miss Bartlett beside her."""

_IN_VIEW = 1.0
"""A described character must have been mentioned within the last few sentences."""
_LEAD = 1.3
"""... and stand ahead of the next character who fits."""


def _fits(c: Cluster, gender: str) -> bool:
    return (c.type == "person" or c.person_cue) and (
        gender == "-" or c.gender in ("-", gender))


def _spouse_of(ents: Entities, possessor: int, gender: str) -> int | None:
    """"His wife" when he is Mr. Bennet: the one other named "Bennet" of her gender."""
    owner = ents.clusters[possessor]
    if not owner.named or not owner.fullest:
        return None
    surname = owner.fullest.split()[-1].lower()
    found = [c.index for c in ents.clusters if c.index != possessor and c.named and (
        c.fullest.split()[-1].lower() == surname if c.fullest else False) and (
        c.gender == gender)]
    return found[0] if len(found) == 1 else None


_PREPOSITIONS = frozenset({"to", "for", "with", "of", "from", "by", "about", "like",
                           "unlike", "than", "towards", "toward", "beside", "without"})


def fiction_pronoun(sal: Salience, i: int) -> int | None:
    """:func:`.resolve_pronoun` for fiction, with one rule of English grammar a novel's
    first lines often need: "To Inspector Vane she was always the rival" - the subject of a
    clause is not the name a preposition of that clause governs, so "she" is not Vane
    (and Vane does not become a woman for every later "he")."""
    ents = sal.ents
    mentions = ents.index.mentions
    m = mentions[i]
    if m.head in ("i", "we"):
        return None
    scores = sal.candidates(i)
    if m.head in ("he", "she") and i > 0 and scores:
        prev = mentions[i - 1]
        governed = ents.of[i - 1]
        if prev.kind == "name" and governed in scores and _governed_before(
            ents.text, prev.title_start if prev.title_start >= 0 else prev.span.start,
            prev.span.end, m.span.start
        ):
            del scores[governed]
    best = best_of(scores) if scores else None
    if m.head not in ("he", "she") or best is not None and character(ents.clusters[best]):
        return best
    # Only one-off words in view ("ADVENTURE I."), or no one: a long exchange of quotes
    # names nobody in its narration, and its "replied he" is the last speaker who fits.
    return _recent_speaker(sal, m)


_SPEAKERS_BACK = 12
"""How many attributed quotes back a "he" in a long exchange may find its speaker."""


def _recent_speaker(sal: Salience, m: Mention) -> int | None:
    """The most recent named character among the last few speakers before ``m`` who
    agrees with it (a described speaker, "her visitor", is not taken: in a long exchange a
    "he" more often returns to a character than to one described in passing)."""
    clusters = sal.ents.clusters
    seen = 0
    positions = sal.speaker_positions
    for k in range(len(positions) - 1, -1, -1):
        if positions[k] >= m.span.start:
            continue
        c = sal.speaker_clusters[k]
        seen += 1
        if seen > _SPEAKERS_BACK:
            break
        cluster = clusters[c]
        if cluster.gender not in ("-", m.gender):
            continue
        if cluster.named and character(cluster) and cluster.type in ("person", "unknown"):
            return c
    return None


def _governed_before(text: str, start: int, end: int, pronoun: int) -> bool:
    """Whether the name at [start, end) follows a preposition and the pronoun follows it
    in the same clause, at most two words on ("To Vane she", "With Ada gone, he" no)."""
    between = text[end:pronoun]
    if any(ch in between for ch in ",;:.!?()\"“”‘’—–") or len(between.split()) > 2:
        return False
    before = text[max(0, start - 16) : start].split()
    return bool(before) and before[-1].lower() in _PREPOSITIONS
