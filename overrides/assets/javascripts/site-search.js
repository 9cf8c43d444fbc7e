/*
 * The site's search engine and result list (an ES module, imported by search-loader.js when the
 * reader first opens the search).
 *
 * The index (annual_report/search.py writes it; read that file's docstring first) holds, for every
 * record (a measure, a policy, a section of a page), the positions of its tokens: pairs of adjacent
 * Chinese characters, and other words in lower case without plural endings. A query is cut the same
 * way (tokens() and stem() repeat the Python; tests/browser/test_search.py checks that they agree).
 * A record is a literal match when the query's tokens stand in it at the query's own distances (a
 * last word still being typed, of three letters or more, stands for the words it begins); a
 * partial one when it holds at least half of them, and two or more. Literal matches come first;
 * within each: the glossary last, a match in the title first (one that begins the title before
 * others), measures and policies before pages, then more occurrences, then the newer report.
 */

const TOKEN = /(\p{sc=Han})|((?:(?!\p{sc=Han})[\p{L}\p{N}])+)/gu
const PAGE = 10                      /* results shown at a time */
const TYPING = 3                     /* letters of a last word from which it is also taken as a prefix */
const EXPANSIONS = 30                /* words a prefix stands for, at most */
const MEASURE = "measure"            /* the facet of every measure kind */
const SENTENCE = /[。！？；!?;]|\.(?=\s)/u

/**
 * The index's form of a word (annual_report.search.stem).
 * @param {string} word
 * @returns {string}
 */
export function stem(word) {
  word = word.normalize("NFKC").toLowerCase()
  if ([...word].length <= 3 || !/^\p{L}+$/u.test(word))
    return word
  if (word.endsWith("ies") && word.length > 4)
    return word.slice(0, -3) + "y"
  if (word.endsWith("sses"))
    return word.slice(0, -2)
  if (/(ches|shes|xes|zes)$/.test(word))
    return word.slice(0, -2)
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word))
    return word.slice(0, -1)
  return word
}

/**
 * The tokens of a text, with their positions and where they stand (annual_report.search.tokens):
 * a query gives a single Chinese character only where it stands alone.
 * @param {string} text
 * @param {number} start - First position
 * @param {boolean} query - Whether the text is a query
 * @returns {Array<{token: string, pos: number, from: number, to: number}>}
 */
export function tokens(text, start = 0, query = false) {
  const out = []
  let pos = start
  let previous = null
  let alone = null
  for (const found of text.matchAll(TOKEN)) {
    const [whole, han, word] = found
    const to = found.index + whole.length
    if (han) {
      const joined = previous !== null && previous.to === found.index
      if (joined) {
        out.push({ token: previous.char + han, pos: pos - 1, from: previous.from, to })
        alone = null
      } else if (query && alone) {
        out.push(alone)
      }
      if (!query)
        out.push({ token: han, pos, from: found.index, to })
      alone = joined ? null : { token: han, pos, from: found.index, to }
      previous = { char: han, from: found.index, to }
    } else {
      if (query && alone)
        out.push(alone)
      alone = null
      out.push({ token: stem(word), pos, from: found.index, to })
      previous = null
    }
    pos += 1
  }
  if (query && alone)
    out.push(alone)
  return out
}

/* 32-bit FNV-1a of the token's UTF-8 (annual_report.search.fnv1a) */
function fnv1a(token) {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(token))
    h = Math.imul(h ^ byte, 0x01000193) >>> 0
  return h
}

/**
 * A language's index, loaded piece by piece.
 */
class Index {
  constructor(base, manifest) {
    this.base = base
    this.manifest = manifest
    this.buckets = new Map()
    this.shards = new Map()
  }

  static async open(base) {
    const response = await fetch(new URL("manifest.json", base))
    if (!response.ok)
      throw new Error(`search index: ${response.status}`)
    return new Index(base, await response.json())
  }

  /* token → Map(record → positions) */
  async postings(token) {
    const b = fnv1a(token) % this.manifest.buckets
    if (!this.buckets.has(b))
      this.buckets.set(b, fetch(new URL(`t/${b}.txt`, this.base)).then(r => r.text()).then(parseBucket))
    const bucket = await this.buckets.get(b)
    const line = bucket.get(token)
    if (line === undefined)
      return new Map()
    if (typeof line === "string")
      bucket.set(token, parsePostings(line))
    return bucket.get(token)
  }

