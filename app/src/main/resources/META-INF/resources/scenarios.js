// What-if scenarios: every solved variant of the conversation's model is kept, and any of them are compared
// side by side (objective, decisions, binding constraints). Pure DOM, no HTML strings.
"use strict";

const Scenarios = (() => {
  let list = [];

  /** A scenario from an answer: what it was asked as, the numbers, and which constraints bind. */
  function fromAnswer(answer, label) {
    const decisions = {};
    for (const d of answer.decisions || []) decisions[d.variable] = d.value;
    const constraints = (answer.sensitivity && answer.sensitivity.constraints) || {};
    const binding = Object.keys(constraints).filter((k) => constraints[k].binding);
    const prices = {};
    for (const k of binding) if (constraints[k].dual !== undefined && constraints[k].dual !== null) prices[k] = constraints[k].dual;
    return { id: Date.now() + "-" + list.length, label, status: answer.status, objective: answer.objective,
      unit: answer.objectiveMeaning && answer.objectiveMeaning.unit, decisions, binding, prices,
      relaxation: answer.relaxation ? answer.relaxation.explanation : null };
  }

  function add(answer, label) {
    if (!answer.formulation) return null;
    const scenario = fromAnswer(answer, label || `Scenario ${list.length + 1}`);
    list.push(scenario);
    return scenario;
  }

  function all() { return list.slice(); }
  function restore(saved) { list = Array.isArray(saved) ? saved.slice() : []; }
  function clear() { list = []; }

  /** The comparison table: one column per chosen scenario, rows for objective, every decision, binding constraints. */
  function render(box, chosen) {
    box.replaceChildren();
    if (list.length < 1) {
      box.append(el("p", { class: "muted", text: "Solved variants of this conversation's model appear here: solve, then change the model (in the chat, the tables or the JSON) and solve again." }));
      return;
    }
    const picks = el("fieldset", { class: "scenario-picks" }, el("legend", { text: "Compare" }));
    const selected = new Set(chosen && chosen.length ? chosen : list.slice(-2).map((s) => s.id));
    for (const s of list) {
      const box2 = el("input", { type: "checkbox", value: s.id, id: "pick-" + s.id });
      box2.checked = selected.has(s.id);
      box2.addEventListener("change", () => {
        const ids = [...picks.querySelectorAll("input:checked")].map((i) => i.value);
        render(box, ids);
      });
      picks.append(el("label", { for: "pick-" + s.id }, box2, " " + s.label));
    }
    box.append(picks);
    const shown = list.filter((s) => selected.has(s.id));
    if (!shown.length) return;
    const table = el("table", { class: "compare" });
    const head = el("tr", {}, el("th", { text: "" }));
    for (const s of shown) head.append(el("th", { text: s.label }));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    const row = (name, cells, cls) => {
      const tr = el("tr", cls ? { class: cls } : {}, el("th", { text: name, scope: "row" }));
      cells.forEach((c, k) => {
        const td = el("td", { class: typeof c.value === "number" ? "num" : "", text: c.text });
        if (c.changed) td.classList.add("changed");
        tr.append(td);
      });
      body.append(tr);
    };
    const first = shown[0];
    row("Status", shown.map((s) => ({ text: s.status })));
    row("Objective" + (first.unit ? ` (${first.unit})` : ""), shown.map((s) => ({ value: s.objective, text: fmt(s.objective),
      changed: s !== first && s.objective !== first.objective })), "objective");
    const variables = [...new Set(shown.flatMap((s) => Object.keys(s.decisions)))];
    for (const v of variables) {
      row(v, shown.map((s) => ({ value: s.decisions[v] || 0, text: fmt(s.decisions[v] || 0),
        changed: s !== first && Math.abs((s.decisions[v] || 0) - (first.decisions[v] || 0)) > 1e-9 })));
    }
    const binding = [...new Set(shown.flatMap((s) => s.binding))];
    if (binding.length) {
      body.append(el("tr", { class: "section" }, el("th", { colspan: String(shown.length + 1), text: "Binding constraints (shadow price)" })));
      for (const b of binding) {
        row(b, shown.map((s) => ({ text: s.binding.includes(b) ? (s.prices[b] !== undefined ? "binds · " + fmt(s.prices[b]) : "binds") : "—",
          changed: s !== first && s.binding.includes(b) !== first.binding.includes(b) })));
      }
    }
    if (shown.some((s) => s.relaxation)) row("Smallest fix", shown.map((s) => ({ text: s.relaxation || "" })));
    table.append(body);
    box.append(table);
  }

  return { add, all, restore, clear, render };
})();
