// The corpus explorer: most quoted speakers, a speaker's page, who speaks about whom, search.
// Routes live in the location hash: #/ (overview) and #/speaker/<id>.
"use strict";

(() => {
  const { el, svg, getJSON, colourer, badges, status } = SAYSO;
  const view = document.getElementById("view");
  const statusLine = document.getElementById("status");
  const outletColour = colourer();
  const q = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  const PAGE = 10; // search results per page
  const speakerLink = (id, name) => el("a", { href: `#/speaker/${encodeURIComponent(id)}` }, name || id);

  /** A horizontal bar split by outlet, with a tooltip per outlet. */
  function outletStack(outlets) {
    const total = Object.values(outlets).reduce((a, b) => a + b, 0) || 1;
    return el("div", { class: "stack", role: "img", "aria-label": Object.entries(outlets).map(([o, n]) => `${o}: ${n}`).join(", ") },
      Object.entries(outlets).map(([outlet, n]) => {
        const part = el("span", { title: `${outlet}: ${n}` });
        part.style.width = `${(100 * n) / total}%`;
        part.style.setProperty("--c", outletColour(outlet));
        return part;
      }));
  }

  function outletLegend(outlets) {
    return el("div", { class: "outlet-legend" }, [...outlets].map((o) => {
      const dot = el("span", { class: "dot" });
      dot.style.setProperty("--c", outletColour(o));
      return el("span", {}, dot, o);
    }));
  }

  function statementList(items) {
    if (!items.length) return el("p", { class: "muted" }, "No statements.");
    return el("ul", { class: "results" }, items.map((s) => el("li", {},
      el("div", {}, s.speaker_id ? speakerLink(s.speaker_id, s.speaker) : el("strong", {}, s.speaker || "(unattributed)"),
         s.cue ? el("span", { class: "muted" }, ` ${s.cue}`) : null, el("span", { class: "kind" }, s.kind)),
      el("p", { class: "quote" }, s.content),
      el("div", { class: "small muted" },
         [s.published, (s.outlets || []).join(", ")].filter(Boolean).join(" · "), " · ",
         el("a", { href: `/#${q({ article: s.article_id, s: s.id })}` }, "open in reader"),
         " ", badges(s.channels)))));
  }

  /** Statements per month as an SVG bar chart, empty months included. */
  function timeline(points) {
    if (!points.length) return el("p", { class: "muted" }, "No dated statements.");
    const months = [];
    const [y0, m0] = points[0].month.split("-").map(Number);
    const [y1, m1] = points[points.length - 1].month.split("-").map(Number);
    for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, m = 1) : m++) {
      months.push(`${y}-${String(m).padStart(2, "0")}`);
    }
    const counts = new Map(points.map((p) => [p.month, p.statements]));
    const max = Math.max(...counts.values());
    const W = 640, H = 220, left = 36, bottom = 36, top = 12;
    const step = (W - left - 8) / months.length;
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Statements per month" });
    chart.append(svg("line", { class: "axis", x1: left, y1: H - bottom, x2: W - 4, y2: H - bottom }));
    chart.append(svg("text", { x: left - 6, y: top + 4, "text-anchor": "end" }, max));
    chart.append(svg("text", { x: left - 6, y: H - bottom, "text-anchor": "end" }, 0));
    const every = Math.ceil(months.length / 8);
    months.forEach((month, i) => {
      const n = counts.get(month) || 0;
      const h = ((H - bottom - top) * n) / max;
      const bar = svg("rect", { class: "bar", x: left + i * step + step * 0.15, y: H - bottom - h,
                                width: Math.max(1, step * 0.7), height: h });
      bar.append(svg("title", {}, `${month}: ${n} statement${n === 1 ? "" : "s"}`));
      chart.append(bar);
      if (i % every === 0) {
        chart.append(svg("text", { x: left + i * step + step / 2, y: H - bottom + 16, "text-anchor": "middle" }, month));
      }
    });
    return el("div", { class: "chart" }, chart);
  }

  /** Speakers (left) linked to what their statements mention (right), weighted by statements. */
  function networkChart(data) {
    if (!data.links.length) return el("p", { class: "muted" }, "No speaker mentions another entity yet.");
    const targets = [];
    const seen = new Map();
    for (const link of data.links) {
      if (!seen.has(link.target)) { seen.set(link.target, targets.length); targets.push(link); }
    }
    const rowH = 26, W = 960;
    const H = Math.max(data.speakers.length, targets.length) * rowH + 20;
    const yOf = (i, n) => 10 + (H - 20) * (i + 0.5) / n;
    const sIndex = new Map(data.speakers.map((s, i) => [s.id, i]));
    const maxW = Math.max(...data.links.map((l) => l.statements));
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Who speaks about whom" });
    const x0 = 260, x1 = W - 300;
    for (const link of data.links) {
      const ya = yOf(sIndex.get(link.source), data.speakers.length);
      const yb = yOf(seen.get(link.target), targets.length);
      const path = svg("path", { class: "link", d: `M${x0},${ya} C${(x0 + x1) / 2},${ya} ${(x0 + x1) / 2},${yb} ${x1},${yb}`,
                                 "stroke-width": 1 + (5 * link.statements) / maxW });
      path.append(svg("title", {}, `${link.source} → ${link.target_name}: ${link.statements} statement(s)`));
      chart.append(path);
    }
    data.speakers.forEach((s, i) => {
      const y = yOf(i, data.speakers.length);
      chart.append(svg("circle", { class: "node-speaker", cx: x0, cy: y, r: 5 }));
      const a = svg("a", { href: `#/speaker/${encodeURIComponent(s.id)}` });
      a.append(svg("text", { x: x0 - 10, y: y + 4, "text-anchor": "end" }, s.name));
      chart.append(a);
    });
    targets.forEach((t, i) => {
      const y = yOf(i, targets.length);
      chart.append(svg("circle", { class: "node-entity", cx: x1, cy: y, r: 4 }));
      const label = svg("text", { x: x1 + 10, y: y + 4 }, `${t.target_name} (${t.target_type})`);
      if (t.linked) {
        const a = svg("a", { href: `#/speaker/${encodeURIComponent(t.target)}` });
        a.append(label);
        chart.append(a);
      } else chart.append(label);
    });
    return el("div", { class: "network" }, chart);
  }

  function searchForm(results) {
    const field = (name, label, type = "text") => el("label", {}, label, el("input", { type, name }));
    let offset = 0;
    const form = el("form", { class: "search", role: "search" },
      field("contains", "Words in the statement", "search"), field("speaker", "Speaker"),
      field("about", "About (person named)"), field("outlet", "Outlet"),
      field("since", "Since", "date"), field("until", "Until", "date"),
      el("button", { type: "submit" }, "Search"));
    // The page and the status line change only when a search succeeds: a failed "More" must not
    // skip a page, and a failed search's message must not outlive the next good one.
    async function search(more) {
      const wanted = more ? offset + PAGE : 0;
      const params = Object.fromEntries(new FormData(form));
      try {
        const page = await getJSON(`/statements?${q({ ...params, limit: PAGE, offset: wanted })}`);
        offset = wanted;
        status(statusLine, "");
        const next = page.next_offset !== null
          ? el("button", { type: "button", class: "secondary", onclick: () => search(true) }, "More") : null;
        results.replaceChildren(el("p", { class: "muted small" }, `${page.total} statement(s)`),
                                statementList(page.items), next);
      } catch (error) { status(statusLine, error.message, true); }
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); search(false); });
    return { form, search };
  }

  async function overview() {
    const [summary, speakers, net] = await Promise.all([
      getJSON("/corpus"), getJSON("/speakers?limit=15"), getJSON("/network?speakers=10&edges=40")]);
    const outlets = new Set(speakers.items.flatMap((s) => Object.keys(s.outlets)));
    const results = el("div", { id: "search-results" });
    const { form, search } = searchForm(results);
    view.replaceChildren(
      el("section", { class: "card facts", "aria-label": "Corpus" },
        ["articles", "statements", "speakers", "duplicates", "errors"].map((k) =>
          el("div", {}, el("strong", {}, summary[k].toLocaleString()), el("span", { class: "muted" }, k)))),
      el("section", { class: "card", id: "top-speakers" }, el("h2", {}, "Most quoted"),
        el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Speaker"), el("th", {}, "Statements"),
                                             el("th", {}, "Articles"), el("th", {}, "By outlet"))),
            el("tbody", {}, speakers.items.map((s) => el("tr", {},
              el("td", {}, speakerLink(s.id, s.name)), el("td", { class: "num" }, s.statements),
              el("td", { class: "num" }, s.articles), el("td", {}, outletStack(s.outlets)))))),
        outletLegend(outlets)),
      el("section", { class: "card", id: "network" }, el("h2", {}, "Who speaks about whom"),
        el("p", { class: "muted small" }, "Speakers (left) and who or what their statements name (right); thicker lines, more statements."),
        networkChart(net)),
      el("section", { class: "card", id: "search" }, el("h2", {}, "Search statements"), form, results));
    search(false);
  }

  async function speakerPage(id) {
    const s = await getJSON(`/speakers/${encodeURIComponent(id)}`);
    document.title = `${s.name} · sayso explorer`;
    view.replaceChildren(
      el("p", {}, el("a", { href: "#/" }, "← all speakers")),
      el("section", { class: "card", id: "speaker" }, el("h1", {}, s.name),
        el("p", { class: "muted" }, [s.type, `${s.statements} statement(s) in ${s.articles} article(s)`].filter(Boolean).join(" · ")),
        s.descriptors.length ? el("p", {}, s.descriptors.join("; ")) : null,
        s.aliases.length ? el("p", { class: "small muted" }, `also named: ${s.aliases.join(", ")}`) : null),
      el("div", { class: "grid2" },
        el("section", { class: "card", id: "timeline" }, el("h2", {}, "Statements over time"), timeline(s.timeline)),
        el("section", { class: "card", id: "outlets" }, el("h2", {}, "Outlets that carried them"),
          el("table", {}, el("tbody", {}, Object.entries(s.outlets).map(([o, n]) => el("tr", {},
            el("td", {}, o), el("td", { class: "num" }, n))))),
          el("h3", {}, "Relayed via"),
          s.relays.length ? el("table", {}, el("tbody", {}, s.relays.map((r) => el("tr", {},
            el("td", {}, r.via), el("td", { class: "num" }, r.statements)))))
            : el("p", { class: "muted" }, "No relaying outlet named in the text."))),
      el("section", { class: "card" }, el("h2", {}, "Latest statements"), statementList(s.statements_list)));
  }

  async function route() {
    status(statusLine, "Loading…");
    const match = location.hash.match(/^#\/speaker\/(.+)$/);
    try {
      if (match) await speakerPage(decodeURIComponent(match[1]));
      else { document.title = "sayso explorer"; await overview(); }
      status(statusLine, "");
      document.body.dataset.ready = match ? "speaker" : "overview";
    } catch (error) {
      status(statusLine, error.message, true);
      view.replaceChildren();
    }
  }

  window.addEventListener("hashchange", route);
  route();
})();
