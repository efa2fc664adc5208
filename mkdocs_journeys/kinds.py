"""The kinds of definition a handbook holds: one registry that the loader, the site, the link
rewriter, the settings and the diff all read, so that a new kind is added in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .language import N_
from .model import Dataset, Definition, Department, Journey, MetricDefinition, Persona, Process

# Kinds of definition; the first four have pages of their own.
EntityKind = Literal["journey", "persona", "process", "department", "metric", "dataset"]
PageKind = Literal["journey", "persona", "process", "department"]


@dataclass(frozen=True)
class KindSpec:
    name: EntityKind
    model: type[Definition]
    plural: str  # the folder of its pages, its index page's name and the handbook's attribute
    title: str  # its index page's title, in English (translate with ``language._``)
    collection: str  # the :class:`Handbook` attribute holding the valid definitions of the kind
    title_field: str  # the field that names one definition ("title" or "name")
    has_pages: bool = True

    def title_of(self, definition: Any) -> str:
        return str(getattr(definition, self.title_field, None) or definition.id)


KINDS: dict[str, KindSpec] = {spec.name: spec for spec in (
    KindSpec("journey", Journey, "journeys", N_("Journeys"), "journeys", "title"),
    KindSpec("persona", Persona, "personas", N_("Personas"), "personas", "name"),
    KindSpec("process", Process, "processes", N_("Processes"), "processes", "title"),
    KindSpec("department", Department, "departments", N_("Departments"), "departments", "name"),
    KindSpec("metric", MetricDefinition, "metrics", N_("Metrics"), "custom_metrics", "name", has_pages=False),
    KindSpec("dataset", Dataset, "datasets", N_("Datasets"), "datasets", "id", has_pages=False),
)}
ENTITY_KINDS: tuple[EntityKind, ...] = tuple(spec.name for spec in KINDS.values())
PAGE_KINDS: tuple[PageKind, ...] = tuple(spec.name for spec in KINDS.values() if spec.has_pages)  # type: ignore[misc]
