"""A synthetic handbook of any size, for benchmarks: ``python benchmarks/synthetic.py OUTDIR N [SEED]``.

N journeys of 8 stages x 4 touchpoints, N/5 personas, N/5 process maps of 6 steps (one decision with
two branches, links to touchpoints from both sides), 30 departments in a three-level tree and three
custom metrics. The text reads like a real handbook: sentences built from word lists around each
journey's product, doing / thinking / feeling that match the emotion, pain points, opportunities,
backstage work, Markdown summaries, and metrics with targets, actuals and a quarterly history.
Owners vary per stage and touchpoint. The same seed always writes the same files, and every file
loads without an error (the analysis still finds plenty to say about it).

Layout: ``departments.yml``, ``metrics.yml``, ``personas/*.yml``, ``processes/*.yml`` and
``journeys/*.yml``; every journey file has a plain ``title: ...`` line (the serve benchmark edits it).
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

STAGES_PER_JOURNEY = 8
TOUCHPOINTS_PER_STAGE = 4
STEPS_PER_PROCESS = 6

# (id, name, parent): 5 divisions, 10 departments, 15 teams.
DEPARTMENTS: tuple[tuple[str, str, str | None], ...] = (
    ("customer-operations", "Customer Operations", None),
    ("commercial", "Commercial", None),
    ("technology", "Technology", None),
    ("finance", "Finance", None),
    ("risk-and-compliance", "Risk and Compliance", None),
    ("contact-centre", "Contact Centre", "customer-operations"),
    ("branch-network", "Branch Network", "customer-operations"),
    ("marketing", "Marketing", "commercial"),
    ("sales", "Sales", "commercial"),
    ("digital-channels", "Digital Channels", "technology"),
    ("core-systems", "Core Systems", "technology"),
    ("billing", "Billing", "finance"),
    ("collections", "Collections", "finance"),
    ("compliance", "Compliance", "risk-and-compliance"),
    ("fraud-prevention", "Fraud Prevention", "risk-and-compliance"),
    ("phone-support", "Phone Support", "contact-centre"),
    ("chat-support", "Chat Support", "contact-centre"),
    ("complaints", "Complaints", "contact-centre"),
    ("branch-advisers", "Branch Advisers", "branch-network"),
    ("appointments", "Appointments", "branch-network"),
    ("brand-and-campaigns", "Brand and Campaigns", "marketing"),
    ("partnerships", "Partnerships", "sales"),
    ("direct-sales", "Direct Sales", "sales"),
    ("mobile-app-team", "Mobile App Team", "digital-channels"),
    ("web-team", "Web Team", "digital-channels"),
    ("customer-data", "Customer Data", "core-systems"),
    ("payments-platform", "Payments Platform", "core-systems"),
    ("invoicing", "Invoicing", "billing"),
    ("kyc-operations", "KYC Operations", "compliance"),
    ("dispute-handling", "Dispute Handling", "fraud-prevention"),
)

FIRST_NAMES = (
    "Alex", "Amara", "Ben", "Carla", "Dana", "Elif", "Femi", "Grace", "Hamid", "Ines", "Jonas", "Kai", "Lena",
    "Lewis", "Maya", "Noor", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Yusuf",
)
LAST_NAMES = (
    "Adams", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hale", "Ibrahim", "Jensen", "Kowalski",
    "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Varga", "Weber", "Young",
)


@dataclass(frozen=True)
class Domain:
    """One line of business: the nouns its journeys and processes talk about."""

    products: tuple[str, ...]
    things: tuple[str, ...]
    documents: tuple[str, ...]
    system: str


DOMAINS = (
    Domain(("current account", "savings account", "credit card", "mortgage", "personal loan"),
           ("application", "card", "transfer", "statement", "overdraft", "PIN"),
           ("passport", "payslip", "proof of address"), "core banking system"),
    Domain(("broadband plan", "mobile contract", "TV package", "fibre upgrade"),
           ("router", "SIM card", "installation", "bill", "number transfer", "engineer visit"),
           ("contract", "ID card", "bank details"), "provisioning system"),
    Domain(("home insurance policy", "car insurance policy", "travel cover", "pet insurance"),
           ("claim", "quote", "renewal", "excess", "repair", "assessor visit"),
           ("photo of the damage", "police report", "receipt"), "policy system"),
    Domain(("energy tariff", "smart meter", "solar panel lease", "heat pump"),
           ("meter reading", "direct debit", "bill", "installation", "refund", "tariff switch"),
           ("meter photo", "tenancy agreement", "bank details"), "billing platform"),
    Domain(("online order", "furniture delivery", "store card", "extended warranty"),
           ("order", "parcel", "delivery slot", "return", "refund", "exchange"),
           ("receipt", "order number", "photo of the item"), "order management system"),
)

JOURNEY_VERBS = ("Opening", "Switching to", "Upgrading", "Buying", "Cancelling", "Renewing", "Moving", "Choosing")
STAGE_NAMES = ("Awareness", "Research", "Choice", "Purchase", "Onboarding", "Everyday use", "Support", "Renewal")
CHANNELS = ("web", "mobile-app", "email", "phone", "chat", "branch", "letter", "kiosk", "social-media", "sms")
ARCHETYPES = (
    "the first-time buyer", "the busy parent", "the careful saver", "the small business owner", "the student",
    "the retiree", "the frequent traveller", "the bargain hunter", "the digital native", "the newcomer",
)
SEGMENTS = ("Retail, 18-25", "Retail, 25-35", "Retail, 35-50", "Retail, 50+", "Small business", "Premium")
TAGS = ("onboarding", "retention", "digital", "complaints", "self-service", "sales", "billing", "regulated")

DOING = (
    "Reads the {product} page twice",
    "Compares three {product} offers side by side",
    "Fills in the {thing} form on the {channel}",
    "Calls the helpline about the {thing}",
    "Uploads the {document}",
    "Waits for the {thing} confirmation",
    "Checks the {thing} status",
    "Asks an adviser how the {thing} works",
    "Searches the help pages for the {thing}",
    "Signs the {product} contract",
    "Reads the welcome email about the {thing}",
    "Chats with an agent about the {thing}",
)
THINKING = (
    "Is this {product} really worth it?",
    "Why do they need my {document} again?",
    "How long will the {thing} take?",
    "Will anyone tell me when the {thing} is done?",
    "Can I trust them with my {document}?",
    "Is there a cheaper {product} somewhere else?",
    "What happens if the {thing} goes wrong?",
    "I hope I picked the right {product}.",
    "Finally, the {thing} is sorted.",
)
FEELINGS = {
    -2: ("Angry", "Let down", "Fed up"),
    -1: ("Confused", "Impatient", "Anxious", "Unsure"),
    0: ("Neutral", "Curious", "Cautious"),
    1: ("Reassured", "Hopeful", "Pleased"),
    2: ("Delighted", "Relieved", "Confident"),
}
PAIN_POINTS = (
    "The {thing} form asks for the same details twice",
    "Nobody explains why the {thing} is late",
    "The helpline is only open in office hours",
    "The letter about the {thing} is full of jargon",
    "Has to repeat the whole story to every agent",
    "The upload of the {document} fails on a phone",
    "Fees for the {product} are hard to find",
    "No update for days after sending the {document}",
)
OPPORTUNITIES = (
    "Prefill the {thing} form from what we already know",
    "Send a status update each time the {thing} moves on",
    "Offer a call-back instead of a queue",
    "Explain the {thing} in plain words",
    "Let the customer send the {document} from the app",
    "Show every {product} fee on one page",
    "Give the agent the full history of the {thing}",
)
BACKSTAGE = (
    "{department} reviews the {thing} by hand",
    "The {thing} is typed again into the {system}",
    "A nightly batch updates the {thing} status",
    "A case is opened in the CRM",
    "{department} checks the {document}",
)
SUMMARIES = (
    "How a customer goes from first hearing about the {product} to **using it every day**.",
    "The {product} journey as customers live it today, *not* as the process manual describes it.",
    "Most complaints about the {product} start with the {thing}: this map shows where and why.",
    "Customers who get the {thing} right the first time stay twice as long.",
)
STAGE_DESCRIPTIONS = (
    "The customer {verb} the {thing}; **{department}** owns this part of the experience.",
    "Most drop-outs happen here, while the {thing} is still *open*.",
    "A short stage when the {thing} works, a long one when the {document} is missing.",
    "The {channel} carries most of this stage; other channels are a fallback.",
)
STAGE_VERBS = ("starts", "compares", "chooses", "pays for", "sets up", "uses", "questions", "renews")
# Metric id -> (lowest, highest, possible targets, largest change per quarter); "%" for the percentages.
SCALES: dict[str, tuple[float, float, tuple[int | float, ...], float]] = {
    "nps": (-20, 60, (20, 30, 40, 50), 8),
    "ces": (2.5, 6.5, (5, 5.5, 6), 0.4),
    "churn": (1, 12, (2, 3, 4, 5), 1.2),
    "%": (40, 95, (60, 70, 75, 80, 85, 90), 5),
}


def slug(name: str) -> str:
    """The format's slug of an ASCII name (apostrophes dropped, other runs of non-alphanumerics as one '-')."""
    return re.sub(r"[^a-z0-9]+", "-", name.replace("'", "").lower()).strip("-")[:64].strip("-")


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)


