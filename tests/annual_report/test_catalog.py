"""annual_report.catalog: a tiny docs tree (one report of two pages, one policy) read into a Catalog,
and every problem of a read reported at once, each naming its file, line and fix."""

from __future__ import annotations

import pytest

from annual_report.catalog import CatalogReader, draft_pages, measure_id
from annual_report.errors import ContentErrors

OFFICIAL = "一、主要举措和成效\n(一)学法\n一是落实《测试条例》。二是开展培训约37件次。\n二、下一年度安排\n一是加强监督。\n"
HOME = """---
title: 测试局2023年法治政府建设年度报告
report: 2023
status: published
disclosure:
  issuer: 测试局
  written: 2024-03-01
  reviewer: 测试审核人
  doc_number: null
  index_number: null
  topic: null
  published: null
  portal_url: null
  original: 2023-report.txt
---

# 测试局2023年法治政府建设年度报告 { #report-2023 }

<!-- report:contents -->
"""
DONE = """---
title: 一、主要举措和成效
report: 2023
section: 1
kind: done
area: enforcement
---

# 一、主要举措和成效 { #done }

## (一)学法 { #study }

一是落实《测试条例》。二是开展培训约37件次。
"""
PLAN = """---
title: 二、下一年度安排
report: 2023
section: 2
kind: planned
area: oversight
---

# 二、下一年度安排 { #plan }

一是加强监督。
"""
POLICY = """---
title: 测试条例
official_title: null
issuer: null
level: 自治区
doc_number: null
dates: []
verified: false
---

# 《测试条例》
"""
AREAS = """- {id: enforcement, name_zh: 执法, name_en: Enforcement, basis: 纲要, short_zh: 执法, short_en: Enforcement}
- {id: oversight, name_zh: 监督, name_en: Oversight, basis: 纲要, short_zh: 监督, short_en: Oversight}
"""


def english(zh_page: str, title: str, body: str) -> str:
    """The English page of a Chinese one: its structure fields, its own title and text."""
    fields = [line for line in zh_page.split("---\n")[1].splitlines() if line.startswith(("report:", "section:"))]
    return "---\ntitle: " + title + "\n" + "\n".join(fields) + "\n---\n\n" + body


def write_docs(root, changes=None):
    """The tiny project under ``root``; ``changes`` replace a file's text, by its path (None: no such file)."""
    files = {
        "docs/zh/reports/2023/index.md": HOME,
        "docs/zh/reports/2023/done.md": DONE,
        "docs/zh/reports/2023/plan.md": PLAN,
        "docs/zh/reports/2023/2023-report.txt": OFFICIAL,
        "docs/zh/policies/test-regulations.md": POLICY,
        "docs/en/reports/2023/index.md": english(HOME, "The 2023 report", "# The 2023 report { #report-2023 }\n"),
        "docs/en/reports/2023/done.md": english(DONE, "1. Work done", "## (1) Study { #study }\n\n"
                                                "First, the *regulations* were applied. Second, training was held.\n"),
        "docs/en/reports/2023/plan.md": english(PLAN, "2. Plans", "First, oversight.\n"),
        "docs/en/policies/test-regulations.md": "---\ntitle: Test Regulations\n---\n",
        "data/areas.yml": AREAS,
    }
    files.update(changes or {})
    for rel, text in files.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def read(root, include_drafts=False):
    return CatalogReader(root / "docs" / "zh", root / "data", root).read(include_drafts)


def errors_of(root) -> list:
    with pytest.raises(ContentErrors) as err:
        read(root)
    return err.value.errors


def test_measure_ids_pad_the_subsection():
    assert measure_id(2023, 1, 3, 2) == "2023-1-03-2" and measure_id(2024, 10, 11, 12) == "2024-10-11-12"


def test_a_report_of_two_pages_and_a_policy_read_into_the_catalog(tmp_path):
    catalog, notices = read(write_docs(tmp_path))
    assert notices == []  # the policy is cited, the report has no open items
    assert [(m.id, m.kind, m.area, m.year, m.page, m.line) for m in catalog.measures] == [
        ("2023-1-01-1", "done", "enforcement", 2023, "reports/2023/done.md", 13),
        ("2023-1-01-2", "done", "enforcement", 2023, "reports/2023/done.md", 13),
        ("2023-2-00-1", "planned", "oversight", 2024, "reports/2023/plan.md", 11)]
    first, second, planned = catalog.measures
    assert first.text == "一是落实《测试条例》。" and first.policies == ["test-regulations"]
    assert [f.text for f in second.figures] == ["约37件次"]
    assert catalog.policies["test-regulations"].cited_by == ["2023-1-01-1"]
    assert catalog.policies["test-regulations"].title_en == "Test Regulations"
    assert (first.text_en, first.page_en) == ("First, the *regulations* were applied.", "reports/2023/done.md")
    assert planned.outcome == {"status": "awaiting", "reported_by": []}  # no later report yet
    assert [p["page"] for p in catalog.report_pages[2023]] == [
        "reports/2023/index.md", "reports/2023/done.md", "reports/2023/plan.md"]
    assert catalog.report_pages[2023][0]["title_en"] == "The 2023 report"
    assert catalog.drafts == set() and set(catalog.areas) == {"enforcement", "oversight"}


