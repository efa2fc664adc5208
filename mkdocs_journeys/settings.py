"""Settings shared by the MkDocs plugin and the command line, so both judge a handbook alike."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .escape import one_line
from .finding_codes import CODES
from .kinds import PAGE_KINDS
from .model import DEFAULT_EMOTION_SCALE
from .problems import did_you_mean


class Suppression(BaseModel):
    """Switches a finding off, for the whole handbook or for named entities, with the reason why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(description="The finding's code, e.g. `single-channel-stage`.")
    entities: list[str] = Field(
        default_factory=list,
        description="Entities it is ignored for (`journey:ID`, `journey:ID/STAGE`, `process:ID`, ...); "
        "empty: everywhere.",
    )
    reason: str = Field(min_length=1, description="Why: shown on the overview page, so nothing is hidden silently.")

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        if code not in CODES:
            hint = did_you_mean(code, CODES)
            raise ValueError(f"unknown finding code '{code}'" + (f": {hint}" if hint else
                             f"; the codes are {', '.join(sorted(CODES))}"))
        return code

    @field_validator("entities")
    @classmethod
    def _entity_form(cls, entities: list[str]) -> list[str]:
        for entity in entities:
            kind, colon, rest = entity.partition(":")
            if not colon or kind not in PAGE_KINDS or not rest:
                raise ValueError(f"'{entity}' is not an entity: write kind:ID or kind:ID/PART, the kinds being "
                                 + ", ".join(PAGE_KINDS))
        return entities


