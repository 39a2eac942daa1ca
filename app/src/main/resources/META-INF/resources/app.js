// OptAgent web UI: a chat that streams the agent's stages, and a workbench for the five-element model.
// Everything the model or the user wrote is inserted as text (textContent), never as HTML.
"use strict";

const state = {
  ws: null,
  apiKey: localStorage.getItem("optagent.apiKey") || "",
  formulation: null,   // the current model (object)
  loaded: null,        // the model as last loaded or answered (JSON text), to tell whether the planner edited it
  modelConfigured: false,
  log: [],             // the conversation, for download and for the stored copy
  turns: [],           // what the planner asked that the server took in (sent back on resume)
  pendingAsk: null,
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
  $("starters").hidden = true;
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
  ws.onopen = () => { state.reconnectDelay = 500; History.resumeOnServer(); };
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
      state.pendingAsk = null;
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
    state.modelConfigured = true;
  } else {
    state.modelConfigured = false;
    badge.textContent = "no language model — workbench only";
    badge.className = "badge warn";
    $("model-help").hidden = false;
    $("model-help-text").textContent = status.howToConfigure || "";
  }
  updateSendLabel();
}

/** The Send button says what it will do. */
function updateSendLabel() {
  const send = $("ask-send");
  if (!state.modelConfigured) send.textContent = "Send (chat needs a language model)";
  else send.textContent = state.formulation ? "Change the model and re-solve" : "Formulate and solve";
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
  state.pendingLabel = text;
  state.pendingAsk = text;
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
  if ((answer.insights || []).length) summary.append(insightsView(answer.insights));
  if (answer.problem && answer.status !== "PROVIDER_ERROR") summary.append(feedbackView(answer));
  if (answer.formulation) showModel(answer.formulation, answer.latex);
  renderAnswer(answer, changes);
  if (answer.formulation && answer.status !== "PROVIDER_ERROR") {
    Scenarios.add(answer, scenarioLabel());
    Scenarios.render($("compare"));
  }
  if (state.pendingAsk && answer.status !== "PROVIDER_ERROR") state.turns.push(state.pendingAsk);
  state.pendingAsk = null;
  state.pendingLabel = null;
  state.lastAnswer = answer;
  History.save();
  // The answer tab also carries the explanation when there is no optimum (conflicts, runaway quantities).
  selectTab("answer");
}

/** The experience library's insights the agent's model calls were shown, each linked to its card on library.html. */
function insightsView(ids) {
  const box = el("div", { class: "insights-used", text: "Insights used: " });
  ids.forEach((id, i) => {
    if (i) box.append(", ");
    box.append(el("a", { href: "/library.html#" + encodeURIComponent(id), target: "_blank", rel: "noopener", text: id }));
  });
  return box;
}

/** "Right" / "Wrong" on an answer: the case goes to the experience library (POST /api/library/feedback). */
function feedbackView(answer) {
  const box = el("div", { class: "feedback" });
  const right = el("button", { type: "button", class: "link mark-right", text: "Mark right" });
  const wrong = el("button", { type: "button", class: "link mark-wrong", text: "Mark wrong" });
  const form = el("form", { class: "feedback-form", hidden: "" });
  const note = el("input", { type: "text", class: "feedback-note", placeholder: "what is wrong (optional)", "aria-label": "What is wrong" });
  const expected = el("input", { type: "number", step: "any", class: "feedback-expected", placeholder: "expected objective (optional)",
    "aria-label": "Expected objective value" });
  form.append(note, expected, el("button", { type: "submit", class: "secondary", text: "Send to the library" }));
  const result = el("span", { class: "feedback-result muted" });
  right.hidden = answer.objective === null || answer.objective === undefined; // "right" is about a value
  box.append(right, wrong, form, result);
  const post = async (body) => {
    right.disabled = wrong.disabled = true;
    const response = await api("/api/library/feedback", { method: "POST", body: JSON.stringify({ problem: answer.problem,
      answered: answer.objective === null || answer.objective === undefined ? undefined : answer.objective, ...body }) });
    if (!response.ok) {
      result.textContent = await problemText(response);
      right.disabled = wrong.disabled = false;
      return;
    }
    const created = await response.json();
    form.hidden = true;
    result.replaceChildren(document.createTextNode(`Recorded as ${created.id} (${created.state}: ${created.outcome}). `),
      el("a", { href: "/library.html#feedback", target: "_blank", rel: "noopener", text: "see the library" }));
  };
  right.addEventListener("click", () => post({ verdict: "right" }));
  wrong.addEventListener("click", () => { form.hidden = !form.hidden; if (!form.hidden) note.focus(); });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const value = expected.value.trim() === "" ? undefined : Number(expected.value);
    const reason = note.value.trim() || undefined;
    if (value === undefined && !reason) { result.textContent = "Say what is wrong, or give the expected value."; return; }
    post({ verdict: "wrong", reason, expected: value });
  });
  return box;
}

