"""``import mermaid|csv|xlsx FILE``: journeys kept elsewhere as handbook YAML on stdout, a fragment
that passes ``check`` on its own; ``import csv|xlsx --template FILE`` writes an empty spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..interchange import mermaid_reader, spreadsheet_reader
from ..interchange.columns import column_names
from ..interchange.fragment import BadInput
from ..interchange.spreadsheet_cells import csv_text, read_csv, read_xlsx, write_xlsx
from .options import EXIT_OK, EXIT_PROBLEMS, UsageError, quoted, settings_from_config


def _template(fmt: str, target: Path) -> int:
    if target.exists():
        raise UsageError(f"{quoted(target)} exists: the template is written to a new file only")
    if fmt == "csv":
        target.write_text(csv_text((column_names(), [])), encoding="utf-8", newline="")
    else:
        write_xlsx(target, {"touchpoints": (column_names(), [])})
    print(f"wrote an empty template with {len(column_names())} columns to {target}", file=sys.stderr)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    settings, _, _ = settings_from_config(args.config)
    try:
        if args.template:
            if args.format == "mermaid":
                raise UsageError("--template is for csv and xlsx")
            return _template(args.format, Path(args.template))
        if args.file is None:
            raise UsageError(f"import {args.format} needs a FILE")
        file = Path(args.file)
        if not file.is_file():
            raise UsageError(f"{quoted(file)} is not a file")
        if args.format == "mermaid":
            try:
                content = file.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as exc:
                raise BadInput(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
            fragment = mermaid_reader.to_fragment(mermaid_reader.read(file, content), settings.emotion_scale)
        else:
            header, rows = (read_csv if args.format == "csv" else read_xlsx)(file)
            spreadsheet_reader.check_header(file, header)
            fragment = spreadsheet_reader.to_fragment(file, rows, settings.emotion_scale)
    except BadInput as exc:
        for line in str(exc).splitlines():
            print(_as_error(line), file=sys.stderr)
        return EXIT_PROBLEMS
    sys.stdout.write(fragment.yaml())
    return EXIT_OK


def _as_error(line: str) -> str:
    """``file:line: message`` as ``file:line: error: message``, like ``check``."""
    head, sep, message = line.partition(": ")
    return f"{head}: error: {message}" if sep else line
