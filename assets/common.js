// Shared by the search and article pages.
//
// Escaping policy: every string that comes from a saved page (titles, snippets, names,
// text, URLs) is inserted as a text node (textContent / append(string)) or as an
// attribute set through the DOM; it is never parsed as HTML. Links to a page's own URL are
// made only for http: and https: URLs.
"use strict";

const dl = (() => {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  /** Creates an element with a class and text (as a text node). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /**
   * Appends `text` to `parent`, wrapping the highlighted parts in <mark>. `spans` are
   * UTF-8 byte ranges [start, end) into `text`, as the JSON API gives them; they are
   * converted on the bytes, so multi-byte characters (Кириллица, é, …) stay whole.
   */
  function appendHighlighted(parent, text, spans) {
    text = String(text ?? "");
    const bytes = encoder.encode(text);
    const ranges = (Array.isArray(spans) ? spans : [])
      .filter((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end))
      .map((s) => [Math.max(0, s.start), Math.min(bytes.length, s.end)])
      .filter(([s, e]) => s < e)
      .sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [start, end] of ranges) {
      if (end <= pos) continue;
      const from = Math.max(start, pos);
      if (from > pos) parent.append(decoder.decode(bytes.subarray(pos, from)));
      parent.append(el("mark", null, decoder.decode(bytes.subarray(from, end))));
      pos = end;
    }
    if (pos < bytes.length) parent.append(decoder.decode(bytes.subarray(pos)));
  }

  /** GETs a JSON API path; throws an Error with the server's message on failure. */
  async function getJSON(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && String(v) !== "") query.set(k, String(v));
    }
    const response = await fetch(path + "?" + query.toString(), {
      headers: { Accept: "application/json" },
    });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.error === "string" ? body.error : response.statusText;
      const error = new Error(message || "request failed (" + response.status + ")");
      error.status = response.status;
      throw error;
    }
    return body;
  }

  /** "2022-01-21" (and the time when it is not midnight) from an RFC 3339 string. */
  function formatDate(published) {
    if (typeof published !== "string" || published.length < 10) return null;
    const day = published.slice(0, 10);
    const time = published.slice(11, 16);
    return time && time !== "00:00" ? day + " " + time : day;
  }

  /** An http(s) URL as a URL object, or null (no javascript:, data:, ...). */
  function safeUrl(value) {
    if (typeof value !== "string") return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url : null;
    } catch (_) {
      return null;
    }
  }

  function articleHref(id) {
    return "/article?id=" + encodeURIComponent(id);
  }

  function searchHref(params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    return "/?" + query.toString();
  }

  /** How to ask for a place as a filter: "Oral, KZ" picks it among places so named; a
   * district by its GeoNames id, for a county's name repeats across a country's states. */
  function placeFilter(place) {
    if (place.kind === "district" && place.id) return "geonames:" + place.id;
    return place.country_code ? place.name + ", " + place.country_code : String(place.name);
  }

  /** A place chip: a link to search everything about that place. */
  function placeChip(place, count) {
    const chip = el("a", "chip" + (place.dateline ? " dateline" : ""));
    chip.href = searchHref({ q: "*", place: placeFilter(place) });
    chip.dataset.place = placeFilter(place);
    const where = [place.region, place.country || place.country_code]
      .filter((x) => x && x !== place.name)
      .join(", ");
    chip.title = (place.name || "") + (where ? " (" + place.kind + " in " + where + ")" : " (" + place.kind + ")");
    chip.append(el("span", "chip-name", place.name));
    if (count !== undefined) chip.append(el("span", "chip-count", count));
    return chip;
  }

  return {
    el, appendHighlighted, getJSON, formatDate, safeUrl, articleHref, searchHref, placeFilter, placeChip,
  };
})();
