"""Reader features on the built site: figures at a glance, measures per area, the whole report on one
page, page dates and corrections, feeds, the sitemap's language alternates and the 404 page.

What only a browser shows (print layout, the chart's drawing) is in tests/browser/test_reader_browser.py.
"""

from __future__ import annotations

import datetime
import json
import posixpath
import shutil
import subprocess
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from conftest import DOCS, ROOT, SOURCE, build_env, copy_project, page_url_to_file, search_records, soup_of
from test_official_text import normalise, official_text_of

from annual_report.catalog import CatalogReader
from annual_report.frontmatter import split_page, validate
from annual_report.errors import ContentError
from annual_report.links import url_path

CST = datetime.timezone(datetime.timedelta(hours=8))
RSS_NS = {"atom": "http://www.w3.org/2005/Atom"}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def catalog():
    return CatalogReader(DOCS / "zh", ROOT / "data").read()[0]


def target_of(page_url: str, href: str) -> tuple[str, str]:
    """(site path, fragment) of a link on the page at ``page_url`` (e.g. /reports/2023/)."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, f"{href} leaves the site"
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url.rstrip("/") + "/x"), parts.path)) if parts.path else page_url
    if parts.path.endswith("/") or not parts.path:
        path = path.rstrip("/") + "/"
    return path, parts.fragment


def assert_lands(site, page_url: str, href: str) -> str:
    """The link leads to a built page, and to an element with its fragment as id; returns the path."""
    path, fragment = target_of(page_url, href)
    file = page_url_to_file(site, path)
    assert file.is_file(), f"{href} on {page_url} leads to {path}, which is not built"
    if fragment:
        assert soup_of(file).find(id=fragment) is not None, f"{href} on {page_url}: no #{fragment} on {path}"
    return path


# --- Figures at a glance ------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "/en"])
def test_figures_panel_shows_every_figure_of_the_report(soup, site, catalog, prefix):
    url = f"{prefix}/reports/2023/"
    section = soup(url).select_one("article")
    panel = section.select_one(".figures-panel")
    assert panel is not None and "site-added" in panel["class"]
    # The panel sits under the report home's "at a glance" heading, after it in document order.
    assert soup(url).find(id="at-a-glance").find_next(class_="figures-panel") is panel
    expected = [(m, f) for m in catalog.measures if m.report_year == 2023 for f in m.figures]
    cards = panel.select("li.figure-card")
    assert len(cards) == len(expected) > 0
    for card, (m, f) in zip(cards, expected):
        value = card.select_one(".figure-card__value").get_text()
        unit = card.select_one(".figure-card__unit").get_text()
        assert (value, unit) == (f.value, f.unit)
        context = card.select_one(".figure-card__context")
        assert context.get_text() == f.context and context["lang"] == "zh"  # verbatim, in Chinese
        assert context.strong.get_text() == f.text
        link = card.select_one(".figure-card__measure a")
        assert m.id in link.get_text()
        assert assert_lands(site, url, link["href"]).startswith(f"{prefix}/reports/2023/")
        assert link["href"].endswith("#" + m.anchor)


def test_figures_panel_groups_work_done_before_the_plan(soup):
    groups = [h.get_text() for h in soup("/reports/2023/").select(".figures-panel h4")]
    assert groups == ["2023年已开展的工作", "2024年工作安排"]
    assert [h.get_text() for h in soup("/en/reports/2023/").select(".figures-panel h4")] == ["Work done in 2023", "Plans for 2024"]


def test_english_cards_gloss_the_unit(soup):
    cards = {c.select_one(".figure-card__value").get_text(): c for c in soup("/en/reports/2023/").select(".figure-card")}
    assert "10,000 yuan" in cards["60.82"].select_one(".figure-card__gloss").get_text()


# --- Measures per area ----------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "/en"])
def test_areas_chart_is_a_table_with_the_counts(soup, site, catalog, prefix):
    url = f"{prefix}/reports/2023/"
    figure = soup(url).select_one("article figure.areas-chart")
    assert figure is not None and "site-added" in figure["class"]
    table = figure.select_one("table")
    assert table.caption.get_text().strip()
    assert [th["scope"] for th in table.thead.select("th")] == ["col"] * 3
    rows = table.tbody.select("tr")
    assert len(rows) == len(catalog.areas)
    counts = []
    for row, area in zip(rows, catalog.areas):
        assert row.th["scope"] == "row"
        assert_lands(site, url, row.th.a["href"])
        done, planned = (int(td.select_one(".areas-chart__n").get_text()) for td in row.select("td"))
        assert done == len(catalog.measures_of(report_year=2023, kind="done", area=area))
        assert planned == len(catalog.measures_of(report_year=2023, kind="planned", area=area))
        for td in row.select("td"):
            if td.a:
                assert_lands(site, url, td.a["href"])
        counts.append((done, planned, row))
    totals = [int(td.get_text()) for td in table.tfoot.select("td")]
    assert totals == [sum(c[0] for c in counts), sum(c[1] for c in counts)] == [33, 8]


def test_areas_chart_bars_are_drawn_to_scale_and_hidden_from_screen_readers(soup):
    table = soup("/reports/2023/").select_one("figure.areas-chart table")
    cells = [(int(td.select_one(".areas-chart__n").get_text()), td.svg) for td in table.tbody.select("td")]
    most = max(n for n, _ in cells)
    for n, svg in cells:
        assert svg["aria-hidden"] == "true"  # the number beside it says the same
        fill = svg.select_one("rect.areas-chart__fill")
        assert float(fill["width"]) == pytest.approx(100 * n / most, abs=0.01)
    # No style attribute (a Content-Security-Policy without 'unsafe-inline' would block it), no script.
    figure = table.find_parent("figure")
    assert not figure.select("[style], script")


# --- The whole report on one page -----------------------------------------------------------------

def test_one_page_report_is_the_official_text_verbatim(site):
    """Nothing lost, changed or reordered: the same check as for the report's own pages."""
    text = official_text_of(site / "reports" / "2023" / "full" / "index.html")
    assert normalise(text) == normalise(SOURCE.read_text("utf-8"))


