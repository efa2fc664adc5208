"""Where a dataset's rows are: a file read by DuckDB, or a query run on the organisation's database.

Either way a source is a relation that SQL can be run against (``FROM <relation>``), so the
aggregation happens in the engine and only its results reach Python. Secrets stay out of every
message: a database URL is never shown, and its password is masked in what the database says.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Dataset
from .dialects import Dialect, dialect_named

# The name of the rows as read, before any check; the tables built on it are named alike, so that
# none clashes with a table of the organisation's own query.
RAW = "journeys_raw"
MEMORY_LIMIT = "512MB"  # DuckDB's own memory for one data file


class DataError(Exception):
    """A dataset that cannot be read: the message for the author, and the field of the definition it concerns."""

    def __init__(self, message: str, field: str = "type", line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.line = line  # the data file's line the problem is on, when the engine says so


class Source:
    """A relation to run SQL against; subclasses say where it lives."""

    dialect: Dialect
    lines: bool = False  # whether ``_line`` (the row's line in the file) can be selected

    def relation(self) -> str:
        raise NotImplementedError

    def run(self, sql: str) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def columns(self) -> dict[str, str]:
        """The source's columns and their types (as the engine names them), in order."""
        raise NotImplementedError

    def prepare(self, tables: dict[str, str], *, raw: str) -> str:
        """Make ``raw`` and the named tables (each a SELECT over the ones before) available to later
        queries; the text to put before each query (a ``WITH`` clause, or nothing)."""
        ctes = ", ".join(f"{name} AS ({sql})" for name, sql in {RAW: raw, **tables}.items())
        return f"WITH {ctes} "

    def close(self) -> None:
        """Release the connection."""


# A ragged CSV file (rows of fewer values than the header) is read with null_padding: its short rows
# get NULLs (reported as rows without their values), where DuckDB's sniffer would otherwise take the
# file for one of another dialect and read nonsense columns. Only then: padding reads no quoted line break.
_PADDED = "read_csv({path}, header = true, all_varchar = true, null_padding = true)"
_READERS = {".csv": "read_csv({path}, header = true, all_varchar = true)",
            ".parquet": "read_parquet({path})",
            ".json": "read_json_auto({path})", ".jsonl": "read_json_auto({path}, format = 'newline_delimited')",
            ".ndjson": "read_json_auto({path}, format = 'newline_delimited')"}


