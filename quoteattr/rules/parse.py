"""Rules that read a dependency parse, when the annotator provides one (stanza, spaCy).

A parse finds the speaker where surface patterns cannot: the nominal subject of the
speech verb however far it stands from the quote, conjoined speakers ("Duarte and
Keller said"), and the object of "according to". The rules need the ``deps`` layer;
on the embedded annotator they never run.

A speech verb near a quote is not always the quote's: in ``"...," he said when Okafor
blasted him`` or ``an engineer who said he was stiffed, "..."`` the nearer verb belongs
to another clause. So a verb counts only when the parse ties it to the quote (see
:func:`_governs`). Relations are Universal Dependencies; spaCy's labels are mapped to
them by the adapter, which keeps spaCy's tree shape for prepositions (``prep``/``pobj``
become ``case``/``obl`` under the preposition), and both shapes are read here.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..annotation import Token
from ..context import QuoteContext
from ..mentions import Mention
from ..spans import Span
from .base import Earlier, Found, RuleInput, SpeakerPhrase, make_found
from .speakers import document_author

_PHRASE_RELATIONS = frozenset({"compound", "flat", "flat:name", "amod", "det", "nmod:poss",
                               "nummod", "cc", "conj"})
"""Relations kept when a subject that is no known mention is spelled out as a phrase."""
_FROM_QUOTE = frozenset({"parataxis", "dep"})
"""How a speech verb hangs from the quote's own predicate in UD: ``"...," Okafor said``."""
_SUBORDINATE = frozenset({"acl", "acl:relcl", "advcl", "csubj", "csubj:pass", "obl",
                          "nmod", "case", "amod", "appos"})
"""Relations that put a verb in a clause modifying something else ("who said",
"when she said"): such a verb does not introduce a quote standing beside its sentence."""
_CONTROLLED = frozenset({"conj", "xcomp", "advcl"})
"""A verb with no subject of its own takes its head's through these: "said and added",
"went on to say", "was quoted as saying"."""
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_MAX_DEPTH = 8


def _window_tokens(ctx: QuoteContext, inp: RuleInput) -> list[int]:
    """Tokens of the quote's clause windows, outside the quote itself."""
    quote = ctx.quote.span
    return [
        i for i in inp.tokens_between(ctx.left.start, ctx.right.end)
        if not quote.start <= inp.tokens[i].span.start < quote.end
    ]


def _is_speech_verb(token: Token, text: str, inp: RuleInput) -> bool:
    if token.upos not in (None, "VERB"):
        return False
    form = text[token.span.start : token.span.end].lower()
    lemma = (token.lemma or form).lower()
    return form in inp.lexicon.speech_verbs or lemma in _speech_lemmas(inp)


def _speech_lemmas(inp: RuleInput) -> frozenset[str]:
    return frozenset(inp.lexicon.speech_verbs.values())


def _quote_roots(ctx: QuoteContext, inp: RuleInput) -> tuple[list[int], bool]:
    """The quote's tokens whose head lies outside it, and whether the quote has tokens."""
    quote = ctx.quote.span
    inside = inp.tokens_between(quote.start, quote.end)
    roots = []
    for i in inside:
        head = inp.tokens[i].head
        if head is None or not quote.start <= inp.tokens[head].span.start < quote.end:
            roots.append(i)
    return roots, len(inside) > 0


def _governs(verb: int, roots: Sequence[int], quote: Span, inp: RuleInput) -> int | None:
    """How closely ``verb`` is tied to the quote (tree steps), or None when it is not.

    The verb governs the quote when the quote (or the clause it sits in) hangs below
    it: ``Okafor said: "..."``, ``Okafor said the plan was "a disaster"``. It introduces
    the quote when it hangs from the quote's own predicate as parataxis (UD's shape of
    ``"...," Okafor said``). The walk up from the quote stops at the first speech
    verb: a farther one governs that verb's clause, not the quote.
    """
    tokens = inp.tokens
    best: int | None = None
    for root in roots:
        node: int | None = tokens[root].head
        steps = 1
        while node is not None and steps <= _MAX_DEPTH:
            if node == verb:
                best = steps if best is None else min(best, steps)
                break
            if _is_speech_verb(tokens[node], inp.text, inp):
                break  # a nearer speech verb is the quote's: "who said ..., saying, "..."
            node = tokens[node].head
            steps += 1
    if best is not None:
        return best
    head = tokens[verb].head
    if head is not None and quote.start <= tokens[head].span.start < quote.end and (
        tokens[verb].deprel in _FROM_QUOTE
    ):
        return 1
    return None


