"""Mermaid ``journey`` diagrams as people write them, read into a handbook fragment.

Handles front matter, ``title``, repeated ``section``s, ``Task: score: actors`` with any spacing,
``<br>`` in names, entity codes (``#58;``), ``%%`` comments and the accessibility lines
(``accTitle``, ``accDescr``, a multi-line ``accDescr { … }``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .fragment import BadInput, Fragment, Ids, emotion_from_score

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY = re.compile(r"#(\w+);")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*mermaid\b", re.IGNORECASE)


@dataclass
class Diagram:
    """One journey diagram: where it was written, its title, description and sections."""

    file: Path
    line: int
    title: str | None = None
    description: str | None = None
    sections: list[tuple[str, list[tuple[str, int, list[str]]]]] = field(default_factory=list)


def text(raw: str) -> str:
    """A name as Mermaid shows it: ``<br>`` as a space, entity codes decoded, spaces collapsed."""
    decoded = _ENTITY.sub(lambda m: html.unescape(f"&#{m[1]};" if m[1].isdigit() else f"&{m[1]};"), raw)
    return " ".join(_BR.sub(" ", decoded).split())


def blocks(path: Path, content: str) -> list[tuple[int, list[str]]]:
    """The diagram sources of a file with the line each starts on: the file itself for ``.mmd``,
    every fenced ``mermaid`` block of a Markdown file."""
    lines = content.splitlines()
    if path.suffix.lower() not in (".md", ".markdown"):
        return [(1, lines)]
    found: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        start, marker, body = i + 2, fence[1], []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(marker):
            body.append(lines[i])
            i += 1
        found.append((start, body))
        i += 1
    return found


def _strip_front_matter(first: int, lines: list[str], diagram: Diagram) -> int:
    """Skip a ``---`` front matter block (taking its ``title``); the index of the first line after it."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or lines[i].strip() != "---":
        return i
    end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == "---"), None)
    if end is None:
        raise BadInput(f"{diagram.file}:{first + i}: front matter opened with `---` is never closed")
    try:
        meta = yaml.safe_load("\n".join(lines[i + 1:end]))
    except yaml.YAMLError as exc:
        raise BadInput(f"{diagram.file}:{first + i}: the front matter is not valid YAML ({exc})".splitlines()[0]) \
            from None
    if isinstance(meta, dict) and isinstance(meta.get("title"), str | int | float):
        diagram.title = text(str(meta["title"]))
    return end + 1


def parse(path: Path, first: int, lines: list[str]) -> Diagram | None:
    """One diagram, or None when the block is not a ``journey`` (a flowchart in the same page)."""
    diagram = Diagram(path, first)
    i = _strip_front_matter(first, lines, diagram)
    while i < len(lines) and (not lines[i].strip() or lines[i].strip().startswith("%%")):
        i += 1
    if i >= len(lines) or lines[i].split()[0] != "journey":
        return None
    i += 1
    section: list[tuple[str, int, list[str]]] | None = None
    while i < len(lines):
        number, line = first + i, lines[i].split("%%", 1)[0].strip()
        i += 1
        if not line:
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith("accDescr") and line[len("accDescr"):].lstrip().startswith("{"):
            body = [line.split("{", 1)[1]]
            while "}" not in body[-1] and i < len(lines):
                body.append(lines[i])
                i += 1
            if "}" not in body[-1]:
                raise BadInput(f"{path}:{number}: `accDescr {{` is never closed with `}}`")
            body[-1] = body[-1].split("}", 1)[0]
            diagram.description = "\n".join(part.strip() for part in body if part.strip()) or None
        elif keyword.startswith(("accTitle", "accDescr")) and ":" in line:
            name, _, value = line.partition(":")
            if name.strip() == "accDescr":
                diagram.description = text(value) or None
            elif diagram.title is None:
                diagram.title = text(value) or None
        elif keyword == "title":
            diagram.title = text(rest) or diagram.title
        elif keyword == "section":
            section = []
            diagram.sections.append((text(rest) or f"Section {len(diagram.sections) + 1}", section))
        else:
            task = _task(path, number, line)
            if section is None:
                section = []
                diagram.sections.append((diagram.title or "Journey", section))
            section.append(task)
    return diagram


def _task(path: Path, number: int, line: str) -> tuple[str, int, list[str]]:
    name, colon, data = line.partition(":")
    if not colon:
        raise BadInput(f"{path}:{number}: expected `Task: score: actors`, `section …` or `title …`, got '{line}'")
    score_text, _, actors = data.partition(":")
    score_text = score_text.strip()
    if not re.fullmatch(r"[1-5]", score_text):
        raise BadInput(f"{path}:{number}: the score of '{text(name)}' must be a whole number from 1 to 5, "
                       f"got '{score_text}'")
    if not text(name):
        raise BadInput(f"{path}:{number}: a task without a name")
    return text(name), int(score_text), [text(a) for a in actors.split(",") if text(a)]


def read(path: Path, content: str) -> list[Diagram]:
    """Every journey diagram of the file; an error when there is none."""
    diagrams = [d for start, lines in blocks(path, content) if (d := parse(path, start, lines)) is not None]
    if not diagrams:
        where = "no ```mermaid block holds a `journey` diagram" if path.suffix.lower() in (".md", ".markdown") \
            else "it is not a Mermaid `journey` diagram (its first line must be `journey`)"
        raise BadInput(f"{path}:1: {where}")
    return diagrams


def to_fragment(diagrams: list[Diagram], scale: tuple[float, float]) -> Fragment:
    """The journeys, a persona per actor, and a placeholder owner (a diagram names none)."""
    fragment, journey_ids = Fragment(), Ids()
    owner = fragment.department(None)
    for diagram in diagrams:
        title = diagram.title or diagram.file.stem.replace("-", " ").replace("_", " ").capitalize()
        ids, personas = Ids(), []
        stages: list[dict[str, Any]] = []
        for name, tasks in diagram.sections:
            stage: dict[str, Any] = {"id": ids.make(name, "stage"), "name": name, "touchpoints": []}
            for task, score, actors in tasks:
                touchpoint: dict[str, Any] = {"id": ids.make(task, "touchpoint"), "name": task,
                                              "emotion": emotion_from_score(score, scale)}
                actor_ids = [fragment.persona(actor) for actor in actors]
                personas += [a for a in actor_ids if a not in personas]
                if actor_ids:
                    touchpoint["personas"] = list(dict.fromkeys(actor_ids))
                stage["touchpoints"].append(touchpoint)
            stages.append(stage)
        if not stages:
            raise BadInput(f"{diagram.file}:{diagram.line}: the journey '{title}' has no section and no task")
        journey: dict[str, Any] = {"kind": "journey", "id": journey_ids.make(title, "journey"), "title": title,
                                   "owner": owner}
        if personas:
            journey["personas"] = personas
        if diagram.description:
            journey["summary"] = diagram.description
        journey["stages"] = stages
        fragment.journeys.append(journey)
    return fragment
