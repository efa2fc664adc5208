"""Real databases for the data tests: a SQLite file, and the PostgreSQL server CI starts.

The PostgreSQL tests read the server's SQLAlchemy URL from ``JOURNEYS_TEST_POSTGRES`` (``.ci/run``
sets it after starting Debian's ``postgresql``). Without it they skip on a developer machine and
fail in CI, like the browser tests.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

POSTGRES = "JOURNEYS_TEST_POSTGRES"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES} is not set: .ci/run starts PostgreSQL and sets it")
        pytest.skip(f"{POSTGRES} is not set (a PostgreSQL server's SQLAlchemy URL)")
    return url


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def sqlite_table(path: Path, table: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A SQLite file holding one table of text columns; its SQLAlchemy URL."""
    import sqlite3

    connection = sqlite3.connect(path)
    columns = ", ".join(f'"{name}" TEXT' for name in header)
    connection.execute(f'CREATE TABLE "{table}" ({columns})')
    connection.executemany(f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in header)})',
                           [[None if v is None else str(v) for v in row] for row in rows])
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


@contextmanager
def postgres_table(header: Sequence[str], types: Sequence[str], rows: Sequence[Sequence[object]]) -> Iterator[str]:
    """A fresh table on the PostgreSQL server (dropped afterwards); yields its name."""
    import sqlalchemy as sa

    engine = sa.create_engine(postgres_url())
    table = f"events_{uuid.uuid4().hex[:10]}"
    columns = ", ".join(f'"{n}" {t}' for n, t in zip(header, types, strict=True))
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE TABLE "{table}" ({columns})'))
        placeholders = ", ".join(f":c{i}" for i in range(len(header)))
        for row in rows:
            connection.execute(sa.text(f'INSERT INTO "{table}" VALUES ({placeholders})'),
                               {f"c{i}": v for i, v in enumerate(row)})
    try:
        yield table
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP TABLE "{table}"'))
        engine.dispose()