class Writer:
    """Builds the documents of one handbook from one seeded random stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.department_ids = [d[0] for d in DEPARTMENTS]
        self.department_names = {d[0]: d[1] for d in DEPARTMENTS}
        self.product = ""  # the product of the document being written: its text stays on topic

    def fill(self, template: str, domain: Domain, **extra: str) -> str:
        rng = self.rng
        words = {
            "product": self.product or rng.choice(domain.products),
            "thing": rng.choice(domain.things),
            "document": rng.choice(domain.documents),
            "system": domain.system,
            "channel": rng.choice(("website", "app", "phone line", "branch", "chat")),
            "department": self.department_names[rng.choice(self.department_ids)],
            **extra,
        }
        text = template.format(**words)
        return text[0].upper() + text[1:]

    def texts(self, templates: tuple[str, ...], domain: Domain, most: int, least: int = 0) -> list[str]:
        count = self.rng.randint(least, most)
        return [self.fill(t, domain) for t in self.rng.sample(templates, k=count)]

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    # Metric values -------------------------------------------------------------------------------

    def _series(self, low: float, high: float, target: float, step: float) -> tuple[float, list[float]]:
        """A target and a short history that drifts towards (or away from) it."""
        rng = self.rng
        value = rng.uniform(low, high)
        history = [value]
        for _ in range(rng.randint(1, 3)):
            value = min(high, max(low, value + rng.uniform(-step, step * 1.5)))
            history.append(value)
        return target, history

    def metric(self, metric: str) -> dict[str, Any] | int | float:
        rng = self.rng
        period = f"2026-Q{rng.randint(1, 3)}"
        if metric == "volume":
            return {"actual": rng.randrange(200, 50_000, 10), "period": period, "source": "Web analytics"}
        if metric in ("duration", "handling-time"):
            target_hours = rng.choice((0.25, 1, 4, 24, 48, 72) if metric == "duration" else (0.1, 0.25, 0.5))
            actual_hours = target_hours * rng.uniform(0.6, 2.2)
            return {"target": _hours(target_hours), "actual": _hours(actual_hours), "period": period}
        if metric == "complaints":
            return {"target": rng.randrange(10, 100, 5), "actual": rng.randrange(5, 160), "period": period}
        low, high, targets, step = SCALES.get(metric, SCALES["%"])
        target = rng.choice(targets)
        if metric == "nps" and rng.random() < 0.2:
            return target  # the shorthand: a target alone
        history = [rng.uniform(low, high)]
        for _ in range(rng.randint(1, 3)):
            history.append(min(high, max(low, history[-1] + rng.uniform(-step, step * 1.5))))
        value: dict[str, Any] = {"target": _written(metric, target)}
        shape = rng.random()
        if shape < 0.4:
            periods = ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"][-len(history):]
            value["history"] = [{"period": p, "value": _written(metric, v)} for p, v in zip(periods, history,
                                                                                          strict=True)]
        else:
            value["actual"] = _written(metric, history[-1])
            value["period"] = period
            if shape < 0.6:
                value["source"] = rng.choice(("Quarterly survey", "Finance report", "CRM dashboard", "App analytics"))
        return value

    # Documents -----------------------------------------------------------------------------------

    def departments(self) -> list[dict[str, Any]]:
        documents = []
        for i, (did, name, parent) in enumerate(DEPARTMENTS):
            document: dict[str, Any] = {"kind": "department", "id": did, "name": name}
            if parent is None:
                document["summary"] = f"The **{name}** division: accountable for its departments end to end."
            if i % 3 == 0:
                document["lead"] = self.person()
            if i % 4 == 0:
                document["contact"] = f"#{did}-leads" if i % 8 == 0 else f"{did}@example.com"
            if parent is not None:
                document["parent"] = parent
            documents.append(document)
        return documents

    def persona(self, i: int) -> dict[str, Any]:
        rng = self.rng
        domain = rng.choice(DOMAINS)
        self.product = rng.choice(domain.products)
        first = rng.choice(FIRST_NAMES)
        archetype = ARCHETYPES[i % len(ARCHETYPES)]
        channels = rng.sample(CHANNELS, k=4)
        document: dict[str, Any] = {
            "kind": "persona",
            "id": f"persona-{i:05d}",
            "name": f"{first}, {archetype}",
            "segment": rng.choice(SEGMENTS),
            "summary": f"{first} wants {_a(self.product)} that *just works*.\n\n"
            f"- Prefers the {channels[0]} channel\n- {self.fill(rng.choice(PAIN_POINTS), domain)}\n",
            "quote": self.fill(rng.choice(THINKING), domain),
            "goals": [f"Get the {rng.choice(domain.things)} done in one go",
                      f"Pay a fair price for the {self.product}"],
            "needs": self.texts(OPPORTUNITIES, domain, 2, least=1),
            "frustrations": self.texts(PAIN_POINTS, domain, 3, least=1),
            "channels": channels[:3],
        }
        if rng.random() < 0.5:
            document["avoid_channels"] = [channels[3]]
        return document

    def process(self, n: int) -> dict[str, Any]:
        rng = self.rng
        domain = DOMAINS[n % len(DOMAINS)]
        self.product = rng.choice(domain.products)
        thing = rng.choice(domain.things)
        document = rng.choice(domain.documents)
        names = [
            f"Receive the {thing} request",
            f"Record the {thing} in the {domain.system}",
            f"Check the {thing} details",
            f"Ask the customer for the {document}",
            f"Approve the {thing}",
            "Confirm to the customer",
        ]
        ids = [slug(name) if n % 2 else f"step-{i + 1}" for i, name in enumerate(names)]
        owner = rng.choice(self.department_ids)
        steps: list[dict[str, Any]] = []
        for i, name in enumerate(names):
            step: dict[str, Any] = {"id": ids[i], "name": name}
            if rng.random() < 0.5:
                step["owner"] = rng.choice(self.department_ids)
            if rng.random() < 0.7:
                step["sla"] = rng.choice(("30m", "2h", "4h", "1d", "2d", "3d 4h", "1w"))
            if i == 2:
                step["decision"] = f"Is the {thing} complete?"
                step["branches"] = [{"when": "complete", "next": ids[4]}, {"when": "something missing",
                                                                          "next": ids[3]}]
            elif i == 3:
                step["next"] = ids[2]
            elif i == STEPS_PER_PROCESS - 1:
                step["next"] = []
            steps.append(step)
        return {
            "kind": "process",
            "id": f"process-{n:05d}",
            "title": f"Handling {_a(thing)} ({n})",
            "owner": owner,
            "summary": f"What happens behind the scenes once a customer asks about the **{thing}**.\n\n"
            f"Owned by {self.department_names[owner]}. {self.fill(rng.choice(BACKSTAGE), domain)}.\n",
            "steps": steps,
        }

    def journey(self, n: int, personas: list[str], processes: list[dict[str, Any]]) -> dict[str, Any]:
        rng = self.rng
        domain = DOMAINS[n % len(DOMAINS)]
        product = self.product = rng.choice(domain.products)
        owner = rng.choice(self.department_ids)
        emotion: float = rng.choice((-1, 0, 1))
        stages = []
        used_ids = {slug(name) for name in STAGE_NAMES}
        for s, stage_name in enumerate(STAGE_NAMES):
            stage_owner = rng.choice(self.department_ids)
            touchpoints = []
            for t in range(TOUCHPOINTS_PER_STAGE):
                emotion = max(-2, min(2, emotion + rng.choice((-1.5, -1, -0.5, 0, 0, 0.5, 1, 1.5))))
                touchpoints.append(self.touchpoint(domain, s, t, emotion, used_ids, processes))
            stage: dict[str, Any] = {"id": slug(stage_name), "name": stage_name}
            if rng.random() < 0.9:
                stage["owner"] = stage_owner
            contributors = sorted(set(rng.sample(self.department_ids, k=2)) - {stage_owner})
            if rng.random() < 0.4 and contributors:
                stage["contributors"] = contributors
            stage["description"] = self.fill(rng.choice(STAGE_DESCRIPTIONS), domain, verb=STAGE_VERBS[s])
            if rng.random() < 0.3:
                stage["metrics"] = {m: self.metric(m) for m in rng.sample(("csat", "conversion", "duration", "volume",
                                                                            "first-contact-resolution", "ces"), k=2)}
            stage["touchpoints"] = touchpoints
            stages.append(stage)
        title = f"{rng.choice(JOURNEY_VERBS)} {_a(product)} ({n})"
        journey: dict[str, Any] = {
            "kind": "journey",
            "id": f"journey-{n:05d}",
            "title": title,
            "owner": owner,
            "personas": rng.sample(personas, k=min(len(personas), rng.randint(1, 2))),
            "goal": f"Get {_a(product)} that fits, without chasing anyone",
            "summary": f"{self.fill(rng.choice(SUMMARIES), domain)}\n\n"
            f"- {self.fill(rng.choice(PAIN_POINTS), domain)}\n"
            f"- {self.fill(rng.choice(OPPORTUNITIES), domain)}\n",
        }
        if rng.random() < 0.15:
            journey["state"] = "future"
        journey["tags"] = rng.sample(TAGS, k=rng.randint(1, 3))
        journey["metrics"] = {m: self.metric(m) for m in rng.sample(("nps", "csat", "ces", "churn", "conversion",
                                                                     "retention", "duration", "complaints"), k=4)}
        journey["stages"] = stages
        transitions = [{"from": "support", "to": "everyday-use", "label": "Problem solved, back to normal"}]
        if rng.random() < 0.5:
            transitions.append({"from": "renewal", "to": "research", "label": "Shops around before renewing"})
        journey["transitions"] = transitions
        return journey

    def touchpoint(self, domain: Domain, s: int, t: int, emotion: float, used_ids: set[str],
                   processes: list[dict[str, Any]]) -> dict[str, Any]:
        rng = self.rng
        name = self.fill(rng.choice(DOING), domain)
        touchpoint: dict[str, Any] = {}
        if slug(name) in used_ids or rng.random() < 0.5:
            touchpoint["id"] = f"s{s + 1}-t{t + 1}"  # an explicit id (the rest use the slug of their name)
        used_ids.add(touchpoint.get("id", slug(name)))
        touchpoint["name"] = name
        touchpoint["channel"] = rng.choice(CHANNELS)
        if rng.random() < 0.4:
            touchpoint["owner"] = rng.choice(self.department_ids)
        if rng.random() < 0.95:
            touchpoint["emotion"] = _number(emotion)
        touchpoint["doing"] = self.fill(rng.choice(DOING), domain)
        touchpoint["thinking"] = self.fill(rng.choice(THINKING), domain)
        touchpoint["feeling"] = rng.choice(FEELINGS[round(emotion)])
        for field, templates, most in (("pain_points", PAIN_POINTS, 2 if emotion < 0 else 1),
                                       ("opportunities", OPPORTUNITIES, 2), ("backstage", BACKSTAGE, 1)):
            texts = self.texts(templates, domain, most)
            if texts:
                touchpoint[field] = texts
        if rng.random() < 0.1:
            touchpoint["moment_of_truth"] = True
        if rng.random() < 0.3:
            process = rng.choice(processes)
            step = rng.choice(process["steps"])
            target = process["id"] if rng.random() < 0.3 else f"{process['id']}/{step['id']}"
            touchpoint["supported_by"] = [target]
        if rng.random() < 0.1:
            metric = "handling-time" if touchpoint["channel"] in ("phone", "chat") else "duration"
            touchpoint["metrics"] = {metric: self.metric(metric)}
        return touchpoint

    def link_steps(self, processes: list[dict[str, Any]], journeys: list[dict[str, Any]]) -> None:
        """Half the steps serve a touchpoint (the same link the other way round as `supported_by`)."""
        rng = self.rng
        for process in processes:
            for step in process["steps"]:
                if rng.random() < 0.5:
                    journey = rng.choice(journeys)
                    stage = rng.choice(journey["stages"])
                    touchpoint = rng.choice(stage["touchpoints"])
                    step["supports"] = [f"{journey['id']}/{touchpoint.get('id') or slug(touchpoint['name'])}"]


def _hours(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)}m"
    if hours < 24:
        return f"{round(hours, 1):g}h"
    days, rest = divmod(round(hours), 24)
    return f"{days}d {rest}h" if rest else f"{days}d"


def _written(metric: str, value: float) -> int | float | str:
    """A value as an author writes it: NPS whole points, CES one decimal, the rest percentages."""
    if metric == "nps":
        return round(value)
    if metric == "ces":
        return _number(round(value, 1))
    return f"{_number(round(value, 1))}%"


METRICS: list[dict[str, Any]] = [
    {"kind": "metric", "id": "first-contact-resolution", "name": "First contact resolution", "unit": "%",
     "better": "higher", "min": 0, "max": 100},
    {"kind": "metric", "id": "complaints", "name": "Complaints per month", "unit": "count", "better": "lower",
     "min": 0},
    {"kind": "metric", "id": "handling-time", "name": "Average handling time", "unit": "duration",
     "better": "lower"},
]


class _Dumper(yaml.SafeDumper):
    """Multi-line text (the Markdown summaries) as literal blocks, the way authors write it."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(str, _text)


