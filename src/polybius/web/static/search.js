// Search: events by actor, code, date and words; stances by proposition; actors by code.
"use strict";
(() => {
  const { el, clear, api, url, params, showError, eventsTable, pager, resultCard, codeSpan, actorLink, dyadLink } = P;
  const evForm = document.getElementById("event-form"), evBox = document.getElementById("event-results");
  const stForm = document.getElementById("stance-form"), stBox = document.getElementById("stance-results");
  const acForm = document.getElementById("actor-form"), acBox = document.getElementById("actor-results");
  const quForm = document.getElementById("quote-form"), quBox = document.getElementById("quote-results");
  const EVENT_KEYS = ["actor", "source", "target", "cameo", "quad_class", "start", "end", "text", "outlet"];
  const LIMIT = 50;

  function values(form, keys) {
    const f = new FormData(form), q = {};
    for (const k of keys) { const v = (f.get(k) || "").trim(); if (v) q[k] = v; }
    return q;
  }

  function remember(q) { history.replaceState(null, "", url(location.pathname, q)); }

  async function searchEvents(offset) {
    const q = values(evForm, EVENT_KEYS);
    if (q.cameo && /^\d{2}$/.test(q.cameo)) { q.root = q.cameo; delete q.cameo; }
    remember(values(evForm, EVENT_KEYS));
    clear(evBox).appendChild(el("span", { class: "muted" }, "searching…"));
    try {
      const page = await api("/events", { ...q, limit: LIMIT, offset });
      clear(evBox);
      const card = el("div", { class: "card", id: "event-card" });
      card.appendChild(el("p", { class: "muted small", id: "event-count" }, `${page.total} event(s)`));
      if (page.items.length) { card.appendChild(eventsTable(page.items)); card.appendChild(pager(page, searchEvents)); }
      evBox.appendChild(card);
    } catch (err) { showError(evBox, err); }
  }

  async function searchStances() {
    const q = values(stForm, ["proposition", "holder"]);
    remember(q);
    clear(stBox).appendChild(el("span", { class: "muted" }, "searching…"));
    try {
      const res = await api("/stances", q);
      clear(stBox);
      const card = el("div", { class: "card", id: "stance-card" });
      card.appendChild(el("p", { class: "muted small" }, `${res.items.length} stance group(s)`));
      if (res.items.length) {
        const cols = ["proposition", "holder", "polarity", "documents", "evidence"];
        card.appendChild(el("table", { class: "data" },
          el("thead", null, el("tr", null, cols.map((h) => el("th", null, h)))),
          el("tbody", null, res.items.map((s) => el("tr", null,
            el("td", null, s.proposition || ""),
            el("td", null, s.holder_code ? actorLink(s.holder_code) : null, " ",
              Array.isArray(s.holder_names) ? s.holder_names.join(", ") : (s.holder_name || (s.holder_code ? "" : s.holder) || "")),
            el("td", null, s.polarity || "", s.support !== undefined ? el("div", { class: "muted small" }, `${s.support} support, ${s.oppose} oppose`) : null),
            el("td", null, String(s.documents ?? s.n_documents ?? "")),
            el("td", { class: "small" }, evidence(s)))))));
      }
      stBox.appendChild(card);
    } catch (err) { showError(stBox, err); }
  }

  function evidence(s) {
    const ev = s.evidence || s.examples || [];
    if (!Array.isArray(ev)) return String(ev);
    return ev.slice(0, 3).map((x) => el("div", null, typeof x === "string" ? x : [x.polarity ? `${x.polarity}: ` : "", x.text || ""],
      x && x.doc_id ? [" ", el("a", { href: url("/ui/article", { id: x.doc_id }) }, "article")] : null));
  }

  async function searchQuotes(offset) {
    const q = values(quForm, ["speaker", "words"]);
    remember(q);
    clear(quBox).appendChild(el("span", { class: "muted" }, "searching…"));
    try {
      const page = await api("/quotes", { speaker: q.speaker, text: q.words, limit: LIMIT, offset });
      clear(quBox).appendChild(resultCard("quote-card", page, ["speaker", "kind", "quote", "document"], (x) => [
        el("td", null, x.speaker_code ? actorLink(x.speaker_code) : null, " ", x.speaker_name || ""),
        el("td", null, x.kind || ""),
        el("td", null, x.text || ""),
        el("td", { class: "small" }, el("a", { href: url("/ui/article", { id: x.doc_id }) }, x.quote_id || "open")),
      ], "No quotes.", searchQuotes));
    } catch (err) { showError(quBox, err); }
  }

  async function searchActors(offset) {
    const q = values(acForm, ["code"]);
    remember(q);
    clear(acBox).appendChild(el("span", { class: "muted" }, "searching…"));
    try {
      const page = await api("/actors", { ...q, limit: LIMIT, offset });
      clear(acBox).appendChild(resultCard("actor-card", page, ["code", "names", "documents", "events"], (a) => [
        el("td", null, actorLink(a.code)),
        el("td", null, Array.isArray(a.names) ? a.names.join(", ") : (a.names || a.name || "")),
        el("td", null, String(a.documents ?? a.n_documents ?? "")),
        el("td", null, String(a.events ?? a.n_events ?? "")),
      ], "No actors.", searchActors));
    } catch (err) { showError(acBox, err); }
  }

  evForm.addEventListener("submit", (e) => { e.preventDefault(); searchEvents(0); });
  stForm.addEventListener("submit", (e) => { e.preventDefault(); searchStances(); });
  acForm.addEventListener("submit", (e) => { e.preventDefault(); searchActors(0); });
  quForm.addEventListener("submit", (e) => { e.preventDefault(); searchQuotes(0); });

  const p = params();
  let any = false;
  for (const k of EVENT_KEYS) if (p.get(k)) { evForm.elements[k].value = p.get(k); any = true; }
  if (p.get("root") && !p.get("cameo")) { evForm.elements.cameo.value = p.get("root"); any = true; }
  if (any) searchEvents(0);
  if (p.get("proposition") || p.get("holder")) {
    stForm.elements.proposition.value = p.get("proposition") || "";
    stForm.elements.holder.value = p.get("holder") || "";
    searchStances();
  }
  if (p.get("speaker") || p.get("words")) {
    quForm.elements.speaker.value = p.get("speaker") || "";
    quForm.elements.words.value = p.get("words") || "";
    searchQuotes(0);
  }
  if (p.get("code")) { acForm.elements.code.value = p.get("code"); searchActors(0); }
})();
