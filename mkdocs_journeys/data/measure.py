"""Every dataset of a handbook, read and aggregated once: measured metrics merged into the models,
and the figures of each process map and journey an event log runs.

A :class:`DataCache` kept by the caller (``mkdocs serve`` keeps one for its whole session) holds
what each dataset gave, keyed by what could change it: a file's size and modification time, or a
query's text and connection. An unchanged dataset is not read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..handbook import Handbook, build_handbook
from ..load.file_cache import ReadCache
from ..model import Dataset
from ..problems import Problem, sorted_problems
from ..settings import Settings
from ..source import Location
from .event_figures import (
    JourneyFigures,
    ProcessFigures,
    journey_figures,
    process_figures,
    raw_designed_pairs,
    touchpoint_activities,
)
from .event_lists import event_queries
from .event_log import EventLog
from .observations import Rows, fetch_rows, merge, read_observations
from .sources import DataError, Source, data_file, first_line, masked, open_source


@dataclass
class Measurements:
    """What the datasets say; pages, the analysis and the diff read it."""

    processes: dict[str, ProcessFigures] = field(default_factory=dict)
    journeys: dict[str, JourneyFigures] = field(default_factory=dict)
    event_logs: dict[str, EventLog] = field(default_factory=dict)
    observed: dict[str, int] = field(default_factory=dict)  # dataset id: observations used
    origins: dict[tuple[str, str], Location] = field(default_factory=dict)  # (subject, metric): latest value's row
    problems: list[Problem] = field(default_factory=list)
    reads: int = 0  # datasets actually read (not served from the cache) by this measurement


@dataclass
class DataCache:
    """Results per dataset, reused while their key is unchanged."""

    entries: dict[str, tuple[str, Any]] = field(default_factory=dict)

    def get(self, dataset_id: str, key: str) -> Any:
        entry = self.entries.get(dataset_id)
        return entry[1] if entry is not None and entry[0] == key else None

    def put(self, dataset_id: str, key: str, value: Any) -> None:
        self.entries[dataset_id] = (key, value)


def measure(handbook: Handbook, cache: DataCache | None = None) -> Measurements:
    """Read every dataset (or take it from the cache) and merge observations into the metrics."""
    cache = cache if cache is not None else DataCache()
    result = Measurements()
    for dataset in sorted(handbook.datasets.values(), key=lambda d: d.id):
        try:
            _measure(handbook, dataset, cache, result)
        except DataError as exc:
            result.problems.append(_problem(handbook, dataset, exc))
        except Exception as exc:  # an engine's or driver's own error: one line, never a traceback
            error = DataError(f"cannot read the dataset '{dataset.id}': {type(exc).__name__}: "
                              f"{masked(first_line(str(exc)))}", "file" if dataset.data_file else "query")
            result.problems.append(_problem(handbook, dataset, error))
    return result


def _problem(handbook: Handbook, dataset: Dataset, exc: DataError) -> Problem:
    """At the data file's line when the engine named one, else at the definition's field."""
    if exc.line is not None and dataset.data_file is not None:
        location = Location((handbook.source / dataset.data_file).absolute(), exc.line, 1)
    else:
        location = dataset.location(exc.field)
    message = exc.message if f"'{dataset.id}'" in exc.message else f"dataset '{dataset.id}': {exc.message}"
    return Problem(location, message, "bad-data")


def _measure(handbook: Handbook, dataset: Dataset, cache: DataCache, result: Measurements) -> None:
    file = data_file(dataset.data_file, handbook.source) if dataset.data_file is not None else None
    key = _key(dataset, file, handbook, dataset.type)
    cached = cache.get(dataset.id, key)
    if cached is None:
        result.reads += 1
        source = open_source(dataset, handbook.source)
        try:
            cached = _read(handbook, dataset, source)
        finally:
            source.close()
        cache.put(dataset.id, key, cached)
    if dataset.type == "observations":
        assert isinstance(cached, Rows)
        observations, problems = read_observations(cached, dataset, handbook, file)
        result.problems += problems
        result.problems += merge(handbook, dataset, observations, file, result.origins)
        result.observed[dataset.id] = len(observations)
        return
    log, nonconforming, stage_cases = cached
    for problem in log.bad_rows:
        if file is not None and problem.first_line is not None:
            location = Location(file, problem.first_line, 1)
        else:
            location = dataset.location("file" if file is not None else "query")
        rows = f"{problem.count} rows" if problem.count > 1 else "a row"
        result.problems.append(Problem(location, f"dataset '{dataset.id}': {rows} with {problem.problem} "
                                       "left out", "bad-data"))
    result.event_logs[dataset.id] = log
    if dataset.process is not None and dataset.process in handbook.processes:
        result.processes[dataset.process] = process_figures(dataset.id, handbook.processes[dataset.process], log,
                                                            nonconforming)
    if dataset.journey is not None and dataset.journey in handbook.journeys:
        result.journeys[dataset.journey] = journey_figures(dataset.id, handbook.journeys[dataset.journey], log,
                                                           stage_cases)


def _read(handbook: Handbook, dataset: Dataset, source: Source) -> Any:
    if dataset.type == "observations":
        return fetch_rows(source, dataset)
    queries = event_queries(source, dataset)
    log = queries.aggregate()
    nonconforming = 0
    if dataset.process is not None and dataset.process in handbook.processes:
        nonconforming = queries.nonconforming_cases(raw_designed_pairs(handbook.processes[dataset.process], log))
    stage_cases: dict[str, int] = {}
    if dataset.journey is not None and dataset.journey in handbook.journeys:
        journey = handbook.journeys[dataset.journey]
        stage_of = {tp.id: stage.id for stage, tp in journey.touchpoints()}
        groups = {activity: stage_of[tp] for activity, tp in touchpoint_activities(journey, log).items()}
        stage_cases = queries.cases_per_group(groups)
    return log, nonconforming, stage_cases


def _key(dataset: Dataset, file: Path | None, handbook: Handbook, kind: str) -> str:
    """What the dataset's result depends on. The process or journey it runs is part of it (which
    transitions are designed, which activities are stages); so is the database URL, as a hash."""
    parts: dict[str, Any] = {"dataset": dataset.model_dump(mode="json", by_alias=True)}
    if file is not None:
        stat = file.stat()
        parts["file"] = [str(file), stat.st_size, stat.st_mtime_ns]
    else:
        url = os.environ.get(dataset.connection or "", "")
        parts["url"] = hashlib.sha256(url.encode()).hexdigest()
    if kind == "events":
        if dataset.process in handbook.processes:
            parts["process"] = handbook.processes[dataset.process].model_dump(mode="json", by_alias=True)
        if dataset.journey in handbook.journeys:
            journey = handbook.journeys[dataset.journey]
            parts["journey"] = [(s.id, tp.id, tp.activity, tp.name) for s, tp in journey.touchpoints()]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def measured_handbook(source: Path, settings: Settings | None = None, cache: DataCache | None = None,
                      read_cache: ReadCache | None = None) -> tuple[Handbook, Measurements]:
    """The handbook with its datasets read: observations merged into its metrics, and the problems
    of the data among the handbook's own (the rest of the handbook is kept whatever the data holds).
    The caches spare what an earlier build of the same process already read."""
    handbook = build_handbook(source, settings, read_cache)
    measurements = measure(handbook, cache)
    if measurements.problems:
        handbook.problems = sorted_problems([*handbook.problems, *measurements.problems])
    return handbook, measurements
