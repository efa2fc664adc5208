"""Benchmarks for mkdocs-journeys, run by hand: ``python benchmarks/bench.py`` (about 15 minutes).

Every figure is compared with a baseline measured in the same run (these machines are noisy), and
with ``--repeat`` the two sides of a ratio are measured in turns, the best of each counting:

- the MkDocs build with the plugin against a build of the very same pages written out as plain
  Markdown by ``mkdocs-journeys generate`` (the plugin's overhead);
- build time and peak memory at growing handbook sizes (the growth ratio);
- ``check`` against a bare libyaml parse of the same files;
- bytes per journey page (HTML, figure data) and the shared assets;
- the time from saving one journey file to ``mkdocs serve`` (plain and ``--dirty``) serving the
  changed page, against a full build of the same handbook.

``--quick`` runs everything at tiny sizes (the test suite uses it as a smoke test).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from serving import mkdocs_serve, served_url  # noqa: E402
from synthetic import write_handbook  # noqa: E402

OWN_PLOTLY_TAG = re.compile(r"<script[^>]*\bsrc=\"[^\"]*plotly\.min\.js\"")
THEME: dict[str, Any] = {"name": "material", "font": False, "features": ["navigation.instant"]}


@dataclass
class Run:
    seconds: float
    peak_mib: float


def _run(args: list[str], cwd: Path) -> Run:
    """Run a command to completion; its wall time and its peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output.decode(errors='replace')[-3000:]}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def plugin_site(root: Path, journeys: int) -> Path:
    root.mkdir(parents=True)
    write_handbook(root / "journeys", journeys)
    (root / "docs").mkdir()
    (root / "docs/index.md").write_text("# Handbook benchmark\n", encoding="utf-8")
    config = {"site_name": "Benchmark", "theme": THEME, "plugins": ["search", "journeys"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def plain_site(plugin_root: Path, root: Path) -> Path:
    """The same pages as plain Markdown, with the navigation the plugin would give them."""
    (root / "docs").mkdir(parents=True)
    subprocess.run([sys.executable, "-m", "mkdocs_journeys.cli", "generate", str(plugin_root / "journeys"),
                    str(root / "docs")], check=True, capture_output=True)
    (root / "docs/index.md").write_text("# Handbook benchmark\n", encoding="utf-8")
    nav = ["index.md", {"Handbook": ["handbook/index.md", {"Journeys": "handbook/journeys.md"},
                                     {"Personas": "handbook/personas.md"}, {"Processes": "handbook/processes.md"},
                                     {"Departments": "handbook/departments.md"}]}]
    config = {"site_name": "Benchmark", "theme": THEME, "plugins": ["search"], "nav": nav,
              "markdown_extensions": ["attr_list"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def mkdocs_build(root: Path) -> Run:
    return _run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean"], root)


def best_of(times: int, measure: Callable[[], Run]) -> Run:
    runs = [measure() for _ in range(times)]
    return min(runs, key=lambda r: r.seconds)


def best_of_pairs(times: int, first: Callable[[], Run], second: Callable[[], Run]) -> tuple[Run, Run]:
    """The best of each, measured in turns (first, second, first, second...): this machine's speed
    drifts by a fifth over minutes, and a ratio of two runs made far apart measures the drift."""
    runs = [(first(), second()) for _ in range(times)]
    return (min((a for a, _ in runs), key=lambda r: r.seconds), min((b for _, b in runs), key=lambda r: r.seconds))


def timed(work: Callable[[], object]) -> Run:
    start = time.perf_counter()
    work()
    return Run(time.perf_counter() - start, 0.0)


def check_vs_parse(source: Path, repeat: int) -> tuple[float, float]:
    """The whole `check` command (a fresh process: start-up, imports, every finding printed) against
    a bare libyaml parse of the same files in this process."""
    from mkdocs_journeys.load.definitions import handbook_files

    files = handbook_files(source)

    def bare_parse() -> None:
        for file in files:
            with file.open("rb") as stream:
                list(yaml.load_all(stream, Loader=yaml.CSafeLoader))

    command = [sys.executable, "-m", "mkdocs_journeys.cli", "check", str(source)]
    # run where its author would, in the site's folder (its mkdocs.yml, its hand-written pages)
    check, parse = best_of_pairs(repeat, lambda: timed(lambda: subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=source.parent)), lambda: timed(bare_parse))
    return check.seconds, parse.seconds


def page_sizes(site: Path) -> dict[str, float]:
    pages = sorted((site / "handbook/journeys").glob("*/index.html"))
    html = [p.stat().st_size for p in pages]
    figures = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        figures.append(sum(len(m.encode()) for m in re.findall(r"data-journeys-figure='([^']*)'", text)))
    assets = site / "assets/journeys"
    return {
        "journey_pages": len(pages),
        "html_kib": sum(html) / len(html) / 1024,
        "figure_kib": sum(figures) / len(figures) / 1024,
        "plotly_kib": (assets / "plotly.min.js").stat().st_size / 1024,
        "script_kib": ((assets / "journeys.js").stat().st_size + (assets / "journeys.css").stat().st_size) / 1024,
        "pages_loading_plotly_src": sum(1 for p in site.rglob("*.html")
                                       if OWN_PLOTLY_TAG.search(p.read_text(encoding="utf-8"))),
        "pages_with_figures": sum(1 for p in site.rglob("*.html") if "data-journeys-figure=" in
                                  p.read_text(encoding="utf-8")),
    }


def serve_rebuild(root: Path, flags: tuple[str, ...] = (), timeout: float = 900) -> float:
    """Seconds from saving a journey file (a new title) to the served page showing it."""
    log: list[str] = []
    with mkdocs_serve(root, timeout, flags) as process:
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line)
            if "Serving on" in line:
                break
        else:
            raise SystemExit("mkdocs serve did not start:\n" + "".join(log[-30:]))
        threading.Thread(target=lambda: log.extend(process.stdout or ()), daemon=True).start()
        time.sleep(1.0)
        journey = sorted((root / "journeys/journeys").glob("*.yml"))[0]
        original = journey.read_text(encoding="utf-8")
        changed = original.replace("title: ", "title: Changed ", 1)
        data = yaml.safe_load(changed)
        if not str(data.get("title", "")).startswith("Changed "):
            raise SystemExit(f"{journey.name}: the edit would not change the title (the rebuild must stay valid)")
        url = served_url(process, f"handbook/journeys/{data.get('id', journey.stem)}/")
        start = time.perf_counter()
        journey.write_text(changed, encoding="utf-8")
        try:
            while process.poll() is None:
                with urllib.request.urlopen(url, timeout=timeout) as response:  # waits out a rebuild
                    if "Changed " in response.read().decode("utf-8"):
                        return time.perf_counter() - start
                if any("An error happened during the rebuild" in line for line in log):
                    break
                time.sleep(0.05)
        finally:
            journey.write_text(original, encoding="utf-8")
        raise SystemExit("mkdocs serve never served the change:\n" + "".join(log[-30:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke test, figures meaningless")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000, 3000], metavar="N",
                        help="handbook sizes (journeys) for the growth table")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement (the best counts); "
                        "a build of 1,000 journeys takes minutes")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (default: a temporary folder)")
    parser.add_argument("--serve-only", action="store_true",
                        help="only the authoring loop: a full build and the served rebuilds at 300 journeys, "
                             "--repeat times in turns (about 5 minutes a turn)")
    args = parser.parse_args(argv)
    if args.serve_only:
        return serve_only(args.repeat, Path(args.keep) if args.keep else None, args.quick)

    sizes = [2, 4, 10] if args.quick else args.sizes
    compare_at = 10 if args.quick else 1000
    growth_pair = (2, 10) if args.quick else (200, 1000)
    repeat = 1 if args.quick else args.repeat
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="journeys-bench-"))
    figures: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                               f"{platform.python_version()}", "date": time.strftime("%Y-%m-%d")}
    try:
        print(f"# mkdocs-journeys benchmarks ({figures['machine']}, {figures['date']})\n")

        site = plugin_site(work / f"plugin-{compare_at}", compare_at)
        plain = plain_site(site, work / f"plain-{compare_at}")
        plugin_run, plain_run = best_of_pairs(repeat, lambda: mkdocs_build(site), lambda: mkdocs_build(plain))
        ratio = plugin_run.seconds / plain_run.seconds
        figures["overhead"] = {"journeys": compare_at, "plugin_s": plugin_run.seconds, "plain_s": plain_run.seconds,
                               "ratio": ratio}
        print("| Build of the same pages | Journeys | Seconds | Peak MiB |\n|---|---|---|---|")
        print(f"| with the plugin | {compare_at} | {plugin_run.seconds:.1f} | {plugin_run.peak_mib:.0f} |")
        print(f"| plain Markdown (`generate`) | {compare_at} | {plain_run.seconds:.1f} | {plain_run.peak_mib:.0f} |")
        print(f"\nPlugin overhead: **{ratio:.2f}×** the plain-Markdown build.\n")

        sizes_seen: dict[int, Run] = {}
        print("| Journeys | Build seconds | Peak MiB | Seconds per journey |\n|---|---|---|---|")
        for n in sorted(set(sizes) | set(growth_pair)):
            root = site if n == compare_at else plugin_site(work / f"plugin-{n}", n)
            # the sizes the growth ratio compares are measured as often as the comparison above
            run = plugin_run if n == compare_at else best_of(repeat if n in growth_pair else 1,
                                                             functools.partial(mkdocs_build, root))
            sizes_seen[n] = run
            print(f"| {n} | {run.seconds:.1f} | {run.peak_mib:.0f} | {run.seconds / n * 1000:.1f} ms |")
        small, large = growth_pair
        growth = sizes_seen[large].seconds / sizes_seen[small].seconds
        figures["growth"] = {str(n): {"seconds": r.seconds, "peak_mib": r.peak_mib} for n, r in sizes_seen.items()}
        figures["growth_ratio"] = {"from": small, "to": large, "ratio": growth}
        print(f"\n{large // small}× the handbook ({small} → {large} journeys) costs **{growth:.2f}×** the time.\n")

        check, parse = check_vs_parse(site / "journeys", max(repeat, 5))
        figures["check"] = {"journeys": compare_at, "check_s": check, "libyaml_parse_s": parse, "ratio": check / parse}
        print("| Reading the handbook | Seconds |\n|---|---|")
        print(f"| bare libyaml parse (`yaml.CSafeLoader`) | {parse:.2f} |")
        print(f"| `mkdocs-journeys check`, the whole command (start, load, validate, analyse, print) | {check:.2f} |")
        print(f"\n`check` takes **{check / parse:.2f}×** the bare parse.\n")

        sizes_kib = page_sizes(site / "site")
        figures["bytes"] = sizes_kib
        print("| Per journey page | KiB |\n|---|---|")
        print(f"| HTML (average) | {sizes_kib['html_kib']:.1f} |")
        print(f"| figure data in it (average) | {sizes_kib['figure_kib']:.1f} |")
        print(f"| shared: plotly.min.js, loaded once per site and cached | {sizes_kib['plotly_kib']:.0f} |")
        print(f"| shared: journeys.js + journeys.css, every page | {sizes_kib['script_kib']:.1f} |")
        print(f"\nPages with a `<script src=…plotly.min.js>` of their own: {sizes_kib['pages_loading_plotly_src']} "
              "(plotly.js is loaded by the shared script from one URL).\n")

        serve_n = 10 if args.quick else 300
        serve_root = work / f"plugin-{serve_n}"
        if not serve_root.exists():
            plugin_site(serve_root, serve_n)
        full = sizes_seen[serve_n].seconds if serve_n in sizes_seen else mkdocs_build(serve_root).seconds
        plain_serve = serve_rebuild(serve_root)
        dirty_serve = serve_rebuild(serve_root, ("--dirty",))
        figures["serve_rebuild"] = {"journeys": serve_n, "full_build_s": full, "seconds": plain_serve,
                                    "dirty_seconds": dirty_serve, "ratio": plain_serve / full,
                                    "dirty_ratio": dirty_serve / full}
        print("| One journey file saved, until the served page shows it | Journeys | Seconds | × full build |")
        print("|---|---|---|---|")
        print(f"| full build (`mkdocs build`), for comparison | {serve_n} | {full:.1f} | 1.00 |")
        print(f"| `mkdocs serve` | {serve_n} | {plain_serve:.1f} | {plain_serve / full:.2f} |")
        print(f"| `mkdocs serve --dirty` | {serve_n} | {dirty_serve:.1f} | {dirty_serve / full:.2f} |")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def serve_only(turns: int, keep: Path | None, quick: bool) -> int:
    """The full build and the two served rebuilds, measured in turns; the best of each counts."""
    work = keep if keep is not None else Path(tempfile.mkdtemp(prefix="journeys-bench-"))
    n = 10 if quick else 300
    try:
        root = work / f"plugin-{n}"
        if not root.exists():
            plugin_site(root, n)
        full, plain, dirty = [], [], []
        for _ in range(turns):
            full.append(mkdocs_build(root).seconds)
            plain.append(serve_rebuild(root))
            dirty.append(serve_rebuild(root, ("--dirty",)))
        print("| One journey file saved, until the served page shows it | Journeys | Seconds (best) | × full build |")
        print("|---|---|---|---|")
        print(f"| full build (`mkdocs build`), for comparison | {n} | {min(full):.1f} | 1.00 |")
        print(f"| `mkdocs serve` | {n} | {min(plain):.1f} | {min(plain) / min(full):.2f} |")
        print(f"| `mkdocs serve --dirty` | {n} | {min(dirty):.1f} | {min(dirty) / min(full):.2f} |")
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
