"""Fills the ``<!-- name -->`` markers of real stub pages with content generated from the catalog.

Stub pages exist in docs/zh and docs/en, so the language switcher, hreflang and sitemap stay right
(mkdocs-static-i18n breaks virtual pages). An unknown marker fails the build rather than vanish.
"""

from __future__ import annotations

import re
from pathlib import Path

import _state
from mkdocs.exceptions import PluginError

from annual_report import render
from annual_report.catalog import sha256
from annual_report.glossary import load_glossary
from report_pages import is_fallback

MARKER = re.compile(r"^<!-- ((?:measures|policies|policy|report|disclosure|glossary)[\w:-]*) -->$", re.M)


def on_page_markdown(markdown, page, config, files):
    if "<!-- " not in markdown:
        return markdown
    catalog = _state.catalog(config)
    src = _state.source_page(page)
    lang = "zh" if is_fallback(page) else _state.language(config)

    def fill(match: re.Match) -> str:
        name = match[1]
        if name in render.SECTIONS:
            return render.SECTIONS[name](catalog, src, lang)
        if name == "glossary":
            return render.glossary(load_glossary(_state.project_root(config) / "data" / "glossary.yml"), lang)
        if name == "disclosure-metadata":
            return render.disclosure_table(page.meta, lang)
        if name in ("report:contents", "report:section-contents"):
            section = page.meta.get("section") if name == "report:section-contents" else None
            return render.report_contents(catalog, page.meta["report"], src, lang, section)
        if name == "report:original":
            # The official file lives beside the Chinese page only.
            folder = Path(_state.source_page(page)).parent
            original = _state.docs_root(config) / _state.DEFAULT_LANGUAGE / folder / page.meta["disclosure"]["original"]
            # From /en/reports/2023/ the file is at ../../../reports/2023/ (it is published once, in Chinese).
            prefix = "../" * page.url.count("/") + folder.as_posix() + "/" if not page.url.startswith(("reports/", "/")) else ""
            return render.original_links(page.meta, sha256(original), lang, prefix + original.name)
        if name == "policy:facts":
            return render.policy_facts(catalog, page.file.name, lang)
        if name == "policy:cited-by":
            return render.policy_cited_by(catalog, page.file.name, src, lang)
        line = markdown.count("\n", 0, match.start()) + 1
        raise PluginError(f"{page.file.src_path}: line {line} of the body has the unknown marker '<!-- {name} -->'\n"
                          f"  How to fix: use one of {', '.join(sorted(render.SECTIONS))}, disclosure-metadata, glossary, "
                          "report:contents, report:section-contents, report:original, policy:facts, policy:cited-by")

    return MARKER.sub(fill, markdown)
