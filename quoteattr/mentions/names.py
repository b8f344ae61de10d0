"""Name mentions: the annotator's entities as mentions, with the title phrase before them.

A title ("Belgian Prime Minister", "Mrs.") makes a name a person's and tells its gender more
surely than the given name; coordinated names ("Pavel and Jana Tesar") are one plural mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import regex

from ..annotation import Entity
from ..lexicon import Lexicon, word_list
from ..mention_words import after_inverted_cue, before_speech_verb
from ..spans import Span
from .patterns import MentionPatterns
from .types import Mention, MentionLabel, new_mention

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

# (?r) searches from the end: a forward search would try every start in the window.
_TITLE_WORD = regex.compile(r"(?r)(\S+)\s+\Z")
ODD_SPACES = "\x1c\x1d\x1e\x1f"
"""Space to ``str.isspace`` but not to ``regex``'s ``\\s``: texts with these take the regex path."""


def join_coordinated(text: str, names: list[Mention]) -> list[Mention]:
    """"Pavel and Jana Tesar": a given name and a full name joined by "and" are one plural
    mention (two full names, "Maya Chen and Jordan Ellis", stay two people; so does a titled
    surname before a full name, "Inspector Hale and Margot Lindqvist")."""
    out: list[Mention] = []
    i = 0
    while i < len(names):
        m = names[i]
        # " and " after the name first: it rules out nearly every name, without a copy
        if text.startswith(" and ", m.span.end) and i + 1 < len(names) and (
            m.label != "ORG" and names[i + 1].label != "ORG"
            and " " not in text[m.span.start : m.span.end]  # "Maya Chen and Jordan Ellis": two
            and m.full_span.start == m.span.start  # "Inspector Hale and Margot Lindqvist": two
        ):
            nxt = names[i + 1]
            if nxt.full_span.start == m.span.end + 5:
                span = Span(m.full_span.start, nxt.span.end)
                out.append(new_mention((span, "name", "GROUP", text[m.span.start : nxt.span.end],
                                         "", -1, "-", "pl", False)))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


_THE = frozenset({"the ", "The "})
_TITLE_JOINTS = ("of", "the", "for")
"""Small words inside a title: "Secretary of State", "Minister for Energy"."""
_NAME_LABELS = frozenset({"PERSON", "ORG", "MISC"})
_UNTITLED_LABELS: dict[str, MentionLabel] = {
    "PERSON": "PERSON", "ORG": "ORG", "MISC": "UNKNOWN", "NORP": "UNKNOWN",
}
"""A name's mention label when no title comes before it (a title makes a person)."""


def names_of(
    text: str, entities: Iterable[Entity], lexicon: Lexicon, patterns: MentionPatterns,
    plain_spaces: bool,
) -> list[Mention]:
    """The name mentions among ``entities``: persons, organisations, other names, and
    nationality words standing as surnames ("Cuban said"), in order.

    Most names have no title, and the title look-back gives up at the first word before
    the name unless that word is in ``patterns.title_lead``: for any other word (or no
    space before the name) the mention is exactly what :func:`_untitled_name` builds, so
    only the rest go through :func:`_name_mention`. Texts with odd spaces (see
    :func:`_title_start`) always do: ``str.rsplit`` would see other words there.

    Before splitting off the word, its last three characters are looked up in
    ``patterns.title_lead_ends``: a lead word ends so in some case, and ASCII characters
    lower-case alone, so three ASCII characters that are not there cannot end one. Where
    they may not be the word's end (a second space or a control character right before
    the name's space, or a text start), the test is skipped.
    """
    lead = patterns.title_lead
    ends = patterns.title_lead_ends
    genders = patterns.genders
    heads: dict[str, tuple[str, str]] = {}  # per name as written: its name and gender, once
    out: list[Mention] = []
    for span, label in entities:
        start = span.start
        if start > 3 and text[start - 4 : start] in _THE and (
            label in _NAME_LABELS or label == "NORP"
        ) and (described := _description(text, span, lexicon)) is not None:
            out.append(described)
            continue
        if label not in _NAME_LABELS and (
            label != "NORP" or not before_speech_verb(text, span.end, lexicon)
            and not (text[span.end : span.end + 1] in ",." and after_inverted_cue(
                text, span, lexicon))
        ):
            continue
        if start and text[start - 1].isspace():
            tail = text[start - 4 : start - 1] if start > 3 else ""
            if ends is None or not tail or tail[2] <= " " or tail in ends or not tail.isascii():
                before = text[max(0, start - 40) : start].rsplit(None, 1)
                if not plain_spaces or (before and before[-1].lower().strip(",") in lead):
                    out.append(_name_mention(text, span, label, lexicon, patterns, plain_spaces,
                                             heads))
                    continue
            if text[start - 2 : start - 1].islower() and text.endswith(
                " of", 0, text.rfind(" ", max(0, start - 25), start - 1)
            ) and not text.endswith(_ARTICLES, 0, start):
                # "director of rugby Gareth Lloyd-Emrys": an office of a field
                out.append(_name_mention(text, span, label, lexicon, patterns, plain_spaces,
                                         heads))
                continue
        out.append(_untitled_name(text, span, label, genders, lexicon.org_words, heads))
    return out


