"""End to end on the reference article: post it through the API, open it in the explorer, see its
highlighted actors and events, click through to the network and a dyad timeline.

Nothing here knows what the article says: every expectation comes from the API's own answer."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from conftest import REFERENCE, needs_shared
from web_server import CHROMIUM, chromium, running, shot

pytestmark = [needs_shared,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)")]


@pytest.fixture(scope="module")
def served(pipeline, tmp_path_factory):
    if not REFERENCE.is_file():
        pytest.skip(f"needs {REFERENCE}")
    import httpx

    from polybius.api import create_app
    from polybius.api.security import hash_key, new_key
    from polybius.store import open_store

    key = new_key()
    store = open_store(str(tmp_path_factory.mktemp("ref") / "ref.duckdb"))
    app = create_app(store=store, settings=pipeline.settings.replace(api_key_hashes=[hash_key(key)]), pipeline=pipeline)
    with running(app) as base:
        r = httpx.post(base + "/documents", headers={"X-API-Key": key}, timeout=120,
                       json={"text": REFERENCE.read_text(encoding="utf-8"), "published": dt.date(2020, 1, 11).isoformat()})
        assert r.status_code == 201, r.text
        yield base, r.json()
    store.close()


def test_reference_article_through_the_explorer(served):
    base, doc = served
    assert doc["actors"] and doc["events"], "the pipeline coded no actors or events"
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(20_000)
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + "/")
        page.get_by_role("link", name=doc["title"]).click()
        page.wait_for_selector("body[data-ready='1']")
        assert page.locator("#doc-title").inner_text() == doc["title"]

        # Every actor with a mention and every event trigger is highlighted.
        actor_refs = set(" ".join(page.eval_on_selector_all("#text .hl.actor", "s => s.map(x => x.dataset.actor)")).split())
        assert actor_refs == {a["id"] for a in doc["actors"] if a["mentions"]}
        trigger_refs = set(" ".join(page.eval_on_selector_all("#text .hl.trigger", "s => s.map(x => x.dataset.trigger)")).split())
        assert trigger_refs == {e["id"] for e in doc["events"]}
        if doc["quotes"]:
            assert page.locator("#text .hl.quote").count() >= 1
        shot(page, "reference-article")

        # The side panel of an event: its code, actors, date and rule.
        actors = {a["id"]: a for a in doc["actors"]}
        coded = [e for e in doc["events"] if not e["negated"]
                 and actors.get(e["source"], {}).get("code") and actors.get(e["target"], {}).get("code")]
        ev = coded[0] if coded else doc["events"][0]
        page.locator(f"#events tr[data-ref='event:{ev['id']}']").click()
        panel = page.locator("#panel")
        assert panel.locator("#panel-title").inner_text().startswith(f"Event {ev['id']}")
        text = panel.inner_text()
        assert ev["cameo"] in text and ev["rule"] in text
        for side in ("source", "target"):
            if ev[side]:
                assert actors[ev[side]]["name"] in text
        if ev["date"]:
            assert ev["date"]["start"] in text
        assert page.locator("#text .hl.sel").count() >= 1
        shot(page, "reference-event")

        # The network has the event's actors; a click on the source shows its links.
        page.get_by_role("link", name="Network").click()
        page.wait_for_selector("body[data-ready='1'] #network-svg")
        codes = set(page.eval_on_selector_all("#network-svg g.node", "gs => gs.map(g => g.dataset.code)"))
        if coded:
            src, tgt = actors[ev["source"]]["code"], actors[ev["target"]]["code"]
            assert {src, tgt} <= codes
            page.locator(f"#network-svg g.node[data-code='{src}'] circle").click()
            assert src in page.locator("#panel-title").inner_text()
        shot(page, "reference-network")

        # The dyad timeline of the event's actors lists it behind its point.
        if coded:
            page.goto(base + f"/ui/dyad?a={src}&b={tgt}&by=week")
            page.wait_for_selector("body[data-ready='1'] #timeline-svg")
            day = (ev["date"] or {}).get("start") or doc["published"]
            spans = page.eval_on_selector_all("#timeline-svg g.bar", "gs => gs.map(g => [g.dataset.start, g.dataset.end])")
            index = next(i for i, (s, e) in enumerate(spans) if s <= day <= e)
            page.locator("#timeline-svg g.bar").nth(index).click()
            page.wait_for_selector("#events[data-loaded] table.events")
            assert doc["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] in page.locator("#events").inner_text()
            shot(page, "reference-dyad")
        assert errors == []
