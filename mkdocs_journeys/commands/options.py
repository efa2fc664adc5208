"""What every command shares: its exit codes, usage errors, and the settings read from the site's config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..settings import Settings, plugin_options

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: exit 2 with the message."""


def settings_from_config(config: str | None) -> tuple[Settings, Path | None, dict[str, Any]]:
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
    settings, base, _ = settings_from_config(config)
    path = Path(source) if source is not None else (base or Path(".")) / settings.source
    if not path.is_dir():
        raise UsageError(f"the handbook folder '{path}' does not exist")
    return path, settings
