"""The web explorer, used as a person uses it: headless Chromium against a server on loopback.

Screenshots of every view go to ``test-artifacts/``."""
from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from api_memstore import MemoryStore
from web_docs import HOSTILE_TITLE, hostile_document, sample_documents
from web_server import CHROMIUM, running, shot

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)")

TIMEOUT = 15_000


@pytest.fixture(scope="module")
def site(pipeline):
    from polybius.api import create_app
    from polybius.api.security import hash_key, new_key

    key = new_key()
    store = MemoryStore()
    docs = sample_documents()
    for d in docs + [hostile_document()]:
        store.add(d)
    settings = pipeline.settings.replace(api_key_hashes=[hash_key(key)])
    app = create_app(store=store, settings=settings, pipeline=pipeline)
    with running(app) as base:
        yield {"base": base, "key": key, "store": store, "docs": docs}


def test_article_view_highlights_and_side_panel(site, page):
    page.goto(site["base"] + "/")
    page.get_by_role("link", name="France and Germany sign energy pact").click()
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#doc-title").inner_text() == "France and Germany sign energy pact"
    # Highlights: every actor mention, both triggers, the quote, the place and the date.
    actors = page.locator("#text .hl.actor")
    assert {actors.nth(i).inner_text() for i in range(actors.count())} >= {
        "French president", "German chancellor", "France", "Germany"}
    assert page.locator("#text .hl.trigger").all_inner_texts() == ["met", "signed"]
    assert page.locator("#text .hl.place").all_inner_texts() == ["Berlin"]
    assert page.locator("#text .hl.date").all_inner_texts() == ["Monday"]
    assert "We will stand together" in " ".join(page.locator("#text .hl.quote").all_inner_texts())
    # The article text is shown whole, in its blocks.
    assert page.locator("#text h2.headline").inner_text() == "France and Germany sign energy pact"
    assert page.locator("#text p").count() == 2
    # Click a trigger: the side panel shows code, actors, date, place and rule.
    page.locator("#text .hl.trigger", has_text="met").click()
    panel = page.locator("#panel")
    assert panel.locator("#panel-title").inner_text().startswith("Event E1")
    text = panel.inner_text()
    for want in ("040", "French president", "FRAGOV", "German chancellor", "DEUGOV", "2024-03-04", "Monday",
                 "Berlin", "test:040:met", "CONSULT", "verbal cooperation"):
        assert want in text, want
    assert page.locator("#text .hl.sel").count() >= 1
    shot(page, "article-event")
    # Click an actor mention: the actor panel lists its events.
    page.locator("#text .hl.actor", has_text="German chancellor").first.click()
    assert "German chancellor" in panel.locator("#panel-title").inner_text()
    assert "DEUGOV" in panel.inner_text() and "E1" in panel.inner_text()
    # Layers can be switched off.
    page.locator("#legend input[data-layer='actor']").uncheck()
    assert "off-actor" in page.locator("#text").get_attribute("class")
    shot(page, "article-actor")
    # Through to the dyad timeline from an event.
    page.locator("#events tr", has_text="signed").click()
    page.locator("#panel a", has_text="timeline").click()
    page.wait_for_selector("body[data-ready='1'] #timeline-svg")
    assert page.url.endswith("/ui/dyad?a=FRA&b=DEU") or "a=FRA" in page.url
    assert page.js_errors == []


def test_dyad_timeline_points_and_events(site, page):
    page.goto(site["base"] + "/ui/dyad?a=FRA*&b=DEU*&by=week")
    page.wait_for_selector("body[data-ready='1'] #timeline-svg")
    bars = page.locator("#timeline-svg g.bar")
    assert bars.count() == 3  # weeks of 4, 18 and 25 March 2024
    assert "4 event(s)" in page.locator("#timeline-summary").inner_text()
    # Coloured by QuadClass: cooperation (green) above, conflict (orange) below.
    fills = page.eval_on_selector_all("#timeline-svg g.bar rect[fill]:not([fill='transparent'])", "rs => rs.map(r => r.getAttribute('fill'))")
    assert "#5aa55a" in fills and "#e08a1e" in fills
    page.wait_for_selector("#events[data-loaded='all'] table.events")
    bars.nth(1).click()
    page.wait_for_selector("#events[data-loaded='2024-03-18'] table.events")
    rows = page.locator("#events table.events tbody tr")
    assert rows.count() == 1
    assert "accused" in rows.first.inner_text()
    assert "2024-03-18" in page.locator("#events-title").inner_text()
    shot(page, "dyad-timeline")
    # The event links back to its article, with the event selected.
    rows.first.locator("a", has_text="E1").click()
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#panel-title").inner_text().startswith("Event E1")
    assert "112" in page.locator("#panel").inner_text()
    assert page.js_errors == []


