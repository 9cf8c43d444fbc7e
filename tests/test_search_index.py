"""Chinese search on the built index: every term is in the records of the pages that hold it, whole,
whatever a segmenter would have made of the sentence (the index holds characters, not guessed words).

What a query finds is checked in Chromium (tests/browser/test_search.py).
"""

from __future__ import annotations

import pytest

from conftest import search_records

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
    return search_records(site, "zh")


def pages_holding(records, term: str) -> set[str]:
    """The pages whose own text or whose measures' records hold the term."""
    return {r["u"].split("#")[0] for r in records if term in r["x"] or term in r["t"]}


@pytest.mark.parametrize("term", TERMS)
def test_term_is_in_the_pages_that_contain_it(records, term):
    found = pages_holding(records, term)
    for page in TERMS[term]:
        assert page in found, f"{term} is not indexed for {page}"


def test_a_word_not_in_the_site_is_in_no_record(records):
    assert pages_holding(records, "高速铁路") == set()
