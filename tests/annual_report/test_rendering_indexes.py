"""annual_report.rendering.indexes: the index pages' sections."""

from __future__ import annotations

from bs4 import BeautifulSoup
from rendering_factory import HOME_META, PROBE, make_catalog, page

from annual_report.rendering import indexes


def test_measures_by_year_has_a_heading_and_a_table_per_group():
    out = indexes.measures_by_year(page("measures/index.md", "en"), make_catalog())
    assert "## Work done in 2023 { #2023-done }" in out and "## Plans for 2024 { #2023-planned }" in out
    assert out.count('<div class="measure-table" data-search-ignore>') == 2


def test_an_area_without_measures_says_so():
    catalog = make_catalog()
    catalog.measures = catalog.measures[:2]
    out = indexes.measures_by_area(page("measures/by-area.md"), catalog)
    assert "## 审批 { #area-licensing }\n\n本领域暂无措施。" in out


def test_outcomes_give_each_plan_an_anchor_and_its_status():
    out = indexes.outcomes(page("measures/outcomes.md"), make_catalog())
    assert "## 2023年报告中的2024年工作安排 { #outcomes-2023 }" in out
    assert BeautifulSoup(out, "html.parser").select_one("span#outcome-2023-2-00-1") is not None
    assert "**等待2024年度报告**" in out


def test_problems_list_their_plans_one_per_line():
    catalog = make_catalog(problem_links=[("2023-1-01-1", "2023-2-00-1"), ("2023-1-01-1", "2023-1-01-2")])
    catalog.measures[0].kind = "problem"
    out = indexes.problems_to_plans(page("measures/problems.md"), catalog)
    row = out.splitlines()[2]
    assert row.count("<br>") == 1 and "[2023-2-00-1](" in row


def test_the_reports_list_escapes_a_title_and_reads_an_unknown_date_as_not_verified():
    catalog = make_catalog()
    home = catalog.report_pages[2023][0]
    home["title"], home["disclosure"] = PROBE, {**HOME_META["disclosure"], "written": None}
    out = indexes.reports_list(page("reports/index.md"), catalog)
    assert "<script>" not in out and "&lt;script&gt;" in out and "| *未核实* |" in out
    assert out.splitlines()[1] == "|---:|---|---|---:|"
