"""``export mermaid|csv|xlsx|json``: a valid handbook as a Mermaid diagram, tables or JSON.

A file named with ``--out`` is written only when it is new or a previous export wrote it (its
header, or the workbook's author, says so): no command overwrites a file it did not write.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from ..data.measure import measured_handbook
from ..handbook import Handbook
from ..interchange.columns import column_names
from ..interchange.fragment import BadInput
from ..interchange.json_export import json_text
from ..interchange.mermaid_writer import journey_diagram
from ..interchange.spreadsheet_cells import GENERATOR, csv_text, workbook_by_export, write_xlsx
from ..interchange.tables import METRIC_HEADER, TABLES
from .options import EXIT_OK, EXIT_PROBLEMS, UsageError, quoted, resolve_source
from .problem_formats import format_text


def _ours(file: Path) -> bool:
    """Whether an existing file is one an export wrote."""
    if file.suffix.lower() == ".xlsx":
        return workbook_by_export(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    first = text.split("\n", 1)[0]
    if first in (",".join(column_names()), ",".join(METRIC_HEADER)) or first.startswith("department_id,department"):
        return True
    try:
        return isinstance(data := json.loads(text), dict) and data.get("generator") == GENERATOR
    except ValueError:
        return False


def _target(out: str | None) -> Path | None:
    if out is None:
        return None
    target = Path(out)
    if target.is_dir():
        raise UsageError(f"{quoted(target)} is a folder: name the file to write")
    if target.exists() and not _ours(target):
        raise UsageError(f"{quoted(target)} exists and was not written by `mkdocs-journeys export`: nothing was "
                         "written, so that nothing of yours is lost; move it away or choose another file")
    return target


def _journey_id(handbook: Handbook, journey_id: str) -> str:
    if journey_id in handbook.journeys:
        return journey_id
    close = difflib.get_close_matches(journey_id, list(handbook.journeys), n=1)
    raise UsageError(f"unknown journey '{journey_id}'" + (f" (did you mean '{close[0]}'?)" if close else ""))


def run(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    if args.format == "mermaid":
        if not 1 <= len(paths) <= 2:
            raise UsageError("export mermaid takes [SOURCE] JOURNEY_ID")
        source_arg, journey_arg = (None, paths[0]) if len(paths) == 1 else paths
    else:
        if len(paths) > 1:
            raise UsageError(f"export {args.format} takes [SOURCE] and --out FILE")
        source_arg, journey_arg = (paths[0] if paths else None), None
    if args.table and args.format != "csv":
        raise UsageError("--table is for csv (an xlsx workbook holds every table, one sheet each)")
    if args.format == "xlsx" and args.out is None:
        raise UsageError("export xlsx needs --out FILE")
    target = _target(args.out)
    source, settings = resolve_source(source_arg, args.config)
    handbook, _ = measured_handbook(source, settings)
    if handbook.problems:
        for problem in handbook.problems:
            print(format_text(problem), file=sys.stderr)
        print(f"nothing exported: the handbook has {len(handbook.problems)} problems (see `mkdocs-journeys check`)",
              file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        if args.format == "xlsx":
            assert target is not None
            write_xlsx(target, {name: table(handbook) for name, table in TABLES.items()})
            print(f"wrote {', '.join(TABLES)} to {target}", file=sys.stderr)
            return EXIT_OK
    except BadInput as exc:
        raise UsageError(str(exc)) from exc
    if args.format == "mermaid":
        text = journey_diagram(handbook, handbook.journeys[_journey_id(handbook, journey_arg or "")])
    elif args.format == "json":
        text = json_text(handbook)
    else:
        text = csv_text(TABLES[args.table or "touchpoints"](handbook))
    if target is None:
        sys.stdout.write(text)
    else:
        target.write_text(text, encoding="utf-8", newline="")
        print(f"wrote {target}", file=sys.stderr)
    return EXIT_OK
