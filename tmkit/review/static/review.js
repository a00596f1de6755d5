// tmkit review: the page. Plain JavaScript, no library, nothing loaded from the network.
// The server owns the alignment; the page sends one operation at a time and redraws
// only the links each answer names (see tmkit/review/session.py).
"use strict";

const TOKEN = new URLSearchParams(location.search).get("token") || "";
const state = { zh: [], en: [], links: [], version: 0, threshold: 0.8, current: 0, active: 0, busy: false };
const queue = [];
const rows = [];
const timings = { firstPaint: null, termsLoaded: null, lastOperation: null, operations: [] };
window.tmkitTimings = timings;
// For tests and benchmarks: whether operations are pending, and the current link.
window.tmkitBusy = () => state.busy || queue.length > 0;
window.tmkitCurrent = () => {
  const link = state.links[state.current];
  return { index: state.current, zh: link.zh, en: link.en, reviewed: link.reviewed };
};
const $ = (id) => document.getElementById(id);
const linksEl = $("links");

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "X-Tmkit-Token": TOKEN, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw Object.assign(new Error(data.error || `HTTP ${response.status}`), { status: response.status });
  return data;
}

function setStatus(text, error) {
  const el = $("save");
  el.textContent = text;
  el.classList.toggle("error", !!error);
}

// ---- what a link is ---------------------------------------------------------------

function unmatched(link) { return link.zh.length === 0 || link.en.length === 0; }
function doubtful(link) {
  return !link.reviewed && (unmatched(link) || (link.score !== null && link.score < state.threshold));
}
function band(link) {
  if (link.reviewed) return "reviewed";
  if (unmatched(link)) return "unmatched";
  if (link.score === null) return "mid";
  if (link.score < state.threshold) return "bad";
  return link.score < Math.min(0.95, state.threshold + 0.1) ? "mid" : "good";
}
// The sentences of a link in cursor order: Chinese, then English.
function slots(link) { return link.zh.map((k) => ["zh", k]).concat(link.en.map((k) => ["en", k])); }

// ---- drawing ----------------------------------------------------------------------

