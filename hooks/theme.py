"""The theme: Material's templates as this site extends them, and the sidebar of a report page.

Partials: templates in overrides/ shadow Material's of the same name, so an override of
partials/x.html cannot include the original by that name. Material's own templates are therefore
reachable under the prefix material/ as well: {% include "material/partials/alternate.html" %}. The
overrides get one filter, without_language_links (overrides/main.html says why).

Sidebar: a page's sidebar lists the newest report and the report being read, not every year's report.

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
from pathlib import Path

import material
from jinja2 import ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.structure.nav import Navigation, Section

from site_build.build import kept, source_page


MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
LANGUAGE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_language_links(head: str) -> Markup:
    """Material's <head> markup without its <link rel="alternate" hreflang> lines."""
    return Markup(LANGUAGE_LINK.sub("", str(head)))


def on_env(env, config, files):
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])
    env.filters["without_language_links"] = without_language_links
    # Material's templates are compiled again by every build, once per language, and by every
    # `mkdocs serve` rebuild: Jinja's own cache (a folder of the user's under the system's temporary
    # directory, checked against each template's source) keeps them compiled across builds and sessions.
    env.bytecode_cache = kept("theme").setdefault("templates", FileSystemBytecodeCache())
    return env


REPORT_HOME = re.compile(r"^reports/(\d{4})/index\.md$")


def report_year(item) -> int | None:
    """The year of a nav section that holds one report (its first child is the report's home page)."""
    if not isinstance(item, Section) or not item.children:
        return None
    first = item.children[0]
    found = REPORT_HOME.match(source_page(first)) if getattr(first, "file", None) else None
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
# Emptied with each new navigation, so that no earlier build's pages stay alive (`mkdocs serve`
# rebuilds in one process).
_layouts: dict[int, tuple[Section, list[tuple[int, object]], dict[int, tuple[int, object]]]] = {}


def on_nav(nav, config, files):
    _layouts.clear()
    return nav


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
    found = re.match(r"^reports/(\d{4})/", source_page(page))
    return int(found[1]) if found else None


def on_page_context(context, page, config, nav):
    context["nav"] = sidebar(nav, page_year(page))
    return context


def on_template_context(context, template_name, config):
    """404.html and other static templates: the newest report only."""
    if context.get("nav"):
        context["nav"] = sidebar(context["nav"], None)
    return context
