"""Bad input from staff fails the build with one message: the file, the line, the problem, the fix."""

from __future__ import annotations

import pytest
from conftest import build, copy_project

from annual_report.catalog import CatalogReader
from annual_report.errors import ContentError

REPORT = "docs/zh/reports/2023"


def edit(project, rel, old, new, count=1):
    path = project / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def edit_official(project, rel, old, new, count=1):
    """Edit a report page and its official file alike: a report whose signed text reads that way."""
    edit(project, f"{REPORT}/2023-report.txt", old, new, count)
    return edit(project, rel, old, new, count)


def line_of(path, needle) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").split("\n"), 1) if needle in line)


def read_error(project) -> ContentError:
    with pytest.raises(ContentError) as err:
        CatalogReader(project / "docs" / "zh", project / "data", project).read()
    return err.value


def test_unknown_policy_title(project):
    path = edit_official(project, f"{REPORT}/plan.md", "《自治州促进政务服务便利化条例》", "《自治州促进政务服务便利化条列》")
    err = read_error(project)
    assert err.path == f"{REPORT}/plan.md" and err.line == line_of(path, "便利化条列")
    assert "not known to the site: 《自治州促进政务服务便利化条列》" in err.problem and "docs/zh/policies/" in err.fix
    assert "data/cited-documents.yml" in err.fix  # a cited report or letter needs no policy page


def test_unknown_nested_title(project):
    edit_official(project, f"{REPORT}/plan.md", "〈优化营商环境条例〉", "〈优化营商环境条令〉")
    err = read_error(project)  # the outer title no longer matches either
    assert "《自治区实施〈优化营商环境条令〉办法》" in err.problem and "not known to the site" in err.problem
    edit(project, "docs/zh/policies/xinjiang-business-environment-measures.md", "verified: true",
         "verified: true\naliases:\n- 自治区实施〈优化营商环境条令〉办法")
    err = read_error(project)  # now the outer title is known, and the nested one is named
    assert "〈优化营商环境条令〉 (cited inside 《自治区实施〈优化营商环境条令〉办法》" in err.problem


def test_marker_gap(project):
    path = edit_official(project, f"{REPORT}/progress/06-law-enforcement.md", "二是加强综合执法", "三是加强综合执法")
    err = read_error(project)
    assert err.line == line_of(path, "三是加强综合执法")
    assert "'三是' where '二是' was expected" in err.problem and "renumber" in err.fix


def test_marker_repeated(project):
    edit_official(project, f"{REPORT}/plan.md", "三是深入实施", "二是深入实施")
    assert "'二是' where '三是' was expected" in read_error(project).problem


def test_two_pages_claim_the_same_subsection(project):
    path = edit(project, f"{REPORT}/progress/07-emergency-response.md", "subsection: 7", "subsection: 6")
    err = read_error(project)
    assert err.line == line_of(path, "subsection: 6") and "also" in err.problem


def test_unknown_area(project):
    edit(project, f"{REPORT}/progress/09-oversight.md", "area: oversight", "area: oversite")
    err = read_error(project)
    assert "unknown area 'oversite'" in err.problem and "data/areas.yml" in err.fix


def test_policy_page_missing_a_required_field(project):
    edit(project, "docs/zh/policies/bureau-earthquake-emergency-plan.md", "level: 本局\n", "")
    err = read_error(project)
    assert err.path == "docs/zh/policies/bureau-earthquake-emergency-plan.md" and "no 'level' field" in err.problem


@pytest.mark.parametrize("field", ["issuer", "written", "reviewer"])
def test_report_home_missing_a_required_field(project, field):
    path = project / REPORT / "index.md"
    lines = [line for line in path.read_text("utf-8").split("\n") if not line.startswith(f"  {field}:")]
    path.write_text("\n".join(lines), "utf-8")
    err = read_error(project)
    assert err.path == f"{REPORT}/index.md" and f"'disclosure.{field}'" in err.problem


def test_malformed_front_matter(project):
    path = edit(project, f"{REPORT}/problems.md", "section: 2\n", "section: [2\n")
    err = read_error(project)
    assert err.path == f"{REPORT}/problems.md" and "not valid YAML" in err.problem
    assert abs(err.line - line_of(path, "section: [2")) <= 1


def test_bad_date_in_front_matter(project):
    path = edit(project, f"{REPORT}/index.md", "written: 2024-03-21", "written: 2024年3月21日")
    err = read_error(project)
    assert err.line == line_of(path, "written:") and "disclosure.written" in err.problem


def assert_fails_cleanly(result, *expected):
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for text in expected:
        assert text in output, output[-2000:]


def test_build_fails_on_unknown_citation_with_file_line_and_fix(project):
    path = edit_official(project, f"{REPORT}/plan.md", "《自治州促进政务服务便利化条例》", "《自治州促进政务服务便利化条列》")
    assert_fails_cleanly(build(project), f"{REPORT}/plan.md:{line_of(path, '便利化条列')}", "How to fix:")


@pytest.fixture(scope="module")
def broken_links_build(tmp_path_factory):
    """One strict build of a copy with a broken link, a broken anchor and a page left out of the nav:
    MkDocs reports every warning before a strict build stops, so one build shows all three."""
    project = copy_project(tmp_path_factory.mktemp("broken-links"), reports={2023})
    edit(project, "docs/zh/index.md", "(measures/index.md)", "(measures/indx.md)")
    edit(project, "docs/zh/index.md", "(measures/by-area.md)", "(measures/by-area.md#area-nowhere)")
    (project / REPORT / "extra.md").write_text("---\ntitle: x\n---\n\n# x\n", "utf-8")
    return build(project)


def test_build_fails_on_a_broken_link(broken_links_build):
    assert_fails_cleanly(broken_links_build, "index.md", "measures/indx.md")


def test_build_fails_on_a_broken_anchor(broken_links_build):
    assert_fails_cleanly(broken_links_build, "#area-nowhere")


def test_build_fails_on_a_page_left_out_of_the_nav(broken_links_build):
    assert_fails_cleanly(broken_links_build, "reports/2023/extra.md", "not included in the \"nav\"")


def test_a_wrong_section_blames_the_page_not_the_data_files(project):
    edit(project, f"{REPORT}/plan.md", "section: 3\n", "section: 2\n")
    err = read_error(project)
    pages = {f"{REPORT}/plan.md", f"{REPORT}/problems.md"}
    assert err.path in pages and f"is also {(pages - {err.path}).pop()}" in err.problem  # both pages named
    assert err.line == line_of(project / err.path, "section: 2") and "problem-links" not in str(err)
