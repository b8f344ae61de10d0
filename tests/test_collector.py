"""quoteattr.collector.paused: the collector is off inside, back as it was after, and
attribute leaves it as the caller had it (on or off), with threads too."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import quoteattr
from quoteattr import collector

_TEXT = '"We will rebuild," Mayor Ana Duarte said. "Not yet," he told reporters.'


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_off_inside_and_on_again_after() -> None:
    gc.enable()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # nested: still off, and not switched on by the inner end
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_never_switches_on_a_collector_the_caller_switched_off() -> None:
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    assert quoteattr.attribute(_TEXT).quotes[0].speaker is not None
    assert not gc.isenabled()


def test_on_again_after_an_error() -> None:
    gc.enable()
    msg = "boom"
    with pytest.raises(ValueError, match=msg), collector.paused():
        raise ValueError(msg)
    assert gc.isenabled()
    with pytest.raises(quoteattr.InputTypeError):
        quoteattr.attribute(_TEXT, doc_id=3)  # type: ignore[arg-type]
    assert gc.isenabled()


def test_threads_share_one_pause() -> None:
    gc.enable()
    inside = threading.Barrier(2)
    leave = threading.Event()
    seen: list[bool] = []

    def hold() -> None:
        with collector.paused():
            inside.wait()
            leave.wait()

    thread = threading.Thread(target=hold)
    thread.start()
    with collector.paused():
        inside.wait()
    seen.append(gc.isenabled())  # the other thread is still inside: still off
    leave.set()
    thread.join()
    assert seen == [False]
    assert gc.isenabled()


def test_attribute_leaves_the_collector_on() -> None:
    gc.enable()
    result = quoteattr.attribute(_TEXT)
    assert [q.speaker.name for q in result.quotes if q.speaker] == ["Ana Duarte", "Ana Duarte"]
    assert gc.isenabled()
