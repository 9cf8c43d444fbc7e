"""Shows the glossary definition of a term where it first appears in a report page (a tooltip).

Works on the rendered HTML, so that no link, tag or attribute is touched; the official characters
stay as they are, only wrapped in <abbr>. The definition is marked as added by this site.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString

import _state
from report_pages import is_fallback

from annual_report.glossary import find_terms, load_glossary

SKIP_INSIDE = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "script", "style", "table"}
ADDED = {"zh": "释义（本站添加）：", "en": "Definition (added by this site): "}
terms = []


def on_config(config):
    terms[:] = load_glossary(_state.project_root(config) / "data" / "glossary.yml")


def inside_skipped(node) -> bool:
    for parent in node.parents:
        if parent.name in SKIP_INSIDE or "site-added" in (parent.get("class") or []) or "admonition" in (parent.get("class") or []):
            return True
    return False


def on_page_content(html, page, config, files):
    if not _state.source_page(page).startswith("reports/") or "section" not in page.meta:
        return html
    lang = "zh" if is_fallback(page) else _state.language(config)
    soup = BeautifulSoup(html, "html.parser")
    seen: set[str] = set()
    for text in list(soup.find_all(string=True)):
        if not isinstance(text, NavigableString) or not text.strip() or inside_skipped(text):
            continue
        found = find_terms(str(text), terms, lang, skip=seen)
        if not found:
            continue
        pieces, at = [], 0
        for start, end, term in found:
            seen.add(term.id)
            pieces.append(NavigableString(text[at:start]))
            abbr = soup.new_tag("abbr", attrs={"class": "glossary-term", "tabindex": "0",
                                               "title": ADDED[lang] + term.definition(lang)})
            abbr.string = text[start:end]
            pieces.append(abbr)
            at = end
        pieces.append(NavigableString(text[at:]))
        text.replace_with(*pieces)
    return str(soup)
