"""The name in a run of capitalised words: its title words cut off, and its label.

What is found depends only on the run as written (its words and the gaps between them),
so :class:`~.embedded.EmbeddedAnnotator` works it out once per run's text: "Donald Trump"
twenty times in an article, and in the next one, is one look-up after the first.
"""

from __future__ import annotations

import regex

from ..annotation import EntityLabel
from ..lexicon import Lexicon, word_list
from .name_words import (
    Word,
    is_org_word,
    legal_form_end,
    looks_like_acronym,
    single_word_label,
    title_end,
)

POST_NOMINALS = frozenset(word_list("post_nominals"))
""""MP", "BL", "OBE" after a person's name: no part of it (``data/post_nominals.tsv``)."""
PORTFOLIO_WORDS = frozenset(word_list("portfolio_words"))
""""Agriculture", "Home Affairs": an office's portfolio after its "of" or "for"
(``data/portfolio_words.tsv``)."""


def _person_noun(word: str, lex: Lexicon) -> bool:
    """A role noun for a person ("parent", "homeowner"), which a capital at a sentence's start
    joins to the name after it."""
    role = lex.role_nouns.get(word)
    return role is not None and role.type == "person"


def name_in(text: str, run: list[Word], lex: Lexicon,
            title_starts: frozenset[str]) -> tuple[int, int, EntityLabel] | None:
    """Where the name in ``run`` starts and ends (counted from the run's start) and its
    label; None for a run that is all title or an office ("Minister of State for Health").
    ``title_starts``: :func:`.name_words.title_first_words` of ``lex``."""
    origin = run[0].start
    if len(run) == 1:  # most runs: no title to cut, no order of words to weigh
        word = run[0]
        if word.low in lex.titles and looks_like_acronym(word.text):
            return None  # "co-founder and CEO, Itai Rosenfeld-Katz": a role, no body
        return 0, word.end - origin, single_word_label(word, lex)
    name_start = title_end(text, run, lex, title_starts)
    if name_start and name_start == len(run) - 1 and run[-1].low in lex.org_words and (
        run[name_start - 1].low == "general"
    ):
        # "Lakeview General Hospital", "General Motors": no title there ("Gen. Church"
        # and "Senator Church" keep theirs)
        name_start = 0
    name = run[name_start:]
    if not name:
        return None
    lowered = [w.low for w in name]
    if len(name) > 1 and lowered[-1] in POST_NOMINALS and name[-1].text.isupper():
        name, lowered = name[:-1], lowered[:-1]  # "Marieke Botha MP"
    if name_start and text[run[name_start - 1].end : name[0].start] != " ":
        cut = holder_after_portfolio(lowered, lex)
        if cut:  # "Minister for Agriculture Sunanda Kulkarni-Desai": the person after it
            name, lowered, name_start = name[cut:], lowered[cut:], name_start + cut
        elif lex.first_names.keys().isdisjoint(lowered):
            return None  # "Minister of State for Health", "Commissioner for Works": an office
    if len(name) >= 3 and lowered[0] not in lex.first_names and (
        lowered[1] in lex.first_names and not name_start or _person_noun(lowered[0], lex)
        and lex.org_words.keys().isdisjoint(lowered[1:])
    ):  # "Organiser Declan Moss": a role before a name (not "Mr Tan Wei Ming": a surname)
        name, lowered, name_start = name[1:], lowered[1:], name_start + 1
    elif len(name) >= 4:
        cut = given_name_after(lowered, lex)
        if cut:  # "Senate Democrat Dianne Feinstein": a longer unlisted title
            name, lowered, name_start = name[cut:], lowered[cut:], name_start + cut
    if lowered[0] in lex.first_names or name_start and lex.org_words.keys().isdisjoint(
        lowered[:2]
    ):  # "Rita Olson of Fresno", "Rev. Felix Oduya of St Luke's": the person, not the place
        for i in range(1, len(name)):
            if text[name[i - 1].end : name[i].start] == " of ":
                name, lowered = name[:i], lowered[:i]
                break
    label: EntityLabel
    if len(name) == 1:
        label = single_word_label(name[0], lex)
        if label == "MISC" and name_start > 0:
            label = "PERSON"  # a surname after a title: "Secretary Kerry"
    elif not lex.org_words.keys().isdisjoint(lowered) and any(
        is_org_word(w, i, len(lowered), lex) for i, w in enumerate(lowered)
    ):
        label = "ORG"
    elif name_start > 0 or lowered[0] in lex.first_names or "-" in lowered[0] and (
            lowered[0].split("-", 1)[0] in lex.first_names):
        label = "PERSON"  # "Marie-Josée Schmit": a double given name opens with a listed one
    else:
        label = "MISC"
    return name[0].start - origin, name[-1].end - origin, label


_PORTFOLIO_BEFORE = regex.compile(
    r"(?r)\b(\p{Lu}\p{Ll}+) (?:(?P<and>and|&)|(?:of|for)(?: the)?) \Z")
