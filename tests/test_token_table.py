"""A TokenTable whose parse columns are read when the first token is made (the spaCy
adapter's, :mod:`quoteattr.annotators.spacy_tokens`)."""

from __future__ import annotations

from quoteattr.annotation import ParseColumns, Token, TokenTable
from quoteattr.spans import Span


def test_the_parse_columns_are_read_once_when_the_first_token_is_made() -> None:
    calls: list[int] = []

    def read() -> ParseColumns:
        calls.append(1)
        return ["NOUN", "VERB"], ["dog", "bark"], [1, -1], ["nsubj", "root"]

    table = TokenTable([0, 4], [3, 9], (), (), (), (), read=read)
    assert len(table) == 2 and list(table.starts) == [0, 4]
    assert not calls  # made, its length and offsets read: no parse read yet
    assert table[1] == Token(Span(4, 9), "VERB", "bark", None, "root")
    assert table[0] == Token(Span(0, 3), "NOUN", "dog", 1, "nsubj")
    assert table == [Token(Span(0, 3), "NOUN", "dog", 1, "nsubj"),
                     Token(Span(4, 9), "VERB", "bark", None, "root")]
    assert calls == [1]