def _main_clause(verb: int, inp: RuleInput) -> bool:
    """True when no clause boundary of a modifying kind lies between ``verb`` and its root."""
    tokens = inp.tokens
    node: int | None = verb
    for _ in range(_MAX_DEPTH):
        if node is None:
            return True
        head = tokens[node].head
        if (tokens[node].deprel or "") in _SUBORDINATE and not (
            # "was quoted as saying", "said, adding": a speech verb's own adverbial clause
            tokens[node].deprel == "advcl" and head is not None
            and _is_speech_verb(tokens[head], inp.text, inp)
        ):
            return False
        node = head
    return False


def _children(
    head: int, near: Sequence[int], inp: RuleInput, relations: frozenset[str]
) -> list[int]:
    return [j for j in near if inp.tokens[j].head == head
            and (inp.tokens[j].deprel or "") in relations]


_SUBJECT = frozenset({"nsubj"})
_PASSIVE_SUBJECT = frozenset({"nsubj:pass"})
_AGENT = frozenset({"obl:agent"})
_OBJECT_OF_PREPOSITION = frozenset({"obl", "nmod", "pobj"})
_NO_SUBJECT_TAGS = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "PART"})
"""Parts of speech no subject has: a parser that makes one of them a speech verb's subject
erred, and the surface rules decide instead."""


def _subject(verb: int, near: Sequence[int], inp: RuleInput) -> int | None:
    """The speaker token of ``verb``: its subject, a passive's agent ("was told by the
    minister"), or the subject its clause inherits ("said and added", "was quoted as
    saying"); a relative pronoun stands for the noun its clause modifies, and a
    participle describing a noun ("footage of Okafor saying") has that noun."""
    tokens = inp.tokens
    node = verb
    for depth in range(3):
        subjects = _children(node, near, inp, _SUBJECT)
        if depth and not subjects:
            subjects = _children(node, near, inp, _PASSIVE_SUBJECT)
        if not subjects:
            subjects = _agent(node, near, inp)
        if subjects:
            subject = subjects[0]
            if tokens[subject].upos in _NO_SUBJECT_TAGS:
                return None  # "Of Reyes, Hollis ... said": "Of" parsed as the subject
            word = inp.text[tokens[subject].span.start : tokens[subject].span.end].lower()
            head = tokens[node].head
            if word in _RELATIVE and tokens[node].deprel == "acl:relcl" and head is not None:
                return head  # "Okafor, who said ...": the clause's noun
            return subject
        parent = tokens[node].head
        relation = tokens[node].deprel or ""
        if parent is not None and tokens[parent].upos == "ADP" and tokens[parent].deprel == "case":
            parent = tokens[parent].head  # spaCy's "quoted as saying": as -> saying
        if parent is None:
            return None
        if relation == "acl":  # "footage of Okafor saying ...": the noun it describes
            return parent if tokens[parent].upos in (None, "NOUN", "PROPN", "PRON") else None
        if relation not in _CONTROLLED:
            return None
        if relation != "conj" and not _controls(parent, near, inp):
            return None
        node = parent
    return None


_OBJECTS = frozenset({"obj", "iobj", "obl", "case", "ccomp"})
_APPOSITION = frozenset({"appos"})
_MODIFIER = frozenset({"nmod"})
_PERSON_NAME = frozenset({"PERSON"})
_SPEAKER_NAMES = frozenset({"PERSON", "ORG", "UNKNOWN"})
"""Labels of a name in apposition that can stand for the subject as the quote's speaker."""


def _controls(parent: int, near: Sequence[int], inp: RuleInput) -> bool:
    """Whether an ``xcomp``/``advcl`` verb below ``parent`` has ``parent``'s subject as its
    own: below a speech verb in a main clause ("said, adding", "was quoted as saying"),
    or below a verb with no object ("went on to say"). Past an object the clause may be
    the object's ("footage of Okafor saying", "told him to say"), so no subject is taken.
    """
    tokens = inp.tokens
    if (tokens[parent].deprel or "") in _SUBORDINATE:
        return False
    if _is_speech_verb(tokens[parent], inp.text, inp):
        return True
    return not _children(parent, near, inp, _OBJECTS)


def _agent(verb: int, near: Sequence[int], inp: RuleInput) -> list[int]:
    """The agent of a passive verb: UD's ``obl:agent`` noun, or (spaCy's shape) the object
    under the ``obl:agent`` preposition "by"."""
    out = []
    for j in _children(verb, near, inp, _AGENT):
        objects = _children(j, near, inp, _OBJECT_OF_PREPOSITION)
        out.append(objects[0] if objects else j)
    return [j for j in out if inp.tokens[j].upos in (None, "NOUN", "PROPN", "PRON")]


def _mention_over(token: Token, inp: RuleInput) -> Mention | None:
    """The mention whose span (with its title) holds ``token``'s start, if any."""
    for m in inp.mentions.between(token.span.start - 60, token.span.end + 60):
        if m.full_span.start <= token.span.start < m.span.end:
            return m
    return None


