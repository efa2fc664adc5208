"""The structured difference between two handbooks, as plain data: what ``compare`` finds, what the
Markdown and JSON reports are written from.

Values are kept as the text a reviewer reads (``45m``, ``4.5%``, department names resolved later),
so that every front end shows the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..kinds import EntityKind as Kind


@dataclass(frozen=True)
class Entity:
    """A definition named in the report: its kind, id and title (a journey's title, a persona's name...)."""

    kind: Kind
    id: str
    title: str
    page: str | None = None  # its id on the published site (the old handbook's), when it is there


@dataclass(frozen=True)
class FieldChange:
    """One field of a definition, or of one of its parts, before and after.

    ``part`` is empty for the definition itself, else ``stage 'Purchase'``, ``touchpoint '…'`` or
    ``step '…'``; ``anchor`` is that part's anchor on the published page (``None`` when it has none
    there yet). A list that is a set reports the items ``removed`` and ``added``; a whole part added
    or removed has ``field`` empty and ``after`` (or ``before``) ``"added"`` (``"removed"``).
    """

    part: str
    field: str
    before: str | None
    after: str | None
    anchor: str | None = None
    direction: str = ""  # ▲ or ▼ when a number went up or down
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    is_list: bool = False


@dataclass
class EntityChanges:
    """A definition in both handbooks (perhaps under another id) that changed."""

    entity: Entity
    renamed_from: str | None = None
    changes: list[FieldChange] = field(default_factory=list)
    parts_renamed: list[tuple[str, str, str]] = field(default_factory=list)  # part kind, old id, new id


@dataclass(frozen=True)
class OwnershipMove:
    """A stage, touchpoint or step (or the definition itself) whose effective owner changed."""

    entity: Entity
    part: str  # "the journey", "stage 'Research'", "touchpoint '…'", "step '…'"
    anchor: str | None
    before: str  # department ids
    after: str


@dataclass(frozen=True)
class MetricChange:
    """A metric value of a journey, stage or touchpoint whose target, actual or status changed."""

    entity: Entity
    part: str  # "the journey", "stage '…'", "touchpoint '…'"
    anchor: str | None
    metric: str  # the metric's id
    name: str  # its name
    target: tuple[str | None, str | None]
    actual: tuple[str | None, str | None]
    status: tuple[str | None, str | None]  # met / missed / no data; None where the value is absent
    target_direction: str = ""
    actual_direction: str = ""
    other: tuple[str, ...] = ()  # "period 2026-Q2 → 2026-Q3", "history: 1 value added"
    better: str = "none"  # the metric's better direction: higher, lower or none

    @property
    def verdict(self) -> str:
        """``better`` or ``worse`` when the actual moved in (or against) the metric's better direction."""
        if not self.actual_direction or self.better not in ("higher", "lower"):
            return ""
        up = self.actual_direction == "▲"
        return "better" if up == (self.better == "higher") else "worse"


@dataclass(frozen=True)
class EmotionChange:
    """A touchpoint whose emotion changed (``None``: no emotion given)."""

    entity: Entity
    touchpoint: str  # its name
    anchor: str | None
    before: float | None
    after: float | None


@dataclass(frozen=True)
class ExtremeChange:
    """A journey's lowest or highest point that moved: its value or the touchpoints at it."""

    entity: Entity
    which: Literal["lowest", "highest"]
    before: float | None
    after: float | None
    before_at: tuple[str, ...]  # touchpoint names
    after_at: tuple[str, ...]

    @property
    def verdict(self) -> str:
        """``worse``, ``better``, ``higher``, ``lower``, ``new`` or ``moved`` (same value, other touchpoints)."""
        if self.before is None:
            return "new"
        if self.after is None:
            return "gone"
        if self.before == self.after:
            return "moved"
        if self.which == "lowest":
            return "worse" if self.after < self.before else "better"
        return "higher" if self.after > self.before else "lower"


