"""annual_report.safety: nothing in a content file may run code in a reader's browser; each finding
names its line and fix, and files under docs/ that may not be published are named with the fix."""

from __future__ import annotations

import pytest

from annual_report.errors import ContentError
from annual_report.safety import (MAX_TEXT_BYTES, check_docs_file, check_docs_files, check_file, check_project, check_text,
                                  decode_references)

PAGE = "正文第一行。\n\n{}\n\n正文最后一行。\n"  # the sample sits on line 3


def problems(sample: str) -> list[str]:
    found = check_text(PAGE.format(sample))
    assert all(f.line == 3 for f in found), found
    assert all(f.fix for f in found)
    return [f.problem for f in found]


@pytest.mark.parametrize("sample, tag", [
    ("<script>alert(1)</script>", "<script>"),
    ("<SCRIPT SRC=https://example.com/x.js></SCRIPT>", "<script>"),
    ('<iframe src="https://example.com/"></iframe>', "<iframe>"),
    ('<object data="x.swf"></object>', "<object>"),
    ('<embed src="x.swf">', "<embed>"),
    ('<form action="https://example.com/"><input name="x"></form>', "<form>"),
    ('<meta http-equiv="refresh" content="0; url=https://example.com/">', "<meta>"),
])
def test_forbidden_tags(sample, tag):
    assert any(f"raw HTML tag {tag}" in p for p in problems(sample))


@pytest.mark.parametrize("sample, handler", [
    ('<img src="x.png" onerror="alert(1)">', "onerror"),
    ('<a href="../index.md" onClick="steal()">首页</a>', "onClick"),
    ("<svg/onload=alert(1)>", "onload"),
    ('<span title=">" onmouseover="x()">悬停</span>', "onmouseover"),
    ('[首页](../index.md){ onfocus="x()" }', "onfocus"),  # attr_list sets any attribute
    ("<div onpointerenter = 'x()'>空格</div>", "onpointerenter"),
])
def test_inline_event_handlers(sample, handler):
    assert any(f"inline event handler '{handler}='" in p for p in problems(sample))


@pytest.mark.parametrize("sample", [
    "[点此查看](javascript:alert(1))",
    "[点此查看]( JavaScript:alert(1) )",
    "![图](javascript:alert(1))",
    "<javascript:alert(1)>",
    '<a href="javascript:alert(1)">链接</a>',
    "<a href='jav\tascript:alert(1)'>链接</a>",
    '<a href="&#106;avascript:alert(1)">链接</a>',
    '<a href="jav&#x09;ascript&colon;alert(1)">链接</a>',
    '[首页](../index.md){ href="javascript:alert(1)" }',
])
def test_javascript_links(sample):
    assert any("'javascript:' address" in p for p in problems(sample))


def test_reference_style_javascript_link_and_its_line():
    text = "见[说明][1]。\n\n[1]: javascript:alert(1)\n"
    [finding] = check_text(text)
    assert finding.line == 3 and "javascript:" in finding.problem


def test_a_javascript_address_split_over_lines_is_found_on_its_first_line():
    text = '第一行\n<a href="java\nscript:alert(1)">x</a>\n'
    [finding] = check_text(text)
    assert finding.line == 2


def test_a_handler_on_the_second_line_of_a_tag_is_found_on_that_line():
    [finding] = check_text('第一行\n<img src="x.png"\n     onerror="alert(1)">\n')
    assert finding.line == 3 and "onerror" in finding.problem


def test_vbscript_links():
    assert any("'vbscript:' address" in p for p in problems("[x](vbscript:msgbox(1))"))


@pytest.mark.parametrize("sample", [
    "# 三、2024年工作安排 { #plan }",
    "[阅读最新报告](reports/2023/index.md){ .md-button .md-button--primary }",
    "<!-- policy:facts -->",
    '<div class="admonition info site-added" markdown>\n<p class="admonition-title">说明</p>\n</div>',
    '<a href="../data/measures.json">measures.json</a>',
    "<details><summary>原文</summary>正文</details>",
    "<noscript>无</noscript>",
    "The metadata of a page; a description of <metadata>; on Monday; one of them.",
    "[JavaScript 指南](https://example.org/javascript-guide) and a javascript file.",
    "按照“谁执法谁普法”原则,落实普法责任制:㈡、(十一)。",
])
def test_ordinary_content_passes(sample):
    assert problems(sample) == []


def test_character_references_are_decoded_where_they_stand():
    decoded, where = decode_references("a&#106;b&amp;c")
    assert decoded == "ajb&c"
    assert [where[i] for i in range(len(decoded))] == [0, 1, 7, 8, 13]