def _dump(path: Path, documents: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump_all(documents, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(text, encoding="utf-8")


def write_handbook(root: Path, journeys: int, seed: int = 0) -> None:
    """Write a handbook of ``journeys`` journeys below ``root`` (the same seed writes the same bytes)."""
    writer = Writer(seed)
    _dump(root / "departments.yml", writer.departments())
    _dump(root / "metrics.yml", METRICS)
    personas = [writer.persona(i) for i in range(max(1, journeys // 5))]
    processes = [writer.process(n) for n in range(max(1, journeys // 5))]
    persona_ids = [p["id"] for p in personas]
    journey_documents = [writer.journey(n, persona_ids, processes) for n in range(journeys)]
    if journey_documents:
        writer.link_steps(processes, journey_documents)
    for persona in personas:
        _dump(root / "personas" / f"{persona['id']}.yml", [persona])
    for process in processes:
        _dump(root / "processes" / f"{process['id']}.yml", [process])
    for journey in journey_documents:
        path = root / "journeys" / f"{journey['id']}.yml"
        _dump(path, [journey])
        if f"\ntitle: {journey['title']}\n" not in path.read_text(encoding="utf-8"):
            raise AssertionError(f"{path}: the title is not a plain `title: ` line")


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or not all(a.isdigit() for a in argv[1:]):
        print("usage: python benchmarks/synthetic.py OUTDIR JOURNEYS [SEED]", file=sys.stderr)
        return 2
    write_handbook(Path(argv[0]), int(argv[1]), int(argv[2]) if len(argv) == 3 else 0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