@dataclass(frozen=True)
class FigureChange:
    """A figure measured from the data (a process's cases or conformance, a journey's cases) that changed."""

    entity: Entity
    figure: str  # "cases", "conformance"
    before: str | None  # as shown ("42", "81%"); None where it was not measured
    after: str | None
    direction: str = ""


@dataclass(frozen=True)
class FindingChange:
    """A finding of the analysis the change introduced, resolved, or whose message changed."""

    code: str
    subject: str
    message: str
    location: str
    before_message: str | None = None  # for a changed finding: the message before
    page: tuple[Kind, str] | None = None  # the published page it is listed on, when it is there
    anchor: str | None = None


@dataclass(frozen=True)
class ErrorEntry:
    """A problem that makes a definition invalid, with its place relative to the repository or folder."""

    file: str
    line: int | None
    column: int | None
    message: str
    code: str

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}:{self.column or 1}"


@dataclass(frozen=True)
class OrderNote:
    """A change of order or of file only: nothing a reader of the pages would see as different content."""

    where: str
    before: str
    after: str


@dataclass(frozen=True)
class Review:
    """A department whose stages, touchpoints, steps or metrics the change touches, and whom to ask."""

    department: str  # its id
    reviewers: tuple[str, ...]  # @user, @org/team or e-mail addresses; empty when none are named
    touched: tuple[str, ...]  # "Signing up › stage 'Research'"


@dataclass
class Report:
    added: dict[Kind, list[Entity]] = field(default_factory=dict)
    removed: dict[Kind, list[Entity]] = field(default_factory=dict)
    changed: list[EntityChanges] = field(default_factory=list)
    moves: list[OwnershipMove] = field(default_factory=list)
    metrics: list[MetricChange] = field(default_factory=list)
    emotions: list[EmotionChange] = field(default_factory=list)
    extremes: list[ExtremeChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)  # measured from the datasets
    data_skipped: list[str] = field(default_factory=list)  # datasets not read, and why (one line each)
    findings_introduced: list[FindingChange] = field(default_factory=list)
    findings_resolved: list[FindingChange] = field(default_factory=list)
    findings_changed: list[FindingChange] = field(default_factory=list)
    invalid: list[tuple[str, str, str]] = field(default_factory=list)  # left out of NEW: kind, id, why
    valid_again: list[Entity] = field(default_factory=list)  # left out of OLD, valid in NEW
    errors_before: list[ErrorEntry] = field(default_factory=list)
    errors_after: list[ErrorEntry] = field(default_factory=list)
    order: list[OrderNote] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)  # whom to ask, per department touched
    department_names: dict[str, str] = field(default_factory=dict)

    def changed_of(self, kind: Kind) -> list[EntityChanges]:
        return [e for e in self.changed if e.entity.kind == kind]

    @property
    def errors_new(self) -> list[ErrorEntry]:
        """Errors of NEW that OLD did not have (matched by file and message: lines move)."""
        known = {(e.file, e.message) for e in self.errors_before}
        return [e for e in self.errors_after if (e.file, e.message) not in known]

    @property
    def errors_fixed(self) -> list[ErrorEntry]:
        remaining = {(e.file, e.message) for e in self.errors_after}
        return [e for e in self.errors_before if (e.file, e.message) not in remaining]

    @property
    def content_changed(self) -> bool:
        """Anything beyond order: definitions, fields, owners, metrics, findings, errors."""
        return bool(any(self.added.values()) or any(self.removed.values()) or self.changed or self.moves
                    or self.metrics or self.emotions or self.extremes or self.figures or self.findings_introduced
                    or self.findings_resolved or self.findings_changed or self.invalid or self.valid_again
                    or self.errors_new or self.errors_fixed)

    @property
    def empty(self) -> bool:
        return not self.content_changed and not self.order

    def department(self, department_id: str) -> str:
        return self.department_names.get(department_id, department_id)