function sentenceHtml(side, index, marks) {
  const [text, edited] = state[side][index];
  const own = marks.filter((m) => m[0] === side && m[1] === index).sort((a, b) => a[2] - b[2]);
  let html = "", at = 0;
  for (const [, , start, end, concept, status, hint] of own) {
    if (start < at) continue;
    const title = status === "missing" ? `${concept}: English equivalent missing (${hint})`
      : status === "deprecated" ? `${concept}: deprecated, use ${hint}` : `${concept}: ${hint}`;
    html += escapeHtml(text.slice(at, start)) +
      `<mark class="term ${status}" title="${escapeHtml(title)}">${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  html += escapeHtml(text.slice(at));
  return `<span class="s${edited ? " edited" : ""}" data-side="${side}" data-k="${index}">${html}</span>`;
}

function linkHtml(link) {
  const marks = link.terms || [];
  const score = link.score === null ? "—" : link.score.toFixed(2);
  const side = (name) => `<div class="side ${name}${link[name].length ? "" : " empty"}" lang="${name === "zh" ? "zh" : "en"}">` +
    link[name].map((k) => sentenceHtml(name, k, marks)).join("") + "</div>";
  return `<div class="link ${band(link)}"><div class="meta"><span class="kind">${link.zh.length}-${link.en.length}</span><br>` +
    `<span title="aligner's confidence">${score}</span>${link.reviewed ? ' <span class="ok" title="reviewed">✓</span>' : ""}` +
    `${link.flag ? ` <span title="${escapeHtml(link.flag)}">⚑</span>` : ""}</div>${side("zh")}${side("en")}</div>`;
}

function buildRows(links) {
  const holder = document.createElement("div");
  holder.innerHTML = links.map(linkHtml).join("");
  return Array.from(holder.children);
}

// Rows go into groups of GROUP: the browser then lays out a hundred groups instead of ten
// thousand rows when something changes (groups out of view are skipped, content-visibility).
const GROUP = 100;

function renderAll() {
  const html = [];
  for (let start = 0; start < state.links.length; start += GROUP) {
    html.push(`<div class="group">${state.links.slice(start, start + GROUP).map(linkHtml).join("")}</div>`);
  }
  linksEl.innerHTML = html.join("");
  rows.splice(0, rows.length, ...linksEl.querySelectorAll(".link"));
  applyFilter(false);
}

function shown(i) { return !rows[i].hidden; }

function filterAccepts(link) {
  // "not reviewed" narrows whatever else is chosen; "score under" and "unmatched" add up.
  const byScore = $("f-score").checked, byUnmatched = $("f-unmatched").checked, byUnreviewed = $("f-unreviewed").checked;
  if (byUnreviewed && link.reviewed) return false;
  if (!byScore && !byUnmatched) return true;
  const low = !unmatched(link) && link.score !== null && link.score < state.threshold;
  return (byScore && low) || (byUnmatched && unmatched(link));
}

function applyFilter(scroll = true) {
  state.shown = 0;
  state.links.forEach((link, i) => { rows[i].hidden = !filterAccepts(link); state.shown += !rows[i].hidden; });
  // A group not drawn yet is as tall as its shown rows would be, so the scroll bar stays right.
  for (const group of linksEl.children) {
    const shownRows = Array.prototype.reduce.call(group.children, (n, row) => n + !row.hidden, 0);
    group.style.containIntrinsicSize = `auto ${shownRows * 54}px`;
  }
  if (!rows.length) return;
  if (!shown(state.current)) {
    const next = nextShown(state.current, 1) ?? nextShown(state.current, -1);
    if (next !== null) state.current = next;
  }
  focusLink(state.current, scroll);
  drawOverview();
}

function nextShown(from, step) {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (shown(i)) return i;
  return null;
}

function updateHeader() {
  const total = state.links.length, visible = state.shown;
  $("position").textContent = `link ${state.current + 1} / ${total}` + (visible !== total ? ` (${visible} shown)` : "");
  let left = 0;
  for (const link of state.links) left += doubtful(link);
  $("progress-text").textContent = `${state.reviewed} / ${total} reviewed`;
  $("doubtful").textContent = left ? `${left} doubtful left` : "no doubtful link left";
  $("progress-fill").style.width = total ? `${(100 * state.reviewed) / total}%` : "0";
  $("undo").disabled = !state.canUndo;
  $("redo").disabled = !state.canRedo;
}

function focusLink(index, scroll = true) {
  if (!rows.length) return;
  index = Math.max(0, Math.min(rows.length - 1, index));
  rows[state.current] && rows[state.current].classList.remove("current");
  if (index !== state.current) state.active = 0;
  state.current = index;
  const row = rows[index];
  row.classList.add("current");
  const count = slots(state.links[index]).length;
  state.active = Math.min(state.active, count - 1);
  row.querySelectorAll(".s").forEach((el, k) => el.classList.toggle("active", k === state.active));
  if (scroll) row.scrollIntoView({ block: "center" });
  updateHeader();
  drawOverviewMarker();
}

function setActive(k) {
  const row = rows[state.current];
  const spans = row.querySelectorAll(".s");
  state.active = Math.max(0, Math.min(spans.length - 1, k));
  spans.forEach((el, i) => el.classList.toggle("active", i === state.active));
}

// ---- the overview: the path over the sentence grid, coloured by score --------------

const COLOURS = { good: "#2e9e44", mid: "#e0a800", bad: "#d33", unmatched: "#d33", reviewed: "#3367d6" };
let overviewGeometry = null;

function drawOverview() {
  const canvas = $("overview");
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  canvas.width = width * ratio; canvas.height = height * ratio;
  const g = canvas.getContext("2d");
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  const strip = 14, plot = width - strip - 4;
  const nz = Math.max(1, state.zh.length), ne = Math.max(1, state.en.length);
  const y = (k) => (k / nz) * height, x = (k) => (k / ne) * plot;
  g.strokeStyle = "#ddd"; g.strokeRect(0.5, 0.5, plot - 1, height - 1);
  let zh = 0, en = 0;
  state.links.forEach((link, i) => {
    const z1 = zh + link.zh.length, e1 = en + link.en.length;
    const colour = COLOURS[band(link)];
    g.fillStyle = colour;
    const h = Math.max(1.5, y(z1) - y(zh)), w = Math.max(1.5, x(e1) - x(en));
    g.fillRect(x(en), y(zh), w, h);
    if (doubtful(link) || link.reviewed) {
      g.fillRect(plot + 4, y(zh), strip, Math.max(1.5, h));
    }
    zh = z1; en = e1;
    link._z = zh; // position of the link's end, for clicks
  });
  overviewGeometry = { height, nz };
  drawOverviewMarker();
}

function drawOverviewMarker() {
  const marker = $("overview-marker") || (() => {
    const el = document.createElement("div");
    el.id = "overview-marker";
    el.style.cssText = "position:absolute;left:4px;width:156px;height:2px;background:#000;pointer-events:none";
    $("overview-pane").appendChild(el);
    return el;
  })();
  if (!overviewGeometry || !state.links.length) return;
  const link = state.links[state.current];
  const start = link._z - link.zh.length;
  const canvas = $("overview");
  marker.style.top = `${canvas.offsetTop + (start / overviewGeometry.nz) * overviewGeometry.height}px`;
}

$("overview").addEventListener("click", (event) => {
  if (!overviewGeometry) return;
  const rect = event.target.getBoundingClientRect();
  const sentence = ((event.clientY - rect.top) / rect.height) * overviewGeometry.nz;
  let best = 0;
  for (let i = 0; i < state.links.length; i++) { if (state.links[i]._z > sentence) { best = i; break; } best = i; }
  if (!shown(best)) best = nextShown(best, 1) ?? nextShown(best, -1) ?? best;
  focusLink(best);
});

// ---- operations --------------------------------------------------------------------

function enqueue(task) {
  queue.push(task);
  if (!state.busy) runQueue();
}

async function runQueue() {
  state.busy = true;
  while (queue.length) {
    const task = queue.shift();
    try { await task(); } catch (error) { console.error(error); }
  }
  state.busy = false;
}

function activeSlot() {
  const link = state.links[state.current];
  const all = slots(link);
  const [side, index] = all[Math.min(state.active, all.length - 1)];
  return { link, side, position: link[side].indexOf(index), index };
}

async function send(operation, after) {
  const started = performance.now();
  setStatus("saving…");
  let answer;
  try {
    answer = await api("api/op", { ...operation, version: state.version });
  } catch (error) {
    if (error.status === 409) { setStatus("changed elsewhere: reloading…", true); if (await load()) loadTerms(); return; }
    setStatus(error.message, true);
    return;
  }
  const answered = performance.now();
  applyAnswer(answer, after);
  const applied = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const ms = performance.now() - started;
  timings.lastParts = { request: answered - started, apply: applied - answered, frame: performance.now() - applied };
  timings.lastOperation = ms;
  timings.operations.push(ms);
  setStatus(`saved (${ms.toFixed(0)} ms)`);
}

function applyAnswer(answer, after) {
  Object.assign(state, { version: answer.version, reviewed: answer.reviewed, canUndo: answer.canUndo, canRedo: answer.canRedo });
  for (const [side, index, text, edited] of answer.texts) state[side][index] = [text, edited];
  if (rows[state.current]) rows[state.current].classList.remove("current");
  state.links.splice(answer.start, answer.remove, ...answer.links);
  const built = buildRows(answer.links);
  const old = rows.splice(answer.start, answer.remove, ...built);
  state.shown -= old.filter((el) => !el.hidden).length;
  const anchor = old.length ? old[0] : (rows[answer.start + built.length] || null);
  const parent = anchor ? anchor.parentNode : (linksEl.lastElementChild || linksEl);
  for (const el of built) parent.insertBefore(el, anchor);
  old.forEach((el) => el.remove());
  built.forEach((el, k) => { el.hidden = !filterAccepts(answer.links[k]); state.shown += !el.hidden; });
  const target = after ? after(answer) : answer.start;
  state.current = Math.max(0, Math.min(rows.length - 1, target));
  state.active = 0;
  focusLink(state.current, true);
  drawOverview();
}

const actions = {
  mergeNext: () => enqueue(() => send({ op: "merge", link: state.current })),
  mergePrevious: () => enqueue(() => send({ op: "merge", link: state.current - 1 })),
  split: () => enqueue(() => { const a = activeSlot(); return send({ op: "split", link: state.current, side: a.side, position: a.position }); }),
  moveUp: () => enqueue(() => { const a = activeSlot(); return send({ op: "move", direction: "up", link: state.current, side: a.side, position: a.position }, (r) => r.start + r.links.length - 1); }),
  moveDown: () => enqueue(() => { const a = activeSlot(); return send({ op: "move", direction: "down", link: state.current, side: a.side, position: a.position }); }),
  unmatch: () => enqueue(() => { const a = activeSlot(); return send({ op: "unmatch", link: state.current, side: a.side, position: a.position }); }),
  toggleReviewed: () => enqueue(() => send({ op: "review", link: state.current, reviewed: !state.links[state.current].reviewed })),
  confirm: () => enqueue(() => send({ op: "review", link: state.current, reviewed: true }, (r) => nextShown(r.start, 1) ?? r.start)),
  undo: () => enqueue(() => send({ op: "undo" })),
  redo: () => enqueue(() => send({ op: "redo" })),
  edit: () => startEdit(),
  export: () => enqueue(async () => {
    setStatus("writing TMX…");
    try { const r = await api("api/export", {}); setStatus(`${r.units} units written to ${r.path}`); }
    catch (error) { setStatus(error.message, true); }
  }),
  help: () => { $("help").hidden = !$("help").hidden; },
};

function startEdit() {
  enqueue(async () => {
    const { side, index } = activeSlot();
    const span = rows[state.current].querySelectorAll(".s")[state.active];
    const editor = document.createElement("textarea");
    editor.className = "editor";
    editor.value = state[side][index][0];
    span.replaceWith(editor);
    editor.focus();
    await new Promise((resolve) => {
      const finish = (save) => {
        editor.removeEventListener("keydown", onKey);
        editor.removeEventListener("blur", onBlur);
        const text = editor.value;
        if (save && text.trim() && text !== state[side][index][0]) {
          editor.replaceWith(span);
          send({ op: "edit", side, sentence: index, text }, () => state.current).then(resolve);
        } else {
          editor.replaceWith(span);
          resolve();
        }
        linksEl.focus({ preventScroll: true });
      };
      const onKey = (event) => {
        if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); finish(true); }
        else if (event.key === "Escape") { event.preventDefault(); finish(false); }
        event.stopPropagation();
      };
      const onBlur = () => finish(true);
      editor.addEventListener("keydown", onKey);
      editor.addEventListener("blur", onBlur);
    });
  });
}

// ---- input -------------------------------------------------------------------------

document.querySelectorAll("button[data-action]").forEach((button) =>
  button.addEventListener("click", () => actions[button.dataset.action]()));

linksEl.addEventListener("click", (event) => {
  const row = event.target.closest(".link");
  if (!row) return;
  const index = rows.indexOf(row);
  if (index < 0) return;
  if (index !== state.current) focusLink(index, false);
  const sentence = event.target.closest(".s");
  if (sentence) setActive(Array.from(row.querySelectorAll(".s")).indexOf(sentence));
});
linksEl.addEventListener("dblclick", (event) => { if (event.target.closest(".s")) actions.edit(); });

for (const id of ["f-score", "f-unmatched", "f-unreviewed"]) $(id).addEventListener("change", () => applyFilter());
$("f-threshold").addEventListener("change", () => {
  const value = parseFloat($("f-threshold").value);
  if (!Number.isNaN(value)) { state.threshold = value; renderAll(); }
});

document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type !== "checkbox")) {
    if (event.key === "Escape") target.blur();
    return;
  }
  if (!rows.length) return;
  const key = event.key, ctrl = event.ctrlKey || event.metaKey;
  const handled = (() => {
    if (ctrl && (key === "z" || key === "Z")) { (event.shiftKey ? actions.redo : actions.undo)(); return true; }
    if (ctrl && (key === "y" || key === "Y")) { actions.redo(); return true; }
    if (ctrl || event.altKey) return false;
    const go = (index) => { if (index !== null && index !== undefined) enqueue(async () => focusLink(index)); };
    switch (key) {
      case "ArrowDown": if (event.shiftKey) actions.moveDown(); else go(nextShown(state.current, 1)); return true;
      case "ArrowUp": if (event.shiftKey) actions.moveUp(); else go(nextShown(state.current, -1)); return true;
      case "j": go(nextShown(state.current, 1)); return true;
      case "k": go(nextShown(state.current, -1)); return true;
      case "ArrowLeft": case "h": enqueue(async () => setActive(state.active - 1)); return true;
      case "ArrowRight": case "l": enqueue(async () => setActive(state.active + 1)); return true;
      case "n": go(findDoubtful(1)); return true;
      case "N": go(findDoubtful(-1)); return true;
      case "m": actions.mergeNext(); return true;
      case "M": actions.mergePrevious(); return true;
      case "s": actions.split(); return true;
      case "x": actions.unmatch(); return true;
      case "e": case "Enter": actions.edit(); return true;
      case " ": actions.confirm(); return true;
      case "r": actions.toggleReviewed(); return true;
      case "Home": go(nextShown(-1, 1)); return true;
      case "End": go(nextShown(rows.length, -1)); return true;
      case "PageDown": go(stepShown(10)); return true;
      case "PageUp": go(stepShown(-10)); return true;
      case "f": $("f-threshold").focus(); return true;
      case "?": actions.help(); return true;
      case "Escape": $("help").hidden = true; return true;
      default: return false;
    }
  })();
  if (handled) event.preventDefault();
});

function findDoubtful(step) {
  for (let i = state.current + step; i >= 0 && i < rows.length; i += step) if (shown(i) && doubtful(state.links[i])) return i;
  return null;
}
function stepShown(count) {
  let index = state.current;
  for (let n = 0; n < Math.abs(count); n++) { const next = nextShown(index, Math.sign(count)); if (next === null) break; index = next; }
  return index;
}

// ---- terms: fetched after the first paint, in slices, nearest the current link first ----

const TERM_SLICE = 250;

function replaceRow(i) {
  const old = rows[i];
  const [row] = buildRows([state.links[i]]);
  row.hidden = old.hidden;
  old.replaceWith(row);
  rows[i] = row;
  if (i === state.current) { row.classList.add("current"); setActive(state.active); }
}

function loadTerms() {
  const count = Math.ceil(state.links.length / TERM_SLICE);
  const first = Math.floor(state.current / TERM_SLICE);
  const order = [];
  for (let d = 0; order.length < count; d++) {
    if (first + d < count) order.push(first + d);
    if (d > 0 && first - d >= 0) order.push(first - d);
  }
  const fetchSlice = (slice) => enqueue(async () => {
    const start = slice * TERM_SLICE;
    const answer = await api(`api/terms?start=${start}&end=${start + TERM_SLICE}`);
    if (answer.version !== state.version) { fetchSlice(slice); return; } // links moved meanwhile
    answer.terms.forEach((marks, k) => {
      const i = answer.start + k;
      if (state.links[i].terms === undefined) { state.links[i].terms = marks; replaceRow(i); }
    });
  });
  order.forEach(fetchSlice);
  enqueue(async () => { timings.termsLoaded = performance.now(); });
}

// ---- start -------------------------------------------------------------------------

async function load() {
  const data = await api("api/alignment");
  Object.assign(state, { zh: data.zh, en: data.en, links: data.links, version: data.version, reviewed: data.reviewed,
    canUndo: data.canUndo, canRedo: data.canRedo, threshold: data.threshold });
  $("f-threshold").value = data.threshold;
  $("doc").textContent = data.document;
  document.title = `${data.document} – tmkit review`;
  renderAll();
  const first = state.links.findIndex(doubtful);
  const resume = first >= 0 ? first : Math.max(0, state.links.findIndex((link) => !link.reviewed));
  state.current = 0;
  focusLink(resume);
  setStatus(`${data.file.split(/[\\/]/).pop()}: every change is saved at once`);
  $("save").title = data.file;
  return data.terms;
}

load().then((withTerms) => requestAnimationFrame(() => {
  timings.firstPaint = performance.now();
  document.body.dataset.ready = "true";
  if (withTerms) loadTerms();
})).catch((error) => setStatus(`cannot load the alignment: ${error.message}`, true));
window.addEventListener("resize", () => drawOverview());
