/*
 * The site's search worker: Material for MkDocs' worker protocol, answered from Pagefind.
 *
 * Material's JavaScript starts this file as its search worker (__config.search), posts SETUP with
 * search/search_index.json (which holds no documents here: hooks/search_index.py), waits for READY,
 * then posts each query (QUERY) and renders the RESULT: groups of items, the page first, then its
 * measures and sections, each with a title and a text in which the matches are in <mark>.
 *
 * Pagefind. pagefind.js (an ES module) is imported from the language's bundle, whose path relative
 * to this file is given as ?bundle=…; in a worker it runs in this thread (it starts a worker of its
 * own only in a page). It loads its entry, metadata and WebAssembly as soon as the worker starts, and
 * READY follows SETUP once they are in; a query loads only the index chunks of its words and the
 * fragments of the results listed: the first FIRST at once, then up to MORE others in a second answer.
 *
 * Chinese. Pagefind cuts a Chinese query with the browser's word segmenter and finds the pages that
 * hold each piece; a result marks the query's Chinese runs whole (公职律师, not 公职) and, when the
 * run begins a dictionary word there (search_index.json: terms and policy titles), the word
 * (公职律 marks 公职律师). Results that hold the run whole come before those that hold its pieces.
 * English. Pagefind stems the index and the query: "decisions" finds "decision".
 */
"use strict"

/* Material's SearchMessageType */
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

/* Results whose text is loaded (a fragment each) for the first answer (Material renders 10 groups at
   first, and a page's measures make one group), and for the second, which lists the rest */
const FIRST = 20
const MORE = 200
const PAUSE = 300                      /* ms between the first answer and the loading of the rest */

const HAN_RUN = /\p{sc=Han}+/gu
const HAN_ONLY = /^\p{sc=Han}+$/u

const params = new URL(self.location.href).searchParams
const bundle = new URL(params.get("bundle") || "../../../pagefind/", self.location.href)

let pagefind
let words = []

/* Pagefind starts at once, while Material fetches search_index.json for SETUP */
const started = import(new URL("pagefind.js", bundle).href).then(async module => {
  await module.options({ basePath: bundle.pathname, baseUrl: "/", excerptLength: 40 })
  await module.init()
  return module
})
let latest = 0
let shown = false                      /* whether Material shows the results of a query */
let latin = []                         /* the other words of the query being answered, lower case */

self.addEventListener("message", async ev => {
  const message = ev.data
  if (message.type === SETUP) {
    words = (message.data.config.words || []).slice().sort((a, b) => b.length - a.length)
    pagefind = await started
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const id = ++latest
    const current = () => id === latest  /* else a newer query is under way: its result will do */
    try {
      await search(message.data, current)
    } catch (err) {
      console.warn(`Search failed: ${message.data}`, err)
      if (current())
        self.postMessage({ type: RESULT, data: { items: [] } })
    }
  }
})

/**
 * Search, and answer Material: first with the best results, then, when there are more, with all of
 * them (up to MORE; Material renders the list again, the first ones in the same order).
 *
 * @param {string} query - Query as typed
 * @param {function(): boolean} current - Whether the query is still the latest
 * @returns {Promise<void>} Done
 */
async function search(query, current) {
  if (!query.trim()) {
    /* Nothing to clear before the first search: Material queries "" at READY, and an answer to it that
       came after the reader's first query was sent would show "no results" for that query */
    if (shown)
      self.postMessage({ type: RESULT, data: { items: [] } })
    shown = false
    return
  }
  const runs = query.match(HAN_RUN) || []
  latin = (query.match(/[\p{L}\p{N}]+/gu) || []).filter(w => !HAN_ONLY.test(w)).map(w => w.toLowerCase())
  const found = await pagefind.search(query)
  const load = results => Promise.all(results.map(async result => ({ ...await result.data(), score: result.score })))
  const first = await load(found.results.slice(0, FIRST))
  if (!current())
    return
  self.postMessage({ type: RESULT, data: grouped(first, runs) })
  shown = true
  /* The rest after a pause (the reader may still be typing, and the page is rendering the first
     answer), a few fragments at a time, so that they do not hold up the page */
  const rest = found.results.slice(FIRST, FIRST + MORE)
  if (!rest.length)
    return
  await new Promise(resolve => setTimeout(resolve, PAUSE))
  const more = []
  for (let i = 0; i < rest.length && current(); i += FIRST)
    more.push(...await load(rest.slice(i, i + FIRST)))
  if (current())
    self.postMessage({ type: RESULT, data: grouped([...first, ...more], runs) })
}

