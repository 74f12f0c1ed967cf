// Actor network: a force-directed layout (Fruchterman–Reingold, deterministic) drawn in SVG.
"use strict";
(() => {
  const { el, svg, clear, api, url, byId, quadLegend, bindForm, showError, codeSpan, dyadLink, quadCounts, dominantQuad, QUAD } = P;
  const [viz, panel, form, legend] = byId("viz", "panel", "filters", "legend-q");
  const W = 960, H = 660;
  let graph = null;

  quadLegend(legend);

  // Communities (from the API) start apart, each around its own centre, and each node is pulled
  // toward its community's centre: groups that act on each other stay separate and readable.
  function centres(nodes) {
    const groups = [...new Set(nodes.map((d) => d.community || 0))].sort((x, y) => x - y);
    const out = new Map();
    const R = groups.length > 1 ? Math.min(W, H) * 0.33 : 0;
    groups.forEach((c, i) => {
      const a = (2 * Math.PI * i) / groups.length;
      out.set(c, { x: W / 2 + R * Math.cos(a), y: H / 2 + R * Math.sin(a) });
    });
    return out;
  }

  function layout(nodes, edges) {
    const n = nodes.length;
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const centre = centres(nodes);
    nodes.forEach((d, i) => {
      const c = centre.get(d.community || 0);
      const a = (2 * Math.PI * i) / Math.max(n, 1);
      const r = Math.min(W, H) * (centre.size > 1 ? 0.12 : 0.35) * (0.6 + 0.4 * ((i * 7) % 5) / 4);
      d.x = c.x + r * Math.cos(a);
      d.y = c.y + r * Math.sin(a);
    });
    if (n < 2) { if (n === 1) { nodes[0].x = W / 2; nodes[0].y = H / 2; } return; }
    const k = Math.sqrt((W * H) / n) * 0.55;
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    let temp = W / 8;
    const pull = 0.3;  // toward the community centre
    const iters = n > 200 ? 120 : 300;
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let it = 0; it < iters; it++) {
      dx.fill(0); dy.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
          let d2 = ex * ex + ey * ey;
          if (d2 < 0.01) { ex = 0.1 * ((i % 3) - 1 || 1); ey = 0.1; d2 = ex * ex + ey * ey; }
          const f = (k * k) / d2;
          dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
        }
      }
      for (const [a, b] of links) {
        const ex = nodes[a].x - nodes[b].x, ey = nodes[a].y - nodes[b].y;
        const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
        // Links across communities pull less, so the groups stay apart.
        const f = (d / k) * ((nodes[a].community || 0) === (nodes[b].community || 0) ? 1 : 0.2);
        dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
      }
      for (let i = 0; i < n; i++) {
        // Gravity toward the community's centre (the middle when there is one community).
        const c = centre.get(nodes[i].community || 0);
        dx[i] += (c.x - nodes[i].x) * pull;
        dy[i] += (c.y - nodes[i].y) * pull;
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
        const step = Math.min(d, temp);
        nodes[i].x += (dx[i] / d) * step;
        nodes[i].y += (dy[i] / d) * step;
      }
      temp = Math.max(1, temp * 0.97);
    }
    // Fit the drawing to the box (room for labels on the right).
    const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const sx = (W - 150) / Math.max(x1 - x0, 1), sy = (H - 70) / Math.max(y1 - y0, 1);
    for (const d of nodes) { d.x = 40 + (d.x - x0) * sx; d.y = 35 + (d.y - y0) * sy; }
  }

  // Uncoded actors come as "~name": shown by name, with no code-based links.
  const coded = (id) => !String(id).startsWith("~");
  const labelOf = (d) => (coded(d.id) ? d.id : d.label || String(d.id).slice(1));

  function radius(w) { return Math.min(24, 5 + 3 * Math.sqrt(Number(w) || 0)); }
  const PALETTE = ["#1f5fa8", "#2a9d8f", "#8e5ea2", "#d98c1f", "#6a8d2b", "#b5485d", "#3b7dd8", "#7a6a4f", "#4aa0b5", "#a05a2c"];
  function nodeColor(d) { const c = Number(d.community) || 0; return c < PALETTE.length ? PALETTE[c] : "#7d8794"; }
  const LABELLED = 25;  // the busiest actors are named; the others on hover
  function edgeColor(e) { const q = dominantQuad(e); return q ? QUAD[q].color : "#8a94a3"; }

  function draw() {
    clear(viz);
    const { nodes, edges } = graph;
    if (!nodes.length) {
      viz.appendChild(el("p", { class: "muted", style: null }, "No events between actors with codes in this range."));
      return;
    }
    layout(nodes, edges);
    const pos = new Map(nodes.map((d) => [d.id, d]));
    const pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
    const maxW = Math.max(1, ...edges.map((e) => Number(e.weight) || 1));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network", id: "network-svg" });
    const defs = svg("defs");
    for (const [name, color] of [["q0", "#8a94a3"], ...[1, 2, 3, 4].map((n) => [`q${n}`, QUAD[n].color])]) {
      defs.appendChild(svg("marker", { id: `arrow-${name}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", fill: color })));
    }
    root.appendChild(defs);
    const edgeLayer = svg("g", { class: "edges" });
    const nodeLayer = svg("g", { class: "nodes" });
    for (const e of edges) {
      const s = pos.get(e.source), t = pos.get(e.target);
      if (!s || !t) continue;
      let path;
      if (s === t) {
        const r = radius(s.weight);
        path = `M${s.x},${s.y - r} C${s.x - 40},${s.y - 60} ${s.x + 40},${s.y - 60} ${s.x + 2},${s.y - r}`;
      } else {
        const vx = t.x - s.x, vy = t.y - s.y, d = Math.sqrt(vx * vx + vy * vy) || 1;
        const rt = radius(t.weight) + 3, rs = radius(s.weight);
        const sx = s.x + (vx / d) * rs, sy = s.y + (vy / d) * rs;
        const tx = t.x - (vx / d) * rt, ty = t.y - (vy / d) * rt;
        const bend = pairs.has(`${e.target}\u0000${e.source}`) ? 0.15 : 0;  // both directions: two arcs
        const mx = (sx + tx) / 2 - vy * bend, my = (sy + ty) / 2 + vx * bend;
        path = `M${sx},${sy} Q${mx},${my} ${tx},${ty}`;
      }
      const q = dominantQuad(e);
      const line = svg("path", { d: path, class: "edge", fill: "none", stroke: edgeColor(e),
        "stroke-width": 1 + 5 * Math.sqrt((Number(e.weight) || 1) / maxW), "stroke-opacity": 0.75,
        "marker-end": `url(#arrow-q${q})`, "data-source": e.source, "data-target": e.target, "data-quad": q },
      svg("title", null, `${e.source} → ${e.target}: ${e.weight} event(s)`));
      line.addEventListener("click", () => { mark(line); showEdge(e); });
      edgeLayer.appendChild(line);
    }
    const named = new Set(nodes.slice().sort((x, y) => (Number(y.weight) || 0) - (Number(x.weight) || 0) || String(x.id).localeCompare(String(y.id)))
      .slice(0, LABELLED).map((d) => d.id));
    for (const d of nodes) {
      const cls = [coded(d.id) ? null : "uncoded", named.has(d.id) ? null : "minor"].filter(Boolean).join(" ") || null;
      const g = svg("g", { class: "node", transform: `translate(${d.x},${d.y})`, "data-code": d.id, "data-community": d.community || 0 },
        svg("circle", { r: radius(d.weight), fill: nodeColor(d) }),
        svg("text", { x: radius(d.weight) + 3, y: 4, class: cls }, labelOf(d)),
        svg("title", null, nodeTitle(d)));
      g.addEventListener("click", () => { mark(g); showNode(d); });
      nodeLayer.appendChild(g);
    }
    root.appendChild(edgeLayer);
    root.appendChild(nodeLayer);
    viz.appendChild(root);
    const groups = new Set(nodes.map((d) => d.community || 0)).size;
    viz.appendChild(el("p", { class: "muted small", id: "net-summary" },
      `${nodes.length} actors in ${groups} communit${groups === 1 ? "y" : "ies"}, ${edges.length} links` +
      (nodes.length > LABELLED ? `; the ${LABELLED} busiest named (hover for the others)` : "")));
  }

  function nodeTitle(d) {
    const names = d.names || d.name || d.label;
    return [labelOf(d), Array.isArray(names) ? names.join(", ") : names, `${d.weight} event(s)`].filter(Boolean).join("\n");
  }

  let marked = null;
  function mark(node) {
    if (marked) marked.classList.remove("sel");
    marked = node;
    node.classList.add("sel");
  }

  function facts(pairs) {
    return el("dl", { class: "facts" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [el("dt", null, k), el("dd", null, v)]));
  }

  function quadLine(e) {
    const c = quadCounts(e);
    return el("span", null, [1, 2, 3, 4].map((n) => [el("span", { class: `quad q${n}`, title: QUAD[n].name }, String(c[n])), " "]));
  }

  function showNode(d) {
    clear(panel);
    const names = d.names || d.name || d.label;
    panel.appendChild(el("h3", { id: "panel-title" }, coded(d.id) ? codeSpan(d.id) : labelOf(d)));
    panel.appendChild(facts([["names", Array.isArray(names) ? names.join(", ") : names], ["events", String(d.weight)]]));
    const out = graph.edges.filter((e) => e.source === d.id), inc = graph.edges.filter((e) => e.target === d.id && e.source !== d.id);
    const list = (title, es, other) => es.length ? [el("h3", null, title), el("ul", { class: "small" }, es.map((e) => el("li", null,
      coded(e[other]) ? codeSpan(e[other]) : String(e[other]).slice(1), ` ${e.weight} `, quadLine(e), " ",
      coded(e.source) && coded(e.target) ? dyadLink(e.source, e.target, "timeline") : null)))] : [];
    for (const x of list("Acts on", out, "target")) panel.appendChild(x);
    for (const x of list("Acted on by", inc, "source")) panel.appendChild(x);
    if (coded(d.id)) panel.appendChild(el("p", null, el("a", { href: url("/ui/search", { actor: d.id }) }, `events of ${d.id}`)));
  }

  function showEdge(e) {
    clear(panel);
    const side = (id) => (coded(id) ? codeSpan(id) : String(id).slice(1));
    panel.appendChild(el("h3", { id: "panel-title" }, side(e.source), " → ", side(e.target)));
    const extra = [];
    for (const k of ["goldstein", "goldstein_sum", "goldstein_mean"]) if (e[k] !== undefined && e[k] !== null) extra.push([k.replace("_", " "), Number(e[k]).toFixed(1)]);
    panel.appendChild(facts([["events", String(e.weight)], ["QuadClass", quadLine(e)], ...extra]));
    if (coded(e.source) && coded(e.target)) {
      panel.appendChild(el("p", null, dyadLink(e.source, e.target), el("br"),
        el("a", { href: url("/ui/search", { source: e.source, target: e.target }) }, "these events")));
    }
  }

  async function load() {
    const f = new FormData(form);
    const q = {};
    for (const k of ["start", "end", "min_weight", "min_degree", "max_nodes", "countries"]) if (f.get(k)) q[k] = f.get(k);
    history.replaceState(null, "", url(location.pathname, q));
    document.body.dataset.ready = "0";
    clear(viz).appendChild(el("span", { class: "muted" }, "loading…"));
    try {
      graph = await api("/network", q);
      draw();
      document.body.dataset.ready = "1";
    } catch (err) {
      showError(viz, err);
    }
  }

  bindForm(form, ["start", "end", "min_weight", "min_degree", "max_nodes"], "countries", load);
})();
