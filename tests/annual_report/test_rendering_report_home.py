"""annual_report.rendering.report_home: a report home's sections and the one-page report."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from rendering_factory import HOME, HOME_META, PROBE, WORK, make_catalog, page

from annual_report.errors import ContentError
from annual_report.frontmatter import SourcePage
from annual_report.rendering import report_home
from annual_report.text import find_figures

FULL = "reports/2023/full.md"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_the_disclosure_table_is_marked_and_escapes_every_value():
    meta = {"disclosure": {**HOME_META["disclosure"], "issuer": PROBE, "reviewer": "A & B"}}
    table = soup(report_home.disclosure_table(meta, make_catalog(), "en")).table
    cells = {tr.th.get_text(): tr.td.get_text() for tr in table.select("tr")}
    assert cells["Issuing body"] == PROBE and cells["Reviewer"] == "A & B" and cells["Document number"] == "not verified"
    assert table.find("script") is None and "site-added" in table["class"]


def test_the_contents_are_a_marked_list_of_the_other_pages():
    out = report_home.report_contents(page(HOME, meta=HOME_META), make_catalog())
    nav = soup(out).select_one("nav.report-contents.site-added")
    assert nav is not None and "- [工作](work.md)" in out and "index.md" not in out


def test_the_original_is_linked_from_the_english_page_where_it_is_published():
    catalog = make_catalog()
    out = report_home.original_links(page(HOME, "en", HOME_META, url="en/reports/2023/"), catalog)
    link = soup(out).select_one("a[download]")
    assert link["href"] == "../../../reports/2023/2023-report.txt" and link.get_text() == "2023-report.txt"
    assert soup(out).select_one("code.sha256").get_text() == "ab" * 32


def test_a_missing_original_says_so():
    out = report_home.original_links(page(HOME, meta=HOME_META), make_catalog(official_files={}))
    assert soup(out).select_one("span.not-given").get_text() == "原文文件尚未添加"


def test_the_editors_note_on_the_title_is_shown_and_escaped():
    meta = {**HOME_META, "disclosure": {**HOME_META["disclosure"], "title_note": PROBE}}
    out = report_home.original_links(page(HOME, "en", meta, url="en/reports/2023/"), make_catalog())
    assert "!!! note \"Editor's note\"" in out and "<script>" not in out


def test_a_figure_card_keeps_its_qualifier_and_glosses_it_in_english():
    out = report_home.figures_panel(page(HOME, "en", HOME_META), make_catalog())
    card = soup(out).select_one("li.figure-card")
    assert card.select_one(".figure-card__value").get_text() == "约37"
    assert card.select_one(".figure-card__gloss").get_text() == "(about 37 items)"
    assert card.select_one("strong").get_text() == "约37件次"
    assert card.select_one("a")["href"] == "work/#m-2023-1-01-1"
    [f] = find_figures("每年接受不少于60学时的培训")
    assert report_home.figure_gloss(f) == "at least 60 class hours"


def test_the_areas_chart_counts_the_measures_of_each_area():
    out = report_home.areas_chart(page(HOME, meta=HOME_META), make_catalog())
    table = soup(out).select_one("figure.areas-chart.site-added table")
    counts = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")}
    assert counts == {"执法": ["2", "0"], "审批": ["0", "1"]}
    assert table.caption.get_text() == "各领域措施数：2023年已开展的工作与2024年工作安排（本站按措施编号统计）"
    assert [rect["width"] for rect in table.select("tbody rect.areas-chart__fill")] == ["100.0", "0.0", "0.0", "50.0"]


def test_the_full_report_shows_every_page_without_anchors():
    out = report_home.full_report(page(FULL, meta={"report": 2023}), make_catalog())
    parsed = soup(out)
    assert parsed.select_one("table.disclosure-meta") is not None
    assert [s["class"][1] for s in parsed.select("section.report-section")] == ["report-section--1", "report-section--2"]
    assert all(not span.has_attr("id") for span in parsed.select("span.measure"))
    assert "<!-- report:contents -->" not in out and "报告原文开头。" in out


def test_an_untranslated_page_of_the_english_full_report_is_shown_in_chinese():
    catalog = make_catalog()
    catalog.sources[("en", WORK)] = SourcePage(f"docs/en/{WORK}", {"translation": "pending"}, "", 1)
    out = report_home.full_report(page(FULL, "en", {"report": 2023}), catalog)
    assert all(div.get("lang") == "zh" for div in soup(out).select("div.report-page"))


def test_a_full_report_of_an_unknown_year_is_an_error():
    with pytest.raises(ContentError, match="names report 1999, which has no published report home"):
        report_home.full_report(page(FULL, meta={"report": 1999}), make_catalog())
