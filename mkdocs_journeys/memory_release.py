"""Handing memory a build no longer needs back to the operating system.

Python frees a dropped object at once, but the C allocator keeps the freed pages for the process;
the largest allocation of a big build comes last (the search plugins write their whole index as one
string), so pages kept then add to the peak. Where the C library can return them (glibc's
``malloc_trim``) they are returned; elsewhere nothing happens.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable


@functools.cache
def _trim() -> Callable[[int], int] | None:
    try:
        import ctypes  # absent from some Python builds

        trim = ctypes.CDLL(None).malloc_trim  # the symbols the process has loaded: no library search
    except (ImportError, OSError, AttributeError, TypeError):  # not glibc, or no such handle here
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_memory(*, collect: bool = False) -> None:
    """Return freed memory to the system; ``collect`` first frees what only reference cycles hold
    (the collector is frozen again afterwards, as a build keeps it)."""
    if collect:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
    trim = _trim()
    if trim is not None:
        trim(0)
