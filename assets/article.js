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

  function paragraphs(text) {
    return String(text || "")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => el("p", null, p));
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

    document.getElementById("places").replaceChildren(...(a.places || []).map((p) => placeChip(p)));
    if (a.description) {
      const description = document.getElementById("description");
      description.textContent = a.description;
      description.hidden = false;
    }
    const text = document.getElementById("text");
    text.replaceChildren(...paragraphs(a.text));
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
