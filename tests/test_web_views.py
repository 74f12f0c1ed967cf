"""Issue 14 item 19 in the browser: a dyad timeline on a continuous axis, an empty one, and the
network view at 150 actors (filters by events and links, the busiest named, communities apart).
Screenshots go to ``test-artifacts/``."""
from __future__ import annotations

import datetime as dt
import math
import os
import re

import pytest

from api_memstore import MemoryStore
from web_docs import make_doc, sample_documents
from web_server import CHROMIUM, running, shot

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)")

COMMUNITIES, SIZE = 5, 30  # 150 actors


def _code(c: int, i: int) -> str:
    return f"{'ABCDE'[c]}{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}{'XY'[i // 26]}"


def network_documents() -> list:
    """Five groups of 30 actors: each actor meets its two neighbours and one more in its group
    (the first few many times: they are the busiest), and a few meetings across groups."""
    docs = []
    for c in range(COMMUNITIES):
        codes = [_code(c, i) for i in range(SIZE)]
        pairs = [(i, (i + 1) % SIZE) for i in range(SIZE)] + [(i, (i + 7) % SIZE) for i in range(0, SIZE, 2)]
        pairs += [(0, 1)] * (6 - c) + [(2, 3)] * 3
        docs.append(_meetings(f"Group {c} meets", [(codes[i], codes[j]) for i, j in pairs], dt.date(2024, 1, 1 + c)))
    across = [(_code(c, 5), _code((c + 1) % COMMUNITIES, 9)) for c in range(COMMUNITIES)]
    docs.append(_meetings("Groups meet", across, dt.date(2024, 1, 9)))
    return docs


def _meetings(title, pairs, day):
    sentences = [f"Envoy {a} met envoy {b} today." for a, b in pairs]
    codes = sorted({x for p in pairs for x in p})
    actors = [(f"A{n}", f"Envoy {code}", code, "person", [f"Envoy {code}", f"envoy {code}"]) for n, code in enumerate(codes)]
    ids = {code: f"A{n}" for n, code in enumerate(codes)}
    events = [{"id": f"E{k}", "trigger": "met", "nth": k, "source": ids[a], "target": ids[b], "cameo": "040",
               "quad": 1, "goldstein": 1.0, "date": day} for k, (a, b) in enumerate(pairs)]
    return make_doc(title, [" ".join(sentences)], day, actors=actors, events=events)


@pytest.fixture(scope="module")
def site():
    from polybius.api import create_app
    from polybius.config import Settings

    store = MemoryStore()
    for d in sample_documents() + network_documents():
        store.add(d)
    with running(create_app(store=store, settings=Settings(), pipeline=object())) as base:
        yield base


def test_dyad_axis_has_every_period(site, page):
    """Weeks of 4, 18 and 25 March 2024 have events; the week of 11 March has a slot of its own."""
    page.goto(site + "/ui/dyad?a=FRA*&b=DEU*&by=week")
    page.wait_for_selector("body[data-ready='1'] #timeline-svg")
    slots = page.eval_on_selector_all("#timeline-svg g.bar", "gs => gs.map(g => Number(g.dataset.slot))")
    assert slots == [0, 2, 3]
    xs = page.eval_on_selector_all("#timeline-svg g.bar rect[fill='transparent']", "rs => rs.map(r => Number(r.getAttribute('x')))")
    assert xs[1] - xs[0] == pytest.approx(2 * (xs[2] - xs[1]))  # the empty week takes its place on the axis
    labels = page.eval_on_selector_all("#timeline-svg text.axis-label", "ts => ts.map(t => t.textContent)")
    assert "2024-03-11" in labels
    assert "3 period(s) with events of 4" in page.locator("#timeline-summary").inner_text()
    # The legend is outside the drawing: it cannot cover a bar.
    legend = page.locator("#legend-q").bounding_box()
    chart = page.locator("#timeline-svg").bounding_box()
    assert legend["y"] + legend["height"] <= chart["y"] or legend["y"] >= chart["y"] + chart["height"]
    shot(page, "dyad-continuous")
    assert page.js_errors == []


def test_empty_dyad_says_so(site, page):
    page.goto(site + "/ui/dyad?a=FRA&b=ZZZ&by=month")
    page.wait_for_selector("body[data-ready='1'] #no-points")
    assert page.locator("#no-points").inner_text() == "No events between FRA and ZZZ in this range."
    assert page.locator("#timeline-svg").count() == 0
    shot(page, "dyad-empty")
    assert page.js_errors == []


def _positions(page):
    rows = page.eval_on_selector_all(
        "#network-svg g.node", "gs => gs.map(g => [g.dataset.code, g.dataset.community, g.getAttribute('transform')])")
    out = {}
    for code, community, transform in rows:
        x, y = map(float, re.findall(r"-?[\d.]+", transform)[:2])
        out[code] = (int(community), x, y)
    return out


def test_network_of_150_actors_is_readable(site, page):
    page.goto(site + "/ui/network?max_nodes=150")
    page.wait_for_selector("body[data-ready='1'] #network-svg")
    pos = _positions(page)
    assert len(pos) == 150
    # Only the busiest are named; the others show their name on hover.
    named = page.eval_on_selector_all("#network-svg g.node text:not(.minor)", "ts => ts.map(t => t.textContent)")
    assert len(named) == 25 and "AAX" in named  # AAX (group 0's hub) is among the busiest
    assert page.locator("#network-svg g.node text.minor").first.is_hidden()
    quiet = page.locator("#network-svg g.node:has(text.minor)").first
    quiet.locator("circle").dispatch_event("click")  # a selected actor is named too (and on hover)
    assert quiet.locator("text.minor").is_visible()
    # The communities found are the groups built, and the layout keeps them apart.
    groups: dict[int, list] = {}
    for code, (c, x, y) in pos.items():
        groups.setdefault(c, []).append((code, x, y))
    big = {c: g for c, g in groups.items() if len(g) >= 20}
    assert len(big) == COMMUNITIES
    for g in big.values():
        assert len({code[0] for code, _, _ in g}) == 1 or len(g) > SIZE  # one built group each
    centre = {c: (sum(x for _, x, _ in g) / len(g), sum(y for _, _, y in g) / len(g)) for c, g in big.items()}
    spread = sum(math.dist((x, y), centre[c]) for c, g in big.items() for _, x, y in g) / sum(map(len, big.values()))
    apart = min(math.dist(centre[a], centre[b]) for a in big for b in big if a < b)
    assert apart > 1.5 * spread, (apart, spread)
    assert re.search(r"150 actors in \d+ communities", page.locator("#net-summary").inner_text())
    shot(page, "network-150")
    # Filters: actors with at least 4 links, then links of at least 2 events.
    page.fill("#filters input[name='min_degree']", "4")
    page.click("#filters button[type='submit']")
    page.wait_for_selector("body[data-ready='1'] #network-svg")
    few = _positions(page)
    assert 0 < len(few) < 30 and "min_degree=4" in page.url
    page.fill("#filters input[name='min_degree']", "0")
    page.fill("#filters input[name='min_weight']", "2")
    page.click("#filters button[type='submit']")
    page.wait_for_selector("body[data-ready='1'] #network-svg")
    heavy = page.eval_on_selector_all("#network-svg path.edge", "es => es.length")
    assert 0 < heavy < 50
    shot(page, "network-150-filtered")
    assert page.js_errors == []
