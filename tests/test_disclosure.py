"""What a reader of a government disclosure expects: the metadata table, the original, the footer."""

from __future__ import annotations

from conftest import SOURCE, DOCS

from annual_report.catalog import sha256
from annual_report.frontmatter import split_page


def metadata(soup, url="/reports/2023/"):
    table = soup(url).select_one("article table.disclosure-meta")
    return {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in table.select("tr")}


def test_report_home_opens_with_the_disclosure_table(soup):
    article = soup("/reports/2023/").select_one("article")
    first_block = article.find(["table", "p", "ul", "div"], recursive=False) or article.find("table")
    assert first_block.name == "table" and "disclosure-meta" in first_block["class"]
    assert metadata(soup) == {
        "发布机构": "博州交通运输局", "成文日期": "2024-03-21", "发布日期": "未提供", "文号": "无",
        "索引号": "未提供", "主题分类": "未提供", "审核人": "王勇",
    }


def test_table_values_come_from_front_matter(tmp_path):
    """The table is rendered from the page's front matter, not written into a template."""
    from annual_report.render import disclosure_table

    meta = split_page("x.md", (DOCS / "zh/reports/2023/index.md").read_text("utf-8")).meta
    meta["disclosure"]["reviewer"] = "测试"
    assert "<td>测试</td>" in disclosure_table(meta, "zh")


def test_report_home_offers_the_original_and_the_portal_copy(soup):
    article = soup("/reports/2023/").select_one("article")
    download = article.select_one('a[download][href="2023-report.txt"]')
    assert download is not None and "原文" in download.find_parent("li").get_text()
    assert article.select_one("code.sha256").get_text() == sha256(SOURCE)
    assert article.select_one('a[href="https://www.xjboz.gov.cn/info/2185/147444.htm"]') is not None


def test_footer_names_the_publisher_and_no_unissued_number(soup):
    for url in ("/", "/reports/2023/", "/en/"):
        footer = soup(url).select_one("footer .site-footer").get_text()
        assert "博州交通运输局" in footer or "Transport Bureau" in footer
        for label in ("网站标识码", "ICP", "公安机关备案", "公网安备", "Site code"):
            assert label not in footer


def test_home_pages_lead_to_the_latest_report(soup):
    assert soup("/").select_one('article a.md-button--primary[href="reports/2023/"]') is not None
    assert soup("/en/").select_one('article a.md-button--primary[href="reports/2023/"]') is not None


def test_english_ui_and_language_switcher(soup):
    page = soup("/en/")
    assert page.html["lang"] == "en"
    switch = {a.get_text(strip=True): a["href"] for a in page.select(".md-select__link")}
    assert "中文" in switch and "English" in switch


def test_untranslated_english_page_is_not_a_dead_end(soup, site):
    """An English page with no translation shows a notice that links the Chinese page."""
    untranslated = [p for p in (DOCS / "zh").rglob("*.md") if not (DOCS / "en" / p.relative_to(DOCS / "zh")).exists()]
    assert untranslated, "every page is translated; pick another check"
    for md in untranslated[:5]:
        rel = md.relative_to(DOCS / "zh").with_suffix("")
        url = "/en/" + ("" if rel.name == "index" else rel.as_posix() + "/") if rel.name != "index" else "/en/" + rel.parent.as_posix() + "/"
        url = url.replace("//", "/").replace("/./", "/")
        notice = soup(url).select_one("article .translation-missing")
        assert notice is not None, url
        link = notice.select_one('a[hreflang="zh"]')
        target = (site / "en" / url.removeprefix("/en/")).resolve() / link["href"]
        assert (target.resolve() / "index.html").exists(), (url, link["href"])
