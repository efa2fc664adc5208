"""Channels and accessibility: stages a customer can only reach one way, or not at all.

A stage's channels are those of its touchpoints, alternatives included: a stage reached by phone
or in the app offers two channels. A persona is only offered the channels of the touchpoints it
takes, so it avoids a stage when it avoids every one of those (and a stage where it takes nothing
is not on its path). When a touchpoint has no channel the channels are not fully known, and the
finding does not fire: better silent than wrong.
"""

from __future__ import annotations

from ..finding_codes import FindingCode
from ..model import Journey, Persona, Stage, Touchpoint
from .findings import Finding


def stage_channels(stage: Stage) -> set[str] | None:
    return channels_of(stage.touchpoints)


def channels_of(touchpoints: list[Touchpoint]) -> set[str] | None:
    """The channels of these touchpoints; None when there are none or one has no channel."""
    channels = {tp.channel for tp in touchpoints}
    if not touchpoints or None in channels:
        return None
    return {c for c in channels if c is not None}


def channel_findings(journey: Journey, personas: dict[str, Persona]) -> list[Finding]:
    findings = []
    for stage in journey.stages:
        channels = stage_channels(stage)
        owners = tuple(dict.fromkeys([stage.owner_id, *(tp.owner_id for tp in stage.touchpoints)]))
        scopes = (f"journey:{journey.id}",)
        if channels is not None and len(channels) == 1:
            only = next(iter(channels))
            findings.append(Finding(
                code=FindingCode.SINGLE_CHANNEL_STAGE, location=stage.location(),
                message=f"stage '{stage.name}' can only be reached through {only}",
                hint="offer a second channel for customers who cannot or will not use this one",
                subject=f"journey:{journey.id}/{stage.id}", departments=owners, scopes=scopes,
            ))
        for persona_id in journey.personas:
            persona = personas.get(persona_id)
            taken = [tp for tp in stage.touchpoints if journey.takes(persona_id, tp)]
            offered = channels_of(taken)
            if persona is None or offered is None or not offered <= set(persona.avoid_channels):
                continue
            listed = ", ".join(sorted(offered))
            everything = len(taken) == len(stage.touchpoints)
            findings.append(Finding(
                code=FindingCode.AVOIDED_CHANNEL_STAGE, location=stage.location(),
                message=f"{persona.name} avoids every channel of stage '{stage.name}' ({listed})" if everything
                else f"{persona.name} avoids every channel stage '{stage.name}' offers them ({listed})",
                hint=f"offer this stage through a channel {persona.name} uses"
                     + (f": {', '.join(persona.channels)}" if persona.channels else ""),
                subject=f"journey:{journey.id}/{stage.id}",
                departments=tuple(dict.fromkeys([stage.owner_id, *(tp.owner_id for tp in taken)])),
                scopes=(*scopes, f"persona:{persona.id}"), discriminator=persona.id,
            ))
    return findings
