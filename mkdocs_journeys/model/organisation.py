"""Departments and personas: who owns the journey, and who travels it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Node
from .fields import Id, IdList, Markdown, Name, Text, TextList


class Department(Node):
    """A team that owns stages, touchpoints, process steps and metrics."""

    kind: Literal["department"] = Field("department", description="Always `department`.")
    id: Id = Field(description="The department's id (defaults to the file's stem when the file holds one document).")
    name: Name = Field(description="The department's name.")
    summary: Markdown | None = Field(None, description="What the department does.")
    lead: Text | None = Field(None, description="Who leads it.")
    contact: Text | None = Field(None, description="How to reach it: a channel, an address.")
    parent: Id | None = Field(None, description="The department it belongs to (a tree: no cycles).")


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