"""What may stand before a portfolio's run: a portfolio's word and "and" ("Trade and " of
"Minister for Trade and Industry Keoni Wanjala"), or an office or a portfolio and "of",
"for" or "of the" ("Leader of the " of "Leader of the Opposition Anvitha Rao", "State for "
of "Secretary of State for Transport Nandita Marr" where a tagger took "State" apart)."""


def in_context(text: str, run: list[Word], lex: Lexicon,
               known: tuple[int, int, EntityLabel] | None) -> tuple[int, int, EntityLabel] | None:
    """:func:`name_in`'s reading ``known`` of ``run``, as the words around the run change
    it. :func:`name_in` reads the run alone (and its reading is kept per run as written),
    so what depends on the text before or after a run is decided here, every time:

    - a company form in lower case after the name makes it a body's and joins it:
      "Trans-Vjosa shpk" (:func:`.name_words.legal_form_end`);

    - a run of title words before "of" is an office, no name: "Senior Secretary" of
      "Senior Secretary of the Ministry of Commerce Mahbub Alam Talukder";
    - an office over a place or service is its holder's, a person's ("The District
      Commissioner, Annet Nakalembe,"), unless the body it is of follows ("the Public
      Affairs Manager of the Cocoa Board, Mr. Fiifi Boafo,", where the finder's body
      label keeps the office from standing for a person of its own);
    - a run opening with a portfolio's word after "and" or an office's "of the" holds the
      office's holder after the portfolio: "Industry Keoni Wanjala" after "Cabinet
      Secretary for Trade and ", "Opposition Anvitha Rao" after "Leader of the "."""
    if known is None:
        return known
    if known[1] == run[-1].end - run[0].start and (
            form_end := legal_form_end(text, run[-1].end)) > 0:
        return known[0], form_end - run[0].start, "ORG"  # "Trans-Vjosa shpk", "Kovac d.o.o."
    if len(run) < 2:
        return known
    if known[2] != "PERSON" and known[0] == 0 and lex.is_title(run[-1].low) and (
        _office_of_place([w.low for w in run], lex) and not text.startswith(" of ", run[-1].end)
    ):
        return known[0], known[1], "PERSON"  # "The District Commissioner," (not "... of X")
    if text.startswith(" of ", run[-1].end) and all(
        lex.is_title(w.low) or w.low in lex.title_modifiers for w in run
    ):
        return None
    if known[0] == 0 and run[0].low in PORTFOLIO_WORDS and _after_portfolio_and(
        text, run[0].start, lex
    ):
        cut = holder_after_portfolio([w.low for w in run], lex)
        if cut:
            origin = run[0].start
            return run[cut].start - origin, run[-1].end - origin, "PERSON"
    return known


def _after_portfolio_and(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a portfolio's word and "and", or an office's title or a portfolio's word and
    "of", "for" or "of the", stand right before ``start``."""
    joint = _PORTFOLIO_BEFORE.search(text, max(0, start - 30), start)
    if joint is None:
        return False
    word = joint[1].lower()
    return word in PORTFOLIO_WORDS or not joint["and"] and lex.is_title(word)


def _office_of_place(lowered: list[str], lex: Lexicon) -> bool:
    """Whether the words are a person's office over a place or service ("District
    Commissioner", "County Sheriff", "Police Commissioner"): a person's title ends them,
    no given name is among them, and the body's words only say what the office is over."""
    last = lowered[-1]
    return len(lowered) <= 4 and lex.is_title(last) and _person_noun(last, lex) and (
        last not in lex.org_words) and lex.first_names.keys().isdisjoint(lowered)


def holder_after_portfolio(lowered: list[str], lex: Lexicon) -> int:
    """Where the office holder's name starts after an office's portfolio ("Agriculture
    Sunanda Kulkarni-Desai" after "Minister for"), 0 when no name follows it: at the first
    given name with at most two words after it, else after the portfolio's last word."""
    org_free = lex.org_words.keys().isdisjoint
    for cut in range(1, len(lowered)):
        if lowered[cut] in lex.first_names and len(lowered) - cut <= 3:
            return cut if org_free(lowered[cut:]) else 0
    # after the portfolio's last known word: "Sugar Industry" of "Minister for Sugar
    # Industry Sevanaia Rokobuli" (a portfolio may open with a word the table lacks)
    cut = 0
    for k in range(len(lowered) - 1):
        if lowered[k] in PORTFOLIO_WORDS:
            cut = k + 1
    rest = lowered[cut:]
    if cut and 0 < len(rest) <= 3 and org_free(rest) and PORTFOLIO_WORDS.isdisjoint(rest):
        return cut
    return 0


def given_name_after(lowered: list[str], lex: Lexicon) -> int:
    """Where a person's name (a given name and one or two more words, no organisation
    word among them) starts after two or three capitalised words that are no given names,
    0 when it does not: "Senate Democrat Dianne Feinstein", not "St. Mary Catherine Hospital"."""
    first_names = lex.first_names
    for cut in (2, 3):
        if cut >= len(lowered) - 1 or lowered[cut - 1] in first_names:
            return 0
        if lowered[cut - 2] in first_names:
            return 0
        if lowered[cut] in first_names and len(lowered) - cut <= 3 and (
            lex.org_words.keys().isdisjoint(lowered[cut:])
        ):
            return cut
    return 0

