"""Quotation marks around words nobody said: quotes that are not speech by where they stand.

News puts quotation marks around much that is not speech: headlines and subheads that
echo a quote, pull-quotes (a quote of the story set again as a line of its own), words
on a sign or T-shirt, titles of reports and films, words held up as words ("phrases
like ..."), and speech that did not happen ("she would not say 'yes'"). Such a quote
keeps its span but gets the ``scare`` kind (not speech) and no speaker, so it is never
scored or attributed as a direct quote. Each test reads only the quote's paragraph and
the few words before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import regex

from .context import QuoteContext
from .lexicon import word_list
from .spans import BLANK

# concurrent=False on ``regex`` calls: see the note in annotators/embedded.py.

_LOOK_BACK = 80
_SAYING = "(?:" + "|".join(word_list("inscription_words")) + ")"
"""Reading, said, bearing, with: ``data/inscription_words.tsv`` (whole words, in any order)."""
_WORD_NOUNS = "|".join(word_list("word_nouns"))
_WORD_NOUNS_PLURAL = "|".join(word_list("word_nouns", "plural"))
"""The word, slogans: ``data/word_nouns.tsv``."""


def _unsaid(kind: str) -> str:
    """The words of ``data/unsaid_words.tsv`` of one kind, as alternatives (whole words)."""
    rows = zip(word_list("unsaid_words"), word_list("unsaid_words", "kind"), strict=True)
    return "|".join(word for word, k in rows if k == kind)


_NAMING = "|".join(form.replace(" ", r"[ \t]+") for form in word_list("naming_verbs"))
"""Calls, dubbed, known as: ``data/naming_verbs.tsv`` (whole words; a space is spaces or tabs)."""
_BEFORE = regex.compile(
    r"(?r)(?:"  # searched from the end; the first alternative that fits decides
    # speech that did not happen: would not say "yes", didn't say "perhaps", refused to say
    r"(?P<negated>(?:(?<!\bwhy[ \t]+)\bnot|n['’]t|\bnever|\bnor)"
    rf"(?:[ \t]+(?:{_unsaid('adverb')}))?|\b(?:{_unsaid('refusal')})[ \t]+to)"
    rf"[ \t]+(?:{_unsaid('saying')})"
    r"(?:[ \t]+the[ \t]+(?:words?|phrase|term))?"
    # words held up as words: the word "woke", phrases like "...", such as "..."
    rf"|\b(?P<words>the[ \t]+(?:{_WORD_NOUNS})"
    rf"|(?:{_WORD_NOUNS_PLURAL})[ \t]+"
    r"(?:such[ \t]+as|like|including)|such[ \t]+as)"
    r"|\b(?P<titled>titled|entitled)"
    # a name given: a cane she calls "Old Faithful", the hacker known as "Guccifer"
    rf"|\b(?P<naming>(?:{_NAMING}|so[- ]called)(?:[ \t]+(?:the|a|an))?)"
    # a sign reading "...", T-shirts that said "..."
    rf"|\b(?P<thing>[\p{{L}}-]+)(?:[ \t]+(?:that|which))?[ \t]+{_SAYING}"
    r"(?:[ \t]+the[ \t]+(?:words?|message|slogan))?"
    # the report, "Left Behind," / the film "Northern Lights" / a song called "..."
    r"|\b(?P<work>[\p{L}-]+)(?P<named>,|[ \t]+(?:titled|entitled|called|named|dubbed))?"
    r")[ \t]*[,:]?[ \t]*\Z",
    regex.IGNORECASE,
)
_LISTED = regex.compile(r"[ ]*+(?:,[ ]*+)?(?:(?:and|or)[ ]++)?")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_SMALL_WORDS = frozenset(word_list("headline_small_words"))
"""Words a title-case headline leaves in lower case (``data/headline_small_words.tsv``)."""
_NAME_WORDS = 5
"""The most words a quoted name after "called" has ("The Pete Santilli Show")."""
_TERMINAL = ".?!…"
_CLOSERS = "\"'”’»›“ \t"
_HEADLINE_WORDS = 25
_SUBHEAD_WORDS = 8
_SUBHEAD_MIN_WORDS = 3
"""A quote alone on its line with fewer words ("'Help'") may be a cry, not a subhead."""
_HEADLINE_CHARS = 250
_SUBHEAD_CHARS = 100
"""Longer paragraphs are neither headlines nor subheads, whatever their words."""
_PULL_QUOTE_MIN = 24
"""The shortest quoted text (in characters) that a repeat marks as a pull-quote."""
_BY_AUTHOR = regex.compile(r"[ \t]*+,?[ \t]*+by[ \t]++\p{Lu}")
"""A credit after the quote: "River of Salt", by Imogen Tate (a work and its author)."""
_BY_WINDOW = 40
"""How far after a quote its credit's "by" and the author's capital may lie."""
_AFTER_PULL_QUOTE = regex.compile(r"[ \t]*(?:(?:—|–|―|--?)[ \t]*[^\n]{1,60})?[ \t]*\Z")
"""A pull-quote may be followed by its speaker's name after a dash, nothing more."""


