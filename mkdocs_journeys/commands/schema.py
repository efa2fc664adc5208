"""``schema``: the handbook format's JSON Schema, for editors' completion and validation."""

from __future__ import annotations

import argparse
import json

from ..schema import handbook_schema
from .options import EXIT_OK


def run(args: argparse.Namespace) -> int:
    print(json.dumps(handbook_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
