"""Chinese search on the built bundle: Pagefind's extended build cuts Chinese into words at build time.

What a query finds is checked in Chromium (tests/browser/test_search.py): Pagefind's search runs as
WebAssembly in the site's worker. Here: the Chinese bundle is segmented, and the pages that hold each
term are in it with the term in their text (a measure's text in the measure's record).
"""

from __future__ import annotations

import pytest

from conftest import pagefind_records

TERMS = {
    "公职律师": ["reports/2023/problems/", "reports/2023/plan/", "reports/2023/progress/05-decision-making/"],
    "放管服": ["reports/2023/progress/03-streamlining-and-business-environment/", "reports/2023/progress/04-administrative-rules/", "reports/2023/plan/"],
    "两客一危": ["reports/2023/progress/07-emergency-response/"],
    "跨省通办": ["reports/2023/progress/10-digital-government/"],
    "重大行政决策": ["reports/2023/progress/04-administrative-rules/", "reports/2023/progress/05-decision-making/"],
    "律师": ["reports/2023/problems/", "reports/2023/plan/"],
}


@pytest.fixture(scope="module")
def records(site):
    return pagefind_records(site, "zh")


def pages_holding(records, term: str) -> set[str]:
    """The pages whose own text or whose measures' records hold the term."""
    return {r["meta"].get("location", r["url"]).split("#")[0].lstrip("/")
            for r in records if term in r["content"].replace("\u200b", "")}


def test_the_chinese_bundle_is_segmented(site, records):
    assert list((site / "pagefind").glob("pagefind.zh_*.pf_meta"))
    text = " ".join(r["content"] for r in records)
    assert "\u200b" in text, "Pagefind did not cut the Chinese text into words: is pagefind[extended] installed?"


@pytest.mark.parametrize("term", TERMS)
def test_term_is_in_the_pages_that_contain_it(records, term):
    found = pages_holding(records, term)
    for page in TERMS[term]:
        assert page in found, f"{term} is not indexed for {page}"


def test_a_word_not_in_the_site_is_in_no_record(records):
    assert pages_holding(records, "高速铁路") == set()