/**
 * Results grouped by page as Material renders them: the page, then its measures and sections.
 *
 * @param {object[]} data - Pagefind's results, loaded, with their scores
 * @param {string[]} runs - The Chinese runs of the query
 * @returns {{items: object[][]}} Material's SearchResult
 */
function grouped(data, runs) {

  const groups = new Map()
  for (const doc of data) {
    const location = (doc.meta.location || doc.url).replace(/^\/+/, "")
    const [path, anchor] = location.split("#")
    const rank = parseFloat(doc.meta.rank || "1") || 1
    if (!groups.has(path))
      groups.set(path, { path, score: 0, page: undefined, title: "", children: [] })
    const group = groups.get(path)
    if (anchor) {                        /* a measure's own record */
      const item = render(location, doc.meta.title, doc.content, doc.excerpt, runs, doc.score)
      group.children.push(item)
      group.title ||= doc.meta.page || ""
      group.score = Math.max(group.score, item.score)
    } else {
      const item = render(path, doc.meta.title, doc.content, doc.excerpt, runs, doc.score * rank)
      group.page = item
      group.score = Math.max(group.score, item.score)
      for (const sub of doc.sub_results || []) {
        const sub_location = sub.url.replace(/^\/+/, "")
        if (sub_location.includes("#") && sub.title !== doc.meta.title)
          group.children.push(render(sub_location, sub.title, "", sub.excerpt, runs, item.score * 0.9))
      }
    }
  }

  const items = [...groups.values()]
    .sort((a, b) => b.score - a.score)
    .map(group => {
      const page = group.page || {
        location: group.path, title: escapeHTML(group.title), text: "", terms: {}, score: group.score
      }
      page.score = group.score
      /* Material shows the children that score as the page does; the rest fold under "more" */
      const children = group.children.map(child => ({ ...child, score: Math.min(child.score, group.score) }))
      children.sort((a, b) => b.score - a.score)
      for (const child of children)
        if (child.location.includes("#m-"))
          child.score = group.score
      return [page, ...children]
    })
  return { items }
}

/**
 * One item of Material's result list.
 *
 * @param {string} location - URL relative to the language's root
 * @param {string} title - Title (text)
 * @param {string} full - The record's whole text (used when short: a measure), or ""
 * @param {string} raw - Pagefind's excerpt (HTML, matches in <mark>)
 * @param {string[]} runs - The Chinese runs of the query
 * @param {number} score - Score
 * @returns {object} SearchItem
 */
function render(location, title, full, raw, runs, score) {
  /* Pagefind writes U+200B between the words it cut Chinese into: not part of the text */
  const content = (full || "").replace(/\u200b/g, "")
  const excerpt = tidyMarks(raw.replace(/\u200b/g, ""))
  let plain = content && content.length <= 400 ? content : unescapeHTML(excerpt.replace(/<\/?mark>/g, ""))
  if (runs.length && content && !runs.some(run => plain.includes(run))) {
    const at = Math.min(...runs.map(run => content.indexOf(run)).filter(i => i >= 0))
    if (Number.isFinite(at))           /* Pagefind's excerpt holds only pieces: one around the run */
      plain = `${at > 30 ? "…" : ""}${content.slice(Math.max(0, at - 30), at + 90)}…`
  }
  let text
  let whole = false
  title = (title || "").replace(/\u200b/g, "")
  if (runs.length) {
    const spans = wholeRuns(plain, runs)
    whole = spans.length > 0
    text = whole ? markSpans(plain, spans) : escapeHTML(plain)
  } else if (plain === content) {
    text = markSpans(plain, englishSpans(plain, excerpt))
  } else {
    text = excerpt
  }
  const titleSpans = runs.length ? wholeRuns(title || "", runs) : []
  const heading = markSpans(title || "", titleSpans)
  if (titleSpans.length) {
    whole = true
    if (!location.includes("#m-"))   /* a page or section titled by the query: first, as lunr's title boost did */
      score *= 20
  }
  const terms = {}
  for (const [, term] of `${heading} ${text}`.matchAll(/<mark>([^<]*)<\/mark>/g))
    terms[unescapeHTML(term)] = true
  return {
    location,
    title: heading,
    text,
    terms,
    score: runs.length && !whole ? score * 0.1 : score
  }
}

