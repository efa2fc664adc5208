"""Datasets: where the handbook's measured figures come from (a file in the handbook, or a query).

The model says only where the data is and how its columns are named; reading and aggregating it
is :mod:`mkdocs_journeys.data`'s work, so that a definition can be checked without touching data.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .base import Node
from .fields import Id, Markdown, Text

# The columns each type needs (and may have), in the names the handbook uses.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "observations": ("at", "metric", "period", "value"),
    "events": ("case", "activity", "timestamp"),
}
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {"observations": ("source",), "events": ("resource",)}
# Event logs exported from process-mining tools name the three required columns by the XES standard.
XES_NAMES = {"case": "case:concept:name", "activity": "concept:name", "timestamp": "time:timestamp"}
FILE_TYPES = (".csv", ".parquet", ".json", ".jsonl", ".ndjson")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class Dataset(Node):
    """Measured data: metric observations, or an event log of cases and activities."""

    kind: Literal["dataset"] = Field("dataset", description="Always `dataset`.")
    id: Id = Field(description="The dataset's id (defaults to the file's stem when the file holds one document).")
    type: Literal["observations", "events"] = Field(
        description="`observations` (measured metric values) or `events` (an event log: case, activity, timestamp).")
    data_file: Text | None = Field(
        None, alias="file", description="A `.csv` (header row, UTF-8), `.parquet` or `.json`/`.jsonl` file (one "
        "object per line), relative to the handbook folder and inside it.")
    connection: Text | None = Field(
        None, description="Instead of `file`: the name of an environment variable holding a SQLAlchemy database URL. "
        "The URL itself never goes into YAML.")
    query: Text | None = Field(None, description="With `connection`: the SQL whose result has the dataset's columns.")
    columns: dict[str, Text] = Field(
        default_factory=dict, description="Renames: the handbook's column name → the source's, e.g. "
        "`{at: journey_ref}`.")
    source: Text | None = Field(None, description="Where the data comes from, shown with the figures.")
    summary: Markdown | None = Field(None, description="What the data is (extension).")
    process: Id | None = Field(None, description="Events: the process map these events run.")
    journey: Id | None = Field(None, description="Events: the journey whose touchpoints they mark.")

    @field_validator("data_file")
    @classmethod
    def _inside(cls, file: str | None) -> str | None:
        if file is None:
            return None
        parts = file.replace("\\", "/").split("/")
        if file.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", file) or ".." in parts or not file.strip():
            raise PydanticCustomError(
                "dataset_file", "'{file}' is not a path inside the handbook folder: write it relative to the "
                "folder, without `..`", {"file": file})
        if not file.lower().endswith(FILE_TYPES):
            raise PydanticCustomError(
                "dataset_file", "'{file}' is not a data file this handbook reads: use {types}",
                {"file": file, "types": ", ".join(FILE_TYPES)})
        return file

    @field_validator("connection")
    @classmethod
    def _environment_name(cls, name: str | None) -> str | None:
        if name is not None and not _ENV_NAME.match(name):
            raise PydanticCustomError(
                "dataset_connection", "`connection` names an environment variable (such as `ANALYTICS_DB`), "
                "not a URL: keep the URL and its password out of the handbook", {})
        return name

    @field_validator("columns")
    @classmethod
    def _known_columns(cls, columns: dict[str, str]) -> dict[str, str]:
        known = {c for names in (*REQUIRED_COLUMNS.values(), *OPTIONAL_COLUMNS.values()) for c in names}
        for name in columns:
            if name not in known:
                raise PydanticCustomError(
                    "dataset_columns", "`columns` renames the handbook's columns ({known}); '{name}' is not one",
                    {"known": ", ".join(sorted(known)), "name": name})
        return columns

    @model_validator(mode="after")
    def _one_source(self) -> Dataset:
        if (self.data_file is None) == (self.connection is None):
            raise PydanticCustomError(
                "dataset_source", "give either `file` or `connection` with `query`", {})
        if self.connection is not None and not (self.query or "").strip():
            raise PydanticCustomError("dataset_source", "a dataset with `connection` needs its `query`", {})
        if self.data_file is not None and self.query is not None:
            raise PydanticCustomError("dataset_source", "`query` goes with `connection`, not with `file`", {})
        if self.type == "observations" and (self.process or self.journey):
            raise PydanticCustomError(
                "dataset_target", "`process` and `journey` name what an event log runs: observations say it "
                "in their `at` column", {})
        return self

    def column(self, name: str) -> str:
        """The source's name for one of the handbook's columns."""
        return self.columns.get(name, name)
