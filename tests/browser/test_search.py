"""Search as a reader uses it, in Chromium: typed into the search box, answered by the site's worker.

A query is filled in and then a key is pressed: Material searches on keyup (fill() alone types no key,
and the search would only run if the index happened to become ready after it).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

GONGZHI_MEASURES = {  # the measures that mention 公职律师, and their pages
    "2023-2-00-4": "/reports/2023/problems/",
    "2023-3-02-1": "/reports/2023/plan/",
    "2023-1-05-3": "/reports/2023/progress/05-decision-making/",
}
RESULTS = """els => els.map(e => ({
  href: e.href,
  title: (e.querySelector("h1, h2") || {}).textContent || "",
  marks: [...e.querySelectorAll("mark")].map(m => m.textContent)
}))"""


def search(page, query: str) -> list[dict]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d|没有|No matching"))
    results = page.locator(".md-search-result__link").evaluate_all(RESULTS)
    for result in results:
        parts = urlsplit(result["href"])
        result["path"], result["anchor"] = parts.path, parts.fragment
        result["h"] = parse_qs(parts.query).get("h", [""])[0]
    return results


def measure_results(results) -> dict[str, dict]:
    return {r["anchor"].removeprefix("m-"): r for r in results if r["anchor"].startswith("m-")}


def test_gongzhi_lushi_lists_the_measures_that_mention_it_first(page):
    page.goto("/")
    results = search(page, "公职律师")
    found = measure_results(results)
    for mid, path in GONGZHI_MEASURES.items():
        assert mid in found, f"{mid} is not a result of its own"
        assert found[mid]["path"] == path
        # The whole term is highlighted in the result, and the page it opens is told the whole term.
        assert found[mid]["marks"] and set(found[mid]["marks"]) == {"公职律师"}, found[mid]["marks"]
        assert found[mid]["h"] == "公职律师"
    first_measure = next(i for i, r in enumerate(results) if r["anchor"].startswith("m-"))
    glossary = next(i for i, r in enumerate(results) if r["path"] == "/glossary/")
    assert first_measure < glossary, "the measures come before the glossary's definition"
    assert all(r["path"].startswith("/reports/") for r in results[:first_measure + 1])


def test_the_page_a_result_opens_highlights_the_whole_term(page):
    page.goto("/")
    search(page, "公职律师")
    page.locator('.md-search-result__link[href*="#m-2023-2-00-4"]').click()
    page.wait_for_url(re.compile(r"/reports/2023/problems/\?h=.*#m-2023-2-00-4$"))
    marks = page.locator("article mark")
    expect(marks.first).to_be_visible()
    assert set(marks.all_text_contents()) == {"公职律师"}
    assert page.locator("#m-2023-2-00-4 mark").count() == 1


def test_a_word_still_being_typed_finds_what_it_begins(page):
    page.goto("/")
    found = measure_results(search(page, "公职律"))
    assert set(GONGZHI_MEASURES) <= set(found)


@pytest.mark.parametrize(("query", "page_path", "mark"), [
    ("Chinese", "/en/", "Chinese"),  # stem "chines": never found in a stemmed index
    ("lawyers", "/en/reports/2023/problems/", "lawyers"),
    ("decisions", "/en/reports/2023/progress/05-decision-making/", None),
    ("officials", "/en/reports/2023/", None),
])
def test_english_words_are_found_from_en_and_only_english_pages_answer(page, query, page_path, mark):
    page.goto("/en/")
    results = search(page, query)
    assert results, f"{query} finds nothing"
    assert all(r["path"].startswith("/en/") for r in results), "an English page lists English results"
    assert any(r["path"].startswith(page_path) for r in results), [r["path"] for r in results]
    marks = {m for r in results for m in r["marks"]}
    if mark:
        assert mark in marks
    stem = query.lower()[:5]
    assert marks and all(m.lower().startswith(stem) for m in marks), marks  # whole words, of the same stem


def test_a_plural_finds_the_singular(page):
    page.goto("/en/")
    results = search(page, "decisions")
    assert any(re.fullmatch(r"[Dd]ecision", m) for r in results for m in r["marks"])


@pytest.mark.parametrize(("start", "query", "expected", "first"), [
    ("/", "重大行政决策程序暂行条例", "/policies/major-administrative-decision-procedures/", True),  # a policy title
    ("/", "60.82万元", "/reports/2023/progress/03-streamlining-and-business-environment/#m-2023-1-03-2", False),
    ("/", "两客一危", "/reports/2023/progress/07-emergency-response/#m-2023-1-07-1", False),  # a glossary term
    ("/", "放管服", "/reports/2023/progress/03-streamlining-and-business-environment/", True),
    ("/", "律师", "/reports/2023/problems/#m-2023-2-00-4", False),  # a part of 公职律师
    ("/en/", "Regulations on Optimising the Business Environment",
     "/en/policies/optimizing-business-environment-regulations/", True),
    ("/en/", "608,200", "/en/reports/2023/progress/03-streamlining-and-business-environment/#m-2023-1-03-2", False),
    ("/en/", "electronic waybill", "/en/reports/2023/progress/03-streamlining-and-business-environment/#m-2023-1-03-3", False),
    ("/en/", "60.82万元", "/en/measures/figures/", False),
])
def test_queries_a_reader_would_type(page, start, query, expected, first):
    page.goto(start)
    results = search(page, query)
    links = [r["path"] + (f"#{r['anchor']}" if r["anchor"] else "") for r in results]
    assert expected in links, links
    if first:
        assert links[0] == expected, links


@pytest.mark.parametrize("term", ["两客一危", "放管服"])
def test_a_glossary_term_is_highlighted_whole(page, term):
    page.goto("/")
    results = search(page, term)
    marks = {m for r in results for m in r["marks"]}
    assert marks == {term}, marks
