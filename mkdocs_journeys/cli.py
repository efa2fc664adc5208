"""The ``mkdocs-journeys`` command line: a thin adapter over the core, usable without MkDocs.

Exit codes: 0 all good, 1 the handbook has problems (or findings, with ``--strict``), 2 bad usage
or a bug in this tool (reported in one line, never as a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import __version__
from .settings import Settings, plugin_options

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: exit 2 with the message."""


def _settings(config: str | None) -> tuple[Settings, Path | None, dict[str, Any]]:
    """The plugin's settings from mkdocs.yml (``--config``, else ./mkdocs.yml when present)."""
    path = Path(config) if config else Path("mkdocs.yml")
    if config is None and not path.is_file():
        return Settings(), None, {}
    if not path.is_file():
        raise UsageError(f"the config file '{config}' does not exist")
    try:
        options, site = plugin_options(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    try:
        settings = Settings.model_validate(options or {})
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise UsageError(f"{path}: invalid `journeys` plugin options: {details}") from exc
    if settings.site_url is None and isinstance(site.get("site_url"), str):
        settings.site_url = site["site_url"]
    return settings, path.parent, site


def resolve_source(source: str | None, config: str | None) -> tuple[Path, Settings]:
    """SOURCE from the command line (relative to here), else the plugin's (relative to mkdocs.yml)."""
    settings, base, _ = _settings(config)
    path = Path(source) if source is not None else (base or Path(".")) / settings.source
    if not path.is_dir():
        raise UsageError(f"the handbook folder '{path}' does not exist")
    return path, settings


def cmd_check(args: argparse.Namespace) -> int:
    from .checking import run_check

    source, settings = resolve_source(args.source, args.config)
    if args.strict and args.no_findings:
        raise UsageError("--strict fails on findings, and --no-findings leaves them out: choose one")
    output, code = run_check(source, settings, fmt=args.format, strict=args.strict, findings=not args.no_findings)
    for line in output:
        print(line)
    return code


def cmd_generate(args: argparse.Namespace) -> int:
    from .generate import OutputNotEmpty, write_handbook
    from .handbook import build_handbook
    from .reporting import format_text

    source, settings = resolve_source(args.source, args.config)
    handbook = build_handbook(source, settings)
    for problem in handbook.problems:
        print(format_text(problem), file=sys.stderr)
    try:
        written = write_handbook(handbook, Path(args.outdir), directory_urls=not args.no_directory_urls)
    except OutputNotEmpty as exc:
        raise UsageError(str(exc)) from exc
    pages = sum(1 for p in written if p.suffix == ".md")
    print(f"wrote {pages} pages and {len(written) - pages} assets to {args.outdir}"
          + (f" ({len(handbook.rejected)} definitions left out: see the errors above)" if handbook.rejected else ""))
    return EXIT_PROBLEMS if handbook.problems else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import handbook_schema

    print(json.dumps(handbook_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    import tempfile

    from .diff import Links, compare, render_markdown, report_json
    from .diff.git import GitError, export, toplevel
    from .handbook import build_handbook

    if args.git is None and (len(args.folders) != 2 or args.source):
        raise UsageError("diff takes OLD NEW (two handbook folders), or --git BASE [HEAD] [--source DIR]")
    if args.git is not None and len(args.folders) > 1:
        raise UsageError("diff --git takes BASE [HEAD]: one or two revisions")
    settings, base, site = _settings(args.config)
    with tempfile.TemporaryDirectory(prefix="mkdocs-journeys-diff-") as scratch_dir:
        scratch = Path(scratch_dir)
        if args.git is not None:
            source = Path(args.source) if args.source else (base or Path(".")) / settings.source
            try:
                top = toplevel(source)
                old_dir, old_root = export(source, args.git, scratch / "base"), scratch / "base"
                if args.folders:
                    new_dir, new_root = export(source, args.folders[0], scratch / "head"), scratch / "head"
                else:  # the work tree as it is now, committed or not
                    new_dir, new_root = (source if source.is_dir() else scratch / "empty"), top
                    new_dir.mkdir(exist_ok=True)
            except GitError as exc:
                raise UsageError(f"git: {exc}") from exc
        else:
            old_dir, new_dir = (Path(f) for f in args.folders)
            for folder in (old_dir, new_dir):
                if not folder.is_dir():
                    raise UsageError(f"the handbook folder '{folder}' does not exist")
            old_root = new_root = Path.cwd()
        report = compare(build_handbook(old_dir, settings), build_handbook(new_dir, settings),
                         old_root=old_root, new_root=new_root)
    if args.format == "json":
        print(report_json(report))
    else:
        links = Links(settings.site_url, settings.output, directory_urls=site.get("use_directory_urls") is not False)
        print(render_markdown(report, links), end="")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-journeys",
        description="Check, generate and compare journey handbooks (YAML journeys, personas, processes, departments).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def command(name: str, help: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--config", metavar="FILE",
                         help="mkdocs.yml whose `journeys` plugin options apply (default: ./mkdocs.yml if present)")
        sub.set_defaults(run=run)
        return sub

    check = command("check", "Validate a handbook; print every problem with file:line:column.", cmd_check)
    check.add_argument("source", nargs="?", metavar="SOURCE",
                       help="the handbook folder (default: the plugin's `source`, else ./journeys)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text (default), github (Actions annotations) or json")
    check.add_argument("--strict", action="store_true", help="fail on findings of the analysis too")
    check.add_argument("--no-findings", action="store_true",
                       help="validate only: leave the analysis out (a valid handbook prints its summary alone)")

    generate = command("generate", "Write the handbook as plain Markdown pages with their assets.", cmd_generate)
    generate.add_argument("paths", nargs="+", metavar="[SOURCE] OUTDIR",
                          help="the handbook folder (default as for check) and the output folder")
    generate.add_argument("--no-directory-urls", action="store_true",
                          help="the target site serves pages as page.html rather than page/")

    command("schema", "Print the JSON Schema of the handbook format.", cmd_schema)

    diff = command("diff", "What changed between two handbooks, as Markdown for a pull-request comment.", cmd_diff)
    diff.add_argument("folders", nargs="*", metavar="OLD NEW | HEAD",
                      help="two handbook folders; with --git, the revision to compare with BASE (default: the "
                      "files in the work tree, committed or not)")
    diff.add_argument("--git", metavar="BASE", help="compare the handbook at two git revisions of this repository")
    diff.add_argument("--source", metavar="DIR", help="with --git: the handbook folder (default: the plugin's "
                      "`source`, else ./journeys)")
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown",
                      help="markdown (default) or json")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "generate":
            if len(args.paths) > 2:
                parser.error("generate takes [SOURCE] OUTDIR")
            args.source, args.outdir = (None, *args.paths) if len(args.paths) == 1 else args.paths
    except SystemExit as exc:  # argparse: --help exits 0, bad usage 2
        return int(exc.code or 0)
    try:
        code: int = args.run(args)
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


if __name__ == "__main__":
    sys.exit(main())
