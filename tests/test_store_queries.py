"""The store on hand-built coded documents: idempotent writes, filters, folding, aggregates.

Runs on DuckDB and, when $POLYBIUS_TEST_PG is set, on PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from store_docs import corpus, make_doc
from store_fixtures import filled, store, store_url  # noqa: F401

from polybius.frames import EVENT_COLUMNS
from polybius.store import EventFilter


def test_add_is_idempotent_by_id_and_content(store):
    docs = corpus()
    assert store.add_many(docs) == 5
    assert store.add_many(corpus()) == 0
    again = make_doc([("Washington rejected the request from Baghdad on Friday after a long meeting of officials.",
                       "Washington", "125", "Baghdad")], title="x")
    same_text = make_doc([("Washington rejected the request from Baghdad on Friday after a long meeting of officials.",
                           "Washington", "125", "Baghdad")], title="x", doc_id="my-own-id")
    assert store.add(again) is True
    assert store.add(same_text) is False  # same content under another id
    assert store.has(again.id) and not store.has("my-own-id")
    assert store.count_documents() == 6
    assert store.stored([same_text, corpus()[0]]) == {"my-own-id", corpus()[0].id}


def test_round_trip_keeps_every_layer(filled):
    for doc in filled.docs:
        back = filled.get_document(doc.id)
        assert back.to_dict() == doc.to_dict()
    assert filled.get_document("nope") is None


def test_document_summaries(filled):
    rows = filled.documents(limit=10)
    assert len(rows) == 5 and rows[0]["published"] == "2024-03-20"
    vis = next(r for r in rows if r["title"] == "Visit to France")
    assert (vis["n_events"], vis["n_quotes"], vis["n_stances"], vis["n_actors"]) == (2, 1, 1, 4)
    assert filled.count_documents(outlet="other post") == 2
    assert [r["title"] for r in filled.documents(text="fighting")] == ["Fighting in the capital"]
    assert len(filled.documents(limit=2, offset=4)) == 1


def test_event_rows_have_the_frame_columns(filled):
    rows = filled.events(EventFilter(limit=None))
    assert len(rows) == 10 == filled.count_events(EventFilter())
    assert set(EVENT_COLUMNS) <= set(rows[0])
    r = next(r for r in rows if r["cameo"] == "190")
    assert (r["source_code"], r["target_code"], r["trigger"], r["date"]) == ("IRQREB", "IRQ", "attacked", "2024-03-12")
    doc = next(d for d in filled.docs if d.id == r["doc_id"])
    assert doc.text[r["trigger_start"]:r["trigger_end"]] == "attacked"


@pytest.mark.parametrize("flt,expected", [
    (EventFilter(actor="USA*"), 6),
    (EventFilter(actor="USA"), 5),
    (EventFilter(actor="washington"), 5),
    (EventFilter(source="USA", target="IRQ"), 3),
    (EventFilter(target="IRN"), 3),
    (EventFilter(root="12"), 3),
    (EventFilter(root="5"), 1),
    (EventFilter(cameo="12"), 3),
    (EventFilter(cameo="0"), 4),
    (EventFilter(plover="reject"), 3),
    (EventFilter(quad_class=4), 2),
    (EventFilter(start=dt.date(2024, 3, 10)), 5),
    (EventFilter(start=dt.date(2024, 3, 10), end=dt.date(2024, 3, 15)), 3),
    (EventFilter(outlet="Other Post"), 4),
    (EventFilter(text="rejected Baghdad"), 3),
    (EventFilter(text="FRESH request"), 1),
    (EventFilter(actor="IRQ*", quad_class=4), 2),
])
def test_event_filters(filled, flt, expected):
    assert filled.count_events(flt) == expected
    flt.limit = None
    assert len(filled.events(flt)) == expected


def test_doc_filter_and_paging(filled):
    doc = filled.docs[3]
    assert [r["event_id"] for r in filled.events(EventFilter(doc_id=doc.id))] == ["E1", "E2", "E3"]
    page1 = filled.events(EventFilter(limit=4))
    page2 = filled.events(EventFilter(limit=4, offset=4))
    assert len(page1) == 4 and len(page2) == 4
    assert not {(r["doc_id"], r["event_id"]) for r in page1} & {(r["doc_id"], r["event_id"]) for r in page2}


HOSTILE = ["'; DROP TABLE events; --", "USA' OR '1'='1", "%", "_", "\\", '"', "?", "%s", "$1", ") OR (1=1",
           "Robert'); DELETE FROM documents;--", "名前", "[*]", "a\nb"]


@pytest.mark.parametrize("s", HOSTILE)
def test_hostile_strings_are_only_data(filled, s):
    for flt in (EventFilter(actor=s), EventFilter(source=s), EventFilter(root=s), EventFilter(cameo=s + "x"),
                EventFilter(plover=s), EventFilter(outlet=s), EventFilter(text=s + "zz"), EventFilter(doc_id=s)):
        assert filled.count_events(flt) == 0, flt
        assert filled.events(flt) == []
    assert filled.actors(code=s + "Q") == []
    assert filled.stances(proposition=s + "zz") == [] and filled.stances(holder=s + "Q") == []
    assert filled.quotes(speaker=s + "Q", text=s + "zz") == []
    assert filled.documents(outlet=s) == [] and filled.count_documents(text=s + "zz") == 0
    assert filled.dyad_timeline(s, s) == []
    assert not filled.has(s) and filled.get_document(s) is None
    assert filled.count_events(EventFilter()) == 10 and filled.count_documents() == 5


def test_hostile_content_is_stored_verbatim(store):
    nasty = "Robert'); DROP TABLE documents;-- said 100% \"yes\" to ? and %s and $1 \\ ok"
    doc = make_doc([(f"Washington rejected the plan. {nasty}", "Washington", "125", None)],
                   title="It's \"quoted\"; DROP", outlet="O'Reilly % Post")
    assert store.add(doc)
    back = store.get_document(doc.id)
    assert back.text == doc.text and back.title == doc.title and back.outlet == doc.outlet
    assert store.count_events(EventFilter(outlet="O'Reilly % Post")) == 1
    assert store.count_events(EventFilter(text="100% \"yes\"")) == 1


def test_event_groups_fold_reports_across_articles(filled):
    groups = {(g["source_code"], g["cameo"], g["target_code"]): g for g in filled.event_groups(EventFilter(limit=None))}
    g = groups[("USA", "125", "IRQ")]
    assert (g["num_mentions"], g["num_articles"], g["num_sources"], g["num_stories"]) == (3, 3, 3, 2)
    assert len(g["mentions"]) == 3 and g["date_start"] == "2024-03-01" and g["is_root"]
    assert groups[("IRQ", "036", "IRN")]["num_stories"] == 1  # the wire copy folds into one story
    assert ("USAGOV", "172", "IRQ") not in groups  # negated events are not events
    assert ("USAGOV", "172", "IRQ") in {(g["source_code"], g["cameo"], g["target_code"])
                                        for g in filled.event_groups(include_negated=True)}


def test_near_duplicates_are_linked(filled):
    a, b = filled.docs[0], filled.docs[1]
    links = filled.duplicates()
    assert [(l["doc_id"], l["duplicate_of"]) for l in links] == [(b.id, a.id)]
    assert 0.7 <= links[0]["similarity"] < 1.0
    stories = {r["id"]: r["story"] for r in filled.documents()}
    assert stories[b.id] == stories[a.id] == a.id
    assert stories[filled.docs[2].id] == filled.docs[2].id


def test_dyad_timeline(filled):
    weeks = filled.dyad_timeline("USA", "IRQ", by="week")
    assert [w["period"] for w in weeks] == ["2024-02-26"]  # the negated sanction of 2024-03-20 is not counted
    w = weeks[0]
    assert (w["events"], w["unique_events"], w["q3"], w["goldstein_sum"], w["goldstein_mean"]) == (3, 1, 3, -15.0, -5.0)
    assert (w["a_to_b"], w["b_to_a"]) == (3, 0)
    assert filled.dyad_timeline("USA", "IRQ", directed=True) and not filled.dyad_timeline("IRQ", "USA", directed=True)
    both = filled.dyad_timeline("IRN", "USA", by="month")
    assert [(m["period"], m["events"], m["a_to_b"], m["b_to_a"]) for m in both] == [("2024-03-01", 1, 0, 1)]
    assert filled.dyad_timeline("USA", "IRQ", start=dt.date(2024, 3, 2)) == []
    with pytest.raises(ValueError):
        filled.dyad_timeline("USA", "IRQ", by="fortnight; DROP TABLE events")


def test_network(filled):
    g = filled.network()
    assert g.number_of_nodes() == 6 and g.number_of_edges() == 6
    assert g["USA"]["IRQ"]["weight"] == 3 and g["USA"]["IRQ"]["unique_events"] == 1 and g["USA"]["IRQ"]["q3"] == 3
    assert g.nodes["USA"]["label"] == "Washington"
    assert not g.has_edge("USAGOV", "IRQ")  # negated
    heavy = filled.network(min_weight=2)
    assert sorted(heavy.edges()) == [("IRQ", "IRN"), ("USA", "IRQ")]
    late = filled.network(start=dt.date(2024, 3, 10))
    assert ("USA", "IRQ") not in late.edges() and ("FRA", "USA") in late.edges()
    countries = filled.network(country_level=True)
    assert countries.has_edge("IRQ", "FRA") and countries["IRQ"]["IRQ"]["weight"] == 1


def test_stances_across_documents(filled):
    other = make_doc([("Baghdad said the foreign troops must leave, and the State Department said it disagreed.",
                       "the State Department", None, None)],
                     stances=[("the State Department", "US troops should stay in Iraq", "oppose", "it disagreed")],
                     title="Change of mind")
    filled.add(other)
    rows = filled.stances(proposition="troops stay")
    assert len(rows) == 1
    r = rows[0]
    assert (r["holder"], r["support"], r["oppose"], r["documents"], r["polarity"]) == ("USAGOV", 1, 1, 2, "mixed")
    assert {e["text"] for e in r["evidence"]} == {"we want the troops to stay", "it disagreed"}
    assert filled.stances(holder="USAGOV") == rows and filled.stances(holder="IRQ") == []


def test_actors(filled):
    rows = filled.actors()
    assert rows[0]["code"] == "IRQ" and rows[0]["documents"] == 5 and rows[0]["events"] == 7
    assert {r["code"] for r in filled.actors(code="IRQ*")} == {"IRQ", "IRQGOV", "IRQREB"}
    assert [r["names"] for r in filled.actors(code="USAGOV")] == [["the State Department"]]


def test_quotes(filled):
    q = filled.quotes(speaker="USAGOV")
    assert len(q) == 1 and q[0]["text"] == "we want the troops to stay"
    assert filled.quotes(text="troops")[0]["speaker_name"] == "the State Department"


def test_a_failed_batch_stores_nothing_and_the_next_one_works(store, monkeypatch):
    docs = corpus()
    real = store._insert

    def broken(table, cols, rows):
        if table == "events":
            raise RuntimeError("disk on fire")
        return real(table, cols, rows)

    monkeypatch.setattr(store, "_insert", broken)
    with pytest.raises(RuntimeError):
        store.add_many(docs)
    monkeypatch.setattr(store, "_insert", real)
    assert store.count_documents() == 0 and store.stats()["actors"] == 0
    assert store.add_many(docs) == 5
    assert len(store.duplicates()) == 1


def test_delete_removes_a_document_and_its_layers(tmp_path):
    from polybius.model import Actor, Document, Event, Mention, Span
    from polybius.store import open_store
    from polybius.store.base import EventFilter

    def doc(n):
        d = Document(text=f"Rivals met. Talks {n} began.", id=f"d{n}")
        d.actors = [Actor(id="A1", name="Rivals", code="XYZ", mentions=[Mention(0, 6)])]
        d.events = [Event(id="E1", sentence=0, source="A1", target=None, cameo="040", root="04", goldstein=1.0,
                          quad_class=1, trigger=Span(7, 10), rule="test")]
        return d

    with open_store(tmp_path / "s.duckdb") as s:
        s.add_many([doc(1), doc(2)])
        assert s.delete("d1") is True and s.delete("d1") is False
        assert not s.has("d1") and s.get_document("d1") is None and s.has("d2")
        assert s.count_events(EventFilter(doc_id="d1")) == 0 and s.count_events(EventFilter(doc_id="d2")) == 1
        for table in ("actors", "mentions", "events", "minhashes"):
            assert s._query(f"SELECT count(*) AS n FROM {table} WHERE doc_id = ?", ["d1"])[0]["n"] == 0
        assert s.add(doc(1)) is True  # stored again after deletion