function renderAnswer(answer, changes) {
  const box = $("answer");
  box.replaceChildren();
  $("answer-empty").hidden = true;
  box.append(el("p", { class: "status-line status-" + answer.status, text:
      `${answer.status}${answer.objective !== undefined && answer.objective !== null ? " — objective " + objectiveWords(answer) : ""}`
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
    if (d.arithmetic) conflict.append(el("p", { class: "arithmetic", text: d.arithmetic }));
    if (d.explanation) conflict.append(el("p", { text: d.explanation }));
    // The conflicting constraint instances (cover[3], not just cover), then bounds, or the runaway quantities.
    const names = ((d.conflict && d.conflict.length ? d.conflict : d.constraints) || []).concat(d.bounds || [], d.runaway || []);
    if (names.length) {
      const list = el("ul");
      for (const n of names) list.append(el("li", { text: n }));
      conflict.append(el("div", { text: answer.status === "INFEASIBLE" ? "These requirements conflict:" : "These quantities run away:" }), list);
    }
    box.append(conflict);
    if (answer.relaxation) box.append(relaxationView(answer.relaxation));
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
    const exportButton = el("button", { type: "button", class: "link", id: "export-decisions", text: "Export decisions as CSV" });
    exportButton.addEventListener("click", () => download((state.formulation && state.formulation.name || "model") + "-decisions.csv",
        Tables.toCsv([["variable", "value", "unit", "meaning"]].concat(decisions.map((d) => [d.variable, d.value, d.unit || "", d.description || ""]))), "text/csv"));
    box.append(el("h3", { text: "Decisions (nonzero)" }), table, exportButton);
  }
  if (answer.sensitivity) box.append(sensitivityView(answer.sensitivity, answer));
  if (decisions.length >= 2 && decisions.length <= 24) box.append(chart(decisions));
}

/** "153.675 thousand dollars — total freight cost", from the formulation's description and units. */
function objectiveWords(answer) {
  const m = answer.objectiveMeaning || {};
  const number = fmt(answer.objective);
  const money = m.unit && m.unit.length === 1 && "$€£¥".includes(m.unit);
  return (money ? m.unit + number : number + (m.unit ? " " + m.unit : "")) + (m.description ? " — " + m.description : "");
}

/** Shadow prices, slacks and reduced costs in plain words, then the numbers for every constraint instance. */
function sensitivityView(s, answer) {
  const box = el("section", { class: "sensitivity", "aria-label": "Sensitivity" });
  box.append(el("h3", { text: "What the limits are worth" }));
  box.append(el("p", { class: "muted", text: s.basis === "LP" ? "Shadow prices of the linear program."
      : s.basis ? "A mixed-integer model has no shadow prices of its own: these are of the " + s.basis + "; they hold while the whole-number decisions stay as they are."
      : "No shadow prices: " + (s.noPrices || "not available for this model") + ". The slacks show which constraints bind." }));
  if ((s.notes || []).length) {
    const list = el("ul", { class: "notes" });
    for (const n of s.notes) list.append(el("li", { text: n }));
    box.append(list);
  }
  const names = Object.keys(s.constraints || {});
  if (names.length) {
    const table = el("table", { class: "sensitivity-table" });
    table.append(el("thead", {}, el("tr", {}, el("th", { text: "Constraint" }), el("th", { text: "Binding" }),
        el("th", { text: "Level" }), el("th", { text: "Limit" }), el("th", { text: "Slack" }), el("th", { text: "Shadow price" }),
        el("th", { text: "Price holds for limits in" }))));
    const body = el("tbody");
    // Binding constraints first: they are the ones that shape the plan.
    names.sort((a, b) => Number(s.constraints[b].binding) - Number(s.constraints[a].binding));
    for (const n of names.slice(0, 60)) {
      const c = s.constraints[n];
      const limit = c.lower !== undefined && c.upper !== undefined ? (c.lower === c.upper ? "= " + fmt(c.lower) : fmt(c.lower) + " … " + fmt(c.upper))
          : c.lower !== undefined ? "≥ " + fmt(c.lower) : c.upper !== undefined ? "≤ " + fmt(c.upper) : "";
      body.append(el("tr", {}, el("td", { text: n }), el("td", { text: c.binding ? "yes" : "" }), el("td", { class: "num", text: fmt(c.activity) }),
          el("td", { text: limit }), el("td", { class: "num", text: c.binding ? "0" : fmt(c.slack) }),
          el("td", { class: "num", text: c.dual === undefined ? "—" : fmt(c.dual) }), el("td", { text: rangeText(c.range) })));
    }
    table.append(body);
    box.append(table);
    if (names.length > 60) box.append(el("p", { class: "muted", text: `${names.length - 60} more in the API and CLI answer (solve-model --json).` }));
  }
  // Reduced costs: what forcing one more unit of each decision would do to the objective (unused decisions first).
  const variables = Object.keys(s.variables || {});
  if (variables.length) {
    variables.sort((a, b) => Number(s.variables[a].value !== 0) - Number(s.variables[b].value !== 0));
    const table = el("table", { class: "reduced-costs" });
    table.append(el("thead", {}, el("tr", {}, el("th", { text: "Decision" }), el("th", { text: "Value" }), el("th", { text: "Reduced cost" }),
        el("th", { text: "Plan holds for costs in" }))));
    const body = el("tbody");
    for (const n of variables.slice(0, 60)) {
      body.append(el("tr", {}, el("td", { text: n }), el("td", { class: "num", text: fmt(s.variables[n].value) }),
          el("td", { class: "num", text: fmt(s.variables[n].reducedCost) }), el("td", { text: rangeText(s.variables[n].costRange) })));
    }
    table.append(body);
    box.append(table);
    if (variables.length > 60) box.append(el("p", { class: "muted", text: `${variables.length - 60} more in the API and CLI answer (solve-model --json).` }));
  }
  if (s.ranging) box.append(el("p", { class: "muted", text: "Ranging: " + s.ranging + "." }));
  return box;
}

/** "6 … 18", "2 … ∞": a range from the sensitivity (a null end is unlimited); empty when there is none. */
function rangeText(r) {
  if (!r) return "";
  return (r.from === null || r.from === undefined ? "−∞" : fmt(r.from)) + " … " + (r.to === null || r.to === undefined ? "∞" : fmt(r.to));
}

/** The smallest change that makes the model feasible (elastic relaxation). */
function relaxationView(r) {
  const box = el("div", { class: "relaxation" });
  box.append(el("strong", { text: "The smallest change that makes it feasible" }));
  const list = el("ul");
  for (const c of r.changes || []) {
    const words = (c.bound === "lower" ? (c.to < c.from ? "lower the requirement of " : "raise the requirement of ")
        : (c.to > c.from ? "raise the limit of " : "lower the limit of ")) + `${c.constraint} from ${fmt(c.from)} to ${fmt(c.to)} (by ${fmt(c.amount)})`;
    list.append(el("li", { text: words }));
  }
  box.append(list, el("p", { class: "muted", text: `Total change ${fmt(r.totalViolation)}, the least possible (each constraint counted in its own units).` }));
  return box;
}

function scenarioLabel() {
  const n = Scenarios.all().length + 1;
  const text = state.pendingLabel || "";
  return `${n}. ${text.length > 40 ? text.slice(0, 38) + "…" : text || "model"}`;
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
  state.loaded = JSON.stringify(formulation);
  markEdited();
  $("solve-model").hidden = false;
  updateSendLabel();
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
    box.append(el("h3", { text: "Data" }), el("p", { class: "muted", text: "Edit a cell, import a CSV file or paste a spreadsheet range; then solve." }));
    for (const p of f.parameters) box.append(Tables.render(f, p, () => dataEdited()));
  }
}

/** A table edit changes the model: the JSON follows, and the model counts as edited. */
function dataEdited() {
  $("json-editor").value = JSON.stringify(state.formulation, null, 2);
  markEdited();
  validateSoon();
}

function isEdited() {
  return state.loaded !== null && JSON.stringify(currentFormulation(true) || null) !== state.loaded;
}

function markEdited() {
  const edited = isEdited();
  $("model-edited").hidden = !edited;
  $("revert-model").hidden = !edited;
}

/** The model to solve: the editor's text when it parses, else the model view's. */
function currentFormulation(quiet) {
  try {
    return JSON.parse($("json-editor").value);
  } catch (e) {
    return quiet ? state.formulation : null;
  }
}

/** Line and column of a JSON syntax error, in the editor's terms (never the parser's internals). */
function jsonError(text, error) {
  return JsonSyntax.describe(text) || "JSON syntax error: " + error.message;
}

let validateTimer = null;
function validateSoon() {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validate, 400);
}

