"""annual_report.search without MkDocs: the dictionary's words, tokens, records, the files of the index."""

from __future__ import annotations

import json

import yaml

from annual_report.model import Area, Catalog, Measure
from conftest import ROOT
from annual_report.rendering.strings import Strings
from annual_report.search import (TITLE_AT, Record, build_index, dictionary_words, fnv1a, page_records, stem,
                                  title_words, tokens)


def test_titles_give_their_chinese_runs_and_a_quoting_title_the_quoted_one():
    assert title_words("法治中国建设规划(2020-2025年)") == ["法治中国建设规划"]
    assert title_words("自治区实施〈优化营商环境条例〉办法") == ["优化营商环境条例"]
    assert dictionary_words(["双随机、一公开", "公职律师"], titles=["重大行政决策程序暂行条例"]) == \
        ["一公开", "公职律师", "双随机", "重大行政决策程序暂行条例"]


def test_chinese_is_cut_into_characters_and_bigrams_at_positions_and_punctuation_takes_none():
    assert list(tokens("交通运输局")) == [("交", 0), ("交通", 0), ("通", 1), ("通运", 1), ("运", 2), ("运输", 2),
                                     ("输", 3), ("输局", 3), ("局", 4)]
    # A query is looked up by its bigrams, and by a character only where it stands alone.
    assert list(tokens("交通运输局", query=True)) == [("交通", 0), ("通运", 1), ("运输", 2), ("输局", 3)]
    assert list(tokens("州", query=True)) == [("州", 0)]
    assert list(tokens("A级", query=True)) == [("a", 0), ("级", 1)]
    # 、 takes no position, and no bigram spans it
    assert list(tokens("双随机、一公开", query=True)) == [("双随", 0), ("随机", 1), ("一公", 3), ("公开", 4)]
    assert list(tokens("60.82万元", query=True)) == [("60", 0), ("82", 1), ("万元", 2)]


def test_english_words_lose_their_plural_endings_only():
    for word, stemmed in [("lawyers", "lawyer"), ("Regulations", "regulation"), ("policies", "policy"),
                          ("approaches", "approach"), ("businesses", "business"), ("decisions", "decision"),
                          ("Chinese", "chinese"), ("process", "process"), ("status", "status"),
                          ("analysis", "analysis"), ("officials", "official"), ("law", "law"), ("ＡＰＰ", "app")]:
        assert stem(word) == stemmed, word
    assert [t for t, _ in tokens("Public-sector lawyers' roles")] == ["public", "sector", "lawyer", "role"]


def test_a_page_is_a_record_per_section_without_what_is_ignored():
    page = ('<html><body><nav>导航</nav><article class="md-content__inner md-typeset">'
            '<a href="e" title="编辑此页" class="md-content__button md-icon">x</a>'
            '<h1 id="t">标题<a class="headerlink" href="#t">¶</a></h1><p>正文<span data-search-ignore>措施</span></p>'
            '<h2 id="s">小节</h2><table><tr><td>甲</td><td>乙</td></tr></table>'
            '<aside class="md-source-file">本站发布</aside></article><footer>页脚</footer></body></html>')
    first, second = page_records(page, "about/", "关于")
    assert (first.url, first.title, first.text) == ("about/", "关于", "正文")
    assert (second.url, second.title, second.context, second.text) == ("about/#s", "小节", "关于", "甲 乙")
    assert page_records("<html><body>没有文章</body></html>", "x/", "x") == []


def test_the_index_finds_a_record_by_the_positions_of_its_tokens():
    catalog = Catalog(areas={"a": Area("a", "甲", "A", "")}, policies={}, measures=[
        Measure("2023-1-01-1", 2023, 2023, "done", "a", 1, 1, 1, "推进公职律师工作", "x.md", 1)])
    records = [Record("x/#m-2023-1-01-1", "2023-1-01-1 甲", "推进公职律师工作", "done", "页", 2023, "a"),
               Record("p/", "政策", "", "policy", note="层级：国家")]
    catalog.ui_strings = UI_STRINGS
    files = build_index(records, ["公职律师"], catalog, Strings(UI_STRINGS, "zh"))
    manifest = json.loads(files["manifest.json"])
    assert manifest["count"] == 2 and manifest["words"] == ["公职律师"]
    assert manifest["kinds"] == [["done", "已开展"], ["policy", "政策"]]
    assert manifest["groups"] == [[0, 0, 2023, 0], [1, 1, 0, 1]]
    assert all(f"t/{b}.txt" in files for b in range(manifest["buckets"]))
    bucket = files[f"t/{fnv1a('律师') % manifest['buckets']}.txt"]
    assert "律师\t0:4\n" in bucket  # record 0, position 4 (推进公职律师: 律 is the fifth character)
    bucket = files[f"t/{fnv1a('政策') % manifest['buckets']}.txt"]
    assert f"政策\t1:{int_to36(TITLE_AT)}" in bucket  # a title's tokens stand after TITLE_AT
    assert json.loads(files["r/0.json"])[1] == {"u": "p/", "t": "政策", "x": "", "n": "层级：国家"}


UI_STRINGS = yaml.safe_load((ROOT / "data" / "ui-strings.yml").read_text("utf-8"))


def int_to36(n: int) -> str:
    from annual_report.search import base36
    return base36(n)
