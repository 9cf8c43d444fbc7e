"""Chinese search on the built index: jieba segments the text at build time, so that words are found."""

from __future__ import annotations

import json
import re

import jieba
import pytest

TERMS = {
    "公职律师": ["reports/2023/problems/", "reports/2023/plan/", "reports/2023/progress/05-decision-making/"],
    "放管服": ["reports/2023/progress/03-streamlining-and-business-environment/", "reports/2023/progress/04-administrative-rules/", "reports/2023/plan/"],
    "两客一危": ["reports/2023/progress/07-emergency-response/"],
    "跨省通办": ["reports/2023/progress/10-digital-government/"],
    "重大行政决策": ["reports/2023/progress/04-administrative-rules/", "reports/2023/progress/05-decision-making/"],
}


@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))


def tokens(text: str, separator: str) -> set[str]:
    text = re.sub(r"<[^>]+>", " ", text)
    return {t.lower() for t in re.split(separator, text) if t}


def pages_found(index, query: str) -> set[str]:
    """Pages with a document holding every word of the query, the query cut by jieba as at build time."""
    words = [w for w in jieba.cut(query) if w.strip()]
    sep = index["config"]["separator"]
    return {d["location"].split("#")[0] for d in index["docs"] if set(words) <= tokens(d["title"] + " " + d["text"], sep)}


def test_search_is_configured_for_chinese(index):
    assert "zh" in index["config"]["lang"]
    assert "\\u200b" in index["config"]["separator"]
    text = " ".join(d["text"] for d in index["docs"])
    assert "\u200b" in text, "jieba did not segment the text: is it installed?"


@pytest.mark.parametrize("term", TERMS)
def test_term_finds_the_pages_that_contain_it(index, term):
    found = pages_found(index, term)
    for page in TERMS[term]:
        assert page in found, f"{term} does not find {page}"


def test_a_word_not_in_the_site_finds_nothing(index):
    assert pages_found(index, "高速铁路") == set()
