"""Chinese search on the built index: jieba segments the text at build time, so that words are found.

`pages_found` models what the site's search worker does in the browser (site-search.js): the query is
cut into words of the index, longest first, and each word matches the tokens it begins (Material
appends * to every query word). The browser tests (tests/browser/test_search.py) check the real thing.
"""

from __future__ import annotations

import bisect
import json
import re

import pytest

TERMS = {
    "公职律师": ["reports/2023/problems/", "reports/2023/plan/", "reports/2023/progress/05-decision-making/"],
    "放管服": ["reports/2023/progress/03-streamlining-and-business-environment/", "reports/2023/progress/04-administrative-rules/", "reports/2023/plan/"],
    "两客一危": ["reports/2023/progress/07-emergency-response/"],
    "跨省通办": ["reports/2023/progress/10-digital-government/"],
    "重大行政决策": ["reports/2023/progress/04-administrative-rules/", "reports/2023/progress/05-decision-making/"],
    "律师": ["reports/2023/problems/", "reports/2023/plan/"],  # inside 公职律师: found by its parts
}
FIELDS = ("title", "text", "parts")
HAN = re.compile(r"^[\u3400-\u9fff]+$")


@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))


def tokens(text: str, separator: str) -> set[str]:
    text = re.sub(r"<[^>]+>", " ", text)
    return {t.lower() for t in re.split(separator, text) if t}


def doc_tokens(doc: dict, separator: str) -> set[str]:
    return set().union(*(tokens(doc.get(name, ""), separator) for name in FIELDS))


def cut(query: str, words: list[str]) -> list[str]:
    """site-search.js's cut: the rest whole if a word begins with it, else the longest word, else unknown."""
    known = set(words)
    longest = max(map(len, words))
    result, unknown, i = [], "", 0

    def begins(part):
        at = bisect.bisect_left(words, part)
        return at < len(words) and words[at].startswith(part)

    while i < len(query):
        rest = query[i:]
        if (i == 0 or len(rest) > 1) and begins(rest):
            return [*result, *([unknown] if unknown else []), rest]
        j = min(len(query), i + longest)
        while j > i + 1 and query[i:j] not in known:
            j -= 1
        if j > i + 1:
            result += [unknown] if unknown else []
            unknown = ""
            result.append(query[i:j])
            i = j
        else:
            unknown += query[i]
            i += 1
    return result + ([unknown] if unknown else [])


def pages_found(index, query: str) -> set[str]:
    """Pages with an entry in which every word of the query begins a token."""
    sep = index["config"]["separator"]
    all_tokens = [doc_tokens(d, sep) for d in index["docs"]]
    words = sorted({t for ts in all_tokens for t in ts if HAN.match(t)})
    query_words = cut(query, words)
    return {d["location"].split("#")[0] for d, ts in zip(index["docs"], all_tokens)
            if all(any(t.startswith(w) for t in ts) for w in query_words)}


def test_search_is_configured_for_chinese(index):
    assert index["config"]["lang"] == ["zh"]
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
