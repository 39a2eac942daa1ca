// OptAgent web UI: a chat that streams the agent's stages, and a workbench for the five-element model.
// Everything the model or the user wrote is inserted as text (textContent), never as HTML.
"use strict";

const state = {
  ws: null,
  apiKey: localStorage.getItem("optagent.apiKey") || "",
  formulation: null,   // the current model (object)
  log: [],             // the conversation, for download
  busy: false,
  progress: null,      // the <ul> receiving stage events of the running turn
  reconnectDelay: 500,
};

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function headers(json = true) {
  const h = json ? { "Content-Type": "application/json" } : {};
  if (state.apiKey) h["X-API-Key"] = state.apiKey;
  return h;
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...headers(options.body !== undefined), ...(options.headers || {}) } });
  if (response.status === 401) {
    const key = window.prompt("This OptAgent server needs an API key:");
    if (key) {
      state.apiKey = key.trim();
      localStorage.setItem("optagent.apiKey", state.apiKey);
      return api(path, options);
    }
  }
  return response;
}

async function problemText(response) {
  try {
    const body = await response.json();
    return (body.title ? body.title + ": " : "") + (body.detail || response.statusText);
  } catch (e) {
    return response.status + " " + response.statusText;
  }
}

// ---- chat ----------------------------------------------------------------------------------------

function addMessage(kind, text) {
  const node = el("div", { class: "msg " + kind, text });
  $("messages").append(node);
  node.scrollIntoView({ block: "end" });
  state.log.push({ at: new Date().toISOString(), from: kind, text });
  return node;
}

function setBusy(busy) {
  state.busy = busy;
  $("ask-send").disabled = busy;
  $("solve-json").disabled = busy;
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const query = state.apiKey ? "?key=" + encodeURIComponent(state.apiKey) : "";
  const ws = new WebSocket(`${scheme}://${location.host}/ws/chat${query}`);
  state.ws = ws;
  ws.onopen = () => { state.reconnectDelay = 500; };
  ws.onmessage = (e) => handle(JSON.parse(e.data));
  ws.onclose = () => {
    state.ws = null;
    setBusy(false);
    $("model-status").textContent = "reconnecting…";
    $("model-status").className = "badge warn";
    setTimeout(connect, state.reconnectDelay);
    state.reconnectDelay = Math.min(state.reconnectDelay * 2, 10000);
  };
}

function send(message) {
  if (!state.ws || state.ws.readyState !== WebSocket.OPEN) {
    addMessage("error", "Not connected to the server; retrying. Your text is still in the box.");
    return false;
  }
  state.ws.send(JSON.stringify(message));
  return true;
}

function handle(message) {
  switch (message.type) {
    case "status": return showStatus(message.status);
    case "event": return showEvent(message.event);
    case "answer": setBusy(false); return showAnswer(message.answer, message.changes);
    case "invalid": setBusy(false); showDiagnostics(message.diagnostics); return addMessage("error", "The edited model is not valid; see the problems listed under the editor.");
    case "error":
      setBusy(false);
      if (message.error && message.error.status === 401) {
        const key = window.prompt("This OptAgent server needs an API key:");
        if (key) { state.apiKey = key.trim(); localStorage.setItem("optagent.apiKey", state.apiKey); }
      }
      return addMessage("error", `${message.error.title}: ${message.error.detail}`);
  }
}

function showStatus(status) {
  $("workflow-status").textContent = status.workflow ? "workflow: " + status.workflow : "";
  const badge = $("model-status");
  if (status.modelConfigured) {
    badge.textContent = `model: ${status.provider} / ${status.model}`;
    badge.className = "badge ok";
    $("model-help").hidden = true;
  } else {
    badge.textContent = "no language model — workbench only";
    badge.className = "badge warn";
    $("model-help").hidden = false;
    $("model-help-text").textContent = status.howToConfigure || "";
  }
}

const STAGE_WORDS = { understand: "Understanding the problem", formulate: "Writing the formulation", check: "Checking and solving",
  repair: "Repairing the model", revise: "Changing the model", vote: "Comparing samples", answer: "Answer" };

function showEvent(event) {
  if (!state.progress) {
    state.progress = el("ul", { class: "progress" });
    const box = el("div", { class: "msg agent" });
    box.append(state.progress);
    $("messages").append(box);
  }
  const round = event.round > 0 ? ` (round ${event.round})` : "";
  const words = STAGE_WORDS[event.stage] || event.stage;
  const item = el("li", { class: "stage-" + event.stage, text: `${words}${round}: ${event.summary || event.kind}` });
  state.progress.append(item);
  item.scrollIntoView({ block: "end" });
  state.log.push({ at: new Date().toISOString(), from: "stage", text: item.textContent });
}

