"""The errors of either handbook: a diff still compares what loads, and says what did not."""

from __future__ import annotations

from pathlib import Path

from ..handbook import Handbook
from ..source import display_path
from .report import ErrorEntry


def readable(text: str) -> str:
    """A file name that is not UTF-8 with its odd bytes as escapes (``caf\\xe9.yml``), printable anywhere."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def relative_to_root(message: str, root: Path) -> str:
    """A message with the paths it quotes relative to ``root``, like the error's own file: a revision is
    read from a temporary copy, whose name would make every error look new."""
    prefix = display_path(root)
    return readable(message if prefix == "." else message.replace(prefix + "/", ""))


def errors(handbook: Handbook, root: Path) -> list[ErrorEntry]:
    """Every error, with its file relative to ``root`` (the repository's top, or the current folder)."""
    return [ErrorEntry(readable(display_path(p.location.file, root)), p.location.line, p.location.column,
                       relative_to_root(p.full_message(), root), p.code)
            for p in handbook.problems if p.severity == "error"]
