"""Analysis over the store: dyad frames and PNG timeline, graph files, stance matrix; the CLI."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from conftest import run_cli
from store_docs import corpus
from store_fixtures import filled, store, store_url  # noqa: F401

from polybius.analysis import dyad_frame, plot_dyad, stance_matrix, top_actors, write_graph


def test_dyad_frame_and_png(filled, tmp_path):
    rows = filled.dyad_timeline("USA", "IRQ", by="day")
    frame = dyad_frame(rows)
    assert list(frame["events"]) == [3] and frame.loc[0, "goldstein_mean"] == -5.0
    png = tmp_path / "dyad.png"
    plot_dyad(rows, "USA", "IRQ", png, by="day")
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
    plot_dyad([], "USA", "XYZ", tmp_path / "empty.png")  # an empty dyad still plots
    assert (tmp_path / "empty.png").stat().st_size > 1000


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json"])
def test_graph_files_round_trip(filled, tmp_path, ext):
    g = filled.network()
    path = tmp_path / f"net.{ext}"
    write_graph(g, path)
    if ext == "graphml":
        back = nx.read_graphml(path)
    elif ext == "gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text()), edges="links")
    assert set(back.nodes) == set(g.nodes) and set(back.edges) == set(g.edges)
    assert int(back["USA"]["IRQ"]["weight"]) == 3
    with pytest.raises(ValueError):
        write_graph(g, tmp_path / "net.xyz")


def test_top_actors(filled):
    top = top_actors(filled.network(), 3)
    assert top[0]["actor"] == "IRQ" and top[0]["degree"] == 6 and (top[0]["in"], top[0]["out"]) == (4, 2)


def test_stance_matrix(filled):
    m = stance_matrix(filled.stances())
    assert m.loc["US troops should stay in Iraq", "USAGOV"] == 1


@pytest.fixture
def cli_db(tmp_path):
    from polybius.store import open_store

    db = tmp_path / "cli.duckdb"
    with open_store(db) as s:
        s.add_many(corpus())
    return str(db)


def test_cli_events(cli_db):
    r = run_cli("events", "--db", cli_db, "--actor", "USA*", "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    rows = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert len(rows) == 6 and all("USA" in (x["source_code"] or "") + (x["target_code"] or "") for x in rows)
    r = run_cli("events", "--db", cli_db, "--dyad", "USA,IRQ", "--folded", "--format", "csv")
    lines = r.stdout.decode().splitlines()
    assert r.returncode == 0 and len(lines) == 2 and "num_articles" in lines[0]
    r = run_cli("events", "--db", cli_db, "--text", "'; DROP TABLE events; --")
    assert r.returncode == 0 and "0 of 0 events" in r.stdout.decode()
    r = run_cli("events", "--db", cli_db, "--root", "19")
    assert r.returncode == 0 and "attacked" in r.stdout.decode()


def test_cli_dyad_with_plot(cli_db, tmp_path):
    png = tmp_path / "d.png"
    r = run_cli("dyad", "USA", "IRQ", "--db", cli_db, "--by", "month", "--plot", str(png), "--format", "csv")
    assert r.returncode == 0, r.stderr.decode()
    lines = r.stdout.decode().splitlines()
    assert lines[0].startswith("period,events") and lines[1].startswith("2024-03-01,3,1,3")
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert run_cli("dyad", "USA", "IRQ", "--db", cli_db, "--by", "fortnight").returncode == 2


def test_cli_network_and_stances(cli_db, tmp_path):
    out = tmp_path / "n.gexf"
    r = run_cli("network", "--db", cli_db, "-o", str(out))
    assert r.returncode == 0 and out.exists() and "IRQ" in r.stdout.decode()
    r = run_cli("stances", "--db", cli_db, "--proposition", "troops", "--format", "json")
    rows = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert r.returncode == 0 and rows[0]["holder"] == "USAGOV" and rows[0]["evidence"][0]["text"]


def test_cli_export(cli_db, tmp_path):
    r = run_cli("export", "-", "--format", "gdelt", "--db", cli_db)
    assert r.returncode == 0 and len(r.stdout.decode().splitlines()) == 6
    r = run_cli("export", str(tmp_path / "tables"), "--format", "parquet", "--db", cli_db)
    assert r.returncode == 0 and (tmp_path / "tables" / "events.parquet").exists()
    r = run_cli("export", str(tmp_path / "p.jsonl"), "--format", "plover", "--db", cli_db)
    assert r.returncode == 0 and len((tmp_path / "p.jsonl").read_text().splitlines()) == 9


def test_cli_reports_a_corrupt_database(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\x00garbage" * 1000)
    r = run_cli("events", "--db", str(bad))
    assert r.returncode == 2 and "not a readable DuckDB file" in r.stderr.decode()
    r = run_cli("ingest", str(tmp_path), "--db", str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr.decode()