def _named_child(head: int, near: Sequence[int], inp: RuleInput, relations: frozenset[str],
                 labels: frozenset[str]) -> Mention | None:
    """The first name mention, of one of ``labels``, over a child of ``head`` by one of
    ``relations`` among the tokens ``near``."""
    for j in _children(head, near, inp, relations):
        named = _mention_over(inp.tokens[j], inp)
        if named is not None and named.kind == "name" and named.label in labels:
            return named
    return None


def _speaker_of_token(head: int, window: list[int], inp: RuleInput) -> SpeakerPhrase:
    """The mention over token ``head``, else the name in apposition to it ("the chamber's
    head, Peter Voss, told"), else the phrase its name-like dependents form."""
    m = _mention_over(inp.tokens[head], inp)
    if m is not None:
        conjuncts = [j for j in window if inp.tokens[j].head == head
                     and inp.tokens[j].deprel == "conj"]
        if not conjuncts:
            return inp.mentions.index_of(m), m.full_span, ""
    else:
        # the name in apposition, else (a parser's error: "Chief X of Y village said" with
        # "village" the subject) a person's name modifying it from before
        named = _named_child(head, window, inp, _APPOSITION, _SPEAKER_NAMES) or _named_child(
            head, [j for j in window if j < head], inp, _MODIFIER, _PERSON_NAME)
        if named is not None:
            return inp.mentions.index_of(named), named.full_span, ""
    members = {head}
    changed = True
    while changed:  # the subject's name-like subtree, inside the window
        changed = False
        for j in window:
            t = inp.tokens[j]
            if j not in members and t.head in members and (t.deprel or "") in _PHRASE_RELATIONS:
                members.add(j)
                changed = True
    start = min(inp.tokens[j].span.start for j in members)
    end = max(inp.tokens[j].span.end for j in members)
    return None, Span(start, end), inp.text[start:end]


def dependency_subject(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """The subject of the speech verb that governs or introduces the quote: ``Duarte, who
    chairs the board and has led the talks since May, said: "..."``.

    A verb in another clause ("when Okafor blasted him", "who said") is passed over. When
    the quote has a parse of its own that reaches no verb (a quote standing as its own
    sentence), a verb counts only in the main clause of the sentence beside it.
    """
    window = _window_tokens(ctx, inp)
    quote = ctx.quote.span
    roots, parsed = _quote_roots(ctx, inp)
    detached = not parsed or all(inp.tokens[r].head is None for r in roots)
    best: tuple[int, int, int, int] | None = None  # (tree steps, distance, verb, subject)
    for i in window:
        verb = inp.tokens[i]
        if not _is_speech_verb(verb, inp.text, inp):
            continue
        steps = _governs(i, roots, quote, inp)
        if steps is None:
            if not detached or not _main_clause(i, inp):
                continue
            steps = _MAX_DEPTH + 1  # beside the quote, not tied to it by the parse
        subject = _subject(i, window, inp)
        if subject is None:
            continue
        distance = min(abs(verb.span.start - quote.end), abs(quote.start - verb.span.end))
        if best is None or (steps, distance) < best[:2]:
            best = (steps, distance, i, subject)
    if best is None:
        return None
    _, _, verb_index, subject = best
    speaker = _speaker_of_token(subject, window, inp)
    return make_found("dependency_subject", 0.9, speaker, inp.tokens[verb_index].span, inp)


def dependency_according_to(ctx: QuoteContext, inp: RuleInput, earlier: Earlier) -> Found | None:
    """The source "according to" names: ``"...," according to the ministry``.

    UD hangs "according" (with "to") from the source noun as ``case``; spaCy hangs "to"
    from "according" and the noun from "to". Either way the noun is the speaker.
    """
    window = _window_tokens(ctx, inp)
    for i in window:
        token = inp.tokens[i]
        word = inp.text[token.span.start : token.span.end].lower()
        if word != "according":
            continue
        source = _according_source(i, window, inp)
        if source is None:
            continue
        speaker = document_author(inp, _speaker_of_token(source, window, inp))
        return make_found("dependency_according_to", 0.85, speaker, token.span, inp)
    return None


def _according_source(according: int, window: Sequence[int], inp: RuleInput) -> int | None:
    tokens = inp.tokens
    for to in window:  # spaCy's shape: according -> to -> noun
        if tokens[to].head == according and inp.text[
            tokens[to].span.start : tokens[to].span.end
        ].lower() == "to":
            objects = _children(to, window, inp, _OBJECT_OF_PREPOSITION)
            if objects:
                return objects[0]
    head = tokens[according].head  # UD's shape: the noun <- according
    if head is not None and tokens[head].upos in (None, "NOUN", "PROPN", "PRON") and (
        tokens[according].deprel in ("case", "mark")
    ):
        return head
    return None