_ARTICLES = (" the ", " a ", " an ")
"""Before a name after "of": "of the Smiths" is no office of a field."""
_PERSON_ENDS = ("an", "i", "er", "ard", "man", "woman", "ot", "on", "ek", "no")
"""How a demonym for one person ends ("the Kenyan", "the Iraqi", "the Aucklander", "the
Spaniard", "the Frenchman", "the Cypriot", "the Briton", "the Greek", "the Filipino"); "the
British", "the Dutch", "the Chinese" and "the Swiss" name a whole people, and "the U.S."
or "the Atlantic" no person."""

_PEOPLE_NOUNS = frozenset(word_list("people_nouns"))
"""Nouns for one person whose ending does not show it ("the Swede", "the Czech"):
``data/people_nouns.tsv``."""


def _description(text: str, span: Span, lexicon: Lexicon) -> Mention | None:
    """The person a capitalised word after "the" describes, not names: a role noun ("the
    Treasurer said", "the CS said") or one of a people ("the Belgian said", "the New
    Zealander said"); None for a name, or for a newspaper ("told the Observer")."""
    if text.count(" ", span.start, span.end) > 1:
        return None
    low = text[span.start : span.end].lower()
    role = lexicon.role_nouns.get(low) if " " not in low else None
    if (role is None or role.type != "person") and (
        role is not None or not _one_of_a_people(text, span.end, low, lexicon)
    ) or "the " + low in lexicon.agencies:
        return None
    return new_mention((Span(span.start - 4, span.end), "nominal", "PERSON", low, "", -1,
                        role.gender if role else "-", "sg", False))


def _one_of_a_people(text: str, end: int, low: str, lexicon: Lexicon) -> bool:
    """"the Belgian said", "said the Kenyan,": a demonym standing for one person, as sports
    and foreign copy name someone just introduced; not "the Belgian team" (a modifier)
    nor "the French" (a people)."""
    return (low.endswith(_PERSON_ENDS) or low in _PEOPLE_NOUNS) and low.replace(
        " ", "").isalpha() and lexicon.title_modifiers.get(low) == "demonym" and (
        text[end : end + 1] in (",", ".", ";", "") or before_speech_verb(text, end, lexicon))


_JOINTS = tuple(
    f" {word} " for _, word in sorted(
        zip(map(int, word_list("name_joints", "rank")), word_list("name_joints"), strict=True))
)
"""The joints (" of ", " for "): ``data/name_joints.tsv``, tried in the order of its ``rank``."""


def _untitled_name(
    text: str, span: Span, label: str, genders: Mapping[str, str], org_words: Mapping[str, str],
    heads: dict[str, tuple[str, str]] | None = None,
) -> Mention:
    """A name mention without a title: its gender, if any, is a guess from the given name.
    ``heads`` keeps what each name written so far gave (its name, cut as
    :func:`_person_part` cuts, and its gender): a name repeats through an article, and
    equal names then share one string."""
    written = text[span.start : span.end]
    known = heads.get(written) if heads is not None else None
    if known is None:
        name = written
        if not name.istitle():  # a joint is a lower-case word: a name in title case has none
            name = _person_part(name, genders, org_words)
        first = name.split(None, 1)
        gender = genders.get(first[0].lower(), "-") if first else "-"
        if gender == "-" and len(first) == 2 and "-" in first[0]:
            # a double given name before a surname takes its first name's gender:
            # "Marie-Josée Schmit", "Jean-Pierre Dubois" (not a lone "Lloyd-Webber")
            gender = genders.get(first[0].split("-", 1)[0].lower(), "-")
        if heads is not None:
            heads[written] = name, gender
    else:
        name, gender = known
    return new_mention((span, "name", _UNTITLED_LABELS.get(label, "UNKNOWN"), name, "", -1,
                         gender, "sg", gender != "-"))