  /* The words other than Chinese that begin with a prefix (search/words.txt, loaded once) */
  async completions(prefix) {
    this.words ||= fetch(new URL("words.txt", this.base)).then(r => r.text()).then(t => t.split("\n").filter(Boolean))
    const words = await this.words
    let lo = 0, hi = words.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (words[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    const out = []
    for (let i = lo; i < words.length && words[i].startsWith(prefix) && out.length < EXPANSIONS; i++)
      out.push(words[i])
    return out
  }

  async record(n) {
    const s = Math.floor(n / this.manifest.shard)
    if (!this.shards.has(s))
      this.shards.set(s, fetch(new URL(`r/${s}.json`, this.base)).then(r => r.json()))
    return (await this.shards.get(s))[n % this.manifest.shard]
  }

  /* The postings of several tokens as one: record → positions of any of them */
  async union(alts) {
    if (alts.length === 1)
      return this.postings(alts[0])
    const out = new Map()
    for (const list of await Promise.all(alts.map(t => this.postings(t))))
      for (const [n, positions] of list)
        out.set(n, [...(out.get(n) || []), ...positions].sort((a, b) => a - b))
    return out
  }

  /* kind, year and area of a record: those of the run (manifest.groups) it is in */
  facets(n) {
    const groups = this.manifest.groups
    let lo = 0, hi = groups.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (groups[mid][0] <= n) lo = mid
      else hi = mid - 1
    }
    const [, kind, year, area] = groups[lo]
    return { kind: this.manifest.kinds[kind][0], year, area: this.manifest.areas[area][0] }
  }

  /**
   * Every record that holds the query: literal matches, then partial ones, ranked.
   * @param {string} query
   * @returns {Promise<{terms: object[], hits: object[]}>}
   */
  async search(query) {
    const terms = tokens(query, 0, true).map(t => ({ ...t, alts: [t.token] }))
    if (!terms.length)
      return { terms, hits: [] }
    /* A last word still being typed (no space after it) also stands for the words it begins */
    const last = terms[terms.length - 1]
    const typing = /[\p{L}]$/u.test(query) && !/\p{sc=Han}/u.test(last.token) && /^\p{L}/u.test(last.token)
      && [...last.token].length >= TYPING
    if (typing) {
      last.alts = [...new Set([last.token, ...await this.completions(last.token)])]
      last.token = `${last.token}*`
    }
    const distinct = [...new Set(terms.map(t => t.token))]
    const lists = new Map(await Promise.all(distinct.map(async t => {
      const term = terms.find(q => q.token === t)
      return [t, await this.union(term.alts)]
    })))
    const exactLast = typing ? await this.postings(last.alts[0]) : null
    const first = terms[0]
    const titleAt = this.manifest.title_at
    const measureKinds = new Set(this.manifest.measure_kinds)
    const held = new Map()
    for (const [token, list] of lists)
      for (const n of list.keys())
        held.set(n, (held.get(n) || 0) + 1)
    const hits = []
    for (const [n, count] of held) {
      let freq = 0, title = false, titleStart = false, exact = !typing
      if (count === distinct.length) {
        const sets = new Map()
        for (const p of lists.get(first.token).get(n)) {
          const at = p - first.pos
          if (terms.every(t => {
            const positions = lists.get(t.token).get(n)
            if (!sets.has(t.token))
              sets.set(t.token, new Set(positions))
            return sets.get(t.token).has(at + t.pos)
          })) {
            freq += 1
            title ||= at >= titleAt
            titleStart ||= at === titleAt
            exact ||= (exactLast.get(n) || []).includes(at + last.pos)
          }
        }
      }
      const coverage = count / distinct.length
      if (!freq && (coverage < 0.5 || count < 2))  /* a partial match holds at least two of the pieces */
        continue
      const facets = this.facets(n)
      hits.push({
        n, ...facets, literal: freq > 0, title, titleStart, exact, freq, coverage,
        measure: measureKinds.has(facets.kind)
      })
    }
    hits.sort((a, b) =>
      (b.literal - a.literal) || ((a.kind === "glossary") - (b.kind === "glossary")) || (b.exact - a.exact)
      || (b.title - a.title) || (b.titleStart - a.titleStart)
      || ((b.measure || b.kind === "policy") - (a.measure || a.kind === "policy")) || (b.coverage - a.coverage)
      || (b.freq - a.freq) || (b.year - a.year) || (a.n - b.n))
    return { terms, hits }
  }
}

function parseBucket(text) {
  const bucket = new Map()
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t")
    if (tab > 0)
      bucket.set(line.slice(0, tab), line.slice(tab + 1))
  }
  return bucket
}

