"""Settings shared by the MkDocs plugin and the command line, so both judge a handbook alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .finding_codes import CODES
from .kinds import PAGE_KINDS
from .problems import did_you_mean


class Suppression(BaseModel):
    """Switches a finding off, for the whole handbook or for named entities, with the reason why."""

    model_config = ConfigDict(extra="forbid")

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


class Settings(BaseModel):
    """The `journeys` plugin's options in `mkdocs.yml`; the command line reads the same block."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field("journeys", description="The handbook folder, relative to `mkdocs.yml`.")
    output: str = Field(
        "handbook", pattern=r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$",
        description="URL prefix of the generated pages.",
    )
    emotion_scale: tuple[float, float] = Field((-2.0, 2.0), description="The lowest and highest emotion.")
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

    @field_validator("emotion_scale")
    @classmethod
    def _ordered(cls, scale: tuple[float, float]) -> tuple[float, float]:
        if scale[0] >= scale[1]:
            raise ValueError("the lowest emotion must be below the highest")
        return scale

    @model_validator(mode="after")
    def _output_not_root(self) -> Settings:
        self.output = self.output.strip("/")
        return self

    @property
    def neutral(self) -> float:
        low, high = self.emotion_scale
        return 0.0 if low <= 0 <= high else (low + high) / 2



class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything: unknown tags (``!!python/name``, ``!ENV``) become None."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_options(config_file: Path) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The `journeys` options and the rest of an mkdocs.yml (None when the plugin is not enabled)."""
    with config_file.open(encoding="utf-8-sig") as stream:
        config = yaml.load(stream, Loader=_ConfigLoader) or {}
    if not isinstance(config, dict):
        return None, {}
    for entry in config.get("plugins") or []:
        if entry == "journeys":
            return {}, config
        if isinstance(entry, dict) and "journeys" in entry:
            return dict(entry["journeys"] or {}), config
    if isinstance(config.get("plugins"), dict) and "journeys" in config["plugins"]:
        return dict(config["plugins"]["journeys"] or {}), config
    return None, config
