"""A report home's generated sections: the disclosure table, the contents, the official file, the
figures panel and the areas chart; and the whole report on one page.

Raw HTML blocks are not rewritten by MkDocs, so their links are computed here from the pages' built
URLs (``site_href``).
"""

from __future__ import annotations

import itertools
import posixpath
import re

from markupsafe import Markup

from ..errors import ContentError
from ..links import href
from ..model import Catalog
from ..structure import MEASURED_KINDS
from .context import PageContext
from .markdown import cell, relink, site_href
from .measures import AREAS_PAGE, annotate_report_page, area_name, kind_title, measure_page
from .strings import Strings
from .templates import render

DISCLOSURE_FIELDS = ["issuer", "written", "published", "doc_number", "index_number", "topic", "reviewer"]

# English glosses of the units in the text (this site's translation; the figure itself stays as written).
UNITS_EN = {"万元": "10,000 yuan", "万辆": "10,000 vehicles", "件次": "items", "学时": "class hours",
            "小时": "hours", "项": "items", "次": "times", "名": "persons", "辆": "vehicles", "元": "yuan",
            "人": "persons", "家": "businesses", "起": "cases", "条": "items", "公里": "km"}

# The qualifiers of a figure in English (this site's translation): 约37件次 is "about 37 items".
QUALIFIERS_EN = {"约": "about", "近": "nearly", "逾": "over", "超过": "more than", "至少": "at least",
                 "不少于": "at least", "不低于": "at least", "不超过": "at most",
                 "余": "more than", "多": "more than", "以上": "or more", "以下": "or less", "以内": "or less"}

# The report home's official text: its opening (title lines, addressee, preamble), as pages.py reads it.
OPENING_BLOCK = re.compile(r'^<div class="report-opening" markdown>\n.*?^</div>\n', re.M | re.S)
MARKER_LINE = re.compile(r"^<!-- [\w:-]+ -->\n?", re.M)


def disclosure_table(meta: dict, catalog: Catalog, lang: str) -> str:
    """The metadata table Chinese government sites show above a disclosed document, compiled by this
    site (and marked so: class site-added, and the caption says it).

    Every value comes from the page's front matter, which holds only what the report itself or a
    source on record says. null reads 未核实 / "not verified": this site does not know the value. Only
    a source that says there is none may be written as 无 (and is then shown as written).
    """
    return render("disclosure_table.html", strings=Strings.of(catalog, lang), fields=DISCLOSURE_FIELDS,
                  disclosure=meta["disclosure"])


def disclosure_metadata(page: PageContext, catalog: Catalog) -> str:
    return disclosure_table(page.meta, catalog, page.lang)


def report_contents(page: PageContext, catalog: Catalog, section: int | None = None) -> str:
    """The report's pages in reading order, as a nested list (a part's pages only, given ``section``)."""
    items = []
    for p in catalog.report_pages.get(page.meta["report"], []):
        if p["page"] == page.src or (section and p.get("section") != section) or "section" not in p:
            continue
        indent = "    " if p.get("subsection") and not section else ""
        title = p.get(f"title_{page.lang}") or p["title"]
        items.append(f"{indent}- [{cell(title)}]({href(page.src, p['page'])})")
    return render("report_contents.md", items=Markup("\n".join(items)))


def section_contents(page: PageContext, catalog: Catalog) -> str:
    return report_contents(page, catalog, page.meta.get("section"))


def original_links(page: PageContext, catalog: Catalog) -> str:
    """Where to get the official text: the file as received, with its SHA-256, and the portal copy."""
    strings = Strings.of(catalog, page.lang)
    official = catalog.official_files.get(page.meta["report"])
    if official is None:  # a draft without its official text yet (a published report has it)
        return render("original_missing.md", strings=strings)
    folder = posixpath.dirname(page.src)
    # The file is published once, beside the Chinese page: from /en/reports/2023/ it is ../../../reports/2023/.
    prefix = "../" * page.url.count("/") + folder + "/" if not page.url.startswith(("reports/", "/")) else ""
    return render("original.md", strings=strings, disclosure=page.meta["disclosure"], href=prefix + official.name,
                  sha256=official.sha256)


def figure_gloss(f) -> str | None:
    """A figure in English with its qualifiers, e.g. "about 37 items", "60 class hours or more"."""
    unit = UNITS_EN.get(f.unit)
    if unit is None:
        return None
    before, between, after = f.qualifiers
    words = [QUALIFIERS_EN[q] for q in (before, between) if q]
    return " ".join([*words[:1], f.number, unit] + ([QUALIFIERS_EN[after]] if after else []))


