// The desk page: paste or drop a story, pick a style, see every finding underlined in place and
// listed by family, apply safe fixes, check the story against the archive, and check a
// translation against its original. It only calls the server's /v1 API.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { findings: [], text: "", timer: null, token: localStorage.getItem("copydesk-token") || "" };

/** POST JSON to the server; a 401 asks for the token once. */
async function api(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (state.token) headers["X-Copydesk-Token"] = state.token;
  const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) { $("token-box").hidden = false; }
  if (!response.ok) throw new Error((data.error && data.error.message) || ("HTTP " + response.status));
  return data;
}

function status(text, isError) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

/** UTF-16 offsets where each line starts (LF, CRLF or a lone CR end a line, as Copydesk counts). */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; starts.push(i + 1); }
  }
  return starts;
}

/** A Copydesk position (1-based line, UTF-16 column) as an index into the JavaScript string. */
function indexOf(starts, location) {
  return (starts[location.line - 1] || 0) + location.utf16Column - 1;
}

function storyRequest() {
  return { text: $("story").value, style: $("style").value, name: "story" };
}

async function check() {
  const text = $("story").value;
  if (!text.trim()) { render(text, []); status(""); return; }
  status("checking…");
  try {
    let document;
    if ($("translation-mode").checked && $("original").value.trim()) {
      document = await api("/v1/translation/check", { source: $("original").value, target: text, style: $("style").value });
    } else {
      document = await api("/v1/lint", storyRequest());
    }
    if ($("story").value !== text) return; // edited meanwhile: the next check will draw
    const file = document.files[0];
    render(text, file.diagnostics);
    const s = document.summary;
    status(`${file.format || "plain"}, ${file.encoding || "UTF-8"}: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`);
  } catch (error) {
    status(error.message, true);
  }
}

/** Draws the text with each finding underlined, and the list of findings grouped by family. */
function render(text, diagnostics) {
  const starts = lineStarts(text);
  state.text = text;
  state.findings = diagnostics.map((d, i) => ({
    index: i, diagnostic: d, family: d.rule.split(".")[0],
    start: indexOf(starts, d.range.start), end: indexOf(starts, d.range.end),
  }));
  // Boundaries of every finding; each piece of text between two of them is wrapped in one mark.
  const cuts = new Set([0, text.length]);
  for (const f of state.findings) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const marked = $("marked");
  marked.textContent = "";
  const rank = { error: 3, warning: 2, info: 1 };
  for (let k = 0; k < points.length; k++) {
    const from = points[k], to = points[k + 1];
    // Zero-length findings (a missing dateline) get a visible marker at their place.
    for (const f of state.findings) {
      if (f.start === f.end && f.start === from) marked.appendChild(markFor([f], "", true));
    }
    if (to === undefined) break;
    const piece = text.slice(from, to);
    const covering = state.findings.filter((f) => f.start < to && f.end > from);
    if (covering.length === 0) { marked.appendChild(document.createTextNode(piece)); continue; }
    covering.sort((a, b) => rank[b.diagnostic.severity] - rank[a.diagnostic.severity]);
    marked.appendChild(markFor(covering, piece, false));
  }
  renderList();
  $("summary").textContent = diagnostics.length ? `(${diagnostics.length} findings)` : "(no findings)";
}

function markFor(findings, text, empty) {
  const mark = document.createElement("mark");
  mark.className = `finding sev-${findings[0].diagnostic.severity}` + (empty ? " empty" : "");
  mark.dataset.findings = findings.map((f) => f.index).join(" ");
  mark.dataset.rule = findings.map((f) => f.diagnostic.rule).join(" ");
  mark.title = findings.map((f) => `${f.diagnostic.message} [${f.diagnostic.rule}]`).join("\n");
  mark.textContent = text;
  return mark;
}

function renderList() {
  const box = $("findings");
  box.textContent = "";
  const families = new Map();
  for (const f of state.findings) {
    if (!families.has(f.family)) families.set(f.family, []);
    families.get(f.family).push(f);
  }
  for (const [family, findings] of [...families.entries()].sort()) {
    const section = document.createElement("section");
    section.className = "family";
    section.dataset.family = family;
    const title = document.createElement("h3");
    title.textContent = `${family} (${findings.length})`;
    section.appendChild(title);
    const list = document.createElement("ul");
    for (const f of findings) {
      const d = f.diagnostic;
      const item = document.createElement("li");
      item.className = `sev-${d.severity}`;
      item.dataset.rule = d.rule;
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = `${d.range.start.line}:${d.range.start.column}`;
      const rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = ` [${d.rule}]`;
      item.append(where, document.createTextNode(d.message), rule);
      if (d.fix && d.fix.length) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "apply";
        button.textContent = "Apply fix";
        button.addEventListener("click", () => applyFix(f));
        item.appendChild(button);
      }
      item.addEventListener("mouseenter", () => highlight(f.index, true));
      item.addEventListener("mouseleave", () => highlight(f.index, false));
      list.appendChild(item);
    }
    section.appendChild(list);
    box.appendChild(section);
  }
}