def test_one_page_report_in_the_official_order(soup):
    article = soup("/reports/2023/full/").select_one("article")
    first = article.find(["table", "section", "p"], recursive=False)
    assert first.name == "table" and "disclosure-meta" in first["class"]  # the metadata table on top
    sections = article.select("section.report-section")
    assert [s.h2["id"] for s in sections] == ["progress", "problems", "plan", "other"]
    assert [h["id"] for h in sections[0].select("h3")] == [f"subsection-{n:02d}" for n in range(1, 12)]
    last = sections[-1].find_all(True)[-1]
    assert last.find_parent(class_="signature") is not None  # the signature block ends it
    assert "审核人" in sections[-1].select_one(".signature").get_text()


@pytest.mark.parametrize("url", ["/reports/2023/full/", "/en/reports/2023/full/"])
def test_one_page_copy_links_measures_to_their_own_pages(soup, site, catalog, url):
    article = soup(url).select_one("article")
    assert not article.select('[id^="m-"]'), "measure anchors belong to the report's own pages"
    spans = article.select("span.measure[data-measure]")
    assert [s["data-measure"] for s in spans if "measure--continued" not in s["class"]] == [m.id for m in catalog.measures if m.report_year == 2023]
    for span in spans:
        badge = span.select_one("a.measure-id")
        if badge is None:
            continue
        path = assert_lands(site, url, badge["href"])
        assert path != url and badge["href"].endswith("#m-" + span["data-measure"])


def test_english_one_page_report_is_the_translation(soup):
    article = soup("/en/reports/2023/full/").select_one("article")
    assert article.select_one(".translation-notice") is not None
    assert article.select_one("section.report-section h2#plan").get_text().startswith("III.")
    assert not article.select("[lang=zh].report-page"), "every page of the 2023 report is translated"


