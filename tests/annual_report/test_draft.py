"""annual_report.draft: the pages of an imported report hold its official text exactly.

The property: for any text, reading it either stops with a StructureError or gives pages that,
read back with the site's additions removed, are the text again (only layout may differ).
"""

from __future__ import annotations

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from annual_report.draft import draft_pages, english_stub, escape_markdown, nav_block, unescape_markdown
from annual_report.fidelity import check_report
from annual_report.frontmatter import split_page, validate
from annual_report.structure import StructureError, read_report

MARKUP = "*_`[]{}|<>&#!?\\-+=.()：:。，,；"
FRAGMENTS = ["一、", "二、", "三、", "四、", "五、", "（一）", "（二）", "(三)", "㈡", "㈢", "一是", "二是", "三是", "1.", "2.", "1、",
             "（1）", "（2）", "①", "②", "主要举措和成效", "存在的问题", "工作安排", "其他需要报告的情况", "第一责任人职责",
             "《法治政府建设实施纲要》", "〈条例〉", "2025年3月20日", "审核人:", "博州交通运输局", "&lt;", "<br>", "<div>",
             "!!! note", "    ", "　　", "\r\n", "\n", "\n\n", "# ", "> ", "- ", "1. ", "---", "===", "{ #x }", "<!-- x -->"]
line_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=MARKUP + "甲乙丙丁测试 ", max_size=6)), max_size=12)


NUMERALS = "一二三四五六七八九十"
KIND_WORDS = ["主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况", "存在的不足和原因", "下一年度主要安排",
              "其他需要报告的情况"]


@st.composite
def reports(draw):
    """Texts shaped like reports (so that most are read, not refused), with markup and noise in every line."""
    free = lambda: "".join(draw(line_text))  # noqa: E731
    lines = [free() for _ in range(draw(st.integers(0, 3)))]
    for n in range(draw(st.integers(1, 5))):
        lines.append(f"{NUMERALS[n]}、{draw(st.sampled_from(KIND_WORDS))}{free()}")
        for k in range(draw(st.integers(0, 3))):
            lines.append(draw(st.sampled_from([f"（{NUMERALS[k]}）", f"({NUMERALS[k]})", "㈠㈡㈢"[k]])) + free())
            lines += [free() for _ in range(draw(st.integers(0, 2)))]
        lines += [free() for _ in range(draw(st.integers(0, 2)))]
    lines += draw(st.lists(st.sampled_from(["博州交通运输局", "2025年3月20日", "审核人:测试"]), max_size=3))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


def read_back(text: str, pages) -> list:
    parsed = [(split_page(p.path, p.text()), p.path == "index.md") for p in pages]
    return check_report("o.txt", text, [(page, home) for page, home in parsed if home or "section" in page.meta])


@settings(max_examples=300, deadline=None)
@given(st.one_of(reports(), st.lists(line_text, max_size=25).map(lambda lines: "\n".join("".join(p) for p in lines))))
def test_any_text_imports_and_reads_back_exactly(text):
    try:
        report = read_report(text)
    except StructureError:
        return
    pages = draft_pages(report, 2024, "博州交通运输局", "2024-report.txt")
    assert read_back(text, pages) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MARKUP + "甲乙 \t1234567890", max_size=30))
def test_escaped_markdown_renders_the_text_itself(line):
    line = line.strip()
    escaped = escape_markdown(line)
    assert unescape_markdown(escaped) == line
    html = markdown.markdown(escaped, extensions=["tables", "attr_list", "md_in_html", "abbr"])
    rendered = markdown.markdown(escaped, output_format="html").strip()
    assert "<h" not in html[:3] and "<li>" not in html and "<blockquote>" not in html and "<hr" not in html and "<table>" not in html
    assert rendered.startswith("<p>") or not line


def test_the_pages_validate_and_the_nav_is_yaml():
    text = ("标题报告\n主送：\n一、主要举措和成效\n（一）甲。一是学习。\n（二）乙。丙。\n二、存在的问题\n一是问题。\n"
            "三、下一步工作打算\n（一）工作思路\n坚持。\n（二）工作措施\n一是措施。\n四、其他需要报告的情况\n无\n博州交通运输局\n2025年1月5日")
    pages = draft_pages(read_report(text), 2024, "博州交通运输局", "2024-report.txt")
    assert [p.path for p in pages] == ["index.md", "progress/index.md", "progress/01.md", "progress/02.md", "problems.md",
                                       "plan/index.md", "plan/01.md", "plan/02.md", "other.md", "full.md"]
    for page in pages + [english_stub(p) for p in pages]:
        validate(split_page(page.path, page.text()), "report-page.schema.json")
    assert pages[6].meta["goal_subsections"] == [1] and pages[0].meta["disclosure"]["written"] == "2025-01-05"
    assert '<div class="signature" markdown>' in pages[8].body and "2025年1月5日" in pages[8].body
    nav = yaml.safe_load("nav:\n  - 历年报告:\n" + nav_block(2024, pages))
    report = nav["nav"][0]["历年报告"][0]["2024年报告"]
    assert report[0] == "reports/2024/index.md" and report[1] == {"一、主要举措和成效": [
        "reports/2024/progress/index.md", "reports/2024/progress/01.md", "reports/2024/progress/02.md"]}
    assert report[-1] == "reports/2024/full.md"
