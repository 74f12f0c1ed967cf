"""REST API reads: every route, its filters, pagination and errors, over hand-built documents."""
from __future__ import annotations

import warnings

import pytest

from api_memstore import MemoryStore
from web_docs import sample_documents

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client():
    from polybius.api import create_app
    from polybius.config import Settings

    store = MemoryStore()
    docs = sample_documents()
    for d in docs:
        store.add(d)
    app = create_app(store=store, settings=Settings(), pipeline=object())  # reads never touch the pipeline
    with TestClient(app) as c:
        c.docs = docs
        yield c


def test_documents_list_and_get(client):
    page = client.get("/documents").json()
    assert [d["title"] for d in page["items"]] == ["Paris and Berlin at odds over tariffs",
                                                   "Russian forces shell Ukrainian town",
                                                   "France and Germany sign energy pact"]
    assert page["next"] is None
    doc = client.docs[0]
    got = client.get(f"/documents/{doc.id}")
    assert got.status_code == 200
    body = got.json()
    assert body["schema"] == "polybius/1" and body["id"] == doc.id and body["text"] == doc.text
    assert body["events"][0]["trigger"] == {"start": doc.events[0].trigger.start, "end": doc.events[0].trigger.end}
    assert body["actors"][0]["mentions"][0]["start"] == doc.actors[0].mentions[0].start
    assert body == doc.to_dict()  # the contract, unchanged by the round trip
    assert client.get("/documents/sha256:000000").status_code == 404


def test_documents_pagination(client):
    first = client.get("/documents", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"] == "/documents?limit=2&offset=2"
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None
    assert {d["id"] for d in first["items"] + second["items"]} == {d.id for d in client.docs}


def test_events_filters(client):
    def triggers(**params):
        page = client.get("/events", params=params).json()
        return sorted(r["trigger"] for r in page["items"])

    assert triggers(actor="FRA*") == ["accused", "denounced", "met", "promised to meet", "signed"]
    assert triggers(actor="FRA") == ["accused", "denounced", "promised to meet", "signed"]
    assert triggers(source="RUS*") == ["shelled"]
    assert triggers(source="FRA", target="DEU") == ["signed"]
    assert triggers(root="11") == ["accused", "condemned", "denounced"]
    assert triggers(cameo="03") == ["pledged", "promised to meet"]
    assert triggers(quad_class=4) == ["shelled"]
    assert triggers(start="2024-03-13", end="2024-03-20") == ["accused", "condemned", "denounced", "pledged"]
    assert triggers(text="medical aid") == ["pledged"]
    assert triggers(outlet="Other Daily") == ["condemned", "denounced", "pledged", "shelled"]
    assert triggers(plover="ASSAULT") == ["shelled"]
    assert triggers(doc_id=client.docs[2].id) == ["accused", "promised to meet"]
    row = client.get("/events", params={"quad_class": 4}).json()["items"][0]
    for key in ("doc_id", "event_id", "date", "source_code", "target_code", "cameo", "root", "quad_class", "goldstein",
                "rule", "trigger_start", "trigger_end", "sentence", "place"):
        assert key in row
    assert row["place"] == "Kupiansk" and row["source_name"] == "Russian forces" and row["goldstein"] == -10.0


def test_events_pagination_walks_every_row(client):
    seen, url = [], "/events?limit=3"
    while url:
        page = client.get(url).json()
        assert page["total"] == 8 and len(page["items"]) <= 3
        seen += [(r["doc_id"], r["event_id"]) for r in page["items"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 8


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 5000}, {"offset": -1}, {"quad_class": 5}, {"root": "1"}, {"cameo": "abc"},
    {"start": "yesterday"}, {"start": "2024-03-20", "end": "2024-03-01"}, {"actor": "USA' OR 1=1 --"},
    {"source": "a" * 100}, {"text": "x" * 400},
])
def test_events_bad_parameters_are_refused_clearly(client, params):
    r = client.get("/events", params=params)
    assert r.status_code == 422
    assert r.json()["detail"]


@pytest.mark.parametrize("hostile", ["'; DROP TABLE events; --", "\" OR \"\"=\"", "%", "_", "\\", "Robert'); --"])
def test_hostile_strings_in_free_text_filters_match_nothing(client, hostile):
    for key in ("text", "outlet", "doc_id"):
        r = client.get("/events", params={key: hostile})
        assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/stances", params={"proposition": hostile}).json()["items"] == []
    assert client.get("/events").json()["total"] == 8  # nothing was dropped


def test_actors(client):
    items = client.get("/actors", params={"code": "DEU*"}).json()["items"]
    assert {a["code"] for a in items} == {"DEU", "DEUGOV"}
    deu = client.get("/actors/DEU").json()
    assert deu["code"] == "DEU" and deu["actors"][0]["names"] == ["Germany"]
    assert deu["events"]["total"] == 3
    assert sorted(r["trigger"] for r in deu["events"]["items"]) == ["accused", "pledged", "signed"]
    assert client.get("/actors/NOWHERE").status_code == 404
    assert client.get("/actors/bad%20code").status_code == 422


