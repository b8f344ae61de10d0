"""gaps.gap_to_cue: what may stand between a subject and its cue, remembered for short
gaps; a remembered answer must be the pattern's, the second time as the first."""

from __future__ import annotations

import pytest

from quoteattr.rules.gaps import gap_to_cue


@pytest.mark.parametrize(("gap", "expected"), [
    (" ", True),                                   # "Kerry said"
    (" also ", True),                              # "Kerry also said"
    (" has ", True),                               # "Kerry has said"
    (", 54, ", True),                              # "Brandt, 54, said"
    (" on Monday ", True),                         # "Brandt on Monday said"
    ("", False),                                   # nothing: no space before the cue
    (" drove to the ", False),                     # "Brandt drove to the said ..."
    ("'s lawyer ", False),                         # a possessor does not speak
    (", a spokesman for the Footplate Workers' Union, ", True),  # longer than remembered
    (", who was driving home from the late shift when ", False),
])
def test_gap_to_cue_twice(gap: str, expected: bool) -> None:
    assert gap_to_cue(gap) is expected
    assert gap_to_cue(gap) is expected  # remembered (short gaps) or searched again