async function validate() {
  const text = $("json-editor").value;
  if (!text.trim()) return;
  try {
    JSON.parse(text);
  } catch (e) {
    showDiagnostics([], jsonError(text, e));
    return;
  }
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
  const text = $("json-editor").value;
  try {
    formulation = JSON.parse(text);
  } catch (e) {
    showDiagnostics([], jsonError(text, e));
    selectTab("json");
    return;
  }
  if (state.busy) return;
  const edited = isEdited();
  state.pendingLabel = edited ? "edited model" : (formulation.name || "model");
  addMessage("user", edited ? "Solve my edited model." : "Solve this model.");
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
  showStarters(examples.problems || []);
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
    const problem = (state.examples || []).find((p) => "problems/" + p.name === value);
    if (problem && problem.formulation) offerReference(problem);
  } else {
    await loadModel(await response.json(), "Loaded the example model “" + value.replace("formulations/", "") + "”: a new starting point.");
  }
  $("examples").value = "";
}

/** An example model is a new starting point: the server forgets the previous model, so nothing is diffed against it. */
async function loadModel(formulation, note) {
  send({ type: "reset" });
  Scenarios.clear();
  Scenarios.render($("compare"));
  clearEditorState();
  await showModel(formulation, null);
  if (note) addMessage("agent", note);
  selectTab("model");
  History.save();
}

