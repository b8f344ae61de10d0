"""The entities of one document: a :class:`Cluster` per entity and the table that every
resolver adds mentions to (:class:`Entities`).

The resolvers (names, pronouns, nominals, organisations) are functions over one
:class:`Entities`, so each strategy stands in its own module and they share one record of
which mention belongs to which entity.
"""

from __future__ import annotations

import re
from array import array
from functools import cache

from ..lexicon import Lexicon
from ..mentions import MentionIndex
from ..records import SpeakerType
from ..spans import one_line

_PLACE_WORDS = frozenset({"in", "at", "on", "from", "near", "across", "outside", "inside",
                          "into", "throughout", "toward", "towards", "downtown"})
"""A word that puts a place, not a person, right after it: "toured homes in Elmwood", "the
senator from Vermont said"."""
_AGE_AFTER = re.compile(r",\s\d{1,3},")
"""", 42,": an age, said only of a person."""
_BARE_ROLE = re.compile(r"((?:[a-z][a-z-]* ){0,3}[a-z][a-z-]*)(?: (?:of|for|at|with) |,)")
"""A role after a name's comma without an article: "general secretary of", "vice-president
for", "chief executive," (lower-case words, the role last)."""
_POSSESSOR = re.compile(r"[^\W\d_]+['’]s\b")
"""A possessor inside a title names someone else: "the doctor's man" holds no "doctor",
"the president's spokesman" no "president"."""


def _without_possessor(title: str) -> str:
    """``title`` lower-cased, less its possessors (:data:`_POSSESSOR`). Most titles hold no
    apostrophe, and the pattern's search costs some 16,000 instructions a title (it tries
    each letter as a word's start): a substring test skips it, with the same result."""
    title = title.lower()
    return _POSSESSOR.sub("", title) if "'" in title or "’" in title else title


_CLOSERS = "\"'”’»)]"
"""What may close a sentence after its full stop ("...," she said.") before the next one."""
_SENTENCE_ENDS = ".!?:;—–"
"""What ends the text before a sentence (or a dateline's dash: "OTTAWA — Council voted")."""


class Cluster:
    """One entity: the mentions that refer to it and what they say about it.

    A plain slotted class with one ``__init__`` argument, rather than a dataclass with
    default factories: a document makes one per name and role noun it has, and each
    container made here is one more for the garbage collector to walk (``titles`` is a
    tuple, () for most entities, and whether a name was seen is a flag, not a list).
    """

    __slots__ = ("index", "named", "titles", "mentions", "labels", "gender",
                 "gender_from_name", "nominal", "fullest", "titles_lower", "type",
                 "fullest_words", "fullest_chars", "person_cue", "place_cue", "thing_cue",
                 "cues_read", "names")

    def __init__(self, index: int) -> None:
        self.index = index
        self.named = False
        """Whether any name of the entity has been seen (:meth:`add_name`)."""
        self.names = 0
        """How many of the mentions are names (a word capitalised once is a weak entity)."""
        self.titles: tuple[str, ...] = ()
        self.mentions: list[int] | array[int] = []
        """The indices of its mentions, in the order they joined; an array in a long text
        (:data:`COMPACT_ABOVE`)."""
        self.labels: frozenset[str] = frozenset()
        """The mention labels seen; one shared set per combination (:func:`_with_label`)."""
        self.gender = "-"
        self.gender_from_name = False
        """The gender is only a guess from a given name, so a pronoun may overrule it."""
        self.nominal = ""
        """For an entity known only by a role noun ("the mayor"): that phrase."""
        self.fullest = ""
        """The fullest name seen so far (most words, then longest), kept as names are added."""
        self.titles_lower = ""
        """The titles lower-cased and joined by " | ", for substring tests ("minister")."""
        self.type: SpeakerType = "unknown"
        """What the labels say the entity is, kept up to date by :meth:`add_label` (salience
        reads it for every candidate of every pronoun)."""
        self.fullest_words = self.fullest_chars = 0
        """Words and characters of :attr:`fullest`, so a new name is compared without
        re-splitting."""
        self.person_cue = False
        """The text treats the entity as a person although no label says so: it speaks
        ("Brandt said"), has an age ("Brandt, 54,") or is "he" or "she" somewhere."""
        self.place_cue = False
        """The text uses a name of the entity as a place ("in Elmwood", "at Brandt Park")."""
        self.thing_cue = False
        """The text uses a name of the entity as only a thing or a group is used: "the
        Liberals", "Dock workers", "Calgary council", or a common noun capitalised at a
        sentence start ("Council voted", "Sales fell") that the text also writes lower-case
        or the lexicons list."""
        self.cues_read = False
        """Whether the names' cues have been read (:meth:`Entities.read_cues`)."""

    @property
    def name(self) -> str:
        """The fullest name, without titles; a role phrase for unnamed entities."""
        return self.fullest or self.nominal

    def add_name(self, name: str) -> None:
        self.named = True
        self.names += 1
        if name != self.fullest:
            words = len(name.split())
            if words > self.fullest_words or (
                words == self.fullest_words and len(name) > self.fullest_chars
            ):
                self.fullest, self.fullest_words, self.fullest_chars = name, words, len(name)

    def add_title(self, title: str) -> None:
        if title not in self.titles:
            self.titles = (*self.titles, title)
            self.titles_lower = " | ".join(map(_without_possessor, self.titles))

    def add_label(self, label: str) -> None:
        if label in self.labels:
            return
        self.labels = _with_label(self.labels, label)
        if "ORG" in self.labels and "PERSON" not in self.labels:
            self.type = "organization"
        elif "PERSON" in self.labels:
            self.type = "person"
        elif "GROUP" in self.labels:
            self.type = "group"


