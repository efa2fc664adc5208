"""The data benchmark, run by hand: ``python benchmarks/data_bench.py`` (10 million events, minutes).

One run writes an event log of a 6-step claims process (``data_synthetic.py``) as Parquet and as CSV
and measures, each in a fresh process, against a baseline of the same run:

- the baseline: DuckDB alone counting the file's events per activity (``GROUP BY activity``), and a
  second one: DuckDB alone listing each case's timestamps in order (the least a process figure needs);
- the handbook's extra time with the dataset: reading and analysing a small handbook that has the
  event log, minus the same handbook without it, and the ratio to the baseline;
- the peak resident memory of that process;
- a second measurement with the same cache (what a rebuild does while the data is unchanged): the
  datasets it read, and its time; two ``mkdocs build`` in one process; and a real ``mkdocs serve``
  rebuild after a YAML edit (the data not read again) and after the data file changes (read again).

``--events N`` sets the size (the test suite runs a tiny one); ``--json FILE`` keeps the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data_synthetic import write_event_log, write_handbook  # noqa: E402
from serving import mkdocs_serve  # noqa: E402

READERS = {"parquet": "read_parquet", "csv": "read_csv"}
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def child(args: list[str]) -> tuple[dict[str, Any], float]:
    """Run this script's ``--child`` mode in a fresh process: what it printed, and its peak RSS in MiB."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE,
                                   stderr=errors)
        assert process.stdout is not None
        out = process.stdout.read().decode()
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(args)} failed:\n{errors.read().decode(errors='replace')[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def run_child(mode: str, target: str) -> dict[str, Any]:
    """What one fresh process measures: its own work only, the interpreter's start left out."""
    if mode == "baseline":
        start = time.perf_counter()
        import duckdb

        reader = READERS[Path(target).suffix.lstrip(".")]
        connection = duckdb.connect(":memory:")
        rows = connection.execute(f"SELECT activity, COUNT(*) FROM {reader}('{target}') GROUP BY activity").fetchall()
        seconds = time.perf_counter() - start
        # The least any process-mining figure needs: each case's timestamps, in order (a second baseline).
        start = time.perf_counter()
        connection.execute(f"SELECT SUM(len(t)) FROM (SELECT list_sort(list(epoch_us(CAST(\"timestamp\" AS "
                           f"TIMESTAMPTZ)))) AS t FROM {reader}('{target}') GROUP BY \"case\") per_case").fetchall()
        return {"seconds": seconds, "events": sum(int(n) for _, n in rows), "per_case_s": time.perf_counter() - start}
    if mode == "generate":  # its own process: the peak memory of writing the log stays out of the others'
        start = time.perf_counter()
        files = write_event_log(Path(target), int(os.environ["JOURNEYS_BENCH_EVENTS"]))
        return {"seconds": time.perf_counter() - start, "files": {kind: str(path) for kind, path in files.items()}}
    if mode == "handbook":
        start = time.perf_counter()
        from mkdocs_journeys.analysis import analyse
        from mkdocs_journeys.data.measure import measured_handbook

        handbook, measurements = measured_handbook(Path(target))
        analysis = analyse(handbook, measurements)
        seconds = time.perf_counter() - start
        figures = measurements.processes.get("claims-handling")
        return {"seconds": seconds, "problems": [p.message for p in handbook.problems],
                "findings": len(analysis.findings), "events": figures.events if figures else 0,
                "cases": figures.cases if figures else 0}
    if mode == "cache":
        from mkdocs_journeys.data.measure import DataCache, measure
        from mkdocs_journeys.handbook import build_handbook

        handbook, cache, runs = build_handbook(Path(target)), DataCache(), []
        for _ in range(2):
            start = time.perf_counter()
            result = measure(handbook, cache)
            runs.append({"seconds": time.perf_counter() - start, "reads": result.reads})
        return {"first": runs[0], "second": runs[1]}
    if mode == "mkdocs-twice":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        builds = []
        for _ in range(2):
            config = load_config(str(Path(target) / "mkdocs.yml"), quiet=True)
            config.plugins.on_startup(command="build", dirty=False)
            start = time.perf_counter()
            build(config)
            plugin = config.plugins["journeys"]
            builds.append({"seconds": time.perf_counter() - start, "cache": id(plugin.data_cache)})
        return {"first_s": builds[0]["seconds"], "second_s": builds[1]["seconds"],
                "same_cache": builds[0]["cache"] == builds[1]["cache"]}
    raise SystemExit(f"unknown child mode {mode}")


def site(root: Path, handbook: Path) -> Path:
    """A MkDocs site around the handbook folder."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs/index.md").write_text("# Data benchmark\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: Data benchmark\nplugins:\n  - journeys:\n      source: {handbook.relative_to(root)}\n",
        encoding="utf-8")
    return root


def serve_rebuilds(root: Path, handbook: Path, data: Path, timeout: float = 900) -> dict[str, float]:
    """Build times that a real ``mkdocs serve`` logs: at start, after a YAML edit, after the data changes."""
    log: list[str] = []
    with mkdocs_serve(root, timeout) as process:

        def next_build(first: bool = False) -> float:
            """The build's time as MkDocs logs it. MkDocs drops a log line that repeats the one before
            (two rebuilds of 0.21 s log once), so a rebuild ends at livereload's "Reloading browsers",
            timed from its "Building documentation..." when its own line was dropped."""
            logged: float | None = None
            started = time.perf_counter()
            for line in process.stdout:  # type: ignore[union-attr]
                log.append(line)
                if "Building documentation" in line:
                    started, logged = time.perf_counter(), None
                found = BUILT.search(line)
                if found:
                    logged = float(found.group(1))
                    if first:
                        return logged
                if "Reloading browsers" in line:
                    return logged if logged is not None else time.perf_counter() - started
                if "error happened during the rebuild" in line:
                    break
            raise SystemExit("mkdocs serve did not build:\n" + "".join(log[-30:]))

        figures = {"start_s": next_build(first=True)}
        for line in process.stdout:  # type: ignore[union-attr]
            log.append(line)
            if "Serving on" in line:  # printed once the files are watched: an earlier edit would be missed
                break
        time.sleep(1.0)
        yaml_file = handbook / "claims.yml"
        yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace(
            "title: Making a motor claim", "title: Making a motor insurance claim"), encoding="utf-8")
        figures["yaml_edit_s"] = next_build()
        time.sleep(1.0)
        os.utime(data)  # the same bytes, a new modification time: the cache's key changes
        figures["data_touched_s"] = next_build()
        return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000, help="events in the log (default 10 million)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    parser.add_argument("--no-serve", action="store_true", help="leave out the `mkdocs serve` rebuilds")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_child(*args.child)))
        return 0

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="journeys-data-bench-"))
    from importlib.metadata import version  # not DuckDB itself: children inherit the parent's peak memory

    figures: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                               f"{platform.python_version()}, DuckDB {version('duckdb')}",
                               "date": time.strftime("%Y-%m-%d"), "events": args.events}
    try:
        print(f"# mkdocs-journeys data benchmark ({figures['machine']}, {figures['date']})\n")
        handbook = write_handbook(work / "journeys", None)
        os.environ["JOURNEYS_BENCH_EVENTS"] = str(args.events)
        generated, _ = child(["generate", str(handbook / "data")])
        files = {kind: Path(path) for kind, path in generated["files"].items()}
        figures["generate_s"] = generated["seconds"]
        figures["file_mib"] = {kind: path.stat().st_size / 2**20 for kind, path in files.items()}
        without, _ = child(["handbook", str(handbook)])
        print(f"Event log of about {args.events:,} events written in {figures['generate_s']:.1f} s "
              f"(Parquet {figures['file_mib']['parquet']:.0f} MiB, CSV {figures['file_mib']['csv']:.0f} MiB).\n")
        print("| File | DuckDB alone (s) | DuckDB: ordered events per case (s) | Handbook with it − without (s) "
              "| Ratio | Ratio to the per-case baseline | Peak MiB | Cases | Events |")
        print("|---|---|---|---|---|---|---|---|---|")
        for kind, path in files.items():
            base, _ = child(["baseline", str(path)])
            write_handbook(handbook, kind)
            measured, peak = child(["handbook", str(handbook)])
            if measured["problems"]:
                raise SystemExit(f"the {kind} dataset has problems: {measured['problems']}")
            extra = measured["seconds"] - without["seconds"]
            figures[kind] = {"baseline_s": base["seconds"], "with_s": measured["seconds"],
                             "without_s": without["seconds"], "extra_s": extra, "ratio": extra / base["seconds"],
                             "peak_mib": peak, "cases": measured["cases"], "events": measured["events"],
                             "per_case_s": base["per_case_s"], "per_case_ratio": extra / base["per_case_s"]}
            print(f"| {kind} | {base['seconds']:.2f} | {base['per_case_s']:.2f} | {extra:.2f} | "
                  f"{extra / base['seconds']:.1f}× | {extra / base['per_case_s']:.1f}× | {peak:.0f} | "
                  f"{measured['cases']:,} | {measured['events']:,} |")

        write_handbook(handbook, "parquet")
        cached, _ = child(["cache", str(handbook)])
        figures["cache"] = cached
        print("\n| Measurement with one cache (Parquet) | Datasets read | Seconds |\n|---|---|---|")
        print(f"| first | {cached['first']['reads']} | {cached['first']['seconds']:.2f} |")
        print(f"| second, data unchanged | {cached['second']['reads']} | {cached['second']['seconds']:.4f} |")

        root = site(work, handbook)
        twice, _ = child(["mkdocs-twice", str(root)])
        figures["mkdocs_twice"] = twice
        print(f"\nTwo `mkdocs build` in one process: {twice['first_s']:.2f} s, then {twice['second_s']:.2f} s "
              f"(the plugin and its data cache kept: {twice['same_cache']}).")
        if not args.no_serve:
            served = serve_rebuilds(root, handbook, files["parquet"])
            figures["serve"] = served
            print(f"\n`mkdocs serve`: first build {served['start_s']:.2f} s; after a YAML edit "
                  f"{served['yaml_edit_s']:.2f} s (data not read); after the data file changed "
                  f"{served['data_touched_s']:.2f} s (read again).")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