function highlight(index, on) {
  for (const mark of document.querySelectorAll("mark.finding")) {
    if (mark.dataset.findings.split(" ").includes(String(index))) mark.classList.toggle("active", on);
  }
}

/** Applies one finding's fix (all its edits, last first) to the text, then checks again. */
function applyFix(finding) {
  const text = $("story").value;
  if (text !== state.text) { check(); return; }
  const starts = lineStarts(text);
  const edits = finding.diagnostic.fix
    .map((e) => ({ start: indexOf(starts, e.range.start), end: indexOf(starts, e.range.end), replacement: e.replacement }))
    .sort((a, b) => b.start - a.start);
  let fixed = text;
  for (const e of edits) fixed = fixed.slice(0, e.start) + e.replacement + fixed.slice(e.end);
  $("story").value = fixed;
  check();
}

async function fixAll() {
  status("fixing…");
  try {
    const result = await api("/v1/fix", storyRequest());
    $("story").value = result.fixed;
    status(`${result.appliedFixes} fixes applied`);
    await check();
  } catch (error) {
    status(error.message, true);
  }
}

async function dedup(record) {
  $("dedup-panel").hidden = false;
  try {
    const document = await api(record ? "/v1/archive/record" : "/v1/archive/check", storyRequest());
    const data = ((document.files[0].stages || [])[0] || {}).dedup || {};
    const list = $("dedup-paragraphs");
    list.textContent = "";
    if (record) {
      $("dedup-verdict").textContent = data.recorded === false ? "Already in the archive." : "Recorded in the archive.";
      return;
    }
    $("dedup-verdict").textContent = data.message || "new: nothing similar in the archive";
    for (const p of data.paragraphs || []) {
      if (p.status === "seen") continue;
      const item = document.createElement("li");
      item.className = p.status;
      item.value = p.paragraph;
      item.textContent = `${p.status}` + (p.diff ? `: ${p.diff}` : "");
      list.appendChild(item);
    }
  } catch (error) {
    $("dedup-verdict").textContent = error.message;
  }
}

async function loadStyles() {
  try {
    const headers = state.token ? { "X-Copydesk-Token": state.token } : {};
    const response = await fetch("/v1/styles", { headers });
    if (response.status === 401) { $("token-box").hidden = false; return; }
    const data = await response.json();
    $("style").textContent = "";
    for (const style of data.styles) {
      const option = document.createElement("option");
      option.value = style.name;
      option.textContent = `${style.name} — ${style.title}`;
      option.selected = style.isDefault;
      $("style").appendChild(option);
    }
  } catch (error) {
    status("cannot load styles: " + error.message, true);
  }
}

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 300);
}

/** Dropped files are read as UTF-8 when they are; other bytes go to the server as base64. */
function acceptDrops(area) {
  area.addEventListener("dragover", (event) => { event.preventDefault(); area.classList.add("dragging"); });
  area.addEventListener("dragleave", () => area.classList.remove("dragging"));
  area.addEventListener("drop", async (event) => {
    event.preventDefault();
    area.classList.remove("dragging");
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      area.value = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: let the server detect the charset, and show what it decoded.
      let binary = "";
      for (const b of bytes) binary += String.fromCharCode(b);
      const result = await api("/v1/normalize", { base64: btoa(binary), name: file.name });
      area.value = result.text;
    }
    scheduleCheck();
  });
}

$("check").addEventListener("click", check);
$("fix-all").addEventListener("click", fixAll);
$("dedup").addEventListener("click", () => dedup(false));
$("record").addEventListener("click", () => dedup(true));
$("style").addEventListener("change", check);
$("story").addEventListener("input", scheduleCheck);
$("original").addEventListener("input", scheduleCheck);
$("token").addEventListener("change", () => { state.token = $("token").value; localStorage.setItem("copydesk-token", state.token); loadStyles(); });
$("translation-mode").addEventListener("change", () => {
  const on = $("translation-mode").checked;
  $("original-pane").hidden = !on;
  $("story-title").textContent = on ? "Translation" : "Story";
  check();
});
acceptDrops($("story"));
acceptDrops($("original"));
loadStyles();
