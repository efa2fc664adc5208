"""What every command shares: its exit codes, usage errors, and the settings read from the site's config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..escape import one_line
from ..load.files import has_handbook_files
from ..settings import ConfigError, Settings, plugin_options
from .exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError

__all__ = ["CONFIG_NAMES", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "UsageError", "find_config", "quoted",
           "resolve_source", "settings_from_config"]

# Looked for in the current folder, in this order, when no --config is given: MkDocs' names, then
# those of its successor ProperDocs, which reads the same file.
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


def quoted(path: Path | str) -> str:
    """A path for a one-line message, whatever characters its name holds."""
    return f"'{one_line(str(path))}'"


def find_config(config: str | None) -> Path | None:
    """The config file: ``--config``, else the first of :data:`CONFIG_NAMES` here, else none."""
    if config is not None:
        path = Path(config)
        if not path.exists():
            raise UsageError(f"the config file {quoted(config)} does not exist")
        if path.is_dir():
            raise UsageError(f"the config file {quoted(config)} is a folder: name the mkdocs.yml in it")
        return path
    return next((Path(name) for name in CONFIG_NAMES if Path(name).is_file()), None)


def settings_from_config(config: str | None) -> tuple[Settings, Path | None, dict[str, Any]]:
    """The plugin's settings from the config file (see :func:`find_config`), with the folder it is in."""
    path = find_config(config)
    if path is None:
        return Settings(), None, {}
    try:
        options, site = plugin_options(path)
    except ConfigError as exc:
        raise UsageError(f"{one_line(str(path))}: {exc}") from exc
    try:
        settings = Settings.model_validate(options or {})
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                            for e in exc.errors())
        raise UsageError(f"{one_line(str(path))}: invalid `journeys` plugin options: {one_line(details)}") from exc
    if settings.site_url is None and isinstance(site.get("site_url"), str):
        settings = settings.model_copy(update={"site_url": site["site_url"]})
    return settings, path.parent, site


def resolve_source(source: str | None, config: str | None) -> tuple[Path, Settings]:
    """SOURCE from the command line (relative to here), else the plugin's (relative to mkdocs.yml).

    A path that is not a folder, or a folder without a single YAML file, is a usage error: checking
    it would report "no problems" about something that is not a handbook at all.
    """
    settings, base, _ = settings_from_config(config)
    path = Path(source) if source is not None else (base or Path(".")) / settings.source
    if not path.exists():
        raise UsageError(f"the handbook folder {quoted(path)} does not exist")
    if not path.is_dir():
        raise UsageError(f"{quoted(path)} is a file, not a handbook folder: name the folder that holds the "
                         "handbook's .yml files")
    if not has_handbook_files(path):
        raise UsageError(f"{quoted(path)} is not a handbook folder: it holds no .yml or .yaml file")
    return path, settings