def figures_panel(page: PageContext, catalog: Catalog) -> str:
    """The report's figures as cards: number and unit, the clause that says what it counts, its measure."""
    report, lang = page.meta["report"], page.lang
    strings = Strings.of(catalog, lang)
    groups = []
    for kind in MEASURED_KINDS:
        year = report + 1 if kind == "planned" else report
        cards = [figure_card(m, f, page, catalog) for m in catalog.by_report.get(report, []) if m.kind == kind
                 for f in m.figures]
        if cards:
            groups.append({"kind": kind, "title": kind_title(strings, kind, year), "cards": cards})
    return render("figures_panel.md", strings=strings, groups=groups)


def figure_card(m, f, page: PageContext, catalog: Catalog) -> dict:
    """One figure: the clause verbatim, split around the figure (which the card emphasises)."""
    at = f.context.find(f.text)
    before, marked, after = ((f.context, "", "") if at == -1 else
                             (f.context[:at], f.text, f.context[at + len(f.text):]))
    return {"figure": f, "measure": m, "before": before, "marked": marked, "after": after,
            "gloss": figure_gloss(f) if page.lang == "en" else None,
            "href": site_href(page.src, measure_page(m, page.lang), m.anchor), "area": area_name(catalog, m.area, page.lang, short=True)}


def areas_chart(page: PageContext, catalog: Catalog) -> str:
    """Measures per area, the report year's work against next year's plan: a real table whose
    number cells carry a bar, so the chart and its text alternative are one and the same."""
    report, lang = page.meta["report"], page.lang
    strings = Strings.of(catalog, lang)
    series = [("done", report), ("planned", report + 1)]
    counts = {a: {kind: 0 for kind, _ in series} for a in catalog.areas}
    for m in catalog.by_report.get(report, []):
        if m.area in counts and m.kind in counts[m.area]:
            counts[m.area][m.kind] += 1
    most = max((n for c in counts.values() for n in c.values()), default=0)
    rows = [{"name": area_name(catalog, a, lang, short=True), "href": site_href(page.src, AREAS_PAGE, f"area-{a}"),
             "cells": [{"kind": kind, "n": c[kind], "width": round(100 * c[kind] / most, 2) if most else 0,
                        "href": site_href(page.src, AREAS_PAGE, f"area-{a}-{report}-{kind}")} for kind, _ in series]}
            for a, c in counts.items()]
    return render("areas_chart.md", strings=strings, rows=rows,
                  caption=strings["chart_caption"].format(report=report, plan_year=report + 1),
                  series=[{"kind": kind, "title": kind_title(strings, kind, year)} for kind, year in series],
                  totals=[sum(c[kind] for c in counts.values()) for kind, _ in series])


def full_report(page: PageContext, catalog: Catalog) -> str:
    """The whole report on one page, in the official order: the disclosure table, then each section.

    Each page of the report is shown in the page's language where translated, in Chinese otherwise,
    and annotated as on its own page, but its measures get no id (the anchors stay on their own
    pages, so a link never lands on this copy) and each measure ID links to the measure's own page.
    """
    report = page.meta["report"]
    pages = catalog.report_pages.get(report, [])
    home = next((p for p in pages if "disclosure" in p), None)
    if home is None:
        raise ContentError(page.shown_path, None,
                           f"<!-- report:full --> names report {report}, which has no published report home",
                           "set 'report:' to the year of a published report")
    shown = [(info["page"], *shown_source(catalog, page.lang, info["page"])) for info in pages
             if info is home or "section" in info]
    (home_src, home_source, home_lang), sections = shown[0], shown[1:]
    opening = OPENING_BLOCK.search(home_source.body)
    if opening:
        text = annotate_report_page(relink(opening[0], home_src, page.src), home_source.meta, page.src, catalog, home_lang)
        opening = {"text": Markup(text), "in_chinese": home_lang != page.lang}
    parts = []
    for src, source, body_lang in sections:
        body = relink(MARKER_LINE.sub("", source.body), src, page.src)
        text = annotate_report_page(body, source.meta, page.src, catalog, body_lang, anchored=False)
        shift = 2 if source.meta.get("subsection") else 1
        text = re.sub(r"^(#{1,4})(?= )", lambda h: h[1] + "#" * shift, text, flags=re.M)
        parts.append((source.meta.get("section"), {"text": Markup(text.strip()), "in_chinese": body_lang != page.lang}))
    return render("full_report.md", strings=Strings.of(catalog, page.lang), opening=opening,
                  disclosure=Markup(disclosure_table(home_source.meta, catalog, page.lang)),
                  sections=[(section, [p for _, p in group]) for section, group in itertools.groupby(parts, lambda p: p[0])])


def shown_source(catalog: Catalog, lang: str, src: str):
    """(source page, its language): the page in ``lang``, or the Chinese where it is not translated."""
    source = catalog.sources.get((lang, src))
    if source is None or source.meta.get("translation") == "pending":
        return catalog.sources[("zh", src)], "zh"
    return source, lang
