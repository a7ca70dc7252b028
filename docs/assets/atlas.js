// Virtualization Atlas: sorting and filtering the matrix, the comparer, the decision guide and
// copy-link buttons. Every page reads fine without this file; it only adds interaction.
// Data values are always inserted with textContent, never as HTML.
(function () {
  "use strict";

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    children.forEach((child) => node.append(child));
    return node;
  };
  // Our data markup: `code` and [[kind:id|label]]; shown as plain text here.
  const plain = (text) =>
    String(text || "")
      .replace(/\[\[[a-z-]+:([a-z0-9-]+)\|([^\]]+)\]\]/g, "$2")
      .replace(/\[\[[a-z-]+:([a-z0-9-]+)\]\]/g, "$1")
      .replace(/`([^`]+)`/g, "$1");
  const params = () => new URLSearchParams(window.location.search);
  const setParams = (query) => {
    const search = query.toString().replace(/%2C/gi, ","); // readable ?items=kvm,xen
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  };
  const copy = async (text, button) => {
    const old = button.textContent;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "✓ " + old;
    } catch (error) {
      window.prompt("", text);
    }
    setTimeout(() => (button.textContent = old), 1500);
  };

  // --- matrix: sort by any column, filter, state in the URL -------------------------------
  function matrix() {
    const table = $("#atlas-matrix");
    if (!table) return;
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const heads = $$("thead th", table);
    const form = $("#atlas-matrix-filters");
    const query = params();

    const sortBy = (col, dir) => {
      const index = heads.findIndex((th) => th.dataset.col === col);
      if (index < 0) return;
      const key = (row) => row.cells[index].dataset.sort || row.cells[index].textContent.trim().toLowerCase();
      const sorted = rows.slice().sort((a, b) => key(a).localeCompare(key(b), undefined, { numeric: true }));
      if (dir === "desc") sorted.reverse();
      sorted.forEach((row) => body.append(row));
      heads.forEach((th) => th.removeAttribute("aria-sort"));
      heads[index].setAttribute("aria-sort", dir === "desc" ? "descending" : "ascending");
    };
    heads.forEach((th) => {
      const button = el("button", { type: "button", text: th.textContent });
      th.textContent = "";
      th.append(button);
      button.addEventListener("click", () => {
        const dir = th.getAttribute("aria-sort") === "ascending" ? "desc" : "asc";
        sortBy(th.dataset.col, dir);
        const q = params();
        q.set("sort", th.dataset.col);
        q.set("dir", dir);
        setParams(q);
      });
    });

    const selects = $$("select", form);
    const count = $(".atlas-count", form);
    const apply = () => {
      const q = params();
      let shown = 0;
      rows.forEach((row) => {
        const ok = selects.every((s) => !s.value || (row.dataset[s.dataset.key] || "").split(" ").includes(s.value));
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      selects.forEach((s) => (s.value ? q.set(s.name, s.value) : q.delete(s.name)));
      setParams(q);
      count.textContent = form.dataset.shown.replace("{n}", shown).replace("{total}", rows.length);
    };
    selects.forEach((s) => {
      if (query.get(s.name)) s.value = query.get(s.name);
      s.addEventListener("change", apply);
    });
    const clear = $("button.atlas-clear", form);
    clear.addEventListener("click", () => {
      selects.forEach((s) => (s.value = ""));
      apply();
    });
    form.hidden = false;
    if (query.get("sort")) sortBy(query.get("sort"), query.get("dir"));
    apply();
  }

  // --- comparer: 2 to 5 products side by side, selection in ?items= ---------------------------
  async function comparer() {
    const root = $("#atlas-comparer");
    if (!root) return;
    const matrix = await fetch(root.dataset.matrix).then((r) => r.json());
    const products = matrix.products;
    const byId = new Map(products.map((p) => [p.id, p]));

    const picker = el("div", { class: "atlas-picker" });
    const input = el("input", { type: "search", list: "atlas-products", "aria-label": root.dataset.add, placeholder: root.dataset.add, autocomplete: "off" });
    const list = el("datalist", { id: "atlas-products" });
    products
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((p) => list.append(el("option", { value: p.name, label: p.id })));
    const add = el("button", { type: "button", text: "+" , "aria-label": root.dataset.add });
    const copyButton = el("button", { type: "button", text: root.dataset.copy });
    picker.append(input, list, add, copyButton);
    const chips = el("ul", { class: "atlas-chips", "aria-live": "polite" });
    const problems = el("p", { class: "atlas-problem", role: "status" });
    const out = el("div", { class: "atlas-scroll", tabindex: "0", role: "region", "aria-label": root.dataset.add });
    root.append(picker, chips, problems, out);

    let selected = [];
    const unknown = [];
    (params().get("items") || "").split(",").filter(Boolean).forEach((id) => {
      if (byId.has(id) && !selected.includes(id) && selected.length < 5) selected.push(id);
      else if (!byId.has(id)) unknown.push(id);
    });
    problems.textContent = unknown.length ? "Unknown product id(s) in the address / 网址中的未知产品 id: " + unknown.join(", ") : "";

    const draw = (byReader = true) => {
      if (byReader) root.classList.remove("atlas-pending");
      const q = params();
      selected.length ? q.set("items", selected.join(",")) : q.delete("items");
      setParams(q);
      chips.textContent = "";
      selected.forEach((id) => {
        const remove = el("button", { type: "button", "aria-label": "× " + byId.get(id).name, text: byId.get(id).name + " ×" });
        remove.addEventListener("click", () => {
          selected = selected.filter((x) => x !== id);
          draw();
        });
        chips.append(el("li", {}, remove));
      });
      out.textContent = "";
      if (selected.length < 2) return;
      const table = el("table", { class: "atlas-matrix atlas-compare-table" });
      const head = el("tr", {}, el("th", { scope: "col" }));
      selected.forEach((id) => head.append(el("th", { scope: "col" }, el("a", { href: root.dataset.productBase + id + "/", text: byId.get(id).name }))));
      table.append(el("thead", {}, head));
      const tbody = el("tbody");
      matrix.columns.forEach((column, i) => {
        const values = selected.map((id) => byId.get(id).cells[i]);
        const differs = new Set(values).size > 1;
        const row = el("tr", differs ? { class: "atlas-differs" } : {}, el("th", { scope: "row", text: column.label + (differs ? " ≠" : "") }));
        values.forEach((v) => row.append(el("td", { text: v })));
        tbody.append(row);
      });
      table.append(tbody);
      out.append(table);
    };
    const addCurrent = () => {
      const wanted = input.value.trim().toLowerCase();
      const match = products.find((p) => p.name.toLowerCase() === wanted || p.id === wanted);
      if (match && !selected.includes(match.id) && selected.length < 5) selected.push(match.id);
      input.value = "";
      draw();
    };
    add.addEventListener("click", addCurrent);
    input.addEventListener("change", addCurrent);
    input.addEventListener("keydown", (e) => e.key === "Enter" && (e.preventDefault(), addCurrent()));
    copyButton.addEventListener("click", () => copy(window.location.href, copyButton));
    draw(false);
  }

  // --- guide: first matching rule wins; answers in the URL -------------------------------------
  async function guide() {
    const form = $("#atlas-guide");
    if (!form) return;
    const lang = form.dataset.lang;
    const data = (await fetch(form.dataset.rules).then((r) => r.json())).guide;
    const result = $("#atlas-guide-result");
    const outcomes = new Map(data.outcomes.map((o) => [o.id, o]));
    const query = params();
    $$("input[type=radio]", form).forEach((input) => {
      if (query.get(input.name) === input.value) input.checked = true;
      input.addEventListener("change", update);
    });
    function update() {
      const answers = {};
      $$("input[type=radio]:checked", form).forEach((i) => (answers[i.name] = i.value));
      const q = params();
      data.questions.forEach((question) => (answers[question.id] ? q.set(question.id, answers[question.id]) : q.delete(question.id)));
      setParams(q);
      const rule = data.rules.find((r) => Object.entries(r.when).every(([k, v]) => answers[k] === v));
      const outcome = outcomes.get(rule.outcome);
      result.textContent = "";
      const title = el("strong", {}, el("a", { href: "#" + outcome.id, text: outcome.name[lang] }));
      result.append(el("p", {}, title, document.createTextNode(": " + plain(outcome.summary[lang]))));
      rule.reasons.forEach((reason) => result.append(el("p", { text: plain(reason[lang]) })));
    }
    form.hidden = false;
    update();
  }

  // --- copy the URL of a comparison row --------------------------------------------------------
  function rowLinks() {
    $$("a.atlas-row").forEach((a) =>
      a.addEventListener("click", () => {
        if (navigator.clipboard) navigator.clipboard.writeText(a.href).catch(() => {});
      })
    );
  }

  // --- wide tables that scroll sideways on a phone can be reached with the keyboard ------------
  function scrollRegions() {
    $$(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth <= wrap.clientWidth) return;
      let heading = wrap.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", (heading ? heading.textContent : document.title).replace(/¶$/, "").trim());
    });
  }

  const start = () => {
    scrollRegions();
    matrix();
    rowLinks();
    comparer().catch((error) => console.warn("comparer:", error));
    guide().catch((error) => console.warn("guide:", error));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