def test_dyad_timeline_and_events(client):
    t = client.get("/dyads/FRA*/DEU*/timeline", params={"by": "week"}).json()
    assert t["a"] == "FRA*" and t["by"] == "week"
    assert [(p["start"], p["end"]) for p in t["points"]] == [("2024-03-04", "2024-03-10"), ("2024-03-18", "2024-03-24"),
                                                              ("2024-03-25", "2024-03-31")]
    assert [(p["q1"], p["q3"]) for p in t["points"]] == [(2, 0), (0, 1), (1, 0)]
    assert t["points"][0]["goldstein_mean"] == pytest.approx(4.5)
    month = client.get("/dyads/FRA*/DEU*/timeline", params={"by": "month"}).json()["points"]
    assert len(month) == 1 and (month[0]["start"], month[0]["end"]) == ("2024-03-01", "2024-03-31")
    ev = client.get("/dyads/FRA*/DEU*/events", params={"start": "2024-03-18", "end": "2024-03-24"}).json()
    assert ev["total"] == 1 and ev["items"][0]["trigger"] == "accused"
    assert client.get("/dyads/FRA/DEU/timeline", params={"by": "fortnight"}).status_code == 422


def test_network(client):
    net = client.get("/network").json()
    nodes = {n["id"]: n for n in net["nodes"]}
    assert {"FRA", "DEU", "RUSMIL", "UKRGOV"} <= set(nodes)
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("RUSMIL", "UKRGOV"))
    assert edge["weight"] == 1 and edge["q4"] == 1
    late = client.get("/network", params={"start": "2024-03-18"}).json()
    assert {(e["source"], e["target"]) for e in late["edges"]} == {("DEU", "FRA"), ("FRA", "DEUGOV")}
    top = client.get("/network", params={"max_nodes": 2}).json()
    assert len(top["nodes"]) == 2 and all(e["source"] in {n["id"] for n in top["nodes"]} for e in top["edges"])


def test_stances(client):
    items = client.get("/stances", params={"proposition": "energy cooperation"}).json()["items"]
    assert {(s["holder"], s["polarity"]) for s in items} == {("DEUGOV", "support"), ("DEU", "oppose")}
    assert client.get("/stances", params={"holder": "DEU"}).json()["items"][0]["polarity"] == "oppose"


def test_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    for path in ("/documents", "/documents/{doc_id}", "/events", "/actors", "/actors/{code}",
                 "/dyads/{a}/{b}/timeline", "/network", "/stances"):
        assert path in spec["paths"], path
    post = spec["paths"]["/documents"]["post"]
    assert post["security"] == [{"APIKeyHeader": []}]
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"actor", "source", "target", "root", "cameo", "plover", "quad_class", "start", "end", "outlet", "text",
            "limit", "offset"} <= params
    assert all(op.get("description") for path in spec["paths"].values() for op in path.values())


def test_explorer_pages_and_headers(client):
    for path in ("/", "/ui/article", "/ui/network", "/ui/dyad", "/ui/search", "/ui/api"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "http://" not in r.text and "https://" not in r.text  # no CDN
    for asset in ("app.css", "common.js", "article.js", "network.js", "dyad.js", "search.js", "index.js", "apidoc.js"):
        r = client.get(f"/static/{asset}")
        assert r.status_code == 200, asset
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "document.write", "new Function"):
            assert sink not in r.text, (asset, sink)
    assert client.get("/health").json()["writes"] is False


def test_quotes(client):
    items = client.get("/quotes", params={"text": "stand together"}).json()["items"]
    assert len(items) == 1
    q = items[0]
    assert q["speaker_code"] == "DEUGOV" and q["text"].startswith("We will stand together")
    doc = client.docs[0]
    assert doc.text[q["start_char"]:q["end_char"]] == q["text"]
    assert client.get("/quotes", params={"speaker": "DEU*"}).json()["items"][0]["quote_id"] == "Q1"
    assert client.get("/quotes", params={"text": "'; DROP TABLE quotes; --"}).json()["items"] == []


def test_event_groups(client):
    items = client.get("/events/groups", params={"actor": "RUS*"}).json()["items"]
    assert items and all(g["num_articles"] >= 1 and g["num_mentions"] >= 1 for g in items)
    assert {g["cameo"] for g in items} >= {"194"}


def test_dyad_events_are_the_events_the_timeline_counts(client):
    """Codes match as prefixes in a timeline (FRA covers FRAGOV): the events behind it do too."""
    t = client.get("/dyads/FRA/DEU/timeline", params={"by": "week"}).json()
    counted = sum(p["events"] for p in t["points"])
    ev = client.get("/dyads/FRA/DEU/events").json()
    assert ev["total"] == counted == len(ev["items"])
    assert sorted(r["trigger"] for r in ev["items"]) == ["accused", "met", "promised to meet", "signed"]
    assert {r["doc_id"] + "#" + r["event_id"] for r in ev["items"]} == {i for p in t["points"] for i in p["event_ids"]}
    one_way = client.get("/dyads/FRA/DEU/events", params={"directed": "true"}).json()
    assert sorted(r["trigger"] for r in one_way["items"]) == ["met", "promised to meet", "signed"]
    page = client.get("/dyads/FRA/DEU/events", params={"limit": 2, "offset": 2}).json()
    assert [r["trigger"] for r in page["items"]] == [r["trigger"] for r in ev["items"]][2:4] and page["next"] is None


def test_network_by_country(client):
    net = client.get("/network", params={"countries": "true"}).json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"FRA", "DEU", "RUS", "UKR"} <= ids and "FRAGOV" not in ids
