// A readable page made from the app's own OpenAPI document (the stock pages need a CDN).
"use strict";
(() => {
  const { el, clear, api, showError } = P;
  const box = document.getElementById("doc");

  function schemaText(s) {
    if (!s) return "";
    if (s.$ref) return s.$ref.split("/").pop();
    if (s.anyOf) return s.anyOf.map(schemaText).filter((x) => x !== "null").join(" | ");
    if (s.enum) return s.enum.join(" | ");
    return s.type === "array" ? `${schemaText(s.items)}[]` : (s.format ? `${s.type} (${s.format})` : s.type || "");
  }

  async function main() {
    try {
      const spec = await api("/openapi.json");
      clear(box);
      box.appendChild(el("p", null, spec.info.title, " ", spec.info.version));
      for (const [path, ops] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const card = el("section", { class: "card endpoint" });
          card.appendChild(el("h2", null, el("span", { class: "code" }, method.toUpperCase()), " ", path));
          if (op.summary) card.appendChild(el("p", null, el("strong", null, op.summary)));
          if (op.description) card.appendChild(el("p", { class: "small" }, op.description));
          if (op.security) card.appendChild(el("p", { class: "small muted" }, "needs an API key"));
          const ps = op.parameters || [];
          if (ps.length) card.appendChild(el("table", { class: "data" },
            el("thead", null, el("tr", null, ["parameter", "in", "type", "description"].map((h) => el("th", null, h)))),
            el("tbody", null, ps.map((p) => el("tr", null, el("td", { class: "code" }, p.name), el("td", null, p.in),
              el("td", null, schemaText(p.schema), p.schema && p.schema.pattern ? el("div", { class: "muted small" }, p.schema.pattern) : null),
              el("td", { class: "small" }, p.description || (p.schema && p.schema.description) || ""))))));
          if (op.requestBody) {
            const s = op.requestBody.content["application/json"].schema;
            card.appendChild(el("p", { class: "small" }, "body: ", el("span", { class: "code" }, schemaText(s))));
          }
          card.appendChild(el("p", { class: "small muted" }, "responses: ", Object.keys(op.responses || {}).join(", ")));
          box.appendChild(card);
        }
      }
      const schemas = (spec.components && spec.components.schemas) || {};
      for (const [name, s] of Object.entries(schemas)) {
        if (!s.properties) continue;
        const card = el("section", { class: "card" }, el("h2", null, name));
        if (s.description) card.appendChild(el("p", { class: "small" }, s.description));
        card.appendChild(el("table", { class: "data" }, el("tbody", null, Object.entries(s.properties).map(([k, v]) =>
          el("tr", null, el("td", { class: "code" }, k), el("td", null, schemaText(v)), el("td", { class: "small" }, v.description || ""))))));
        box.appendChild(card);
      }
    } catch (err) { showError(box, err); }
  }
  main();
})();
