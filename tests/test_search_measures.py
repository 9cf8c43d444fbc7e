"""The built search: one Pagefind bundle per language, a record per measure, no text indexed twice,
and every page's JavaScript pointed at its language's bundle through the site's worker."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from conftest import pagefind_records, soup_of

PREFIX = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def measures(site):
    return json.loads((site / "data" / "measures.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def records(site):
    return {lang: pagefind_records(site, lang) for lang in PREFIX}


def plain(text: str) -> str:
    """Record content as a reader sees it: without the U+200B that Pagefind's cut wrote between words."""
    return text.replace("\u200b", "")


def measure_location(m: dict, lang: str) -> str:
    """The URL of a measure's record: relative to its language's root, where its bundle is."""
    url = m["url"] if lang == "zh" else m["url_en"]
    return "/" + url.lstrip("/").removeprefix(PREFIX[lang])


def by_location(records: list[dict]) -> dict[str, dict]:
    return {r["meta"].get("location", r["url"]): r for r in records}


@pytest.mark.parametrize("lang", PREFIX)
def test_each_language_has_its_own_bundle(site, lang):
    bundle = site / PREFIX[lang] / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == [lang]
    assert (bundle / "pagefind.js").is_file() and list(bundle.glob("wasm.*.pagefind"))
    assert not list(bundle.glob("pagefind-*ui*")), "Pagefind's own UIs are not published: Material's is used"


def test_english_pages_are_in_the_english_bundle_only(records):
    zh, en = by_location(records["zh"]), by_location(records["en"])
    assert "/reports/2023/plan/" in zh and "/reports/2023/plan/" in en
    assert not [url for url in zh if url.startswith("/en/")]
    assert not [url for url in en if url.startswith("/en/")], "en URLs are relative to /en/"
    english = " ".join(r["content"] for r in records["en"])
    assert "Chinese" in english and "lawyers" in english


@pytest.mark.parametrize("lang", PREFIX)
def test_every_measure_has_a_record_of_its_own(records, measures, lang):
    found = by_location(records[lang])
    for m in measures:
        record = found.get(measure_location(m, lang))
        assert record is not None, f"{m['id']}: no {lang} search record"
        assert record["meta"]["title"].startswith(m["id"] + " ")
        assert record["meta"]["page"], "the title of the page the measure is on"
        text = m["text"] if lang == "zh" else m["text_en"]
        assert plain(record["content"]).rstrip(".") == text.rstrip(".")


def test_gongzhi_lushi_is_in_the_measures_that_mention_it(records):
    found = {r["meta"].get("location") for r in records["zh"] if "公职律师" in plain(r["content"])}
    for mid, page in (("2023-2-00-4", "reports/2023/problems/"), ("2023-3-02-1", "reports/2023/plan/"),
                      ("2023-1-05-3", "reports/2023/progress/05-decision-making/")):
        assert f"/{page}#m-{mid}" in found


@pytest.mark.parametrize("lang", PREFIX)
def test_no_measure_text_is_indexed_twice(records, measures, lang):
    """The measure's own record holds its text; its page, the measure tables and indexes do not repeat it."""
    for m in measures:
        text = (m["text"] if lang == "zh" else m["text_en"])[:40]
        holders = [r["meta"].get("location", r["url"]) for r in records[lang] if text in plain(r["content"])]
        assert holders == [measure_location(m, lang)], f"{m['id']} is indexed in {holders}"


def test_the_translation_notice_and_permalinks_are_not_indexed(site, records):
    content = " ".join(r["content"] for r in records["en"])
    assert "¶" not in content
    notice = soup_of(site / "en" / "reports" / "2023" / "plan" / "index.html").select_one(".translation-notice")
    assert notice is not None and notice.get_text(" ", strip=True)[:30] not in content


def test_the_one_page_report_is_not_indexed_and_the_glossary_ranks_last(records):
    found = by_location(records["zh"])
    assert "/reports/2023/full/" not in found
    assert float(found["/glossary/"]["meta"]["rank"]) < 1


@pytest.mark.parametrize(("url", "index_url", "bundle"), [
    ("/", "/search/search_index.json", "/pagefind/"),
    ("/reports/2023/plan/", "/search/search_index.json", "/pagefind/"),
    ("/en/", "/en/search/search_index.json", "/en/pagefind/"),
    ("/en/reports/2023/plan/", "/en/search/search_index.json", "/en/pagefind/"),
    ("/en/policies/", "/en/search/search_index.json", "/en/pagefind/"),
])
def test_pages_load_their_languages_index_and_bundle_through_the_site_worker(soup, url, index_url, bundle):
    config = json.loads(soup(url).find("script", id="__config").string)
    here = "http://site" + url
    base = urljoin(here, config["base"])
    # Material's JavaScript: new URL("search/search_index.json", config.base)
    assert urljoin(base if base.endswith("/") else base + "/", "search/search_index.json") == "http://site" + index_url
    worker = urljoin(here, config["search"])
    assert worker.startswith("http://site/assets/javascripts/workers/site-search.js?bundle=")
    # site-search.js: new URL(bundle, its own URL)
    assert urljoin(worker, parse_qs(urlsplit(worker).query)["bundle"][0]) == "http://site" + bundle


@pytest.mark.parametrize("lang", PREFIX)
def test_the_search_index_material_fetches_is_a_placeholder(site, lang):
    path = site / PREFIX[lang] / "search" / "search_index.json"
    index = json.loads(path.read_text("utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == [lang]
    assert "公职律师" in index["config"]["words"]
    assert path.stat().st_size < 10_000, "nothing downloads the whole index"


def test_the_404_page_uses_the_site_worker(site):
    config = json.loads(soup_of(site / "404.html").find("script", id="__config").string)
    assert "/workers/site-search.js?bundle=../../../pagefind/" in config["search"]
