"""Releasing a build's memory: what only a reference cycle holds is freed even while the collector
is frozen, as it is during a build, and the collector stays frozen afterwards."""

from __future__ import annotations

import gc
import platform
import weakref

import pytest

from mkdocs_journeys.memory_release import release_memory


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _frozen_cycle() -> weakref.ref[_Node]:
    """Two objects that only refer to each other, frozen with everything else (as a build does)."""
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    gc.freeze()
    return weakref.ref(a)


def test_a_cycle_frozen_with_the_build_is_freed_and_the_collector_stays_frozen() -> None:
    gone = _frozen_cycle()
    try:
        gc.collect()
        assert gone() is not None  # frozen: a plain collection leaves it
        release_memory(collect=True)
        assert gone() is None
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_without_collecting_nothing_is_freed_but_the_call_is_safe() -> None:
    gone = _frozen_cycle()
    try:
        release_memory()
        assert gone() is not None
    finally:
        gc.unfreeze()
        gc.collect()


def test_where_the_c_library_cannot_trim_releasing_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    from mkdocs_journeys import memory_release

    class NoTrim:  # a C library without malloc_trim (macOS, musl)
        pass

    def no_handle(name: object) -> object:  # Windows: no handle for the process itself
        raise TypeError("'/' in None")

    for library in (lambda name: NoTrim(), no_handle):
        memory_release._trim.cache_clear()
        monkeypatch.setattr(ctypes, "CDLL", library)
        assert memory_release._trim() is None
        release_memory(collect=True)  # nothing to call, nothing raised
    monkeypatch.undo()
    memory_release._trim.cache_clear()
    if platform.libc_ver()[0] == "glibc":  # Linux with glibc, as in CI: the real function is found
        assert memory_release._trim() is not None