def test_network_colours_and_date_filter(site, page):
    page.goto(site["base"] + "/ui/network")
    page.wait_for_selector("body[data-ready='1'] #network-svg")
    nodes = page.locator("#network-svg g.node")
    codes = set(page.eval_on_selector_all("#network-svg g.node", "gs => gs.map(g => g.dataset.code)"))
    assert {"FRA", "DEU", "RUSMIL", "UKRGOV", "FRAGOV", "DEUGOV"} <= codes
    # Edge colour by QuadClass: the shelling is material conflict (red), the pact verbal cooperation (green).
    shelling = page.locator("#network-svg path.edge[data-source='RUSMIL'][data-target='UKRGOV']")
    assert shelling.get_attribute("stroke") == "#c62d2d" and shelling.get_attribute("data-quad") == "4"
    pact = page.locator("#network-svg path.edge[data-source='FRA'][data-target='DEU']")
    assert pact.get_attribute("stroke") == "#5aa55a"
    shot(page, "network")
    n_all = nodes.count()
    # Date filter: only the week of 18 March 2024 onwards.
    page.fill("#filters input[name='start']", "2024-03-18")
    page.click("#filters button[type='submit']")
    page.wait_for_selector("body[data-ready='1'] #network-svg")
    codes = set(page.eval_on_selector_all("#network-svg g.node", "gs => gs.map(g => g.dataset.code)"))
    assert codes == {"DEU", "FRA", "DEUGOV", "XSS", "XSSGOV"}
    assert "start=2024-03-18" in page.url
    # Click a node, then through to a dyad timeline.
    page.locator("#network-svg g.node[data-code='DEU'] circle").click()
    assert "DEU" in page.locator("#panel-title").inner_text()
    page.locator("#panel a", has_text="timeline").first.click()
    page.wait_for_selector("body[data-ready='1'] #timeline-svg")
    assert page.locator("#timeline-svg g.bar").count() >= 1
    assert page.js_errors == []


def test_search_events_and_stances(site, page):
    page.goto(site["base"] + "/ui/search")
    page.fill("#event-form input[name='actor']", "FRA*")
    page.fill("#event-form input[name='start']", "2024-03-10")
    page.click("#event-form button[type='submit']")
    page.wait_for_selector("#event-card")
    assert page.locator("#event-count").inner_text() == "3 event(s)"
    triggers = page.locator("#event-card tbody tr td:nth-child(5)").all_inner_texts()
    assert sorted(triggers) == ["accused", "denounced", "promised to meet"]
    assert "actor=FRA" in page.url
    # By code: CAMEO root 11 (disapprove).
    page.fill("#event-form input[name='actor']", "")
    page.fill("#event-form input[name='start']", "")
    page.fill("#event-form input[name='cameo']", "11")
    page.click("#event-form button[type='submit']")
    expect(page.locator("#event-count")).to_have_text("3 event(s)")
    assert "root=11" in page.url or "cameo=11" in page.url
    # Stances by proposition.
    page.fill("#stance-form input[name='proposition']", "energy cooperation")
    page.click("#stance-form button[type='submit']")
    page.wait_for_selector("#stance-card table")
    text = page.locator("#stance-card").inner_text()
    assert "support" in text and "oppose" in text and "German chancellor" in text
    shot(page, "search")
    # Quotes by speaker.
    page.fill("#quote-form input[name='speaker']", "DEUGOV")
    page.click("#quote-form button[type='submit']")
    page.wait_for_selector("#quote-card table")
    assert "We will stand together on energy" in page.locator("#quote-card").inner_text()
    # Actors by code prefix.
    page.fill("#actor-form input[name='code']", "RUS*")
    page.click("#actor-form button[type='submit']")
    page.wait_for_selector("#actor-card table")
    assert sorted(page.locator("#actor-card tbody tr td:first-child").all_inner_texts()) == ["RUS", "RUSGOV", "RUSMIL"]
    assert page.js_errors == []


def test_api_page_lists_endpoints(site, page):
    page.goto(site["base"] + "/ui/api")
    page.wait_for_selector("section.endpoint")
    text = page.locator("#doc").inner_text()
    for path in ("/documents", "/events", "/actors/{code}", "/dyads/{a}/{b}/timeline", "/network", "/stances"):
        assert path in text
    shot(page, "api")


