"""Fiction's descriptions of its characters: "said the colonel", "cried the widow", "said
the housekeeper". A novel names a character, gives them a title or a description beside the
name ("Mrs. Tull, the housekeeper,", "a young curate named Mr. Ferrars", "Colonel Pryce"),
and then goes on calling them by it, whoever else is in view; these find that character.
The ``genre="fiction"`` profile only (``.fiction``, ``.coreference``)."""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..lexicon import word_list
from .clusters import Entities
from .salience import Salience

_CONTRARY = {word: frozenset(others.split()) for word, others in zip(
    word_list("contrary_modifiers"), word_list("contrary_modifiers", "contrary"), strict=True)}
"""A description's modifier -> the modifiers that contradict it ("old": "young")."""


def title_holder(ents: Entities, head: str) -> int | None:
    """The one named character whose title the role noun stands for ("the doctor": Dr.
    Archie), anywhere in the text; None when none or several hold it."""
    wanted = ents.lexicon.role_titles.get(head, ())
    if not wanted:
        return None
    found = [c.index for c in ents.clusters if c.named and c.titles and any(
        t.lower() in wanted for t in c.titles)]
    return found[0] if len(found) == 1 else None


_DESCRIBED_BACK = 400
"""How many mentions back (outside quotes) a description is looked for under a name."""


def described_before(sal: Salience, i: int, words: list[str]) -> int | None:
    """The named character the narration gave the same description before, beside a name
    ("the old man, Jabez Merrow," / "returned the old man"): a novel keeps calling a
    character by the description it gave them, whoever else is in view."""
    ents = sal.ents
    mentions, text = ents.index.mentions, ents.text
    outside = sal.outside
    p = bisect_left(outside, i)
    for k in reversed(outside[max(0, p - _DESCRIBED_BACK) : p]):
        other = mentions[k]
        if other.kind != "nominal" or other.head != mentions[i].head:
            continue
        if text[other.span.start : other.span.end].lower().split()[1:] != words:
            continue
        c = ents.of[k]
        if c is not None and ents.clusters[c].named and _beside_name(ents, k, c):
            return c
        if c is None or not ents.clusters[c].named:  # "Jacob Thorne, an old man,": not merged
            named = _name_before(ents, k)
            if named is not None:
                return named
    return None


def _name_before(ents: Entities, k: int) -> int | None:
    """The named entity of the name right before description ``k``, set off by a comma
    ("Jacob Thorne, an old man with a beard,"): the appositive gives that character it."""
    mentions, text = ents.index.mentions, ents.text
    if k == 0 or mentions[k - 1].kind != "name":
        return None
    c = ents.of[k - 1]
    gap = text[mentions[k - 1].span.end : mentions[k].span.start]
    if c is None or not ents.clusters[c].named or gap.strip() != "," or len(gap) > 3:
        return None
    return c


_APPOSITION_GAP = 12
"""The most characters between a description and the name it is given beside it: ", "
or " named "."""


def _beside_name(ents: Entities, k: int, c: int) -> bool:
    """Whether description ``k`` stands beside a name of its entity ("Mrs. Pell, the widow";
    "the curate, Mr. Ferrars"): given to that character, not guessed from who is in view."""
    mentions, of = ents.index.mentions, ents.of
    m = mentions[k]
    return any(
        0 <= j < len(mentions) and mentions[j].kind == "name" and of[j] == c and (
            max(mentions[j].span.start, m.span.start) - min(mentions[j].span.end, m.span.end)
            <= _APPOSITION_GAP)
        for j in (k - 1, k + 1))


_PHRASE_WORDS = 4
"""The longest speaker phrase read as a description ("the old sea captain")."""
_LEAD = 40
"""How far before a description its determiner and adjectives are looked for."""
_DESCRIBED = regex.compile(
    r"(?<!\p{L})(?i:the|an?|his|her|their)[ \t\n]+(?:[\p{L}-]+[ \t\n]+){0,2}\Z")