def test_a_policy_no_measure_cites_is_a_notice_not_an_error(tmp_path):
    root = write_docs(tmp_path)
    (root / "docs/zh/policies/uncited.md").write_text(POLICY.replace("测试条例", "未引用办法"), "utf-8")
    _, notices = read(root)
    assert notices == ["docs/zh/policies/uncited.md: policy page '未引用办法' is cited by no measure "
                       "(keep it if a coming report cites it, otherwise remove it)"]


def test_several_problems_are_reported_at_once_each_with_its_file_line_and_fix(tmp_path):
    root = write_docs(tmp_path, {
        "docs/zh/reports/2023/done.md": DONE.replace("area: enforcement", "area: nowhere"),
        "docs/zh/reports/2023/plan.md": PLAN.replace("一是加强监督。", "一是加强监督管理。"),
        "docs/zh/policies/test-regulations.md": None})
    (root / "docs/zh/policies").mkdir()
    (root / "docs/zh/policies/broken.md").write_text(POLICY.replace("level: 自治区\n", ""), "utf-8")
    (root / "data/cited-documents.yml").write_text("- title: 某报告\n", "utf-8")
    errors = errors_of(root)
    found = {(e.path, e.line): e for e in errors}
    policy = found[("docs/zh/policies/broken.md", 1)]
    assert "no 'level' field" in policy.problem and "add 'level:'" in policy.fix
    assert "entry 1 has no 'title' or no 'kind'" in found[("data/cited-documents.yml", None)].problem
    area = found[("docs/zh/reports/2023/done.md", 6)]
    assert "unknown area 'nowhere'" in area.problem and "enforcement, oversight" in area.fix
    changed = found[("docs/zh/reports/2023/plan.md", 11)]
    assert "differs from the official file (docs/zh/reports/2023/2023-report.txt, line 5)" in changed.problem
    assert "character for character" in changed.fix
    assert len(errors) == len(found) == 4


def test_all_problems_are_listed_in_one_message(tmp_path):
    root = write_docs(tmp_path, {"data/cited-documents.yml": "- title: 某报告\n- kind: report\n"})
    with pytest.raises(ContentErrors) as err:
        read(root)
    message = str(err.value)
    assert message.startswith("2 problems in the content; each names its file, line and fix:\n1. data/cited-documents.yml: entry 1")
    assert "\n2. data/cited-documents.yml: entry 2" in message and message.count("How to fix:") == 2


def test_a_marker_out_of_order_names_its_line(tmp_path):
    text = "一是落实《测试条例》。三是开展培训约37件次。"
    root = write_docs(tmp_path, {"docs/zh/reports/2023/done.md": DONE.replace("一是落实《测试条例》。二是开展培训约37件次。", text),
                                 "docs/zh/reports/2023/2023-report.txt": OFFICIAL.replace("二是开展", "三是开展")})
    [error] = errors_of(root)
    assert (error.path, error.line) == ("docs/zh/reports/2023/done.md", 13)
    assert "measure marker '三是' where '二是' was expected" in error.problem and "renumber the markers" in error.fix


def test_an_english_page_with_other_measures_is_named(tmp_path):
    root = write_docs(tmp_path, {"docs/en/reports/2023/plan.md": english(PLAN, "2. Plans", "First, oversight. Second, more.\n")})
    [error] = errors_of(root)
    assert error.path == "docs/en/reports/2023/plan.md"
    assert "has the measures ['2023-2-00-1', '2023-2-00-2'] but docs/zh/reports/2023/plan.md has ['2023-2-00-1']" in error.problem


def test_an_open_item_fails_a_published_report_and_is_listed_for_a_draft(tmp_path):
    unknown = DONE.replace("《测试条例》", "《未知条例》")
    root = write_docs(tmp_path, {"docs/zh/reports/2023/done.md": unknown,
                                 "docs/zh/reports/2023/2023-report.txt": OFFICIAL.replace("《测试条例》", "《未知条例》")})
    [error] = errors_of(root)
    assert (error.path, error.line) == ("docs/zh/reports/2023/done.md", 13)
    assert "1 cited title(s) are not known to the site: 《未知条例》 (line 13)" in error.problem
    assert "data/cited-documents.yml" in error.fix

    (root / "docs/zh/reports/2023/index.md").write_text(HOME.replace("status: published", "status: draft"), "utf-8")
    catalog, notices = read(root)
    assert catalog.measures == [] and catalog.report_pages == {}  # a draft is not shown unless previewing
    assert any(n.startswith("Draft report 2023 has 1 open item(s) to clear before it can be published:\n  1. "
                            "docs/zh/reports/2023/done.md:13: 1 cited title(s)") for n in notices)
    preview, _ = read(root, include_drafts=True)
    assert preview.drafts == {2023} and len(preview.measures) == 3 and len(preview.open_items[2023]) == 1


def test_draft_folders_and_pages(tmp_path):
    root = write_docs(tmp_path, {"docs/zh/reports/2023/index.md": HOME.replace("status: published", "status: draft")})
    (root / "docs/zh/about.md").write_text("---\ntitle: 关于\ndraft: true\n---\n", "utf-8")
    (root / "docs/en/about.md").write_text("---\ntitle: About\ndraft: maybe\n---\n", "utf-8")
    catalog, _ = read(write_docs(tmp_path / "without-bad-page", {
        "docs/zh/reports/2023/index.md": HOME.replace("status: published", "status: draft")}))
    assert catalog.unpublished == ["reports/2023"]
    pages, errors = draft_pages(root / "docs")
    assert pages == ["about.md"]
    [error] = errors
    assert (error.path, error.line) == ("docs/en/about.md", 3) and "'draft: maybe' is neither true nor false" in error.problem