def test_one_page_report_is_in_the_nav_and_not_in_search(soup, site):
    for url in ("/reports/2023/", "/en/reports/2023/"):
        nav = [a["href"] for a in soup(url).select("nav.md-nav--primary a.md-nav__link[href]")]
        assert "full/" in nav
    for lang in ("zh", "en"):
        urls = [r["u"] for r in search_records(site, lang)]
        assert urls and not [u for u in urls if "/full/" in u]


def test_print_stylesheet_is_linked(soup, site):
    head = soup("/reports/2023/full/").head
    hrefs = [link["href"] for link in head.select('link[rel="stylesheet"]')]
    reader = [h for h in hrefs if h.endswith("assets/stylesheets/reader.css")]
    assert reader and (site / "assets" / "stylesheets" / "reader.css").is_file()


# --- Page dates -----------------------------------------------------------------------------------

def dates_of(page) -> dict[str, str]:
    aside = page.select_one("article aside.page-dates")
    assert aside is not None and "site-added" in aside["class"]
    return {("created" if "page-dates__created" in s["class"] else "updated"): s.time["datetime"] for s in aside.select(".page-dates__fact")}


def git_dates(path) -> tuple[str, str] | None:
    """(first, last) commit dates of a file in Asia/Shanghai, or None when git does not know it."""
    def log(*args):
        out = subprocess.run(["git", "log", *args, "--format=%at", "--", str(path)], cwd=ROOT, capture_output=True, text=True)
        return out.stdout.split() if out.returncode == 0 else []
    last, first = log("-n", "1"), log("--follow", "--diff-filter=Ar")
    if not last or not first:
        return None
    day = lambda ts: datetime.datetime.fromtimestamp(int(ts), CST).date().isoformat()  # noqa: E731
    return day(first[-1]), day(last[0])


@pytest.mark.parametrize("url, src", [("/reports/2023/plan/", "zh/reports/2023/plan.md"),
                                      ("/en/reports/2023/plan/", "en/reports/2023/plan.md"),
                                      ("/policies/law-based-society-outline/", "zh/policies/law-based-society-outline.md"),
                                      ("/", "zh/index.md")])
def test_pages_show_when_they_were_published_and_last_updated(soup, url, src):
    dates = dates_of(soup(url))
    assert set(dates) == {"created", "updated"} and dates["created"] <= dates["updated"]
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the dates are the build date")
    expected = git_dates(DOCS / src)
    if expected is not None:  # a page not committed yet shows the build date
        assert (dates["created"], dates["updated"]) == expected


def test_date_labels_are_in_the_page_language(soup):
    zh = soup("/reports/2023/").select_one("aside.page-dates").get_text()
    en = soup("/en/reports/2023/").select_one("aside.page-dates").get_text()
    assert "本站发布" in zh and "最后更新" in zh
    assert "First published on this site" in en and "Last updated" in en


# --- Feeds ------------------------------------------------------------------------------------------

