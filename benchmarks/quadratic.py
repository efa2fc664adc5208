"""The two inputs that once took quadratic time, timed at two sizes: ``python benchmarks/quadratic.py``.

- one stage holding many touchpoints that share the lowest emotion (each tied lowest point was
  looked up by a linear search);
- many broken step references in one big process (each did-you-mean compared the wrong id with
  every step id).

Each case runs ``mkdocs-journeys check`` in a fresh interpreter at a size and at four times that
size and prints the ratio of the times: about 4 is linear, about 16 quadratic. ``--package DIR``
times the package found in DIR instead of the installed one (to compare with an older commit).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_DEPARTMENTS = "kind: department\nid: sales\nname: Sales\n"


def tied_lowest(root: Path, touchpoints: int) -> None:
    """One journey, one stage, every touchpoint at the same (lowest) emotion."""
    lines = ["kind: journey", "id: wide", "title: Wide", "owner: sales", "metrics: {nps: 10}",
             "stages:", "  - name: Only", "    touchpoints:"]
    lines += [f"      - {{id: t{i}, name: Touchpoint {i}, emotion: -1}}" for i in range(touchpoints)]
    (root / "journey.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "departments.yml").write_text(_DEPARTMENTS, encoding="utf-8")


def broken_steps(root: Path, broken: int) -> None:
    """One process of three times ``broken`` steps, ``broken`` of them pointing at a misspelt step."""
    steps = broken * 3
    lines = ["kind: process", "id: big", "title: Big", "owner: sales", "steps:"]
    for i in range(steps):
        lines.append(f"  - id: step-{i:05d}")
        lines.append(f"    name: Step {i}")
        if i < broken:
            lines.append(f"    next: [stpe-{(i * 7) % steps:05d}]")
    (root / "process.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "departments.yml").write_text(_DEPARTMENTS, encoding="utf-8")


def timed_check(folder: Path, package: Path | None, *, findings: bool) -> float:
    env = dict(os.environ)
    if package is not None:
        env["PYTHONPATH"] = str(package)
    options = "" if findings else "'--no-findings', "
    code = f"import sys; from mkdocs_journeys.cli import main; sys.exit(main(['check', {options}sys.argv[1]]))"
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(folder)], env=env, capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - start
    if "Traceback" in done.stderr or done.returncode not in (0, 1):
        raise SystemExit(f"check failed:\n{done.stderr[-2000:]}")
    return elapsed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="a folder holding the mkdocs_journeys package to time")
    parser.add_argument("--touchpoints", type=int, default=5000, help="the smaller size of the first case")
    parser.add_argument("--broken", type=int, default=250, help="the smaller size of the second case")
    args = parser.parse_args(argv)
    cases: list[tuple[str, Callable[[Path, int], None], int]] = [
        ("tied lowest touchpoints", tied_lowest, args.touchpoints),
        ("broken step references", broken_steps, args.broken),
    ]
    for name, write, size in cases:
        times = []
        for n in (size, size * 4):
            with tempfile.TemporaryDirectory() as tmp:
                write(Path(tmp), n)
                times.append(timed_check(Path(tmp), args.package, findings=name.startswith("tied")))
            print(f"{name:>24}: {n:>7} → {times[-1]:7.2f} s", flush=True)
        print(f"{name:>24}: ×4 input → ×{times[1] / times[0]:.1f} time", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
