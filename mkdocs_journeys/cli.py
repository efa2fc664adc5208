"""The ``mkdocs-journeys`` command line: a thin adapter over the core, usable without MkDocs.

Exit codes: 0 all good, 1 the handbook has problems (or findings, with ``--strict``), 2 bad usage
or a bug in this tool (reported in one line, never as a traceback).
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .commands.exit_codes import EXIT_OK, EXIT_USAGE, UsageError
from .gc_pause import collector_paused


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-journeys",
        description="Check, generate and compare journey handbooks (YAML journeys, personas, processes, departments).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--config", metavar="FILE",
                         help="the site's config whose `journeys` plugin options apply (default: mkdocs.yml, "
                         "else properdocs.yml, in the current folder, if present)")
        return sub

    check = command("check", "Validate a handbook; print every problem with file:line:column.")
    check.add_argument("source", nargs="?", metavar="SOURCE",
                       help="the handbook folder (default: the plugin's `source`, else ./journeys)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text (default), github (Actions annotations) or json")
    check.add_argument("--strict", action="store_true", help="fail on findings of the analysis too")
    check.add_argument("--no-findings", action="store_true",
                       help="validate only: leave the analysis out (a valid handbook prints its summary alone)")

    generate = command("generate", "Write the handbook as plain Markdown pages with their assets, e.g. into a "
                       "site's docs folder next to its own pages; only files it wrote before (its record in "
                       "DOCS_DIR) are ever replaced or deleted.")
    generate.add_argument("paths", nargs="+", metavar="[SOURCE] DOCS_DIR",
                          help="the handbook folder (default as for check) and the output folder")
    generate.add_argument("--no-directory-urls", action="store_true",
                          help="the target site serves pages as page.html rather than page/")
    generate.add_argument("--watch", action="store_true",
                          help="keep running: generate again on every change of the handbook folder (Ctrl-C stops)")

    command("schema", "Print the JSON Schema of the handbook format.")

    owners = command("codeowners", "A CODEOWNERS file for the handbook's files, from their owners' `reviewers` "
                     "(GitHub syntax, paths from the repository's top, one line per file in path order).")
    owners.add_argument("source", nargs="?", metavar="SOURCE", help="the handbook folder (default as for check)")
    owners.add_argument("--output", metavar="FILE", help="the file to write, e.g. .github/CODEOWNERS (default: "
                        "stdout); never one that this command did not write")

    diff = command("diff", "What changed between two handbooks, as Markdown for a pull-request comment.")
    diff.add_argument("folders", nargs="*", metavar="OLD NEW | HEAD",
                      help="two handbook folders; with --git, the revision to compare with BASE (default: the "
                      "files in the work tree, committed or not)")
    diff.add_argument("--git", metavar="BASE", help="compare the handbook at two git revisions of this repository")
    diff.add_argument("--source", metavar="DIR", help="with --git: the handbook folder (default: the plugin's "
                      "`source`, else ./journeys)")
    diff.add_argument("--format", choices=("markdown", "text", "json"), default="markdown",
                      help="markdown (default: a pull-request comment, cut to --limit), text (the whole report, for "
                      "terminals, chat and e-mail) or json")
    diff.add_argument("--limit", type=int, default=60_000, metavar="CHARS",
                      help="markdown: the longest comment to write, the most important changes first and the rest "
                      "counted (default 60000; GitHub takes 65536); 0 for the whole report")

    new = command("new", "Create a new handbook site in DIR (which must be empty or missing): it builds at once.")
    new.add_argument("dir", metavar="DIR", help="the folder of the new site")

    imports = command("import", "Journeys from a Mermaid diagram or a spreadsheet, as handbook YAML on stdout.")
    imports.add_argument("format", choices=("mermaid", "csv", "xlsx"), help="the format of FILE")
    imports.add_argument("file", nargs="?", metavar="FILE",
                         help="a .mmd file or a Markdown page with ```mermaid blocks; a spreadsheet")
    imports.add_argument("--template", metavar="FILE", help="csv, xlsx: write an empty spreadsheet with the "
                         "columns to FILE instead")

    export = command("export", "A journey as a Mermaid diagram, the handbook as tables or JSON.")
    export.add_argument("format", choices=("mermaid", "csv", "xlsx", "json"), help="what to write")
    export.add_argument("paths", nargs="*", metavar="[SOURCE] [JOURNEY_ID]",
                        help="the handbook folder (default as for check); for mermaid, the journey's id")
    export.add_argument("--out", metavar="FILE", help="the file to write (default: stdout; required for xlsx); "
                        "never one that an export did not write")
    export.add_argument("--table", choices=("touchpoints", "ownership", "metrics"),
                        help="csv: which table (default: touchpoints)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "generate":
            if len(args.paths) > 2:
                parser.error("generate takes [SOURCE] DOCS_DIR")
            args.source, args.outdir = (None, *args.paths) if len(args.paths) == 1 else args.paths
    except SystemExit as exc:  # argparse: --help exits 0, bad usage 2
        return int(exc.code or 0)
    reading_ahead = args.command == "check"  # set first: a Ctrl-C while it starts still ends it
    try:
        if reading_ahead:
            _read_ahead(args.source)
        # Imported when run, so that each command loads only what it needs.
        module = {"import": "import_journeys", "export": "export_journeys"}.get(args.command, args.command)
        run = importlib.import_module(f".commands.{module}", __package__).run
        with collector_paused():
            code: int = run(args)
        return code
    except UsageError as exc:
        print(f"mkdocs-journeys: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug of ours: one line, never a traceback
        print(f"mkdocs-journeys: internal error ({type(exc).__name__}: {exc}); please report this as a bug",
              file=sys.stderr)
        return EXIT_USAGE
    finally:
        if reading_ahead and "mkdocs_journeys.load.file_cache" in sys.modules:
            from .load.file_cache import end_read_ahead

            end_read_ahead()


def _read_ahead(source: str | None) -> None:
    """``check`` of a folder named on the command line: a big handbook's files start parsing on the
    second core before the rest of the program is imported (the check then takes the child's work)."""
    if source is None or not os.path.isdir(source):
        return
    from .load.file_cache import read_ahead
    from .load.files import find_handbook_files

    read_ahead(find_handbook_files(Path(source)).files)


def run_and_exit() -> NoReturn:
    """:func:`main` as a process: its output flushed and the exit handlers run, then gone without
    tearing down every object the command made (a big handbook's take a noticeable part of a second)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away, as in `check | head`: nothing more to say
        pass
    atexit._run_exitfuncs()
    os._exit(code)


if __name__ == "__main__":
    run_and_exit()
