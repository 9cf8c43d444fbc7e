"""Writing the next report: the scaffold, drafts that are never published, and plan → outcome."""

from __future__ import annotations

import json
import re

import pytest

from annual_report.catalog import CatalogReader
from annual_report.draft import front_matter
from annual_report.frontmatter import split_page
from annual_report.rendering.measures import outcome_label
from annual_report.rendering.strings import Strings
from conftest import DRAFT_MARK, FIXTURE_REPORTS, ROOT, build, complete_report, copy_project, import_report, soup_of

FIVE_PART = FIXTURE_REPORTS / "five-part-2024.txt"


@pytest.fixture
def project(tmp_path):
    """A copy of the project with the 2023 report only, whatever other years docs/ holds."""
    return copy_project(tmp_path, reports={2023})


def scaffold(project, year=2024):
    result = import_report(project, year)
    assert result.returncode == 0, result.stderr
    return result


def everything_built(site) -> str:
    """Every text file of the built site, for checks that nothing of a draft leaked anywhere."""
    return "\n".join(p.read_text("utf-8", errors="replace") for p in site.rglob("*")
                     if p.is_file() and p.suffix in {".html", ".json", ".xml", ".csv", ".txt", ".js"})


def test_scaffold_writes_a_draft_in_the_standard_structure(project):
    scaffold(project)
    zh = project / "docs" / "zh" / "reports" / "2024"
    pages = sorted(p.relative_to(zh).as_posix() for p in zh.rglob("*.md"))
    assert len(pages) == 17 and "full.md" in pages and "progress/06-law-enforcement.md" in pages and "plan.md" in pages
    home = (zh / "index.md").read_text("utf-8")
    assert "status: draft" in home and "issuer: 博州交通运输局" in home  # carried over
    assert "written: null" in home and "reviewer: null" in home  # left for staff
    assert (project / "docs" / "en" / "reports" / "2024" / "plan.md").exists()
    assert "reports/2024/plan.md" in (project / "mkdocs.yml").read_text("utf-8")
    again = import_report(project, 2024)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_a_draft_is_never_published(draft_builds):
    """The 2024 draft of conftest.draft_builds: no page, no measure, no word of it in the plain build."""
    site = draft_builds.project / "site"
    assert not (site / "reports" / "2024").exists() and not (site / "en" / "reports" / "2024").exists()
    built = everything_built(site)
    for trace in ("reports/2024", "2024年报告", DRAFT_MARK, "2024-1-"):
        assert trace not in built, trace
    measures = json.loads((site / "data" / "measures.json").read_text("utf-8"))
    assert {m["report_year"] for m in measures} == {2023}


def test_preview_shows_drafts_with_a_banner(draft_builds):
    page = soup_of(draft_builds.project / "preview" / "reports" / "2024" / "plan" / "index.html")
    banner = page.select_one("article .admonition.danger")
    assert banner is not None and "草稿" in banner.get_text()
    assert DRAFT_MARK in soup_of(draft_builds.project / "preview" / "reports" / "2024" / "index.html").select_one("article h1").get_text()


def test_publishing_an_unfinished_scaffold_fails_with_the_fix(project):
    scaffold(project)
    home = project / "docs" / "zh" / "reports" / "2024" / "index.md"
    home.write_text(home.read_text("utf-8").replace("status: draft", "status: published"), "utf-8")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/zh/reports/2024/index.md" in output and "How to fix:" in output


ANNOTATIONS = {  # page of the fixture 2024 report → {its measure: (the 2023 planned measure it reports on, status)}
    "progress/02.md": {3: ("2023-3-02-1", "completed")},
    "progress/04.md": {1: ("2023-3-02-2", "partly-completed"), 2: ("2023-3-02-4", "under-way")},
}


def annotate(project, year=2024):
    """Plan → outcome: the 2024 measures that report on 2023's plans say so in their front matter."""
    for rel, notes in ANNOTATIONS.items():
        path = project / "docs" / "zh" / "reports" / str(year) / rel
        page = split_page(str(path), path.read_text("utf-8"))
        page.meta["reports_on"] = {n: {"planned": planned, "status": status} for n, (planned, status) in notes.items()}
        path.write_text(front_matter(page.meta) + page.body, "utf-8")


