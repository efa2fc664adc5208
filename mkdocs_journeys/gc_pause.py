"""Pausing Python's cyclic garbage collector while a handbook is read and analysed.

Reading a big handbook allocates millions of small containers (mappings, lists, position tuples,
models) that form no reference cycles. Each allocation burst makes the collector walk every
object created so far, which costs about a third of the reading time; pausing it and collecting
nothing is safe, and reference counting still frees what is dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