function ask(event) {
  event.preventDefault();
  const text = $("ask-input").value.trim();
  if (!text || state.busy) return;
  if (!send({ type: "ask", text })) return;
  addMessage("user", text);
  $("ask-input").value = "";
  state.progress = null;
  setBusy(true);
}

// ---- answer ---------------------------------------------------------------------------------------

function fmt(value) {
  if (value === null || value === undefined) return "—";
  return Math.abs(value - Math.round(value)) < 1e-9 ? Math.round(value).toLocaleString() : Number(value.toPrecision(8)).toLocaleString();
}

function showAnswer(answer, changes) {
  state.progress = null;
  const summary = addMessage("agent", answer.text || answer.message || answer.status);
  if (changes && changes.length) {
    const list = el("ul", { class: "changes" });
    for (const c of changes) list.append(el("li", { text: `${c.kind.toLowerCase()} ${c.section} ${c.name}${c.detail ? ": " + c.detail : ""}` }));
    summary.append(el("div", { text: "What changed in the model:" }), list);
  }
  if (answer.formulation) showModel(answer.formulation, answer.latex);
  renderAnswer(answer, changes);
  // The answer tab also carries the explanation when there is no optimum (conflicts, runaway quantities).
  selectTab("answer");
}

function renderAnswer(answer, changes) {
  const box = $("answer");
  box.replaceChildren();
  $("answer-empty").hidden = true;
  box.append(el("p", { class: "status-line status-" + answer.status, text:
      `${answer.status}${answer.objective !== undefined && answer.objective !== null ? " — objective " + fmt(answer.objective) : ""}`
      + (answer.optimality === "local" ? " (a local optimum: global optimality is not proven)" : "") }));
  const facts = [];
  if (answer.problemClass) facts.push(answer.problemClass);
  if (answer.backend) facts.push("solved by " + answer.backend);
  if (answer.verification) facts.push(answer.verification.passed ? "verified against every constraint" : "VERIFICATION FAILED");
  if (answer.cost && answer.cost.llmCalls) facts.push(`${answer.cost.llmCalls} model call${answer.cost.llmCalls === 1 ? "" : "s"}`);
  if (facts.length) box.append(el("p", { class: "muted", text: facts.join(" · ") }));

  if (answer.status === "INFEASIBLE" || answer.status === "UNBOUNDED") {
    const d = answer.diagnosis || {};
    const conflict = el("div", { class: "conflict" });
    conflict.append(el("strong", { text: answer.status === "INFEASIBLE" ? "No plan satisfies all constraints." : "The objective can improve without limit." }));
    if (d.explanation) conflict.append(el("p", { text: d.explanation }));
    // The conflicting constraint instances (cover[3], not just cover), then bounds, or the runaway quantities.
    const names = ((d.conflict && d.conflict.length ? d.conflict : d.constraints) || []).concat(d.bounds || [], d.runaway || []);
    if (names.length) {
      const list = el("ul");
      for (const n of names) list.append(el("li", { text: n }));
      conflict.append(el("div", { text: answer.status === "INFEASIBLE" ? "These requirements conflict:" : "These quantities run away:" }), list);
    }
    box.append(conflict);
  } else if (answer.message && !answer.decisions?.length) {
    box.append(el("p", { text: answer.message }));
  }

  // Readings the model chose where the problem is silent or ambiguous: the answer rests on them.
  const assumptions = (answer.formulation && answer.formulation.assumptions) || [];
  if (assumptions.length) {
    const list = el("ul");
    for (const a of assumptions) list.append(el("li", { text: a }));
    box.append(el("div", { class: "assumptions" }, el("strong", { text: "Assumed where the problem is silent or ambiguous" }), list));
  }

  const decisions = answer.decisions || [];
  if (decisions.length) {
    const table = el("table");
    table.append(el("thead", {}, el("tr", {}, el("th", { text: "Decision" }), el("th", { text: "Meaning" }),
        el("th", { text: "Value" }), el("th", { text: "Unit" }))));
    const body = el("tbody");
    for (const d of decisions) {
      body.append(el("tr", {}, el("td", { text: d.variable }), el("td", { text: d.description || "" }),
          el("td", { class: "num", text: fmt(d.value) }), el("td", { text: d.unit || "" })));
    }
    table.append(body);
    box.append(el("h3", { text: "Decisions (nonzero)" }), table);
    if (decisions.length >= 2 && decisions.length <= 24) box.append(chart(decisions));
  }
}

