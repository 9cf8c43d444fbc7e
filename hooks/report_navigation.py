"""A page's sidebar lists the newest report and the report being read, not every year's report.

Every report stays in mkdocs.yml's nav, under 历年报告 (Reports): strict validation still fails on a
report page left out of the nav, and the previous/next links still run through each report. Only
what each page draws is cut: in 历年报告, the section of the newest report and that of the page's
own report; 历年报告's own page (reports/index.md, `<!-- reports:list -->`) lists them all.

Why: with every year in the sidebar, every page carries every report's title and pages, so a page
grows with the number of reports and the build with its square (bench/ANALYSIS.md: 375 KB a page and
a build 20 × slower for 10 × the reports, at 100 reports). What a reader loses: the sidebar no
longer shows an older year's report until a page of it is open; the list of years is one click away.
"""

from __future__ import annotations

import copy
import re

import _state
from mkdocs.structure.nav import Navigation, Section

REPORT_HOME = re.compile(r"^reports/(\d{4})/index\.md$")


def report_year(item) -> int | None:
    """The year of a nav section that holds one report (its first child is the report's home page)."""
    if not isinstance(item, Section) or not item.children:
        return None
    first = item.children[0]
    found = REPORT_HOME.match(_state.source_page(first)) if getattr(first, "file", None) else None
    return int(found[1]) if found else None


def sidebar(nav: Navigation, year: int | None) -> Navigation:
    """The nav with the sections of older reports left out, but that of ``year`` (the page's own)."""
    items = [_trimmed(item, year) for item in nav.items]
    if all(new is old for new, old in zip(items, nav.items)):
        return nav
    view = copy.copy(nav)  # same pages, homepage and links; only the top-level items differ
    view.items = items
    return view


# Per section of reports, worked out once per build and language (a page then costs the same at any
# number of reports): the children always shown, by position, and each year's section by year.
_layouts: dict[int, tuple[Section, list[tuple[int, object]], dict[int, tuple[int, object]]]] = {}


def _layout(section: Section) -> tuple[list[tuple[int, object]], dict[int, tuple[int, object]]]:
    cached = _layouts.get(id(section))
    if cached is None or cached[0] is not section:
        years = [report_year(child) for child in section.children]
        newest = max((y for y in years if y is not None), default=None)
        shown = [(i, child) for i, (child, y) in enumerate(zip(section.children, years)) if y is None or y == newest]
        older = {y: (i, child) for i, (child, y) in enumerate(zip(section.children, years)) if y not in (None, newest)}
        cached = _layouts[id(section)] = (section, shown, older)
    return cached[1], cached[2]


def _trimmed(item, year: int | None):
    if not isinstance(item, Section):
        return item
    shown, older = _layout(item)
    if not older:  # not a section of reports, or one report only
        return item
    children = sorted([*shown, older[year]], key=lambda pair: pair[0]) if year in older else shown
    section = copy.copy(item)  # keeps its title, parent and active state (the page is active by now)
    section.children = [child for _, child in children]
    return section


def page_year(page) -> int | None:
    found = re.match(r"^reports/(\d{4})/", _state.source_page(page))
    return int(found[1]) if found else None


def on_page_context(context, page, config, nav):
    context["nav"] = sidebar(nav, page_year(page))
    return context


def on_template_context(context, template_name, config):
    """404.html and other static templates: the newest report only."""
    if context.get("nav"):
        context["nav"] = sidebar(context["nav"], None)
    return context