def test_the_first_finding_names_the_file_line_and_fix(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: x\n---\n\n正文\n\n<script>alert(1)</script>\n<iframe src=x>\n", "utf-8")
    with pytest.raises(ContentError) as err:
        check_file(path, "docs/zh/page.md")
    assert err.value.path == "docs/zh/page.md" and err.value.line == 7
    assert "<script>" in err.value.problem and "1 more" in err.value.problem and err.value.fix


# --- Issue 12: style, attr_list forms, escaped YAML strings, files under docs/ ----------------------

@pytest.mark.parametrize("sample, what", [
    ('<span style="position:fixed;inset:0">假通知</span>', "'style=' attribute"),
    ('正文。{: style="display:none" }', "'style=' attribute"),
    ("<style>body{display:none}</style>", "raw HTML tag <style>"),
    ('<link rel="stylesheet" href="https://example.com/x.css">', "raw HTML tag <link>"),
    ('[首页](../index.md){:onclick="x()"}', "inline event handler 'onclick='"),
])
def test_style_and_attr_list_forms(sample, what):
    assert any(what in p for p in problems(sample))


def test_a_script_spelled_with_yaml_escapes_in_the_front_matter_is_found(tmp_path):
    path = tmp_path / "page.md"
    path.write_text('---\ntitle: 普通标题\nnote: "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"\n---\n\n正文\n', "utf-8")
    with pytest.raises(ContentError) as err:
        check_file(path, "docs/zh/page.md")
    assert err.value.line == 3 and "<script>" in err.value.problem and "YAML string" in err.value.problem


def test_an_escaped_handler_in_a_data_file_is_found(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text('- id: x\n  definition_en: "\\u003cimg src=x onerror=alert(1)\\u003e"\n', "utf-8")
    with pytest.raises(ContentError) as err:
        check_file(path, "data/glossary.yml")
    assert err.value.line == 2 and "onerror" in err.value.problem


@pytest.mark.parametrize("rel, problem", [
    ("zh/notice.html", "'.html' file under docs/"),
    ("zh/reports/2023/chart.svg", "'.svg' file under docs/"),
    ("zh/about.markdown", "'.markdown' file under docs/"),
    ("zh/policies/new policy.md", "the name 'new policy.md' has a space"),
    ("zh/政策.md", "the name '政策.md' has characters"),
])
def test_files_that_may_not_be_published(rel, problem):
    finding = check_docs_file(rel, 100)
    assert finding is not None and problem in finding.problem and finding.fix


def test_allowed_files_and_sizes():
    assert check_docs_file("zh/reports/2023/2023-report.txt", 20_000) is None
    assert check_docs_file("zh/reports/2023/photo.jpg", 200_000) is None
    assert check_docs_file("zh/notice.html", 100, {"zh/notice.html"}) is None  # reviewed and listed
    assert "more than the 512 KB a page may have" in check_docs_file("zh/about.md", MAX_TEXT_BYTES + 1).problem
    assert check_docs_file("zh/a.png", 100, head=b"\x89PNG\r\n\x1a\n\x00\x00") is None
    assert "is not a PNG image" in check_docs_file("zh/a.png", 100, head=b"<svg onload=alert(1)>").problem


def small_project(root):
    """A project of one page and one data file, to break."""
    (root / "docs" / "zh").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "docs" / "zh" / "about.md").write_text("---\ntitle: 关于\n---\n\n# 关于\n", "utf-8")
    (root / "data" / "glossary.yml").write_text("- id: x\n  term: 甲\n  definition_zh: 释义\n", "utf-8")
    return root


def test_a_small_clean_project_passes(tmp_path):
    check_project(small_project(tmp_path))


def test_data_files_are_checked(tmp_path):
    project = small_project(tmp_path)
    path = project / "data" / "glossary.yml"
    path.write_text(path.read_text("utf-8").replace("definition_zh: ", 'definition_zh: <img src=x onerror="alert(1)">'), "utf-8")
    with pytest.raises(ContentError) as err:
        check_project(project)
    assert err.value.path == "data/glossary.yml" and err.value.line == 3


def test_a_page_with_an_upper_case_suffix_is_checked_too(tmp_path):
    """MkDocs renders about.MD as a page: it is checked like about.md."""
    project = small_project(tmp_path)
    (project / "docs/zh/notice.MD").write_text("---\ntitle: x\n---\n\n<script>alert(1)</script>\n", "utf-8")
    with pytest.raises(ContentError) as err:
        check_project(project)
    assert err.value.path == "docs/zh/notice.MD" and "<script>" in err.value.problem


@pytest.mark.parametrize("rel, text, expected", [
    ("docs/zh/notice.html", "<p>通知</p><script>alert(1)</script>", "docs/zh/notice.html: a '.html' file under docs/"),
    ("docs/zh/reports/2023/x.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "docs/zh/reports/2023/x.svg: a '.svg' file"),
    ("docs/zh/extra.markdown", "---\ntitle: x\n---\n\n{: onclick=x }\n", "docs/zh/extra.markdown: a '.markdown' file"),
    ("docs/zh/policies/new policy.md", "---\ntitle: x\n---\n", "has a space that a web address cannot hold"),
    ("docs/zh/big.md", "正文。\n" * 200_000, "a page may have"),
])
def test_files_under_docs_that_may_not_be_published_are_named_with_the_fix(tmp_path, rel, text, expected):
    project = small_project(tmp_path)
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_text(text, "utf-8")
    with pytest.raises(ContentError) as err:
        check_docs_files(project)
    assert expected in str(err.value) and "How to fix:" in str(err.value)


def test_a_script_title_spelled_with_yaml_escapes_is_named_at_its_line(tmp_path):
    project = small_project(tmp_path)
    path = project / "docs/zh/about.md"
    path.write_text(path.read_text("utf-8").replace("title: ", 'title: "\\u003cscript\\u003ealert(document.domain)\\u003c/script\\u003e"\nx_old_title: ', 1), "utf-8")
    with pytest.raises(ContentError) as err:
        check_project(project)
    assert str(err.value).startswith("docs/zh/about.md:2: raw HTML tag <script>") and "in a YAML string" in str(err.value)

