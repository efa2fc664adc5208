"""Work on many items shared with a forked child, so that a big handbook uses a second core.

Why a fork and not a pool: what the work needs (the files' bytes, the loaded handbook) is already in
this process's memory, so a forked child has it for nothing, and only its results cross back,
pickled. The child takes the smaller share, because it also pickles what it made, and both finish
together. A fork is only made where it is sound: on Linux, in a process with a single thread (a fork
copies a lock another thread may be holding), and for enough work to be worth a process. Whenever
the child cannot be made or fails, this process does its share too: the results are the same either
way.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["Child", "may_fork", "shared", "split_by"]

Item = TypeVar("Item")
Result = TypeVar("Result")


def may_fork() -> bool:
    return (sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1
            and (os.cpu_count() or 1) > 1)


def split_by(weights: Sequence[int], child_share: float) -> int:
    """The index from which the items hold about ``child_share`` of the total weight."""
    mine, done = sum(weights) * (1 - child_share), 0
    for index, weight in enumerate(weights):
        if done >= mine:
            return index
        done += weight
    return len(weights)


def shared(items: Sequence[Item], work: Callable[[Item], Result], split: int) -> list[Result]:
    """``work`` on each item, in order: ``items[:split]`` here while a forked child does the rest.
    Call it only when :func:`may_fork` holds."""
    child = Child.start(items[split:], work)
    try:
        mine = [work(item) for item in items[:split]]
    except BaseException:  # Ctrl-C, say: the child is not left behind
        if child is not None:
            child.end()
        raise
    theirs: list[Result] | None = child.results() if child is not None else None
    if theirs is None or len(theirs) != len(items) - split:
        theirs = [work(item) for item in items[split:]]
    return mine + theirs


class Child:
    """A forked child doing ``work`` on its part of the items; its results are taken once, or it is
    ended unread. Start one only when :func:`may_fork` holds."""

    def __init__(self, pid: int, read_end: int) -> None:
        self._pid, self._read_end = pid, read_end

    @classmethod
    def start(cls, part: Sequence[Item], work: Callable[[Item], Result]) -> Child | None:
        """None when no child can be made (then the caller does the part itself)."""
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the child: work, send, and leave without running anything of the parent's
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is the parent's to handle: it ends this
                # A collection would walk (and so copy) every object inherited from the parent, for one
                # piece of work that ends with the process.
                gc.disable()
                os.close(read_end)
                data = pickle.dumps([work(item) for item in part], protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_end, "wb") as stream:
                    stream.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        return cls(pid, read_end)

    def results(self) -> list[Any] | None:
        """The child's results, in order, or None when it failed."""
        return self._collect(wanted=True)

    def end(self) -> None:
        """The child's work is not wanted: it is ended, unread, and waited for."""
        self._collect(wanted=False)

    def _collect(self, *, wanted: bool) -> list[Any] | None:
        data = b""
        try:
            with os.fdopen(self._read_end, "rb") as stream:
                if wanted:
                    data = stream.read()
            if not wanted:
                os.kill(self._pid, signal.SIGKILL)  # its work is not waited for
        except BaseException:  # Ctrl-C while waiting for it: neither is the rest of its work
            os.kill(self._pid, signal.SIGKILL)
            raise
        finally:
            _, status = os.waitpid(self._pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not data:
            return None
        try:
            results = pickle.loads(data)  # written by our own child a moment ago
        except Exception:  # something of the results that cannot be rebuilt: a bug, but not one to stop for
            return None
        return results if isinstance(results, list) else None
