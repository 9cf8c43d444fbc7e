"""annual_report.rendering.markdown and citations: escaping, tables, links, the title as cited."""

from __future__ import annotations

from rendering_factory import make_catalog

from annual_report.rendering.citations import cited_as, link_citations, policy_label
from annual_report.rendering.markdown import cell, excerpt, pipe_table, plain, relink, site_href, text
from annual_report.text import find_citations


def test_escaping_for_markdown_text_and_cells():
    assert text('<b>"A" & B</b>') == '&lt;b&gt;"A" &amp; B&lt;/b&gt;'
    assert cell("a|b\nc") == "a\\|b c"


def test_pipe_table_with_aligned_columns():
    assert pipe_table(["年", "数"], [["2023", "1"]], align=["---:", "---"]) == "| 年 | 数 |\n|---:|---|\n| 2023 | 1 |\n"


def test_plain_drops_links_emphasis_and_attributes():
    assert plain("First, *the* [Plan](x.md){ .policy-link } was **done**.") == "First, the Plan was done."


def test_excerpt_cuts_at_a_clause():
    assert excerpt("甲" * 30 + "，" + "乙" * 40) == "甲" * 30 + "，…"


def test_links_between_pages():
    assert site_href("reports/2023/index.md", "measures/by-area.md", "area-x") == "../../measures/by-area/#area-x"
    assert site_href("reports/2023/plan.md", "reports/2023/plan.md") == "./"
    assert relink("[a](plan.md#m-1) [b](#x) [c](https://e.org)", "reports/2023/index.md", "reports/2023/full.md") == \
        "[a](plan.md#m-1) [b](#x) [c](https://e.org)"
    assert relink("[a](../index.md)", "reports/2023/progress/a.md", "reports/2023/full.md") == "[a](index.md)"


def test_citations_link_without_changing_a_character():
    catalog = make_catalog()
    sentence = "二是落实《测试条例》。"
    out = link_citations(sentence, 0, find_citations(sentence), "reports/2023/work.md", catalog)
    assert out == "二是落实[《测试条例》](../../policies/test-regulations.md){ .policy-link }。"
    assert cited_as(catalog, "test-regulations") == "《测试条例》"
    assert policy_label(catalog, "test-regulations", "en") == "*Test Regulations* 《测试条例》"
