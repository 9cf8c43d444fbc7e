"""What a reader of a government disclosure expects: the metadata table, the original, the footer."""

from __future__ import annotations

import yaml
from conftest import DOCS, ROOT, SOURCE, soup_of

from annual_report.catalog import sha256
from annual_report.frontmatter import split_page


def metadata(soup, url="/reports/2023/"):
    table = soup(url).select_one("article table.disclosure-meta")
    return {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in table.select("tr")}


def test_report_home_opens_with_the_disclosure_table(soup):
    article = soup("/reports/2023/").select_one("article")
    first_block = article.find(["table", "p", "ul", "div"], recursive=False) or article.find("table")
    assert first_block.name == "table" and "disclosure-meta" in first_block["class"]
    # 未核实: this site does not know the value (issue 12: no source says the report has no 文号).
    assert metadata(soup) == {
        "发布机构": "博州交通运输局", "成文日期": "2024-03-21", "发布日期": "未核实", "文号": "未核实",
        "索引号": "未核实", "主题分类": "未核实", "审核人": "王勇",
    }
    assert "site-added" in first_block["class"] and "本站" in first_block.caption.get_text()


def test_table_values_come_from_front_matter(tmp_path):
    """The table is rendered from the page's front matter, not written into a template."""
    from annual_report.model import Catalog
    from annual_report.rendering.report_home import disclosure_table

    meta = split_page("x.md", (DOCS / "zh/reports/2023/index.md").read_text("utf-8")).meta
    meta["disclosure"]["reviewer"] = "测试"
    catalog = Catalog({}, {}, [], ui_strings=yaml.safe_load((ROOT / "data/ui-strings.yml").read_text("utf-8")))
    assert "<td>测试</td>" in disclosure_table(meta, catalog, "zh")


def test_report_home_offers_the_original_and_the_portal_copy(soup):
    article = soup("/reports/2023/").select_one("article")
    download = article.select_one('a[download][href="2023-report.txt"]')
    assert download is not None and "原文" in download.find_parent("li").get_text()
    assert article.select_one("code.sha256").get_text() == sha256(SOURCE)
    assert article.select_one('a[href="https://www.xjboz.gov.cn/info/2185/147444.htm"]') is not None


def test_footer_claims_no_operator_or_contact_and_no_unissued_number(soup):
    """No source says who runs the site or how to reach it (issue 12): the footer says what the site is."""
    for url in ("/", "/reports/2023/", "/en/"):
        footer = soup(url).select_one("footer .site-footer").get_text()
        assert "博州交通运输局" in footer or "Transport Bureau" in footer
        assert "不是政府门户网站" in footer or "not a government portal" in footer
        for label in ("主办单位", "Run by", "联系方式", "Contact", "未提供", "not given",
                      "网站标识码", "ICP", "公安机关备案", "公网安备", "Site code"):
            assert label not in footer


def test_home_pages_lead_to_the_latest_report(soup):
    assert soup("/").select_one('article a.md-button--primary[href="reports/2023/"]') is not None
    assert soup("/en/").select_one('article a.md-button--primary[href="reports/2023/"]') is not None


def test_english_ui_and_language_switcher(soup):
    page = soup("/en/")
    assert page.html["lang"] == "en"
    switch = {a.get_text(strip=True): a["href"] for a in page.select(".md-select__link")}
    assert "中文" in switch and "English" in switch


def test_untranslated_english_page_is_not_a_dead_end(built_elsewhere):
    """An English page with no translation shows a notice that links the Chinese page (that copy has no
    docs/en/about.md: conftest.built_elsewhere)."""
    site = built_elsewhere.site
    assert "about.md" in built_elsewhere.result.stderr.split("Pages without an English translation")[1]
    page = site / "en" / "about" / "index.html"
    notice = soup_of(page).select_one("article .translation-missing")
    assert notice is not None and "Not yet translated" in notice.get_text()
    link = notice.select_one('a[hreflang="zh"]')["href"]
    assert (page.parent / link / "index.html").resolve() == (site / "about" / "index.html").resolve()


def test_translated_english_page_says_it_is_unofficial(soup):
    notice = soup("/en/reports/2023/plan/").select_one("article .translation-notice")
    assert "Unofficial translation" in notice.get_text() and "prevails" in notice.get_text()
    assert notice.select_one('a[hreflang="zh"]')["href"] == "../../../../reports/2023/plan/"
