"""annual_report.glossary: the glossary file, finding terms, and the tooltips.

annotate_html is checked against the straightforward way: parse the page with BeautifulSoup, walk
its text nodes, wrap each term's first free occurrence. The hook used that until it was a tenth of the build at 100 reports; the tokenizer must give the same tree on any page
Python-Markdown writes, and leave every other byte as it was."""

from __future__ import annotations

import re
from html import escape

import pytest
from bs4 import BeautifulSoup, NavigableString
from hypothesis import given, settings
from hypothesis import strategies as st

from annual_report.errors import ContentError
from annual_report.glossary import SKIP_CLASSES, SKIP_ELEMENTS, Term, annotate_html, find_terms, load_glossary

TERMS = [Term("gzls", "公职律师", "public-sector lawyers", "在党政机关从事法律事务的律师", "Lawyers employed by government bodies"),
         Term("fgf", "放管服", "streamline administration", "简政放权、放管结合、优化服务", "Streamlining, oversight, service"),
         Term("ls", "律师", "lawyers", "律师", "Lawyers"),
         Term("lk", "两客一危", "two passenger, one hazardous", "客运与危货", "Passenger and hazardous goods")]
LABEL = "释义（本站添加）："


def reference(html: str, lang: str) -> str:
    """The hook's former implementation (BeautifulSoup, html.parser)."""
    soup = BeautifulSoup(html, "html.parser")
    seen: set[str] = set()
    for text in list(soup.find_all(string=True)):
        if type(text) is not NavigableString or not text.strip():
            continue
        if any(p.name in SKIP_ELEMENTS or set(p.get("class") or []) & SKIP_CLASSES for p in text.parents if p.name != "[document]"):
            continue
        found = find_terms(str(text), TERMS, lang, skip=seen)
        if not found:
            continue
        pieces, at = [], 0
        for start, end, term in found:
            seen.add(term.id)
            pieces.append(NavigableString(text[at:start]))
            abbr = soup.new_tag("abbr", attrs={"class": "glossary-term", "tabindex": "0", "title": LABEL + term.definition(lang)})
            abbr.string = text[start:end]
            pieces.append(abbr)
            at = end
        pieces.append(NavigableString(text[at:]))
        text.replace_with(*pieces)
    return str(soup)


words = st.sampled_from(["公职律师", "律师", "放管服", "两客一危", "队伍建设", "Lawyers ", "public-sector lawyers",
                         "，", "。", " ", "&amp;", "&quot;", "“", "A & B", "<br>", "<br />", "x < y"])
runs = st.lists(words, min_size=1, max_size=6).map(lambda parts: "".join(p if p in ("<br>", "<br />") else
                                                                       escape(p, quote=False) if p == "x < y" else p
                                                                       for p in parts))


def element(inner):
    return st.one_of(
        inner.map(lambda t: f"<p>{t}</p>"),
        inner.map(lambda t: f'<p><a href="../x/">{t}</a> {t}</p>'),
        inner.map(lambda t: f"<p><code>{t}</code>{t}</p>"),
        inner.map(lambda t: f'<h2 id="h">{t}</h2>'),
        inner.map(lambda t: f'<div class="admonition note site-added"><p class="admonition-title">{t}</p><p>{t}</p></div>'),
        inner.map(lambda t: f"<table><tbody><tr><td>{t}</td></tr></tbody></table>"),
        inner.map(lambda t: f'<p><span class="measure" id="m-1" data-measure="1"><a class="measure-id" href="#m-1">1</a> {t}</span></p>'),
        inner.map(lambda t: f"<!-- {t} --><p>{t}<img alt='{t}' src='a.png'></p>"),
        inner.map(lambda t: f"<ul>\n<li>{t}</li>\n<li><strong>{t}</strong></li>\n</ul>"),
    )


pages = st.lists(element(runs), min_size=1, max_size=6).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(pages, st.sampled_from(["zh", "en"]))
def test_same_tree_as_the_straightforward_way(html, lang):
    ours = annotate_html(html, TERMS, lang, LABEL)
    def tree(markup: str) -> str:
        return str(BeautifulSoup(markup, "html.parser"))
    assert tree(ours) == tree(reference(html, lang))


@settings(max_examples=200, deadline=None)
@given(pages)
def test_nothing_but_the_wrapped_terms_changes(html):
    ours = annotate_html(html, TERMS, "zh", LABEL)
    unwrapped = re.sub(r'<abbr class="glossary-term" tabindex="0" title="[^"]*">(.*?)</abbr>', r"\1", ours)
    assert BeautifulSoup(unwrapped, "html.parser").get_text() == BeautifulSoup(html, "html.parser").get_text()
    if "<abbr" not in ours:
        assert ours == html


def test_a_term_once_per_page_outside_links_and_headings():
    html = '<h2>公职律师</h2><p><a href="x">公职律师</a>推进公职律师队伍建设，公职律师。</p><p>律师</p>'
    ours = BeautifulSoup(annotate_html(html, TERMS, "zh", LABEL), "html.parser")
    # 律师 is explained where it stands alone, not inside the later 公职律师
    assert [(a.get_text(), a.parent.get_text()) for a in ours.select("abbr.glossary-term")] == [
        ("公职律师", "公职律师推进公职律师队伍建设，公职律师。"), ("律师", "律师")]
    assert ours.select_one("p abbr")["title"] == LABEL + TERMS[0].definition_zh
    assert not ours.select("h2 abbr, a abbr")


def test_longest_term_wins_and_each_term_is_found_once():
    a = Term("a", "行政决策", "administrative decision", "", "")
    b = Term("b", "重大行政决策", "major administrative decision", "", "")
    text = "落实重大行政决策程序,行政决策,重大行政决策"
    assert [(text[s:e], t.id) for s, e, t in find_terms(text, [a, b], "zh")] == [("重大行政决策", "b"), ("行政决策", "a")]
    assert find_terms("A Major Administrative Decision", [a, b], "en")[0][2].id == "b"


def test_a_skipped_term_still_claims_its_place():
    text = "公职律师和律师"
    assert [(text[s:e], t.id) for s, e, t in find_terms(text, TERMS, "zh", skip={"gzls"})] == [("律师", "ls")]
    assert [t.id for _, _, t in find_terms("公职律师", TERMS, "zh", skip={"gzls"})] == []


def test_the_glossary_file_loads_in_order(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- {id: a, term: 甲, en: A, definition_zh: 甲义, definition_en: A means}\n"
                    "- {id: b, term: 乙, en: B, definition_zh: 乙义, definition_en: B means}\n", "utf-8")
    terms = load_glossary(path)
    assert [t.id for t in terms] == ["a", "b"] and terms[1].form("en") == "B" and terms[0].definition("zh") == "甲义"


@pytest.mark.parametrize("rows, problem, fix", [
    ("- {id: a, term: 甲, en: A, definition_zh: x}\n", "glossary entry 1 (甲) is malformed", "each entry has exactly: id, term"),
    ("- {id: a, term: 甲, en: A, definition_zh: x, definition_en: y}\n"
     "- {id: a, term: 乙, en: B, definition_zh: x, definition_en: y}\n", "glossary id 'a' is used twice", "its own id"),
])
def test_a_malformed_or_repeated_entry_names_the_file_and_the_fix(tmp_path, rows, problem, fix):
    path = tmp_path / "glossary.yml"
    path.write_text(rows, "utf-8")
    with pytest.raises(ContentError) as err:
        load_glossary(path)
    assert err.value.path == str(path) and problem in err.value.problem and fix in err.value.fix
