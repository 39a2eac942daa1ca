// Data as tables keyed by set elements: parameters of one or two indices are edited in place (validated),
// imported from CSV or a pasted spreadsheet range, exported as CSV. Pure DOM, no HTML strings.
"use strict";

const Tables = (() => {
  /** The element labels of a set (a range is its integers), or null for sets the table cannot show. */
  function elements(formulation, setName) {
    const set = (formulation.sets || []).find((s) => s.name === setName);
    if (!set) return null;
    if (set.range) {
      const out = [];
      for (let v = set.range[0]; v <= set.range[1] && out.length < 500; v++) out.push(String(v));
      return out;
    }
    if ((set.elements || []).some((e) => Array.isArray(e))) return null; // tuples: shown as JSON
    return (set.elements || []).map(String);
  }

  /** Reads value [i][j] whatever the form of "values" (nested arrays, or objects keyed by element). */
  function read(p, keys, positions) {
    let node = p.values;
    for (let k = 0; k < keys.length; k++) {
      if (node === undefined || node === null) break;
      node = Array.isArray(node) ? node[positions[k]] : node[keys[k]];
    }
    return typeof node === "number" ? node : (p.default !== undefined ? p.default : undefined);
  }

  /** Writes a value in the parameter's own form, so the JSON a planner sees keeps its shape. */
  function write(p, keys, positions, value) {
    if (p.values === undefined) p.values = keys.length === 1 ? {} : {};
    let node = p.values;
    for (let k = 0; k < keys.length - 1; k++) {
      const slot = Array.isArray(node) ? positions[k] : keys[k];
      if (node[slot] === undefined || node[slot] === null || typeof node[slot] !== "object") node[slot] = Array.isArray(node) ? [] : {};
      node = node[slot];
    }
    node[Array.isArray(node) ? positions[keys.length - 1] : keys[keys.length - 1]] = value;
  }

  function parseNumber(text) {
    const t = String(text).trim().replace(/\u2212/g, "-");
    if (t === "") return { error: "empty" };
    // Spreadsheets paste "1,234.5" and "12 %": accept thousands separators, refuse anything else.
    const plain = t.replace(/(\d),(?=\d{3}\b)/g, "$1");
    const value = Number(plain);
    return Number.isFinite(value) ? { value } : { error: `"${t}" is not a number` };
  }

  /** CSV or tab-separated rows (quotes as in RFC 4180). */
  function parseDelimited(text) {
    const delimiter = text.includes("\t") ? "\t" : (text.split("\n")[0].includes(";") && !text.split("\n")[0].includes(",") ? ";" : ",");
    const rows = [];
    let row = [], cell = "", quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === delimiter) { row.push(cell); cell = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(cell); cell = "";
        if (row.some((x) => x.trim() !== "")) rows.push(row.map((x) => x.trim()));
        row = [];
      } else cell += c;
    }
    row.push(cell);
    if (row.some((x) => x.trim() !== "")) rows.push(row.map((x) => x.trim()));
    return rows;
  }

  function csvCell(value) {
    const s = String(value === undefined || value === null ? "" : value);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCsv(rows) {
    return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
  }

  /** The grid of one parameter: {rows, columns, get(r, c)} with its set elements on the axes, or null. */
  function grid(formulation, p) {
    const index = p.index || [];
    if (index.length === 0) return { rows: [p.name], columns: ["value"], keys: () => [], positions: () => [], scalar: true };
    const first = elements(formulation, index[0]);
    if (!first || index.length > 2) return null;
    if (index.length === 1) {
      return { rows: first, columns: [p.name], keys: (r) => [first[r]], positions: (r) => [r] };
    }
    const second = elements(formulation, index[1]);
    if (!second) return null;
    return { rows: first, columns: second, keys: (r, c) => [first[r], second[c]], positions: (r, c) => [r, c] };
  }

  function value(p, g, r, c) {
    return g.scalar ? p.value : read(p, g.keys(r, c), g.positions(r, c));
  }

  function set(p, g, r, c, v) {
    if (g.scalar) p.value = v;
    else write(p, g.keys(r, c), g.positions(r, c), v);
  }

  /** Every table as CSV: element names in the first column, the second index (or the parameter) across. */
  function csv(formulation, p) {
    const g = grid(formulation, p);
    if (!g) return null;
    const head = [(p.index || []).join(" \\ ") || "parameter"].concat(g.columns);
    const rows = g.rows.map((rowName, r) => [rowName].concat(g.columns.map((_, c) => value(p, g, r, c))));
    return toCsv([head].concat(rows));
  }

  /**
   * Applies CSV/pasted rows to a parameter. Row and column names are matched to set elements (a header row
   * and a first column are recognised when they name elements); unknown names and non-numbers are reported
   * and nothing is changed then.
   */
  function apply(formulation, p, text) {
    const g = grid(formulation, p);
    if (!g) return { errors: ["this parameter has more than two indices or tuple elements; edit it in the JSON"] };
    let rows = parseDelimited(text);
    if (!rows.length) return { errors: ["no rows found"] };
    const errors = [], updates = [];
    const rowIndex = (name) => g.rows.indexOf(name);
    const colIndex = (name) => g.columns.indexOf(name);
    // A header row names columns (2-D) or is a label row ("element,value") to skip.
    const header = rows[0];
    const twoD = !g.scalar && (p.index || []).length === 2;
    let columnsOf = null;
    if (twoD) {
      const named = header.slice(1).map(colIndex);
      if (named.every((k) => k >= 0)) { columnsOf = named; rows = rows.slice(1); }
      else if (header.slice(1).some((h) => h !== "" && colIndex(h) < 0 && isNaN(Number(h)))) {
        return { errors: ["unknown column(s) " + header.slice(1).filter((h) => colIndex(h) < 0).join(", ") + "; expected " + g.columns.join(", ")] };
      } else columnsOf = g.columns.map((_, k) => k);
    } else if (rows.length && (g.scalar ? parseNumber(header[header.length - 1]).error : rowIndex(header[0]) < 0 && parseNumber(header[header.length - 1]).error)) {
      rows = rows.slice(1);
    }
    rows.forEach((cells, line) => {
      const where = `row ${line + 1}`;
      if (g.scalar) {
        const n = parseNumber(cells[cells.length - 1]);
        if (n.error) errors.push(`${where}: ${n.error}`); else updates.push([0, 0, n.value]);
        return;
      }
      const hasName = rowIndex(cells[0]) >= 0;
      const r = hasName ? rowIndex(cells[0]) : (cells.length === (twoD ? columnsOf.length : 1) ? line : -1);
      if (r < 0 || r >= g.rows.length) { errors.push(`${where}: "${cells[0]}" is not an element of ${(p.index || [])[0]}`); return; }
      const data = hasName ? cells.slice(1) : cells;
      if (!twoD) {
        const n = parseNumber(data[0]);
        if (n.error) errors.push(`${where}: ${n.error}`); else updates.push([r, 0, n.value]);
        return;
      }
      data.forEach((cell, k) => {
        if (k >= columnsOf.length) { errors.push(`${where}: more values than columns`); return; }
        const n = parseNumber(cell);
        if (n.error) errors.push(`${where}, column ${g.columns[columnsOf[k]]}: ${n.error}`); else updates.push([r, columnsOf[k], n.value]);
      });
    });
    if (errors.length) return { errors };
    for (const [r, c, v] of updates) set(p, g, r, c, v);
    return { errors: [], count: updates.length };
  }

  /**
   * The editable table of one parameter. onChange() runs after every valid edit; invalid input keeps the
   * old value in the model and marks the cell with the reason.
   */
  function render(formulation, p, onChange) {
    const g = grid(formulation, p);
    const box = el("div", { class: "data-table", "data-parameter": p.name });
    const title = el("div", { class: "data-title" });
    title.append(el("strong", { text: p.name }), el("span", { class: "muted", text:
        [(p.index || []).join(" × "), p.unit, p.description].filter(Boolean).join(" · ") }));
    box.append(title);
    if (!g) {
      const text = JSON.stringify(p.values);
      box.append(el("p", { class: "muted", text: (text.length > 160 ? text.slice(0, 157) + "…" : text) + " (edit in the JSON)" }));
      return box;
    }
    const table = el("table", { class: "grid" });
    const head = el("tr", {}, el("th", { text: g.scalar ? "" : (p.index || [])[0] + ((p.index || []).length === 2 ? " \\ " + p.index[1] : "") }));
    for (const c of g.columns) head.append(el("th", { text: c }));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    g.rows.forEach((rowName, r) => {
      const tr = el("tr", {}, el("th", { text: rowName, scope: "row" }));
      g.columns.forEach((colName, c) => {
        const current = value(p, g, r, c);
        const input = el("input", { type: "text", inputmode: "decimal", class: "cell", value: current === undefined ? "" : String(current),
          "aria-label": `${p.name}[${g.scalar ? "" : g.keys(r, c).join(", ")}]`, "data-row": rowName, "data-column": colName });
        input.addEventListener("change", () => {
          const n = parseNumber(input.value);
          if (n.error) {
            input.classList.add("bad");
            input.title = n.error + "; the model keeps " + (current === undefined ? "no value" : current);
            return;
          }
          input.classList.remove("bad");
          input.title = "";
          set(p, g, r, c, n.value);
          onChange(p);
        });
        tr.append(el("td", {}, input));
      });
      body.append(tr);
    });
    table.append(body);
    box.append(table);

    const actions = el("div", { class: "table-actions" });
    const file = el("input", { type: "file", accept: ".csv,text/csv,text/plain", class: "visually-hidden", "aria-label": "CSV file for " + p.name });
    const status = el("span", { class: "table-status", role: "status" });
    const importCsv = el("button", { type: "button", class: "link", text: "Import CSV" });
    const paste = el("button", { type: "button", class: "link", text: "Paste a range" });
    const exportCsv = el("button", { type: "button", class: "link", text: "Export CSV" });
    const area = el("textarea", { rows: "4", class: "paste", hidden: "", placeholder: "Paste cells copied from a spreadsheet, then Apply",
      "aria-label": "Pasted range for " + p.name });
    const applyPaste = el("button", { type: "button", class: "secondary", text: "Apply", hidden: "" });
    const report = (result) => {
      status.textContent = result.errors.length ? "Not imported: " + result.errors.slice(0, 3).join("; ") + (result.errors.length > 3 ? "; …" : "")
          : `Imported ${result.count} value${result.count === 1 ? "" : "s"}`;
      status.className = "table-status " + (result.errors.length ? "bad" : "ok");
      if (!result.errors.length) {
        // The imported values show in place (a redraw would lose this status line).
        for (const input of table.querySelectorAll("input.cell")) {
          const r = g.rows.indexOf(input.dataset.row), c = g.columns.indexOf(input.dataset.column);
          const v = value(p, g, r, c);
          input.value = v === undefined ? "" : String(v);
          input.classList.remove("bad");
        }
        onChange(p);
      }
    };
    importCsv.addEventListener("click", () => file.click());
    file.addEventListener("change", async () => {
      if (!file.files.length) return;
      report(apply(formulation, p, await file.files[0].text()));
      file.value = "";
    });
    paste.addEventListener("click", () => { area.hidden = !area.hidden; applyPaste.hidden = area.hidden; if (!area.hidden) area.focus(); });
    applyPaste.addEventListener("click", () => report(apply(formulation, p, area.value)));
    exportCsv.addEventListener("click", () => download(p.name + ".csv", csv(formulation, p), "text/csv"));
    actions.append(importCsv, file, paste, exportCsv, status);
    box.append(actions, area, applyPaste);
    return box;
  }

  return { render, apply, csv, toCsv, parseDelimited };
})();