def _title_case(words: list[str]) -> bool:
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _content_words(text: str, ctx: QuoteContext, limit: int) -> list[str]:
    words: list[str] = []
    for m in _WORD.finditer(text, ctx.quote.content.start, ctx.quote.content.end,
                            concurrent=False):
        words.append(m.group())
        if len(words) > limit:
            break
    return words


def _last_words(forms: Iterable[str]) -> set[str]:
    """The last word of each of ``forms`` (lower-cased; "known as" ends with "as")."""
    return {form.split()[-1].lower() for form in forms}


_ENDINGS: frozenset[str] = frozenset(
    _last_words(word_list("unsaid_words")) | _last_words(word_list("word_nouns"))
    | _last_words(word_list("naming_verbs")) | _last_words(word_list("inscription_words"))
    | {"word", "words", "phrase", "term", "message", "slogan", "as", "like", "including",
       "titled", "entitled", "called", "named", "dubbed", "the", "a", "an"}
)
"""The words any alternative of :data:`_BEFORE` but the last (a title noun) may end with."""
_WORK_NOUNS: dict[int, tuple[Mapping[str, str], tuple[str, ...]]] = {}
"""Per ``not_speech_nouns`` mapping (by id, kept alive beside it), its nouns of works."""
_ENDING_CHARS = 24
"""Longer than any word of :data:`_ENDINGS` or noun of a work: the end of the last word
that :func:`_may_end_before` reads."""


def _may_end_before(text: str, floor: int, start: int, nouns: Mapping[str, str]) -> bool:
    """False when :data:`_BEFORE` cannot decide that the quote at ``start`` is not speech:
    the last word before it (past spaces, commas and colons) is none that one of its
    alternatives ends with, nor a title noun. Most quotes follow "said" or a full stop;
    the reverse search costs some ten thousand instructions whatever it finds."""
    i = start
    while i > floor and text[i - 1] in " \t,:":
        i -= 1
    j = i
    while j > floor and i - j < _ENDING_CHARS and (text[j - 1].isalpha() or text[j - 1] == "-"):
        j -= 1
    if j == i:
        return False  # every alternative ends with a letter
    if i - j == _ENDING_CHARS or not text.isascii() and not text[j:i].isascii():
        return True  # a long word, or case folding beyond ASCII: the pattern decides
    word = text[j:i].lower()
    known = _WORK_NOUNS.get(id(nouns))
    if known is None or known[0] is not nouns:
        works = tuple(noun for noun, kind in nouns.items() if kind == "work")
        known = _WORK_NOUNS[id(nouns)] = (nouns, works)
    # a word's last part after a hyphen may be the alternative's whole word ("so-called")
    last = word.rsplit("-", 1)[-1]
    return word in _ENDINGS or last in _ENDINGS or word.endswith(known[1])


def _words_before(text: str, ctx: QuoteContext, nouns: Mapping[str, str]) -> bool:
    """The words before the quote say it is a sign's text, a title, a word or unsaid."""
    start = ctx.quote.span.start
    floor = max(ctx.paragraph.start, start - _LOOK_BACK)
    if not _may_end_before(text, floor, start, nouns):
        return False
    m = _BEFORE.search(text, floor, start, concurrent=False)
    if m is None:
        return False
    if m.group("negated") or m.group("words"):
        return True
    if m.group("thing"):
        return nouns.get(m.group("thing").lower()) == "inscription"
    if m.group("naming"):  # a name, not what someone called it: "a rant", "a disgrace"
        words = _content_words(text, ctx, _NAME_WORDS + 1)
        if words and words[0] in ("the", "The") and len(words) > 1:
            words = words[1:]  # a gang dubbed "the Wolves"
        return len(words) <= _NAME_WORDS and _title_case(words)
    titled = m.group("titled") is not None
    work = m.group("work")
    if not titled and (work is None or nouns.get(work.lower()) != "work" or (
        m.group("named") is None and text[m.end("work") : start].strip() not in ("", ","))):
        return False  # checked first: the word before nearly every quote is no title noun
    words = _content_words(text, ctx, 10)
    return len(words) <= 10 and (titled or _title_case(words))


