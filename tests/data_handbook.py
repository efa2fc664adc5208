"""A small handbook with datasets, written into a temporary folder for the data tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

JOURNEY = """\
kind: department
id: sales
name: Sales
---
kind: journey
id: buy
title: Buy a policy
owner: sales
metrics:
  nps: {target: 40}
stages:
  - id: explore
    name: Explore
    touchpoints:
      - {id: compare, name: Compare prices, emotion: 1}
      - {id: call, name: Call an adviser, emotion: -2}
  - id: sign
    name: Sign
    touchpoints:
      - {id: sign-online, name: Sign online, emotion: 2}
"""


def handbook(root: Path, *, journey: str = JOURNEY, datasets: str = "", files: dict[str, str | bytes] | None = None,
             data_settings: dict[str, object] | None = None) -> Path:
    """``root/journeys`` with the journey, the dataset definitions and the data files; with
    ``data_settings``, a ``mkdocs.yml`` beside it holding the plugin's ``data`` block."""
    source = root / "journeys"
    source.mkdir(parents=True, exist_ok=True)
    (source / "journey.yml").write_text(textwrap.dedent(journey), encoding="utf-8")
    if datasets:
        (source / "datasets.yml").write_text(textwrap.dedent(datasets), encoding="utf-8")
    for rel, content in (files or {}).items():
        path = source / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    if data_settings is not None:
        config = {"site_name": "Test", "plugins": [{"journeys": {"source": "journeys", "data": data_settings}}]}
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return source


def observations(file: str = "data/obs.csv", dataset_id: str = "obs") -> str:
    return f"kind: dataset\nid: {dataset_id}\ntype: observations\nfile: {file}\n"


def events(file: str = "data/events.csv", dataset_id: str = "log", *, journey: str | None = "buy",
           process: str | None = None) -> str:
    text = f"kind: dataset\nid: {dataset_id}\ntype: events\nfile: {file}\n"
    text += f"journey: {journey}\n" if journey else ""
    return text + (f"process: {process}\n" if process else "")


def query(dataset_id: str, variable: str, sql: str, kind: str = "observations") -> str:
    return f"kind: dataset\nid: {dataset_id}\ntype: {kind}\nconnection: {variable}\nquery: {sql}\n"