def add_fixture_report(project):
    """The fixture 2024 report (invented text, five parts) imported, completed and published in this copy only."""
    result = import_report(project, 2024, FIVE_PART)
    assert result.returncode == 0, result.stderr
    complete_report(project, 2024)
    annotate(project)


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """The project with the fixture 2024 report published beside 2023, built once for the tests below."""
    project = copy_project(tmp_path_factory.mktemp("two-reports"), reports={2023})
    add_fixture_report(project)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def test_plan_outcomes_come_from_the_later_report(two_reports):
    project = two_reports
    measures = {m["id"]: m for m in json.loads((project / "site" / "data" / "measures.json").read_text("utf-8"))}
    assert measures["2023-3-02-1"]["outcome"] == {"status": "completed", "reported_by": ["2024-1-02-3"]}
    assert measures["2023-3-02-2"]["outcome"]["status"] == "partly-completed"
    assert measures["2023-3-02-4"]["outcome"]["status"] == "under-way"
    assert measures["2023-3-02-8"]["outcome"] == {"status": "not-reported", "reported_by": []}
    assert measures["2024-4-02-1"]["outcome"]["status"] == "awaiting"
    plan = soup_of(project / "site" / "reports" / "2023" / "plan" / "index.html")
    tag = plan.find(id="m-2023-3-02-1").select_one("a.outcome-tag")
    assert tag.get_text() == "已完成" and "site-added" in tag["class"]


def sidebar_reports(page) -> list[str]:
    """The reports (2023年报告 …) the sidebar of a built page lists, in order."""
    nav = page.select_one("nav.md-nav--primary")
    return [a.get_text(strip=True) for a in nav.select("a.md-nav__link") if re.fullmatch(r"\d{4}年报告", a.get_text(strip=True))]


def test_the_sidebar_lists_the_newest_report_and_the_one_being_read(two_reports):
    site = two_reports / "site"
    older = soup_of(site / "reports" / "2023" / "plan" / "index.html")
    newest = soup_of(site / "reports" / "2024" / "problems" / "index.html")
    other = soup_of(site / "measures" / "by-area" / "index.html")
    assert sidebar_reports(older) == ["2024年报告", "2023年报告"]
    assert sidebar_reports(newest) == ["2024年报告"]
    assert sidebar_reports(other) == ["2024年报告"]
    # Previous/next still run through every report: the 2024 report's last page leads on to 2023's home.
    footer = soup_of(site / "reports" / "2024" / "full" / "index.html").select_one("a.md-footer__link--next")
    assert footer["href"].rstrip("/").endswith("2023")


def test_the_reports_page_lists_every_report_newest_first(two_reports):
    for path, heading in (("reports/index.html", "成文日期"), ("en/reports/index.html", "Date written")):
        page = soup_of(two_reports / "site" / path)
        table = page.select_one("article table")
        assert heading in [th.get_text() for th in table.select("th")]
        rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
        assert [row[0] for row in rows] == ["2024", "2023"]
        assert rows[0][2] == "2025-03-20" and rows[1][2] == "2024-03-21" and int(rows[1][3]) > 0
        links = [a["href"] for a in table.select("tbody a")]
        assert links == ["2024/", "2023/"]


def test_without_a_later_report_every_plan_is_awaiting_it(project):
    catalog, _ = CatalogReader(project / "docs" / "zh", project / "data", project).read()
    planned = [m for m in catalog.measures if m.kind == "planned"]
    assert len(planned) == 8 and {m.outcome["status"] for m in planned} == {"awaiting"}
    assert {outcome_label(m, Strings.of(catalog, "zh")) for m in planned} == {"等待2024年度报告"}
    assert {outcome_label(m, Strings.of(catalog, "en")) for m in planned} == {"awaiting the 2024 report"}


def test_each_plan_shows_its_outcome(soup):
    """The 2023 plan's tags say what the catalog derived, whatever later reports docs/ holds."""
    catalog, _ = CatalogReader(ROOT / "docs" / "zh", ROOT / "data", ROOT).read()
    planned = [m for m in catalog.measures if m.report_year == 2023 and m.kind == "planned"]
    for lang, url in (("zh", "/reports/2023/plan/"), ("en", "/en/reports/2023/plan/")):
        tags = [m.select_one("a.outcome-tag").get_text() for m in soup(url).select("article span.measure[id]")]
        assert tags == [outcome_label(m, Strings.of(catalog, lang)) for m in planned]


def test_an_annotation_naming_no_planned_measure_fails(project):
    add_fixture_report(project)
    page = project / "docs" / "zh" / "reports" / "2024" / "progress" / "02.md"
    page.write_text(page.read_text("utf-8").replace("planned: 2023-3-02-1", "planned: 2023-3-02-9"), "utf-8")
    output = build(project).stderr
    assert "reports_on: 2023-3-02-9 is not a measure planned for 2024" in output
    assert "progress/02.md:" in output and "Traceback" not in output