def _credited_work(text: str, ctx: QuoteContext) -> bool:
    """The quote is a title followed by its author's credit: "River of Salt", by Imogen Tate
    (title case, at most ten words; speech is never credited with "by")."""
    end = ctx.quote.span.end  # a bounded window: the regex module's match costs the
    # length of the slice it is given, and a long paragraph made this a scan per quote
    if _BY_AUTHOR.match(text, end, min(ctx.paragraph.end, end + _BY_WINDOW),
                        concurrent=False) is None:
        return False
    words = _content_words(text, ctx, 10)
    return len(words) <= 10 and _title_case(words)


def _heading(text: str, ctx: QuoteContext, cues: re.Pattern[str]) -> bool:
    """The quote's paragraph is a headline (the first of several, one line, short, set as a
    title or not ending as a sentence does) or a subhead (short, no sentence end, no cue,
    more than the quote)."""
    para = ctx.paragraph
    longest = _HEADLINE_CHARS if ctx.paragraph_index == 0 else _SUBHEAD_CHARS
    if para.end - para.start > longest or text.find("\n", para.start, para.end) >= 0:
        return False  # most paragraphs end here, before any slice is made
    if not text[para.end : para.end + _HEADLINE_CHARS].strip(BLANK):
        return False  # the last paragraph: a text of one line has no headline
    line = text[para.start : para.end].rstrip(BLANK)
    last = line.rstrip(_CLOSERS)[-1:]
    n_words = line.count(" ") + 1
    lead = text[para.start : ctx.quote.span.start].rstrip(BLANK)
    if lead.endswith(":") and _names_speaker(lead[:-1]):
        return False  # "Duarte: 'We will not back down'" names who said it
    if ctx.paragraph_index == 0 and n_words <= _HEADLINE_WORDS:
        if last not in _TERMINAL and last not in ",:;":
            return True
        words = [w for w in _WORD.findall(line) if len(w) > 3]
        return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
    quoted = text[ctx.quote.span.start : ctx.quote.span.end]
    return (
        ctx.paragraph_index > 0 and n_words <= _SUBHEAD_WORDS
        and last not in _TERMINAL and last not in ",:;-—–"
        # more than the quote, or the quote alone as a phrase ("'We are at breaking point'"):
        # a paragraph of speech ends its quote with a full stop, a comma or a dash
        and (len(line.strip(_CLOSERS)) > len(quoted) + 2
             or line.strip() == quoted and n_words >= _SUBHEAD_MIN_WORDS)
        and cues.search(line) is None
    )


def _names_speaker(lead: str) -> bool:
    """The words before a headline's colon may name who said it ("Duarte", "Warren Grills
    Bank CEO"): a headline set in title case, as those that credit a quote so are; one in
    sentence case ("Living with long Covid") names a topic, and its quote is a headline's."""
    return _title_case(_WORD.findall(lead))


def _pull_quote(text: str, ctx: QuoteContext) -> bool:
    """The quote is a line of its own (perhaps with "— Name") whose words stand elsewhere in
    the story too, where the story quotes them."""
    quote, para = ctx.quote, ctx.paragraph
    before = quote.span.start  # only blanks before it in its paragraph: walked back, not
    while before > para.start and text[before - 1] in BLANK:  # sliced (a long paragraph
        before -= 1  # made a slice per quote quadratic)
    if before > para.start or quote.paragraphs > 1:
        return False
    if _AFTER_PULL_QUOTE.match(text, quote.span.end, para.end, concurrent=False) is None:
        return False
    core = text[quote.content.start : quote.content.end].strip(BLANK + ".,;:!?…")
    if len(core) < _PULL_QUOTE_MIN:
        return False
    at = text.find(core)
    if at == quote.content.start or at < 0:
        at = text.find(core, quote.content.end)
    if at < 0:
        return False
    # The other copy must be quoted in running text, not be a line of its own as well.
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start > len(core) + 8


def not_speech(
    text: str, ctx: QuoteContext, nouns: Mapping[str, str], cues: re.Pattern[str]
) -> bool:
    """True when the quote is not speech by where it stands (see the module's docstring);
    ``nouns`` is the lexicon's ``not_speech_nouns``, ``cues`` its speech-cue pattern."""
    return (_words_before(text, ctx, nouns) or _heading(text, ctx, cues)
            or _pull_quote(text, ctx) or _credited_work(text, ctx))


def listed_after(text: str, end: int, start: int) -> bool:
    """The quote at ``start`` is next in a list after a quote, ending at ``end``, that is not
    speech: "woke," "elite" and "globalist". A comma or "and"/"or" must join them; ``end``
    is -1 when there is no such quote."""
    return end >= 0 and _LISTED.fullmatch(text, end, start, concurrent=False) is not None and (
        text[end - 2] == "," or text.find(",", end, start) >= 0 or end + 3 < start)
