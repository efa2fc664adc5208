"""Ownership moves: parts whose effective owner changed, and what each department gains or loses.

Effective owners count, not written ones: when a stage changes hands, the touchpoints that inherit
its owner move with it, and a touchpoint with an owner of its own stays where it was. They are read
from :mod:`..ownership`, the index the department pages show, so that a move here is a change there.
"""

from __future__ import annotations

from collections import defaultdict

from ..handbook import Handbook
from ..kinds import EntityKind as Kind
from ..ownership import holdings
from .parts import Flat
from .report import Entity, OwnershipMove

Owners = dict[tuple[Kind, str], dict[str, str]]  # (kind, id) → part key (as in :mod:`.parts`) → department


def effective_owners(handbook: Handbook) -> Owners:
    """Who owns each journey and process and each of their stages, touchpoints and steps."""
    owners: Owners = defaultdict(dict)
    for department, held in holdings(handbook).items():
        for journey in held.journeys:
            owners[("journey", journey.id)][""] = department
        for journey, stage, role in held.stages:
            if role == "owner":
                owners[("journey", journey.id)][f"stage:{stage.id}"] = department
        for journey, _, touchpoint in held.touchpoints:
            owners[("journey", journey.id)][f"touchpoint:{touchpoint.id}"] = department
        for process in held.processes:
            owners[("process", process.id)][""] = department
        for process, step in held.steps:
            owners[("process", process.id)][f"step:{step.id}"] = department
    return owners


def ownership_moves(entity: Entity, old: Flat, new: Flat) -> list[OwnershipMove]:
    """``old`` in the new ids (see :func:`.parts.normalise`), so a renamed department is no move."""
    moves: list[OwnershipMove] = []
    for key, part in new.parts.items():
        before = old.parts.get(key)
        if before is None or before.owner is None or part.owner is None or before.owner == part.owner:
            continue
        moves.append(OwnershipMove(entity, part.label(entity.kind), before.anchor, before.owner, part.owner))
    return moves


def gains_and_losses(moves: list[OwnershipMove]) -> dict[str, tuple[list[OwnershipMove], list[OwnershipMove]]]:
    """Per department (sorted by id): the moves it gains and the moves it loses."""
    balance: dict[str, tuple[list[OwnershipMove], list[OwnershipMove]]] = {}
    for move in moves:
        balance.setdefault(move.after, ([], []))[0].append(move)
        balance.setdefault(move.before, ([], []))[1].append(move)
    return dict(sorted(balance.items()))