/**
 * Pagefind's excerpt with the punctuation around a marked word left outside the mark:
 * <mark>(Chinese):</mark> becomes (<mark>Chinese</mark>):.
 *
 * @param {string} excerpt - Excerpt (HTML)
 * @returns {string} Excerpt (HTML)
 */
function tidyMarks(excerpt) {
  return excerpt.replace(/<mark>([^<]*)<\/mark>/g, (whole, token) => {
    const words = [...token.matchAll(/[\p{L}\p{N}]+/gu)]
    const matching = words.filter(([word]) => isQueryWord(word))
    const marked = matching.length ? matching : words.slice(0, 1)
    let html = ""
    let last = 0
    for (const { 0: word, index } of marked) {
      html += `${token.slice(last, index)}<mark>${word}</mark>`
      last = index + word.length
    }
    return html + token.slice(last)
  })
}

/**
 * Whether a word of a text is one of the query's (other than Chinese) or shares its stem, roughly:
 * the first five letters (Pagefind matched the whole token; "Decision-making" marks "Decision").
 *
 * @param {string} word - Word
 * @returns {boolean} Whether it is
 */
function isQueryWord(word) {
  const lower = word.toLowerCase()
  return latin.some(q => lower === q || (q.length >= 4 && lower.startsWith(q.slice(0, Math.min(5, q.length - 1)))))
}

/**
 * Where the query's Chinese runs stand whole in a text, each extended to the dictionary word it
 * begins there.
 *
 * @param {string} text - Text
 * @param {string[]} runs - Chinese runs
 * @returns {Array<[number, number]>} Spans, sorted, not overlapping
 */
function wholeRuns(text, runs) {
  const spans = []
  for (const run of runs) {
    for (let at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + run.length)) {
      const word = words.find(w => w.length > run.length && w.startsWith(run) && text.startsWith(w, at))
      spans.push([at, at + (word || run).length])
    }
  }
  spans.sort((a, b) => a[0] - b[0])
  return spans.filter((span, i) => i === 0 || span[0] >= spans[i - 1][1])
}

/**
 * The spans of a measure's text that Pagefind marked in its excerpt (English: the words of the
 * query's stem).
 *
 * @param {string} text - The whole text
 * @param {string} excerpt - Pagefind's excerpt of it
 * @returns {Array<[number, number]>} Spans
 */
function englishSpans(text, excerpt) {
  const marked = new Set([...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map(([, w]) => unescapeHTML(w)))
  const spans = []
  for (const word of marked)
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu")))
      spans.push([m.index, m.index + word.length])
  spans.sort((a, b) => a[0] - b[0])
  return spans.filter((span, i) => i === 0 || span[0] >= spans[i - 1][1])
}

/**
 * A text as HTML with the given spans in <mark>.
 *
 * @param {string} text - Text
 * @param {Array<[number, number]>} spans - Spans, sorted, not overlapping
 * @returns {string} HTML
 */
function markSpans(text, spans) {
  let html = ""
  let last = 0
  for (const [start, end] of spans) {
    html += escapeHTML(text.slice(last, start)) + `<mark>${escapeHTML(text.slice(start, end))}</mark>`
    last = end
  }
  return html + escapeHTML(text.slice(last))
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

function unescapeHTML(html) {
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
}