class DataSettings(BaseModel):
    """When measured data and reviews become findings (the `data` block of the plugin's options)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sla_breach_share: float = Field(
        0.1, ge=0, le=1, description="A step breaches its SLA when more than this share of cases waits longer.")
    undesigned_share: float = Field(
        0.0, ge=0, le=1, description="An undesigned transition is reported when more than this share of cases takes "
        "it (0: every one observed).")
    conformance_min: float = Field(
        0.8, ge=0, le=1, description="A process is reported when fewer cases than this share follow its map.")
    dropoff_max: float = Field(
        0.3, ge=0, le=1, description="A touchpoint is reported when more than this share of the cases that reach it "
        "end there (not counting the journey's last column).")
    stale_after_days: int = Field(
        120, ge=1, description="A metric's measured value is stale when its period ended more than this many days ago.")
    review_within_days: int = Field(
        365, ge=1, description="A journey is due for review when its `reviewed` date is older than this.")
    review_required: bool = Field(False, description="Also report journeys that have no `reviewed` date at all.")
    today: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="The date staleness is judged on (`YYYY-MM-DD`); default: "
        "the build's date, or `SOURCE_DATE_EPOCH` when set, so that builds can be reproduced.")

    @field_validator("today", mode="before")
    @classmethod
    def _date_as_written(cls, value: Any) -> Any:
        """YAML reads ``2026-10-01`` unquoted as a date: take it as the text it was."""
        return value.isoformat() if hasattr(value, "isoformat") else value


class Settings(BaseModel):
    """The `journeys` plugin's options in `mkdocs.yml`; the command line reads the same block.

    Frozen: the plugin, the commands and the renderers share one instance, so none may change it
    under the others (a derived value is a copy, ``model_copy(update=...)``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field("journeys", description="The handbook folder, relative to `mkdocs.yml`.")
    output: str = Field(
        "handbook", description="URL prefix of the generated pages: a folder strictly inside the site, such as "
        "`handbook` or `guide/handbook` (letters, digits, `_`, `-` and `.`; no `.` or `..` step).",
    )
    emotion_scale: tuple[float, float] = Field(DEFAULT_EMOTION_SCALE, description="The lowest and highest emotion.")
    nav: Literal["auto", "off"] = Field(
        "auto", description="`auto`: add a Handbook section to a site without `nav`; `off`: never touch the nav."
    )
    nav_max_items: int = Field(
        30, ge=0, description="A kind with more pages than this shows only its index page in the navigation: "
        "Material repeats the whole navigation in every page, so a long one makes big handbooks build slowly.",
    )
    nav_title: str = Field("Handbook", description="The title of the Handbook section in the navigation.")
    findings: Literal["info", "warning", "off"] = Field(
        "info",
        description="How the build logs the analysis' findings: `info` (advice), `warning` (fails "
        "`--strict`) or `off`. `check` always prints them as warnings.",
    )
    ignore: list[Suppression] = Field(default_factory=list, description="Findings switched off, with a reason.")
    site_url: str | None = Field(None, description="Where the handbook is published (for links in `diff`); "
                                 "defaults to the site's `site_url`.")
    data: DataSettings = Field(default_factory=lambda: DataSettings(),
                               description="Thresholds of the findings from datasets and reviews.")

    @field_validator("nav", "findings", mode="before")
    @classmethod
    def _off_unquoted(cls, value: Any) -> Any:
        """MkDocs reads its config as YAML 1.1, where an unquoted ``off`` is the boolean false."""
        return "off" if value is False else value

    @field_validator("output")
    @classmethod
    def _output_inside(cls, output: str) -> str:
        """Pages outside the site would be lost (and ``generate`` would write beside the output folder)."""
        return check_output(output)

    @field_validator("emotion_scale")
    @classmethod
    def _ordered(cls, scale: tuple[float, float]) -> tuple[float, float]:
        if scale[0] >= scale[1]:
            raise ValueError("the lowest emotion must be below the highest")
        return scale

    @property
    def neutral(self) -> float:
        low, high = self.emotion_scale
        return 0.0 if low <= 0 <= high else (low + high) / 2


_OUTPUT_STEP = re.compile(r"[A-Za-z0-9_.-]+")


def check_output(output: str) -> str:
    """``output`` without a trailing ``/``, when it names a folder strictly inside the site."""
    example = "write a folder inside the site, such as `handbook`"
    if output.startswith("/") or output.startswith("\\"):
        raise ValueError(f"'{one_line(output)}' is an absolute path: {example}")
    if not output.strip("/"):
        raise ValueError(f"is empty, or the site's root: {example}")
    steps = output.rstrip("/").split("/")
    for step in steps:
        if step in ("", ".", ".."):
            what = {"": "an empty step (`//`)", ".": "`.` (the site's root)", "..": "`..` (out of the site)"}[step]
            raise ValueError(f"'{one_line(output)}' has {what}: {example}")
        if not _OUTPUT_STEP.fullmatch(step):
            raise ValueError(f"'{one_line(output)}' may hold only letters, digits, `_`, `-`, `.` and `/`: {example}")
    return "/".join(steps)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything: unknown tags (``!!python/name``, ``!ENV``) become None."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


class ConfigError(ValueError):
    """An mkdocs.yml this tool cannot take its options from; the message says what to fix."""


def plugin_options(config_file: Path) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The `journeys` options and the rest of an mkdocs.yml (None when the plugin is not enabled).

    Raises :class:`ConfigError` for a file that cannot be read, is not YAML, or is not shaped as
    MkDocs expects (``plugins`` a list or mapping, the plugin's options a mapping).
    """
    try:
        with config_file.open(encoding="utf-8-sig") as stream:
            config = yaml.load(stream, Loader=_ConfigLoader)
    except OSError as exc:
        raise ConfigError(f"cannot read it: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"it is not UTF-8 text (byte {exc.start + 1})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        raise ConfigError(f"it is not valid YAML ({where}{one_line(str(getattr(exc, 'problem', '') or exc))})") \
            from exc
    if config is None:
        return None, {}
    if not isinstance(config, dict):
        raise ConfigError("it must be a mapping of settings (`site_name: ...`, `plugins: ...`)")
    plugins = config.get("plugins")
    if plugins is None:
        return None, config
    if isinstance(plugins, dict):
        entries: list[Any] = [{name: value} for name, value in plugins.items()]
    elif isinstance(plugins, list):
        entries = plugins
    else:
        raise ConfigError("`plugins` must be a list of plugins (`- search`, `- journeys: {...}`)")
    for entry in entries:
        if entry == "journeys":
            return {}, config
        if isinstance(entry, dict) and "journeys" in entry:
            options = entry["journeys"]
            if options is None:
                return {}, config
            if not isinstance(options, dict):
                raise ConfigError("the `journeys` plugin's options must be a mapping (`source: journeys`, ...)")
            return dict(options), config
    return None, config
