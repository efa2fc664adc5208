"""The base of every model: strict fields, and the place in the YAML each object came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from ..problems import Location
from ..yaml_reader import Document


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
        self._document = document
        self._path = path
        for name, value in self:
            field = type(self).model_fields[name]
            key = field.alias or name
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

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def path(self) -> tuple[Any, ...]:
        return self._path

    def location(self, *sub: Any, key: bool = False) -> Location:
        """Where this object (or a field or item below it) was written; the file alone if unknown."""
        if self._document is None:
            return Location(Path("<memory>"))
        return self._document.locate((*self._path, *sub), key=key)

    @property
    def file(self) -> Path | None:
        return self._document.file if self._document else None
