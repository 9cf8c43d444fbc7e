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
from annual_report.frontmatter import split_page
from annual_report.glossary import load_glossary
from report_pages import is_fallback

MARKER = re.compile(r"^<!-- ((?:measures|policies|policy|report|disclosure|glossary)[\w:-]*) -->$", re.M)


def full_report(catalog, report: int, src: str, lang: str, config) -> str:
    """The report's pages read from docs/ in reading order (English where translated), on one page."""
    pages = catalog.report_pages.get(report, [])
    home = next((p for p in pages if "disclosure" in p), None)
    if home is None:
        raise PluginError(f"{src}: <!-- report:full --> names report {report}, which has no published report home\n"
                          "  How to fix: set 'report:' to the year of a published report")
    sources = []
    for info in [home] + [p for p in pages if "section" in p]:
        path = _state.docs_root(config) / lang / info["page"]
        page = split_page(str(path), path.read_text("utf-8")) if path.is_file() else None
        body_lang = lang
        if page is None or page.meta.get("translation") == "pending":  # not translated: the Chinese text
            path, body_lang = _state.docs_root(config) / _state.DEFAULT_LANGUAGE / info["page"], _state.DEFAULT_LANGUAGE
            page = split_page(str(path), path.read_text("utf-8"))
        sources.append((info["page"], page.meta, page.body, body_lang))
    return render.full_report(catalog, report, src, lang, sources[0][1], sources)


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
            if not original.is_file():  # a draft without its official text yet (a published report has it)
                return render.original_missing(lang)
            return render.original_links(page.meta, sha256(original), lang, prefix + original.name)
        if name == "report:figures-panel":
            return render.figures_panel(catalog, page.meta["report"], src, lang)
        if name == "report:areas-chart":
            return render.areas_chart(catalog, page.meta["report"], src, lang)
        if name == "report:full":
            return full_report(catalog, page.meta["report"], src, lang, config)
        if name == "policy:facts":
            return render.policy_facts(catalog, page.file.name, lang)
        if name == "policy:cited-by":
            return render.policy_cited_by(catalog, page.file.name, src, lang)
        line = markdown.count("\n", 0, match.start()) + 1
        raise PluginError(f"{page.file.src_path}: line {line} of the body has the unknown marker '<!-- {name} -->'\n"
                          f"  How to fix: use one of {', '.join(sorted(render.SECTIONS))}, disclosure-metadata, glossary, "
                          "report:contents, report:section-contents, report:original, report:figures-panel, report:areas-chart, "
                          "report:full, policy:facts, policy:cited-by")

    return MARKER.sub(fill, markdown)