def published_reports(catalog) -> dict[int, dict]:
    return {year: next(p for p in pages if "disclosure" in p) for year, pages in catalog.report_pages.items()
            if any(p.get("status") == "published" for p in pages)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rss_feed_has_one_item_per_published_report(site, catalog, lang):
    root = site if lang == "zh" else site / "en"
    channel = ET.parse(root / "feed.xml").getroot()
    assert channel.tag == "rss" and channel.get("version") == "2.0"
    items = channel.findall("channel/item")
    reports = published_reports(catalog)
    assert len(items) == len(reports) > 0
    for item in items:
        link = item.findtext("link")
        year = int(link.strip("/").split("/")[-1])
        home = reports[year]
        assert link == url_path(home["page"])  # relative to the feed, at the language's root
        assert (root / link / "index.html").is_file()
        title = home["title"] if lang == "zh" else home["title_en"]
        assert item.findtext("title") == title
        # The date is the 发布日期, and only when it is known; never the 成文日期 (issue 12).
        published = home["disclosure"].get("published")
        if published:
            date = parsedate_to_datetime(item.findtext("pubDate"))
            assert date.date().isoformat() == str(published) and date.utcoffset() == datetime.timedelta(hours=8)
        else:
            assert item.find("pubDate") is None
        assert item.findtext("description") and item.find("guid") is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_feed_agrees_with_the_rss_feed(site, lang):
    root = site if lang == "zh" else site / "en"
    feed = json.loads((root / "feed.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["language"] == {"zh": "zh-CN", "en": "en"}[lang]
    rss = ET.parse(root / "feed.xml").getroot().findall("channel/item")
    assert [(i["url"], i["title"]) for i in feed["items"]] == [(r.findtext("link"), r.findtext("title")) for r in rss]
    for item in feed["items"]:
        assert item["id"] and item["content_text"]
        if "date_published" in item:  # only when the 发布日期 is known
            published = datetime.datetime.fromisoformat(item["date_published"])
            assert published.utcoffset() == datetime.timedelta(hours=8)


@pytest.mark.parametrize("url, feed", [("/reports/2023/plan/", "/feed.xml"), ("/en/reports/2023/plan/", "/en/feed.xml"),
                                       ("/", "/feed.xml"), ("/en/", "/en/feed.xml")])
def test_pages_announce_the_feeds_of_their_language(soup, url, feed):
    links = {link["type"]: link["href"] for link in soup(url).head.select('link[rel~="alternate"][type]')}
    assert target_of(url, links["application/rss+xml"])[0] == feed
    assert target_of(url, links["application/feed+json"])[0] == feed.replace(".xml", ".json")


# --- Sitemap and 404 -------------------------------------------------------------------------------

def test_sitemap_lists_each_page_with_its_language_alternates(site):
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP_NS)
    assert len(urls) > 20
    for url in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", SITEMAP_NS) if a.get("rel") == "alternate"}
        assert set(alternates) == {"zh", "en"}, url.findtext("s:loc", namespaces=SITEMAP_NS)
        for lang, href in alternates.items():
            assert (page_url_to_file(site, "/" + href) if href else site / "index.html").is_file()
            assert href.startswith("en/") == (lang == "en")


def test_404_page_speaks_both_languages_and_leads_home(site):
    page = soup_of(site / "404.html")
    assert page.html["lang"] == "zh"
    zh, en = page.select_one('article section[lang="zh"]'), page.select_one('article section[lang="en"]')
    assert zh.h1 and en.h2 and "搜索" in zh.get_text() and "search" in en.get_text()
    # Links from the site's root, so they work wherever GitHub Pages shows this page.
    assert {a["href"] for a in zh.select("a")} >= {"/", "/reports/2023/"}
    assert {a["href"] for a in en.select("a")} >= {"/en/", "/en/reports/2023/"}
    for a in zh.select("a") + en.select("a"):
        assert page_url_to_file(site, a["href"]).is_file()
    assert page.select_one("form.md-search__form input") is not None  # the search it points to
    assert {a["href"] for a in page.select(".md-select__link")} == {"/", "/en/"}  # language switcher: the homes
    assert not (site / "en" / "404.html").exists()


# --- Corrections, dates from git history and feeds with a site URL: on a project copy ----------------

CORRECTIONS_ZH = "corrections:\n  - date: 2024-04-02\n    what: 测试用更正记录（夹具）。\n"
CORRECTIONS_EN = "corrections:\n  - date: 2024-04-02\n    what: Test correction (fixture).\n"


def git(project, *args, date=None):
    env = {**build_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=env)


def add_front_matter(path, lines):
    text = path.read_text("utf-8")
    path.write_text(text.replace("---\n", "---\n" + lines, 1), "utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A project copy in git with two commits a few months apart, one page corrected in the second,
    built with SITE_URL set (as the deploy does); and a shallow clone of it, built too."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = copy_project(tmp_path_factory.mktemp("history"), reports={2023})
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first", date="2024-03-25T10:00:00+08:00")
    add_front_matter(project / "docs/zh/reports/2023/problems.md", CORRECTIONS_ZH)
    add_front_matter(project / "docs/en/reports/2023/problems.md", CORRECTIONS_EN)
    add_front_matter(project / "docs/zh/policies/law-based-society-outline.md", CORRECTIONS_ZH)
    git(project, "commit", "-q", "-am", "correct", date="2024-04-02T09:00:00+08:00")
    env = {**build_env(), "SITE_URL": "https://example.org/boz/"}
    for k in ("GITHUB_ACTIONS", "GITLAB_CI"):
        env.pop(k, None)
    built = subprocess.run([*build_cmd(), str(project / "site")], cwd=project, capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stderr[-3000:]
    shallow = tmp_path_factory.mktemp("shallow") / "clone"
    git(project, "clone", "-q", "--depth", "1", f"file://{project}", str(shallow))
    built_shallow = subprocess.run([*build_cmd(), str(shallow / "site")], cwd=shallow, capture_output=True, text=True, env=env)
    assert built_shallow.returncode == 0, built_shallow.stderr[-3000:]
    return project / "site", shallow / "site", shallow


def build_cmd():
    from conftest import MKDOCS
    return [*MKDOCS, "build", "--strict", "--site-dir"]


def test_corrected_page_shows_its_corrections_box(history):
    site, *_ = history
    for url, text in (("/reports/2023/problems/", "测试用更正记录（夹具）。"), ("/en/reports/2023/problems/", "Test correction (fixture)."),
                      ("/policies/law-based-society-outline/", "测试用更正记录（夹具）。")):
        article = soup_of(page_url_to_file(site, url)).select_one("article")
        box = article.select_one(".admonition.corrections")
        assert box is not None and "site-added" in box["class"], url
        assert box.find_previous(["h1"]) is article.h1  # right under the title
        assert box.select_one("time")["datetime"] == "2024-04-02" and text in box.get_text()
        assert ("更正记录" if not url.startswith("/en/") else "Corrections") in box.select_one(".admonition-title").get_text()
    # The box is added text: the official text of the corrected page is unchanged.
    assert normalise(official_text_of(page_url_to_file(site, "/reports/2023/problems/"))) in normalise(SOURCE.read_text("utf-8"))
    assert soup_of(page_url_to_file(site, "/reports/2023/plan/")).select_one(".corrections") is None


def test_dates_come_from_git_history(history):
    site, *_ = history
    assert dates_of(soup_of(page_url_to_file(site, "/reports/2023/problems/"))) == {"created": "2024-03-25", "updated": "2024-04-02"}
    assert dates_of(soup_of(page_url_to_file(site, "/reports/2023/plan/"))) == {"created": "2024-03-25", "updated": "2024-03-25"}
    assert dates_of(soup_of(page_url_to_file(site, "/en/reports/2023/plan/"))) == {"created": "2024-03-25", "updated": "2024-03-25"}


def test_shallow_clone_builds_with_the_tip_commit_date(history):
    """A shallow clone (fetch-depth 1) builds green, but knows one commit: every page gets its date,
    which is why the workflows fetch the full history."""
    _, shallow, _ = history
    assert dates_of(soup_of(page_url_to_file(shallow, "/reports/2023/plan/"))) == {"created": "2024-04-02", "updated": "2024-04-02"}


def test_shallow_clone_on_github_actions_fails_the_strict_build(history):
    """The plugin warns on a depth-1 checkout in GitHub Actions, and strict makes that an error: a
    workflow that drops `fetch-depth: 0` cannot publish wrong dates unnoticed."""
    *_, clone = history
    env = {**build_env(), "GITHUB_ACTIONS": "true"}
    result = subprocess.run([*build_cmd(), str(clone / "site-gha")], cwd=clone, capture_output=True, text=True, env=env)
    assert result.returncode != 0 and "fetch-depth: 0" in result.stdout + result.stderr


def test_pages_git_does_not_know_get_one_steady_date(monkeypatch):
    """Without git history the plugin takes the clock twice (last update, then creation); a tick in
    between made a page look created after its last update, a warning that failed strict builds."""
    monkeypatch.syspath_prepend(str(ROOT / "hooks"))
    import publishing
    from mkdocs_git_revision_date_localized_plugin.plugin import GitRevisionDateLocalizedPlugin

    assert getattr(GitRevisionDateLocalizedPlugin._get_commit, "steady", False)
    answers = iter([("", 1000), ("", 1001), ("0123abc", 5)])
    get = publishing._steady(lambda self, page, first: next(answers), [999])  # the build started at 999
    assert get(None, None, False) == get(None, None, True) == ("", 999)
    assert get(None, None, True) == ("0123abc", 5)  # a page git knows keeps its commit's date


def test_build_outside_git_falls_back_to_the_build_date(built_elsewhere):
    before, after = built_elsewhere.built_on
    for url in ("/reports/2023/plan/", "/en/reports/2023/plan/"):
        dates = dates_of(soup_of(page_url_to_file(built_elsewhere.site, url)))
        assert before <= dates["created"] == dates["updated"] <= after


def test_sitemap_lastmod_is_the_pages_last_commit_not_the_build_date(history):
    """Issue 12: every page's <lastmod> was the build date."""
    site, *_ = history
    lastmod = {u.findtext("s:loc", namespaces=SITEMAP_NS): u.findtext("s:lastmod", namespaces=SITEMAP_NS)
               for u in ET.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP_NS)}
    assert lastmod["https://example.org/boz/reports/2023/problems/"] == "2024-04-02"  # corrected in the second commit
    assert lastmod["https://example.org/boz/about/"] == "2024-03-25"
    assert lastmod["https://example.org/boz/en/about/"] == "2024-03-25"


def test_feeds_and_sitemap_use_absolute_urls_when_the_site_url_is_known(history):
    site, *_ = history
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    assert channel.findtext("link") == "https://example.org/boz/"
    assert channel.find("atom:link", RSS_NS).get("href") == "https://example.org/boz/feed.xml"
    item = channel.find("item")
    assert item.findtext("link") == "https://example.org/boz/reports/2023/"
    assert item.find("guid").get("isPermaLink") == "true"
    en = json.loads((site / "en" / "feed.json").read_text("utf-8"))
    assert en["feed_url"] == "https://example.org/boz/en/feed.json"
    assert en["items"][0]["url"] == en["items"][0]["id"] == "https://example.org/boz/en/reports/2023/"
    url = ET.parse(site / "sitemap.xml").getroot().find("s:url", SITEMAP_NS)
    assert url.findtext("s:loc", namespaces=SITEMAP_NS).startswith("https://example.org/boz/")
    alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", SITEMAP_NS)}
    assert alternates["en"].startswith("https://example.org/boz/en/")
    page = soup_of(site / "404.html")
    assert page.select_one('section[lang="en"] a')["href"].startswith("/boz/en/")


# --- The corrections field in the schemas -----------------------------------------------------------

@pytest.mark.parametrize("schema, page", [("report-page.schema.json", "zh/reports/2023/problems.md"),
                                          ("policy-page.schema.json", "zh/policies/law-based-society-outline.md")])
def test_schemas_define_corrections(schema, page):
    text = (DOCS / page).read_text("utf-8")
    validate(split_page(page, text.replace("---\n", "---\n" + CORRECTIONS_ZH, 1)), schema)
    for bad in ("corrections:\n  - date: 2024-04-02\n", "corrections:\n  - date: 2 April 2024\n    what: x\n", "corrections: []\n"):
        with pytest.raises(ContentError):
            validate(split_page(page, text.replace("---\n", "---\n" + bad, 1)), schema)