COMPACT_ABOVE = 4096
"""A text of more mentions than this (a book, an archive in one string, not an article)
keeps its per-mention tables of ints as ``array('l')``: a list holds an int object of 32
bytes for each entry besides its 8-byte slot. An article keeps lists, which are quicker to
make and read (arrays cost about 1 % more instructions on ordinary articles)."""
_NO_MENTIONS: array[int] = array("l")


@cache
def _with_label(labels: frozenset[str], label: str) -> frozenset[str]:
    """``labels`` with ``label``: a handful of labels make a handful of sets, shared by
    every cluster (a set of its own is 216 bytes, and a document has a cluster per name)."""
    return labels | {label}


class Entities:
    """One document's clusters and which mention belongs to which (``of``; None for a
    mention resolved to nothing), with the indexes of unnamed entities and of titles that
    the role-noun resolvers read."""

    __slots__ = ("text", "index", "lexicon", "clusters", "of", "resolved", "unnamed_by_key",
                 "unnamed_by_head", "may_hold", "named_titles", "issued", "compact")

    def __init__(self, text: str, index: MentionIndex, lexicon: Lexicon) -> None:
        self.text = text
        self.index = index
        self.lexicon = lexicon
        self.clusters: list[Cluster] = []
        self.of: list[int | None] = [None] * len(index.mentions)
        """Each mention's entity: None until it is resolved, or when it is resolved to none.
        A list and a flag per mention, not a dict: a long text has one entry per mention."""
        self.resolved = bytearray(len(index.mentions))
        """1 for each mention resolved (to an entity or to none), 0 for the rest."""
        self.compact = len(index.mentions) > COMPACT_ABOVE
        """Whether the per-mention tables of ints are arrays (:data:`COMPACT_ABOVE`)."""
        self.unnamed_by_key: dict[str, int] = {}
        """Unnamed entities ("the mayor") by their lower-cased phrase."""
        self.unnamed_by_head: dict[str, int] = {}
        """Unnamed entities by their role noun ("mayor"), the first one kept."""
        self.may_hold: dict[str, bool] = {}
        """Role noun -> whether any named entity's titles contain it or a title it stands
        for (see :func:`.nominals.may_have_holders`); emptied whenever a title is added."""
        self.named_titles: str | None = None
        """The titles of all named entities, built when first needed, reset with ``may_hold``."""
        self.issued: dict[str, tuple[int, int]] = {}
        """Document noun ("statement") -> the entity whose one was last quoted, and where."""

    def new_cluster(self) -> int:
        cluster = Cluster(len(self.clusters))
        if self.compact:
            cluster.mentions = _NO_MENTIONS.__copy__()
        self.clusters.append(cluster)
        return len(self.clusters) - 1

    def move(self, i: int, c: int) -> None:
        """Mention ``i``, resolved already, joins entity ``c`` instead (the caller takes it
        out of its old entity's list): read again as new, as :meth:`add` reads it."""
        self.of[i] = None
        self.resolved[i] = 0
        self.add(c, i)

    def add(self, c: int, i: int) -> None:
        """Mention ``i`` joins entity ``c``, which learns its name, title, label and gender."""
        m = self.index.mentions[i]
        cluster = self.clusters[c]
        cluster.mentions.append(i)
        kind = m.kind
        gender = m.gender
        label = m.label
        if kind == "name":
            head = m.head
            # Cluster.add_name, inlined: one call less for each of a text's many names
            cluster.named = True
            cluster.names += 1
            if head != cluster.fullest:
                words = len(head.split())
                if words > cluster.fullest_words or (
                    words == cluster.fullest_words and len(head) > cluster.fullest_chars
                ):
                    cluster.fullest, cluster.fullest_words = head, words
                    cluster.fullest_chars = len(head)
            if label == "UNKNOWN" and cluster.type == "unknown":
                # "Crews", "Officials", "Canadians": a group; "Council": an organisation
                word = head.lower()
                if " of " in word:  # "Residents of Bondi", "Council of Canadians"
                    word = word.split(None, 1)[0]
                common = self._common_label(word)
                if common:
                    cluster.add_label(common)
            if m.gender_from_name and cluster.fullest_words > 1 and (
                " " not in head and not cluster.fullest.startswith(head + " ")
            ) and cluster.fullest.split(None, 1)[0].lower() in self.lexicon.first_names:
                # "Christie" after "Chris Christie": a surname, and the given name has told
                # what it can (a surname's guess stands in for an unknown given name)
                gender = "-"
        elif label == "PERSON" and not cluster.person_cue:
            cluster.person_cue = True  # "he", "she", or a role noun for a person
        if m.title:
            cluster.add_title(m.title)
            self.titles_changed()
        # a name says what an entity is; "it" or "their landlord" says little (a label held
        # already, the usual case for a name seen before, is not added again)
        if (kind == "name" or (kind == "nominal" and not cluster.named)) and (
            label not in cluster.labels
        ):
            cluster.add_label(label)
        if gender != "-" and (gender == "m" or gender == "f") and (cluster.gender == "-" or (
            cluster.gender_from_name and not m.gender_from_name
        )):
            cluster.gender, cluster.gender_from_name = gender, m.gender_from_name
        self.of[i] = c
        self.resolved[i] = 1

    def _common_label(self, word: str) -> str:
        """"GROUP" for a one-word name that is a group noun or a plural of a demonym or
        party ("Canadians", "Albertans", "Tories"), "ORG" for an organisation's role noun
        ("Council", "Ministry"), else ""."""
        lexicon = self.lexicon
        roles = lexicon.role_nouns
        role = roles.get(word)
        if role is not None and role.type != "person":
            return "GROUP" if role.type == "group" else "ORG"
        if word in lexicon.group_nouns:
            return "GROUP"
        if word.endswith("s") and " " not in word:
            stem = word[:-3] + "y" if word.endswith("ies") else word[:-1]
            if lexicon.title_modifiers.get(stem) in ("demonym", "party"):
                return "GROUP"
        return ""

    def read_cues(self, cluster: Cluster) -> None:
        """Fill ``person_cue``, ``place_cue`` and ``thing_cue`` from the
        words around the entity's names without a label; read once, when salience first
        weighs the entity (all names are clustered by then, and most entities are never
        weighed)."""
        cluster.cues_read = True
        if cluster.person_cue:
            return  # "he" or "she" already: a person
        text, mentions = self.text, self.index.mentions
        lexicon = self.lexicon
        name = cluster.name.lower()
        if name in lexicon.agencies or "the " + name in lexicon.agencies:
            cluster.thing_cue = True  # "told POLITICO", "Reuters reported": an outlet
            return
        verbs = lexicon.speech_verbs
        thing = seen = False
        initial = one_word = True
        for i in cluster.mentions:
            m = mentions[i]
            if m.kind != "name" or m.label != "UNKNOWN":
                continue
            start, end = m.span.start, m.span.end
            # plain string operations, not regex searches: this runs for every name of
            # every entity salience weighs
            before = text[max(0, start - 20) : start].split()
            word = before[-1].lower() if before else ""
            if (word in _PLACE_WORDS or word == "the" and len(before) > 1 and (
                before[-2].lower() in _PLACE_WORDS
            )) and not text.startswith(("'s", "’s"), end):
                cluster.place_cue = True
                continue
            after = text[end : end + 25]
            spaced = after[:1] == " "
            following = first_word(after) if spaced else ""  # read once for both tests
            if word in verbs or spaced and following in verbs or (
                after[:1] == "," and _AGE_AFTER.match(after) or after.startswith(", who ")
            ) or after.startswith(", ") and self._person_described(i, end):
                # "Ellis, who handles production, says": "who" speaks of a person
                cluster.person_cue = True
                return  # a person whatever else the text says (a place cue no longer counts)
            seen = True
            if thing:
                continue  # a thing already: the tests below decide nothing more
            head = m.head.lower()
            if word == "the" and m.title_start < 0 and head not in lexicon.titles and (
                head.split()[0] not in lexicon.titles
            ):
                thing = True  # "the Liberals", "the Oilers", not "the Queen"
            elif spaced and after[1:2].islower() and self._common_label(following):
                thing = True  # "Dock workers", "Calgary council": a modifier of a noun
            if " " in m.head:
                one_word = False
            elif initial and not sentence_start(text, start):
                initial = False  # "met Brandt": capitalised where a common noun is not
        # Every name of the entity is one word at a sentence start, where any noun is
        # capitalised: one the lexicons list, or the text also writes lower-case, is a common
        # word ("Sales fell ... sales of winter tires", "Asked Tuesday about it"); "Brandt
        # toured" stays a name.
        cluster.thing_cue = thing or seen and one_word and initial and (
            not cluster.place_cue
        ) and (name in lexicon.role_nouns or name in lexicon.group_nouns
               or name in lexicon.org_words or name in lexicon.document_nouns
               or name in lexicon.speech_verbs
               or written_as_word(text, name))

    def _person_described(self, i: int, end: int) -> bool:
        """"Sze Wing-kwan, a community organiser with ...": a person's role noun right after
        the comma that follows name ``i`` (ending at ``end``) describes a person."""
        mentions = self.index.mentions
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            if nxt.kind == "nominal" and nxt.label == "PERSON" and nxt.span.start == end + 2:
                return True
        # "Kazi Ruhul Amin, general secretary of the Garment Federation,": a role without
        # an article, which no mention holds, closed by "of", "for", "at" or a comma
        bare = _BARE_ROLE.match(self.text, end + 2, end + 60)
        if bare is None:
            return False
        words = bare[1].split()
        roles, lexicon = self.lexicon.role_nouns, self.lexicon
        return any((role := roles.get(phrase)) is not None and role.type == "person"
                   or lexicon.is_title(phrase)
                   for phrase in (" ".join(words[-2:]), words[-1]))

    def titles_changed(self) -> None:
        if self.named_titles is not None:
            self.named_titles = None
            self.may_hold.clear()

    def name_unnamed(self, c: int, phrase: str, head: str) -> None:
        """Give an unnamed entity its phrase, and index it so later "the mayor"s find it.

        White space is collapsed: a phrase wrapped over two lines ("the\r\nministry") is the
        same name as on one line, whatever the line break."""
        phrase = one_line(phrase)
        self.clusters[c].nominal = phrase
        self.unnamed_by_key.setdefault(phrase.lower(), c)
        words = head.lower().split()
        for key in (head.lower(), words[-1] if words else ""):
            if key:
                self.unnamed_by_head.setdefault(key, c)


def written_as_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word, exactly so written ("sales").

    ``str.find`` over the text, not a regex search: a pattern per word would be compiled
    for every capitalised word salience weighs."""
    at = text.find(word)
    size = len(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            return True
        at = text.find(word, end)
    return False


def sentence_start(text: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence, a line or the text."""
    window = text[max(0, start - 12) : start]
    kept = window.rstrip()
    if "\n" in window[len(kept) :] or not kept and start <= 12:
        return True
    kept = kept.rstrip(_CLOSERS)
    return not kept or kept[-1] in _SENTENCE_ENDS


def first_word(text: str) -> str:
    """The first word of ``text`` without the punctuation after it ("said." -> "said")."""
    words = text.split(None, 1)
    return words[0].rstrip(".,;:") if words else ""
