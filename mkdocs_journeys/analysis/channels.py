"""Channels and accessibility: stages a customer can only reach one way, or not at all.

A stage's channels are those of its touchpoints. When a touchpoint has no channel the stage's
channels are not fully known, and neither finding fires for it: better silent than wrong.
"""

from __future__ import annotations

from ..finding_codes import FindingCode
from ..model import Journey, Persona, Stage
from .findings import Finding


def stage_channels(stage: Stage) -> set[str] | None:
    channels = {tp.channel for tp in stage.touchpoints}
    if not stage.touchpoints or None in channels:
        return None
    return {c for c in channels if c is not None}


def channel_findings(journey: Journey, personas: dict[str, Persona]) -> list[Finding]:
    findings = []
    for stage in journey.stages:
        channels = stage_channels(stage)
        if channels is None:
            continue
        owners = tuple(dict.fromkeys([stage.owner_id, *(tp.owner_id for tp in stage.touchpoints)]))
        scopes = (f"journey:{journey.id}",)
        if len(channels) == 1:
            only = next(iter(channels))
            findings.append(Finding(
                code=FindingCode.SINGLE_CHANNEL_STAGE, location=stage.location(),
                message=f"stage '{stage.name}' can only be reached through {only}",
                hint="offer a second channel for customers who cannot or will not use this one",
                subject=f"journey:{journey.id}/{stage.id}", departments=owners, scopes=scopes,
            ))
        for persona_id in journey.personas:
            persona = personas.get(persona_id)
            if persona is None or not channels <= set(persona.avoid_channels):
                continue
            listed = ", ".join(sorted(channels))
            findings.append(Finding(
                code=FindingCode.AVOIDED_CHANNEL_STAGE, location=stage.location(),
                message=f"{persona.name} avoids every channel of stage '{stage.name}' ({listed})",
                hint=f"offer this stage through a channel {persona.name} uses"
                     + (f": {', '.join(persona.channels)}" if persona.channels else ""),
                subject=f"journey:{journey.id}/{stage.id}", departments=owners,
                scopes=(*scopes, f"persona:{persona.id}"), discriminator=persona.id,
            ))
    return findings