"""A description's determiner and up to two words before it: "the old", "a young"."""
_NAMED_AFTER = regex.compile(r"(?:,[ \t\n]*|[ \t\n]+(?:named|called)[ \t\n]+)")
"""Between a description and the name it is given: ", " or " named "."""


def described_phrase(ents: Entities, phrase: str, position: int) -> int | None:
    """The named character a speaker phrase no mention covers stands for ("said the
    colonel", "said the housekeeper"): the one character holding the title ("Colonel
    Pryce"), or the one the narration gave the description beside their name before
    ("Mrs. Tull, the housekeeper,", "a young curate named Mr. Ferrars")."""
    words = phrase.lower().split()
    if not 2 <= len(words) <= _PHRASE_WORDS or words[0] != "the":
        return None
    if len(words) == 2:
        titled = title_holder(ents, words[1])
        if titled is not None:
            return titled
    text, index = ents.text, ents.index
    tail = r"[ \t\n]+".join(regex.escape(w) for w in words[1:])
    found = None
    pattern = rf"(?<![\p{{L}}-]){tail}(?![\p{{L}}-])"
    for m in regex.finditer(pattern, text, regex.IGNORECASE, endpos=position, concurrent=False):
        lead = _DESCRIBED.search(text, max(0, m.start() - _LEAD), m.start(), concurrent=False)
        if lead is None:
            continue
        start = lead.start()
        k = bisect_left(index.starts, start)
        name = None
        if k and index.mentions[k - 1].kind == "name" and text[
                index.mentions[k - 1].span.end : start].strip() == ",":
            name = k - 1  # "Mrs. Tull, the housekeeper"
        gap = _NAMED_AFTER.match(text, m.end(), concurrent=False)
        if name is None and gap is not None:
            j = bisect_left(index.starts, gap.end())
            if j < len(index.mentions) and index.mentions[j].kind == "name" and (
                    index.mentions[j].span.start == gap.end()
                    or index.mentions[j].title_start == gap.end()):
                name = j  # "the housekeeper, Mrs. Tull", "a curate named Mr. Ferrars"
        if name is not None and (c := ents.of[name]) is not None and ents.clusters[c].named:
            if found is not None and found != c:
                return None  # two people so described: not one to name
            found = c
    return found




def contrary_described(sal: Salience, i: int, words: list[str]) -> set[int]:
    """The characters the narration described, before description ``i`` (its
    lower-case ``words``), by a modifier that contradicts one of its own: "the old man" is
    not "a young man named Harry Dunn" nor the one "the young man" was said of."""
    contrary = frozenset().union(*(_CONTRARY.get(w, frozenset()) for w in words[1:-1]))
    if not contrary:
        return set()
    ents = sal.ents
    mentions, text = ents.index.mentions, ents.text
    outside = sal.outside
    p = bisect_left(outside, i)
    found: set[int] = set()
    for k in outside[max(0, p - _DESCRIBED_BACK) : p]:
        other = mentions[k]
        if other.kind != "nominal" or contrary.isdisjoint(
                text[other.span.start : other.span.end].lower().split()[1:-1]):
            continue
        c = ents.of[k]
        if c is not None and not ents.clusters[c].named:
            found.add(c)  # "an old man" itself, whoever he turns out to be
            c = None
        c = _name_before(ents, k) if c is None else c
        c = _name_after(ents, k) if c is None else c
        if c is not None:
            found.add(c)
    return found


def _name_after(ents: Entities, k: int) -> int | None:
    """The named entity of the name description ``k`` introduces ("a young man named Harry
    Dunn", "the curate, Mr. Ferrars")."""
    mentions, text = ents.index.mentions, ents.text
    if k + 1 >= len(mentions) or mentions[k + 1].kind != "name":
        return None
    name = mentions[k + 1]
    start = name.title_start if name.title_start >= 0 else name.span.start
    gap = _NAMED_AFTER.match(text, mentions[k].span.end, concurrent=False)
    c = ents.of[k + 1]
    if gap is None or gap.end() != start or c is None or not ents.clusters[c].named:
        return None
    return c
