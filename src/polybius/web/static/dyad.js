// Dyad timeline: cooperation up, conflict down, mean Goldstein as a line; a click lists the events.
"use strict";
(() => {
  const { el, svg, clear, api, url, byId, quadLegend, bindForm, showError, eventsTable, pager, quadCounts, QUAD } = P;
  const [form, viz, evBox, evTitle, legend] = byId("filters", "viz", "events", "events-title", "legend-q");
  const W = 960, H = 380, M = { left: 48, right: 48, top: 20, bottom: 46 };

  quadLegend(legend);
  legend.appendChild(el("span", null, "— mean Goldstein"));

  function mean(p) {
    for (const k of ["goldstein_mean", "mean_goldstein", "goldstein_avg", "avg_goldstein"]) if (p[k] !== undefined && p[k] !== null) return Number(p[k]);
    return null;
  }

  // The start (YYYY-MM-DD) of the period after the one starting on `iso`.
  function nextPeriod(iso, by) {
    const d = new Date(iso.slice(0, 10) + "T00:00:00Z");
    if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + ({ month: 1, quarter: 3, year: 12 }[by] || 1));
    return d.toISOString().slice(0, 10);
  }

  // Every period from the first to the last, so the axis is continuous: a slot per period,
  // empty ones included (at most MAX_SLOTS; beyond that, periods with events only).
  const MAX_SLOTS = 2000;
  function slotsOf(points, by) {
    const key = (p) => String(p.start || p.period).slice(0, 10);
    const slots = [];
    let day = key(points[0]);
    const last = key(points[points.length - 1]);
    while (day <= last && slots.length <= MAX_SLOTS) { slots.push(day); day = nextPeriod(day, by); }
    if (slots.length > MAX_SLOTS || !/^\d{4}-\d{2}-\d{2}$/.test(last)) return points.map(key);
    return slots;
  }

  function draw(a, b, data) {
    clear(viz);
    const points = data.points.slice().sort((x, y) => String(x.start || x.period).localeCompare(String(y.start || y.period)));
    if (!points.length) {
      viz.appendChild(el("p", { class: "muted", id: "no-points" }, `No events between ${a} and ${b} in this range.`));
      return;
    }
    const slots = slotsOf(points, data.by);
    const slotOf = new Map(slots.map((s, i) => [s, i]));
    const counts = points.map(quadCounts);
    const coop = counts.map((c) => c[1] + c[2]), conf = counts.map((c) => c[3] + c[4]);
    const maxC = Math.max(1, ...coop, ...conf);
    const innerW = W - M.left - M.right, innerH = H - M.top - M.bottom;
    const mid = M.top + innerH / 2;
    const band = innerW / slots.length;
    const barW = Math.max(2, Math.min(48, band * 0.7));
    const y = (v) => (v / maxC) * (innerH / 2);
    const gy = (g) => mid - (g / 10) * (innerH / 2);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "timeline-svg", role: "img", "aria-label": `${a} and ${b} over time` });
    root.appendChild(svg("line", { class: "axis", x1: M.left, x2: W - M.right, y1: mid, y2: mid }));
    root.appendChild(svg("line", { class: "axis", x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom }));
    root.appendChild(svg("text", { class: "axis-label", x: 4, y: M.top + 10 }, `${maxC}`));
    root.appendChild(svg("text", { class: "axis-label", x: 4, y: H - M.bottom }, `${maxC}`));
    root.appendChild(svg("text", { class: "axis-label", x: 4, y: M.top + 24 }, "coop."));
    root.appendChild(svg("text", { class: "axis-label", x: 4, y: H - M.bottom - 14 }, "confl."));
    root.appendChild(svg("text", { class: "axis-label", x: W - M.right + 6, y: M.top + 10 }, "+10"));
    root.appendChild(svg("text", { class: "axis-label", x: W - M.right + 6, y: H - M.bottom }, "−10"));
    const labelEvery = Math.max(1, Math.ceil(slots.length / 12));
    slots.forEach((s, k) => {
      if (k % labelEvery === 0) root.appendChild(svg("text", { class: "axis-label", x: M.left + band * k + band / 2, y: H - M.bottom + 16, "text-anchor": "middle" }, s));
    });
    const line = [];
    points.forEach((p, i) => {
      const k = slotOf.get(String(p.start || p.period).slice(0, 10));
      const cx = M.left + band * k + band / 2;
      const c = counts[i];
      const g = svg("g", { class: "bar", "data-start": p.start || "", "data-end": p.end || "", "data-index": i, "data-slot": k });
      g.appendChild(svg("rect", { x: M.left + band * k, y: M.top, width: band, height: innerH, fill: "transparent" }));
      let top = mid;
      for (const n of [1, 2]) { const h = y(c[n]); if (h > 0) { top -= h; g.appendChild(svg("rect", { x: cx - barW / 2, y: top, width: barW, height: h, fill: QUAD[n].color })); } }
      let bottom = mid;
      for (const n of [3, 4]) { const h = y(c[n]); if (h > 0) { g.appendChild(svg("rect", { x: cx - barW / 2, y: bottom, width: barW, height: h, fill: QUAD[n].color })); bottom += h; } }
      const gm = mean(p);
      g.appendChild(svg("title", null, [`${p.start || p.period}${p.end && p.end !== p.start ? " – " + p.end : ""}`,
        `cooperation ${coop[i]} (${c[1]} verbal, ${c[2]} material)`, `conflict ${conf[i]} (${c[3]} verbal, ${c[4]} material)`,
        gm !== null ? `mean Goldstein ${gm.toFixed(2)}` : ""].filter(Boolean).join("\n")));
      g.addEventListener("click", () => { for (const s of root.querySelectorAll(".bar.sel")) s.classList.remove("sel"); g.classList.add("sel"); loadEvents(a, b, { ...p, directed: data.directed }, 0); });
      root.appendChild(g);
      if (gm !== null) line.push([cx, gy(gm)]);
    });
    if (line.length) {
      root.appendChild(svg("polyline", { points: line.map(([x, yy]) => `${x},${yy}`).join(" "), fill: "none", stroke: "#17202b", "stroke-width": 1.5, "pointer-events": "none" }));
      for (const [x, yy] of line) root.appendChild(svg("circle", { cx: x, cy: yy, r: 2.5, fill: "#17202b", "pointer-events": "none" }));
    }
    viz.appendChild(root);
    const total = coop.reduce((s, v) => s + v, 0) + conf.reduce((s, v) => s + v, 0);
    viz.appendChild(el("p", { class: "muted small", id: "timeline-summary" },
      `${points.length} period(s) with events of ${slots.length}, ${total} event(s)`));
  }

  let seq = 0;  // only the latest request may fill the table
  async function loadEvents(a, b, p, offset) {
    const mine = ++seq;
    delete evBox.dataset.loaded;
    evTitle.textContent = p ? `Events ${p.start || ""}${p.end && p.end !== p.start ? " – " + p.end : ""}` : "Events";
    clear(evBox).appendChild(el("span", { class: "muted" }, "loading…"));
    try {
      const page = await api(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/events`,
        { start: p && p.start, end: p && p.end, directed: p && p.directed, limit: 100, offset });
      if (mine !== seq) return;
      clear(evBox);
      if (!page.items.length) evBox.appendChild(el("p", { class: "muted" }, "No events."));
      else {
        evBox.appendChild(eventsTable(page.items));
        evBox.appendChild(pager(page, (o) => loadEvents(a, b, p, o)));
      }
      evBox.dataset.loaded = (p && p.start) || "all";
    } catch (err) {
      if (mine === seq) showError(evBox, err);
    }
  }

  // Without a pair: the busiest pairs in the store, as links.
  async function suggest() {
    clear(viz).appendChild(el("p", { class: "muted" }, "Choose two actor codes, or one of the busiest pairs:"));
    try {
      const net = await api("/network", { max_nodes: 60 });
      const coded = (id) => !String(id).startsWith("~");
      const pairs = new Map();
      for (const e of net.edges) {
        if (!coded(e.source) || !coded(e.target) || e.source === e.target) continue;
        const key = [e.source, e.target].sort().join(" ");
        pairs.set(key, (pairs.get(key) || 0) + (Number(e.weight) || 0));
      }
      const top = [...pairs.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 12);
      if (!top.length) { viz.appendChild(el("p", { class: "muted" }, "No events between coded actors yet.")); return; }
      viz.appendChild(el("ul", { id: "pairs" }, top.map(([key, n]) => {
        const [x, y] = key.split(" ");
        return el("li", null, el("a", { href: url("/ui/dyad", { a: x, b: y }) }, `${x} ↔ ${y}`), el("span", { class: "muted" }, ` ${n} event(s)`));
      })));
      document.body.dataset.ready = "1";
    } catch (err) { showError(viz, err); }
  }

  async function load() {
    const f = new FormData(form);
    const a = (f.get("a") || "").trim(), b = (f.get("b") || "").trim();
    if (!a || !b) { suggest(); return; }
    const q = { by: f.get("by"), start: f.get("start"), end: f.get("end"), directed: f.get("directed") };
    history.replaceState(null, "", url(location.pathname, { a, b, ...q }));
    document.body.dataset.ready = "0";
    clear(viz).appendChild(el("span", { class: "muted" }, "loading…"));
    try {
      const data = await api(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, q);
      draw(a, b, data);
      loadEvents(a, b, { start: q.start || null, end: q.end || null, directed: q.directed }, 0);
      document.body.dataset.ready = "1";
    } catch (err) {
      showError(viz, err);
    }
  }

  bindForm(form, ["a", "b", "by", "start", "end"], "directed", load);
})();
