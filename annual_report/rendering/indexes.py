"""The index pages' generated sections: measures by year, area and policy; problems and the plans
that answer them; figures; outcomes of the plans; the list of reports."""

from __future__ import annotations

from markupsafe import Markup

from ..links import href
from ..model import Catalog
from .citations import policy_label
from .context import PageContext
from .markdown import cell, excerpt, pipe_table, text
from .measures import area_name, groups, kind_title, measure_link, measure_table, measure_text, outcome_label
from .strings import Strings
from .templates import render


def measures_by_year(page: PageContext, catalog: Catalog) -> str:
    strings = Strings.of(catalog, page.lang)
    return "\n".join(f"## {kind_title(strings, kind, year)} {{ #{report}-{kind} }}\n\n"
                     + measure_table(ms, page.src, catalog, page.lang)
                     for (report, kind, year), ms in groups(catalog.measures))


def measures_by_area(page: PageContext, catalog: Catalog) -> str:
    strings = Strings.of(catalog, page.lang)
    out = []
    for area in catalog.areas.values():
        ms = catalog.measures_of(area=area.id)
        out.append(f"## {text(area_name(catalog, area.id, page.lang))} {{ #area-{area.id} }}\n")
        if not ms:
            out.append(strings["area_empty"] + "\n")
        for (report, kind, year), group in groups(ms):
            out.append(f"### {kind_title(strings, kind, year)} {{ #area-{area.id}-{report}-{kind} }}\n")
            out.append(measure_table(group, page.src, catalog, page.lang, area=False))
    return "\n".join(out)


def measures_by_policy(page: PageContext, catalog: Catalog) -> str:
    strings = Strings.of(catalog, page.lang)
    out = []
    for p in sorted(catalog.policies.values(), key=lambda p: (-len(p.cited_by), p.id)):
        ms = [catalog.measure(i) for i in p.cited_by]
        out.append(f"## [{cell(policy_label(catalog, p.id, page.lang))}]({href(page.src, p.page)}) {{ #policy-{p.id} }}\n")
        out.append(measure_table(ms, page.src, catalog, page.lang) if ms else strings["none"] + "\n")
    return "\n".join(out)


def problems_to_plans(page: PageContext, catalog: Catalog) -> str:
    strings, lang = Strings.of(catalog, page.lang), page.lang
    rows = []
    for problem in (m for m in catalog.measures if m.kind == "problem"):
        plans = [catalog.measure(planned) for linked, planned in catalog.problem_links if linked == problem.id]
        answers = [f"{measure_link(m, page.src, lang)} {cell(excerpt(measure_text(m, lang), 40))}" for m in plans]
        rows.append([f"{measure_link(problem, page.src, lang)} {cell(measure_text(problem, lang))}",
                     render("cell_lines.html", lines=map(Markup, answers)) or "—"])
    return pipe_table([strings["problems_head.problem"], strings["problems_head.plans"]], rows)


def figures(page: PageContext, catalog: Catalog) -> str:
    strings = Strings.of(catalog, page.lang)
    head = [strings[f"figures_head.{c}"] for c in ("figure", "context", "measure")]
    out = []
    for report in catalog.report_years:
        ms = [m for m in catalog.by_report.get(report, []) if m.figures]
        out.append(f"## {report} {{ #figures-{report} }}\n")
        out.append(pipe_table(head, [[f"**{f.text}**", cell(f.context), measure_link(m, page.src, page.lang)]
                                     for m in ms for f in m.figures]))
    return "\n".join(out)


def outcomes(page: PageContext, catalog: Catalog) -> str:
    """Plan → outcome: every planned measure with its status, taken only from the later report."""
    strings, lang = Strings.of(catalog, page.lang), page.lang
    head = [strings[f"outcomes_head.{c}"] for c in ("planned", "text", "outcome", "reported_by")]
    out = []
    for report in catalog.report_years:
        planned = [m for m in catalog.by_report.get(report, []) if m.kind == "planned"]
        if not planned:
            continue
        out.append(f"## {strings['outcomes_title'].format(report=report, plan_year=report + 1)} {{ #outcomes-{report} }}\n")
        rows = [[render("outcome_anchor.html", measure=m) + measure_link(m, page.src, lang),
                 cell(excerpt(measure_text(m, lang), 60)),
                 f"**{outcome_label(m, strings)}**",
                 ", ".join(measure_link(catalog.measure(i), page.src, lang) for i in m.outcome["reported_by"]) or "—"]
                for m in planned]
        out.append(pipe_table(head, rows))
    return "\n".join(out)


def reports_list(page: PageContext, catalog: Catalog) -> str:
    """Every report, newest first: 历年报告's page (the sidebar shows only the newest and the open one)."""
    strings, lang = Strings.of(catalog, page.lang), page.lang
    counts: dict[int, int] = {}
    for m in catalog.measures:
        counts[m.report_year] = counts.get(m.report_year, 0) + 1
    rows = []
    for year in sorted(catalog.report_pages, reverse=True):
        home = next((p for p in catalog.report_pages[year] if "disclosure" in p), None)
        if home is None:
            continue
        title = home.get(f"title_{lang}") or home["title"]
        if year in catalog.drafts:
            title += strings["report_draft"]
        written = home["disclosure"].get("written")
        rows.append([str(year), f"[{cell(title)}]({href(page.src, home['page'])})",
                     cell(written) if written else f"*{strings['not_verified']}*", str(counts.get(year, 0))])
    head = [strings[f"reports_head.{c}"] for c in ("year", "report", "written", "measures")]
    return pipe_table(head, rows, align=["---:", "---", "---", "---:"])

