// The article page: /article?id=ID shows the stored article from /api/article. All page
// text is inserted as text nodes (see common.js).
"use strict";

(() => {
  const { el, getJSON, formatDate, safeUrl, placeChip } = dl;
  const status = document.getElementById("status");
  const article = document.getElementById("article");

  if (document.referrer && new URL(document.referrer).origin === location.origin) {
    const back = document.getElementById("back");
    back.addEventListener("click", (event) => {
      event.preventDefault();
      history.back();
    });
  }

  const encoder = new TextEncoder();

  /**
   * The text as paragraphs, with the place mentions marked. Mentions are UTF-8 byte
   * ranges into the whole text, so each paragraph keeps its byte offset.
   */
  function paragraphs(text, mentions) {
    text = String(text || "");
    const list = Array.isArray(mentions) ? mentions : [];
    const out = [];
    const gap = /\n\s*\n/g;
    let start = 0;
    let byte = 0;
    for (;;) {
      const match = gap.exec(text);
      const end = match ? match.index : text.length;
      const para = text.slice(start, end);
      const size = encoder.encode(para).length;
      if (para.trim()) {
        const here = list
          .filter((m) => m.start >= byte && m.end <= byte + size)
          .sort((a, b) => a.start - b.start);
        const p = el("p");
        dl.appendHighlighted(p, para, here.map((m) => ({ start: m.start - byte, end: m.end - byte })));
        // The marks come in the order of the mentions: each says which place it is.
        p.querySelectorAll("mark").forEach((mark, i) => {
          mark.classList.add("mention");
          const m = here[i];
          if (m) mark.title = `${m.name}, ${m.country_code} (${m.kind}${m.use && m.use !== "literal" ? ", " + m.use : ""})`;
        });
        out.push(p);
      }
      if (!match) break;
      byte += size + encoder.encode(match[0]).length;
      start = match.index + match[0].length;
    }
    return out;
  }

  function detail(list, name, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(el("dt", null, name));
    const dd = el("dd");
    if (value instanceof Node) dd.append(value);
    else dd.textContent = String(value);
    list.append(dd);
  }

  async function load() {
    const id = new URLSearchParams(location.search).get("id");
    if (!id) {
      status.className = "status error";
      status.textContent = "No article id given: open an article from the search results.";
      return;
    }
    status.className = "status busy";
    status.textContent = "Loading…";
    let a;
    try {
      a = await getJSON("/api/article", { id });
    } catch (error) {
      status.className = "status error";
      status.textContent = error.message;
      return;
    }
    status.textContent = "";
    status.className = "status";
    document.title = "dateline · " + (a.title || a.id);
    document.getElementById("title").textContent = a.title || a.id;

    const meta = document.getElementById("meta");
    const date = formatDate(a.published);
    const parts = [
      date ? el("time", "date", date) : el("span", "date undated", "undated"),
      a.captured ? el("span", "captured", capturedText(a)) : null,
      a.site ? el("span", "site", a.site) : null,
      a.authors && a.authors.length ? el("span", "authors", "By " + a.authors.join(", ")) : null,
      a.dateline ? el("span", "dateline", a.dateline.raw) : null,
      a.lang ? el("span", "lang", a.lang) : null,
    ].filter(Boolean);
    if (date) parts[0].dateTime = a.published;
    parts.forEach((part, i) => {
      if (i) meta.append(el("span", "sep", " · "));
      meta.append(part);
    });

    function capturedText(article) {
      const first = formatDate(article.captured) || article.captured;
      const more = (article.captures || []).length;
      return more > 1 ? "captured " + first + " (" + more + " captures)" : "captured " + first;
    }

    document.getElementById("places").replaceChildren(...(a.places || []).map((p) => placeChip(p)));
    if (a.description) {
      const description = document.getElementById("description");
      description.textContent = a.description;
      description.hidden = false;
    }
    const text = document.getElementById("text");
    text.replaceChildren(...paragraphs(a.text, a.mentions));
    if (a.lang) text.lang = a.lang;

    const details = document.getElementById("details");
    const url = safeUrl(a.url);
    if (url) {
      const link = el("a", null, url.href);
      link.href = url.href;
      link.rel = "noopener noreferrer";
      detail(details, "Original", link);
    } else {
      detail(details, "Original", a.url);
    }
    detail(details, "Id", a.id);
    if (Array.isArray(a.copies) && a.copies.length) {
      const list = el("span", "copies");
      a.copies.forEach((id, i) => {
        if (i) list.append(", ");
        const link = el("a", null, id);
        link.href = dl.articleHref(id);
        list.append(link);
      });
      detail(details, "Copies", list);
    }
    detail(details, "Saved page", (a.bytes || 0).toLocaleString("en") + " bytes");
    article.hidden = false;
  }

  load();
})();
