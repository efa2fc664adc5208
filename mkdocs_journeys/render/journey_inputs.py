"""What a journey page is made from, as one digest: `mkdocs serve --dirty` writes again only the journey
pages whose digest changed, so that one edited journey does not cost every journey page.

A journey page shows its own journey; the title and the stage and touchpoint names of the other
journeys its findings name; the whole of the journeys it is compared with (what it replaces, what
replaces it); everything that is not a journey (personas, processes, departments, metrics,
datasets, settings); and what the analysis and the datasets say about these journeys. The digest
covers exactly that, and errs only one way: something it covers may change without the page
changing (then the page is written for nothing), never the reverse.
``tests/test_journey_inputs.py`` holds it to that: after every one of many edits, a page whose
digest is unchanged is unchanged.

Anything that cannot be turned into plain data gives no digest: that page is written every time.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import pickle
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel

from ..model import Journey
from .context import RenderContext

Digest = Callable[[Journey], bytes | None]

# What of the handbook a journey page does not read (the journeys but its own and those it names,
# which are covered one by one): the overview shows the problems and the files, not a journey page.
NOT_READ = frozenset({"journeys", "problems", "rejected", "files"})


def journey_inputs(ctx: RenderContext) -> Digest:
    """The digest of each journey page's inputs; the part every journey page reads is made once,
    when the first is asked for (a build that never asks pays nothing)."""
    journeys = ctx.handbook.journeys
    known: dict[str, Any] = {}

    def digest(journey: Journey) -> bytes | None:
        if not known:
            replaced_by: dict[str, list[Journey]] = {}
            for other in journeys.values():
                if other.state == "future" and other.replaces:
                    replaced_by.setdefault(other.replaces, []).append(other)
            known["replaced_by"] = replaced_by
            try:
                known["shared"] = _digest(_shared(ctx))
            except Exception:  # something that is not plain data: no page is left as it was
                known["shared"] = None
        if known["shared"] is None:
            return None
        partners = _compared(journey, journeys, known["replaced_by"])
        named = sorted(_journeys_named(ctx, journey))
        try:
            return _digest([known["shared"], *(_own(ctx, j) for j in (journey, *partners)),
                            [(name, _face(journeys[name]) if name in journeys else None) for name in named]])
        except Exception:
            return None

    return digest


def _shared(ctx: RenderContext) -> list[Any]:
    """What every journey page may read: the handbook apart from its journeys and what only the
    overview shows, the build's way of making URLs, and what the datasets say about the whole."""
    handbook = ctx.handbook
    parts: list[Any] = [ctx.site.output, ctx.directory_urls, ctx.standalone_scripts]
    parts += [(f.name, getattr(handbook, f.name)) for f in dataclasses.fields(handbook) if f.name not in NOT_READ]
    measurements = ctx.analysis.measurements if ctx.analysis is not None else None
    if measurements is not None:
        parts.append(_Figures([measurements.observed, measurements.processes, measurements.event_logs,
                               measurements.origins]))
    return parts


def _compared(journey: Journey, journeys: dict[str, Journey], replaced_by: dict[str, list[Journey]]) -> list[Journey]:
    """The journeys this journey's page compares it with: what it replaces, what replaces it."""
    partners = list(replaced_by.get(journey.id, []))
    if journey.replaces in journeys:
        partners.append(journeys[journey.replaces])
    return partners


def _journeys_named(ctx: RenderContext, journey: Journey) -> set[str]:
    """The other journeys this journey's page links to: in its findings and its handoffs."""
    named: set[str] = set()
    if ctx.analysis is not None:
        for finding in ctx.analysis.findings_for(f"journey:{journey.id}"):
            kind, _, path = finding.subject.partition(":")
            if kind == "journey":
                named.add(path.partition("/")[0])
        named.update(handoff.journey for handoff in ctx.analysis.handoffs.get(journey.id, []))
    return named


def _face(journey: Journey) -> tuple[Any, ...]:
    """What another journey's page may show of this one: in links to it, to its stages and touchpoints."""
    return (journey.id, journey.title, journey.state, journey.replaces,
            [(stage.id, stage.name, [(tp.id, tp.name) for tp in stage.touchpoints]) for stage in journey.stages])


