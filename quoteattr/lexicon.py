"""Word lists the rules consult, loaded once from ``quoteattr/data/*.tsv``.

Every file carries its source and licence in ``#`` header lines, then a line of
column names, then TAB-separated rows (see ``quoteattr/data/README.md``). A bad
row fails loudly with its file and line number, so a broken edit is caught at
import time rather than as a silent drop in accuracy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from types import MappingProxyType

from .errors import LexiconError

_ALLOWED: dict[str, dict[str, frozenset[str]]] = {
    "speech_verbs": {"strength": frozenset({"strong", "weak"})},
    "titles": {"gender": frozenset({"m", "f", "-"})},
    "role_nouns": {
        "type": frozenset({"person", "group", "organization"}),
        "gender": frozenset({"m", "f", "-"}),
    },
    "pronouns": {
        "person": frozenset({"1", "2", "3"}),
        "number": frozenset({"sg", "pl", "-"}),
        "gender": frozenset({"m", "f", "n", "-"}),
        "case": frozenset({"nom", "acc", "poss", "refl"}),
    },
    "first_names": {"gender": frozenset({"m", "f", "u"})},
    "quote_marks": {"direction": frozenset({"open", "close", "either"})},
    "agencies": {"kind": frozenset({"agency", "broadcaster", "newspaper", "photo"})},
    "document_nouns": {"kind": frozenset({"post", "written"})},
    "platforms": {"ambiguous": frozenset({"yes", "no"})},
    "not_speech_nouns": {"kind": frozenset({"inscription", "work"})},
    "naming_phrases": {"kind": frozenset({"description", "identification"})},
    "name_particles": {"kind": frozenset({"arabic", "english", "germanic", "romance"})},
    "participle_followers": {"kind": frozenset({"article", "conjunction", "particle",
                                                "possessive", "preposition", "question"})},
    "role_determiners": {"kind": frozenset({"article", "demonstrative", "possessive",
                                            "quantifier"})},
    "headline_small_words": {"kind": frozenset({"abbreviation", "adverb", "article",
                                                "conjunction", "determiner", "preposition",
                                                "pronoun", "verb"})},
    "title_small_words": {"kind": frozenset({"article", "conjunction", "particle",
                                             "preposition"})},
    "clause_openers": {"kind": frozenset({"adverb", "participle", "preposition"})},
    "inscription_words": {"kind": frozenset({"preposition", "verb"})},
    "speaker_prepositions": {"kind": frozenset({"place", "object", "both"})},
    "book_headings": {"kind": frozenset({"numbered", "alone", "number"}),
                      "novel": frozenset({"yes", "no"})},
    "parent_nouns": {"gender": frozenset({"m", "f"})},
    "pair_nouns": {"means": frozenset({"both", "other"})},
    "post_nominals": {"kind": frozenset({"honour", "legal", "office"})},
}


def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<name>.tsv`` as dicts keyed by the file's column names."""
    path = f"data/{name}.tsv"
    try:
        raw = resources.files("quoteattr").joinpath(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        msg = f"lexicon file quoteattr/{path} is missing from the installation"
        raise LexiconError(msg) from exc
    columns: list[str] | None = None
    rows: list[dict[str, str]] = []
    allowed = _ALLOWED.get(name, {})
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if columns is None:
            columns = fields
            continue
        if len(fields) != len(columns):
            msg = (
                f"quoteattr/{path} line {lineno}: expected {len(columns)} TAB-separated fields "
                f"({', '.join(columns)}), found {len(fields)}: {line!r}"
            )
            raise LexiconError(msg)
        row = dict(zip(columns, fields, strict=True))
        for column, values in allowed.items():
            if column in row and row[column] not in values:
                msg = (
                    f"quoteattr/{path} line {lineno}: column {column!r} is {row[column]!r}, "
                    f"expected one of {sorted(values)}"
                )
                raise LexiconError(msg)
        rows.append(row)
    return tuple(rows)


WORD_LISTS: frozenset[str] = frozenset(
    {"name_particles", "participle_followers", "role_determiners", "headline_small_words",
     "title_small_words", "irregular_past_verbs", "clause_openers", "inscription_words",
     "word_nouns", "noun_determiners",
     "unsaid_words", "naming_verbs", "possessor_determiners",
     "generic_np_words", "vocative_adjectives", "speaker_prepositions",
     "description_determiners",
     "cue_gap_words", "modifier_stops",
     "furniture_labels", "name_joints", "book_headings", "reply_nouns",
     "silence_phrases", "media_nouns", "parent_nouns", "young_nouns", "credit_openers",
     "credit_object_followers", "credit_nouns", "quote_object_verbs", "posting_words",
     "legal_forms",
     "post_nominals", "party_members", "name_epithets", "contrary_modifiers",
     "naming_phrases", "storm_words", "hyphen_particles", "hyphen_suffixes",
     "portfolio_words", "pair_nouns", "people_nouns", "gloss_words"}
)
"""The fixed word lists a module reads once at import with :func:`word_list` (they shape a
compiled pattern or a hot loop's test), rather than through the :class:`Lexicon`."""


@cache
def word_list(name: str, column: str | None = None) -> tuple[str, ...]:
    """A column of ``data/<name>.tsv`` (the first unless ``column`` is given), stripped and
    lower-cased, in file order.

    Reads that one small file, not the whole lexicon, so importing a module that builds a
    pattern from it stays cheap; ``name`` must be one of :data:`WORD_LISTS`."""
    if name not in WORD_LISTS:
        msg = f"name must be one of {sorted(WORD_LISTS)}, got {name!r}"
        raise LexiconError(msg)
    rows = read_table(name)
    key = column or (next(iter(rows[0])) if rows else "")
    if rows and key not in rows[0]:
        msg = f"column must be one of quoteattr/data/{name}.tsv's {list(rows[0])}, got {key!r}"
        raise LexiconError(msg)
    return tuple(row[key].strip().lower() for row in rows)


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """One quotation-mark character (or pair of characters such as ``''``)."""

    mark: str
    family: str
    direction: str
    also_closes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Pronoun:
    """Grammatical features of one pronoun form."""

    person: str
    number: str
    gender: str
    case: str


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A common noun that can stand for a speaker ("the minister", "the company")."""

    type: str
    gender: str


@dataclass(frozen=True, slots=True)
class Title:
    """A title or honorific that may stand before a name."""

    gender: str
    kind: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All word lists, frozen; build it with :func:`default_lexicon`."""

    speech_verbs: Mapping[str, str]
    """form -> lemma, for every speech verb form."""
    strong_speech_verbs: frozenset[str]
    """Forms that nearly always report speech ("said"), as opposed to weak ones ("noted")."""
    titles: Mapping[str, Title]
    """Lower-cased title (may be several words) -> its gender and kind."""
    title_modifiers: Mapping[str, str]
    """Words such as "US" or "former" that sit inside a title phrase."""
    role_nouns: Mapping[str, RoleNoun]
    pronouns: Mapping[str, Pronoun]
    first_names: Mapping[str, str]
    """Lower-cased given name -> gender m, f or u."""
    org_words: Mapping[str, str]
    """Lower-cased word marking an organisation name -> position head, start or any."""
    abbreviations: frozenset[str]
    """Lower-cased tokens with a final dot that do not usually end a sentence."""
    not_names: frozenset[str]
    function_words: frozenset[str]
    """The function words among ``not_names`` ("the", "he", "but"): after "U.S." they start a
    sentence; a weekday or month after "p.m." does not."""
    """Lower-cased capitalisable words that are never part of a person's name."""
    group_nouns: frozenset[str]
    role_titles: Mapping[str, tuple[str, ...]]
    """Role noun -> the titles it may stand for ("top diplomat" -> "secretary of state", ...)."""
    quote_marks: Mapping[str, QuoteMark]
    clipped_words: frozenset[str] = frozenset()
    """Words written with a leading apostrophe ("tis", "em", "cause"): that apostrophe is
    no quotation mark."""
    relational_nouns: frozenset[str] = frozenset()
    """Person role nouns that relate to another person ("lawyer", "wife", "spokesman"): "the
    lawyer" is not the person named before it."""
    document_nouns: frozenset[str] = frozenset()
    """What a person writes or issues ("statement", "letter"): "her statement said" is her."""
    post_nouns: frozenset[str] = frozenset()
    """The document nouns for what is put up on a platform ("post", "caption", "tweet"),
    whose author is never the platform."""
    platforms: frozenset[str] = frozenset()
    """Lower-cased names of social platforms ("instagram", "x"): never a post's author."""
    section_label_words: frozenset[str] = frozenset()
    """Words of all-capital newsroom labels before a colon ("update", "editor's", "note"):
    such a label never speaks, an all-capital name there ("DUARTE:") does."""
    agencies: frozenset[str] = frozenset()
    """Lower-cased news agency, outlet and photo agency names ("the canadian press", "ap"),
    for the newsroom furniture around an article (:mod:`quoteattr.furniture`)."""
    not_speech_nouns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Lower-cased noun -> ``inscription`` (sign, banner) or ``work`` (report, film): things
    whose quoted words are not speech (:mod:`quoteattr.notspeech`)."""
    addressee_verbs: frozenset[str] = frozenset()
    """Speech-verb forms whose object is the listener ("told" The Canadian Press): the
    noun after one never speaks by that cue."""
    describing_verbs: frozenset[str] = frozenset()
    """Speech-verb forms whose object is what is described ("termed" the budget "a
    betrayal"): the noun after one never speaks by that cue."""
    intro_words: frozenset[str] = frozenset()
    """Words that open an introductory phrase ("after", "despite"): in "After meeting Trump,
    Christie said" the sentence's subject is the first name after the comma."""
    place_abbreviations: frozenset[str] = frozenset()
    """AP-style state abbreviations ("n.c.", "calif.") from ``abbreviations``: a place."""
    calendar_words: frozenset[str] = frozenset()
    """The months and weekdays among ``not_names`` (with their short forms): a few of them
    are surnames or given names all the same ("Fiona Sun", "Mrs March", "April Sands")."""
    thought_verbs: frozenset[str] = frozenset()
    """Verbs of thinking ("thought", "wondered"): fiction's cues of inner speech (the
    ``thought`` kind)."""

    def is_title(self, low: str) -> bool:
        """Whether the lower-cased ``low`` is a title however its full stop is written:
        British style drops it ("Mr", "Dr"), American style keeps it ("Mr.", "Dr.")."""
        return low in self.titles or low + "." in self.titles

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # MappingProxyType cannot be pickled; rebuild from plain copies (for worker processes).
        values = tuple(
            dict(v) if isinstance(v, MappingProxyType) else v
            for v in (getattr(self, f.name) for f in fields(self))
        )
        return (_rebuild_lexicon, values)


def _rebuild_lexicon(*values: object) -> Lexicon:
    frozen = [MappingProxyType(v) if isinstance(v, dict) else v for v in values]
    return Lexicon(*frozen)  # type: ignore[arg-type]


def _column(name: str, key: str, value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_table(name):
        out[row[key].strip()] = row[value].strip()
    return out


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``quoteattr/data``, read once per process."""
    verbs = read_table("speech_verbs")
    verb_lemmas = {r["form"].strip().lower(): r["lemma"] for r in verbs}
    listening = frozenset(r["lemma"].strip().lower() for r in read_table("addressee_verbs"))
    describing = frozenset(r["lemma"].strip().lower() for r in read_table("describing_verbs"))
    not_names = read_table("not_names")
    abbreviations = read_table("abbreviations")
    documents = read_table("document_nouns")
    titles = {
        r["title"].strip().lower(): Title(r["gender"], r["kind"]) for r in read_table("titles")
    }
    roles = {
        r["noun"].strip().lower(): RoleNoun(r["type"], r["gender"])
        for r in read_table("role_nouns")
    }
    pronouns = {
        r["pronoun"].strip().lower(): Pronoun(r["person"], r["number"], r["gender"], r["case"])
        for r in read_table("pronouns")
    }
    marks = {
        r["mark"]: QuoteMark(
            r["mark"],
            r["family"],
            r["direction"],
            frozenset() if r["also_closes"] == "-" else frozenset(r["also_closes"]),
        )
        for r in read_table("quote_marks")
    }
    return Lexicon(
        speech_verbs=MappingProxyType(verb_lemmas),
        strong_speech_verbs=frozenset(
            r["form"].strip().lower() for r in verbs if r["strength"] == "strong"
        ),
        titles=MappingProxyType(titles),
        title_modifiers=MappingProxyType(
            {k.lower(): v for k, v in _column("title_modifiers", "word", "kind").items()}
        ),
        role_nouns=MappingProxyType(roles),
        pronouns=MappingProxyType(pronouns),
        first_names=MappingProxyType(
            {k.lower(): v for k, v in _column("first_names", "name", "gender").items()}
        ),
        org_words=MappingProxyType(
            {k.lower(): v for k, v in _column("org_words", "word", "position").items()}
        ),
        abbreviations=frozenset(r["abbrev"].strip().lower() for r in abbreviations),
        not_names=frozenset(r["word"].strip().lower() for r in not_names),
        function_words=frozenset(
            r["word"].strip().lower() for r in not_names if r["kind"] == "function"
        ),
        group_nouns=frozenset(r["noun"].strip().lower() for r in read_table("group_nouns")),
        role_titles=MappingProxyType(
            {
                r["role"].strip().lower(): tuple(t.strip() for t in r["titles"].split("|"))
                for r in read_table("role_titles")
            }
        ),
        quote_marks=MappingProxyType(marks),
        clipped_words=frozenset(r["word"].strip().lower() for r in read_table("clipped_words")),
        relational_nouns=frozenset(
            r["noun"].strip().lower() for r in read_table("relational_nouns")
        ),
        document_nouns=frozenset(r["noun"].strip().lower() for r in documents),
        post_nouns=frozenset(r["noun"].strip().lower() for r in documents if r["kind"] == "post"),
        platforms=frozenset(r["name"].strip().lower() for r in read_table("platforms")),
        thought_verbs=frozenset(r["form"].strip().lower() for r in read_table("thought_verbs")),
        section_label_words=frozenset(
            r["word"].strip().lower() for r in read_table("section_labels")
        ),
        agencies=frozenset(r["name"].strip().lower() for r in read_table("agencies")),
        not_speech_nouns=MappingProxyType(
            {k.lower(): v for k, v in _column("not_speech_nouns", "noun", "kind").items()}
        ),
        addressee_verbs=frozenset(f for f, lemma in verb_lemmas.items() if lemma in listening),
        describing_verbs=frozenset(
            f for f, lemma in verb_lemmas.items() if lemma in describing),
        intro_words=frozenset(r["word"].strip().lower() for r in read_table("intro_words")),
        place_abbreviations=frozenset(
            r["abbrev"].strip().lower() for r in abbreviations if r["kind"] == "state"
        ),
        calendar_words=frozenset(
            r["word"].strip().lower() for r in not_names if r["kind"] in ("month", "weekday")
        ),
    )
