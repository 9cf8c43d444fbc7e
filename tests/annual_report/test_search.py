"""annual_report.search without MkDocs: the dictionary's words, tokens, records, the files of the index."""

from __future__ import annotations

import json

from catalog_factory import make_area, make_catalog, make_measure, make_policy

from annual_report.rendering.strings import Strings
from annual_report.search import (SHARD, TITLE_AT, Record, base36, build_index, deltas, dictionary_words, fnv1a,
                                  measure_record, page_records, policy_record, stem, title_words, tokens)


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
    catalog = make_catalog([make_measure("2023-1-01-1", "推进公职律师工作", area="a")], areas={"a": make_area("a", name_zh="甲")})
    records = [Record("x/#m-2023-1-01-1", "2023-1-01-1 甲", "推进公职律师工作", "done", "页", 2023, "a"),
               Record("p/", "政策", "", "policy", note="层级：国家")]
    files = build_index(records, ["公职律师"], catalog, Strings.of(catalog, "zh"))
    manifest = json.loads(files["manifest.json"])
    assert manifest["count"] == 2 and manifest["words"] == ["公职律师"]
    assert manifest["kinds"] == [["done", "已开展"], ["policy", "政策"]]
    assert manifest["groups"] == [[0, 0, 2023, 0], [1, 1, 0, 1]]
    assert all(f"t/{b}.txt" in files for b in range(manifest["buckets"]))
    bucket = files[f"t/{fnv1a('律师') % manifest['buckets']}.txt"]
    assert "律师\t0:4\n" in bucket  # record 0, position 4 (推进公职律师: 律 is the fifth character)
    bucket = files[f"t/{fnv1a('政策') % manifest['buckets']}.txt"]
    assert f"政策\t1:{base36(TITLE_AT)}" in bucket  # a title's tokens stand after TITLE_AT
    assert json.loads(files["r/0.json"])[1] == {"u": "p/", "t": "政策", "x": "", "n": "层级：国家"}



def test_hashes_and_numbers_as_site_search_js_reads_them():
    assert fnv1a("") == 0x811C9DC5 and fnv1a("a") == 0xE40C292C  # the FNV-1a test vectors
    assert [base36(n) for n in (0, 35, 36, 1295)] == ["0", "z", "10", "zz"]
    assert deltas([3, 5, 5, 50000]) == "3,2,0," + base36(49995)  # each position after the one before


def test_a_measure_record_links_to_its_anchor_and_is_searched_by_its_id_not_its_area_tag():
    measure = make_measure("2023-1-06-2", "二是规范执法。", text_en="Second, [enforcement](x.md) { #y }.")
    catalog = make_catalog([measure])
    zh = measure_record(measure, catalog, "reports/2023/part-1/", "一、主要举措", "zh")
    assert (zh.url, zh.title, zh.title_searched, zh.text) == (
        "reports/2023/part-1/#m-2023-1-06-2", "2023-1-06-2 规范执法", "2023-1-06-2", "二是规范执法。")
    assert (zh.kind, zh.context, zh.year, zh.area) == ("done", "一、主要举措", 2023, "enforcement")
    en = measure_record(measure, catalog, "en-page/", "1. Work done", "en")
    assert en.title == "2023-1-06-2 Enforcement" and en.text == "Second, enforcement."  # no raw Markdown
    untranslated = make_measure("2023-1-06-3", "三是。", area="oversight")
    assert measure_record(untranslated, make_catalog([untranslated]), "p/", "t", "en").title == \
        "2023-1-06-3 Oversight of administrative power"  # no short name: the full one


def test_a_policy_record_is_found_by_its_other_titles_and_shows_its_level():
    policy = make_policy("p", "简称", aliases=["别名"], official_title={"value": "正式名称", "source": "s"},
                         cited_without_brackets=["简称实施办法"], level="自治区")
    zh = policy_record(policy, "policies/p/", "《简称》", Strings.of(make_catalog(), "zh"))
    assert (zh.kind, zh.text, zh.note) == ("policy", "别名；正式名称；简称实施办法", "层级：自治区")
    en = policy_record(policy, "policies/p/", "Short title", Strings.of(make_catalog(), "en"))
    assert en.text.startswith("简称；") and en.note == "Level: Xinjiang Uygur Autonomous Region"


def test_records_are_numbered_newest_report_first_and_sharded():
    catalog = make_catalog([make_measure("2023-1-01-1"), make_measure("2024-1-01-1")])
    records = [Record("about/", "关于", "本站 Lawyers", "page"),
               Record("a/#m-2023-1-01-1", "2023-1-01-1", "旧的", "done", year=2023, area="enforcement"),
               Record("b/#m-2024-1-01-1", "2024-1-01-1", "新的", "done", year=2024, area="enforcement"),
               *[Record(f"p{n}/", f"政策{n}", "", "policy") for n in range(SHARD)]]
    files = build_index(records, [], catalog, Strings.of(catalog, "en"))
    first = json.loads(files["r/0.json"])
    assert [r["u"] for r in first[:3]] == ["b/#m-2024-1-01-1", "a/#m-2023-1-01-1", "p0/"]
    assert len(first) == SHARD and [r["u"] for r in json.loads(files["r/1.json"])] == ["p6/", "p7/", "about/"]
    manifest = json.loads(files["manifest.json"])
    assert manifest["lang"] == "en" and manifest["measure_kinds"] == ["done"]
    assert manifest["areas"] == [["enforcement", "Enforcement"], ["", ""]]
    assert files["words.txt"] == "lawyer\n"  # the words a query still being typed completes; no Chinese, no numbers
