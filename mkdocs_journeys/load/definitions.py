"""Load a handbook folder: files → YAML documents → validated models, and every problem on the way.

One unreadable file or invalid definition never stops the rest: each problem is collected with its
position, the definition it concerns is left out, and loading goes on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..kinds import KINDS
from ..model import Definition, MetricDefinition, builtin_metrics
from ..model.fields import describe_value
from ..problems import Problem, did_you_mean
from ..settings import Settings
from ..slugs import is_slug
from ..source import Document, Location, Map
from .file_cache import ReadCache
from .files import find_handbook_files
from .salvage import salvage
from .validation_errors import explained, problem_from_error


# Metric definitions are validated first: journeys' metric values are parsed against them.
def _order(kind: str) -> int:
    return 0 if kind == "metric" else 1


@dataclass
class Loaded:
    """A validated definition with the document it came from."""

    kind: str
    model: Definition
    document: Document
    # Built from the document with its invalid parts removed: it is left out of the handbook,
    # but its references are still checked, so one run reports every problem.
    salvaged: bool = False

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.model.id}"


@dataclass
class Rejected:
    """A definition left out of the handbook, and why."""

    kind: str
    id: str | None
    location: Location
    problems: list[Problem]

    @property
    def label(self) -> str:
        return f"{self.kind} {self.id}" if self.id else f"a {self.kind}"


@dataclass
class LoadResult:
    definitions: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def handbook_files(source: Path) -> list[Path]:
    """Every handbook file below ``source``, ordered by relative path (see :mod:`.files`)."""
    return find_handbook_files(source).files


def load_documents(files: Iterable[Path], cache: ReadCache | None = None) -> tuple[list[Document], list[Problem]]:
    documents: list[Document] = []
    problems: list[Problem] = []
    for result in (cache if cache is not None else ReadCache()).read_all(list(files)):
        documents.extend(result.documents)
        problems.extend(result.problems)
    return documents, problems


def load(source: Path, settings: Settings | None = None, cache: ReadCache | None = None) -> LoadResult:
    """``cache``: the files parsed by an earlier load, reused while their bytes are the same."""
    settings = settings or Settings()
    found = find_handbook_files(source)
    if cache is not None:
        cache.keep_only(found.files)
    documents, problems = load_documents(found.files, cache)
    result = LoadResult(files=found.files, problems=[*found.problems, *problems])
    # A document holding a YAML problem (a duplicate key, an alias, a tag) is left out too.
    yaml_problems: dict[Path, list[Problem]] = defaultdict(list)
    for problem in problems:
        yaml_problems[problem.location.file].append(problem)

    typed: list[tuple[str, Document]] = []
    for document in documents:
        if document.lost:  # its syntax error is reported; it is known to exist, by kind and id
            kind, lost_id = document.data.get("kind"), document.data.get("id")
            if kind in KINDS:
                result.rejected.append(Rejected(kind, lost_id, document.locate(()), []))
            continue
        kind = _kind_of(document, result)
        if kind is not None:
            typed.append((kind, document))
    typed.sort(key=lambda item: _order(item[0]))

    metrics: dict[str, MetricDefinition] = dict(builtin_metrics())  # named in the pages' language
    context: dict[str, Any] = {"metrics": metrics, "emotion_scale": settings.emotion_scale}
    for kind, document in typed:
        loaded, doc_problems = validate_document(kind, document, context)
        own_yaml = [p for p in yaml_problems.get(document.file, ()) if _within(p, document)]
        if document.refused:  # a refused tag or alias leaves nothing behind: not reported again
            doc_problems = [p for p in doc_problems
                            if (p.location.line, p.location.column) not in document.refused]
        if loaded is not None and not doc_problems and not own_yaml:
            result.definitions.append(loaded)
            if kind == "metric":
                assert isinstance(loaded.model, MetricDefinition)
                if loaded.model.id not in metrics:
                    metrics[loaded.model.id] = loaded.model
        else:
            if loaded is not None:  # salvaged, or valid but for a YAML problem: references still checked
                loaded.salvaged = True
                result.definitions.append(loaded)
            if kind == "metric":  # values of an invalid metric are not reported as unknown too
                stand_in = _metric_stand_in(loaded, document)
                if stand_in is not None and stand_in.id not in metrics:
                    metrics[stand_in.id] = stand_in
            result.problems.extend(doc_problems)
            result.rejected.append(Rejected(kind, _raw_id(document), document.locate(()), own_yaml + doc_problems))
    return result


def _metric_stand_in(loaded: Loaded | None, document: Document) -> MetricDefinition | None:
    """An invalid metric definition, as far as it can be read: what its values are checked against
    (its unit, and no range) while the author fixes it."""
    if loaded is not None:
        assert isinstance(loaded.model, MetricDefinition)
        return loaded.model
    metric_id = _raw_id(document)
    if metric_id is None or not is_slug(metric_id):
        return None
    data = document.data
    name, unit = data.get("name"), data.get("unit")
    return MetricDefinition(id=metric_id, name=name if isinstance(name, str) and name.strip() else metric_id,
                            unit=unit if isinstance(unit, str) else None, better="none")


def _within(problem: Problem, document: Document) -> bool:
    """Whether a YAML problem lies inside ``document`` (not in a later, broken one of its file)."""
    where = problem.location
    return where.line is not None and document.pos <= (where.line, where.column or 1) < document.end


def _kind_of(document: Document, result: LoadResult) -> str | None:
    data = document.data
    if not isinstance(data, Map):
        result.problems.append(Problem(
            document.locate(()), "a document must be a mapping with a `kind` (journey, persona, process, "
            "department or metric)", "not-a-mapping"))
        return None
    kind = data.get("kind")
    if kind is None:
        result.problems.append(Problem(
            document.locate(()), "missing `kind`: one of " + ", ".join(sorted(KINDS)), "missing-kind"))
        return None
    if not isinstance(kind, str) or kind not in KINDS:
        hint = did_you_mean(kind, KINDS) if isinstance(kind, str) else None
        what = f"unknown kind '{kind}'" if isinstance(kind, str) else f"`kind` is {describe_value(kind)}"
        result.problems.append(Problem(
            document.locate(("kind",)), f"{what}: expected one of " + ", ".join(sorted(KINDS)),
            "unknown-kind", hint=hint))
        return None
    return kind


def _raw_id(document: Document) -> str | None:
    data = document.data
    raw = data.get("id") if isinstance(data, Map) else None
    if isinstance(raw, str) and raw:
        return str(raw)
    stem = document.file.stem
    return stem if document.documents_in_file == 1 and is_slug(stem) else None


def validate_document(kind: str, document: Document, context: dict[str, Any]) -> tuple[Loaded | None, list[Problem]]:
    """Validate one document as ``kind``; the model, or the problems that prevent it."""
    data: Any = document.data
    if "id" not in data:
        stem = document.file.stem
        missing: Problem | None = None
        if document.documents_in_file > 1:
            missing = Problem(document.locate(()), "missing `id`: a file with several documents must give "
                              "each one an `id`", "missing-id")
        elif not is_slug(stem):
            missing = Problem(
                Location(document.file), f"the file name '{document.file.name}' is not a valid id, and the "
                "document has no `id`", "file-name",
                hint="rename the file to a slug (lower-case letters, digits, '-') or add an `id`")
        if missing is not None:  # left out, but the rest is still checked: one run reports every problem
            _, problems = _validate(kind, {**data, "id": "id"}, document, context)
            return None, [missing, *problems]
        data = {**data, "id": stem}
    return _validate(kind, data, document, context)


def _validate(kind: str, data: Any, document: Document,
              context: dict[str, Any]) -> tuple[Loaded | None, list[Problem]]:
    model_cls = KINDS[kind].model
    try:
        model = model_cls.model_validate(data, context=context)
    except ValidationError as exc:
        problems = [problem_from_error(e, model_cls, document, context) for e in explained(exc.errors(), model_cls)]
        salvaged = salvage(model_cls, data, exc, context)
        if salvaged is None:
            return None, problems
        salvaged.attach(document)
        return Loaded(kind, salvaged, document, salvaged=True), problems
    model.attach(document)
    return Loaded(kind, model, document), []
