"""``new DIR``: a handbook site that builds with ``mkdocs build --strict`` and serves at once.

It copies the starter (a site config, a home page and a handbook that shows each feature in
miniature) into a missing or empty folder only: it never overwrites a file.
"""

from __future__ import annotations

import argparse
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .options import EXIT_OK, UsageError, quoted


def starter_files() -> dict[str, bytes]:
    """The starter's files by their path in the new site."""
    files: dict[str, bytes] = {}

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.name.startswith((".", "__")):
                continue
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            else:
                files[f"{prefix}{entry.name}"] = entry.read_bytes()

    walk(resources.files(__package__.rpartition(".")[0]) / "starter", "")
    return files


def create(target: Path) -> list[str]:
    if target.exists() and not target.is_dir():
        raise UsageError(f"{quoted(target)} is a file: name a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(f"{quoted(target)} is not empty: `new` writes into a new or empty folder only, so that "
                         "nothing of yours is overwritten")
    files = starter_files()
    for relative, content in sorted(files.items()):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as out:  # exclusive: never replaces a file that appeared meanwhile
            out.write(content)
    return sorted(files)


def run(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    written = create(target)
    print(f"created a handbook site in {target} ({len(written)} files). Next:\n"
          f"  cd {target}\n  mkdocs serve          # the site, live at http://127.0.0.1:8000/\n"
          "  mkdocs-journeys check # every problem of the handbook, with file:line")
    return EXIT_OK
