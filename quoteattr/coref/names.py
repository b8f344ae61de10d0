"""Names -> entities, without models: name variants.

"John Kerry", "Kerry" and "Mr. Kerry" share a surname, titles are kept apart as
``titles``, and the canonical name is the fullest form. Appositives ("Olu Adeyemi, the
transport director,") are joined after this, in :mod:`.appositives`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..annotators.name_words import HYPHEN_PARTICLES
from ..mentions import Mention
from ..mentions.types import full_start
from .clusters import Cluster, Entities

_SURNAME_FIRST = re.compile(r"[A-Z][a-z]+-[a-z]+")
"""A romanised Cantonese or Korean given name ("Chun-wai", "Mei-ling") ends a name whose
surname stands before it: "Ip" in "Tommy Ip Chun-wai", "Lam" in "Lam Siu-fung"."""
_GLUED_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2}\.)(?=[^\W\d_])")
"""An initial glued to the word after it: "D." of "D.Oyunchimeg", "Ts." of "Ts.Enkhtuya"
(Mongolian papers write a father's initial so)."""


def _name_words(name: str) -> list[str]:
    """The words of a name, an initial glued to the next word counted as a word of its own
    ("D.Oyunchimeg" is "D." and "Oyunchimeg", whose bare surname then names her)."""
    if "." in name:
        name = _GLUED_INITIAL.sub(r"\1 ", name)
    return name.split()


def cluster_names(ents: Entities) -> None:
    """Full names first ("John Kerry"), then single words join the entity they name."""
    mentions = ents.index.mentions
    singles: list[int] = []
    by_full: dict[tuple[str, str], int] = {}
    by_last: dict[str, list[int]] = {}  # last word -> the entities of full names ending so
    keys: dict[str, int] = {}
    """Name -> its entity (-1 for one word): names repeat ("Trump" twenty times), and the
    entity of a full name as written never changes once found."""
    for i, m in enumerate(mentions):
        if m.kind != "name":
            continue
        head = m.head
        c = keys.get(head)
        if c is not None:
            if c < 0:
                singles.append(i)
            else:
                ents.add(c, i)
            continue
        words = _name_words(head)
        if len(words) == 1:
            keys[head] = -1
            singles.append(i)
            continue
        key = (words[0].lower(), words[-1].lower())  # (first word, last word)
        c = by_full.get(key)
        if c is None:
            c = _fuller(ents, by_last.get(key[1], ()), m)
            if c is None:
                c = ents.new_cluster()
                by_last.setdefault(key[1], []).append(c)
            by_full[key] = c
        keys[head] = c
        ents.add(c, i)
    # word -> (rank, cluster): rank 0 for a surname or the whole name, 1 for a given name
    by_word: dict[str, list[tuple[int, int]]] = {}
    first_names = ents.lexicon.first_names
    for cluster in ents.clusters:
        if "GROUP" in cluster.labels and "PERSON" not in cluster.labels:
            continue  # "Mr. and Mrs. Tan", "Kerry and Lavrov": no single name is the pair
        words = _name_words(cluster.name.lower())
        by_word.setdefault(words[-1].rstrip("."), []).append((0, cluster.index))
        particle, hyphen, surname = words[-1].partition("-")
        if hyphen and particle in HYPHEN_PARTICLES and len(words) > 1:
            by_word.setdefault(surname, []).append((0, cluster.index))  # "Assad", "al-Assad"
        if "ORG" in cluster.labels and len(words) > 1:
            initials = _initials(cluster.name)
            if initials:  # "FSB" for the Federation of Small Businesses named before
                by_word.setdefault(initials, []).append((0, cluster.index))
        if "ORG" not in cluster.labels:
            by_word.setdefault(words[0], []).append((1, cluster.index))
            if len(words) == 3 and words[0] in first_names and words[1] not in first_names and (
                    words[1].isalpha()):  # "Salas" of "Rigoberto Salas Quintero"
                by_word.setdefault(words[1], []).append((0, cluster.index))
            if len(words) > 1 and "-" in words[-1] and _SURNAME_FIRST.fullmatch(
                cluster.name.rsplit(None, 1)[-1]
            ):  # (the hyphen tested first: a pattern call per name costs ten times more)
                by_word.setdefault(words[-2], []).append((0, cluster.index))
    _bracketed_short_forms(ents, singles, by_word)
    short_forms: dict[str, int] = {}  # a bare word -> the entity it named first
    for i in singles:
        m = mentions[i]
        word = m.head.lower()
        options = by_word.get(word, ())
        stable = short_forms.get(word) if len(options) > 1 else None
        if stable is not None and m.title_start < 0 and any(c == stable for _, c in options):
            # a paper keeps one short form for one person ("Salas"), and names the other
            # who shares it in full each time ("Yesenia Salas")
            ents.add(stable, i)
            continue
        if options and m.gender != "-" and not m.gender_from_name:
            # "Mrs. Okafor" is not the "Mr. Okafor" (or "Daniel Okafor") named before
            options = [o for o in options if agrees_in_gender(ents.clusters[o[1]], m.gender)]
        # one option is the answer wherever the word stands (most words have one)
        match = options[0][1] if len(options) == 1 else match_single(
            ents, options, m.span.start)
        if match is None:
            match = ents.new_cluster()
            by_word.setdefault(word, []).append((0, match))
        if m.title_start < 0:
            short_forms.setdefault(word, match)
        ents.add(match, i)


def _bracketed_short_forms(ents: Entities, singles: Sequence[int],
                           by_word: dict[str, list[tuple[int, int]]]) -> None:
    """A short form in brackets right after a body's full name names that body, whatever
    its letters: "The Allied Mineworkers' Union (Amwu)", "Opposition Janata Vikas Party
    (JVP)"; its later uses ("Amwu said") then find it as initials do."""
    mentions, text = ents.index.mentions, ents.text
    for i in singles:
        m = mentions[i]
        start = m.span.start
        if not i or text[start - 2 : start] != " (" or text[m.span.end : m.span.end + 1] != ")":
            continue
        before = mentions[i - 1]
        c = ents.of[i - 1]
        if c is None or before.kind != "name" or before.span.end != start - 2 or (
            " " not in before.head or "ORG" not in ents.clusters[c].labels
        ):
            continue
        options = by_word.setdefault(m.head.lower(), [])
        if (0, c) not in options:
            options.insert(0, (0, c))


def _initials(name: str) -> str:
    """The lower-cased initials of an organisation's capitalised words, an article before
    them left out: "fsb" for "The Federation of Small Businesses", "numsa" for "National
    Union of Metalworkers of South Africa"; "" for fewer than two. Reporters give a body's
    name once and its initials after, with or without them in brackets at first."""
    words = name.split()
    if words and words[0] in ("The", "the"):
        words = words[1:]
    letters = [w[0] for w in words if w[0].isupper()]
    return "".join(letters).lower() if len(letters) > 1 else ""


def _fuller(ents: Entities, options: Sequence[int], m: Mention) -> int | None:
    """The entity of a longer name that ends with the words of ``m``'s ("Kai Te Awa" for "Te
    Awa", "Pádraig Ó Móráin" for "Ó Móráin", "Pieter van Heerden" for "Van Heerden"): a
    surname of several words given alone."""
    words = m.head.lower().split()
    for c in options:
        cluster = ents.clusters[c]
        full = cluster.name.lower().split()
        if len(full) > len(words) and full[-len(words):] == words and (
            m.gender == "-" or m.gender_from_name or agrees_in_gender(cluster, m.gender)
        ):
            return c
    return None


def agrees_in_gender(cluster: Cluster, gender: str) -> bool:
    """Whether an entity may be of ``gender`` (a title's): a guess from a one-word name
    counts for it, as the title says more ("Ola", then "Mrs. Ola"); a given name before a
    surname does not ("Madame Lebrun" is not Robert Lebrun, his mother is)."""
    return cluster.gender in ("-", gender) or cluster.gender_from_name and (
        cluster.fullest_words < 2)


def match_single(
    ents: Entities, options: Sequence[tuple[int, int]], position: int
) -> int | None:
    """The entity a one-word name refers to: surnames before given names, people before
    other names ("Santos" is Maria Santos, not the restaurant Casa Santos), then nearest
    earlier first mention, then the nearest later one."""
    best: tuple[int, bool, int, int] | None = None
    starts = ents.index.starts  # a start read, no mention made (a long text's are packed)
    for rank, c in options:
        cluster = ents.clusters[c]
        first = starts[cluster.mentions[0]]
        distance = position - first if first <= position else 10**9 + first - position
        candidate = (rank, cluster.type != "person", distance, c)
        if best is None or candidate < best:
            best = candidate
    return None if best is None else best[3]


def modifies(m: Mention, nxt: Mention, text: str) -> bool:
    """True for "Union" in "Union leader Joris Bakker": a name inside the next one's title.

    Only a space may separate them: a name that ends a line ("By Ana Duarte" above "John
    Smith") modifies nothing on the next, whatever the line break is (LF, CRLF, CR).
    """
    if nxt.kind != "name":
        return False
    start = full_start(nxt)
    return start <= m.span.end or start == m.span.end + 1 and text[m.span.end] == " "
