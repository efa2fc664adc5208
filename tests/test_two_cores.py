"""Work shared with a forked child: the same results in the same order as doing it all here, a child
that fails is made up for, and a big handbook's files parse to the very same trees and problems, its
findings to the very same findings."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys import two_cores
from mkdocs_journeys.analysis import analyse
from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.load import file_cache
from mkdocs_journeys.load.file_cache import ReadCache
from mkdocs_journeys.load.yaml_reader import read_bytes
from mkdocs_journeys.source import Map, Plain, Seq

from .sites import example_handbook, synthetic

analyse_module = importlib.import_module("mkdocs_journeys.analysis.analyse")  # the module, not the function

CORPUS = Path(__file__).parent / "corpus"
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="work is shared with a forked child on Linux only")


def test_the_child_does_its_share_and_the_results_keep_their_order() -> None:
    assert two_cores.may_fork()  # Linux, one thread, two cores: what CI gives these tests
    here = os.getpid()
    results = two_cores.shared(list(range(10)), lambda n: (n * n, os.getpid()), 6)
    assert [square for square, _ in results] == [n * n for n in range(10)]
    assert {pid for _, pid in results[:6]} == {here}
    assert {pid for _, pid in results[6:]} != {here}  # done in another process


def test_a_child_that_fails_is_made_up_for_here() -> None:
    here = os.getpid()

    def work(n: int) -> int:
        if os.getpid() != here:
            raise RuntimeError("the child fails")
        return n + 1

    assert two_cores.shared([1, 2, 3, 4], work, 2) == [2, 3, 4, 5]


def test_a_failure_here_leaves_no_child_behind() -> None:
    here = os.getpid()

    def work(n: int) -> int:
        if os.getpid() == here and n == 1:
            raise KeyboardInterrupt
        return n

    with pytest.raises(KeyboardInterrupt):
        two_cores.shared([0, 1, 2, 3], work, 2)
    with pytest.raises(ChildProcessError):  # the child was waited for
        os.waitpid(-1, os.WNOHANG)


def test_the_split_gives_the_child_its_share_of_the_weight() -> None:
    assert two_cores.split_by([10] * 10, 0.4) == 6
    assert two_cores.split_by([100, 1, 1, 1], 0.5) == 1
    assert two_cores.split_by([], 0.4) == 0


def tree(value: Any) -> Any:
    """A read value with every position and type in it, to compare two readings in full."""
    if isinstance(value, Map):
        return ("map", value.pos, [(k, value.key_position(k), value.value_position(k), tree(v))
                                   for k, v in value.items()])
    if isinstance(value, Seq):
        return ("seq", value.pos, value.item_pos, [tree(v) for v in value])
    if isinstance(value, Plain):
        return ("plain", str(value), repr(value.value))  # repr: a NaN equals itself
    return (type(value).__name__, value)


def test_files_parsed_on_two_cores_read_exactly_as_on_one(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted([*example_handbook().rglob("*.yml"), *CORPUS.rglob("*.yml")])
    assert len(files) > 50
    monkeypatch.setattr(file_cache, "PARALLEL_BYTES", 0)
    here, parsed_here = os.getpid(), []
    real_parse = file_cache._parse

    def parse(item: tuple[Path, bytes]) -> Any:
        if os.getpid() == here:
            parsed_here.append(item[0])
        return real_parse(item)

    monkeypatch.setattr(file_cache, "_parse", parse)
    cache = ReadCache()
    together = cache.read_all(files)
    assert cache.parsed == len(files)
    assert 0 < len(parsed_here) < len(files)  # the child's share came back from the child
    alone = [read_bytes(file.read_bytes(), file) for file in files]
    assert [r.problems for r in together] == [r.problems for r in alone]
    assert any(r.problems for r in alone)  # the corpus's mistakes are among them
    for shared_result, own in zip(together, alone, strict=True):
        assert [(d.file, d.index, d.pos, d.end, d.documents_in_file, d.refused, d.lost, tree(d.data))
                for d in shared_result.documents] == [
                (d.file, d.index, d.pos, d.end, d.documents_in_file, d.refused, d.lost, tree(d.data))
                for d in own.documents]
    assert cache.read_all(files) == together and cache.parsed == len(files)  # then from the cache


class _Unrebuildable:
    """Pickles, but cannot be unpickled (as `Plain` could not before it said how)."""

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return _refuse, ()


def _refuse() -> None:
    raise TypeError("cannot be made again")


def test_results_that_cannot_be_rebuilt_are_made_here_instead() -> None:
    here = os.getpid()
    results = two_cores.shared([1, 2, 3], lambda n: n if os.getpid() == here else _Unrebuildable(), 1)
    assert results == [1, 2, 3]


def test_checks_findings_found_on_two_cores_are_the_builds_findings(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    synthetic().write_handbook(tmp_path, 30)
    handbook = build_handbook(tmp_path)
    whole = analyse(handbook)
    assert len(whole.findings) > 100
    monkeypatch.setattr(analyse_module, "PARALLEL_JOURNEYS", 2)
    splits: list[int] = []
    real_shared = two_cores.shared

    def shared(items: Any, work: Any, split: int) -> Any:
        splits.append(split)
        return real_shared(items, work, split)

    monkeypatch.setattr(analyse_module, "shared", shared)
    alone = analyse(handbook, findings_only=True)
    assert splits and 0 < splits[0] < 30  # the child found some of them
    assert [(f, f.anchor) for f in alone.findings] == [(f, f.anchor) for f in whole.findings]
    assert alone.suppressed == whole.suppressed
