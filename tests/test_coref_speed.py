"""The fast paths of coreference agree with the plain formulations they replace."""

from __future__ import annotations

from bisect import bisect_right

import pytest
from coref_support import coreference_of
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.coref import Cluster
from quoteattr.coref.positions import buckets, outside_quotes

_SORTED = st.lists(st.integers(0, 60), max_size=40).map(sorted)


@st.composite
def _quotes(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """Quotes sorted by start; they may be empty, share a start, nest or overlap."""
    starts = sorted(draw(st.lists(st.integers(0, 60), max_size=8)))
    ends = [s + draw(st.integers(0, 25)) for s in starts]
    return starts, ends


def _inside(starts: list[int], ends: list[int], position: int) -> bool:
    """The per-position test ``outside_quotes`` replaces: strictly inside the last quote
    starting at or before ``position``."""
    k = bisect_right(starts, position) - 1
    return k >= 0 and starts[k] < position < ends[k]


@settings(max_examples=3000, deadline=None)
@given(positions=_SORTED, quotes=_quotes())
def testoutside_quotes_keeps_what_the_per_position_test_keeps(
    positions: list[int], quotes: tuple[list[int], list[int]]
) -> None:
    starts, ends = quotes
    plain = [k for k, p in enumerate(positions) if not _inside(starts, ends, p)]
    assert outside_quotes(positions, starts, ends) == plain


def testoutside_quotes_edges() -> None:
    # a mention at a quote's start or end is outside it; one inside it is not
    assert outside_quotes([0, 5, 6, 9, 10, 11], [5], [10]) == [0, 1, 4, 5]
    # the later of two overlapping quotes decides from its start on
    assert outside_quotes([3, 7, 12], [0, 6], [20, 8]) == [2]
    assert outside_quotes([], [1], [4]) == []
    assert outside_quotes([1, 2], [], []) == [0, 1]


@settings(max_examples=3000, deadline=None)
@given(positions=_SORTED, bounds=_SORTED)
def testbuckets_bisect_each_position(positions: list[int], bounds: list[int]) -> None:
    assert buckets(positions, bounds) == [bisect_right(bounds, p) - 1 for p in positions]


_TEXT = (
    "John Kerry met Mary Smith in Paris on Monday. Kerry said he was pleased, and Smith "
    "agreed. \"We will talk again,\" she said.\n\nThe ministry, the Interior Ministry, said "
    "it would respond. Olu Adeyemi, the transport director, said he would not. \"I doubt "
    "it,\" Adeyemi said. The director later resigned. Kerry, who flew home, said it was fine."
)


def test_salience_tables_are_made_on_first_use_and_match_eager_ones() -> None:
    """The salience tables made by the first scan resolve every mention as tables made
    before any resolution do (they depend only on the text, not on what was resolved)."""
    lazy, eager = coreference_of(_TEXT), coreference_of(_TEXT)
    assert lazy.salience.weights is None and lazy.salience.outside_sentence == []
    eager.salience.make_weights()
    sal = eager.salience
    assert sal.weights is not None
    assert sal.outside_sentence == [
        bisect_right(sal.sentence_starts, lazy.index.starts[i]) - 1 for i in sal.outside
    ]
    n = len(lazy.index.mentions)
    assert [lazy.cluster_of(i) for i in range(n)] == [eager.cluster_of(i) for i in range(n)]
    made = lazy.salience.weights  # made on demand: a prefix of the eager ones
    assert made and made == sal.weights[: len(made)]
    assert any(c is not None for c in (lazy.cluster_of(i) for i in range(n)
                                       if lazy.index.mentions[i].kind == "pronoun"))


def test_appositive_links_the_role_noun_as_a_title() -> None:
    coref = coreference_of(_TEXT)
    adeyemi = next(c for c in coref.clusters if c.name == "Olu Adeyemi")
    assert adeyemi.titles == ("the transport director",)
    assert "transport director" in adeyemi.titles_lower


@settings(max_examples=2000, deadline=None)
@given(names=st.lists(st.sampled_from(
    ["Kerry", "John Kerry", "John F. Kerry", "J. Kerry", "Mr Kerry", "JOHN KERRY", " ",
     "John  Kerry", "Kerry Kerry"]), min_size=1, max_size=8))
def test_fullest_name_is_the_first_with_most_words_then_most_characters(
    names: list[str],
) -> None:
    cluster = Cluster(0)
    for name in names:
        cluster.add_name(name)
    best = max(names, key=lambda n: (len(n.split()), len(n)))  # max keeps the first of ties
    assert cluster.fullest == best and cluster.named


@pytest.mark.parametrize(("titles", "lowered"), [
    (("the doctor's man",), "the  man"),
    (("the president’s spokesman", "Senior Adviser"), "the  spokesman | senior adviser"),
    (("Transport Director",), "transport director"),
    (("O'Neill Foundation chair",), "o'neill foundation chair"),
])
def test_titles_lower_drops_possessors_only(titles: tuple[str, ...], lowered: str) -> None:
    """A possessor in a title names someone else ("the doctor's man" holds no doctor), with
    either apostrophe; a title without one is only lower-cased (the pattern is skipped)."""
    cluster = Cluster(0)
    for title in titles:
        cluster.add_title(title)
    assert cluster.titles_lower == lowered


def test_salience_weights_stop_near_the_last_mention_resolved() -> None:
    """The weights are made only as far as the scans look back (and a little beyond): a
    pronoun resolved early in a long story does not make them for the whole story."""
    towns = ("Halden", "Moss", "Larvik", "Skien", "Tromso", "Bodo")
    later = " ".join(f"Mayor Dana Cole met Chief Ravi Patel in {towns[k % 6]}." for k in range(60))
    coref = coreference_of("Ana Duarte arrived. She was pleased. " + later)
    she = next(i for i, m in enumerate(coref.index.mentions) if m.head == "she")
    assert coref.clusters[coref.cluster_of(she) or 0].name == "Ana Duarte"
    made = coref.salience.weights
    assert made is not None and 0 < len(made) < len(coref.salience.outside) // 2


@pytest.mark.parametrize("text", [
    'Kerry arrived late. "We are close," John Kerry said. "Very close," said John F. Kerry. '
    "Mr Kerry left. J. Kerry did not return.",
    '"No deal," said Ngozi Okonjo-Iweala. Okonjo-Iweala, who chairs the panel, added: '
    '"Not yet." Dr Ngozi Okonjo-Iweala smiled.',
])
def test_entities_add_keeps_the_fullest_name_as_cluster_add_name_does(text: str) -> None:
    """``Entities.add`` writes ``Cluster.add_name``'s steps inline for speed: replaying the
    entity's names through ``add_name`` must give the same fullest name and count."""
    coref = coreference_of(text)
    mentions = coref.index.mentions
    named = [c for c in coref.entities.clusters if c.named]
    assert named
    for cluster in named:
        replay = Cluster(0)
        for i in cluster.mentions:
            if mentions[i].kind == "name":
                replay.add_name(mentions[i].head)
        assert (replay.fullest, replay.fullest_words, replay.fullest_chars, replay.names) == (
            cluster.fullest, cluster.fullest_words, cluster.fullest_chars, cluster.names)
