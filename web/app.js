// recoupe live page (docs/api.md, "Web page"): the story list of GET /api/stories with
// search, filters and paging; one story's cross-check from GET /api/stories/{id}; both kept
// up to date by the Server-Sent Events of GET /api/events, without reloading the page.
//
// Security: everything that comes from an article (titles, quotes, outlets, names, URLs)
// is inserted as text (textContent, createTextNode) into elements made by this script;
// nothing is ever parsed as HTML (the page's Content-Security-Policy also enforces Trusted
// Types: an innerHTML assignment would throw). Only http:// and https:// URLs become links.
"use strict";

(function () {
  // ---- small DOM helpers -------------------------------------------------------------

  const byId = (id) => document.getElementById(id);

  // el("a", {class: "x", href: "#/"}, "text", child…): attribute names are always written
  // here, never taken from data; children that are not nodes become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    add(node, children);
    return node;
  }

  function add(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false || child === "") continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // The URL when it is a web address (http or https), else null: a "javascript:" or
  // "data:" URL from an article must never become a link.
  function webUrl(value) {
    if (typeof value !== "string") return null;
    const text = value.trim();
    if (!/^https?:\/\//i.test(text)) return null;
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function externalLink(url, ...children) {
    return el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, ...children);
  }

  // A language code fit for a lang attribute, else null.
  const langCode = (s) => (typeof s === "string" && /^[A-Za-z0-9-]{1,35}$/.test(s) ? s : null);

  const str = (v) => (typeof v === "string" ? v : "");
  const list = (v) => (Array.isArray(v) ? v : []);

  // ---- labels: English, or French for a French story (as the HTML report does) --------

  const LABELS = {
    en: {
      summary: "Summary", matrix: "Who confirms what", corroborated: "Agreed by several outlets",
      single_source: "Only one outlet", disagreements: "Where they differ", quotes: "Who said what",
      entities: "People, places, organisations", person: "People", place: "Places",
      organization: "Organisations", other: "Other", timeline: "Timeline", framing: "Framing",
      articles_heading: "Articles", untitled: "(untitled story)", unknown_outlet: "unknown outlet",
      one_outlet: "within one outlet", year_not_stated: "year not stated",
      unattributed: "Unattributed", also: "also", other_wordings: "Other wordings",
      reprint_of: "reprint of", more: "more", claim: "Claim", outlet_col: "Outlets",
      matrix_hint: "A mark means that outlet's article states the claim; it links to the article.",
      no_matrix: "No claim was found in two outlets or more yet.",
      distinctive_terms: "distinctive terms", story: ["story", "stories"], claim_n: ["claim", "claims"],
      on_this_page: "On this page",
      article: ["article", "articles"], outlet: ["outlet", "outlets"],
      mention: ["mention", "mentions"], word: ["word", "words"], zero_singular: false,
      kinds: { number: "number", date: "date", place: "place", name: "name", quote: "quote worded differently", detail: "detail",
        full: "full", partial: "partial", direct: "direct" },
      precision: { week: "week", month: "month", year: "year" },
    },
    fr: {
      summary: "Résumé", matrix: "Qui confirme quoi", corroborated: "Recoupé par plusieurs médias",
      single_source: "Une seule source", disagreements: "Divergences", quotes: "Qui a dit quoi",
      entities: "Personnes, lieux, organisations", person: "Personnes", place: "Lieux",
      organization: "Organisations", other: "Autres", timeline: "Chronologie", framing: "Angles",
      articles_heading: "Articles", untitled: "(sujet sans titre)", unknown_outlet: "média inconnu",
      one_outlet: "au sein d'un même média", year_not_stated: "année non précisée",
      unattributed: "Non attribué", also: "aussi", other_wordings: "Autres formulations",
      reprint_of: "reprise de", more: "de plus", claim: "Affirmation", outlet_col: "Médias",
      matrix_hint: "Une marque : l'article de ce média porte l'affirmation ; elle mène à l'article.",
      no_matrix: "Aucune affirmation n'est encore reprise par deux médias ou plus.",
      distinctive_terms: "termes propres", story: ["sujet", "sujets"], claim_n: ["affirmation", "affirmations"],
      on_this_page: "Sur cette page",
      article: ["article", "articles"], outlet: ["média", "médias"],
      mention: ["mention", "mentions"], word: ["mot", "mots"], zero_singular: true,
      kinds: { number: "nombre", date: "date", place: "lieu", name: "nom", quote: "citation formulée autrement", detail: "détail",
        full: "entière", partial: "partielle", direct: "directe" },
      precision: { week: "semaine", month: "mois", year: "année" },
    },
  };
  const labelsFor = (lang) => (/^fr($|[-_])/i.test(str(lang)) ? LABELS.fr : LABELS.en);

  function count(labels, n, key) {
    const [one, many] = labels[key];
    return n + " " + (n === 1 || (n === 0 && labels.zero_singular) ? one : many);
  }

  // "2023-09-13" → "13 Sep 2023"; a date-time keeps its time (UTC); "XXXX-09-13" says the
  // year is not stated. Anything else is shown as written.
  function dateLabel(value, labels, lang) {
    const text = str(value);
    if (text.startsWith("XXXX-")) return text.slice(5) + " (" + labels.year_not_stated + ")";
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
    if (!m) return text;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0)));
    if (isNaN(date)) return text;
    const options = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
    let shown;
    try {
      const code = langCode(lang) || "en";
      shown = new Intl.DateTimeFormat(/^en$/i.test(code) ? "en-GB" : code, options).format(date);
    } catch (e) {
      shown = text.slice(0, 10);
    }
    return m[4] ? shown + ", " + m[4] + ":" + m[5] + " UTC" : shown;
  }

  const timeEl = (value, labels, lang) =>
    el("time", { datetime: str(value).startsWith("XXXX-") ? null : str(value) },
      dateLabel(value, labels, lang));

  // ---- talking to the API ----------------------------------------------------------------

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let doc = null;
    try {
      doc = await response.json();
    } catch (e) {
      doc = null;
    }
    if (!response.ok) {
      const error = new Error((doc && typeof doc.error === "string" && doc.error) ||
        "HTTP " + response.status);
      error.status = response.status;
      throw error;
    }
    return { doc, response };
  }

  // ---- state -------------------------------------------------------------------------------

  const PAGE = 30;
  const FILTERS = ["q", "lang", "outlet", "since", "until"];
  const state = {
    filters: {},          // the list's filters, as the API takes them
    stories: [],          // the summaries listed, in the API's order
    cursor: null,         // next_cursor of the last page loaded
    listSeq: 0,           // discards answers to superseded list requests
    marks: new Map(),     // story id → "new" | "updated", until the story is opened
    flash: new Set(),     // ids changed by the last refresh (briefly highlighted)
    route: { story: null, article: null },
    returnScroll: null,   // where the story was scrolled before a citation was followed
    story: null,          // {id, doc, index, labels} of the story shown
    storySeq: 0,
    notice: null,         // a line shown above the story once (merged, updated)
    fresh: new Set(),     // article ids new in the story since the last render
  };

  // ---- routing: #/ (the list), #/story/ID, #/story/ID/a/N (article N highlighted) ----

  function parseHash() {
    const m = /^#\/story\/([^/]+)(?:\/a\/(\d+))?$/.exec(location.hash);
    if (!m) return { story: null, article: null };
    let id;
    try {
      id = decodeURIComponent(m[1]);
    } catch (e) {
      return { story: null, article: null };
    }
    return { story: id, article: m[2] ? +m[2] : null };
  }

  const storyHref = (id) => "#/story/" + encodeURIComponent(id);
  const articleHref = (id, number) => storyHref(id) + "/a/" + number;

  async function onRoute() {
    const route = parseHash();
    const previous = state.route;
    state.route = route;
    document.body.classList.toggle("has-story", route.story !== null);
    markCurrentInList();
    if (route.story === null) {
      showPlaceholder();
      if (previous.story !== null) focusListItem(previous.story);
      return;
    }
    if (state.story && state.story.id === route.story) {
      // A citation followed, then Back: return to where the reader was.
      if (route.article) {
        if (previous.article === null) state.returnScroll = window.scrollY;
        highlightArticle(route.article, true);
      } else if (state.returnScroll !== null) {
        window.scrollTo({ top: state.returnScroll });
        state.returnScroll = null;
      }
      return;
    }
    state.returnScroll = null;
    await loadStory(route.story, { focus: true });
  }

  // ---- the story list ---------------------------------------------------------------------

  function listUrl(extra) {
    const params = new URLSearchParams();
    for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    return "/api/stories?" + params.toString();
  }

  function setListStatus(text, isError) {
    const status = byId("list-status");
    status.textContent = text;
    status.classList.toggle("error", !!isError);
  }

  async function loadList() {
    const seq = ++state.listSeq;
    setListStatus("Loading…");
    try {
      const { doc } = await getJson(listUrl({ limit: PAGE }));
      if (seq !== state.listSeq) return;
      state.stories = list(doc.stories);
      state.cursor = doc.next_cursor || null;
      state.flash = new Set();
      renderList();
    } catch (e) {
      if (seq === state.listSeq) setListStatus("Could not load the stories: " + e.message, true);
    }
  }

  async function loadMore() {
    if (!state.cursor) return;
    const seq = ++state.listSeq;
    const button = byId("more");
    button.disabled = true;
    try {
      const { doc } = await getJson(listUrl({ limit: PAGE, cursor: state.cursor }));
      if (seq !== state.listSeq) return;
      const known = new Set(state.stories.map((s) => s.id));
      const firstNew = list(doc.stories).find((s) => !known.has(s.id));
      state.stories = state.stories.concat(list(doc.stories).filter((s) => !known.has(s.id)));
      state.cursor = doc.next_cursor || null;
      renderList();
      if (firstNew) focusListItem(firstNew.id);
    } catch (e) {
      if (seq === state.listSeq) setListStatus("Could not load more stories: " + e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  // After story events: the same span of the listing again, marking what is new or changed.
  async function refreshList(created, updated) {
    const seq = ++state.listSeq;
    const span = Math.min(500, Math.max(PAGE, state.stories.length));
    try {
      const { doc } = await getJson(listUrl({ limit: span }));
      if (seq !== state.listSeq) return;
      const before = new Map(state.stories.map((s) => [s.id, s]));
      state.flash = new Set();
      for (const s of list(doc.stories)) {
        const old = before.get(s.id);
        let mark = null;
        if (!old) mark = created.has(s.id) ? "new" : updated.has(s.id) ? "updated" : null;
        else if (old.version !== s.version || updated.has(s.id)) mark = "updated";
        if (mark && s.id !== state.route.story) {
          if (state.marks.get(s.id) !== "new") state.marks.set(s.id, mark);
          state.flash.add(s.id);
        }
      }
      state.stories = list(doc.stories);
      state.cursor = doc.next_cursor || null;
      renderList();
    } catch (e) {
      if (seq === state.listSeq) setListStatus("Could not refresh the stories: " + e.message, true);
    }
  }

  function renderList() {
    const ol = byId("stories");
    const focusedId = document.activeElement && document.activeElement.closest &&
      document.activeElement.closest("#stories li") ?
      document.activeElement.closest("li").dataset.id : null;
    const items = state.stories.map(renderListItem);
    ol.replaceChildren(...items);
    if (focusedId) focusListItem(focusedId);
    const n = state.stories.length;
    const filtered = FILTERS.some((f) => state.filters[f]);
    let text;
    if (n === 0) text = filtered ? "No story matches these filters." : "No story yet: ingest articles to start.";
    else text = (state.cursor ? "First " : "") + count(LABELS.en, n, "story") + (filtered ? " matching" : "");
    setListStatus(text);
    byId("more").hidden = !state.cursor;
    updateDatalists();
    updateActiveFilters();
    markCurrentInList();
  }

  function renderListItem(s) {
    const labels = LABELS.en;
    const mark = state.marks.get(s.id);
    const sources = list(s.sources);
    const articles = list(s.articles);
    const meta = [];
    if (s.event_date) meta.push(timeEl(s.event_date, labels, "en"));
    meta.push(count(labels, sources.length, "outlet"));
    meta.push(count(labels, articles.length, "article"));
    if (s.language) meta.push(el("span", { class: "lang" }, s.language));
    const metaLine = el("span", { class: "item-meta" });
    meta.forEach((part, i) => add(metaLine, [i ? " · " : "", part]));
    const outlets = sources.length ?
      el("span", { class: "item-outlets" }, sources.slice(0, 4).join(", ") +
        (sources.length > 4 ? " +" + (sources.length - 4) : "")) : null;
    const title = str(s.title) || labels.untitled;
    const link = el("a", { class: "story-link", href: storyHref(s.id) },
      el("span", { class: "item-title", lang: langCode(s.language) }, title),
      metaLine, outlets,
      mark ? el("span", { class: "mark mark-" + mark }, mark === "new" ? "New" : "Updated") : null,
      // Its new articles are stored; the cross-check (title, facts) follows in a moment.
      s.checked === false ? el("span", { class: "mark mark-checking", title: "New articles stored; cross-check in progress" }, "Checking…") : null);
    const classes = ["story-item"];
    if (mark) classes.push("is-" + mark);
    if (state.flash.has(s.id)) classes.push("flash");
    return el("li", { class: classes.join(" "), "data-id": s.id }, link);
  }

  function markCurrentInList() {
    for (const li of byId("stories").children) {
      const current = li.dataset.id === state.route.story;
      li.classList.toggle("current", current);
      const link = li.querySelector("a");
      if (current) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  function focusListItem(id) {
    for (const li of byId("stories").children)
      if (li.dataset.id === id) {
        li.querySelector("a").focus({ preventScroll: false });
        return;
      }
  }

  function updateDatalists() {
    const langs = new Set();
    const outlets = new Set();
    for (const s of state.stories) {
      if (s.language) langs.add(s.language);
      for (const o of list(s.sources)) outlets.add(o);
    }
    const options = (values) => [...values].sort().map((v) => el("option", { value: v }));
    byId("lang-list").replaceChildren(...options(langs));
    byId("outlet-list").replaceChildren(...options(outlets));
  }

  function updateActiveFilters() {
    const n = ["lang", "outlet", "since", "until"].filter((f) => state.filters[f]).length;
    byId("active-filters").textContent = n ? " (" + n + " on)" : "";
    byId("clear").hidden = !FILTERS.some((f) => state.filters[f]);
  }

  function readFilters() {
    const filters = {};
    for (const name of FILTERS) {
      const value = byId(name).value.trim();
      if (value) filters[name] = value;
    }
    return filters;
  }

  function applyFilters() {
    const filters = readFilters();
    if (JSON.stringify(filters) === JSON.stringify(state.filters)) return;
    state.filters = filters;
    loadList();
  }

  // ---- one story -------------------------------------------------------------------------

  // Article numbers as the HTML report gives them (report/report_index.h): the story's
  // articles in order, then any other article a section cites, then the rest.
  function buildIndex(doc, story) {
    const byArticleId = new Map();
    for (const a of list(doc.articles)) if (a && typeof a.id === "string" && !byArticleId.has(a.id)) byArticleId.set(a.id, a);
    const numbers = new Map();
    const refs = [];
    const addId = (id) => {
      if (typeof id !== "string" || id === "" || numbers.has(id)) return;
      const a = byArticleId.get(id) || { id };
      numbers.set(id, refs.length + 1);
      refs.push({ number: refs.length + 1, id, outlet: str(a.source), title: str(a.title),
        url: str(a.url), published: str(a.published), language: str(a.language),
        words: typeof a.words === "number" ? a.words : null, duplicate_of: str(a.duplicate_of),
        listed: byArticleId.has(id) });
    };
    const addAll = (ids) => list(ids).forEach(addId);
    addAll(story.articles);
    list(story.summary).forEach((x) => addAll(x.articles));
    list(story.corroborated).forEach((x) => addAll(x.articles));
    list(story.single_source).forEach((x) => { addId(x.article); addAll(x.articles); });
    list(story.disagreements).forEach((d) => list(d.versions).forEach((v) => addAll(v.articles)));
    list(story.quotes).forEach((q) => { addAll(q.articles); list(q.variants).forEach((v) => addAll(v.articles)); });
    list(story.entities).forEach((x) => addAll(x.articles));
    list(story.timeline).forEach((x) => addAll(x.articles));
    list(story.framing).forEach((x) => addId(x.article));
    list(doc.articles).forEach((a) => addId(a && a.id));
    return {
      refs,
      find: (id) => (numbers.has(id) ? refs[numbers.get(id) - 1] : null),
      numbersOf(ids) {
        const ns = [...new Set(list(ids).filter((id) => numbers.has(id)).map((id) => numbers.get(id)))];
        return ns.sort((a, b) => a - b);
      },
    };
  }

  function showPlaceholder() {
    byId("placeholder").hidden = false;
    byId("story").hidden = true;
    byId("story").replaceChildren();
    state.story = null;
    document.title = "recoupe · live stories";
  }

  async function loadStory(id, options) {
    const seq = ++state.storySeq;
    const view = byId("story");
    if (!options.inPlace) {
      byId("placeholder").hidden = true;
      view.hidden = false;
      view.replaceChildren(el("p", { class: "loading" }, "Loading the story…"));
    }
    let got;
    try {
      got = await getJson("/api/stories/" + encodeURIComponent(id));
    } catch (e) {
      if (seq !== state.storySeq) return;
      if (options.inPlace && state.story) return;  // keep what is shown; the next event retries
      state.story = null;
      view.replaceChildren(el("div", { class: "story-error", role: "alert" },
        el("h2", {}, e.status === 404 ? "No such story" : "Could not load the story"),
        el("p", {}, e.message),
        el("p", {}, el("a", { href: "#/" }, "Back to the stories"))));
      return;
    }
    if (seq !== state.storySeq) return;
    const story = list(got.doc && got.doc.stories)[0];
    if (!story) return;
    // A merged-away id answers with the story it went into (docs/api.md): show that id.
    if (story.id && story.id !== id) {
      state.notice = "Story " + id + " was merged into this one.";
      history.replaceState(null, "", storyHref(story.id) + (state.route.article ? "/a/" + state.route.article : ""));
      state.route = { story: story.id, article: state.route.article };
      markCurrentInList();
    }
    const previous = state.story && state.story.id === story.id ? state.story : null;
    state.fresh = new Set();
    if (previous) {
      const before = new Set(list(previous.story.articles));
      for (const a of list(story.articles)) if (!before.has(a)) state.fresh.add(a);
    }
    const labels = labelsFor(story.language);
    state.story = { id: story.id, doc: got.doc, story, labels, index: buildIndex(got.doc, story) };
    state.marks.delete(story.id);
    const li = [...byId("stories").children].find((x) => x.dataset.id === story.id);
    if (li) {
      li.classList.remove("is-new", "is-updated");
      const m = li.querySelector(".mark");
      if (m) m.remove();
    }
    if (options.inPlace && previous) {
      const added = state.fresh.size;
      state.notice = "Updated just now" + (added ? ": " + count(LABELS.en, added, "article") + " added." : ".");
    }
    renderStory(options.inPlace);
    if (state.route.article) highlightArticle(state.route.article, !options.inPlace);
    else if (options.focus) {
      scrollToStoryTop();
      const h = view.querySelector("h2");
      if (h) h.focus({ preventScroll: true });
    }
  }

  function scrollToStoryTop() {
    const pane = byId("story-pane");
    const top = pane.getBoundingClientRect().top + window.scrollY - 8;
    if (window.scrollY > top) window.scrollTo({ top: Math.max(0, top) });
  }

  function highlightArticle(number, scroll) {
    const view = byId("story");
    for (const x of view.querySelectorAll(".article-entry.target")) x.classList.remove("target");
    const target = byId("art-" + number);
    if (!target) return;
    target.classList.add("target");
    if (scroll) {
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
      target.focus({ preventScroll: true });
    }
  }

  // <span class="cites"> [1][3]</span>: each a link to the article in the story's list.
  function cites(ids) {
    const { index, id } = state.story;
    const numbers = index.numbersOf(ids);
    if (!numbers.length) return null;
    const span = el("span", { class: "cites" }, "\u00a0");
    for (const n of numbers) {
      const ref = index.refs[n - 1];
      const tip = outletOf(ref) + (ref.title ? " — " + ref.title : "");
      add(span, [el("a", { href: articleHref(id, n), title: tip, "aria-label": "article " + n + ", " + tip }, "[" + n + "]")]);
    }
    return span;
  }

  const outletOf = (ref) => ref.outlet || state.story.labels.unknown_outlet;

  function outletsText(ids) {
    const { index, labels } = state.story;
    const names = [];
    let unknown = false;
    for (const id of list(ids)) {
      const ref = index.find(id);
      if (!ref) continue;
      if (!ref.outlet) unknown = true;
      else if (!names.includes(ref.outlet)) names.push(ref.outlet);
    }
    if (unknown) names.push(labels.unknown_outlet);
    return names.join(", ");
  }

  function section(cls, heading, ...body) {
    const parts = body.flat(Infinity).filter((x) => x);
    if (!parts.length) return null;
    return el("section", { class: "part " + cls, "aria-label": heading }, el("h3", {}, heading), parts);
  }

  function more(story, name) {
    const n = story.more && typeof story.more[name] === "number" ? story.more[name] : 0;
    return n > 0 ? el("p", { class: "meta more" }, "+" + n + " " + state.story.labels.more + " (synth.max_" + name + ")") : null;
  }

  function renderStory(inPlace) {
    const { story, labels } = state.story;
    const lang = langCode(story.language);
    const view = byId("story");
    const title = str(story.title) || labels.untitled;
    document.title = title + " · recoupe";
    view.setAttribute("lang", lang || "en");

    const sources = list(story.sources);
    const meta = el("p", { class: "meta" });
    const metaParts = [];
    if (story.event_date) metaParts.push(timeEl(story.event_date, labels, lang));
    metaParts.push(count(labels, list(story.articles).length, "article"));
    if (sources.length) {
      metaParts.push([count(labels, sources.length, "outlet") + ": ",
        sources.map((o, i) => [i ? ", " : "", el("span", { class: "outlet" }, o)])]);
    }
    if (story.language) metaParts.push(el("span", { class: "lang" }, story.language));
    metaParts.forEach((p, i) => add(meta, [i ? " · " : "", p]));

    const head = el("header", { class: "story-head" },
      el("p", { class: "back", lang: "en" }, el("a", { href: "#/" }, "← All stories")),
      state.notice ? el("p", { class: "notice", role: "status", lang: "en" }, state.notice) : null,
      el("h2", { tabindex: "-1" }, title), meta,
      list(story.notices).map((n) => el("p", { class: "meta notice-limit" }, str(n))));
    state.notice = null;

    const n = (name) => list(story[name]).length;
    const parts = [
      [renderSummary(story), 0],
      [renderMatrix(story), n("corroborated") + n("single_source")],
      [section("single", labels.single_source, renderSingleSource(story), more(story, "single_source")), n("single_source")],
      [section("differ", labels.disagreements, renderDisagreements(story), more(story, "disagreements")), n("disagreements")],
      [section("quotes", labels.quotes, renderQuotes(story), more(story, "quotes")), n("quotes")],
      [section("entities", labels.entities, renderEntities(story), more(story, "entities")), n("entities")],
      [section("timeline-part", labels.timeline, renderTimeline(story), more(story, "timeline")), n("timeline")],
      [section("framing", labels.framing, renderFraming(story)), 0],
      [renderArticles(), state.story.index.refs.length],
    ].filter(([part]) => part);
    // "On this page": one button per part, for a long story.
    const toc = el("nav", { class: "parts-nav", "aria-label": labels.on_this_page },
      el("ul", {}, parts.map(([part, count]) => el("li", {},
        el("button", { type: "button", onclick: () => goToPart(part) },
          part.querySelector("h3").textContent, count ? el("span", { class: "n" }, String(count)) : null)))));
    view.replaceChildren(head, toc, ...parts.map(([part]) => part));
    view.classList.toggle("refreshed", !!inPlace);
  }

  function goToPart(part) {
    const heading = part.querySelector("h3");
    heading.setAttribute("tabindex", "-1");
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    part.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
    heading.focus({ preventScroll: true });
  }

  function renderSummary(story) {
    const p = el("p", {});
    let any = false;
    for (const s of list(story.summary)) {
      if (!str(s.text)) continue;
      add(p, [any ? " " : "", s.text, cites(s.articles)]);
      any = true;
    }
    return any ? section("summary", state.story.labels.summary, p) : null;
  }

  // The outlets × claims matrix: one row per corroborated or single-source claim, one
  // column per outlet (each article of unknown outlet a column of its own: they may be
  // different outlets), a mark where that outlet's article states the claim.
  function renderMatrix(story) {
    const { index, labels, id } = state.story;
    const columns = [];
    const columnOf = new Map();  // article id → column
    for (const ref of index.refs) {
      if (!list(story.articles).includes(ref.id)) continue;
      const key = ref.outlet ? "o:" + ref.outlet : "a:" + ref.id;
      let column = columns.find((c) => c.key === key);
      if (!column) {
        column = { key, name: ref.outlet || labels.unknown_outlet + " [" + ref.number + "]", refs: [] };
        columns.push(column);
      }
      column.refs.push(ref);
      columnOf.set(ref.id, column);
    }
    const rows = [];
    for (const c of list(story.corroborated))
      if (str(c.claim)) rows.push({ claim: c.claim, ids: list(c.articles), kind: "agreed", outlets: c.outlets });
    for (const c of list(story.single_source))
      if (str(c.claim)) rows.push({ claim: c.claim, ids: [c.article].concat(list(c.articles)), kind: "single" });
    if (!rows.length || !columns.length) return null;

    const headRow = el("tr", {}, el("th", { scope: "col", class: "claim-col" },
      el("span", { class: "col-label" }, labels.claim), el("span", { class: "hint" }, labels.matrix_hint)),
      columns.map((c) => el("th", { scope: "col", class: "outlet-col" + (c.refs.some((r) => state.fresh.has(r.id)) ? " fresh" : "") },
        el("span", { title: c.name }, c.name))),
      el("th", { scope: "col", class: "n-col" }, el("span", {}, labels.outlet_col)));
    const group = (kind, heading) => {
      const body = el("tbody", { class: kind });
      body.append(el("tr", { class: "group" }, el("th", { scope: "rowgroup", colspan: columns.length + 2 }, heading)));
      for (const row of rows.filter((r) => r.kind === kind)) {
        const supporting = new Map();  // column → refs stating the claim
        for (const articleId of row.ids) {
          const column = columnOf.get(articleId);
          if (!column) continue;
          if (!supporting.has(column)) supporting.set(column, []);
          const ref = index.find(articleId);
          if (!supporting.get(column).includes(ref)) supporting.get(column).push(ref);
        }
        const n = row.outlets > 0 ? row.outlets : supporting.size;
        body.append(el("tr", {},
          el("th", { scope: "row", class: "claim-col" }, el("span", { lang: langCode(story.language) }, row.claim)),
          columns.map((c) => {
            const refs = (supporting.get(c) || []).sort((a, b) => a.number - b.number);
            if (!refs.length) return el("td", { class: "no" }, el("span", { class: "visually-hidden" }, "—"));
            const tip = c.name + ": " + refs.map((r) => "[" + r.number + "]" + (r.title ? " " + r.title : "")).join("; ");
            return el("td", { class: "yes" + (refs.some((r) => state.fresh.has(r.id)) ? " fresh" : "") },
              el("a", { href: articleHref(id, refs[0].number), title: tip, "aria-label": tip }, "✓"));
          }),
          el("td", { class: "n-col" }, String(n))));
      }
      return body.children.length > 1 ? body : null;
    };
    const table = el("table", { class: "matrix" },
      el("caption", { class: "visually-hidden" }, labels.matrix),
      el("thead", {}, headRow),
      group("agreed", labels.corroborated),
      group("single", labels.single_source));
    table.style.setProperty("--cols", String(columns.length + 1));  // the phone layout's grid
    return section("matrix-part", labels.matrix,
      rows.some((r) => r.kind === "agreed") ? null : el("p", { class: "hint" }, labels.no_matrix),
      el("div", { class: "matrix-scroll", tabindex: "0", role: "region", "aria-label": labels.matrix }, table),
      more(story, "corroborated"));
  }

  // What each outlet alone states, grouped by outlet (the matrix lists the same claims
  // row by row; here they read as "only Minute.bf says…").
  function renderSingleSource(story) {
    const groups = new Map();  // outlet → list items
    for (const c of list(story.single_source)) {
      if (!str(c.claim)) continue;
      const ids = str(c.article) ? [c.article] : list(c.articles);
      const who = outletsText(ids) || state.story.labels.unknown_outlet;
      if (!groups.has(who)) groups.set(who, []);
      groups.get(who).push(el("li", {}, el("span", {}, c.claim), cites(ids)));
    }
    return [...groups].map(([who, items]) =>
      [el("h4", {}, el("span", { class: "badge" }, who), " ", count(state.story.labels, items.length, "claim_n")),
        el("ul", { class: "claims" }, items)]);
  }

  function renderDisagreements(story) {
    const { labels } = state.story;
    return list(story.disagreements).filter((d) => str(d.about) || list(d.versions).length).map((d) => {
      const kind = str(d.kind) ? labels.kinds[d.kind] || d.kind : null;
      return el("div", { class: d.kind === "quote" ? "disagreement wording" : "disagreement" },
        el("p", { class: "about" }, str(d.about) || "?",
          kind ? [" ", el("span", { class: "tag" }, kind)] : null,
          d.one_outlet === true ? [" ", el("span", { class: "tag" }, labels.one_outlet)] : null),
        el("ul", { class: "versions side-by-side" }, list(d.versions).map((v) =>
          el("li", { class: "version" },
            el("q", { class: "value" }, str(v.value)),
            el("span", { class: "who" }, outletsText(v.articles), cites(v.articles))))));
    });
  }

  function renderQuotes(story) {
    const { labels } = state.story;
    return list(story.quotes).filter((q) => str(q.text)).map((q) => {
      const variants = list(q.variants).filter((v) => str(v.text) && v.text !== q.text);
      const kind = str(q.kind) ? labels.kinds[q.kind] || q.kind : null;
      return el("figure", { class: "quote" },
        el("blockquote", {}, el("p", {}, q.text)),
        el("figcaption", {}, "— ", el("span", { class: "speaker" }, str(q.speaker) || labels.unattributed),
          kind ? [" ", el("span", { class: "tag" }, kind)] : null, cites(q.articles)),
        variants.length ? el("details", { class: "variants" },
          el("summary", {}, labels.other_wordings + " (" + variants.length + ")"),
          el("ul", {}, variants.map((v) => el("li", {}, el("q", {}, v.text), cites(v.articles))))) : null);
    });
  }

  function renderEntities(story) {
    const { labels } = state.story;
    const groups = { person: [], place: [], organization: [], other: [] };
    for (const e of list(story.entities)) {
      if (!str(e.name)) continue;
      const type = e.type === "organisation" ? "organization" : e.type;
      const aliases = list(e.aliases).filter((a) => str(a) && a !== e.name);
      const mentions = typeof e.mentions === "number" ? e.mentions : 0;
      const tip = [mentions ? count(labels, mentions, "mention") : null,
        list(e.articles).length ? count(labels, list(e.articles).length, "article") : null].filter((x) => x).join(", ");
      (groups[type] || groups.other).push(el("li", { class: "chip " + (groups[type] ? type : "other"), title: tip || null },
        el("span", { class: "name" }, e.name),
        mentions ? el("span", { class: "n", "aria-label": count(labels, mentions, "mention") }, String(mentions)) : null,
        aliases.length ? el("span", { class: "aliases" }, labels.also + ": " + aliases.join(", ")) : null));
    }
    return Object.entries(groups).filter(([, chips]) => chips.length).map(([type, chips]) =>
      [el("h4", {}, labels[type]), el("ul", { class: "chips" }, chips)]);
  }

  function renderTimeline(story) {
    const { labels } = state.story;
    const items = list(story.timeline).filter((t) => str(t.what) || str(t.date)).map((t) =>
      el("li", {}, el("time", { datetime: str(t.date) || null }, str(t.date) || "?"),
        str(t.precision) && t.precision !== "day" ?
          [el("span", { class: "precision" }, "(" + (labels.precision[t.precision] || t.precision) + ")"), " "] : null,
        el("span", {}, str(t.what)), cites(t.articles)));
    return items.length ? el("ol", { class: "timeline" }, items) : null;
  }

  function renderFraming(story) {
    const { index, labels, id } = state.story;
    const entries = list(story.framing).map((f) => ({ f, ref: str(f.article) ? index.find(f.article) : null }));
    entries.sort((a, b) => (a.ref ? a.ref.number : 1e9) - (b.ref ? b.ref.number : 1e9));
    const rows = [];
    for (const { f, ref } of entries) {
      const headline = str(f.headline) || (ref ? ref.title : "");
      const terms = list(f.distinctive_terms).filter((t) => str(t));
      if (!headline && !terms.length) continue;
      rows.push(el("tr", {},
        el("th", { scope: "row" }, ref ? el("a", { href: articleHref(id, ref.number) }, outletOf(ref)) : null),
        el("td", {}, el("div", { class: "headline" }, headline),
          terms.length ? el("div", { class: "terms", "aria-label": labels.distinctive_terms },
            terms.map((t) => el("span", { class: "term" }, t))) : null)));
    }
    return rows.length ? el("table", {}, el("tbody", {}, rows)) : null;
  }

  function renderArticles() {
    const { index, labels, story } = state.story;
    const own = new Set(list(story.articles));
    const items = index.refs.map((ref) => {
      const headline = el("cite", { lang: langCode(ref.language) }, ref.title || ref.id);
      const url = webUrl(ref.url);
      const facts = [];
      if (ref.published) facts.push(timeEl(ref.published, labels, story.language));
      if (ref.language) facts.push(ref.language);
      if (ref.words !== null) facts.push(count(labels, ref.words, "word"));
      if (url) facts.push(el("span", { class: "host" }, new URL(url).host));
      else if (ref.url) facts.push(el("span", { class: "raw-url", title: "not a web address: not linked" }, ref.url));
      if (ref.title) facts.push(el("span", { class: "file" }, ref.id));
      if (ref.duplicate_of) {
        const orig = index.find(ref.duplicate_of);
        facts.push(el("span", { class: "dup" }, labels.reprint_of + " ",
          orig ? el("a", { href: articleHref(state.story.id, orig.number) }, "[" + orig.number + "]") : ref.duplicate_of));
      }
      const factLine = el("span", { class: "facts" });
      facts.forEach((f, i) => add(factLine, [i ? " · " : "", f]));
      const classes = ["article-entry"];
      if (state.fresh.has(ref.id)) classes.push("fresh");
      if (!own.has(ref.id)) classes.push("other-story");
      return el("li", { class: classes.join(" "), id: "art-" + ref.number, tabindex: "-1" },
        el("span", { class: "num" }, "[" + ref.number + "]"),
        el("span", { class: "outlet" }, outletOf(ref)), " — ",
        url ? externalLink(url, headline) : headline,
        state.fresh.has(ref.id) ? [" ", el("span", { class: "mark mark-new" }, "New")] : null,
        factLine);
    });
    if (!items.length) return null;
    return el("section", { class: "part articles", "aria-label": labels.articles_heading },
      el("h3", {}, labels.articles_heading), el("ol", {}, items));
  }

  // ---- live updates (Server-Sent Events) ------------------------------------------------

  const pending = { created: new Set(), updated: new Set(), merged: [], timer: 0 };

  function setLive(stateName, text) {
    const live = byId("live");
    live.dataset.state = stateName;
    byId("live-text").textContent = text;
    document.body.dataset.live = stateName;
  }

  function connectEvents() {
    const source = new EventSource("/api/events");
    source.onopen = () => setLive("open", "Live");
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (e.g. 503: the server's event streams are all taken): try again later.
        setLive("closed", "Not live: retrying in 15 s");
        setTimeout(connectEvents, 15000);
      } else {
        setLive("reconnecting", "Reconnecting…");
      }
    };
    for (const type of ["story.created", "story.updated", "story.merged"])
      source.addEventListener(type, (event) => onStoryEvent(type, event.data));
  }

  function onStoryEvent(type, data) {
    let event;
    try {
      event = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (!event || typeof event !== "object") return;
    if (type === "story.created" && typeof event.id === "string") pending.created.add(event.id);
    else if (type === "story.updated" && typeof event.id === "string") pending.updated.add(event.id);
    else if (type === "story.merged" && typeof event.from === "string" && typeof event.into === "string")
      pending.merged.push(event);
    // One batch sends its events together: act once for all of them.
    clearTimeout(pending.timer);
    pending.timer = setTimeout(flushEvents, 150);
  }

  function flushEvents() {
    const created = pending.created;
    const updated = pending.updated;
    const merged = pending.merged;
    pending.created = new Set();
    pending.updated = new Set();
    pending.merged = [];
    const now = new Date();
    const hhmmss = [now.getHours(), now.getMinutes(), now.getSeconds()].map((x) => String(x).padStart(2, "0")).join(":");
    setLive("open", "Live · last change at " + hhmmss);
    for (const m of merged) {
      state.marks.delete(m.from);
      updated.add(m.into);
    }
    refreshList(created, updated);
    if (!state.story) return;
    const current = state.story.id;
    const into = merged.find((m) => m.from === current);
    if (into) {
      state.notice = "Story " + current + " was merged into this one.";
      location.replace(storyHref(into.into));
      return;
    }
    if (updated.has(current) || created.has(current)) loadStory(current, { inPlace: true });
  }

  // ---- wiring ---------------------------------------------------------------------------

  function start() {
    const form = byId("filters");
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      applyFilters();
    });
    let typing = 0;
    byId("q").addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(applyFilters, 350);
    });
    for (const name of ["lang", "outlet", "since", "until"]) byId(name).addEventListener("change", applyFilters);
    byId("clear").addEventListener("click", () => {
      for (const name of FILTERS) byId(name).value = "";
      applyFilters();
      byId("q").focus();
    });
    byId("more").addEventListener("click", loadMore);
    // The skip link moves the focus without touching the hash (the hash is the route).
    byId("skip").addEventListener("click", (e) => {
      e.preventDefault();
      if (document.body.classList.contains("has-story") && window.matchMedia("(max-width: 700px)").matches)
        location.hash = "#/";
      const first = byId("stories").querySelector("a");
      (first || byId("stories")).focus();
    });
    // "/" jumps to the search box, as on most news and code sites.
    document.addEventListener("keydown", (e) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      if (document.body.classList.contains("has-story") && window.matchMedia("(max-width: 700px)").matches)
        location.hash = "#/";
      byId("q").focus();
    });
    window.addEventListener("hashchange", onRoute);
    connectEvents();
    loadList();
    onRoute();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
