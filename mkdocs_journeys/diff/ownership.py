"""Ownership moves: parts whose effective owner changed, and what each department gains or loses.

Effective owners count, not written ones: when a stage changes hands, the touchpoints that inherit
its owner move with it, and a touchpoint with an owner of its own stays where it was.
"""

from __future__ import annotations

from .parts import Flat
from .report import Entity, OwnershipMove


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
