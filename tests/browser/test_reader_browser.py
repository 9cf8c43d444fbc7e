"""Reader features as Chromium shows them: the figures panel and the areas chart on a phone and a
desktop, the one-page report in print, page dates, and the 404 page's links and search hint."""

from __future__ import annotations

import re

import pytest
from .conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_figures_panel_and_chart_fit_the_screen(new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto("/reports/2023/")
    cards = page.locator(".figures-panel li.figure-card")
    assert cards.count() >= 10
    cards.first.scroll_into_view_if_needed()
    assert cards.first.is_visible()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    for i in range(cards.count()):
        box = cards.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 0.5
    # The bars are drawn to scale: the widest is the largest count, a zero draws nothing.
    bars = page.evaluate("""() => [...document.querySelectorAll('figure.areas-chart tbody td')].map(td => ({
        n: Number(td.querySelector('.areas-chart__n').textContent),
        fill: td.querySelector('.areas-chart__fill').getBoundingClientRect().width,
        track: td.querySelector('.areas-chart__track').getBoundingClientRect().width}))""")
    most = max(b["n"] for b in bars)
    for b in bars:
        assert b["track"] > 20
        assert b["fill"] == pytest.approx(b["track"] * b["n"] / most, abs=1.5)


def test_chart_reads_as_a_table_to_screen_readers(page):
    page.goto("/reports/2023/")
    figure = page.locator("figure.areas-chart")
    tree = figure.aria_snapshot()
    assert "table" in tree and "img" not in tree  # the bars are hidden; the numbers are read
    table = figure.get_by_role("table")
    assert "各领域措施数" in (table.get_attribute("aria-label") or table.locator("caption").inner_text())
    assert table.get_by_role("row").count() == 13  # a header row, 11 areas, the totals
    assert table.get_by_role("rowheader", name="行政执法").count() == 1


def test_one_page_report_prints_like_the_document(page):
    page.goto("/reports/2023/full/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => {
        const gone = e => { for (let x = e; x; x = x.parentElement) if (getComputedStyle(x).display === 'none') return true; return false; };
        return ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-search', '.md-source-file', 'a.measure-id', 'a.area-tag']
            .map(s => [s, document.querySelectorAll(s).length, [...document.querySelectorAll(s)].every(gone)]);
    }""")
    assert all(found and gone for _, found, gone in hidden), hidden  # no navigation, header, footer, search or tags
    breaks = page.evaluate("() => [...document.querySelectorAll('section.report-section')].map(s => getComputedStyle(s).breakBefore)")
    assert breaks == ["auto", "page", "page", "page"]  # a page break between the four sections
    order = page.evaluate("""() => {
        const top = s => document.querySelector(s).getBoundingClientRect().top;
        const bottom = s => document.querySelector(s).getBoundingClientRect().bottom;
        const last = Math.max(...[...document.querySelectorAll('article.md-content__inner *')]
            .filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().bottom));
        return {table: top('table.disclosure-meta'), body: top('section.report-section'),
                signature: bottom('.signature'), last};
    }""")
    assert order["table"] < order["body"]  # the disclosure table on top
    assert order["signature"] == pytest.approx(order["last"], abs=1)  # the signature block at the end
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    assert pages and max(pages) >= 4


def test_page_dates_are_shown(page):
    page.goto("/reports/2023/plan/")
    dates = page.locator("aside.page-dates")
    dates.scroll_into_view_if_needed()
    assert dates.is_visible()
    assert re.search(r"本站发布：\d{4}年\d{1,2}月\d{1,2}日", dates.inner_text())
    assert re.search(r"最后更新：\d{4}年\d{1,2}月\d{1,2}日", dates.inner_text())


def test_404_page_leads_home_in_both_languages_and_to_search(page):
    page.goto("/404.html")
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="找不到这个页面").is_visible()
    assert page.get_by_role("heading", name="Page not found").is_visible()
    page.keyboard.press("/")  # the search the page points to opens from the keyboard
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.get_by_role("link", name="English home page").click()
    assert page.url.endswith("/en/") and page.locator("html").get_attribute("lang") == "en"
    page.goto("/404.html")
    with page.expect_navigation():
        page.locator('section[lang="zh"]').get_by_role("link", name="首页").click()
    assert page.url.endswith("/") and page.locator("html").get_attribute("lang") == "zh"


@pytest.mark.parametrize("url", ["/", "/reports/2023/plan/", "/en/reports/2023/plan/"])
def test_a_page_load_fetches_no_sitemap_and_nothing_missing(page, url):
    """Material downloads sitemap.xml beside every <link rel="alternate"> target on each page load
    (a megabyte with a hundred reports); the pages give it none, and every request succeeds."""
    requests, failed = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert requests and not [r for r in requests if r.endswith("sitemap.xml")]
    assert failed == []


def test_the_language_switcher_still_opens_the_same_page_in_the_other_language(page):
    page.goto("/reports/2023/plan/")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/reports/2023/plan/")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(re.compile(r"/reports/2023/plan/$"))
    assert "/en/" not in page.url
