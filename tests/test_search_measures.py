"""The built search: one index per language, a record per measure, per policy and per section, no
text indexed twice, and every page's search box pointed at its language's index."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from conftest import search_records, soup_of

PREFIX = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def measures(site):
    return json.loads((site / "data" / "measures.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def records(site):
    return {lang: search_records(site, lang) for lang in PREFIX}


def measure_location(m: dict, lang: str) -> str:
    """The URL of a measure's record: relative to its language's root, where its index is."""
    url = m["url"] if lang == "zh" else m["url_en"]
    return url.lstrip("/").removeprefix(PREFIX[lang])


def by_location(records: list[dict]) -> dict[str, dict]:
    return {r["u"]: r for r in records}


@pytest.mark.parametrize("lang", PREFIX)
def test_each_language_has_its_own_index(site, lang):
    manifest = json.loads((site / PREFIX[lang] / "search" / "manifest.json").read_text("utf-8"))
    assert manifest["lang"] == lang
    assert not (site / PREFIX[lang] / "pagefind").exists()
    assert not (site / PREFIX[lang] / "search" / "search_index.json").exists(), "Material's index is not published"


def test_materials_search_code_and_source_maps_are_not_published(site):
    scripts = site / "assets" / "javascripts"
    assert not (scripts / "lunr").exists() and not (scripts / "workers").exists()
    assert not list(site.rglob("*.map"))
    assert (scripts / "site-search.js").is_file() and (scripts / "search-loader.js").is_file()


def test_english_pages_are_in_the_english_index_only(records):
    zh, en = by_location(records["zh"]), by_location(records["en"])
    assert "reports/2023/plan/" in zh and "reports/2023/plan/" in en
    assert not [url for url in zh if url.startswith("en/")]
    assert not [url for url in en if url.startswith("en/")], "en URLs are relative to /en/"
    english = " ".join(r["x"] for r in records["en"])
    assert "Chinese" in english and "lawyers" in english


@pytest.mark.parametrize("lang", PREFIX)
def test_every_measure_has_a_record_of_its_own(records, measures, lang):
    found = by_location(records[lang])
    for m in measures:
        record = found.get(measure_location(m, lang))
        assert record is not None, f"{m['id']}: no {lang} search record"
        assert record["t"].startswith(m["id"] + " ")
        assert record["c"], "the title of the page the measure is on"
        text = m["text"] if lang == "zh" else m["text_en"]
        assert record["x"] == text


@pytest.mark.parametrize("lang", PREFIX)
def test_no_measure_text_is_indexed_twice(records, measures, lang):
    """The measure's own record holds its text; its page, the measure tables and indexes do not repeat it."""
    for m in measures:
        text = (m["text"] if lang == "zh" else m["text_en"])[:40]
        holders = [r["u"] for r in records[lang] if text in r["x"]]
        assert holders == [measure_location(m, lang)], f"{m['id']} is indexed in {holders}"


@pytest.mark.parametrize("lang", PREFIX)
def test_a_policy_is_one_record_with_its_level_and_no_table(records, lang):
    policies = [r for r in records[lang] if r["u"].startswith("policies/") and not r["u"].startswith("policies/#")
                and r["u"] != "policies/"]
    assert policies and len({r["u"] for r in policies}) == len(policies)
    for r in policies:
        assert "#" not in r["u"] and r["n"], r
        assert not any(debris in r["x"] for debris in ("未核实", "发布机关", "Not verified", "|")), r


def test_the_translation_notice_and_permalinks_are_not_indexed(site, records):
    content = " ".join(r["x"] + r["t"] for r in records["en"])
    assert "¶" not in content
    notice = soup_of(site / "en" / "reports" / "2023" / "plan" / "index.html").select_one(".translation-notice")
    assert notice is not None and notice.get_text(" ", strip=True)[:30] not in content


def test_the_policy_index_lists_no_policy_a_second_time(records):
    assert not [r for r in records["zh"] if r["u"].startswith("policies/") and "〔" in r["x"]]


def test_the_one_page_report_is_not_indexed(records):
    assert not [r for r in records["zh"] if r["u"].startswith("reports/2023/full/")]


@pytest.mark.parametrize(("url", "index"), [
    ("/", "/search/"), ("/reports/2023/plan/", "/search/"), ("/en/", "/en/search/"),
    ("/en/reports/2023/plan/", "/en/search/"), ("/en/policies/", "/en/search/"),
])
def test_pages_point_their_search_box_at_their_languages_index(soup, url, index):
    box = soup(url).select_one("[data-site-search]")
    here = "http://site" + url
    assert urljoin(here, box["data-index"]) == "http://site" + index
    assert urljoin(here, box["data-engine"]) == "http://site/assets/javascripts/site-search.js"
    assert box["role"] == "dialog" and box["aria-label"]
    assert not soup(url).select('[data-md-component="search"], form[name="search"]'), "Material's search stays off"


def test_the_404_page_searches_the_default_language(site):
    box = soup_of(site / "404.html").select_one("[data-site-search]")
    assert box["data-index"].endswith("search/") and not box["data-index"].endswith("en/search/")