def _own(ctx: RenderContext, journey: Journey) -> list[Any]:
    """A journey's content as validated and measured, its file, and what the analysis and the
    datasets found about it."""
    parts: list[Any] = [journey]
    analysis = ctx.analysis
    if analysis is not None:
        parts += [analysis.handoffs.get(journey.id), analysis.coverage.get(journey.id),
                  [analysis.stage_coverage.get((journey.id, stage.id)) for stage in journey.stages],
                  analysis.unsupported.get(journey.id), analysis.extremes.get(journey.id),
                  analysis.findings_for(f"journey:{journey.id}")]
        if analysis.measurements is not None:
            parts.append(_Figures(analysis.measurements.journeys.get(journey.id)))
    return parts


def _plain(value: Any, unordered: bool = False) -> Any:
    """The value as plain data (strings, numbers, tuples), so that equal values pickle to equal bytes
    whichever objects they are made of: a file read again or taken from the cache. A model or a
    dataclass as all its fields (those left out of a comparison too), a number or a string of a
    kind of its own with what it carries besides its value.
    ``unordered``: its dictionaries' order means nothing, so they are sorted. The datasets' figures
    are read in a fixed order, but they are counts keyed by name: a figure read in another order
    (another engine, another query) is the same figure."""
    kind: type = type(value)
    if kind in _PLAIN:
        return value
    if kind is _Figures:
        return ("figures", _plain(value.value, unordered=True))
    if kind is tuple or kind is list:
        if all(type(item) is str for item in value):
            return (kind.__name__, *value)
        return (kind.__name__, *(_plain(item, unordered) for item in value))
    if isinstance(value, (str, int, float, bytes)):  # an enumeration's member, a duration with its units
        return (kind.__name__, _base_value(value),
                *((name, _plain(getattr(value, name, None), unordered)) for name in _slots(kind)),
                *((name, _plain(item, unordered)) for name, item in sorted(getattr(value, "__dict__", {}).items())))
    names = _field_names(kind)
    if names is not None:
        return (kind.__name__, *(_plain(getattr(value, name), unordered) for name in names))
    if isinstance(value, BaseModel):
        return _model(value, unordered)
    if isinstance(value, dict):
        items = [(_plain(k, unordered), _plain(v, unordered)) for k, v in value.items()]
        return ("dict", *(sorted(items, key=repr) if unordered else items))
    if isinstance(value, (list, tuple)):
        return (kind.__name__, *(_plain(item, unordered) for item in value))
    if isinstance(value, (set, frozenset)):
        return ("set", *sorted(repr(_plain(item, unordered)) for item in value))
    if isinstance(value, PurePath):
        return ("path", str(value))
    return (kind.__name__, repr(value))


class _Figures:
    """What the datasets say: dictionaries in no meaningful order (see :func:`_plain`)."""

    def __init__(self, value: Any) -> None:
        self.value = value


_PLAIN = frozenset({str, int, float, bool, bytes, type(None)})


def _model(model: BaseModel, unordered: bool) -> tuple[Any, ...]:
    """Every field, which fields were given, and the private state (what a value's definition is,
    say), its document as its file: more than the model's JSON, which writes a duration as its
    seconds without the units it was written in."""
    private = dict(model.__pydantic_private__ or {})
    document = private.pop("_document", None)
    fields = model.__dict__
    return (type(model).__name__, str(getattr(document, "file", "")),
            *((name, _plain(fields[name], unordered)) for name in _model_fields(type(model))),
            tuple(sorted(model.model_fields_set)),
            *((name, _plain(item, unordered)) for name, item in private.items()))


def _base_value(value: str | int | float | bytes) -> Any:
    """The value as its built-in kind, whatever its own kind makes of it (an enumeration's ``str``)."""
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bytes):
        return bytes(value)
    if isinstance(value, bool):
        return bool(value)
    return int(value) if isinstance(value, int) else float(value)


@functools.cache
def _model_fields(kind: type[BaseModel]) -> tuple[str, ...]:
    return tuple(kind.model_fields)


@functools.cache
def _slots(kind: type) -> tuple[str, ...]:
    return tuple(name for klass in kind.__mro__ for name in getattr(klass, "__slots__", ()))


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def _digest(value: Any) -> bytes:
    """Plain data pickled without its memo: a string shared by two places is written out twice, so
    that equal values give equal bytes. A value that refers back to itself has no digest."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(_plain(value))
    return hashlib.blake2b(stream.getbuffer(), digest_size=16).digest()
