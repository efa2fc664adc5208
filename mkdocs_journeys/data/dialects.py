"""The few SQL expressions that differ between the engines a dataset may live in.

Every aggregation is one SQL text run where the data is (DuckDB for files; the organisation's own
database through SQLAlchemy), so that only aggregates travel. What differs between engines is small:
how text becomes a timestamp, how a timestamp becomes seconds, how identifiers are quoted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    name: str

    def quote(self, identifier: str) -> str:
        """An identifier as the engine reads it, whatever characters the source's column name holds."""
        quote = "`" if self.name == "mysql" else '"'
        return quote + identifier.replace(quote, quote * 2) + quote

    def timestamp(self, column: str, typed: bool) -> str:
        """The column as a timestamp; NULL where the text is not one (where the engine allows it)."""
        if self.name == "duckdb":
            # trim() keeps DuckDB from pushing a strict cast into its CSV reader, where a bad value
            # would fail the whole query instead of giving NULL.
            return column if typed else f"TRY_CAST(trim(CAST({column} AS VARCHAR)) AS TIMESTAMPTZ)"
        if self.name == "sqlite":
            return column  # stored as ISO text; julianday() reads it, offsets included
        return column if typed else f"CAST({column} AS TIMESTAMP WITH TIME ZONE)"

    def epoch(self, timestamp: str) -> str:
        """Seconds since 1970 of a timestamp expression, as a floating-point number."""
        if self.name == "duckdb":
            return f"epoch({timestamp})"
        if self.name == "sqlite":
            return f"((julianday({timestamp}) - 2440587.5) * 86400.0)"
        if self.name == "mysql":
            return f"UNIX_TIMESTAMP({timestamp})"
        return f"EXTRACT(EPOCH FROM {timestamp})"

    def text(self, column: str) -> str:
        """The column as text: ids and activities compare as written, whatever type the source gave them."""
        kind = "CHAR" if self.name == "mysql" else "TEXT" if self.name == "sqlite" else "VARCHAR"
        return f"CAST({column} AS {kind})"


def dialect_named(name: str) -> Dialect:
    """SQLAlchemy's dialect names (``postgresql``, ``sqlite``, ``duckdb``, ``mysql``...) map onto these."""
    return Dialect("postgresql" if name in ("postgres", "postgresql", "redshift") else name)
