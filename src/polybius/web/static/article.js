// Article view: the text with actors, event triggers, quotes, places and dates highlighted,
// and a side panel for the item clicked.  All text goes in as text nodes.
"use strict";
(() => {
  const { el, clear, api, url, params, byId: elements, showError, quadBadge, codeSpan, actorLink, dyadLink, QUAD } = P;
  const [head, textBox, panel] = elements("head", "text", "panel");
  const PRIORITY = ["trigger", "place", "date", "actor", "quote"];

  let doc = null;
  const byId = { actor: new Map(), event: new Map(), quote: new Map() };
  const segInfo = new WeakMap();      // span -> [{kind, refs}]
  const spansOf = new Map();          // "kind:ref" -> [span]
  let selected = [];

  function fmtDate(d) {
    if (!d) return null;
    const range = d.start === d.end || !d.end ? d.start : `${d.start} – ${d.end}`;
    return d.text ? `${range} (“${d.text}”)` : range;
  }

  function actorLabel(actorId) {
    const a = byId.actor.get(actorId);
    if (!a) return el("span", { class: "muted" }, actorId ? actorId : "—");
    return el("span", null, el("a", { href: "#", class: "actor-ref", onclick: (ev) => { ev.preventDefault(); select("actor", a.id); } }, a.name),
      " ", codeSpan(a.code));
  }

  function sentenceText(i) {
    const s = doc.sentences[i];
    return s ? doc.text.slice(s.start, s.end).trim() : "";
  }

  // -- annotations --------------------------------------------------------------
  function findInSentence(needle, sentenceIndex) {
    const s = doc.sentences[sentenceIndex];
    if (!s || !needle) return -1;
    const i = doc.text.slice(s.start, s.end).indexOf(needle);
    return i < 0 ? -1 : s.start + i;
  }

  function annotations() {
    const n = doc.text.length;
    const map = new Map();
    const add = (start, end, kind, ref) => {
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= n && start < end)) return;
      const key = `${kind}:${start}:${end}`;
      if (!map.has(key)) map.set(key, { start, end, kind, refs: [] });
      if (!map.get(key).refs.includes(ref)) map.get(key).refs.push(ref);
    };
    for (const a of doc.actors) for (const m of a.mentions || []) add(m.start, m.end, "actor", a.id);
    for (const e of doc.events) {
      if (e.trigger) add(e.trigger.start, e.trigger.end, "trigger", e.id);
      if (e.place && e.place.name) {
        const i = findInSentence(e.place.name, e.sentence);
        if (i >= 0) add(i, i + e.place.name.length, "place", e.id);
      }
      if (e.date && e.date.text) {
        const i = findInSentence(e.date.text, e.sentence);
        if (i >= 0) add(i, i + e.date.text.length, "date", e.id);
      }
    }
    for (const q of doc.quotes) add(q.start, q.end, "quote", q.id);
    return [...map.values()];
  }

  function render() {
    clear(textBox);
    const ann = annotations();
    const n = doc.text.length;
    const blocks = doc.blocks && doc.blocks.length ? doc.blocks : [{ kind: "paragraph", start: 0, end: n }];
    for (const b of blocks) {
      const tag = b.kind === "headline" ? "h2" : b.kind === "subhead" ? "h3" : "p";
      const node = el(tag, { class: b.kind === "headline" ? "headline" : b.kind === "subhead" ? "subhead" : null });
      const here = ann.filter((a) => a.start < b.end && a.end > b.start);
      const cuts = new Set([b.start, b.end]);
      for (const a of here) { cuts.add(Math.max(a.start, b.start)); cuts.add(Math.min(a.end, b.end)); }
      const points = [...cuts].sort((x, y) => x - y);
      for (let i = 0; i + 1 < points.length; i++) {
        const s = points[i], e = points[i + 1];
        const piece = doc.text.slice(s, e);
        const active = here.filter((a) => a.start <= s && a.end >= e);
        if (!active.length) { node.appendChild(document.createTextNode(piece)); continue; }
        // Innermost first: the shortest annotation of a kind names what this piece is.
        active.sort((x, y) => (x.end - x.start) - (y.end - y.start));
        const kinds = [...new Set(active.map((a) => a.kind))];
        const span = el("span", { class: ["hl", ...kinds].join(" ") }, piece);
        const info = kinds.map((k) => ({ kind: k, refs: [...new Set(active.filter((a) => a.kind === k).flatMap((a) => a.refs))] }));
        for (const { kind, refs } of info) {
          span.dataset[kind] = refs.join(" ");
          for (const r of refs) {
            const key = `${kind === "place" || kind === "date" ? "trigger" : kind}:${r}`;
            if (!spansOf.has(key)) spansOf.set(key, []);
            spansOf.get(key).push(span);
          }
        }
        span.title = describeSpan(info);
        segInfo.set(span, info);
        node.appendChild(span);
      }
      textBox.appendChild(node);
    }
  }

  function describeSpan(info) {
    const parts = [];
    for (const { kind, refs } of info) {
      for (const r of refs) {
        if (kind === "actor") { const a = byId.actor.get(r); if (a) parts.push(`${a.name}${a.code ? " [" + a.code + "]" : ""}`); }
        else if (kind === "trigger") { const e = byId.event.get(r); if (e) parts.push(`${e.id}: CAMEO ${e.cameo}`); }
        else if (kind === "place") { const e = byId.event.get(r); if (e && e.place) parts.push(`place of ${e.id}: ${e.place.name}`); }
        else if (kind === "date") { const e = byId.event.get(r); if (e && e.date) parts.push(`date of ${e.id}: ${e.date.start}`); }
        else if (kind === "quote") parts.push(`quote ${r}`);
      }
    }
    return parts.join("\n");
  }

  textBox.addEventListener("click", (ev) => {
    const span = ev.target.closest(".hl");
    if (!span || !segInfo.has(span)) return;
    const info = segInfo.get(span);
    const hidden = (k) => textBox.classList.contains(`off-${k}`);
    for (const kind of PRIORITY) {
      const hit = info.find((x) => x.kind === kind);
      if (hit && !hidden(kind)) {
        const k = kind === "place" || kind === "date" ? "event" : kind === "trigger" ? "event" : kind;
        select(k, hit.refs[0], info);
        return;
      }
    }
  });

  // -- selection and the side panel ------------------------------------------------
  function mark(key) {
    for (const s of selected) s.classList.remove("sel");
    selected = spansOf.get(key) || [];
    for (const s of selected) s.classList.add("sel");
    if (selected.length) selected[0].scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function select(kind, ref, info) {
    clear(panel);
    if (kind === "event") { showEvent(byId.event.get(ref)); mark(`trigger:${ref}`); }
    else if (kind === "actor") { showActor(byId.actor.get(ref)); mark(`actor:${ref}`); }
    else if (kind === "quote") { showQuote(byId.quote.get(ref)); mark(`quote:${ref}`); }
    for (const tr of document.querySelectorAll("tr.selected")) tr.classList.remove("selected");
    const row = document.querySelector(`tr[data-ref="${kind}:${CSS.escape(ref)}"]`);
    if (row) row.classList.add("selected");
    if (info) {
      const others = [];
      for (const { kind: k, refs } of info) for (const r of refs) {
        const kk = k === "trigger" || k === "place" || k === "date" ? "event" : k;
        if (!(kk === kind && r === ref) && !others.some((o) => o[0] === kk && o[1] === r)) others.push([kk, r]);
      }
      if (others.length) {
        panel.appendChild(el("p", { class: "small muted" }, "Also here: ",
          others.map(([k, r]) => [el("a", { href: "#", onclick: (e) => { e.preventDefault(); select(k, r, info); } }, label(k, r)), " "])));
      }
    }
  }

  function label(kind, ref) {
    if (kind === "actor") { const a = byId.actor.get(ref); return a ? a.name : ref; }
    if (kind === "event") { const e = byId.event.get(ref); return e ? `${e.id} (${e.cameo})` : ref; }
    return ref;
  }

  function facts(pairs) {
    return el("dl", { class: "facts" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [el("dt", null, k), el("dd", null, v)]));
  }

  function showEvent(e) {
    if (!e) return;
    const src = byId.actor.get(e.source), tgt = byId.actor.get(e.target);
    const trig = doc.text.slice(e.trigger.start, e.trigger.end);
    const place = e.place ? [e.place.name, e.place.country ? `(${e.place.country})` : null,
      e.place.lat !== null && e.place.lat !== undefined ? `${e.place.lat}, ${e.place.lon}` : null].filter(Boolean).join(" ") : null;
    panel.appendChild(el("h3", { id: "panel-title" }, `Event ${e.id} `, quadBadge(e.quad_class)));
    panel.appendChild(facts([
      ["CAMEO", el("span", null, e.negated ? "not " : "", codeSpan(e.cameo), ` root ${e.root}`)],
      ["PLOVER", e.plover ? [e.plover.event, e.plover.mode ? ` / ${e.plover.mode}` : ""].join("") : null],
      ["source", actorLabel(e.source)],
      ["target", actorLabel(e.target)],
      ["date", fmtDate(e.date)],
      ["place", place],
      ["QuadClass", `${e.quad_class} ${QUAD[e.quad_class] ? QUAD[e.quad_class].name : ""}`],
      ["Goldstein", e.goldstein !== null && e.goldstein !== undefined ? Number(e.goldstein).toFixed(1) : null],
      ["modality", e.modality],
      ["confidence", e.confidence !== undefined && e.confidence !== null ? Number(e.confidence).toFixed(2) : null],
      ["trigger", `“${trig}” [${e.trigger.start}, ${e.trigger.end})`],
      ["rule", el("span", { class: "code rule" }, e.rule || "")],
    ]));
    panel.appendChild(el("blockquote", { class: "sent" }, sentenceText(e.sentence)));
    const s = doc.sentences[e.sentence];
    const more = (e.evidence || []).filter((x) => !(s && x.start <= s.start + 1 && x.end >= s.end - 1) && x.start < x.end);
    if (more.length) {
      panel.appendChild(el("p", { class: "small muted" }, `Also stated in ${more.length === 1 ? "this passage" : "these passages"}:`));
      for (const x of more) panel.appendChild(el("blockquote", { class: "sent evidence" }, doc.text.slice(x.start, x.end).trim()));
    }
    const links = [];
    if (src && tgt && src.code && tgt.code) links.push(dyadLink(src.code, tgt.code));
    if (src && src.code) links.push(el("a", { href: url("/ui/search", { actor: src.code }) }, `events of ${src.code}`));
    if (tgt && tgt.code) links.push(el("a", { href: url("/ui/search", { actor: tgt.code }) }, `events of ${tgt.code}`));
    if (links.length) panel.appendChild(el("p", { class: "small" }, links.map((l) => [l, el("br")])));
  }

  function showActor(a) {
    if (!a) return;
    const names = [...new Set((a.mentions || []).map((m) => doc.text.slice(m.start, m.end)))];
    panel.appendChild(el("h3", { id: "panel-title" }, a.name, " ", codeSpan(a.code)));
    panel.appendChild(facts([
      ["id", a.id], ["code", a.code ? actorLink(a.code) : null], ["kind", a.kind], ["country", a.country],
      ["sectors", (a.sectors || []).join(", ")], ["why", a.reason],
      ["mentions", `${(a.mentions || []).length}: ${names.join(" · ")}`],
    ]));
    const evs = doc.events.filter((e) => e.source === a.id || e.target === a.id);
    if (evs.length) {
      panel.appendChild(el("h3", null, "Events"));
      panel.appendChild(el("ul", { class: "small" }, evs.map((e) => el("li", null,
        el("a", { href: "#", onclick: (x) => { x.preventDefault(); select("event", e.id); } }, `${e.id} ${e.cameo}`), " ",
        e.source === a.id ? "→ " : "← ", actorLabel(e.source === a.id ? e.target : e.source)))));
    }
    const qs = doc.quotes.filter((q) => q.speaker === a.id);
    if (qs.length) {
      panel.appendChild(el("h3", null, "Quotes"));
      panel.appendChild(el("ul", { class: "small" }, qs.map((q) => el("li", null, `“${q.text}”`))));
    }
  }

  function showQuote(q) {
    if (!q) return;
    panel.appendChild(el("h3", { id: "panel-title" }, `Quote ${q.id}`));
    panel.appendChild(facts([["speaker", actorLabel(q.speaker)], ["kind", q.kind], ["verb", q.verb], ["rule", q.rule],
      ["offsets", `[${q.start}, ${q.end})`]]));
    panel.appendChild(el("blockquote", { class: "sent" }, q.text));
  }

  // -- tables under the text ----------------------------------------------------------
  function tables() {
    const evBox = document.getElementById("events");
    const name = (id) => { const a = byId.actor.get(id); return a ? [a.name, " ", codeSpan(a.code)] : el("span", { class: "muted" }, "—"); };
    if (!doc.events.length) evBox.appendChild(el("p", { class: "muted" }, "No events."));
    else evBox.appendChild(el("table", { class: "data" },
      el("thead", null, el("tr", null, ["id", "source", "event", "target", "trigger", "date", "rule"].map((h) => el("th", null, h)))),
      el("tbody", null, doc.events.map((e) => el("tr", { class: "clickable", dataset: { ref: `event:${e.id}` }, onclick: () => select("event", e.id) },
        el("td", null, e.id), el("td", null, name(e.source)),
        el("td", null, quadBadge(e.quad_class), " ", e.negated ? "not " : "", codeSpan(e.cameo)),
        el("td", null, name(e.target)), el("td", null, doc.text.slice(e.trigger.start, e.trigger.end)),
        el("td", null, e.date ? e.date.start : ""), el("td", { class: "small" }, e.rule || ""))))));

    const acBox = document.getElementById("actors");
    if (!doc.actors.length) acBox.appendChild(el("p", { class: "muted" }, "No actors."));
    else acBox.appendChild(el("table", { class: "data" },
      el("thead", null, el("tr", null, ["id", "name", "code", "kind", "mentions"].map((h) => el("th", null, h)))),
      el("tbody", null, doc.actors.map((a) => el("tr", { class: "clickable", dataset: { ref: `actor:${a.id}` }, onclick: () => select("actor", a.id) },
        el("td", null, a.id), el("td", null, a.name), el("td", null, codeSpan(a.code)), el("td", null, a.kind),
        el("td", null, String((a.mentions || []).length)))))));

    const qBox = document.getElementById("quotes");
    if (!doc.quotes.length) qBox.appendChild(el("p", { class: "muted" }, "No quotes."));
    else qBox.appendChild(el("table", { class: "data" },
      el("thead", null, el("tr", null, ["id", "speaker", "kind", "text"].map((h) => el("th", null, h)))),
      el("tbody", null, doc.quotes.map((q) => el("tr", { class: "clickable", dataset: { ref: `quote:${q.id}` }, onclick: () => select("quote", q.id) },
        el("td", null, q.id), el("td", null, name(q.speaker)), el("td", null, q.kind), el("td", { class: "small" }, q.text))))));

    const sBox = document.getElementById("stances");
    if (!doc.stances.length) sBox.appendChild(el("p", { class: "muted" }, "No stances."));
    else sBox.appendChild(el("table", { class: "data" },
      el("thead", null, el("tr", null, ["holder", "polarity", "proposition"].map((h) => el("th", null, h)))),
      el("tbody", null, doc.stances.map((s) => el("tr", null, el("td", null, name(s.holder)), el("td", null, s.polarity),
        el("td", null, el("a", { href: url("/ui/search", { proposition: s.proposition }) }, s.proposition)))))));
  }

  function header() {
    clear(head);
    document.title = `${doc.title || doc.id} · Polybius`;
    head.appendChild(el("h1", { id: "doc-title" }, doc.title || doc.id));
    head.appendChild(el("p", { class: "muted small" },
      [doc.outlet, doc.published, doc.id].filter(Boolean).join(" · "),
      doc.url ? [" · ", el("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "source")] : null,
      ` · ${doc.actors.length} actors, ${doc.events.length} events, ${doc.quotes.length} quotes, ${doc.stances.length} stances`));
    for (const e of doc.errors || []) head.appendChild(el("div", { class: "error" }, e));
  }

  for (const box of document.querySelectorAll("#legend input[data-layer]")) {
    box.addEventListener("change", () => textBox.classList.toggle(`off-${box.dataset.layer}`, !box.checked));
  }

  async function main() {
    const id = params().get("id");
    if (!id) { showError(head, "No document id: open an article from the Documents page."); return; }
    try {
      doc = await api(`/documents/${encodeURIComponent(id)}`);
    } catch (err) {
      showError(head, err);
      return;
    }
    for (const a of doc.actors) byId.actor.set(a.id, a);
    for (const e of doc.events) byId.event.set(e.id, e);
    for (const q of doc.quotes) byId.quote.set(q.id, q);
    header();
    render();
    tables();
    const want = params().get("event");
    if (want && byId.event.has(want)) select("event", want);
    document.body.dataset.ready = "1";
  }
  main();
})();
