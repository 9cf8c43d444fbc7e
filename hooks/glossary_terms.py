"""Shows the glossary definition of a term where it first appears in a report page (a tooltip).

Works on the rendered HTML (annual_report.glossary.annotate_html), so that no link, tag or attribute
is touched; the official characters stay as they are, only wrapped in <abbr>. The definition is
marked as added by this site. Not in links, code, headings, tables or what the site added.
"""

from __future__ import annotations

import _state
from mkdocs.exceptions import PluginError
from report_pages import is_fallback

from annual_report.errors import ContentError
from annual_report.glossary import annotate_html, load_glossary
from annual_report.rendering.glossary import definition_label

terms = []


def on_config(config):
    try:
        terms[:] = load_glossary(_state.project_root(config) / "data" / "glossary.yml")
    except ContentError as err:
        raise PluginError(str(err)) from None


def on_page_content(html, page, config, files):
    if not _state.source_page(page).startswith("reports/") or "section" not in page.meta:
        return html
    lang = "zh" if is_fallback(page) else _state.language(config)
    return annotate_html(html, terms, lang, definition_label(_state.catalog(config), lang))
