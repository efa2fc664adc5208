"""Bad data never breaks the build: each problem is one clear line, at the data file's row or the
dataset's definition, once per kind with a count; secrets never appear; the rest still builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_journeys.data.measure import measured_handbook
from mkdocs_journeys.problems import Problem

from .data_engines import postgres_url, sqlite_table
from .data_handbook import events, handbook, observations, query
from .sites import build, make_site

HEADER = "at,metric,period,value\n"


def problems(source: Path) -> list[tuple[str, str]]:
    """Each problem as ``(file:line:column, message with its hint)``, relative to the handbook folder."""
    handbook_, _ = measured_handbook(source)
    return [(p.location.display(source), p.full_message()) for p in handbook_.problems]


def only(source: Path) -> tuple[str, str]:
    found = problems(source)
    assert len(found) == 1, found
    return found[0]


def test_a_missing_file_is_named_at_the_definition(tmp_path: Path) -> None:
    source = handbook(tmp_path, datasets=observations("data/none.csv"))
    assert only(source) == ("datasets.yml:4:7", "dataset 'obs': the data file 'data/none.csv' does not exist in "
                                                "the handbook folder")


def test_a_link_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text(HEADER + "buy,nps,2026-Q1,50\n", encoding="utf-8")
    source = handbook(tmp_path, datasets=observations("data/obs.csv"))
    (source / "data").mkdir()
    os.symlink(outside, source / "data" / "obs.csv")
    where, message = only(source)
    assert where == "datasets.yml:4:7"
    assert "leads out of the handbook folder" in message
    assert measured_handbook(source)[0].journeys["buy"].metrics["nps"].actual is None


def test_a_missing_column_names_the_dataset_and_the_columns_the_file_has(tmp_path: Path) -> None:
    source = handbook(tmp_path, datasets=observations(), files={"data/obs.csv": "at,metric,value\nbuy,nps,3\n"})
    assert only(source) == ("datasets.yml:3:7",
                            "the dataset 'obs' has no column period (its columns: at, metric, value)")


@pytest.mark.parametrize(("content", "where", "message"), [
    ("", "datasets.yml:4:7", "dataset 'obs': the data file 'data/obs.csv' is empty (a CSV file needs at least its "
                             "header row, naming the columns)"),
    (HEADER + "buy,nps,2026-Q1,40\nbuy,nps,2026-Q2\n", "data/obs.csv:3:1",
     "dataset 'obs': a row without `at`, `metric`, `period` or `value` (the row is left out)"),
    ("at,metric,period,value,source\nbuy,nps,2026-Q1,40,caf\xe9\n".encode("latin-1"), "data/obs.csv:2:1",
     "dataset 'obs': the data file 'data/obs.csv' is not UTF-8 text: save it as UTF-8"),
], ids=["empty", "ragged", "not-utf8"])
def test_broken_csv_files(tmp_path: Path, content: str | bytes, where: str, message: str) -> None:
    source = handbook(tmp_path, datasets=observations(), files={"data/obs.csv": content})
    assert only(source) == (where, message)


def test_a_ragged_row_after_the_sniffed_sample_is_named_at_its_line(tmp_path: Path) -> None:
    rows = "".join(f"buy,volume,2026-{i:05d},40\n" for i in range(30000))
    source = handbook(tmp_path, datasets=observations(), files={"data/obs.csv": HEADER + rows + "buy,nps,2027\n"})
    assert only(source) == ("data/obs.csv:30002:1", "dataset 'obs': cannot read 'data/obs.csv': the row has 3 values "
                                                    "where the header names 4 columns")


def test_a_quoted_line_break_is_read(tmp_path: Path) -> None:
    content = HEADER + 'buy,nps,2026-Q1,40\n"buy\n",nps,2026-Q2,41\n'
    source = handbook(tmp_path, datasets=observations(), files={"data/obs.csv": content})
    handbook_, _ = measured_handbook(source)
    assert handbook_.problems == []
    assert handbook_.journeys["buy"].metrics["nps"].actual == 41


def test_a_header_only_file_is_no_data_and_no_error(tmp_path: Path) -> None:
    source = handbook(tmp_path, datasets=observations() + "---\n" + events(),
                      files={"data/obs.csv": HEADER, "data/events.csv": "case,activity,timestamp\n"})
    handbook_, measurements = measured_handbook(source)
    assert handbook_.problems == []
    assert measurements.journeys["buy"].cases == 0


@pytest.mark.parametrize(("file", "content", "expected"), [
    ("data/obs.json", "this is not JSON", "cannot read 'data/obs.json': Invalid Input Error: Malformed JSON"),
    ("data/obs.jsonl", '{"at": "buy"}\nnot json\n', "cannot read 'data/obs.jsonl': Invalid Input Error: Malformed"),
    ("data/obs.parquet", b"PAR1 not really parquet PAR1", "cannot read 'data/obs.parquet': "),
])
def test_files_that_are_not_what_their_name_says(tmp_path: Path, file: str, content: str | bytes,
                                                  expected: str) -> None:
    source = handbook(tmp_path, datasets=observations(file), files={file: content})
    where, message = only(source)
    assert where == "datasets.yml:4:7"
    assert message.startswith(f"dataset 'obs': {expected}")
    assert str(tmp_path) not in message and "\n" not in message  # the author's path, never the machine's


def test_bad_rows_once_per_kind_with_a_count_at_the_first_row(tmp_path: Path) -> None:
    rows = ["buy,nps,2026-Q1,40", "buy,nps,2026-Q2,lots", "buy,nps,2026-Q3,-500", "byu,nps,2026-Q1,1",
            "byu,nps,2026-Q2,1", "buy/nowhere,nps,2026-Q1,1", "buy,npss,2026-Q1,1", "buy/call,csat,2026-Q1,4.5 points"]
    source = handbook(tmp_path, datasets=observations(), files={"data/obs.csv": HEADER + "\n".join(rows) + "\n"})
    assert problems(source) == [
        ("data/obs.csv:3:1", "dataset 'obs': Net Promoter Score: 'lots' is not a number (2 rows like this one are "
                             "left out)"),  # -500 is the other: one kind of problem per metric
        ("data/obs.csv:5:1", "dataset 'obs': unknown journey 'byu' in `at` (2 rows like this one are left out) "
                             "(did you mean 'buy'?)"),
        ("data/obs.csv:7:1", "dataset 'obs': the journey 'buy' has no stage or touchpoint 'nowhere' (the row is "
                             "left out)"),
        ("data/obs.csv:8:1", "dataset 'obs': unknown metric 'npss' (the row is left out) (did you mean 'nps'?)"),
        ("data/obs.csv:9:1", "dataset 'obs': Customer satisfaction: '4.5 points' is not a number (the row is left "
                             "out)"),
    ]
    assert measured_handbook(source)[0].journeys["buy"].metrics["nps"].actual == 40  # the good row is used


def test_an_unparseable_timestamp_is_counted_at_its_first_row(tmp_path: Path) -> None:
    log = "case,activity,timestamp\nc1,Compare prices,2026-01-01T09:00:00Z\nc1,Sign online,yesterday\n" \
          "c2,Compare prices,soon\nc2,Sign online,2026-01-02T09:00:00+01:00\n"
    source = handbook(tmp_path, datasets=events(), files={"data/events.csv": log})
    handbook_, measurements = measured_handbook(source)
    assert [(p.location.display(source), p.message) for p in handbook_.problems] == [
        ("data/events.csv:3:1", "dataset 'log': 2 rows with a timestamp that is not a date and time left out")]
    assert measurements.journeys["buy"].cases == 2


def test_a_missing_environment_variable_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOURNEYS_NOT_SET", raising=False)
    source = handbook(tmp_path, datasets=query("warehouse", "JOURNEYS_NOT_SET", "select 1"))
    assert only(source) == ("datasets.yml:4:13", "dataset 'warehouse': the environment variable JOURNEYS_NOT_SET "
                                                 "is not set: it holds the database URL of this dataset")


def test_an_unknown_driver_is_one_line_without_the_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYS_DB", "nosuchdb+nodriver://reader:hunter2-secret@db.example/prod")
    source = handbook(tmp_path, datasets=query("warehouse", "JOURNEYS_DB", "select 1"))
    where, message = only(source)
    assert where == "datasets.yml:4:13"
    assert "'nosuchdb+nodriver'" in message and "hunter2" not in message and "db.example" not in message


def test_a_failing_sqlite_query_quotes_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYS_DB", sqlite_table(tmp_path / "obs.sqlite", "obs", ["at"], [["buy"]]))
    source = handbook(tmp_path, datasets=query("warehouse", "JOURNEYS_DB", "select * from missing_table"))
    assert only(source) == ("datasets.yml:5:8", "dataset 'warehouse': the database refused the query: no such table: "
                                                "missing_table")


def _wrong_password(url: str) -> tuple[str, str]:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    password = "Wr0ng-" + (parsed.password or "x") + "-leak"
    return parsed.set(password=password).render_as_string(hide_password=False), password


def test_postgres_wrong_password_never_shows_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from mkdocs_journeys.cli import main

    url, password = _wrong_password(postgres_url())
    monkeypatch.setenv("JOURNEYS_DB", url)
    source = handbook(tmp_path, datasets=query("warehouse", "JOURNEYS_DB", "select 1"))
    where, message = only(source)
    assert where == "datasets.yml:4:13"
    assert message.startswith("dataset 'warehouse': cannot connect to the database in JOURNEYS_DB: ")
    assert "password authentication failed" in message
    for fmt in ("text", "github", "json"):
        assert main(["check", str(source), "--format", fmt]) == 1
        out = capsys.readouterr()
        assert password not in out.out + out.err and "JOURNEYS_DB" in out.out
    diff = main(["diff", str(source), str(source)])
    out = capsys.readouterr()
    assert diff == 0 and password not in out.out + out.err
    files = {p.relative_to(source).as_posix(): p.read_text(encoding="utf-8") for p in source.glob("*.yml")}
    result = build(make_site(tmp_path / "site", files))
    assert result.returncode == 0 and "password authentication failed" in result.log, result.log
    assert password not in result.log and "Traceback" not in result.log


def test_postgres_query_error_is_quoted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = postgres_url()
    monkeypatch.setenv("JOURNEYS_DB", url)
    source = handbook(tmp_path, datasets=query("log", "JOURNEYS_DB", "select * from no_such_events_table", "events"))
    where, message = only(source)
    assert where == "datasets.yml:5:8"
    assert message == 'dataset \'log\': the database refused the query: relation "no_such_events_table" does not exist'
    from sqlalchemy.engine import make_url

    secret = make_url(url).password
    assert not secret or secret not in message


def test_the_rest_of_the_handbook_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real ``mkdocs build``: every page is there, each data problem is one warning line, no
    traceback, no password; exit 0 (``--strict`` makes warnings fail, as for every problem)."""
    monkeypatch.setenv("JOURNEYS_DB", "postgresql+psycopg://reader:Sup3r-s3cret@127.0.0.1:1/none")
    defined = "\n---\n".join([observations("data/none.csv", "gone"), observations("data/obs.csv"),
                              query("warehouse", "JOURNEYS_DB", "select 1")])
    files = {"journey.yml": handbook(tmp_path / "h", datasets=defined).joinpath("journey.yml").read_text(),
             "datasets.yml": defined, "data/obs.csv": HEADER + "buy,nps,2026-Q1,fifty\nbuy,nps,2026-Q2,45\n"}
    root = make_site(tmp_path / "site", files)
    result = build(root)
    assert result.returncode == 0, result.log
    assert (result.site / "handbook" / "journeys" / "buy" / "index.html").is_file()
    data_lines = [w for w in result.warnings() if "dataset '" in w or "the database" in w]
    assert len(data_lines) == 3, result.log
    assert any("data/obs.csv:2:1" in w and "'fifty' is not a number" in w for w in data_lines)
    assert "Traceback" not in result.log and "Sup3r-s3cret" not in result.log
    assert "45" in result.html("handbook/journeys/buy/")
    assert build(root, strict=True).returncode == 1


def test_problems_are_problems_not_exceptions(tmp_path: Path) -> None:
    """Every broken file at once: one problem each, and nothing raised."""
    kinds = {"a.csv": "", "b.json": "{", "c.parquet": b"\x00" * 64, "d.jsonl": "[]\n1\n", "e.csv": "x\n\"unclosed\n"}
    defined = "\n---\n".join(observations(f"data/{name}", name.split(".")[0]) for name in kinds)
    source = handbook(tmp_path, datasets=defined, files={f"data/{n}": c for n, c in kinds.items()})
    found = measured_handbook(source)[0].problems
    assert all(isinstance(p, Problem) and p.code in ("bad-data", "two-sources") for p in found)
    assert {p.message.split("'")[1] for p in found} >= {"a", "b", "c", "d"}


def test_a_path_through_a_file_is_a_missing_file(tmp_path: Path) -> None:
    source = handbook(tmp_path, datasets=observations("data/obs.csv/more.csv"), files={"data/obs.csv": HEADER})
    assert only(source) == ("datasets.yml:4:7", "dataset 'obs': the data file 'data/obs.csv/more.csv' does not "
                                                "exist in the handbook folder")
