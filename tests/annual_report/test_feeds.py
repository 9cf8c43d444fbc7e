"""annual_report.feeds: one item per published report, dated only by its 发布日期, in RSS and JSON Feed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from catalog_factory import home_page, make_catalog, make_measure

from annual_report.feeds import json_feed, report_items, rss

BASE = "https://example.org/"


def catalog_of(*homes, drafts=(), measures=()):
    return make_catalog(list(measures), report_pages={h["report"]: [h] for h in homes}, drafts=set(drafts))


def test_published_reports_newest_first_with_absolute_links_and_counted_measures():
    catalog = catalog_of(home_page(2023), home_page(2024), measures=[make_measure("2024-1-01-1"), make_measure("2024-1-01-2")])
    items = report_items(catalog, "zh", BASE)
    assert [i.report for i in items] == [2024, 2023]
    assert items[0].url == "https://example.org/reports/2024/"
    assert items[0].title == "测试局2024年法治政府建设年度报告"
    assert "成文日期2025-03-01" in items[0].summary and "2项措施" in items[0].summary and "摘要由本站撰写" in items[0].summary
    assert "0项措施" in items[1].summary


def test_a_draft_or_an_unsigned_report_is_left_out():
    draft_by_status = {**home_page(2024), "status": "draft"}
    unsigned = home_page(2022, written=None)
    catalog = catalog_of(home_page(2023), draft_by_status, unsigned, home_page(2025), drafts={2025})
    assert [i.report for i in report_items(catalog, "zh")] == [2023]


def test_an_item_is_dated_by_its_publication_day_in_china_never_by_its_signing_day():
    unknown, known = home_page(2023), home_page(2024, published="2025-03-10")
    items = {i.report: i for i in report_items(catalog_of(unknown, known), "en")}
    assert items[2023].date is None
    assert items[2024].date.isoformat() == "2025-03-10T00:00:00+08:00"
    assert "dated 2024-03-01" in items[2023].summary and "Summary written by this site" in items[2023].summary


def test_the_english_item_takes_the_english_title_when_there_is_one():
    translated = {**home_page(2023), "title_en": "The 2023 report"}
    [item] = report_items(catalog_of(translated), "en")
    assert item.title == "The 2023 report"
    [untranslated] = report_items(catalog_of(home_page(2023)), "en")
    assert untranslated.title == "测试局2023年法治政府建设年度报告"


def test_rss_with_absolute_links_uses_them_as_permalink_guids_and_dates_the_channel():
    items = report_items(catalog_of(home_page(2023), home_page(2024, published="2025-03-10")), "zh", BASE)
    channel = ET.fromstring(rss(items, "标题", "说明", "zh", BASE, BASE + "feed.xml")).find("channel")
    assert channel.findtext("language") == "zh-CN" and channel.findtext("link") == BASE
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("href") == BASE + "feed.xml"
    assert channel.findtext("pubDate") == "Mon, 10 Mar 2025 00:00:00 +0800"
    first, second = channel.findall("item")
    assert first.findtext("guid") == BASE + "reports/2024/" and first.find("guid").get("isPermaLink") == "true"
    assert first.findtext("pubDate") == "Mon, 10 Mar 2025 00:00:00 +0800"
    assert second.find("pubDate") is None  # 2023's 发布日期 is not known


def test_rss_with_relative_links_has_stable_guids_that_are_not_permalinks():
    items = report_items(catalog_of(home_page(2023)), "en")
    channel = ET.fromstring(rss(items, "Title", "About", "en", "", None)).find("channel")
    assert channel.findtext("link") == "./" and channel.find("{http://www.w3.org/2005/Atom}link") is None
    assert channel.find("pubDate") is None
    guid = channel.find("item/guid")
    assert guid.text == "report-2023-en" and guid.get("isPermaLink") == "false"
    assert channel.findtext("item/link") == "reports/2023/"


def test_json_feed_items_and_its_home_only_when_absolute():
    items = report_items(catalog_of(home_page(2023), home_page(2024, published="2025-03-10")), "zh", BASE)
    feed = json.loads(json_feed(items, "标题", "说明", "zh", BASE, BASE + "feed.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["language"] == "zh-CN"
    assert feed["home_page_url"] == BASE and feed["feed_url"] == BASE + "feed.json"
    newest, older = feed["items"]
    assert newest["id"] == newest["url"] == BASE + "reports/2024/"
    assert newest["date_published"] == "2025-03-10T00:00:00+08:00" and "date_published" not in older
    assert newest["summary"] == newest["content_text"]
    relative = json.loads(json_feed(report_items(catalog_of(home_page(2023)), "en"), "T", "D", "en", "", None))
    assert "home_page_url" not in relative and "feed_url" not in relative
    assert relative["items"][0]["id"] == "report-2023-en"