/** A horizontal bar chart of the decisions, as inline SVG built node by node (no HTML strings). */
function chart(decisions) {
  const ns = "http://www.w3.org/2000/svg";
  const width = 520, bar = 18, gap = 6, label = 170;
  const height = decisions.length * (bar + gap) + 10;
  const max = Math.max(...decisions.map((d) => Math.abs(d.value))) || 1;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Bar chart of the decisions");
  decisions.forEach((d, i) => {
    const y = 5 + i * (bar + gap);
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", label - 6); text.setAttribute("y", y + bar - 5); text.setAttribute("text-anchor", "end"); text.setAttribute("font-size", "11");
    text.textContent = d.variable.length > 26 ? d.variable.slice(0, 25) + "…" : d.variable;
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", label); rect.setAttribute("y", y); rect.setAttribute("height", bar);
    rect.setAttribute("width", Math.max(1, (width - label - 70) * Math.abs(d.value) / max)); rect.setAttribute("fill", "#4299e1");
    const value = document.createElementNS(ns, "text");
    value.setAttribute("x", label + 4 + (width - label - 70) * Math.abs(d.value) / max); value.setAttribute("y", y + bar - 5); value.setAttribute("font-size", "11");
    value.textContent = fmt(d.value);
    svg.append(text, rect, value);
  });
  const figure = el("figure", { class: "chart" });
  figure.append(svg);
  return figure;
}

// ---- model pane and editor --------------------------------------------------------------------------

async function showModel(formulation, latex) {
  state.formulation = formulation;
  $("model-empty").hidden = true;
  $("downloads").hidden = false;
  $("model-name").hidden = !formulation.name;
  $("model-name").textContent = formulation.name || "";
  $("json-editor").value = JSON.stringify(formulation, null, 2);
  validateSoon();
  if (!latex) {
    const response = await api("/api/formulations/render?format=latex", { method: "POST", body: JSON.stringify(formulation) });
    latex = response.ok ? await response.text() : null;
  }
  const math = $("math");
  math.replaceChildren();
  if (latex && window.katex) {
    try {
      window.katex.render(latex, math, { displayMode: true, throwOnError: false, trust: false });
    } catch (e) {
      math.append(el("pre", { text: latex }));
    }
  } else if (latex) {
    math.append(el("pre", { text: latex }));
  }
  renderData(formulation);
}

function renderData(f) {
  const box = $("model-data");
  box.replaceChildren();
  if (f.description) box.append(el("p", { class: "muted", text: f.description }));
  if ((f.sets || []).length) {
    const table = el("table");
    table.append(el("thead", {}, el("tr", {}, el("th", { text: "Set" }), el("th", { text: "Elements" }))));
    const body = el("tbody");
    for (const s of f.sets) {
      const elements = s.range ? `${s.range[0]} … ${s.range[1]}` : (s.elements || []).map((e) => Array.isArray(e) ? "(" + e.join(", ") + ")" : e).join(", ");
      body.append(el("tr", {}, el("td", { text: s.name }), el("td", { text: elements })));
    }
    table.append(body);
    box.append(el("h3", { text: "Sets" }), table);
  }
  if ((f.parameters || []).length) {
    const table = el("table");
    table.append(el("thead", {}, el("tr", {}, el("th", { text: "Parameter" }), el("th", { text: "Index" }),
        el("th", { text: "Values" }), el("th", { text: "Unit" }))));
    const body = el("tbody");
    for (const p of f.parameters) {
      const values = p.value !== undefined ? String(p.value) : JSON.stringify(p.values);
      body.append(el("tr", {}, el("td", { text: p.name }), el("td", { text: (p.index || []).join(" × ") }),
          el("td", { text: values.length > 120 ? values.slice(0, 117) + "…" : values }), el("td", { text: p.unit || "" })));
    }
    table.append(body);
    box.append(el("h3", { text: "Data" }), table);
  }
}

let validateTimer = null;
function validateSoon() {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validate, 400);
}

async function validate() {
  const text = $("json-editor").value;
  if (!text.trim()) return;
  const response = await api("/api/formulations/validate", { method: "POST", body: text });
  if (!response.ok) {
    showDiagnostics([], await problemText(response));
    return;
  }
  const result = await response.json();
  showDiagnostics(result.diagnostics || [], null, result);
}

