"""The glossary in the built site: accurate terms from the report, shown as tooltips without changing the text.
Finding and wrapping terms (annual_report.glossary) is tested on strings in tests/annual_report/test_glossary.py."""

from __future__ import annotations

from conftest import ROOT, SOURCE

from annual_report.glossary import load_glossary

TERMS = load_glossary(ROOT / "data" / "glossary.yml")


def test_every_term_occurs_verbatim_in_the_report():
    source = SOURCE.read_text("utf-8")
    assert [t.term for t in TERMS if t.term not in source] == []
    assert {"放管服", "两客一危", "公职律师", "跨省通办", "重大行政决策"} <= {t.term for t in TERMS}


def test_glossary_pages_have_every_term_with_a_permanent_anchor(soup):
    for url in ("/glossary/", "/en/glossary/"):
        ids = {h["id"] for h in soup(url).select("article h2[id]")}
        assert {t.id for t in TERMS} <= ids


def test_report_pages_show_definitions_as_marked_tooltips(soup):
    for url, lang in (("/reports/2023/progress/07-emergency-response/", "zh"), ("/en/reports/2023/progress/07-emergency-response/", "en")):
        terms = {a.get_text(): a for a in soup(url).select("article abbr.glossary-term")}
        term = next(t for t in TERMS if t.term == "两客一危")
        abbr = terms[term.form(lang)]
        assert abbr["title"].endswith(term.definition(lang))
        assert "本站添加" in abbr["title"] or "added by this site" in abbr["title"]
        assert abbr.get("tabindex") == "0"  # reachable by keyboard, so the tooltip shows on focus
        assert abbr.find_parent("a") is None


def test_a_term_is_explained_once_per_page(soup):
    page = soup("/reports/2023/progress/05-decision-making/")
    texts = [a.get_text() for a in page.select("article abbr.glossary-term")]
    assert len(texts) == len(set(texts)) and "重大行政决策" in texts
