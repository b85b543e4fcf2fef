#!/usr/bin/env node
// Browser.LivePage (ctest): the live page of `recoupe serve` in a real browser, Debian's
// chromium driven by playwright-core (no browser is downloaded).
//
//   node tests/browser/live_page.test.js --recoupe build/recoupe \
//        --examples examples/vostochny --out build/screenshots
//
// It starts the real binary on the seeds (a fresh database, a token, a free port), loads
// the page and checks: the seeds' story is listed; the keyboard reaches it and opens it;
// the summary, its citations (which highlight the cited article) and the outlets × claims
// matrix are shown; a new article POSTed from another outlet updates the open story and
// the list without a reload (Server-Sent Events); an article whose title and text carry
// markup and whose url is `javascript:` runs nothing and gives no such link; the page fits
// a phone. Screenshots (wide 1280×900 and phone 390×844) are saved under --out.
// Exit 0 when every check passes, else 1 with the failed check on stderr.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);

function fail(msg) {
  console.error("Browser.LivePage: FAILED: " + msg);
  process.exitCode = 1;
  throw new Error(msg);
}
function check(cond, msg) {
  if (!cond) fail(msg);
}

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  const root = path.resolve(__dirname, "..", "..");
  out.recoupe = out.recoupe || path.join(root, "build", "recoupe");
  out.examples = out.examples || path.join(root, "examples", "vostochny");
  out.out = out.out || path.join(root, "build", "screenshots");
  out.chromium = process.env.CHROMIUM || "/usr/bin/chromium";
  return out;
}

// What this test needs, or one clear line saying how to get it.
function requirements(opt) {
  let playwright;
  try {
    playwright = require("playwright-core");
  } catch (e) {
    console.error("Browser.LivePage: tests/browser/node_modules is missing (playwright-core): run scripts/setup");
    process.exit(1);
  }
  if (!fs.existsSync(opt.chromium)) {
    console.error(`Browser.LivePage: ${opt.chromium} is missing (Debian's chromium): run scripts/setup`);
    process.exit(1);
  }
  if (!fs.existsSync(opt.recoupe)) {
    console.error(`Browser.LivePage: ${opt.recoupe} is missing: build it first (scripts/test)`);
    process.exit(1);
  }
  return playwright;
}

