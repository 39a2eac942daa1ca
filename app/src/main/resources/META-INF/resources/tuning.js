// The tuning page: describe → the model proposes a space → edit → create a study (LLM, Sobol or random first trials)
// → enter what each suggestion measured → best-so-far plot. Text from the model or the user is inserted as text only.
(function () {
  "use strict";
  const key = new URLSearchParams(location.search).get("key") || localStorage.getItem("optagent.apiKey") || "";
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  let current = null; // the open study

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === "class") node.className = v; else node.setAttribute(k, v); });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c))));
    return node;
  }

  function say(text, error) {
    $("status").textContent = text;
    $("status").className = error ? "error" : "";
  }

  async function api(method, path, body) {
    const headers = Object.assign(key ? { "X-API-Key": key } : {}, body ? { "Content-Type": "application/json" } : {});
    const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
    return data;
  }

  // ---- the space editor ----
  function addParameter(p) {
    p = p || { name: "", type: "float", low: 0, high: 1 };
    const input = (field, value, cls) => el("input", { "data-field": field, value: value ?? "", class: cls || "" });
    const type = el("select", { "data-field": "type" }, ["float", "int", "categorical", "bool"].map(t => el("option", {}, t)));
    type.value = p.type;
    const log = el("input", { type: "checkbox", "data-field": "log" });
    log.checked = !!p.log;
    const remove = el("button", { title: "remove this parameter" }, "×");
    const row = el("tr", {}, el("td", {}, input("name", p.name)), el("td", {}, type), el("td", {}, input("low", p.low, "num")),
      el("td", {}, input("high", p.high, "num")), el("td", {}, log), el("td", {}, input("choices", (p.choices || []).join(", "))),
      el("td", {}, input("description", p.description, "wide")), el("td", {}, remove));
    remove.addEventListener("click", () => row.remove());
    $("space").querySelector("tbody").append(row);
  }

  function readSpace() {
    return [...$("space").querySelectorAll("tbody tr")].map(row => {
      const field = (f) => row.querySelector(`[data-field='${f}']`);
      const p = { name: field("name").value.trim(), type: field("type").value, description: field("description").value.trim() };
      if (p.type === "float" || p.type === "int") Object.assign(p, { low: field("low").value.trim(), high: field("high").value.trim(), log: field("log").checked });
      if (p.type === "categorical") p.choices = field("choices").value.split(",").map(c => c.trim()).filter(c => c);
      return p;
    });
  }

  async function propose() {
    const description = $("describe").value.trim();
    if (!description) { say("Describe what you are tuning first.", true); return; }
    say("The language model is proposing a search space…");
    $("propose").disabled = true;
    try {
      const p = await api("POST", "/api/studies/propose-space", { description });
      $("metric").value = p.metric || "";
      $("direction").value = p.direction || "minimize";
      $("space").querySelector("tbody").replaceChildren();
      p.space.parameters.forEach(addParameter);
      $("warm-start").value = "llm";
      say(`The model proposed ${p.space.parameters.length} parameters (${p.exchanges.length} call(s)); edit them, then create the study.` +
        (p.dropped.length ? ` Not used: ${p.dropped.join("; ")}` : ""));
    } catch (e) {
      say(`No space proposed: ${e.message}`, true);
    } finally {
      $("propose").disabled = false;
    }
  }

  async function create() {
    const name = $("study-name").value.trim();
    say($("warm-start").value === "llm" ? "The language model is choosing the first trials…" : "Creating the study…");
    $("create").disabled = true;
    try {
      await api("POST", "/api/studies", { name, description: $("describe").value.trim(), metric: $("metric").value.trim(),
        direction: $("direction").value, space: { parameters: readSpace() }, warmStart: $("warm-start").value,
        initialTrials: Number($("initial-trials").value) });
      await loadStudies();
      await open(name);
      await suggest();
      say(`Study ${name} created. Run each suggestion and enter what you measured.`);
    } catch (e) {
      say(`Not created: ${e.message}`, true);
    } finally {
      $("create").disabled = false;
    }
  }

  // ---- the study ----
  async function loadStudies() {
    const list = await api("GET", "/api/studies");
    $("studies").replaceChildren(el("option", { value: "" }, "—"),
      ...list.map(s => el("option", { value: s.name }, `${s.name} (${s.complete}/${s.trials} measured${s.best == null ? "" : ", best " + s.best})`)));
    if (current) $("studies").value = current.name;
  }

  async function open(name) {
    current = await api("GET", `/api/studies/${encodeURIComponent(name)}`);
    $("studies").value = name;
    const d = current.description;
    $("study-title").textContent = `${name}: ${d.metric || "value"}, ${d.direction.toLowerCase()}`;
    renderTrials();
    plot();
  }

  async function suggest() {
    if (!current) { say("Create or open a study first.", true); return; }
    try {
      await api("GET", `/api/studies/${encodeURIComponent(current.name)}/suggestions?q=${Number($("q").value) || 1}`);
      await open(current.name);
    } catch (e) {
      say(e.message, true);
    }
  }

  async function tell(number, body) {
    try {
      await api("POST", `/api/studies/${encodeURIComponent(current.name)}/trials/${number}`, body);
      await open(current.name);
      await loadStudies();
      const best = current.best;
      say(best ? `Best so far: ${best.value} (trial ${best.number}).` : "Recorded.");
    } catch (e) {
      say(e.message, true);
    }
  }

  function describeConfig(config) {
    return Object.entries(config).map(([k, v]) => `${k} = ${typeof v === "number" ? +v.toPrecision(6) : v}`).join(", ");
  }

  function renderTrials() {
    const body = $("trials").querySelector("tbody");
    const best = current.best ? current.best.number : -1;
    body.replaceChildren(...current.trials.map(t => {
      let value;
      if (t.state === "PENDING") {
        const input = el("input", { class: "num", "aria-label": `value of trial ${t.number}`, "data-trial": t.number });
        const record = el("button", {}, "Record");
        const failed = el("button", { title: "the evaluation crashed or timed out" }, "Failed");
        record.addEventListener("click", () => {
          const v = Number(input.value.trim());
          if (input.value.trim() === "" || !Number.isFinite(v)) { say(`Trial ${t.number}: enter a number.`, true); return; }
          tell(t.number, { value: v });
        });
        input.addEventListener("keydown", (e) => { if (e.key === "Enter") record.click(); });
        failed.addEventListener("click", () => tell(t.number, { failure: "marked as failed on the tuning page" }));
        value = el("td", {}, input, " ", record, " ", failed);
      } else {
        value = el("td", {}, t.state === "FAILED" ? `failed: ${t.message || ""}` : String(t.value));
      }
      return el("tr", { class: t.number === best ? "best" : t.state === "FAILED" ? "failed" : "" },
        el("td", {}, t.number), el("td", {}, describeConfig(t.config)), el("td", {}, t.source), value, el("td", {}));
    }));
  }

  // Best-so-far (line) over every measured value (dots), against the trial number.
  function plot() {
    const w = 640, h = 320, left = 64, right = 16, top = 24, bottom = 36;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", w); svg.setAttribute("height", h); svg.setAttribute("id", "best-so-far");
    const add = (tag, attrs, text) => {
      const n = document.createElementNS(SVG, tag);
      Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v));
      if (text != null) n.textContent = text;
      svg.append(n);
      return n;
    };
    add("text", { x: left, y: 16, "font-size": 13 }, "Best so far");
    const measured = current.trials.filter(t => t.state === "COMPLETE");
    const n = current.trials.length;
    if (!measured.length) {
      add("text", { x: left, y: h / 2 }, "No measured trial yet.");
      $("plot").replaceChildren(svg);
      return;
    }
    let lo = Math.min(...measured.map(t => t.value)), hi = Math.max(...measured.map(t => t.value));
    if (!(hi > lo)) { lo -= 1; hi += 1; }
    const x = (k) => left + (w - left - right) * (n <= 1 ? 0.5 : k / (n - 1));
    const y = (v) => top + (h - top - bottom) * (1 - (v - lo) / (hi - lo));
    add("rect", { x: left, y: top, width: w - left - right, height: h - top - bottom, fill: "none", stroke: "#999" });
    for (let k = 0; k <= 4; k++) {
      const v = lo + (hi - lo) * k / 4;
      add("text", { x: left - 4, y: y(v) + 4, "text-anchor": "end", "font-size": 11 }, +v.toPrecision(4));
    }
    add("text", { x: left + (w - left - right) / 2, y: h - 6, "text-anchor": "middle", "font-size": 11 }, "trial");
    [0, n - 1].forEach(k => add("text", { x: x(k), y: h - bottom + 14, "text-anchor": "middle", "font-size": 11 }, k));
    measured.forEach(t => add("circle", { cx: x(t.number), cy: y(t.value), r: 3, fill: "#bbb", class: "measured" }));
    const points = current.bestSoFar.map((v, k) => v == null ? null : `${x(k).toFixed(1)},${y(v).toFixed(1)}`).filter(p => p);
    add("polyline", { points: points.join(" "), fill: "none", stroke: "#1f77b4", "stroke-width": 2, class: "best-line" });
    $("plot").replaceChildren(svg);
  }

  $("propose").addEventListener("click", propose);
  $("add-parameter").addEventListener("click", () => addParameter());
  $("create").addEventListener("click", create);
  $("suggest").addEventListener("click", suggest);
  $("studies").addEventListener("change", () => $("studies").value && open($("studies").value).catch(e => say(e.message, true)));
  addParameter();
  loadStudies().catch(e => say(`Cannot list the studies: ${e.message}`, true));
})();
