// The search page: the form's state lives in the address bar (?q=&place=&since=&until=
// &sort=&offset=, and the chart's &vs=&relative=1), so searches can be linked to and the
// back button works.
"use strict";

(() => {
  const { el, appendHighlighted, getJSON, formatDate, articleHref, placeChip } = dl;
  const PAGE_SIZE = 10;
  const SVG = "http://www.w3.org/2000/svg";
  const FIELDS = ["q", "place", "since", "until", "sort"];

  const form = document.getElementById("search");
  const inputs = Object.fromEntries(FIELDS.map((f) => [f, document.getElementById(f)]));
  const status = document.getElementById("status");
  const notes = document.getElementById("notes");
  const results = document.getElementById("results");
  const overview = document.getElementById("overview");
  const timelineBox = document.getElementById("timeline");
  const timelineTitle = document.getElementById("timeline-title");
  const topPlaces = document.getElementById("top-places");
  const relativeBox = document.getElementById("relative");
  const vsInput = document.getElementById("vs");
  const pager = document.getElementById("pager");
  let generation = 0;

  function stateFromUrl() {
    const params = new URLSearchParams(location.search);
    const state = {};
    for (const f of FIELDS) state[f] = params.get(f) || "";
    const offset = parseInt(params.get("offset") || "0", 10);
    state.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
    state.vs = params.get("vs") || "";
    state.relative = params.get("relative") === "1";
    return state;
  }

  function stateFromForm() {
    const state = {};
    for (const f of FIELDS) state[f] = inputs[f].value.trim();
    if (state.sort === "relevance") state.sort = "";
    state.offset = 0;
    state.vs = vsInput.value.trim();
    state.relative = relativeBox.checked;
    return state;
  }

  function fillForm(state) {
    for (const f of FIELDS) inputs[f].value = state[f] || (f === "sort" ? "relevance" : "");
    vsInput.value = state.vs || "";
    relativeBox.checked = Boolean(state.relative);
  }

  function navigate(state) {
    const params = new URLSearchParams();
    for (const f of FIELDS) if (state[f]) params.set(f, state[f]);
    if (state.offset) params.set("offset", String(state.offset));
    if (state.vs) params.set("vs", state.vs);
    if (state.relative) params.set("relative", "1");
    history.pushState(null, "", "/?" + params.toString());
    fillForm(state);
    run(state);
  }

  function filters(state) {
    return {
      q: state.q || "*",
      place: state.place,
      since: state.since,
      until: state.until,
    };
  }

  function clear() {
    results.replaceChildren();
    notes.replaceChildren();
    overview.hidden = true;
    pager.hidden = true;
  }

  async function run(state) {
    const mine = ++generation;
    const current = () => mine === generation;
    if (!state.q && !state.place && !state.since && !state.until) {
      clear();
      status.className = "status";
      status.textContent = "Type words to search the archive, or pick a place or dates to browse it.";
      document.title = "dateline · search";
      return;
    }
    document.title = "dateline · " + (state.q || state.place || "search");
    status.className = "status busy";
    status.textContent = "Searching…";
    const base = filters(state);
    const searching = getJSON("/api/search", {
      ...base,
      sort: state.sort,
      offset: state.offset,
      limit: PAGE_SIZE,
    });
    // The overview is extra: a failure there leaves it out (the search says why).
    const timeline = loadTimeline(base, state).catch(() => null);
    const places = getJSON("/api/places", { ...base, limit: 12 }).catch(() => null);
    let answer;
    try {
      answer = await searching;
    } catch (error) {
      if (!current()) return;
      clear();
      status.className = "status error";
      status.textContent = error.message;
      return;
    }
    if (!current()) return;
    renderStatus(answer);
    renderNotes(answer.notes);
    renderHits(answer.hits);
    renderPager(answer, state);
    overview.hidden = answer.total === 0;
    const [t, p] = await Promise.all([timeline, places]);
    if (!current()) return;
    if (t && p) {
      renderTimeline(t, state);
      renderPlaces(p.places, state);
    } else {
      overview.hidden = true;
    }
  }

  function renderStatus(answer) {
    status.className = "status";
    if (answer.total === 0) {
      status.textContent = "No articles match.";
      return;
    }
    const first = answer.offset + 1;
    const last = answer.offset + answer.hits.length;
    const noun = answer.total === 1 ? "matching article" : "matching articles";
    status.textContent =
      answer.hits.length === 0
        ? answer.total + " " + noun + " (none on this page)"
        : first + "–" + last + " of " + answer.total + " " + noun;
  }

  function renderNotes(list) {
    notes.replaceChildren(...(list || []).map((n) => el("li", null, n)));
  }

  function renderHits(hits) {
    results.replaceChildren(...hits.map(renderHit));
  }

  function renderHit(hit) {
    const item = el("li", "hit");
    item.value = hit.rank;
    const heading = el("h3", "hit-title");
    const link = el("a");
    link.href = articleHref(hit.id);
    appendHighlighted(link, hit.title || hit.id, hit.title_highlights);
    heading.append(link);
    item.append(heading);

    const meta = el("div", "meta");
    const date = formatDate(hit.published);
    const parts = [
      date ? el("time", "date", date) : el("span", "date undated", "undated"),
      hit.captured ? el("span", "captured", "captured " + (formatDate(hit.captured) || hit.captured)) : null,
      hit.site ? el("span", "site", hit.site) : null,
      hit.authors && hit.authors.length ? el("span", "authors", hit.authors.join(", ")) : null,
      hit.dateline ? el("span", "dateline", hit.dateline.raw) : null,
      hit.lang ? el("span", "lang", hit.lang) : null,
    ].filter(Boolean);
    if (date) parts[0].dateTime = hit.published;
    parts.forEach((part, i) => {
      if (i) meta.append(el("span", "sep", " · "));
      meta.append(part);
    });
    item.append(meta);

    if (hit.places && hit.places.length) {
      const chips = el("div", "chips");
      for (const place of hit.places.slice(0, 8)) chips.append(placeChip(place));
      item.append(chips);
    }
    for (const snippet of hit.snippets || []) {
      const p = el("p", "snippet");
      appendHighlighted(p, snippet.text, snippet.highlights);
      item.append(p);
    }
    const footer = el("div", "id", hit.id);
    if (Array.isArray(hit.similar) && hit.similar.length) {
      const n = hit.similar.length;
      const similar = el("span", "similar", " · " + n + (n === 1 ? " similar copy" : " similar copies"));
      similar.title = hit.similar.join("\n");
      footer.append(similar);
    }
    item.append(footer);
    return item;
  }

  function renderPager(answer, state) {
    const hasPrev = answer.offset > 0;
    // Near-copies are folded into one hit, so a page can hold fewer hits than `total`
    // suggests: a short page is the last.
    const hasNext = answer.hits.length >= PAGE_SIZE && answer.offset + PAGE_SIZE < answer.total;
    pager.hidden = !hasPrev && !hasNext;
    const prev = document.getElementById("prev");
    const next = document.getElementById("next");
    prev.disabled = !hasPrev;
    next.disabled = !hasNext;
    document.getElementById("page").textContent = "page " + (Math.floor(answer.offset / PAGE_SIZE) + 1);
    prev.onclick = () => navigate({ ...state, offset: Math.max(0, answer.offset - PAGE_SIZE) });
    next.onclick = () => navigate({ ...state, offset: answer.offset + PAGE_SIZE });
  }

  /** Years, or months when the matches span at most two years; with the chart's
   * "compare with" query, its counts per the same periods as `other`. */
  async function loadTimeline(base, state) {
    const extra = state.relative ? { relative: "1" } : {};
    let main = await getJSON("/api/timeline", { ...base, ...extra, by: "year" });
    const p = main.periods;
    if (p.length && Number(p[p.length - 1].period) - Number(p[0].period) < 2) {
      main = await getJSON("/api/timeline", { ...base, ...extra, by: "month" });
    }
    if (state.vs) {
      main.other = await getJSON("/api/timeline", { ...base, ...extra, q: state.vs, by: main.by });
    }
    return main;
  }

  /** Every period from the first to the last, empty ones included. */
  function fillGaps(timeline) {
    const counts = new Map(timeline.periods.map((p) => [p.period, p]));
    if (!timeline.periods.length) return [];
    const key = (p) =>
      timeline.by === "month"
        ? Number(p.period.slice(0, -3)) * 12 + Number(p.period.slice(-2)) - 1
        : Number(p.period);
    const label = (k) =>
      timeline.by === "month"
        ? Math.floor(k / 12) + "-" + String((k % 12) + 1).padStart(2, "0")
        : String(k);
    const first = key(timeline.periods[0]);
    const last = key(timeline.periods[timeline.periods.length - 1]);
    if (last - first > 400) return timeline.periods;
    const all = [];
    for (let k = first; k <= last; k++) {
      const name = label(k);
      all.push(counts.get(name) || { period: name, count: 0 });
    }
    return all;
  }

  function renderTimeline(timeline, state) {
    const other = timeline.other;
    timelineTitle.textContent =
      (state.relative ? "Share of all articles by " : "Matches by ") +
      timeline.by +
      (timeline.undated ? " (" + timeline.undated + " undated)" : "");
    // The periods of both queries, so a period only the second one has is drawn too.
    const merged = other
      ? {
          ...timeline,
          periods: [...timeline.periods, ...other.periods.filter((o) => !timeline.periods.some((p) => p.period === o.period))]
            .map((p) => timeline.periods.find((t) => t.period === p.period) || { ...p, count: 0, share: 0 })
            .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
        }
      : timeline;
    const periods = fillGaps(merged);
    if (!periods.length) {
      timelineBox.replaceChildren(el("p", "empty", "No dated articles."));
      return;
    }
    const otherOf = new Map((other ? other.periods : []).map((p) => [p.period, p]));
    const value = (p) => (state.relative ? p.share || 0 : p.count || 0);
    const describe = (query, p) =>
      query + ", " + p.period + ": " +
      (state.relative && p.all !== undefined
        ? p.count + " of " + p.all + " (" + (100 * (p.share || 0)).toFixed(1) + "%)"
        : p.count + (p.count === 1 ? " article" : " articles"));
    const max = Math.max(
      ...periods.map(value),
      ...(other ? other.periods.map(value) : []),
      Number.MIN_VALUE,
    );
    // A fixed drawing width: bars get narrower as periods get more numerous.
    const width = 480;
    const step = width / Math.max(periods.length, 6);
    const gap = Math.min(6, step * 0.2);
    const barWidth = step - gap;
    const height = 90;
    const labelSpace = 18;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (height + labelSpace));
    svg.setAttribute("width", String(width));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Matching articles per " + timeline.by);
    svg.classList.add("chart");
    // Room for a label of 7 characters ("2022-01") every so many bars.
    const every = Math.max(1, Math.ceil(44 / step));
    periods.forEach((p, i) => {
      const x = i * step + gap / 2;
      const h = value(p) ? Math.max(3, Math.round((value(p) / max) * (height - 14))) : 0;
      const group = document.createElementNS(SVG, "g");
      group.classList.add("bar");
      if (p.count && p.start) {
        group.classList.add("clickable");
        group.addEventListener("click", () =>
          navigate({ ...state, since: p.start, until: p.end, offset: 0 }),
        );
      }
      const hit = document.createElementNS(SVG, "rect");
      hit.setAttribute("x", String(x));
      hit.setAttribute("y", "0");
      hit.setAttribute("width", String(barWidth));
      hit.setAttribute("height", String(height));
      hit.classList.add("bar-bg");
      const share = other ? barWidth / 2 : barWidth;
      const rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("x", String(x));
      rect.setAttribute("y", String(height - h));
      rect.setAttribute("width", String(share));
      rect.setAttribute("height", String(h));
      rect.classList.add("bar-fill");
      const title = document.createElementNS(SVG, "title");
      title.textContent = describe(state.q || "*", p);
      group.append(title, hit, rect);
      if (other) {
        const o = otherOf.get(p.period) || { period: p.period, count: 0, share: 0, all: p.all };
        const oh = value(o) ? Math.max(3, Math.round((value(o) / max) * (height - 14))) : 0;
        const orect = document.createElementNS(SVG, "rect");
        orect.setAttribute("x", String(x + share));
        orect.setAttribute("y", String(height - oh));
        orect.setAttribute("width", String(share));
        orect.setAttribute("height", String(oh));
        orect.classList.add("bar-fill-vs");
        title.textContent += "; " + describe(state.vs, o);
        group.append(orect);
      }
      if (p.count && !other) {
        const n = document.createElementNS(SVG, "text");
        n.setAttribute("x", String(x + barWidth / 2));
        n.setAttribute("y", String(height - h - 3));
        n.classList.add("bar-count");
        n.textContent = String(p.count);
        group.append(n);
      }
      if (i % every === 0) {
        const label = document.createElementNS(SVG, "text");
        label.setAttribute("x", String(x + barWidth / 2));
        label.setAttribute("y", String(height + 13));
        label.classList.add("bar-label");
        label.textContent = p.period;
        group.append(label);
      }
      svg.append(group);
    });
    if (other) {
      // Which colour is which query.
      const legend = el("p", "legend");
      legend.append(el("span", "key"), state.q || "*", " ", el("span", "key key-vs"), state.vs);
      timelineBox.replaceChildren(svg, legend);
    } else {
      timelineBox.replaceChildren(svg);
    }
  }

  function renderPlaces(places, state) {
    if (!places.length) {
      topPlaces.replaceChildren(el("p", "empty", "No tagged places."));
      return;
    }
    topPlaces.replaceChildren(
      ...places.map((p) => {
        const chip = placeChip(p, p.count);
        const asked = (state.place || "").toLowerCase();
        if (asked && (asked === chip.dataset.place.toLowerCase() || asked === String(p.name).toLowerCase())) {
          chip.classList.add("active");
        }
        return chip;
      }),
    );
  }

  // A click on any place chip filters the current search by that place.
  document.addEventListener("click", (event) => {
    const chip = event.target instanceof Element ? event.target.closest("a.chip") : null;
    if (!chip || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const state = stateFromUrl();
    navigate({ ...state, place: chip.dataset.place, offset: 0 });
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(stateFromForm());
  });
  for (const f of ["since", "until", "sort"]) {
    inputs[f].addEventListener("change", () => navigate(stateFromForm()));
  }
  // The chart's controls keep the search and page as they are.
  relativeBox.addEventListener("change", () =>
    navigate({ ...stateFromUrl(), relative: relativeBox.checked }),
  );
  vsInput.addEventListener("change", () => navigate({ ...stateFromUrl(), vs: vsInput.value.trim() }));
  document.getElementById("clear").addEventListener("click", () => {
    for (const f of ["place", "since", "until"]) inputs[f].value = "";
    inputs.sort.value = "relevance";
    navigate(stateFromForm());
  });
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    fillForm(state);
    run(state);
  });

  const initial = stateFromUrl();
  fillForm(initial);
  run(initial);
})();
