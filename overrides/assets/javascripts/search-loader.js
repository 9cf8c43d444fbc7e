/*
 * What every page runs of the search: nothing is fetched until the reader opens the search box.
 *
 * - Opening: focus or click on the box, the header's search button, or the keys / and s (outside a
 *   text field). The first opening imports the engine (site-search.js, an ES module), which loads
 *   the language's index manifest; each query then loads only the index files of its words.
 * - Closing: Escape, or the overlay (Material's label for the __search toggle).
 * - ?h=: a page opened from a result marks the words the result showed (data-md-highlight, as
 *   Material did), so that the reader sees where the match is.
 */
"use strict";

(() => {
  highlight()

  const dialog = document.querySelector("[data-site-search]")
  const toggle = document.getElementById("__search")
  if (!dialog || !toggle)
    return
  const input = dialog.querySelector("input.md-search__input")
  let engine

  function start() {
    engine ||= import(new URL(dialog.dataset.engine, document.baseURI).href)
      .then(module => module.mount(dialog, new URL(dialog.dataset.index, document.baseURI).href))
      .catch(err => {
        engine = undefined
        console.warn("Search failed to load", err)
      })
    return engine
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true
      toggle.dispatchEvent(new Event("change"))
    }
    start()
  }

  function close() {
    toggle.checked = false
    toggle.dispatchEvent(new Event("change"))
    input.blur()
  }

  input.addEventListener("focus", open)
  input.addEventListener("pointerdown", open)
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== input) {
      start()
      input.focus({ preventScroll: true })
    }
  })
  dialog.addEventListener("keydown", ev => {
    if (ev.key === "Escape") {
      ev.preventDefault()
      close()
    }
  })
  document.addEventListener("keydown", ev => {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.defaultPrevented)
      return
    if ((ev.key === "/" || ev.key === "s" || ev.key === "S") && !editable(ev.target)) {
      ev.preventDefault()
      open()
      input.focus()
      input.select()
    }
  })

  function editable(el) {
    return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
  }

  /* ?h=: the words a result marked, each marked wherever it stands in the article */
  function highlight() {
    const terms = (new URL(location.href).searchParams.get("h") || "").split(/\s+/).filter(Boolean)
    const article = document.querySelector("article.md-content__inner")
    if (!terms.length || !article)
      return
    const escaped = terms.sort((a, b) => b.length - a.length).map(term => {
      const text = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      return /^[\p{L}\p{N}]/u.test(term) && !/\p{sc=Han}/u.test(term)
        ? `(?<![\\p{L}\\p{N}])${text}(?![\\p{L}\\p{N}])` : text
    })
    const pattern = new RegExp(escaped.join("|"), "giu")
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: node => node.parentElement.closest("script, style, .headerlink")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
    })
    const nodes = []
    while (walker.nextNode())
      nodes.push(walker.currentNode)
    for (const node of nodes) {
      const text = node.nodeValue
      pattern.lastIndex = 0
      if (!pattern.test(text))
        continue
      pattern.lastIndex = 0
      const fragment = document.createDocumentFragment()
      let last = 0
      for (const found of text.matchAll(pattern)) {
        fragment.append(text.slice(last, found.index))
        const mark = document.createElement("mark")
        mark.dataset.mdHighlight = ""
        mark.textContent = found[0]
        fragment.append(mark)
        last = found.index + found[0].length
      }
      fragment.append(text.slice(last))
      node.replaceWith(fragment)
    }
  }
})()