// `recoupe serve` on a free port; resolves with {process, base} once it says where it serves.
function startServer(opt, dir, token) {
  return new Promise((resolve, reject) => {
    const child = spawn(opt.recoupe, ["serve", opt.examples, "--db", path.join(dir, "live.db"),
      "--token", token, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let seen = "";
    const timer = setTimeout(() => reject(new Error("recoupe serve did not say where it serves within 30 s:\n" + seen)), 30000);
    const onData = (chunk) => {
      seen += chunk;
      const m = /serving .* on (http:\/\/[^ ]+:\d+\/)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (seen += chunk));
    child.on("exit", (code) => reject(new Error(`recoupe serve ended (exit ${code}):\n${seen}`)));
  });
}

async function post(base, token, record) {
  const response = await fetch(base + "api/articles", {
    method: "POST",
    headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
    body: JSON.stringify(record),
  });
  const doc = await response.json();
  check(response.status === 200, `POST /api/articles answered ${response.status}: ${JSON.stringify(doc)}`);
  return doc;
}

// Another outlet on the seeds' event (the Putin–Kim meeting at Vostochny, 13 Sept 2023).
const SAME_EVENT = {
  id: "browser-test-same-event",
  url: "https://www.example-news.test/monde/poutine-kim-vostotchny",
  source: "Le Courrier du Test",
  lang: "fr",
  published: "2023-09-13T15:00:00Z",
  title: "Vladimir Poutine et Kim Jong-un se rencontrent au cosmodrome de Vostotchny",
  text: "Vladimir Poutine et Kim Jong-un se sont retrouvés ce mercredi 13 septembre au cosmodrome " +
    "de Vostotchny, dans l'Est de la Russie. Le président russe a indiqué que la Russie aiderait " +
    "la Corée du Nord à construire des satellites. Washington craint que la rencontre débouche " +
    "sur un accord de livraison d'armes nord-coréennes pour l'offensive russe en Ukraine. Les " +
    "deux dirigeants s'étaient déjà rencontrés à Vladivostok en 2019. Le porte-parole du " +
    "Kremlin, Dmitri Peskov, a évoqué des « sujets sensibles ».",
};

// An article made to attack the page: markup in every text field, a javascript: url.
const XSS = "<img src=x onerror=window.__xss=1>";
const HOSTILE = {
  id: "browser-test-hostile",
  url: "javascript:alert(1)",
  source: "Evil " + XSS,
  lang: "en",
  published: "2026-11-30T08:00:00Z",
  title: "Harbour ferry stranded " + XSS,
  text: "The ferry Kalliste stayed at the quay in Marseille on Monday after an engine failure " + XSS +
    ", the company said. \"We are sorry " + XSS + "\", said Jean Dupont, the harbour master. " +
    "The 412 passengers were given rooms in hotels. Repairs should take three days, the owner said.",
};

async function run() {
  const opt = args();
  const playwright = requirements(opt);
  fs.mkdirSync(opt.out, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recoupe-browser-"));
  const token = "browser-test-token";
  let server = null;
  let browser = null;
  try {
    server = await startServer(opt, dir, token);
    const base = server.base;
    log("recoupe serve at " + base);
    const listed = await (await fetch(base + "api/stories")).json();
    check(listed.stories.length === 1, "the seeds give one story, not " + listed.stories.length);
    const seeds = listed.stories[0];

    // Each context is a browser of its own on a fresh profile (playwright passes it as
    // --user-data-dir), so nothing carries over from another run.
    const launchArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"];
    const openBrowser = async (name, options) => {
      browser = await playwright.chromium.launchPersistentContext(path.join(dir, "profile-" + name),
        { executablePath: opt.chromium, headless: true, args: launchArgs, ...options });
      return browser;
    };

    const problems = [];
    const watch = (page, name) => {
      page.on("pageerror", (e) => problems.push(`${name}: page error: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`${name}: console error: ${m.text()}`);
      });
      page.on("dialog", (d) => {
        problems.push(`${name}: a dialog opened: ${d.message()}`);
        d.dismiss();
      });
    };

    // ---- wide: list, keyboard, story, citations, matrix -------------------------------
    const wide = await openBrowser("wide", { viewport: { width: 1280, height: 900 } });
    const page = wide.pages()[0] || await wide.newPage();
    watch(page, "wide");
    await page.goto(base, { waitUntil: "domcontentloaded" });
    const item = page.locator(`#stories li[data-id="${seeds.id}"]`);
    await item.waitFor({ timeout: 10000 });
    check((await item.textContent()).includes("5 articles"), "the seeds' story says 5 articles: " + (await item.textContent()));
    await page.waitForSelector("body[data-live=open]", { timeout: 10000 });
    log("the seeds' story is listed and the event stream is open");

    // "/" jumps to the search box; Tab from there reaches the story's link; Enter opens it.
    await page.locator("body").click({ position: { x: 900, y: 400 } });
    await page.keyboard.press("/");
    check(await page.evaluate(() => document.activeElement.id === "q"), "'/' does not focus the search box");
    let reached = false;
    for (let i = 0; i < 12 && !reached; ++i) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate((id) => {
        const a = document.activeElement;
        return !!a && a.matches(".story-link") && a.closest("li").dataset.id === id;
      }, seeds.id);
    }
    check(reached, "Tab from the search box does not reach the story within 12 presses");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(outline !== "none", "the focused story link shows no focus outline");
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => location.hash === "#/story/" + id, seeds.id, { timeout: 5000 });
    await page.locator("#story h2").waitFor({ timeout: 10000 });
    log("keyboard: / → search, Tab → story, Enter → opened " + seeds.id);

    const summary = page.locator("#story .summary p");
    check(await summary.isVisible(), "no summary shown");
    const citations = page.locator("#story .summary .cites a");
    check((await citations.count()) >= 1, "the summary has no citation");
    const matrixMarks = await page.locator("#story table.matrix td.yes a").count();
    check(matrixMarks >= 2, "the outlets × claims matrix has " + matrixMarks + " marks");
    const columns = await page.locator("#story table.matrix th.outlet-col").count();
    check(columns >= 4, "the matrix has " + columns + " outlet columns");
    const firstCite = citations.first();
    const number = (await firstCite.textContent()).replace(/\D/g, "");
    await firstCite.click();
    await page.waitForSelector(`#art-${number}.target`, { timeout: 5000 });
    check(await page.locator(`#art-${number}`).isVisible(), `cited article [${number}] is not shown`);
    await page.waitForFunction((n) => {
      const r = document.getElementById("art-" + n).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, number, { timeout: 5000 });
    log(`summary, ${await citations.count()} citations ([${number}] highlights its article), matrix ${columns} outlets × ${matrixMarks} marks`);
    await page.goBack();
    await page.waitForFunction((id) => location.hash === "#/story/" + id, seeds.id);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(opt.out, "wide-story.png") });
    await page.screenshot({ path: path.join(opt.out, "wide-story-full.png"), fullPage: true });

    // ---- live: a new article from another outlet, without a reload --------------------
    await page.evaluate(() => (window.__notReloaded = true));
    const same = await post(base, token, SAME_EVENT);
    log("POST same event: created " + JSON.stringify(same.created) + ", updated " + JSON.stringify(same.updated));
    if (same.updated.includes(seeds.id)) {
      await page.waitForFunction(() => /6 articles/.test(document.querySelector("#story .story-head .meta").textContent), null, { timeout: 8000 });
      await page.locator("#story .notice").waitFor({ timeout: 5000 });
      await page.waitForFunction((id) => /6 articles/.test(document.querySelector(`#stories li[data-id="${id}"]`).textContent), seeds.id, { timeout: 5000 });
      check(await page.locator("#story .article-entry.fresh").count() === 1, "the new article is not marked in the story");
      log("the open story and its list entry went to 6 articles, new article marked");
    } else {
      check(same.created.length === 1, "the POST neither updated the seeds' story nor created one");
      await page.locator(`#stories li[data-id="${same.created[0]}"] .mark-new`).waitFor({ timeout: 8000 });
      log("the new story appeared in the list, marked New");
    }
    check(await page.evaluate(() => window.__notReloaded === true), "the page reloaded");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(opt.out, "wide-updated.png") });

    // ---- hostile article: nothing runs, no javascript: link ---------------------------
    const hostile = await post(base, token, HOSTILE);
    const hostileStory = hostile.created[0] || hostile.updated[0];
    check(!!hostileStory, "the hostile article made no story: " + JSON.stringify(hostile));
    const hostileItem = page.locator(`#stories li[data-id="${hostileStory}"]`);
    await hostileItem.waitFor({ timeout: 8000 });
    const listedAfter = await page.locator("#stories li").count();
    check(await page.evaluate(() => window.__notReloaded === true), "the page reloaded");
    await hostileItem.locator("a").click();
    await page.waitForFunction((id) => location.hash === "#/story/" + id, hostileStory);
    await page.locator("#story .articles li").first().waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);
    const attack = await page.evaluate(() => ({
      xss: window.__xss,
      images: document.querySelectorAll("img").length,
      badLinks: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))
        .filter((h) => !/^(#|https?:\/\/|\/)/i.test(h.trim())),
      external: [...document.querySelectorAll('a[href^="http"]')].filter((a) => a.rel !== "noopener noreferrer").length,
      shownAsText: document.getElementById("story").textContent.includes("javascript:alert(1)"),
      markupAsText: document.body.textContent.includes("<img src=x"),
    }));
    check(attack.xss === undefined, "the article's markup ran (window.__xss is set)");
    check(attack.images === 0, attack.images + " <img> elements came from an article");
    check(attack.badLinks.length === 0, "links that are not web addresses: " + attack.badLinks.join(", "));
    check(attack.external === 0, "a link to another site lacks rel=noopener noreferrer");
    check(attack.shownAsText, "the javascript: url is not shown as text");
    check(attack.markupAsText, "the article's markup is not shown as text");
    log("hostile article: shown as text, nothing ran, no javascript: link");
    await page.screenshot({ path: path.join(opt.out, "wide-hostile.png") });

    // Search narrows the list as one types; "Clear" brings every story back.
    await page.fill("#q", "Kalliste");
    await page.waitForFunction((id) => {
      const items = document.querySelectorAll("#stories li");
      return items.length === 1 && items[0].dataset.id === id;
    }, hostileStory, { timeout: 5000 });
    await page.click("#clear");
    await page.waitForFunction((n) => document.querySelectorAll("#stories li").length === n, listedAfter, { timeout: 5000 });
    log("search 'Kalliste' lists its story only; Clear lists all " + listedAfter);
    check(problems.length === 0, problems.join("\n"));
    await wide.close();
    browser = null;

    // ---- phone: one column, nothing wider than the screen -----------------------------
    const phone = await openBrowser("phone", { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const mobile = phone.pages()[0] || await phone.newPage();
    watch(mobile, "phone");
    await mobile.goto(base, { waitUntil: "domcontentloaded" });
    await mobile.locator(`#stories li[data-id="${seeds.id}"]`).waitFor({ timeout: 10000 });
    const listWidth = await mobile.evaluate(() => document.documentElement.scrollWidth);
    check(listWidth <= 390, "the phone list is " + listWidth + " px wide");
    await mobile.screenshot({ path: path.join(opt.out, "phone-list.png") });
    await mobile.locator(`#stories li[data-id="${seeds.id}"] a`).tap();
    await mobile.locator("#story .summary p").waitFor({ timeout: 10000 });
    check(!(await mobile.locator("#list-pane").isVisible()), "on a phone the list stays beside the story");
    const storyWidth = await mobile.evaluate(() => document.documentElement.scrollWidth);
    check(storyWidth <= 390, "the phone story is " + storyWidth + " px wide");
    await mobile.screenshot({ path: path.join(opt.out, "phone-story.png") });
    await mobile.evaluate(() => document.querySelector("#story .matrix-part").scrollIntoView());
    await mobile.screenshot({ path: path.join(opt.out, "phone-matrix.png") });
    await mobile.locator("#story .back a").tap();
    await mobile.locator("#list-pane").waitFor({ state: "visible", timeout: 5000 });
    log("phone: one column, list → story → back, " + storyWidth + " px wide");
    check(problems.length === 0, problems.join("\n"));
    await phone.close();
    browser = null;
    log("screenshots in " + opt.out);
    console.log(`Browser.LivePage: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A hung browser or server must not hang ctest.
const watchdog = setTimeout(() => {
  console.error("Browser.LivePage: FAILED: still running after 90 s");
  process.exit(1);
}, 90000);
run().then(
  () => clearTimeout(watchdog),
  (e) => {
    clearTimeout(watchdog);
    if (!process.exitCode) console.error("Browser.LivePage: FAILED: " + (e && e.stack ? e.stack : e));
    process.exitCode = 1;
    // The server may still hold the event loop (kill() was sent): leave now.
    setTimeout(() => process.exit(1), 100).unref();
  });