function parsePostings(line) {
  const out = new Map()
  let n = 0
  for (const entry of line.split(";")) {
    const [record, positions] = entry.split(":")
    n += parseInt(record, 36)
    let p = 0
    out.set(n, positions.split(",").map(d => (p += parseInt(d, 36))))
  }
  return out
}

/**
 * Where a text holds the query: its literal occurrences, or (none) the query's tokens one by one;
 * a literal occurrence that begins a dictionary word is marked to the word's end (公职律 → 公职律师).
 * @returns {{spans: Array<[number, number]>, literal: boolean}}
 */
export function matches(text, terms, words = []) {
  const found = tokens(text)
  const at = new Map()
  for (const t of found)
    at.set(`${t.pos} ${t.token}`, t)
  const alts = terms.map(q => q.alts || [q.token])
  const spans = []
  for (const t of found) {
    if (!alts[0].includes(t.token))
      continue
    const start = t.pos - terms[0].pos
    const parts = terms.map((q, i) => alts[i].map(a => at.get(`${start + q.pos} ${a}`)).find(Boolean))
    if (parts.every(Boolean)) {
      let to = Math.max(...parts.map(p => p.to))
      const from = Math.min(...parts.map(p => p.from))
      const word = words.find(w => w.length > to - from && text.startsWith(w, from) && w.startsWith(text.slice(from, to)))
      if (word)
        to = from + word.length
      spans.push([from, to])
    }
  }
  if (spans.length)
    return { spans: merge(spans), literal: true }
  const wanted = new Set(alts.flat())
  return { spans: merge(found.filter(t => wanted.has(t.token)).map(t => [t.from, t.to])), literal: false }
}

