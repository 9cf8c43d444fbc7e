"""The official text: committed unchanged, and published verbatim (nothing lost, changed or reordered)."""

from __future__ import annotations

import hashlib
import re

from conftest import DOCS, ROOT, SOURCE, soup_of

from annual_report.catalog import CatalogReader
from annual_report.links import url_path

PINNED_SHA256 = "cd0fc1caa84ad93807846dc6e3cef55fa80295932f95df42567fb2c680b5955b"


def test_source_file_is_committed_unchanged():
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == PINNED_SHA256


def test_source_file_is_published_for_download(site):
    assert (site / "reports" / "2023" / "2023-report.txt").read_bytes() == SOURCE.read_bytes()


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def official_text_of(html_path) -> str:
    """The text of a built page's article, without anything the site added."""
    article = soup_of(html_path).select_one("article.md-content__inner")
    for added in article.select(".site-added, .admonition, .headerlink, .disclosure-meta, .md-content__button, .md-source-file"):
        added.decompose()
    return article.get_text()


def test_built_report_pages_rebuild_the_official_text(site):
    catalog, _ = CatalogReader(DOCS / "zh", ROOT / "data").read()
    pages = [p for p in catalog.report_pages[2023] if "section" in p]  # reading order; the home holds no official text
    rebuilt = "".join(official_text_of(site / url_path(p["page"]) / "index.html") for p in pages)
    expected = normalise(SOURCE.read_text("utf-8"))
    assert normalise(rebuilt) == expected


def test_fidelity_check_notices_a_changed_character(site, tmp_path):
    """The comparison above can fail: one changed comma in a built page breaks it."""
    page = site / "reports" / "2023" / "problems" / "index.html"
    broken = tmp_path / "index.html"
    broken.write_text(page.read_text("utf-8").replace("不够深入。", "不够深入,", 1), "utf-8")
    assert normalise(official_text_of(broken)) != normalise(official_text_of(page))
    assert normalise(official_text_of(page)) in normalise(SOURCE.read_text("utf-8"))


def test_unheaded_first_subsection_has_a_neutral_label_and_an_editors_note(soup):
    page = soup("/reports/2023/progress/01-rule-of-law-thought/")
    h1 = page.select_one("article h1")
    assert "site-added" in h1["class"] and "㈠" not in h1.get_text()
    notes = [a.get_text() for a in page.select("article .admonition")]
    assert any("编者注" in n and "没有小标题" in n for n in notes)
    assert "㈠" not in SOURCE.read_text("utf-8")


def test_heading_broken_over_two_lines_is_one_heading(soup):
    h1 = soup("/reports/2023/progress/03-streamlining-and-business-environment/").select_one("article h1")
    assert normalise(h1.get_text().replace("¶", "")) == "㈢进一步深化“放管服”改革,持续优化市场化、法治化交通运输行业营商环境。"


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
HEADING_ID = re.compile(r"""<h[1-3]\b[^>]*?\sid=["']([^"']*)["']""")


def test_headings_have_readable_ids(site):
    """Read with regular expressions, not parsed: the check reads every page of the site."""
    ids = []  # (page, id) of every heading h1–h3 with an id in a page's article
    for html in site.rglob("index.html"):
        article = ARTICLE.search(html.read_text("utf-8"))
        ids += [(html, i) for i in HEADING_ID.findall(article.group(1))] if article else []
    assert len(ids) > 100  # the check reads the headings' ids (the 2023 report alone has more than 100)
    assert [f"{html}: heading id {i}" for html, i in ids if re.fullmatch(r"_\d+", i)] == []


def test_the_heading_id_pattern_reads_what_material_writes():
    assert HEADING_ID.findall('<h2 class="x" id="_1">标题<a class="headerlink" href="#_1">¶</a></h2><h4 id="y">') == ["_1"]
