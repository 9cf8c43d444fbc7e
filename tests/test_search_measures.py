"""The built search indexes: one per language, one entry per measure right after its page, UTF-8,
no text indexed twice, and every page's JavaScript pointed at its language's index."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urljoin

import pytest

from conftest import soup_of

PREFIX = {"zh": "", "en": "en/"}


@pytest.fixture(scope="module")
def measures(site):
    return json.loads((site / "data" / "measures.json").read_text("utf-8"))


def index_path(site, lang):
    return site / PREFIX[lang] / "search" / "search_index.json"


@pytest.fixture(scope="module")
def indexes(site):
    return {lang: json.loads(index_path(site, lang).read_text("utf-8")) for lang in PREFIX}


def plain(text: str) -> str:
    """Entry text as a reader sees it: without the U+200B that jieba's cut wrote between words."""
    return text.replace("\u200b", "")


def measure_location(m: dict, lang: str) -> str:
    """The entry location of a measure, relative to its language's root (where its index is)."""
    url = m["url"] if lang == "zh" else m["url_en"]
    return url.lstrip("/").removeprefix(PREFIX[lang])


def test_each_language_has_its_own_index(indexes):
    assert indexes["zh"]["config"]["lang"] == ["zh"]
    assert indexes["en"]["config"]["lang"] == ["en"]
    # Material appends * to every query word and lunr does not stem such words: a stemmed English
    # index never matches "chinese*" (it holds "chines").
    assert "stemmer" not in indexes["en"]["config"]["pipeline"]
    assert all(not d["location"].startswith("en/") for d in indexes["zh"]["docs"])
    assert all(not d["location"].startswith("en/") for d in indexes["en"]["docs"]), "en locations are relative to /en/"
    english = " ".join(d["text"] for d in indexes["en"]["docs"])
    assert re.search(r"\bChinese\b", english) and re.search(r"\blawyers\b", english)


@pytest.mark.parametrize("lang", PREFIX)
def test_every_measure_has_an_entry_of_its_own(indexes, measures, lang):
    docs = {d["location"]: d for d in indexes[lang]["docs"]}
    for m in measures:
        entry = docs.get(measure_location(m, lang))
        assert entry is not None, f"{m['id']}: no {lang} search entry"
        assert plain(entry["title"]).startswith(m["id"] + " ")
        text = m["text"] if lang == "zh" else m["text_en"]
        assert plain(entry["text"]) == html.escape(text, quote=False)


@pytest.mark.parametrize("lang", PREFIX)
def test_measure_entries_follow_their_page_entry(indexes, measures, lang):
    """Material shows an entry as a result of its own only when it follows its page's entry."""
    locations = [d["location"] for d in indexes[lang]["docs"]]
    by_page: dict[str, list[str]] = {}
    for m in measures:
        location = measure_location(m, lang)
        by_page.setdefault(location.split("#")[0], []).append(location)
    assert len(by_page) > 10
    for page, expected in by_page.items():
        start = locations.index(page) + 1
        assert locations[start:start + len(expected)] == expected, page


def test_gongzhi_lushi_is_in_the_measures_that_mention_it(indexes):
    found = {d["location"] for d in indexes["zh"]["docs"] if "公职律师" in d["text"].split("\u200b")}
    for mid, page in (("2023-2-00-4", "reports/2023/problems/"), ("2023-3-02-1", "reports/2023/plan/"),
                      ("2023-1-05-3", "reports/2023/progress/05-decision-making/")):
        assert f"{page}#m-{mid}" in found


@pytest.mark.parametrize("lang", PREFIX)
def test_no_measure_text_is_indexed_twice(indexes, measures, lang):
    """The measure's own entry holds its text; its section and the measure tables do not repeat it."""
    docs = indexes[lang]["docs"]
    for m in measures:
        text = html.escape(m["text"] if lang == "zh" else m["text_en"], quote=False)
        holders = [d["location"] for d in docs if text[:40] in plain(d["text"])]
        assert holders == [measure_location(m, lang)], f"{m['id']} is indexed in {holders}"


@pytest.mark.parametrize("lang", PREFIX)
def test_index_is_written_as_utf8(site, indexes, lang):
    raw = index_path(site, lang).read_bytes()
    assert "公职律师".encode() in raw or lang == "en"
    compact = json.dumps(indexes[lang], ensure_ascii=False, separators=(",", ":")).encode()
    assert len(raw) == len(compact), "not written as compact UTF-8 (\\uXXXX escapes?)"


@pytest.mark.parametrize(("url", "index_url"), [
    ("/", "/search/search_index.json"),
    ("/reports/2023/plan/", "/search/search_index.json"),
    ("/en/", "/en/search/search_index.json"),
    ("/en/reports/2023/plan/", "/en/search/search_index.json"),
    ("/en/policies/", "/en/search/search_index.json"),
])
def test_pages_load_their_languages_index_and_the_site_worker(soup, url, index_url):
    config = json.loads(soup(url).find("script", id="__config").string)
    here = "http://site" + url
    base = urljoin(here, config["base"])
    # Material's JavaScript: new URL("search/search_index.json", config.base)
    assert urljoin(base if base.endswith("/") else base + "/", "search/search_index.json") == "http://site" + index_url
    worker = urljoin(here, config["search"])
    assert worker.startswith("http://site/assets/javascripts/workers/site-search.js?material=search.")


def test_the_404_page_uses_the_site_worker(site):
    config = json.loads(soup_of(site / "404.html").find("script", id="__config").string)
    assert "/workers/site-search.js?material=search." in config["search"]
