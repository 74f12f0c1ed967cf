// Polybius explorer: shared helpers.  Every text from the data is put in the page with
// text nodes (never as HTML), so nothing in an article can become markup or script.
"use strict";

const P = (() => {
  const QUAD = {
    1: { name: "verbal cooperation", color: "#5aa55a" },
    2: { name: "material cooperation", color: "#1e7b3c" },
    3: { name: "verbal conflict", color: "#e08a1e" },
    4: { name: "material conflict", color: "#c62d2d" },
  };

  // el("a", {href: "/x", class: "y"}, "text", otherNode) -> Element
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  const SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k === "href") node.setAttribute("href", safeHref(v));
      else node.setAttribute(k, v === true ? "" : String(v));
    }
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  // Only same-site paths and http(s) URLs become links; anything else (javascript:, data:) is dropped.
  function safeHref(v) {
    const s = String(v);
    if (s.startsWith("/") && !s.startsWith("//")) return s;
    try {
      const u = new URL(s, location.origin);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch (e) { /* fall through */ }
    return "#";
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function params() { return new URLSearchParams(location.search); }

  // The page's elements by id, in one call: const [form, viz] = byId("filters", "viz").
  function byId(...ids) { return ids.map((id) => document.getElementById(id)); }

  // The QuadClass legend of a chart.
  function quadLegend(node) {
    for (const n of [1, 2, 3, 4]) node.appendChild(el("span", null, el("span", { class: `quad q${n}` }, String(n)), " ", QUAD[n].name));
  }

  // A filter form: filled from the page's query string (text fields ``keys``, checkbox ``flag``),
  // ``run`` on submit and once now.
  function bindForm(form, keys, flag, run) {
    const p = params();
    for (const k of keys) if (p.get(k)) form.elements[k].value = p.get(k);
    if (flag) form.elements[flag].checked = p.get(flag) === "true";
    form.addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
    run();
  }

  // A card of search results: a table of the page's items (``row`` gives an item's cells), or
  // ``empty`` when there are none; a pager when ``more`` (offset => search) is given.
  function resultCard(id, page, cols, row, empty, more) {
    const card = el("div", { class: "card", id });
    if (!page.items.length) card.appendChild(el("p", { class: "muted" }, empty));
    else {
      card.appendChild(el("table", { class: "data" },
        el("thead", null, el("tr", null, cols.map((h) => el("th", null, h)))),
        el("tbody", null, page.items.map((x) => el("tr", null, row(x))))));
      if (more) card.appendChild(pager(page, more));
    }
    return card;
  }

  function url(path, query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query || {})) if (v !== null && v !== undefined && v !== "") q.set(k, v);
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  }

  async function api(path, query, options) {
    const res = await fetch(url(path, query), Object.assign({ headers: { Accept: "application/json" } }, options || {}));
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const err = new Error(describe(body) || `${res.status} ${res.statusText}`);
      err.status = res.status;
      err.body = body;
      throw err;
    }
    return body;
  }

  function describe(body) {
    if (!body) return "";
    const d = body.detail;
    if (typeof d === "string") return d;
    if (Array.isArray(d)) return d.map((x) => `${(x.loc || []).slice(1).join(".")}: ${x.msg}`).join("\n");
    if (d && typeof d === "object") return [d.message, ...(d.errors || [])].filter(Boolean).join("\n");
    return JSON.stringify(body);
  }

  function showError(where, err) {
    const box = el("div", { class: "error", role: "alert" }, String(err && err.message ? err.message : err));
    clear(where).appendChild(box);
  }

  function quadBadge(q) {
    const n = Number(q) || 0;
    return el("span", { class: `quad q${n in QUAD ? n : 0}`, title: QUAD[n] ? QUAD[n].name : "unknown" }, n ? String(n) : "?");
  }

  function codeSpan(c) { return c ? el("span", { class: "code" }, c) : el("span", { class: "muted" }, "—"); }

  function articleLink(docId, eventId, label) {
    return el("a", { href: url("/ui/article", { id: docId, event: eventId }) }, label);
  }

  function actorLink(code) {
    return code ? el("a", { href: url("/ui/search", { actor: code }), title: "events of this actor" }, codeSpan(code)) : codeSpan(null);
  }

  function dyadLink(a, b, label) {
    return el("a", { href: url("/ui/dyad", { a, b }) }, label || `${a} ↔ ${b} timeline`);
  }

  // A table of event rows (the columns of GET /events).
  function eventsTable(rows, onSelect) {
    const head = el("tr", null, ["date", "source", "event", "target", "trigger", "sentence", "document"].map((h) => el("th", null, h)));
    const body = rows.map((r) => {
      const tr = el("tr", { class: onSelect ? "clickable" : null },
        el("td", null, r.date || ""),
        el("td", null, actorLink(r.source_code), " ", r.source_name || ""),
        el("td", null, quadBadge(r.quad_class), " ", codeSpan(r.cameo), r.negated ? el("span", { class: "muted" }, " not") : null,
          r.plover_event ? el("div", { class: "muted small" }, r.plover_event) : null),
        el("td", null, actorLink(r.target_code), " ", r.target_name || ""),
        el("td", null, r.trigger || ""),
        el("td", { class: "small" }, r.sentence || ""),
        el("td", { class: "small" }, articleLink(r.doc_id, r.event_id, r.event_id || "open"), r.outlet ? el("div", { class: "muted" }, r.outlet) : null));
      if (onSelect) tr.addEventListener("click", (ev) => { if (!ev.target.closest("a")) onSelect(r, tr); });
      return tr;
    });
    return el("table", { class: "data events" }, el("thead", null, head), el("tbody", null, body));
  }

  function pager(page, onGo) {
    const total = page.total;
    const from = page.items.length ? page.offset + 1 : 0;
    const to = page.offset + page.items.length;
    return el("div", { class: "pager" },
      el("button", { class: "secondary", type: "button", disabled: page.offset <= 0, onclick: () => onGo(Math.max(0, page.offset - page.limit)) }, "‹ previous"),
      el("span", { class: "muted" }, total !== null && total !== undefined ? `${from}–${to} of ${total}` : `${from}–${to}`),
      el("button", { class: "secondary", type: "button", disabled: !page.next, onclick: () => onGo(page.offset + page.limit) }, "next ›"));
  }

  function markNav() {
    for (const a of document.querySelectorAll("header.top nav a")) {
      if (a.getAttribute("href") === location.pathname) a.classList.add("here");
    }
  }
  document.addEventListener("DOMContentLoaded", markNav);

  // Quad-class counts of an aggregate row, whatever the store calls them (q1, quad1, quad_1, ...).
  function quadCounts(row) {
    const out = { 1: 0, 2: 0, 3: 0, 4: 0 };
    for (const n of [1, 2, 3, 4]) {
      for (const k of [`q${n}`, `quad${n}`, `quad_${n}`, `quad_class_${n}`, `qc${n}`]) {
        if (row && row[k] !== undefined && row[k] !== null) { out[n] = Number(row[k]) || 0; break; }
      }
    }
    if (row && row.quad_classes && typeof row.quad_classes === "object") {
      for (const n of [1, 2, 3, 4]) out[n] = Number(row.quad_classes[n] || row.quad_classes[String(n)] || 0);
    }
    return out;
  }

  function dominantQuad(row) {
    const c = quadCounts(row);
    let best = 0, bestN = 0;
    for (const n of [1, 2, 3, 4]) if (c[n] > bestN) { best = n; bestN = c[n]; }
    return best;
  }

  return { QUAD, el, svg, clear, params, byId, quadLegend, bindForm, resultCard, url, api, showError, quadBadge, codeSpan,
           articleLink, actorLink, dyadLink, eventsTable, pager, quadCounts, dominantQuad, describe };
})();
