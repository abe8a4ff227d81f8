// The reader: analyse an article and show who said what, linked both ways between the text and
// the statement list.
"use strict";

(() => {
  const { el, getJSON, colourer, badges, status } = SAYSO;
  const $ = (id) => document.getElementById(id);
  const ui = { text: $("text"), status: $("status"), article: $("article"), speakers: $("speakers"),
               statements: $("statements"), result: $("result"), title: $("title"), meta: $("meta") };
  let focusedSpeaker = null;

  /** Python indexes text by code point, JavaScript by UTF-16 unit: map the first to the second. */
  function unitOffsets(text) {
    const map = [];
    let unit = 0;
    for (const ch of text) { map.push(unit); unit += ch.length; }
    map.push(unit);
    return map;
  }

  function speakerKey(statement) {
    return statement.speaker ? statement.speaker.name : "(unattributed)";
  }

  /** Every annotated range of the article: content, speaker, cue, channels, chrome. */
  function marks(doc) {
    const out = doc.chrome.map((c) => ({ start: c.start, end: c.end, type: "chrome", kind: c.kind }));
    for (const s of doc.statements) {
      for (const [start, end] of s.content.spans) out.push({ start, end, type: "content", s });
      if (s.speaker) out.push({ start: s.speaker.start, end: s.speaker.end, type: "speaker", s });
      if (s.cue) out.push({ start: s.cue.start, end: s.cue.end, type: "cue", s });
      for (const c of s.channels) out.push({ start: c.start, end: c.end, type: "channel", s, role: c.role });
    }
    return out.filter((m) => m.end > m.start);
  }

  /** The article text cut at every mark boundary, each piece a span carrying its marks. */
  function renderText(doc, colour) {
    const text = doc.text;
    const units = unitOffsets(text);
    const all = marks(doc);
    const cuts = new Set([0, units.length - 1]);
    for (const m of all) { cuts.add(Math.min(m.start, units.length - 1)); cuts.add(Math.min(m.end, units.length - 1)); }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(units[a], units[b]);
      const covering = all.filter((m) => m.start <= a && m.end >= b);
      if (!covering.length) { frag.append(document.createTextNode(piece)); continue; }
      const span = el("span", {}, piece);
      const owner = covering.find((m) => m.s);
      for (const m of covering) {
        span.classList.add(m.type);
        if (m.type === "chrome") span.title = `page chrome: ${m.kind}`;
        if (m.type === "channel") span.title = `channel: ${m.role}`;
      }
      if (owner) {
        span.dataset.sid = owner.s.id;
        span.style.setProperty("--c", colour(speakerKey(owner.s)));
      }
      frag.append(span);
    }
    ui.article.replaceChildren(frag);
  }

  function descriptorsOf(doc, statement) {
    const entity = statement.speaker && doc.entities.find((e) => e.id === statement.speaker.entity);
    return entity ? entity.descriptors : [];
  }

  function renderSpeakers(doc, colour) {
    const bySpeaker = new Map();
    for (const s of doc.statements) {
      const key = speakerKey(s);
      if (!bySpeaker.has(key)) bySpeaker.set(key, { count: 0, descriptors: new Set(), written: new Set() });
      const entry = bySpeaker.get(key);
      entry.count += 1;
      descriptorsOf(doc, s).forEach((d) => entry.descriptors.add(d));
      if (s.speaker && s.speaker.text !== s.speaker.name) entry.written.add(s.speaker.text);
    }
    const items = [...bySpeaker].sort((x, y) => y[1].count - x[1].count).map(([name, entry]) => {
      const li = el("li", { dataset: { speaker: name }, tabindex: 0, onclick: () => focusSpeaker(name),
                            onkeydown: (e) => { if (e.key === "Enter") focusSpeaker(name); } },
        el("span", { class: "dot" }), el("strong", {}, name),
        el("span", { class: "muted small" }, ` · ${entry.count} statement${entry.count > 1 ? "s" : ""}`),
        entry.descriptors.size ? el("div", { class: "descriptors" }, [...entry.descriptors].join("; ")) : null,
        entry.written.size ? el("div", { class: "descriptors" }, `as written: ${[...entry.written].join(", ")}`) : null);
      li.style.setProperty("--c", colour(name));
      return li;
    });
    ui.speakers.replaceChildren(...items);
    if (!items.length) ui.speakers.replaceChildren(el("li", { class: "muted" }, "No attributed statements found."));
  }

  function renderStatements(doc, colour) {
    const items = doc.statements.map((s) => {
      const li = el("li", { dataset: { sid: s.id, speaker: speakerKey(s) }, tabindex: 0,
                            onclick: () => select(s.id, "list"),
                            onkeydown: (e) => { if (e.key === "Enter") select(s.id, "list"); } },
        el("div", {}, el("span", { class: "dot" }), el("span", { class: "who" }, speakerKey(s)),
           s.cue ? el("span", { class: "muted" }, ` ${s.cue.text}`) : null,
           el("span", { class: "kind" }, s.kind)),
        el("p", { class: "quote" }, s.content.text),
        el("div", {}, badges(s.channels)));
      li.style.setProperty("--c", colour(speakerKey(s)));
      return li;
    });
    ui.statements.replaceChildren(...items);
  }

  /** Highlight one statement on both sides and bring the other side into view. */
  function select(sid, from) {
    document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
    const inText = [...ui.article.querySelectorAll("[data-sid]")].filter((n) => n.dataset.sid === sid);
    const inList = [...ui.statements.children].find((n) => n.dataset.sid === sid);
    inText.forEach((n) => n.classList.add("active"));
    if (inList) inList.classList.add("active");
    const target = from === "text" ? inList : inText.find((n) => n.classList.contains("content")) || inText[0];
    if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function focusSpeaker(name) {
    focusedSpeaker = focusedSpeaker === name ? null : name;
    for (const li of ui.speakers.children) li.classList.toggle("focus", li.dataset.speaker === focusedSpeaker);
    for (const li of ui.statements.children) li.hidden = focusedSpeaker !== null && li.dataset.speaker !== focusedSpeaker;
    $("statements-title").textContent = focusedSpeaker ? `Statements by ${focusedSpeaker}` : "Statements";
  }

  function show(doc) {
    const colour = colourer();
    doc.statements.forEach((s) => colour(speakerKey(s)));
    focusedSpeaker = null;
    $("statements-title").textContent = "Statements";
    ui.title.hidden = !doc.title;
    ui.title.textContent = doc.title || "";
    const facts = [doc.outlet, doc.published, doc.authors.length ? `by ${doc.authors.join(", ")}` : null,
                   `${doc.statements.length} statement${doc.statements.length === 1 ? "" : "s"}`,
                   doc.chrome.length ? `${doc.chrome.length} chrome line${doc.chrome.length === 1 ? "" : "s"} greyed` : null,
                   doc.credits.length ? `credits: ${doc.credits.join(", ")}` : null];
    ui.meta.textContent = facts.filter(Boolean).join(" · ");
    renderText(doc, colour);
    renderSpeakers(doc, colour);
    renderStatements(doc, colour);
    ui.result.hidden = false;
    document.body.dataset.analysed = doc.id;
  }

  async function run(label, request) {
    const buttons = document.querySelectorAll("#input button");
    buttons.forEach((b) => { b.disabled = true; });
    status(ui.status, `${label}…`);
    try {
      const doc = await request();
      show(doc);
      const note = (doc.warnings || []).length ? ` Note: ${doc.warnings.join("; ")}` : "";
      status(ui.status, `Found ${doc.statements.length} statement(s)${doc.id === "article" ? "" : ` in ${doc.id}`}.${note}`);
      return doc;
    } catch (error) {
      status(ui.status, error.message, true);
      return null;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function analyseText() {
    const text = ui.text.value;
    if (!text.trim()) { status(ui.status, "Paste an article first.", true); return; }
    const field = /^\s*<(!doctype html|html|head|body|article|div|p[ >])/i.test(text) ? "html" : "text";
    run("Analysing", () => getJSON("/analyze", { method: "POST", headers: { "Content-Type": "application/json" },
                                                 body: JSON.stringify({ [field]: text }) }));
  }

  function analyseFile(file) {
    const form = new FormData();
    form.append("file", file);
    run(`Analysing ${file.name}`, () => getJSON("/analyze", { method: "POST", body: form }));
  }

  async function openStored(id, sid) {
    const doc = await run(`Opening ${id}`, () => getJSON(`/articles/${encodeURIComponent(id)}`));
    if (doc && sid) select(sid, "list");
  }

  async function listStored() {
    try {
      const page = await getJSON("/articles?limit=200");
      const options = page.items.map((a) => el("option", { value: a.id },
        [a.title || a.id, a.outlet, a.published].filter(Boolean).join(" · ")));
      $("stored").replaceChildren(el("option", { value: "" }, `${page.total} stored article(s)…`), ...options);
      $("stored-box").hidden = false;
    } catch (_) { /* no store: the reader works without one */ }
  }

  ui.article.addEventListener("click", (event) => {
    const span = event.target.closest("[data-sid]");
    if (span) select(span.dataset.sid, "text");
  });
  $("analyse").addEventListener("click", analyseText);
  $("example").addEventListener("click", async () => {
    const example = await getJSON("/example");
    ui.text.value = example.text;
    analyseText();
  });
  $("file").addEventListener("change", (event) => {
    if (event.target.files.length) analyseFile(event.target.files[0]);
    event.target.value = "";
  });
  $("stored").addEventListener("change", (event) => { if (event.target.value) openStored(event.target.value); });

  listStored();
  const wanted = new URLSearchParams(location.hash.slice(1));
  if (wanted.get("article")) openStored(wanted.get("article"), wanted.get("s"));
})();
