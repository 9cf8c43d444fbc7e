"""Content that could run code in a reader's browser fails the build with the file, the line and the fix.

What each check finds is tested on strings and small folders in tests/annual_report/test_safety.py;
here, the project's own content passes, and a build shows that both checks (the text of content files,
and the files allowed under docs/) stop it with their message, never a traceback.
"""

from __future__ import annotations

from conftest import ROOT, build
from test_bad_input import assert_fails_cleanly, edit, line_of

from annual_report.safety import check_project


def test_the_project_content_is_safe():
    check_project(ROOT)  # raises ContentError on the first unsafe construct


def test_build_fails_on_a_script_in_a_report_page(project):
    rel = "docs/zh/reports/2023/plan.md"
    path = edit(project, rel, "## (二)工作措施", "<script>alert(1)</script>\n\n## (二)工作措施")
    assert_fails_cleanly(build(project), f"{rel}:{line_of(path, '<script>')}", "raw HTML tag <script>", "How to fix:")


def test_the_build_rejects_a_file_under_docs_that_may_not_be_published(project):
    (project / "docs/zh/notice.html").write_text("<p>通知</p><script>alert(1)</script>", "utf-8")
    assert_fails_cleanly(build(project), "docs/zh/notice.html: a '.html' file under docs/", "How to fix:")
