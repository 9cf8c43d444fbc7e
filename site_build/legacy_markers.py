"""Fills the ``<!-- name -->`` markers of real stub pages (temporary adapter to annual_report.render)."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from annual_report import render

from .build import DEFAULT_LANGUAGE, source_page

MARKER = re.compile(r"^<!-- ((?:measures|policies|policy|report|disclosure|glossary)[\w:-]*) -->$", re.M)


def full_report(catalog, report: int, src: str, lang: str) -> str:
    pages = catalog.report_pages.get(report, [])
    home = next((p for p in pages if "disclosure" in p), None)
    if home is None:
        raise PluginError(f"{src}: <!-- report:full --> names report {report}, which has no published report home\n"
                          "  How to fix: set 'report:' to the year of a published report")
    sources = []
    for info in [home] + [p for p in pages if "section" in p]:
        page, body_lang = catalog.sources.get((lang, info["page"])), lang
        if page is None or page.meta.get("translation") == "pending":
            page, body_lang = catalog.sources[(DEFAULT_LANGUAGE, info["page"])], DEFAULT_LANGUAGE
        sources.append((info["page"], page.meta, page.body, body_lang))
    return render.full_report(catalog, report, src, lang, sources[0][1], sources)


def fill_markers(markdown, page, catalog, lang):
    src = source_page(page)

    def fill(match: re.Match) -> str:
        name = match[1]
        if name in render.SECTIONS:
            return render.SECTIONS[name](catalog, src, lang)
        if name == "glossary":
            return render.glossary(catalog.glossary, lang)
        if name == "disclosure-metadata":
            return render.disclosure_table(page.meta, lang)
        if name in ("report:contents", "report:section-contents"):
            section = page.meta.get("section") if name == "report:section-contents" else None
            return render.report_contents(catalog, page.meta["report"], src, lang, section)
        if name == "report:original":
            folder = src.rsplit("/", 1)[0]
            official = catalog.official_files.get(page.meta["report"])
            prefix = "../" * page.url.count("/") + folder + "/" if not page.url.startswith(("reports/", "/")) else ""
            if official is None:
                return render.original_missing(lang)
            return render.original_links(page.meta, official.sha256, lang, prefix + official.name)
        if name == "report:figures-panel":
            return render.figures_panel(catalog, page.meta["report"], src, lang)
        if name == "report:areas-chart":
            return render.areas_chart(catalog, page.meta["report"], src, lang)
        if name == "report:full":
            return full_report(catalog, page.meta["report"], src, lang)
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
