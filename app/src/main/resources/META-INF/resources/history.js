// Conversations survive a reload: the page stores its conversation on the server (PUT /api/conversations/ID,
// written atomically there) and reopens the last one, or any past one from the header's list.
"use strict";

const History = (() => {
  const KEY = "optagent.conversation";
  let id = localStorage.getItem(KEY) || fresh();
  localStorage.setItem(KEY, id);

  function fresh() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function title() {
    const first = state.log.find((m) => m.from === "user");
    const text = first ? first.text : (state.formulation && (state.formulation.name || state.formulation.description)) || "Untitled";
    return text.length > 60 ? text.slice(0, 58) + "…" : text;
  }

  async function save() {
    if (!state.log.length && !state.formulation) return;
    const body = { title: title(), log: state.log, formulation: state.formulation, turns: state.turns,
      lastAnswer: state.lastAnswer || null, scenarios: Scenarios.all() };
    try {
      const response = await api("/api/conversations/" + encodeURIComponent(id), { method: "PUT", body: JSON.stringify(body) });
      if (response.ok) refreshList();
    } catch (e) {
      // offline: the page still works; the next save catches up
    }
  }

  async function refreshList() {
    const response = await api("/api/conversations");
    if (!response.ok) return;
    const items = await response.json();
    const select = $("history");
    select.replaceChildren(el("option", { value: "", text: items.length ? "—" : "none yet" }));
    for (const c of items) {
      const when = c.updated ? new Date(c.updated).toLocaleString() : "";
      const option = el("option", { value: c.id, text: `${c.title} (${when})` });
      if (c.id === id) option.selected = true;
      select.append(option);
    }
  }

  /** Shows a stored conversation as it was: messages, model, last answer, scenarios. */
  async function open(which) {
    const response = await api("/api/conversations/" + encodeURIComponent(which));
    if (!response.ok) return false;
    const doc = await response.json();
    id = which;
    localStorage.setItem(KEY, id);
    const messages = $("messages");
    messages.replaceChildren($("starters"));
    $("starters").hidden = (doc.log || []).length > 0;
    for (const m of doc.log || []) {
      messages.append(el("div", { class: "msg " + (m.from === "stage" ? "agent muted" : m.from), text: m.text }));
    }
    state.log = doc.log || [];
    state.turns = doc.turns || [];
    state.lastAnswer = doc.lastAnswer || null;
    Scenarios.restore(doc.scenarios);
    Scenarios.render($("compare"));
    clearEditorState();
    if (doc.formulation) await showModel(doc.formulation, doc.lastAnswer && doc.lastAnswer.latex);
    if (doc.lastAnswer) {
      renderAnswer(doc.lastAnswer, null);
      selectTab("answer");
    }
    resumeOnServer();
    return true;
  }

  /** The server's side of the chat (problem so far, current model) follows the page, on every (re)connect too. */
  function resumeOnServer() {
    if (state.ws && state.ws.readyState === WebSocket.OPEN && (state.formulation || state.turns.length)) {
      state.ws.send(JSON.stringify({ type: "resume", turns: state.turns, formulation: state.formulation }));
    }
  }

  function startNew() {
    id = fresh();
    localStorage.setItem(KEY, id);
    refreshList();
  }

  async function init() {
    $("history").addEventListener("change", async () => {
      const which = $("history").value;
      if (which) await open(which);
    });
    await refreshList();
    await open(id);
  }

  return { init, save, open, startNew, resumeOnServer, id: () => id };
})();
