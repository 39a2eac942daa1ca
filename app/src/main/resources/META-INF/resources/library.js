// The experience library page: insights by taxonomy with evidence, status and lineage; feedback cases; rejections.
// Every string from the library (written by a model or a user) is inserted as text, never as HTML.
(function () {
  "use strict";
  const key = new URLSearchParams(location.search).get("key") || localStorage.getItem("optagent.apiKey") || "";
  const headers = key ? { "X-API-Key": key } : {};
  let view = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === "class") node.className = v; else node.setAttribute(k, v); });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c))));
    return node;
  }

  async function load() {
    const [lib, feedback] = await Promise.all([
      fetch("/api/library", { headers }).then(r => r.ok ? r.json() : Promise.reject(r.status)),
      fetch("/api/library/feedback", { headers }).then(r => r.ok ? r.json() : [])]);
    view = lib;
    const p = lib.provenance || {};
    const active = lib.insights.filter(i => i.status === "active").length;
    document.getElementById("summary").textContent = `${lib.name} (${lib.spec}): ${lib.insights.length} insights, ${active} active` +
      `${p.measured ? "" : " — unmeasured"}${p.trainingSet ? `; learned from ${p.trainingSet} (${(p.trainingIds || []).length} tasks) by ${p.model} on ${p.date}` : ""}` +
      `; ${lib.labelsAdded.length} taxonomy label(s) added beyond the seed${lib.approvalRequired ? "; user insights need admin approval" : ""}.`;
    document.getElementById("adminbox").hidden = !lib.approvalRequired;
    render();
    renderFeedback(feedback);
    renderRejected(lib.rejected);
    showLinked();
  }

  // The chat links an answer's insights here as library.html#<id>: the cards exist only now, so scroll by hand.
  function showLinked() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    target.classList.add("linked");
    target.scrollIntoView({ block: "center" });
  }

  function insightCard(i) {
    const ev = i.evidence || {};
    const counts = ev.counts || {};
    const card = el("div", { class: "insight " + i.status, id: i.id },
      el("div", {}, el("span", { class: "badge " + i.status }, i.status), el("strong", {}, i.id), ` v${i.version}`,
        el("span", { class: "meta" }, ` — score ${ev.score ?? 0}: helped ${counts.helped || 0}, misled ${counts.misled || 0},` +
          ` irrelevant ${counts.irrelevant || 0}, invalid ${counts.invalid || 0}, missed ${counts.missed || 0}`)),
      el("div", {}, el("em", {}, "When: "), i.condition),
      el("div", {}, el("em", {}, "Lesson: "), i.explanation));
    if (i.example && (i.example.wrong || i.example.right)) {
      card.append(el("div", { class: "meta" }, "Wrong:"), el("pre", {}, i.example.wrong || ""),
        el("div", { class: "meta" }, "Right:"), el("pre", {}, i.example.right || ""));
    }
    const meta = [];
    if (i.statusReason) meta.push(i.statusReason);
    if ((ev.sourceTasks || []).length) meta.push("learned from " + ev.sourceTasks.join(", "));
    if ((i.lineage || []).length) meta.push("lineage: " + i.lineage.join(" ← "));
    if (i.created) meta.push(`written ${i.created.date || ""} by ${i.created.model || "?"} (${i.created.by || "?"})`);
    card.append(el("div", { class: "meta" }, meta.join(" · ")));
    if (i.status === "candidate" && view.approvalRequired) {
      const button = el("button", {}, "Approve");
      button.addEventListener("click", () => approve(i.id, button));
      card.append(button);
    }
    return card;
  }

  function render() {
    const status = document.getElementById("status").value;
    const stage = document.getElementById("stage").value;
    const search = document.getElementById("search").value.toLowerCase();
    const box = document.getElementById("insights");
    box.replaceChildren();
    const groups = new Map();
    view.insights.filter(i => (!status || i.status === status) && (!stage || i.taxonomy.stage === stage) &&
        (!search || (i.condition + " " + i.explanation).toLowerCase().includes(search)))
      .forEach(i => {
        const path = `${i.taxonomy.stage} / ${i.taxonomy.level1} / ${i.taxonomy.level2}`;
        if (!groups.has(path)) groups.set(path, []);
        groups.get(path).push(i);
      });
    if (!groups.size) box.append(el("p", {}, "No insights" + (view.insights.length ? " match." : " yet: the library is empty.")));
    [...groups.keys()].sort().forEach(path => box.append(el("h2", {}, path), ...groups.get(path).map(insightCard)));
  }

  function renderFeedback(cases) {
    const box = document.getElementById("feedback");
    if (!cases.length) { box.replaceChildren(el("p", {}, "No feedback yet.")); return; }
    box.replaceChildren(el("table", { class: "small" },
      el("tr", {}, el("th", {}, "case"), el("th", {}, "state"), el("th", {}, "expected"), el("th", {}, "reason"), el("th", {}, "outcome")),
      cases.map(c => el("tr", {}, el("td", {}, c.id), el("td", {}, c.state), el("td", {}, c.expected ?? ""), el("td", {}, c.reason || ""),
        el("td", {}, c.outcome || "")))));
  }

  function renderRejected(rejected) {
    const box = document.getElementById("rejected");
    if (!rejected.length) { box.replaceChildren(el("p", {}, "None.")); return; }
    box.replaceChildren(el("table", { class: "small" },
      el("tr", {}, el("th", {}, "candidate"), el("th", {}, "kind"), el("th", {}, "task"), el("th", {}, "reason")),
      rejected.map(r => el("tr", {}, el("td", {}, r.id || "-"), el("td", {}, r.kind || ""), el("td", {}, r.task || ""), el("td", {}, r.reason || "")))));
  }

  async function approve(id, button) {
    button.disabled = true;
    const response = await fetch(`/api/library/insights/${encodeURIComponent(id)}/approve`,
      { method: "POST", headers: Object.assign({ "X-Admin-Key": document.getElementById("admin").value }, headers) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      alert(problem.detail || `approval failed (${response.status})`);
      button.disabled = false;
      return;
    }
    load();
  }

  ["status", "stage", "search"].forEach(id => document.getElementById(id).addEventListener("input", () => view && render()));
  load().catch(status => { document.getElementById("summary").textContent = `Cannot load the library (HTTP ${status}).`; });
})();
