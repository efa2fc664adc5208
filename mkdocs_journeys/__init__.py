"""Turn a folder of YAML journeys, personas, process maps and departments into a journey handbook."""

from __future__ import annotations

__version__ = "0.1.0"
