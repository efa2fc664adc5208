"""Work shared with a forked child: the same results in the same order as doing it all here, a child
that fails is made up for, and a big handbook's files parse to the very same trees and problems, its
findings to the very same findings."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys import two_cores
from mkdocs_journeys.analysis import analyse
from mkdocs_journeys.cli import main
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
    parsed_here = _parsed_here(monkeypatch)
    cache = ReadCache()
    together = cache.read_all(files)
    assert cache.parsed == len(files)
    assert 0 < len(parsed_here) < len(files)  # the child's share came back from the child
    _read_as_on_one_core(files, together)
    assert any(r.problems for r in together)  # the corpus's mistakes are among them
    assert cache.read_all(files) == together and cache.parsed == len(files)  # then from the cache


def _read_as_on_one_core(files: list[Path], together: list[Any]) -> None:
    alone = [read_bytes(file.read_bytes(), file) for file in files]
    assert [r.problems for r in together] == [r.problems for r in alone]
    for shared_result, own in zip(together, alone, strict=True):
        assert [(d.file, d.index, d.pos, d.end, d.documents_in_file, d.refused, d.lost, tree(d.data))
                for d in shared_result.documents] == [
                (d.file, d.index, d.pos, d.end, d.documents_in_file, d.refused, d.lost, tree(d.data))
                for d in own.documents]


def _parsed_here(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files this process parses itself from now on (a forked child's are not among them)."""
    here, parsed_here = os.getpid(), []
    real_parse = file_cache._parse

    def parse(item: tuple[Path, bytes]) -> Any:
        if os.getpid() == here:
            parsed_here.append(item[0])
        return real_parse(item)

    monkeypatch.setattr(file_cache, "_parse", parse)
    return parsed_here


@pytest.fixture
def reading_ahead(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any handbook is big enough to read ahead; no test leaves a child behind for the next one."""
    monkeypatch.setattr(file_cache, "PARALLEL_BYTES", 0)
    yield
    file_cache.end_read_ahead()


def _no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_files_read_ahead_come_from_the_child_and_read_exactly_as_on_one_core(
        reading_ahead: None, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted([*example_handbook().rglob("*.yml"), *CORPUS.rglob("*.yml")])
    parsed_here = _parsed_here(monkeypatch)
    file_cache.read_ahead(files)
    together = ReadCache().read_all(files)
    assert 0 < len(parsed_here) < len(files)  # the later files came from the child
    assert parsed_here == files[:len(parsed_here)]
    _read_as_on_one_core(files, together)
    assert any(r.problems for r in together)
    assert _no_child_left()


def test_a_file_changed_after_it_was_read_ahead_is_read_again(reading_ahead: None, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    synthetic().write_handbook(tmp_path, 6)
    files = sorted(tmp_path.rglob("*.yml"))
    file_cache.read_ahead(files)
    last = files[-1]
    last.write_text(last.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1), encoding="utf-8")
    parsed_here = _parsed_here(monkeypatch)
    results = ReadCache().read_all(files)
    assert last in parsed_here and files[-2] not in parsed_here  # only the changed one is parsed again
    assert results[-1].documents[0].data["title"].startswith("Changed ")
    _read_as_on_one_core(files, results)
    assert _no_child_left()


def test_a_read_ahead_child_that_fails_is_made_up_for_here(reading_ahead: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(example_handbook().rglob("*.yml"))
    here, real_parse = os.getpid(), file_cache._parse

    def parse(item: tuple[Path, bytes]) -> Any:
        if os.getpid() != here:
            raise RuntimeError("the child fails")
        return real_parse(item)

    monkeypatch.setattr(file_cache, "_parse", parse)
    file_cache.read_ahead(files)
    assert file_cache._ahead is not None
    _read_as_on_one_core(files, ReadCache().read_all(files))
    assert _no_child_left()


def test_a_read_ahead_that_no_load_asks_for_is_ended(reading_ahead: None) -> None:
    files = sorted(example_handbook().rglob("*.yml"))
    file_cache.read_ahead(files)
    assert file_cache._ahead is not None  # a child is reading
    file_cache.end_read_ahead()
    assert file_cache._ahead is None and _no_child_left()


def test_check_reads_ahead_and_prints_what_it_prints_on_one_core(
        reading_ahead: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    started = _handbook_to_check(tmp_path, monkeypatch, 12)
    parsed_here = _parsed_here(monkeypatch)
    assert main(["check", "handbook"]) == 0
    ahead = capsys.readouterr().out
    assert started == [True] and 0 < len(parsed_here) < len(list((tmp_path / "handbook").rglob("*.yml")))
    assert _no_child_left()
    monkeypatch.setattr(file_cache, "PARALLEL_BYTES", 10**12)  # now nothing is shared
    assert main(["check", "handbook"]) == 0
    assert capsys.readouterr().out == ahead and "warning" in ahead


def test_a_check_that_stops_before_reading_ends_its_read_ahead(
        reading_ahead: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    started = _handbook_to_check(tmp_path, monkeypatch, 6)
    assert main(["check", "handbook", "--strict", "--no-findings"]) == 2  # a usage error, after it started
    assert "choose one" in capsys.readouterr().err
    assert started == [True]
    assert file_cache._ahead is None and _no_child_left()


def _handbook_to_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, journeys: int) -> list[bool]:
    """A handbook folder of ``journeys`` to run ``check`` on from ``tmp_path``, with the read-ahead spied on."""
    synthetic().write_handbook(tmp_path / "handbook", journeys)
    monkeypatch.chdir(tmp_path)
    return _spy_on_read_ahead(monkeypatch)


def _spy_on_read_ahead(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each read-ahead asked for: whether a child was started."""
    started: list[bool] = []
    real_read_ahead = file_cache.read_ahead

    def read_ahead(files: Any) -> None:
        real_read_ahead(files)
        started.append(file_cache._ahead is not None)

    monkeypatch.setattr(file_cache, "read_ahead", read_ahead)
    return started


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
