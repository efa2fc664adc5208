"""A finding: advice about the handbook, with the place it concerns and who should act on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..finding_codes import FindingCode
from ..problems import Problem
from ..source import Location


@dataclass(frozen=True)
class Finding:
    """One piece of advice.

    ``subject`` names what it concerns (``journey:ID``, ``journey:ID/STAGE-OR-TOUCHPOINT``,
    ``process:ID/STEP``, ``persona:ID``); ``scopes`` are every entity it falls under, so that
    ignoring a journey or a stage also ignores the findings inside it.
    """

    code: FindingCode
    message: str
    location: Location
    subject: str
    hint: str | None = None
    departments: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    discriminator: str = ""
    anchor: str = field(default="", compare=False)

    @property
    def journey(self) -> str | None:
        kind, _, rest = self.subject.partition(":")
        return rest.split("/", 1)[0] if kind == "journey" else None

    @property
    def key(self) -> tuple[str, str, str]:
        """What stays the same while the finding is the same (a diff compares these)."""
        return (self.code, self.subject, self.discriminator)

    def base_anchor(self) -> str:
        """Ids are slugs already, so joining them gives a readable anchor that survives edits elsewhere."""
        path = self.subject.partition(":")[2]
        extra = [self.discriminator] if self.discriminator else []
        return "-".join(["finding", self.code.value, *path.split("/"), *extra])

    def under(self, entity: str) -> bool:
        kind, _, name = entity.partition(":")
        return entity == self.subject or entity in self.scopes or (kind == "department" and name in self.departments)

    def as_problem(self) -> Problem:
        return Problem(self.location, self.message, self.code, "warning", self.hint)
