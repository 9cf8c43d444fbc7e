/*
 * The site's search worker: Material for MkDocs' own worker, with the reader's query prepared first.
 *
 * Chinese. Material appends * to every query word and cuts a Chinese query by the words of the
 * index, but its cut never lets a word end at the last character of the query and then keeps the
 * shortest prefix it found: 公职律师 was searched, and highlighted, as 公职
 * (squidfunk/mkdocs-material#3990). Here the query is cut first, by the words jieba cut the text
 * into at build time (with the site's dictionary of terms and policy titles), longest word first,
 * and Material's own cut is switched off.
 *
 * English. lunr does not stem a query word that ends in *, and Material adds * to every word, so
 * the English index is not stemmed (a stemmed index never matches "Chinese*": it holds "chines").
 * Here a word is searched together with the words of the index that have the same stem, so
 * "decisions" finds "decision" and "lawyers" finds "lawyer", and the page a result opens
 * highlights whole words.
 *
 * Loaded as site-search.js?material=<Material's worker file>, from the folder of Material's worker,
 * so that the language files Material's worker loads (../lunr/min/…) are found as before.
 */
"use strict"

/* Material's SearchMessageType.QUERY */
const QUERY = 2

const HAN_RUN = /\p{sc=Han}+/gu
const ONLY_HAN = /^\p{sc=Han}+$/u
const LATIN_WORD = /^[A-Za-z]{4,}$/

/* The Chinese words of the index, sorted, and the length of the longest */
let words = []
let known = new Set()
let longest = 1

/* The English words of the index, and the same by stem (made at the first English query) */
let latin = []
let stems

/* Listen before Material's worker: it gets the same message object, with the prepared query. */
self.addEventListener("message", ev => {
  const message = ev.data
  if (message && message.type === QUERY && typeof message.data === "string")
    message.data = prepare(message.data)
})

const material = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
  throw new Error(`site-search.js: not Material's search worker: ${material}`)
importScripts(material)

/* Learn the words of the index when Material builds it; answer "not a word" to Material's cut. */
const build = lunr.Builder.prototype.build
lunr.Builder.prototype.build = function () {
  const index = build.call(this)
  words = Object.keys(index.invertedIndex).filter(word => ONLY_HAN.test(word)).sort()
  known = new Set(words)
  longest = words.reduce((max, word) => Math.max(max, word.length), 1)
  latin = Object.keys(index.invertedIndex).filter(word => /^[a-z]{3,}$/.test(word))
  stems = undefined

  /* Material's cut asks `part in invertedIndex`; lunr itself only reads terms by key. */
  index.invertedIndex = new Proxy(index.invertedIndex, {
    has: (target, key) => typeof key === "string" && ONLY_HAN.test(key) ? false : key in target
  })
  return index
}

/**
 * The query with each Chinese run cut into words, and each English word followed by the words of the
 * index that have its stem.
 *
 * @param {string} query - Query as typed
 * @returns {string} Query for Material's search
 */
function prepare(query) {
  return query
    .replace(HAN_RUN, (run, at, whole) => [
      at > 0 && !/[\s+\-"]/.test(whole[at - 1]) ? " " : "",  /* 60.82万元: 60.82 万元 */
      cut(run).join(" "),
      at + run.length < whole.length && !/[\s"]/.test(whole[at + run.length]) ? " " : ""
    ].join(""))
    .split(/(\s+)/)
    .map(part => LATIN_WORD.test(part) ? withStem(part) : part)
    .join("")
}

/**
 * Cut a run of Chinese characters into words of the index.
 *
 * The rest of the run is kept whole when a word of the index begins with it (the reader may still
 * be typing: 公职律 finds 公职律师); otherwise the longest word of two or more characters is taken;
 * characters that begin no such word stay together, and then find what begins with them.
 *
 * @param {string} run - Chinese characters
 * @returns {string[]} Words
 */
function cut(run) {
  const result = []
  let unknown = ""
  for (let i = 0; i < run.length;) {
    const rest = run.slice(i)
    if ((i === 0 || rest.length > 1) && beginsWord(rest)) {
      if (unknown) result.push(unknown)
      return [...result, rest]
    }
    let j = Math.min(run.length, i + longest)
    while (j > i + 1 && !known.has(run.slice(i, j)))
      j--
    if (j > i + 1) {
      if (unknown) result.push(unknown)
      unknown = ""
      result.push(run.slice(i, j))
      i = j
    } else {
      unknown += run[i++]
    }
  }
  if (unknown) result.push(unknown)
  return result
}

/**
 * Whether a word of the index begins with the given characters.
 *
 * @param {string} part - Characters
 * @returns {boolean} Whether a word begins with them
 */
function beginsWord(part) {
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (words[mid] < part) lo = mid + 1
    else hi = mid
  }
  return lo < words.length && words[lo].startsWith(part)
}

/**
 * An English word and the words of the index that have its stem.
 *
 * @param {string} word - English word
 * @returns {string} The words, the one typed first
 */
function withStem(word) {
  const lower = word.toLowerCase()
  const same = (stems ||= byStem()).get(stem(lower)) || []
  return [word, ...same.filter(other => other !== lower)].join(" ")
}

/**
 * The English words of the index by their stem.
 *
 * @returns {Map<string, string[]>} Words by stem
 */
function byStem() {
  const map = new Map()
  for (const word of latin) {
    const key = stem(word)
    map.set(key, [...map.get(key) || [], word])
  }
  return map
}

/**
 * The stem of an English word (lunr's Porter stemmer).
 *
 * @param {string} word - Lower-case word
 * @returns {string} Stem
 */
function stem(word) {
  return lunr.stemmer(new lunr.Token(word)).toString()
}
