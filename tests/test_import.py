"""`make new-report YEAR=… SOURCE=…`: the next report imported from its official file, as staff do it.

Every test works in a project copy that keeps the 2023 report only, so none depends on which
reports staff have added under docs/.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import FIXTURE_REPORTS, ROOT, SOURCE, build, copy_project, import_report, preview_build, soup_of

from annual_report.catalog import CatalogReader
from annual_report.errors import ContentErrors
from annual_report.structure import read_report

FIVE_PART = FIXTURE_REPORTS / "five-part-2024.txt"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, reports={2023})


def read_catalog(project, drafts=True):
    return CatalogReader(project / "docs" / "zh", project / "data", project).read(include_drafts=drafts)


def test_the_2023_report_imported_into_an_empty_tree_gives_the_published_measures(tmp_path):
    published, _ = read_catalog(copy_project(tmp_path / "published", reports={2023}), drafts=False)
    empty = copy_project(tmp_path / "empty", reports=set())
    result = import_report(empty, 2023, SOURCE)
    assert result.returncode == 0, result.stderr
    imported, _ = read_catalog(empty)
    assert [(m.id, m.kind, m.text) for m in imported.measures] == [(m.id, m.kind, m.text) for m in published.measures]
    assert len(imported.measures) == 45


@pytest.fixture(scope="module")
def five_part(draft_builds):
    """The five-part fixture report imported as a draft, built as published and as the preview shows
    it (conftest.draft_builds, which test_drafts and test_staff_workflow read too)."""
    return draft_builds.project, draft_builds.imported, draft_builds.preview


def test_the_official_file_is_kept_byte_for_byte(five_part):
    project, _, _ = five_part
    assert (project / "docs" / "zh" / "reports" / "2024" / "2024-report.txt").read_bytes() == FIVE_PART.read_bytes()


def test_the_preview_data_holds_every_measure_verbatim_in_reading_order_with_its_kind(five_part):
    project, _, _ = five_part
    measures = [m for m in json.loads((project / "preview" / "data" / "measures.json").read_text("utf-8")) if m["report_year"] == 2024]
    kinds = [m["kind"] for m in measures]
    assert kinds == ["done"] * 8 + ["duties"] + ["problem"] * 2 + ["planned"] * 3
    official = FIVE_PART.read_text("utf-8")
    positions = [official.index(m["text"]) for m in measures]  # every text verbatim, in the order of the file
    assert positions == sorted(positions)
    assert measures[2]["text"] == "1.测试丙：全年办理行政许可事项约120件。"
    assert measures[8]["text"].startswith("局党组书记、局长认真履行") and measures[8]["year"] == 2024
    assert {m["year"] for m in measures if m["kind"] == "planned"} == {2025}
    assert "测试思路" not in " ".join(m["text"] for m in measures)  # the plan's goal statement is shown, not a measure


def test_the_import_summary_and_the_open_items_are_listed_without_failing(five_part):
    _, result, built = five_part
    assert "五、其他需要报告的情况 → other, no measures" in result.stdout and "→ duties" in result.stdout
    output = built.stdout + built.stderr
    assert "Draft report 2024 has" in output
    for item in ("have no area", "not known to the site: 《测试夹具规划(2021—2025年)》", "not translated yet"):
        assert item in output, item


def test_the_preview_shows_the_opening_the_closing_and_the_open_items(five_part):
    project, _, _ = five_part
    home = soup_of(project / "preview" / "reports" / "2024" / "index.html")
    opening = home.select_one("article .report-opening")
    assert "州委全面依法治州委员会办公室：" in opening.get_text() and home.select_one("#opening")["class"] == ["site-added"]
    assert "have no area" in home.select_one("article .admonition.danger").get_text()
    other = soup_of(project / "preview" / "reports" / "2024" / "other" / "index.html")
    assert "审核人:测试审核人" in other.select_one(".signature").get_text()
    duties = soup_of(project / "preview" / "reports" / "2024" / "duties" / "index.html")
    assert duties.select_one("span.measure#m-2024-2-00-1") is not None


def test_a_plain_build_publishes_nothing_of_the_draft(draft_builds):
    result, site = draft_builds.published, draft_builds.project / "site"
    assert not (site / "reports" / "2024").exists()
    measures = json.loads((site / "data" / "measures.json").read_text("utf-8"))
    assert {m["report_year"] for m in measures} == {2023}
    assert "Draft report 2024 has" in result.stderr  # read and checked all the same


def test_publishing_with_open_items_fails_listing_every_one(project):
    assert import_report(project, 2024, FIVE_PART).returncode == 0
    home = project / "docs" / "zh" / "reports" / "2024" / "index.md"
    home.write_text(home.read_text("utf-8").replace("status: draft", "status: published"), "utf-8")
    with pytest.raises(ContentErrors) as err:
        read_catalog(project)
    problems = [e.problem for e in err.value.errors]
    assert sum("have no area" in p for p in problems) == 7  # one per page with measures
    assert any("not translated yet" in p for p in problems) and any("not known to the site" in p for p in problems)
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{len(problems)} problems in the content" in result.stderr


def test_a_changed_character_in_a_draft_fails_the_build_naming_page_and_line(project):
    assert import_report(project, 2024, FIVE_PART).returncode == 0
    page = project / "docs" / "zh" / "reports" / "2024" / "problems.md"
    page.write_text(page.read_text("utf-8").replace("测试问题乙。", "测试问题乙,"), "utf-8")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    line = next(n for n, text in enumerate(page.read_text("utf-8").split("\n"), 1) if "测试问题乙," in text)
    assert f"docs/zh/reports/2024/problems.md:{line}: the text differs from the official file" in result.stderr
    assert "2024-report.txt, line 16" in result.stderr and "found “" in result.stderr


def test_a_report_with_a_byte_order_mark_crlf_and_numbered_measures(project):
    source = FIXTURE_REPORTS / "numbered-2024.txt"
    result = import_report(project, 2024, source)
    assert result.returncode == 0, result.stderr
    catalog, _ = read_catalog(project)
    ours = [m for m in catalog.measures if m.report_year == 2024]
    assert [(m.id, m.kind) for m in ours] == [("2024-1-00-1", "done"), ("2024-1-00-2", "done"), ("2024-1-00-3", "done"),
                                              ("2024-2-00-1", "problem"), ("2024-2-00-2", "problem"),
                                              ("2024-3-00-1", "planned"), ("2024-3-00-2", "planned")]
    assert ours[0].text == "1、测试措施甲，印发测试方案。"


@pytest.mark.parametrize("content, words", [
    ("前言。\n没有分部分的文字。\n".encode("utf-8"), "no part heading '一、' found"),
    ("一、主要举措和成效\n一是甲。\n".encode("gb18030"), "the file is not UTF-8 text"),
    ("一、主要举措和成效\n一是甲。\n二、附件说明\n无\n".encode("utf-8"), "does not say what kind of part it is"),
])
def test_a_source_that_cannot_be_imported_writes_nothing_and_says_why(project, tmp_path, content, words):
    source = tmp_path / "official.txt"
    source.write_bytes(content)
    before = (project / "mkdocs.yml").read_text("utf-8")
    result = import_report(project, 2024, source)
    assert result.returncode == 1 and words in result.stderr and "How to fix:" in result.stderr
    assert f"{source}:" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "docs" / "zh" / "reports" / "2024").exists() and (project / "mkdocs.yml").read_text("utf-8") == before


def test_kinds_set_by_hand(project, tmp_path):
    source = tmp_path / "official.txt"
    source.write_text("一、主要举措和成效\n一是甲。\n二、附件说明\n无\n", "utf-8")
    result = import_report(project, 2024, source, "--kinds", "2=other")
    assert result.returncode == 0, result.stderr
    assert "kind: other" in (project / "docs" / "zh" / "reports" / "2024" / "other.md").read_text("utf-8")


def test_the_make_target_passes_source_and_kinds():
    dry = subprocess.run(["make", "-n", "new-report", "YEAR=2024", "SOURCE=a b.txt", "KINDS=5=other"], cwd=ROOT,
                         capture_output=True, text=True)
    assert 'scripts/new_report.py 2024 --source "a b.txt" --kinds "5=other"' in dry.stdout


def test_the_reader_agrees_with_the_summary():
    report = read_report(FIVE_PART.read_text("utf-8"))
    assert [p.kind for p in report.parts] == ["done", "duties", "problem", "planned", "other"]


def test_the_one_page_report_keeps_the_opening(five_part):
    project, _, _ = five_part
    full = soup_of(project / "preview" / "reports" / "2024" / "full" / "index.html").select_one("article")
    text = full.get_text()
    assert "州委全面依法治州委员会办公室：" in text and text.index("现将有关情况报告如下") < text.index("一、2024年推进法治政府建设")


def test_every_unknown_citation_of_a_page_comes_in_one_item(project, tmp_path):
    source = tmp_path / "official.txt"
    source.write_text("一、主要举措和成效\n一是落实《甲规定》《乙办法》和《博州交通运输局2023年法治政府建设年度报告》。\n", "utf-8")
    assert import_report(project, 2024, source).returncode == 0
    _, notices = read_catalog(project)
    [item] = [n for n in notices[-1].split("\n") if "not known to the site" in n]
    assert "3 cited title(s)" in item and all(t in item for t in ("《甲规定》", "《乙办法》", "《博州交通运输局2023年法治政府建设年度报告》"))


def test_policies_of_a_province_a_city_or_a_county_have_a_level(project):
    page = project / "docs" / "zh" / "policies" / "bureau-earthquake-emergency-plan.md"
    page.write_text(page.read_text("utf-8").replace("level: 本局", "level: 县"), "utf-8")
    catalog, _ = read_catalog(project)
    assert catalog.policies["bureau-earthquake-emergency-plan"].meta["level"] == "县"


@pytest.fixture(scope="module")
def three_more_reports(tmp_path_factory):
    """One copy with three imports that do not touch each other, previewed once: 2024 cites the 2023
    report, recorded in data/cited-documents.yml as a document that is not a policy; 2025 and 2022,
    imported after it, go into the nav around the reports already there."""
    project = copy_project(tmp_path_factory.mktemp("three-more"), reports={2023})
    sources = tmp_path_factory.mktemp("sources")
    citing, plain = sources / "citing.txt", sources / "plain.txt"
    citing.write_text("一、主要举措和成效\n一是对照《博州交通运输局2023年法治政府建设年度报告》整改。\n", "utf-8")
    plain.write_text("一、主要举措和成效\n一是甲。\n", "utf-8")
    for year, source in ((2024, citing), (2025, plain), (2022, plain)):
        assert import_report(project, year, source).returncode == 0
    (project / "data" / "cited-documents.yml").write_text(
        "- title: 博州交通运输局2023年法治政府建设年度报告\n  kind: report\n  page: reports/2023/index.md\n", "utf-8")
    catalog, notices = read_catalog(project)
    built = preview_build(project)
    assert built.returncode == 0, built.stderr[-2000:]
    return project, catalog, notices


def test_a_cited_document_that_is_not_a_policy_needs_no_policy_page(three_more_reports):
    project, catalog, notices = three_more_reports
    assert not any("not known to the site" in n for n in notices)
    assert catalog.by_id["2024-1-00-1"].policies == []  # recorded as a document, not as a policy
    link = soup_of(project / "site" / "reports" / "2024" / "progress" / "index.html").select_one("article a.policy-link")
    assert link.get_text() == "《博州交通运输局2023年法治政府建设年度报告》" and link["href"] == "../../2023/"


def test_an_older_report_goes_after_the_newer_ones_in_the_nav(three_more_reports):
    project, _, _ = three_more_reports
    nav = (project / "mkdocs.yml").read_text("utf-8")
    order = [nav.index(f"      - {year}年报告:") for year in (2025, 2024, 2023, 2022)]
    assert order == sorted(order)
    assert (project / "site" / "reports" / "2022" / "index.html").is_file()  # the preview built with it


