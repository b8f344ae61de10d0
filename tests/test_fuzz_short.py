"""A short run of the fuzz campaign in CI: the generator and invariants of
``benchmarks/fuzz.py`` (whose long runs are recorded in docs/guarantees.md) over a
fixed slice of cases, so a change that breaks an invariant on generated text fails here
and the failing case can be replayed with ``python benchmarks/fuzz.py --replay I``."""

from __future__ import annotations

import pytest
from fuzz_support import SEED, fuzz_module

import quoteattr

CASES = 1_500


def test_short_fuzz_campaign() -> None:
    fuzz = fuzz_module()
    attributor = quoteattr.Attributor()
    failures = []
    for index in range(CASES):
        text = fuzz.generate(SEED, index)
        try:
            fuzz.check(text, attributor.attribute)
        except fuzz.InvariantError as err:
            failures.append(f"case {index}: {err}")
    assert not failures, "\n".join(failures[:5])


def test_the_invariant_check_catches_a_broken_span() -> None:
    """The check used above fails on a result whose span does not slice back."""
    fuzz = fuzz_module()
    good = quoteattr.attribute('"We will rebuild," Mayor Ana Duarte said.')
    quote = good.quotes[0].model_copy(update={"text": "tampered"})
    broken = good.model_copy(update={"quotes": (quote,)})
    with pytest.raises(fuzz.InvariantError):
        fuzz.check('"We will rebuild," Mayor Ana Duarte said.', lambda _text: broken)
