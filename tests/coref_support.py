"""A Coreference built the way the pipeline builds it, for coreference tests."""

from __future__ import annotations

from quoteattr import Attributor
from quoteattr.coref import Coreference
from quoteattr.mentions import find_mentions
from quoteattr.quotemarks import find_marks
from quoteattr.quotes import pair_quotes


def coreference_of(text: str) -> Coreference:
    """The coreference of ``text`` over the embedded annotator's mentions and top-level quotes."""
    attributor = Attributor()
    annotation = attributor.annotator.annotate(text)
    index = find_mentions(annotation, attributor.lexicon, attributor._mention_patterns)
    quotes = pair_quotes(text, find_marks(text, attributor.lexicon), annotation.paragraphs)
    return Coreference(text, index, annotation.sentences,
                       [q.span for q in quotes if q.depth == 0], attributor.lexicon,
                       annotation.paragraphs)
