"""Feeds of the published reports: RSS 2.0 and JSON Feed 1.1, one item per report.

An item's date is the day the report was published (``disclosure.published``, 发布日期), at midnight in
China Standard Time, and only when that day is known: the 成文日期 (``disclosure.written``) is the
day the document was signed, not the day it was made public, and the feeds never give it as that.
When the 发布日期 is not known (it is not, for 2023) the item has no date, which RSS and JSON Feed
allow; the summary, written by this site from the catalog (it says so), gives the 成文日期 as what
it is. Items are ordered by report year, newest first. A report that is a draft, or has no 成文日期
yet, is left out. Links are absolute when the site's URL is known (the deploy sets SITE_URL), and otherwise
relative to the feed file, which sits at the root of its language (/feed.xml, /en/feed.xml).
"""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime

from .links import url_path
from .model import Catalog

CST = datetime.timezone(datetime.timedelta(hours=8), "CST")
LANGUAGE_TAGS = {"zh": "zh-CN", "en": "en"}
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass
class FeedItem:
    report: int
    title: str
    url: str  # absolute, or relative to the feed file
    date: datetime.datetime | None  # 发布日期, when known
    summary: str


def report_items(catalog: Catalog, lang: str, base: str = "") -> list[FeedItem]:
    """The published reports, newest first. ``base`` is the URL of the language's root, ending in /."""
    items = []
    for year, pages in catalog.report_pages.items():
        home = next((p for p in pages if "disclosure" in p), None)
        if home is None or home.get("status", "published") != "published" or year in getattr(catalog, "drafts", ()):
            continue
        written = home["disclosure"].get("written")
        if not written:
            continue
        published = home["disclosure"].get("published")
        date = datetime.datetime.combine(datetime.date.fromisoformat(str(published)), datetime.time(), CST) if published else None
        title = (home.get("title_en") or home["title"]) if lang == "en" else home["title"]
        measures = catalog.by_report.get(year, [])
        items.append(FeedItem(year, title, base + url_path(home["page"]), date, summary(home, year, written, len(measures), lang)))
    return sorted(items, key=lambda i: i.report, reverse=True)


def summary(home: dict, year: int, written, measures: int, lang: str) -> str:
    issuer = home["disclosure"]["issuer"]
    if lang == "zh":
        return (f"{issuer}{year}年法治政府建设年度报告，成文日期{written}。"
                f"本站刊载报告全文（与原件逐字一致），并编有{measures}项措施的索引和所引政策。（摘要由本站撰写）")
    return (f"The {year} rule-of-law government construction report of the Transport Bureau of Bortala Prefecture, "
            f"dated {written}: the full text, an index of its {measures} measures and the policies it cites. "
            "(Summary written by this site.)")


def rss(items: list[FeedItem], title: str, description: str, lang: str, home: str, feed_url: str | None) -> str:
    ET.register_namespace("atom", "http://www.w3.org/2005/Atom")
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    for tag, text in (("title", title), ("link", home or "./"), ("description", description),
                      ("language", LANGUAGE_TAGS[lang]), ("docs", "https://www.rssboard.org/rss-specification")):
        ET.SubElement(channel, tag).text = text
    if feed_url:
        ET.SubElement(channel, "{http://www.w3.org/2005/Atom}link", {"href": feed_url, "rel": "self", "type": "application/rss+xml"})
    dates = [i.date for i in items if i.date]
    if dates:
        ET.SubElement(channel, "pubDate").text = format_datetime(max(dates))
    for i in items:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = i.title
        ET.SubElement(item, "link").text = i.url
        absolute = i.url.startswith(("http://", "https://"))
        ET.SubElement(item, "guid", {"isPermaLink": "true" if absolute else "false"}).text = i.url if absolute else f"report-{i.report}-{lang}"
        if i.date:
            ET.SubElement(item, "pubDate").text = format_datetime(i.date)
        ET.SubElement(item, "description").text = i.summary
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(items: list[FeedItem], title: str, description: str, lang: str, home: str, feed_url: str | None) -> str:
    feed = {"version": JSON_FEED_VERSION, "title": title, "description": description, "language": LANGUAGE_TAGS[lang]}
    if home.startswith(("http://", "https://")):
        feed["home_page_url"] = home
    if feed_url:
        feed["feed_url"] = feed_url
    feed["items"] = [{
        "id": i.url if i.url.startswith(("http://", "https://")) else f"report-{i.report}-{lang}",
        "url": i.url,
        "title": i.title,
        "summary": i.summary,
        "content_text": i.summary,
        **({"date_published": i.date.isoformat()} if i.date else {}),
        "language": LANGUAGE_TAGS[lang],
    } for i in items]
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
