"""The glossary: terms a member of the public may not know, and where they stand in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from .datafiles import load_yaml
from .errors import ContentError
from .rendering.templates import render


@dataclass(frozen=True)
class Term:
    id: str
    term: str  # as written in the report text
    en: str  # the English rendering used in the translation
    definition_zh: str
    definition_en: str

    def form(self, lang: str) -> str:
        return self.term if lang == "zh" else self.en

    def definition(self, lang: str) -> str:
        return self.definition_zh if lang == "zh" else self.definition_en


def load_glossary(path: Path) -> list[Term]:
    rows = load_yaml(path) or []
    terms, seen = [], set()
    for i, row in enumerate(rows, 1):
        try:
            term = Term(**row)
        except TypeError as err:
            raise ContentError(str(path), None, f"glossary entry {i} ({row.get('term', '?')}) is malformed: {err}",
                               "each entry has exactly: id, term, en, definition_zh, definition_en") from None
        if term.id in seen:
            raise ContentError(str(path), None, f"glossary id '{term.id}' is used twice", "give each entry its own id")
        seen.add(term.id)
        terms.append(term)
    return terms


def find_terms(text: str, terms: list[Term], lang: str, skip: set[str] = frozenset()) -> list[tuple[int, int, Term]]:
    """Non-overlapping occurrences of the terms in ``text``, longest term first at each place.

    English forms match case-insensitively; terms whose id is in ``skip`` are not returned, but still
    claim their place: 律师 inside 公职律师 is not an occurrence of 律师.
    """
    haystack = text if lang == "zh" else text.lower()
    taken: list[tuple[int, int, Term]] = []
    claimed: list[tuple[int, int]] = []  # every occurrence of a longer term, returned or not
    for t in sorted(terms, key=lambda t: -len(t.form(lang))):
        needle = t.form(lang) if lang == "zh" else t.form(lang).lower()
        if not needle:
            continue
        free: list[tuple[int, int]] = []
        start = haystack.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(s < end and start < e for s, e in claimed):
                free.append((start, end))
            start = haystack.find(needle, start + 1)
        if free and t.id not in skip:
            taken.append((*free[0], t))  # the first free occurrence is enough
        claimed.extend(free)
    return sorted(taken, key=lambda x: x[0])


# Where a definition is never shown: inside links, code, headings, tables, other terms, and what the
# site added (class site-added, admonitions).
SKIP_ELEMENTS = frozenset({"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "script", "style", "table"})
SKIP_CLASSES = frozenset({"site-added", "admonition"})
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                           "track", "wbr"})
_TOKEN = re.compile(r"<!--.*?-->|<[!?][^>]*>|</?([a-zA-Z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|[^<]+|<", re.S)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def annotate_html(html: str, terms: list[Term], lang: str, label: str) -> str:
    """The HTML of a page's content with each term's first occurrence in running text wrapped in
    <abbr class="glossary-term" title="label + definition">, and nothing else changed.

    A small tokenizer (comments, tags, text) with a stack of open elements: the content comes from
    Python-Markdown, whose tags are well formed. A text run is unescaped to be searched, and only a run
    that holds a term is written anew (escaped again), so every other byte of the page stays as it was.
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (element, skipped: it or an ancestor is a place for no definition)
    seen: set[str] = set()
    for token in _TOKEN.finditer(html):
        text, name = token.group(0), token.group(1)
        if name is not None:
            name = name.lower()
            if text.startswith("</"):
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == name:
                        del stack[depth:]
                        break
            elif name not in VOID_ELEMENTS and not text.endswith("/>"):
                found = _CLASS.search(text)
                classes = set(next(c for c in found.groups() if c is not None).split()) if found else set()
                skipped = (stack and stack[-1][1]) or name in SKIP_ELEMENTS or bool(classes & SKIP_CLASSES)
                stack.append((name, bool(skipped)))
            out.append(text)
        elif text.startswith("<") and len(text) > 1 or (stack and stack[-1][1]) or not text.strip():
            out.append(text)
        else:
            out.append(_wrap_terms(text, terms, lang, label, seen))
    return "".join(out)


def _wrap_terms(text: str, terms: list[Term], lang: str, label: str, seen: set[str]) -> str:
    plain = unescape(text)
    found = find_terms(plain, terms, lang, skip=seen)
    if not found:
        return text
    pieces, at = [], 0
    for start, end, term in found:
        seen.add(term.id)
        pieces.append(escape(plain[at:start], quote=False))
        pieces.append(render("glossary_term.html", title=label + term.definition(lang), term=plain[start:end]))
        at = end
    pieces.append(escape(plain[at:], quote=False))
    return "".join(pieces)