def _person_part(name: str, genders: Mapping[str, str], org_words: Mapping[str, str]) -> str:
    """The person in "Tom Cole of Oklahoma", "Holger Schmieding of Berenberg": a name joined
    to a place or employer by "of"/"for" (the annotator keeps them one run, as it must for
    "Bank of Canada") is named by the part before it when that part is a person's full name,
    a known given name and more, with no word of an organisation's name ("James Martin
    Center for ..." stays whole). The mention keeps its span; only its name is cut."""
    for joint in _JOINTS:
        left, found, _ = name.partition(joint)
        if found:
            words = left.split()
            if len(words) >= 2 and words[0].lower() in genders and not any(
                w.lower() in org_words for w in words
            ):
                return left
    return name


def _name_mention(
    text: str, span: Span, label: str, lexicon: Lexicon, patterns: MentionPatterns,
    plain_spaces: bool = True, heads: dict[str, tuple[str, str]] | None = None,
) -> Mention:
    """A name mention, with the title phrase before it ("Belgian Prime Minister") attached.

    A title makes the name a person's (unless it is an organisation's), and a title word
    ("Mrs.") tells the gender more surely than the given name does.
    """
    mention = _untitled_name(text, span, label, patterns.genders, lexicon.org_words, heads)
    title_start = _title_start(text, span.start, lexicon, plain_spaces)
    if title_start == span.start:
        return mention
    title = text[title_start : span.start].strip()
    gender, from_name = mention.gender, mention.gender_from_name
    for word in title.lower().split():
        info = lexicon.titles.get(word) or lexicon.titles.get(word + ".")
        if info is not None and info.gender != "-":
            gender, from_name = info.gender, False
    return mention._replace(label="ORG" if label == "ORG" else "PERSON", title=title,
                            title_start=title_start, gender=gender, gender_from_name=from_name)


def _title_start(text: str, pos: int, lexicon: Lexicon, plain_spaces: bool) -> int:
    """Where the title phrase before a name at ``pos`` starts, or ``pos`` when there is none.

    ``plain_spaces`` says the text has none of the four characters (U+001C to U+001F)
    that ``str.isspace`` counts as space and the ``regex`` module's ``\\s`` does not; then
    ``str.rstrip``/``str.rsplit`` find the word before ``pos`` exactly as ``_TITLE_WORD``
    would, at a fraction of the cost of a regex call.
    """
    title_start = pos
    words: list[str] = []
    titles = lexicon.titles
    for _ in range(6):
        if not pos or not text[pos - 1].isspace():
            break  # "(Kerry", "“Kerry": no title word can end right here
        low_end = max(0, pos - 40)
        if plain_spaces:
            head = text[low_end:pos].rstrip()
            if not head:
                break
            word = head.rsplit(None, 1)[-1]
            word_start = low_end + len(head) - len(word)
        else:
            match = _TITLE_WORD.search(text, low_end, pos, concurrent=False)
            if not match:
                break
            word = match.group(1)
            word_start = match.start(1)
        gap = text[word_start + len(word) : pos]
        if gap != " " and len(gap.splitlines()) > 1:
            break  # a blank line: the word ends a headline or paragraph, no title of this name
        low = word.lower().strip(",")
        if low + "." in titles:
            low += "."  # British style drops the dot: "Mr Lloyd"
        if word.endswith(","):
            break
        if words and words[0] == "for" and (low not in titles or titles[low].kind != "office"):
            break  # only an office takes "for" ("Minister for Energy"), not "a spokesman for"
        if low in lexicon.title_modifiers and word[0].islower() and (
            lexicon.title_modifiers[low] == "demonym"
        ):
            break  # "northern Israel": a place's direction; a people's word has a capital
        if low in titles or low in lexicon.title_modifiers or words and (
            " ".join([low, *words[:2]]) in titles or low in _TITLE_JOINTS
        ):
            words.insert(0, low)
            pos = word_start
            if low not in _TITLE_JOINTS:
                title_start = pos
            continue
        if not words and word.isalpha() and word.islower():
            field = _office_of_field(text, word_start, titles)
            if field >= 0:  # "director of rugby Gareth Lloyd-Emrys"
                title_start = pos = field
                words = ["of"]
                continue
        break
    return title_start


_OFFICE_OF = regex.compile(r"(?r)\b(\p{L}+)[ ]of[ ]\Z")


def _office_of_field(text: str, field_start: int, titles: Mapping[str, Any]) -> int:
    """Where "<title> of" starts right before the lower-case word at ``field_start`` (its
    field: "director of rugby", "head of communications"), -1 when no title is there."""
    office = _OFFICE_OF.search(text, max(0, field_start - 30), field_start)
    return office.start() if office is not None and office[1].lower() in titles else -1