def _assert_nothing_ran(page):
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.js_errors == []
    # No element from the article became markup: the only images/scripts are the page's own.
    assert page.locator("main img, main script, main iframe, main [onerror], main [onload], main [onmouseover]").count() == 0


def test_hostile_article_is_escaped_everywhere(site, page):
    """Markup in a title, the text, actor names, a place, a rule, a quote, an outlet and a URL shows as text."""
    doc = next(d for d in (site["store"].get_document(r["id"]) for r in site["store"].documents(limit=1000)) if d.title == HOSTILE_TITLE)
    page.goto(site["base"] + "/")
    page.wait_for_selector("a.doc-link")
    assert page.get_by_text(HOSTILE_TITLE).count() == 1
    _assert_nothing_ran(page)
    page.get_by_text(HOSTILE_TITLE).click()
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#doc-title").inner_text() == HOSTILE_TITLE
    assert "<script>window.__pwned=2</script>" in page.locator("#text").inner_text()
    page.locator("#text .hl.trigger").click()
    panel = page.locator("#panel").inner_text()
    assert '<svg onload="window.__pwned=3">' in panel and 'onerror="window.__pwned=10"' in panel
    page.locator("#text .hl.actor", has_text="minister").first.click()
    page.locator("#text .hl.quote").first.click()
    # The javascript: URL is not a link target.
    assert page.locator("#head a", has_text="source").get_attribute("href") == "#"
    shot(page, "article-hostile")
    _assert_nothing_ran(page)
    page.goto(site["base"] + "/ui/search?actor=XSS*")
    page.wait_for_selector("#event-card table")
    page.goto(site["base"] + f"/ui/search?proposition=leave")
    page.wait_for_selector("#stance-card table")
    assert "onerror" in page.locator("#stance-card").inner_text()
    _assert_nothing_ran(page)
    page.goto(site["base"] + "/ui/network")
    page.wait_for_selector("#network-svg")
    page.locator("#network-svg g.node[data-code='XSS'] circle").click()
    _assert_nothing_ran(page)
    assert doc is not None


def test_posted_article_with_markup_is_coded_and_escaped(site, page):
    """An article posted through the explorer's form (with the API key) is coded, stored and shown
    as text: its <script> and <img onerror> never run."""
    text = ("Talks collapse <script>window.__pwned=20</script>\n\n"
            "The foreign minister left the talks in Vienna on Sunday <img src=x onerror=\"window.__pwned=21\">. "
            "He said the other side had refused every offer.")
    page.goto(site["base"] + "/")
    page.locator("#post-card summary").click()
    page.fill("#post-form input[name='title']", "Talks collapse <b>again</b>")
    page.fill("#post-form input[name='published']", "2024-05-05")
    page.fill("#post-form input[name='key']", site["key"])
    page.fill("#post-form textarea[name='text']", text)
    page.click("#post-form button[type='submit']")
    page.wait_for_url(re.compile(r".*/ui/article\?id=.*"))
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#doc-title").inner_text() == "Talks collapse <b>again</b>"
    shown = page.locator("#text").inner_text()
    assert "<img src=x onerror=\"window.__pwned=21\">" in shown
    assert "<script>window.__pwned=20</script>" in shown
    shot(page, "article-posted")
    _assert_nothing_ran(page)


def test_post_form_reports_a_bad_key(site, page):
    page.goto(site["base"] + "/")
    page.locator("#post-card summary").click()
    page.fill("#post-form input[name='key']", "not-the-key")
    page.fill("#post-form textarea[name='text']", "A headline\n\nA paragraph of text that says nothing much at all.")
    page.click("#post-form button[type='submit']")
    page.wait_for_selector("#post-status .error")
    assert "invalid API key" in page.locator("#post-status").inner_text()


def test_dyad_page_without_a_pair_offers_the_busiest_pairs(site, page):
    page.goto(site["base"] + "/ui/dyad")
    page.wait_for_selector("body[data-ready='1'] #pairs")
    links = page.locator("#pairs a").all_inner_texts()
    assert "FRA ↔ DEU" in links or "DEU ↔ FRA" in links
    page.locator("#pairs a", has_text="DEU").first.click()
    page.wait_for_selector("body[data-ready='1'] #timeline-svg")
    assert page.js_errors == []