function showDiagnostics(diagnostics, failure, result) {
  const status = $("json-status");
  const errors = diagnostics.filter((d) => d.severity === "ERROR");
  $("json-editor").classList.toggle("invalid", Boolean(failure) || errors.length > 0);
  if (failure) { status.textContent = failure; status.className = "json-status bad"; }
  else if (errors.length) { status.textContent = `${errors.length} problem(s) to fix`; status.className = "json-status bad"; }
  else if (result) { status.textContent = `Valid ${result.problemClass}: ${result.variables} variables, ${result.constraints} constraints`; status.className = "json-status ok"; }
  const list = $("json-diagnostics");
  list.replaceChildren();
  for (const d of diagnostics) {
    const where = [d.element, d.field].filter(Boolean).join(".") + (d.position >= 0 && d.position !== undefined ? ` at ${d.position}` : "");
    const extra = [d.expected ? "expected " + d.expected : "", d.suggestion ? "did you mean " + d.suggestion + "?" : ""].filter(Boolean).join("; ");
    list.append(el("li", { class: d.severity, text: `${where}: ${d.message}${extra ? " (" + extra + ")" : ""}` }));
  }
}

async function solveEdited() {
  let formulation;
  try {
    formulation = JSON.parse($("json-editor").value);
  } catch (e) {
    showDiagnostics([], "Not valid JSON: " + e.message);
    return;
  }
  addMessage("user", "Solve my edited model.");
  if (state.ws && state.ws.readyState === WebSocket.OPEN) {
    setBusy(true);
    send({ type: "formulation", formulation });
    return;
  }
  const response = await api("/api/formulations/solve", { method: "POST", body: JSON.stringify(formulation) });
  if (!response.ok) { addMessage("error", await problemText(response)); return; }
  const result = await response.json();
  showAnswer({ ...result, text: result.answer }, null);
}

// ---- downloads, examples, tabs ----------------------------------------------------------------------

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function downloadModel(format) {
  if (!state.formulation) return;
  const name = state.formulation.name || "model";
  if (format === "json") return download(name + ".json", JSON.stringify(state.formulation, null, 2), "application/json");
  const response = await api("/api/formulations/render?format=" + format, { method: "POST", body: JSON.stringify(state.formulation) });
  if (!response.ok) { addMessage("error", await problemText(response)); return; }
  download(name + "." + (format === "latex" ? "tex" : format), await response.text(), "text/plain");
}

async function loadExamples() {
  const response = await api("/api/examples");
  if (!response.ok) return;
  const examples = await response.json();
  const select = $("examples");
  for (const p of examples.problems || []) select.append(el("option", { value: "problems/" + p.name, text: "Problem: " + p.title }));
  for (const f of examples.formulations || []) select.append(el("option", { value: "formulations/" + f.name, text: "Model: " + f.title }));
}

async function loadExample() {
  const value = $("examples").value;
  if (!value) return;
  const response = await api("/api/examples/" + value);
  if (!response.ok) { addMessage("error", await problemText(response)); return; }
  if (value.startsWith("problems/")) {
    $("ask-input").value = await response.text();
    $("ask-input").focus();
  } else {
    await showModel(await response.json(), null);
    selectTab("model");
  }
  $("examples").value = "";
}

function selectTab(name) {
  for (const tab of ["model", "json", "answer"]) {
    $("tab-" + tab).setAttribute("aria-selected", String(tab === name));
    $("pane-" + tab).hidden = tab !== name;
  }
}

function reset() {
  send({ type: "reset" });
  state.formulation = null;
  state.log = [];
  $("messages").replaceChildren();
  $("math").replaceChildren();
  $("model-data").replaceChildren();
  $("answer").replaceChildren();
  $("model-empty").hidden = false;
  $("answer-empty").hidden = false;
  $("downloads").hidden = true;
  $("model-name").hidden = true;
}

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", ask);
  $("ask-input").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) ask(e); });
  $("reset").addEventListener("click", reset);
  $("download-chat").addEventListener("click", () => download("conversation.json", JSON.stringify({ log: state.log, formulation: state.formulation }, null, 2), "application/json"));
  $("json-editor").addEventListener("input", validateSoon);
  $("solve-json").addEventListener("click", solveEdited);
  $("examples").addEventListener("change", loadExample);
  for (const tab of ["model", "json", "answer"]) $("tab-" + tab).addEventListener("click", () => selectTab(tab));
  for (const button of document.querySelectorAll("#downloads button")) button.addEventListener("click", () => downloadModel(button.dataset.format));
  loadExamples();
  connect();
});
