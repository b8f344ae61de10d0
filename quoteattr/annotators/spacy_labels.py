"""spaCy's English dependency labels (ClearNLP style) as Universal Dependencies relations.

The parse rules read UD relations, which stanza produces. spaCy's English pipelines
label with the ClearNLP scheme; :data:`UD_RELATIONS` is the one table that maps them,
label by label. Only labels are mapped, never the tree: where the two schemes attach
words differently the rules accept both shapes. The one such case that matters to
quoteattr is the preposition: spaCy hangs a preposition from the word it modifies
(``prep``) and its object from the preposition (``pobj``); UD hangs the object from the
modified word (``obl``/``nmod``) and the preposition from its object (``case``). Here
``prep`` becomes ``case`` and ``pobj`` becomes ``obl`` (each word keeps its spaCy head),
so "according to the ministry" reads ``according -case-> ...``, ``to -case-> according``,
``ministry -obl-> to``, and the rule for "according to" walks either shape.

UPOS tags need no table: spaCy's ``Token.pos_`` already uses the UD tag set.
"""

from __future__ import annotations

from types import MappingProxyType

UD_RELATIONS = MappingProxyType({
    # subjects
    "nsubj": "nsubj",
    "nsubjpass": "nsubj:pass",
    "csubj": "csubj",
    "csubjpass": "csubj:pass",
    "expl": "expl",
    # objects and complements
    "dobj": "obj",
    "obj": "obj",
    "dative": "iobj",
    "attr": "xcomp",  # the complement of a copula ("is the chief"); UD makes it the head
    "acomp": "xcomp",
    "oprd": "xcomp",
    "xcomp": "xcomp",
    "ccomp": "ccomp",
    "pcomp": "advcl",  # a clause after a preposition: "before saying ..."
    # prepositional phrases (see the module docstring: labels mapped, tree kept)
    "prep": "case",
    "pobj": "obl",
    "agent": "obl:agent",  # "by" of a passive: "was told by the minister"
    "npadvmod": "obl:npmod",
    # modifiers
    "advcl": "advcl",
    "advmod": "advmod",
    "neg": "advmod",
    "quantmod": "advmod",
    "amod": "amod",
    "appos": "appos",
    "acl": "acl",
    "relcl": "acl:relcl",
    "nmod": "nmod",
    "poss": "nmod:poss",
    "nummod": "nummod",
    "det": "det",
    "predet": "det:predet",
    "compound": "compound",
    "prt": "compound:prt",
    "case": "case",  # the possessive 's
    "mark": "mark",
    "aux": "aux",
    "auxpass": "aux:pass",
    # coordination
    "cc": "cc",
    "preconj": "cc:preconj",
    "conj": "conj",
    # other
    "parataxis": "parataxis",
    "intj": "discourse",
    "punct": "punct",
    "meta": "dep",
    "dep": "dep",
    "ROOT": "root",
})
"""spaCy English label -> UD relation. A label not listed (a custom model's) becomes ``dep``."""


def ud_relation(label: str) -> str:
    """The UD relation for a spaCy label; an unknown label is UD's unspecified ``dep``."""
    return UD_RELATIONS.get(label, "dep")


__all__ = ["UD_RELATIONS", "ud_relation"]
