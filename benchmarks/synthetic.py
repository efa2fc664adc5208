"""A synthetic handbook of any size, for benchmarks: ``python benchmarks/synthetic.py OUTDIR N``.

N journeys of 8 stages x 4 touchpoints, N/5 personas, N/5 process maps of 6 steps, 30 departments
in a tree, realistic text. The same seed always writes the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

WORDS = [
    "account",
    "card",
    "payment",
    "order",
    "delivery",
    "invoice",
    "contract",
    "appointment",
    "claim",
    "refund",
    "plan",
    "device",
    "router",
    "parcel",
    "policy",
    "quote",
    "statement",
    "profile",
    "password",
    "address",
    "branch",
    "adviser",
    "agent",
    "form",
]
VERBS = [
    "checks",
    "compares",
    "books",
    "opens",
    "reads",
    "signs",
    "uploads",
    "calls",
    "writes",
    "waits",
    "pays",
    "confirms",
    "cancels",
    "renews",
    "tracks",
    "returns",
    "asks",
    "chooses",
    "activates",
    "downloads",
]
FEELINGS = [
    "relieved",
    "confused",
    "impatient",
    "reassured",
    "anxious",
    "pleased",
    "annoyed",
    "curious",
    "hopeful",
    "frustrated",
    "confident",
    "lost",
]
CHANNELS = ["web", "mobile-app", "email", "phone", "chat", "branch", "letter", "kiosk", "social-media", "video"]
STAGES = ("Awareness", "Research", "Choice", "Purchase", "Onboarding", "Use", "Support", "Renewal")
METRICS = ("nps", "csat", "ces", "churn", "conversion", "retention", "first-contact-resolution")


def _sentence(rng: random.Random, words: int = 8) -> str:
    text = " ".join(rng.choice(WORDS + VERBS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _departments() -> list[dict[str, Any]]:
    roots = ["customer-operations", "commercial", "technology", "finance", "people"]
    departments: list[dict[str, Any]] = [
        {"kind": "department", "id": r, "name": r.replace("-", " ").title(), "lead": f"Lead of {r}"} for r in roots
    ]
    for i in range(25):
        parent = roots[i % len(roots)]
        departments.append(
            {
                "kind": "department",
                "id": f"team-{i:02d}",
                "name": f"Team {i:02d}",
                "parent": parent,
                "contact": f"#team-{i:02d}",
            }
        )
    return departments


def _metric(rng: random.Random, metric: str) -> dict[str, Any]:
    if metric == "nps":
        value: dict[str, Any] = {"target": 40, "actual": rng.randint(10, 60)}
    elif metric in ("csat", "conversion", "first-contact-resolution"):
        value = {"target": f"{rng.randint(60, 90)}%", "actual": f"{rng.randint(50, 95)}%"}
    elif metric == "churn":
        value = {"target": "3%", "actual": f"{rng.randint(1, 60) / 10}%"}
    elif metric == "retention":
        value = {"target": "85%", "actual": f"{rng.randint(70, 95)}%"}
    else:
        value = {"target": 5, "actual": rng.randint(2, 7)}
    if rng.random() < 0.3:
        value["history"] = [{"period": f"2026-Q{q}", "value": value["actual"]} for q in (1, 2, 3)]
        del value["actual"]
    return value


def _journey(rng: random.Random, n: int, departments: list[str], personas: list[str], processes: int) -> dict[str, Any]:
    jid = f"journey-{n:05d}"
    stages = []
    for s, stage_name in enumerate(STAGES):
        touchpoints = []
        for t in range(4):
            tp: dict[str, Any] = {
                "id": f"s{s}-t{t}",
                "name": f"{rng.choice(VERBS).capitalize()} the {rng.choice(WORDS)} ({stage_name.lower()} {t + 1})",
                "channel": rng.choice(CHANNELS),
                "emotion": rng.choice([-2, -1, -0.5, 0, 0.5, 1, 2]),
                "doing": _sentence(rng),
                "thinking": _sentence(rng, 10),
                "feeling": rng.choice(FEELINGS).capitalize(),
                "pain_points": [_sentence(rng, 6) for _ in range(rng.randint(0, 2))],
                "opportunities": [_sentence(rng, 6) for _ in range(rng.randint(0, 2))],
            }
            if rng.random() < 0.4:
                tp["owner"] = rng.choice(departments)
            if rng.random() < 0.1:
                tp["moment_of_truth"] = True
            if rng.random() < 0.3 and processes:
                tp["supported_by"] = [f"process-{rng.randrange(processes):05d}"]
            touchpoints.append(tp)
        stage: dict[str, Any] = {
            "id": f"s{s}",
            "name": stage_name,
            "owner": rng.choice(departments),
            "description": f"{_sentence(rng, 12)} **{rng.choice(WORDS)}** matters here.",
            "touchpoints": touchpoints,
        }
        if rng.random() < 0.3:
            stage["metrics"] = {"csat": _metric(rng, "csat")}
        stages.append(stage)
    return {
        "kind": "journey",
        "id": jid,
        "title": f"Journey {n}: {rng.choice(VERBS)} a {rng.choice(WORDS)}",
        "owner": rng.choice(departments),
        "personas": rng.sample(personas, k=min(2, len(personas))),
        "goal": _sentence(rng, 6),
        "summary": f"{_sentence(rng, 14)}\n\n- {_sentence(rng, 5)}\n- {_sentence(rng, 5)}",
        "tags": [rng.choice(WORDS)],
        "metrics": {m: _metric(rng, m) for m in rng.sample(METRICS, k=3)},
        "stages": stages,
        "transitions": [{"from": "s6", "to": "s1", "label": "Comes back for more"}],
    }


def _process(rng: random.Random, n: int, departments: list[str], journeys: int) -> dict[str, Any]:
    steps: list[dict[str, Any]] = []
    for i in range(6):
        step: dict[str, Any] = {
            "id": f"step-{i}",
            "name": f"{rng.choice(VERBS).capitalize()} {rng.choice(WORDS)}",
            "owner": rng.choice(departments),
            "sla": f"{rng.randint(1, 48)}h",
        }
        if i == 2:
            step["decision"] = "Is everything complete?"
            step["branches"] = [{"when": "complete", "next": "step-3"}, {"when": "missing", "next": "step-1"}]
        if i == 5:
            step["next"] = []
        if journeys and rng.random() < 0.5:
            step["supports"] = [f"journey-{rng.randrange(journeys):05d}/s{rng.randrange(8)}-t{rng.randrange(4)}"]
        steps.append(step)
    return {
        "kind": "process",
        "id": f"process-{n:05d}",
        "title": f"Process {n}",
        "owner": rng.choice(departments),
        "summary": _sentence(rng, 12),
        "steps": steps,
    }


def _dump(path: Path, documents: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump_all(documents, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def write_handbook(root: Path, journeys: int, seed: int = 0) -> None:
    """Write a handbook of ``journeys`` journeys below ``root``."""
    rng = random.Random(seed)
    departments = _departments()
    department_ids = [d["id"] for d in departments]
    _dump(root / "departments.yml", departments)
    _dump(
        root / "metrics.yml",
        [
            {
                "kind": "metric",
                "id": "first-contact-resolution",
                "name": "First contact resolution",
                "unit": "%",
                "better": "higher",
                "min": 0,
                "max": 100,
            }
        ],
    )
    persona_count = max(1, journeys // 5)
    personas = [f"persona-{i:05d}" for i in range(persona_count)]
    for i, pid in enumerate(personas):
        avoid = rng.sample(CHANNELS, k=1)
        _dump(
            root / "personas" / f"{pid}.yml",
            [
                {
                    "kind": "persona",
                    "id": pid,
                    "name": f"Persona {i}",
                    "segment": rng.choice(["Retail", "Business"]),
                    "quote": _sentence(rng, 8),
                    "goals": [_sentence(rng, 5)],
                    "needs": [_sentence(rng, 5)],
                    "frustrations": [_sentence(rng, 5)],
                    "channels": [c for c in rng.sample(CHANNELS, k=3) if c not in avoid],
                    "avoid_channels": avoid,
                }
            ],
        )
    process_count = max(1, journeys // 5)
    for n in range(process_count):
        _dump(root / "processes" / f"process-{n:05d}.yml", [_process(rng, n, department_ids, journeys)])
    for n in range(journeys):
        _dump(root / "journeys" / f"journey-{n:05d}.yml", [_journey(rng, n, department_ids, personas, process_count)])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python benchmarks/synthetic.py OUTDIR JOURNEYS")
    write_handbook(Path(sys.argv[1]), int(sys.argv[2]))
