"""The base of every model: strict fields, and the place in the YAML each object came from."""

from __future__ import annotations

import functools
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from ..source import Document, Location


class Node(BaseModel):
    """A part of a definition. Unknown fields are errors: a typo must never be silently dropped."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_default=False)

    _document: Document | None = PrivateAttr(default=None)
    _path: tuple[Any, ...] = PrivateAttr(default=())

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Private attributes from a plain copy of their defaults: pydantic's general routine
        resolves each default anew for every object, a third of the validation time of a big handbook."""
        super().__pydantic_init_subclass__(**kwargs)
        defaults = {name: attr.default for name, attr in cls.__private_attributes__.items()}

        def model_post_init(self: BaseModel, context: Any, /) -> None:
            object.__setattr__(self, "__pydantic_private__", defaults.copy())

        cls.model_post_init = model_post_init  # type: ignore[method-assign]

    def attach(self, document: Document, path: tuple[Any, ...] = ()) -> None:
        """Remember where this object and every object below it were written."""
        private = self.__pydantic_private__
        assert private is not None
        private["_document"] = document
        private["_path"] = path
        for name, key in _node_fields(type(self)):
            value = getattr(self, name)
            if isinstance(value, Node):
                value.attach(document, (*path, key))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, Node):
                        item.attach(document, (*path, key, i))
            elif isinstance(value, dict):
                for k, item in value.items():
                    if isinstance(item, Node):
                        item.attach(document, (*path, key, k))

    # Private attributes are read from pydantic's dict directly: these run for every finding of a
    # big handbook, and the attribute protocol costs more than the lookup itself.
    @property
    def document(self) -> Document | None:
        return self.__pydantic_private__["_document"]  # type: ignore[index,no-any-return]

    @property
    def path(self) -> tuple[Any, ...]:
        return self.__pydantic_private__["_path"]  # type: ignore[index,no-any-return]

    def location(self, *sub: Any, key: bool = False) -> Location:
        """Where this object (or a field or item below it) was written; the file alone if unknown."""
        private = self.__pydantic_private__
        document: Document | None = private["_document"]  # type: ignore[index]
        if document is None:
            return Location(Path("<memory>"))
        return document.locate((*private["_path"], *sub), key=key)  # type: ignore[index]

    @property
    def file(self) -> Path | None:
        document = self.document
        return document.file if document else None

    def written(self, field: str) -> Any:
        """What the author wrote for ``field`` (None when it was left out): unlike the field itself, it
        tells a value given from one a validator filled in."""
        document = self.document
        if document is None:
            return None
        raw: Any = document.data
        for part in (*self.path, field):
            try:
                raw = raw[part]
            except (KeyError, IndexError, TypeError):
                return None
        return raw

class OwnedNode(Node):
    """A part whose owner defaults to its container's (stage → journey, touchpoint → stage, step →
    process); the container fills ``owner`` in when it is validated, and remembers it did."""

    if typing.TYPE_CHECKING:
        owner: str | None

    _owner_inherited: bool = False

    @property
    def owner_id(self) -> str:
        assert self.owner is not None, "owners are inherited when the container is validated"
        return self.owner

    @property
    def owner_inherited(self) -> bool:
        return self._owner_inherited


@functools.cache
def _node_fields(cls: type[Node]) -> tuple[tuple[str, str], ...]:
    """The fields that may hold other nodes (with the key they are written under), per class:
    attaching positions visits every object of a big handbook, so the field scan is done once."""
    return tuple((name, info.alias or name) for name, info in cls.model_fields.items() if _holds_nodes(info.annotation))


def _holds_nodes(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, Node):
        return True
    return any(_holds_nodes(arg) for arg in typing.get_args(annotation))
