// Documents list and the "code an article" form.
"use strict";
(() => {
  const { el, clear, api, url, showError, pager, params } = P;
  const box = document.getElementById("docs");
  const LIMIT = 50;

  async function load(offset) {
    try {
      const page = await api("/documents", { limit: LIMIT, offset });
      clear(box);
      if (!page.items.length && offset === 0) {
        box.appendChild(el("p", { class: "muted" }, "No documents yet. Ingest some with ", el("span", { class: "code" }, "polybius ingest"),
          " or code one below."));
        return;
      }
      const rows = page.items.map((d) => el("tr", null,
        el("td", null, el("a", { href: url("/ui/article", { id: d.id }), class: "doc-link" }, d.title || d.id)),
        el("td", null, d.outlet || ""),
        el("td", null, d.published || ""),
        el("td", null, count(d, "actors")),
        el("td", null, count(d, "events")),
        el("td", null, count(d, "quotes")),
        el("td", { class: "small muted" }, d.id)));
      box.appendChild(el("table", { class: "data" },
        el("thead", null, el("tr", null, ["title", "outlet", "published", "actors", "events", "quotes", "id"].map((h) => el("th", null, h)))),
        el("tbody", null, rows)));
      box.appendChild(pager(page, load));
    } catch (err) {
      showError(box, err);
    }
  }

  function count(d, what) {
    for (const k of [what, `n_${what}`, `${what}_count`]) if (d[k] !== undefined && d[k] !== null) return String(d[k]);
    return "";
  }

  const form = document.getElementById("post-form");
  const status = document.getElementById("post-status");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const body = { text: f.get("text") };
    for (const k of ["title", "published", "outlet"]) if (f.get(k)) body[k] = f.get(k);
    const button = form.querySelector("button");
    button.disabled = true;
    status.textContent = "coding…";
    try {
      const doc = await api("/documents", null, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-API-Key": f.get("key") },
        body: JSON.stringify(body),
      });
      location.href = url("/ui/article", { id: doc.id });
    } catch (err) {
      status.textContent = "";
      showError(status, err);
    } finally {
      button.disabled = false;
    }
  });

  load(Number(params().get("offset")) || 0);
})();
