// Drives the search page of a running `dateline serve` (bundled corpus) in headless
// Chromium, as a person would: type a query, look for highlighted results, filter by
// place, open an article. Usage: node search_page.mjs http://127.0.0.1:PORT
// (tests/browser/run starts the server and calls this). Exits non-zero on failure.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = (process.argv[2] || process.env.DATELINE_URL || "").replace(/\/$/, "");
if (!base) {
  console.error("usage: node search_page.mjs http://127.0.0.1:PORT");
  process.exit(2);
}
const shots = process.env.SCREENSHOT_DIR || "/tmp";
// Generous: CI machines are shared and the server is a debug build.
const TIMEOUT = 60_000;

let failures = 0;
let passed = 0;
function check(condition, what, detail) {
  if (condition) {
    passed += 1;
    console.log("ok   " + what);
  } else {
    failures += 1;
    console.log("FAIL " + what + (detail === undefined ? "" : ": " + JSON.stringify(detail)));
  }
}

async function api(path) {
  const response = await fetch(base + path);
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}

const userDataDir = mkdtempSync(join(tmpdir(), "dateline-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1100, height: 1300 },
});

const problems = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (error) => problems.push("page error: " + error.message));
  page.on("console", (message) => {
    // The browser logs the 400 and 404 answers this test asks for on purpose (a malformed
    // query, an unknown article), sometimes after the step that expects them.
    const expected = /status of (400|404) /.test(message.text());
    if (message.type() === "error" && !expected) problems.push("console error: " + message.text());
  });
  page.on("dialog", async (dialog) => {
    problems.push("a dialog opened (script injection?): " + dialog.message());
    await dialog.dismiss();
  });

  /** Waits until the page has finished the search it started. */
  async function settled() {
    await page.waitForFunction(() => {
      const status = document.getElementById("status");
      return status && !status.classList.contains("busy") && status.textContent !== "";
    });
  }
  const hitIds = () => page.$$eval("#results li.hit .id", (nodes) => nodes.map((n) => n.textContent));
  const statusText = () => page.textContent("#status");

  // 1. The empty page.
  await page.goto(base + "/");
  check((await page.title()).startsWith("dateline"), "the page opens");
  check(await page.isVisible("#q"), "there is a search box");

  // 2. A query: highlighted results.
  await page.fill("#q", "Zhanaozen");
  await page.press("#q", "Enter");
  await page.waitForURL(/[?&]q=Zhanaozen/);
  await settled();
  const all = await api("/api/search?q=Zhanaozen");
  let ids = await hitIds();
  check(ids.length === all.total && all.total === 3, "Zhanaozen lists its 3 articles", ids);
  check(
    JSON.stringify(ids) === JSON.stringify(all.hits.map((h) => h.id)),
    "in the order the API gives",
    ids,
  );
  check((await statusText()).includes("of 3 matching articles"), "the status counts them", await statusText());
  const marks = await page.$$eval("#results mark", (nodes) => nodes.map((n) => n.textContent));
  check(
    marks.some((m) => /^zhanaozen$/i.test(m)),
    "the word is marked in the results (<mark>Zhanaozen</mark>)",
    marks,
  );
  const titleMark = await page.textContent("#results li.hit:first-child .hit-title mark");
  check(/zhanaozen/i.test(titleMark || ""), "and in the first headline", titleMark);
  const snippetMarks = await page.$$eval("#results li.hit .snippet mark", (n) => n.length);
  check(snippetMarks >= 3, "every snippet has a mark", snippetMarks);
  const dates = await page.$$eval("#results li.hit time", (nodes) => nodes.map((n) => n.textContent));
  check(dates.length === 3 && dates.every((d) => /^\d{4}-\d\d-\d\d/.test(d)), "hits show their dates", dates);
  const chipCount = await page.$$eval("#results li.hit .chip", (n) => n.length);
  check(chipCount >= 3, "hits show place chips", chipCount);
  await page.waitForSelector("#timeline svg .bar-fill");
  const bars = await page.$$eval("#timeline .bar-fill", (nodes) =>
    nodes.filter((n) => Number(n.getAttribute("height")) > 0).length,
  );
  check(bars >= 1, "the timeline shows bars", bars);
  const topPlaces = await page.$$eval("#top-places .chip", (nodes) => nodes.map((n) => n.dataset.place));
  check(topPlaces.includes("Kazakhstan, KZ"), "the place panel lists Kazakhstan", topPlaces);

  // The chart compares a second query and shows shares of all articles.
  await page.goto(base + "/?q=protest&vs=grain&relative=1");
  await settled();
  await page.waitForSelector("#timeline svg .bar-fill-vs");
  check(await page.isChecked("#relative"), "the share box is checked from the address");
  check((await page.inputValue("#vs")) === "grain", "the compared query is filled in");
  const chartTitles = await page.$$eval("#timeline svg title", (nodes) => nodes.map((n) => n.textContent));
  check(
    chartTitles.some((t) => /protest, \d{4}: \d+ of \d+ \(\d+\.\d%\); grain, \d{4}: \d+ of \d+/.test(t)),
    "each bar names both queries' counts and shares",
    chartTitles,
  );
  check(
    (await page.textContent("#timeline-title")).startsWith("Share of all articles"),
    "the chart says it shows shares",
  );
  await page.uncheck("#relative");
  await page.waitForURL((url) => !url.searchParams.has("relative"));
  await settled();
  await page.waitForSelector("#timeline svg .bar-fill-vs");
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get("relative") === "1");
  await page.goto(base + "/?q=Zhanaozen");
  await settled();

  // 3. A place filter: every hit is about a place in Kazakhstan.
  await page.fill("#place", "Kazakhstan");
  await page.press("#place", "Enter");
  await page.waitForURL(/[?&]place=Kazakhstan/);
  await settled();
  await page.waitForSelector("#timeline svg .bar-fill");
  await page.waitForSelector("#top-places .chip");
  const inKz = await api("/api/search?q=Zhanaozen&place=Kazakhstan");
  ids = await hitIds();
  check(
    JSON.stringify(ids) === JSON.stringify(inKz.hits.map((h) => h.id)),
    "Zhanaozen in Kazakhstan lists what the API lists",
    ids,
  );
  const everyHitInKz = await page.$$eval("#results li.hit", (items) =>
    items.every((item) => [...item.querySelectorAll(".chip")].some((c) => c.dataset.place.endsWith(", KZ"))),
  );
  check(everyHitInKz, "every hit has a place chip in Kazakhstan");
  await page.screenshot({ path: join(shots, "dateline-search.png"), fullPage: true });
  console.log("screenshot " + join(shots, "dateline-search.png"));

  // The filter changes the results: a broader query, with and without it.
  await page.fill("#q", "protest");
  await page.press("#q", "Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "protest");
  await settled();
  const protestKz = await hitIds();
  const expectKz = (await api("/api/search?q=protest&place=Kazakhstan")).hits.map((h) => h.id);
  check(
    JSON.stringify(protestKz) === JSON.stringify(expectKz) && protestKz.length > 0,
    "protest in Kazakhstan lists what the API lists",
    protestKz,
  );
  await page.click("#clear");
  await page.waitForURL((url) => !url.searchParams.has("place"));
  await settled();
  const protestAll = await hitIds();
  check(
    protestAll.length > protestKz.length && protestKz.every((id) => protestAll.includes(id)),
    "clearing the filter brings back the articles set elsewhere",
    { protestAll, protestKz },
  );
  check(
    protestAll.some((id) => id.includes("tbilisi")) && !protestKz.some((id) => id.includes("tbilisi")),
    "the Tbilisi story is only outside the Kazakhstan filter",
  );

  // A place that the articles are not about: nothing.
  await page.fill("#q", "Zhanaozen");
  await page.fill("#place", "Georgia, GE");
  await page.press("#place", "Enter");
  await page.waitForURL((url) => url.searchParams.get("place") === "Georgia, GE");
  await settled();
  check((await statusText()) === "No articles match.", "Zhanaozen in Georgia finds nothing", await statusText());
  check((await hitIds()).length === 0, "and lists nothing");

  // A malformed query shows the server's message, not a broken page.
  await page.fill("#place", "");
  await page.fill("#q", "title:(unclosed");
  await page.press("#q", "Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "title:(unclosed");
  await settled();
  const error = await statusText();
  check(error.startsWith("invalid query:"), "a malformed query shows the error", error);
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes("400")));

  // A click on a chip in a hit filters by that place.
  await page.fill("#q", "Zhalpaqtal");
  await page.press("#q", "Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "Zhalpaqtal");
  await settled();
  await page.click("#results li.hit .chip >> nth=0");
  await page.waitForURL((url) => url.searchParams.has("place"));
  await settled();
  const chipPlace = new URL(page.url()).searchParams.get("place");
  check(chipPlace === "Oral, KZ", "a place chip sets the place filter", chipPlace);
  check((await page.inputValue("#place")) === "Oral, KZ", "and shows it in the form");
  check((await hitIds()).length === 1, "Zhalpaqtal in Oral: one article", await hitIds());

  // Back and forward restore searches.
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has("place"));
  await settled();
  check((await page.inputValue("#q")) === "Zhalpaqtal" && (await page.inputValue("#place")) === "", "Back restores the search");

  // 4. An article.
  await page.click("#results li.hit:first-child .hit-title a");
  await page.waitForURL(/\/article\?id=/);
  await page.waitForSelector("#article:not([hidden])");
  const heading = await page.textContent("#title");
  check(heading.includes("I Will Not Stop"), "the article page shows the headline", heading);
  const paragraphs = await page.$$eval("#text p", (nodes) => nodes.length);
  check(paragraphs > 5, "and the text in paragraphs", paragraphs);
  const text = await page.textContent("#text");
  check(text.includes("Zhalpaqtal"), "the stored text is there");
  const marked = await page.$$eval("#text mark.mention", (nodes) => nodes.map((n) => n.textContent));
  check(marked.includes("ORAL") && marked.includes("Kazakhstan"), "the place mentions are marked in the text", marked);
  const original = await page.getAttribute("#details a", "href");
  check(original && original.startsWith("https://www.rferl.org/"), "and a link to the original", original);
  await page.screenshot({ path: join(shots, "dateline-article.png"), fullPage: false });
  console.log("screenshot " + join(shots, "dateline-article.png"));

  await page.goto(base + "/article?id=" + encodeURIComponent("../../etc/passwd"));
  await settled();
  const missing = await statusText();
  check(missing.startsWith("no article"), "an unknown id says so", missing);
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes("404")));

  check(problems.length === 0, "no script errors, policy violations or dialogs", problems);
} catch (error) {
  failures += 1;
  console.log("FAIL " + (error && error.stack ? error.stack : error));
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
