"""The dictionary words: glossary terms, official terms and policy titles, which a search result marks
whole (site-search.js: 公职律 marks 公职律师); and the index is written into the site, whichever
directory mkdocs is run from."""

from __future__ import annotations

import json

import yaml

from conftest import ROOT

from annual_report.catalog import CatalogReader
from annual_report.glossary import load_glossary
from annual_report.search import HAN_RUN, dictionary_words


def dictionary() -> list[str]:
    data = ROOT / "data"
    glossary = [t.term for t in load_glossary(data / "glossary.yml")]
    terms = [row["zh"] for row in yaml.safe_load((data / "terms.yml").read_text("utf-8"))]
    policies = CatalogReader(ROOT / "docs" / "zh", data, ROOT).read_policies()
    return dictionary_words(glossary, terms, titles=[t for p in policies.values() for t in p.titles])


def test_the_dictionary_holds_the_terms_and_titles():
    words = dictionary()
    for word in ("公职律师", "两客一危", "放管服", "双随机", "一公开", "法治中国建设规划", "优化营商环境条例"):
        assert word in words
    assert "自治区实施" not in words, "a fragment of a title that quotes another is not a word"
    assert all(HAN_RUN.fullmatch(w) and len(w) >= 2 for w in words)


def test_the_search_gets_the_dictionary(site):
    for path in (site / "search" / "manifest.json", site / "en" / "search" / "manifest.json"):
        assert json.loads(path.read_text("utf-8"))["words"] == dictionary()


def test_index_is_written_into_the_site_when_built_from_another_directory(built_elsewhere):
    """That build ran `mkdocs build -f <copy>/mkdocs.yml --site-dir <elsewhere>` in yet another directory."""
    site = built_elsewhere.site
    for index in (site / "search", site / "en" / "search"):
        assert (index / "manifest.json").is_file() and list((index / "r").iterdir())
    assert not list(site.glob(".search-new")), "the staging folder is renamed into place"
    assert not any(built_elsewhere.working_directory.iterdir()), "the build wrote into the working directory"