class FileSource(Source):
    """A file inside the handbook folder, read by an in-process DuckDB."""

    def __init__(self, path: Path, shown: str | None = None) -> None:
        """``shown``: the file as the author wrote it (relative to the handbook folder), for messages."""
        try:
            import duckdb
        except ImportError as exc:
            raise DataError("reading data files needs DuckDB: install the package's data extra "
                            "(pip install -e '.[data]' in its folder)", "file") from exc

        self.path = path
        self.shown = shown or path.name
        if path.stat().st_size == 0:
            raise DataError(f"the data file '{self.shown}' is empty (a CSV file needs at least its "
                            "header row, naming the columns)", "file")
        self.dialect = dialect_named("duckdb")
        self.lines = path.suffix.lower() == ".csv"
        self._connection = duckdb.connect(":memory:")
        self._connection.execute("SET TimeZone = 'UTC'")
        # Bounded memory: past the limit DuckDB spills to a private temporary folder, so that a log of
        # ten million events is aggregated in well under 1 GiB. Row order matters only for CSV lines.
        self._spill = tempfile.mkdtemp(prefix="journeys-data-")
        self._connection.execute("SET temp_directory = '" + self._spill.replace("'", "''") + "'")
        self._connection.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        self._connection.execute("SET enable_progress_bar = false")  # no bars drawn into the build's log
        if not self.lines:
            self._connection.execute("SET preserve_insertion_order = false")
        literal = "'" + str(path).replace("'", "''") + "'"
        reader = _READERS[path.suffix.lower()].format(path=literal)
        if self.lines:
            try:
                reader = self._csv_reader(reader, _PADDED.format(path=literal))
            except BaseException:
                self.close()  # the temporary folder too
                raise
        # Row numbers in file order (DuckDB keeps insertion order): the header is line 1.
        self._relation = f"(SELECT *, ROW_NUMBER() OVER () + 1 AS _line FROM {reader})" if self.lines else reader
        self.unnumbered = f"{reader} AS src"  # the rows without their lines: read in parallel, in any order

    def _csv_reader(self, plain: str, padded: str) -> str:
        """The padded reader when the two sniff different columns (a ragged file), else the plain one:
        a sniff reads a sample only, so this costs no pass over the file."""
        import duckdb

        try:
            padded_columns = self._connection.execute(f"DESCRIBE SELECT * FROM {padded}").fetchall()
            plain_columns = self._connection.execute(f"DESCRIBE SELECT * FROM {plain}").fetchall()
        except duckdb.Error:
            return plain  # its error is reported when the rows are read
        return plain if [c[0] for c in plain_columns] == [c[0] for c in padded_columns] else padded

    def relation(self) -> str:
        return f"{self._relation} AS src"

    def run(self, sql: str) -> list[tuple[Any, ...]]:
        import duckdb

        try:
            return self._connection.execute(sql).fetchall()
        except duckdb.Error as exc:
            raise self._error(str(exc)) from exc

    def _error(self, message: str) -> DataError:
        """DuckDB's words in one line, with the file as the author wrote it (never the machine's path)."""
        line = re.search(r"CSV Error on Line: (\d+)", message)
        number = int(line[1]) if line and self.lines else None
        if "utf-8" in message.lower() and ("unicode" in message.lower() or "encod" in message.lower()):
            return DataError(f"the data file '{self.shown}' is not UTF-8 text: save it as UTF-8", "file", number)
        text = first_line(message.replace(str(self.path), self.shown))
        if number is not None:
            text = _csv_reason(message)
        return DataError(f"cannot read '{self.shown}': {text}", "file", number)

    def columns(self) -> dict[str, str]:
        rows = self.run(f"DESCRIBE SELECT * FROM {self.relation()}")
        return {str(row[0]): str(row[1]) for row in rows if row[0] != "_line"}

    def prepare(self, tables: dict[str, str], *, raw: str) -> str:
        """The file is read once: ``raw`` stays a view, the tables built on it are kept in memory."""
        self.run(f"CREATE OR REPLACE TEMP VIEW {RAW} AS {raw}")
        for name, sql in tables.items():
            self.run(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")
        return ""

    def close(self) -> None:
        self._connection.close()
        shutil.rmtree(self._spill, ignore_errors=True)


class DatabaseSource(Source):
    """A query run on a database through SQLAlchemy; aggregates are pushed down to it."""

    def __init__(self, variable: str, query: str) -> None:
        url = os.environ.get(variable)
        if not url:
            raise DataError(f"the environment variable {variable} is not set: it holds the database URL of this "
                            "dataset", "connection")
        try:
            from sqlalchemy import create_engine
            from sqlalchemy.engine import make_url
            from sqlalchemy.exc import ArgumentError, NoSuchModuleError
        except ImportError as exc:
            raise DataError("reading a database needs SQLAlchemy: install the package's data extra "
                            "(pip install -e '.[data]' in its folder)", "connection") from exc
        try:
            parsed = make_url(url)
            self._secrets = [s for s in (parsed.password, url) if s]
            self._engine = create_engine(parsed)
        except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as exc:
            scheme = url.partition("://")[0] if "://" in url else ""
            named = f" ('{scheme}')" if re.fullmatch(r"[A-Za-z0-9_.+-]{1,40}", scheme) else ""
            raise DataError(f"the URL in {variable} is not a database URL this installation can use{named}: "
                            "check its scheme, and install the database's SQLAlchemy driver", "connection") from exc
        self.variable = variable
        self.dialect = dialect_named(self._engine.dialect.name)
        self._query = query.strip().rstrip(";").strip()
        self._connection: Any = None

    def _connect(self) -> Any:
        if self._connection is None:
            try:
                self._connection = self._engine.connect()
            except Exception as exc:  # any driver's error: reported, never a traceback
                raise DataError(f"cannot connect to the database in {self.variable}: {self._mask(exc)}",
                                "connection") from exc
        return self._connection

    def relation(self) -> str:
        return f"({self._query}) AS src"

    def run(self, sql: str) -> list[tuple[Any, ...]]:
        from sqlalchemy import text

        connection = self._connect()
        try:
            return [tuple(row) for row in connection.execute(text(sql)).fetchall()]
        except Exception as exc:
            connection.rollback()
            raise DataError(f"the database refused the query: {self._mask(exc)}", "query") from exc

    def columns(self) -> dict[str, str]:
        from sqlalchemy import text

        connection = self._connect()
        try:
            result = connection.execute(text(f"SELECT * FROM {self.relation()} WHERE 1 = 0"))
            names = result.keys()  # a result's column names (not a mapping)
            return {str(name): "" for name in names}
        except Exception as exc:
            connection.rollback()
            raise DataError(f"the database refused the query: {self._mask(exc)}", "query") from exc

    def _mask(self, exc: BaseException) -> str:
        """The database's own words, first line only, with anything secret masked."""
        message = first_line(str(getattr(exc, "orig", None) or exc))
        for secret in self._secrets:
            message = message.replace(secret, "***")
        return masked(message)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._engine.dispose()


def _csv_reason(message: str) -> str:
    """What is wrong with a CSV row, from DuckDB's several lines about it."""
    counts = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", message)
    if counts:
        return f"the row has {counts[2]} values where the header names {counts[1]} columns"
    if "unterminated quote" in message.lower():
        return "a quoted value is not closed"
    return "not a CSV row"


def first_line(text: str) -> str:
    return " ".join(text.strip().splitlines()[:1]).strip() or "unknown error"


def masked(text: str) -> str:
    """Any URL's password in ``text`` replaced by ``***`` (for messages of unknown origin)."""
    return re.sub(r"://([^:/@\s]+):[^@\s]+@", r"://\1:***@", text)


def open_source(dataset: Dataset, root: Path) -> Source:
    """The dataset's source, after checking that a file lies inside the handbook folder."""
    if dataset.data_file is not None:
        return FileSource(data_file(dataset.data_file, root), dataset.data_file)
    assert dataset.connection is not None and dataset.query is not None
    return DatabaseSource(dataset.connection, dataset.query)


def data_file(relative: str, root: Path) -> Path:
    """A dataset's file, refused when it is missing or leads out of the handbook folder (a link)."""
    path = root / relative
    base = root.resolve()
    try:
        resolved = path.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError, RuntimeError) as exc:
        raise DataError(f"the data file '{relative}' does not exist in the handbook folder", "file") from exc
    except OSError as exc:  # no permission to look, a link loop...
        raise DataError(f"the data file '{relative}' cannot be opened ({exc.strerror or type(exc).__name__})",
                        "file") from exc
    if not resolved.is_relative_to(base):
        raise DataError(f"'{relative}' leads out of the handbook folder (a link): it is not read", "file")
    if not resolved.is_file():
        raise DataError(f"'{relative}' is not a file", "file")
    return resolved


def required(dataset: Dataset, available: Sequence[str], names: Sequence[str],
             fallbacks: dict[str, str] | None = None) -> dict[str, str]:
    """The source column for each of ``names``: renamed by ``columns``, else the name, else its fallback."""
    found: dict[str, str] = {}
    missing: list[str] = []
    for name in names:
        wanted = dataset.column(name)
        if wanted in available:
            found[name] = wanted
        elif name not in dataset.columns and fallbacks and fallbacks.get(name) in available:
            found[name] = fallbacks[name]
        else:
            missing.append(wanted if wanted == name else f"{wanted} (for {name})")
    if missing:
        has = ", ".join(available) or "none"
        raise DataError(f"the dataset '{dataset.id}' has no column {', '.join(missing)} (its columns: {has})",
                        "columns" if dataset.columns else "type")
    return found
