"""Departments and personas: who owns the journey, and who travels it."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .base import Node
from .fields import Id, IdList, Markdown, Name, Text, TextList, as_text

# Who a code host asks to review: a GitHub user (@name), a team (@org/team) or an e-mail address, as
# a CODEOWNERS file names them.
REVIEWER_PATTERN = (r"^(@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?"
                    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$")


def check_reviewer(value: str) -> str:
    if not re.match(REVIEWER_PATTERN, value):
        raise PydanticCustomError("reviewer", "'{value}' is not a reviewer: write @user, @org/team or an e-mail "
                                  "address", {"value": value})
    return value


Reviewer = Annotated[str, BeforeValidator(as_text), AfterValidator(check_reviewer),
                     WithJsonSchema({"type": "string", "pattern": REVIEWER_PATTERN})]


class Department(Node):
    """A team that owns stages, touchpoints, process steps and metrics."""

    kind: Literal["department"] = Field("department", description="Always `department`.")
    id: Id = Field(description="The department's id (defaults to the file's stem when the file holds one document).")
    name: Name = Field(description="The department's name.")
    summary: Markdown | None = Field(None, description="What the department does.")
    lead: Text | None = Field(None, description="Who leads it.")
    contact: Text | None = Field(None, description="How to reach it: a channel, an address.")
    parent: Id | None = Field(None, description="The department it belongs to (a tree: no cycles).")
    reviewers: Annotated[list[Reviewer], Field(default_factory=list)] = Field(
        description="Who reviews changes to what it owns: GitHub users or teams (`@org/team`) or e-mail addresses; "
        "`diff` names them and `codeowners` writes them into a CODEOWNERS file.")


class Persona(Node):
    """A customer archetype: the journeys it takes and the channels it can use."""

    kind: Literal["persona"] = Field("persona", description="Always `persona`.")
    id: Id = Field(description="The persona's id (defaults to the file's stem when the file holds one document).")
    name: Name = Field(description="The persona's name, e.g. `Lewis, the first-time saver`.")
    segment: Text | None = Field(None, description="The customer segment.")
    summary: Markdown | None = Field(None, description="Who they are.")
    quote: Text | None = Field(None, description="A typical thing they say.")
    goals: TextList = Field(description="What they want to achieve.")
    needs: TextList = Field(description="What they need from us.")
    frustrations: TextList = Field(description="What annoys them.")
    channels: IdList = Field(description="Preferred channels (slugs such as `web`, `mobile-app`, `phone`).")
    avoid_channels: IdList = Field(description="Channels this persona cannot or will not use.")
