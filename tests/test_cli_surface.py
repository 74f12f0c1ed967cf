"""Issue 14 items 13, 14, 15, 17, 18 and 22 on the command line: one-line usage errors, the same
checks as the API, one CSV schema, version and help, tables that fit, the test summary line."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, run_cli
from store_docs import corpus


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    from polybius.store import open_store

    db = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    with open_store(db) as s:
        s.add_many(corpus())
    return str(db)


def _one_line_usage_error(r, *words):
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for w in words:
        assert w in err, (w, err)


# -- item 13: bad arguments -------------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["events", "--limit", "-1"], ["--limit"]),
    (["events", "--limit", "x"], ["--limit"]),
    (["events", "--offset", "-5"], ["--offset"]),
    (["events", "--from", "yesterday"], ["YYYY-MM-DD"]),
    (["events", "--format", "xml"], ["--format"]),
    (["network", "--top", "0"], ["--top"]),
    (["serve", "--log-level", "loud"], ["--log-level"]),
    (["events", "--no-such-option"], ["--no-such-option"]),
])
def test_bad_arguments_are_one_line_and_exit_2(cli_db, args, words):
    _one_line_usage_error(run_cli(*args, "--db", cli_db), *words)


def test_plots_and_graphs_into_a_missing_folder_are_refused(cli_db, tmp_path):
    missing = tmp_path / "no" / "such"
    _one_line_usage_error(run_cli("dyad", "USA", "IRQ", "--db", cli_db, "--plot", str(missing / "d.png")),
                          "--plot", "no such folder")
    _one_line_usage_error(run_cli("network", "--db", cli_db, "-o", str(missing / "n.gexf")), "--output")
    assert not missing.exists()


# -- item 14: --root as the API checks it -----------------------------------------------------

@pytest.mark.parametrize("bad", ["99", "abc", "1", "00", "21"])
def test_root_is_checked_as_the_api_checks_it(cli_db, bad):
    _one_line_usage_error(run_cli("events", "--db", cli_db, "--root", bad), "--root", "01 to 20")


def test_cameo_is_checked_as_the_api_checks_it(cli_db):
    _one_line_usage_error(run_cli("events", "--db", cli_db, "--cameo", "19x"), "--cameo")
    assert run_cli("events", "--db", cli_db, "--cameo", "19", "-f", "json").returncode == 0


# -- item 15: one CSV schema ------------------------------------------------------------------

@pytest.mark.parametrize("folded", [False, True])
def test_events_csv_has_one_schema_with_or_without_rows(cli_db, folded):
    extra = ["--folded"] if folded else []
    full = run_cli("events", "--db", cli_db, "--actor", "USA*", "-f", "csv", *extra)
    empty = run_cli("events", "--db", cli_db, "--actor", "NOBODY", "-f", "csv", *extra)
    assert full.returncode == 0 and empty.returncode == 0
    full_rows = list(csv.reader(io.StringIO(full.stdout.decode())))
    empty_rows = list(csv.reader(io.StringIO(empty.stdout.decode())))
    assert len(full_rows) > 1 and len(empty_rows) == 1
    assert full_rows[0] == empty_rows[0]
    # ... and it is every field of a row (the JSON Lines keys), in the same order.
    first = json.loads(run_cli("events", "--db", cli_db, "--actor", "USA*", "-f", "json", *extra).stdout.decode().splitlines()[0])
    assert full_rows[0] == list(first)


# -- item 17: version and help ----------------------------------------------------------------

def test_version():
    from polybius import __version__

    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.decode().strip() == f"polybius {__version__}"


COMMANDS = ["code", "show", "ingest", "events", "dyad", "network", "stances", "export", "watch", "serve", "api-key"]


@pytest.mark.parametrize("command", [None] + COMMANDS)
def test_help_has_no_type_placeholders(command):
    r = run_cli(*([command] if command else []), "--help")
    out = r.stdout.decode()
    assert r.returncode == 0 and "Usage:" in out
    assert not re.search(r"<(bool|str|int|float|list\[[a-z]+\])>", out), out


@pytest.mark.parametrize("command, option, words", [
    ("events", "--from", "on or after"), ("events", "--to", "on or before"), ("events", "--outlet", "Only events from this outlet"),
    ("events", "--limit", "Rows to show"), ("events", "--offset", "Rows to skip"), ("dyad", "--from", "on or after"),
    ("network", "--to", "on or before"), ("export", "--from", "on or after"), ("serve", "--port", "TCP port"),
    ("serve", "--log-level", "critical, error, warning"),
])
def test_options_have_help_on_their_line(command, option, words):
    out = run_cli(command, "--help").stdout.decode()
    line = next(l for l in out.splitlines() if re.search(rf"{option}\b", l))
    assert words in line, line


def test_help_in_a_pipe_is_not_cut_at_80_columns():
    out = run_cli("events", "--help").stdout.decode()
    assert "DuckDB file or postgresql:// URL (default: setting db, $POLYBIUS_DB, polybius.duckdb)." in out
    assert max(len(l) for l in out.splitlines()) > 80


# -- item 18: tables --------------------------------------------------------------------------

def _terminal(width=80):
    from rich.console import Console

    buf = io.StringIO()
    return buf, Console(file=buf, force_terminal=True, width=width, highlight=False, color_system=None)


def test_event_table_fits_80_columns_and_keeps_dates_and_codes_whole(cli_db):
    from polybius.cli.store import EVENT_DROP, EVENT_TABLE
    from polybius.cli.tables import cell, print_table
    from polybius.store import EventFilter, open_store

    with open_store(cli_db, read_only=True) as s:
        rows = s.events(EventFilter(limit=100))
    buf, console = _terminal(80)
    print_table([[cell(r.get(c), c) for c in EVENT_TABLE] for r in rows], EVENT_TABLE, "events", console, EVENT_DROP)
    out = buf.getvalue()
    assert max(len(l) for l in out.splitlines()) <= 80
    for r in rows:  # every date and code is on the page whole
        assert str(r["date"]) in out and r["cameo"] in out
        for code in (r["source_code"], r["target_code"]):
            assert code is None or code in out
    assert "…" not in out and "target name" in out and "left out for width:" in out
    left_out = out[out.index("left out for width:"):]
    assert "doc_id" in left_out and "event_id" in left_out


def test_show_at_80_columns_keeps_dates_codes_and_scores_whole(code_text):
    from polybius.cli.code import render

    doc = code_text("Border talks resume\n\nArmenia and Azerbaijan agreed on Monday to resume talks on the border. "
                    "The Armenian prime minister accused Azerbaijan of shelling a village.", published=dt.date(2024, 3, 18))
    buf, console = _terminal(80)
    render(doc, console)
    out = buf.getvalue()
    assert doc.events and max(len(l) for l in out.splitlines()) <= 80
    for e in doc.events:
        assert e.cameo in out and (e.date is None or e.date.start in out) and f"{e.goldstein:+.1f}" in out


def test_piped_tables_are_plain_text(cli_db):
    r = run_cli("events", "--db", cli_db)
    out = r.stdout.decode()
    assert r.returncode == 0 and "date" in out.splitlines()[1] and "attacked" in out
    assert not re.search("[\u2500-\u257f]", out) and "\x1b[" not in out  # no box drawing, no colour


def test_piped_show_is_plain_text():
    r = run_cli("show", str(ROOT / "samples" / "corpus" / "border-talks.txt"))
    out = r.stdout.decode()
    assert r.returncode == 0 and "Armenia and Azerbaijan agree to resume border talks" in out and "cameo" in out
    assert not re.search("[\u2500-\u257f]", out) and "\x1b[" not in out


def test_pagerank_is_printed_as_a_share_without_a_sign(cli_db):
    from polybius.cli.tables import cell

    assert cell(0.0213, "pagerank") == "0.0213" and cell(-4.5, "goldstein") == "-4.5" and cell(2.0, "goldstein_mean") == "+2.00"
    out = run_cli("network", "--db", cli_db).stdout.decode()
    line = next(l for l in out.splitlines() if l.startswith("IRQ"))
    assert "+0." not in line and re.search(r"\b0\.\d+\b", line)


# -- item 22: the README's test command prints a summary ----------------------------------------

def test_pytest_prints_a_summary_line():
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_cli_options.py"],
                       cwd=ROOT, capture_output=True, timeout=300)
    assert r.returncode == 0, r.stdout.decode()
    assert re.search(r"^\d+ passed", r.stdout.decode(), re.M), r.stdout.decode()