function merge(spans) {
  spans.sort((a, b) => a[0] - b[0])
  const out = []
  for (const span of spans)
    if (out.length && span[0] <= out[out.length - 1][1])
      out[out.length - 1][1] = Math.max(out[out.length - 1][1], span[1])
    else
      out.push([...span])
  return out
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

/* A text as HTML with the spans in <mark>; the pieces of a partial match in <b> (they are not the query) */
function marked(text, spans, tag = "mark") {
  let html = ""
  let last = 0
  for (const [from, to] of spans) {
    html += escapeHTML(text.slice(last, from)) + `<${tag}>${escapeHTML(text.slice(from, to))}</${tag}>`
    last = to
  }
  return html + escapeHTML(text.slice(last))
}

/* The sentence around the first span, cut to a readable length; its spans shifted */
export function excerpt(text, spans, before = 40, after = 100) {
  if (!spans.length)
    return { text: text.length > before + after ? text.slice(0, before + after) + "…" : text, spans: [] }
  const [from] = spans[0]
  let start = 0
  for (const found of text.slice(0, from).matchAll(new RegExp(SENTENCE, "gu")))
    start = found.index + found[0].length
  let end = text.length
  const next = text.slice(spans[0][1]).search(SENTENCE)
  if (next >= 0)
    end = spans[0][1] + next + 1
  start = Math.max(start, from - before)
  end = Math.min(end, Math.max(spans[0][1], from + after))
  while (start > 0 && start < from && /\s/.test(text[start])) start++
  const cut = text.slice(start, end).trim()
  const offset = text.indexOf(cut, start)
  return {
    text: `${start > 0 ? "…" : ""}${cut}${end < text.length && !/[。！？；!?;.]$/u.test(cut) ? "…" : ""}`,
    spans: spans.filter(([a, b]) => a >= offset && b <= offset + cut.length)
      .map(([a, b]) => [a - offset + (start > 0 ? 1 : 0), b - offset + (start > 0 ? 1 : 0)])
  }
}

const indexes = new Map()

/**
 * The index of a language, opened once per page.
 * @param {string} base - URL of the language's search/ folder
 * @returns {Promise<Index>}
 */
export function open(base) {
  if (!indexes.has(base))
    indexes.set(base, Index.open(base))
  return indexes.get(base)
}

/**
 * A result as shown: title, the line under it, the excerpt, the link (with ?h=).
 */
export async function present(index, hit, terms) {
  const record = await index.record(hit.n)
  const words = index.manifest.words
  const title = matches(record.t, terms, words)
  const inText = matches(record.x, terms, words)
  const cut = excerpt(record.x, inText.spans)
  const shown = [...new Set([...title.spans, ...inText.spans].length
    ? [...title.spans.map(([a, b]) => record.t.slice(a, b)), ...inText.spans.map(([a, b]) => record.x.slice(a, b))]
    : [])]
  const url = new URL(record.u, new URL("../", index.base))
  if (shown.length)
    url.searchParams.set("h", shown.join(" "))
  const labels = Object.fromEntries(index.manifest.kinds)
  const areas = Object.fromEntries(index.manifest.areas)
  const context = [labels[hit.kind], hit.year || "", hit.area ? areas[hit.area] : "", record.c || ""].filter(Boolean)
  return {
    href: url.pathname + url.search + url.hash,
    title: marked(record.t, title.spans, title.literal ? "mark" : "b"),
    context: context.join(" · "),
    note: record.n || "",
    text: inText.spans.length || !record.n ? marked(cut.text, cut.spans, inText.literal ? "mark" : "b") : "",
    literal: hit.literal,
    marks: shown
  }
}

/**
 * The result list of the search box (overrides/partials/search.html), driven by the index.
 * @param {HTMLElement} dialog
 * @param {string} base - URL of the language's search/ folder
 */
export async function mount(dialog, base) {
  const input = dialog.querySelector("input.md-search__input")
  const form = dialog.querySelector("form")
  const status = dialog.querySelector(".md-search-result__meta")
  const list = dialog.querySelector(".md-search-result__list")
  const facetBox = dialog.querySelector(".site-search__facets")
  const initial = status.textContent
  let index
  try {
    index = await open(base)
  } catch (err) {
    status.textContent = "…"
    throw err
  }
  const ui = index.manifest.ui
  let latest = 0
  let current = { terms: [], hits: [] }
  let filter = { kind: null, year: null, area: null }
  let shown = 0

  async function run() {
    const id = ++latest
    const query = input.value.trim()
    if (!query) {
      current = { terms: [], hits: [] }
      list.replaceChildren()
      facetBox.hidden = true
      status.textContent = initial
      return
    }
    const result = await index.search(query)
    if (id !== latest)
      return
    current = result
    filter = { kind: null, year: null, area: null }
    await render(id)
  }

  function visible() {
    return current.hits.filter(h => (!filter.kind || h.kind === filter.kind || (filter.kind === MEASURE && h.measure))
      && (!filter.year || h.year === filter.year)
      && (!filter.area || h.area === filter.area))
  }

  async function render(id) {
    const hits = visible()
    shown = 0
    const items = await Promise.all(hits.slice(0, PAGE).map(h => present(index, h, current.terms)))
    if (id !== latest)
      return
    list.replaceChildren(...items.map(item))
    shown = items.length
    more(hits)
    facets()
    status.textContent = summary()
  }

  function summary() {
    if (!current.terms.length)
      return ui.short
    const literal = current.hits.filter(h => h.literal)
    if (!current.hits.length)
      return ui.none
    const measures = literal.filter(h => h.measure).length
    const parts = [ui.literal.replace("{n}", literal.length).replace("{measures}", measures)
      .replace("{others}", literal.length - measures)]
    const partial = current.hits.length - literal.length
    if (partial)
      parts.push(ui.partial.replace("{n}", partial))
    return parts.join(index.manifest.lang === "zh" ? "；" : "; ")
  }

  function item(result) {
    const li = document.createElement("li")
    li.className = "md-search-result__item"
    li.innerHTML = `<a href="${escapeHTML(result.href)}" class="md-search-result__link">`
      + `<article class="md-search-result__article md-typeset">`
      + `<h2>${result.title}</h2>`
      + `<p class="site-search__context">${escapeHTML(result.context)}${result.literal ? "" : ` · ${escapeHTML(ui.in_part)}`}</p>`
      + (result.note ? `<p class="site-search__note">${escapeHTML(result.note)}</p>` : "")
      + (result.text ? `<p>${result.text}</p>` : "")
      + `</article></a>`
    return li
  }

  function more(hits) {
    const left = hits.length - shown
    if (left <= 0)
      return
    const li = document.createElement("li")
    li.className = "md-search-result__item site-search__more"
    const button = document.createElement("button")
    button.type = "button"
    button.className = "md-button"
    button.textContent = ui.more.replace("{n}", left)
    button.addEventListener("click", async () => {
      const id = latest
      const next = await Promise.all(hits.slice(shown, shown + PAGE).map(h => present(index, h, current.terms)))
      if (id !== latest)
        return
      li.remove()
      const added = next.map(item)
      list.append(...added)
      shown += next.length
      more(hits)
      added[0]?.querySelector("a").focus()
    })
    li.append(button)
    list.append(li)
  }

  function facets() {
    const rows = [["kind", index.manifest.kinds], ["year", null], ["area", index.manifest.areas]]
    facetBox.replaceChildren()
    facetBox.setAttribute("role", "group")
    facetBox.setAttribute("aria-label", ui.facets)
    let any = false
    for (const [name, labels] of rows) {
      const counts = new Map()
      for (const h of current.hits)
        if (h[name])
          counts.set(h[name], (counts.get(h[name]) || 0) + 1)
      if (counts.size < 2 && !filter[name])
        continue
      any = true
      const names = labels ? Object.fromEntries(labels) : {}
      const order = labels ? labels.map(([k]) => k) : [...counts.keys()].sort((a, b) => b - a)
      /* All measures, whatever their kind, before the kinds one by one */
      const measures = name === "kind" ? current.hits.filter(h => h.measure).length : 0
      if (measures && measures < current.hits.length) {
        counts.set(MEASURE, measures)
        names[MEASURE] = ui.measures
        order.unshift(MEASURE)
      }
      const row = document.createElement("div")
      row.className = "site-search__facet"
      row.setAttribute("role", "group")
      row.setAttribute("aria-label", ui[name])
      const label = document.createElement("span")
      label.className = "site-search__facet-name"
      label.textContent = ui[name]
      label.setAttribute("aria-hidden", "true")
      row.append(label)
      for (const value of order.filter(v => counts.has(v))) {
        const button = document.createElement("button")
        button.type = "button"
        button.className = "site-search__chip"
        button.setAttribute("aria-pressed", String(filter[name] === value))
        button.textContent = `${names[value] || value} (${counts.get(value)})`
        button.addEventListener("click", () => {
          filter[name] = filter[name] === value ? null : value
          render(latest).then(() => facetBox.querySelector(`[data-facet="${name}:${value}"]`)?.focus())
        })
        button.dataset.facet = `${name}:${value}`
        row.append(button)
      }
      facetBox.append(row)
    }
    facetBox.hidden = !any
  }

  /* Keyboard: ↓ from the box to the results, ↑ ↓ between them, Enter opens the first */
  input.addEventListener("input", run)
  form.addEventListener("submit", ev => {
    ev.preventDefault()
    list.querySelector("a")?.click()
  })
  form.addEventListener("reset", () => setTimeout(run))
  dialog.addEventListener("keydown", ev => {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp")
      return
    const links = [...list.querySelectorAll("a, button")]
    const at = links.indexOf(document.activeElement)
    if (document.activeElement === input && ev.key === "ArrowDown" && links.length) {
      links[0].focus()
    } else if (at >= 0) {
      const next = at + (ev.key === "ArrowDown" ? 1 : -1)
      if (next < 0)
        input.focus()
      else if (next < links.length)
        links[next].focus()
    } else {
      return
    }
    ev.preventDefault()
  })
  if (input.value.trim())
    await run()
  return { index, run }
}