async function loadReferenceAndSolve(problem) {
  const response = await api("/api/examples/" + problem.formulation.replace(/\.json$/, ""));
  if (!response.ok) { addMessage("error", await problemText(response)); return; }
  await loadModel(await response.json(), `Loaded the reference model of “${problem.title}” (written by the project, no language model used).`);
  solveEdited();
}

function offerReference(problem) {
  const box = el("div", { class: "msg agent" });
  const button = el("button", { type: "button", class: "secondary", text: "Load its reference model and solve" });
  button.addEventListener("click", () => loadReferenceAndSolve(problem));
  box.append(el("span", { text: `“${problem.title}” is in the box${state.modelConfigured ? ": send it to formulate with the language model, or " : ". Without a language model, "}` }), button);
  $("messages").append(box);
}

/** Starter prompts in the empty chat: fill the box with a problem, or load its reference model and solve. */
function showStarters(problems) {
  state.examples = problems;
  const list = $("starter-list");
  list.replaceChildren();
  for (const p of problems) {
    const fill = el("button", { type: "button", class: "secondary starter", text: p.title });
    fill.addEventListener("click", async () => {
      const response = await api("/api/examples/problems/" + p.name);
      if (response.ok) { $("ask-input").value = await response.text(); $("ask-input").focus(); }
    });
    const item = el("li", {}, fill);
    if (p.formulation) {
      const solve = el("button", { type: "button", class: "link", text: "load its reference model and solve" });
      solve.addEventListener("click", () => loadReferenceAndSolve(p));
      item.append(solve);
    }
    list.append(item);
  }
}

function clearEditorState() {
  $("json-editor").value = "";
  $("json-editor").classList.remove("invalid");
  $("json-status").textContent = "";
  $("json-status").className = "json-status";
  $("json-diagnostics").replaceChildren();
}

function selectTab(name) {
  for (const tab of ["model", "json", "answer", "compare"]) {
    $("tab-" + tab).setAttribute("aria-selected", String(tab === name));
    $("pane-" + tab).hidden = tab !== name;
  }
}

function reset() {
  send({ type: "reset" });
  state.formulation = null;
  state.loaded = null;
  state.log = [];
  state.turns = [];
  state.lastAnswer = null;
  Scenarios.clear();
  Scenarios.render($("compare"));
  clearEditorState();
  markEdited();
  $("solve-model").hidden = true;
  History.startNew();
  updateSendLabel();
  $("messages").replaceChildren($("starters"));
  $("starters").hidden = false;
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
  for (const tab of ["model", "json", "answer", "compare"]) $("tab-" + tab).addEventListener("click", () => selectTab(tab));
  $("solve-model").addEventListener("click", solveEdited);
  $("revert-model").addEventListener("click", () => { if (state.loaded) showModel(JSON.parse(state.loaded), null); });
  $("json-editor").addEventListener("input", markEdited);
  Scenarios.render($("compare"));
  for (const button of document.querySelectorAll("#downloads button")) button.addEventListener("click", () => downloadModel(button.dataset.format));
  loadExamples();
  History.init();
  connect();
});
