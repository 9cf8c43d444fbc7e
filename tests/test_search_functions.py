"""annual_report.search without MkDocs: the dictionary's words, measure entries in place, parts."""

from __future__ import annotations

import json

import pytest

from annual_report.search import (dictionary_words, index_json, relocated, title_words, user_dictionary,
                                  with_measures, with_parts, words_pattern)


def test_titles_give_their_chinese_runs_and_a_quoting_title_the_quoted_one():
    assert title_words("法治中国建设规划(2020-2025年)") == ["法治中国建设规划"]
    assert title_words("自治区实施〈优化营商环境条例〉办法") == ["优化营商环境条例"]
    assert dictionary_words(["双随机、一公开", "公职律师"], titles=["重大行政决策程序暂行条例"]) == \
        ["一公开", "公职律师", "双随机", "重大行政决策程序暂行条例"]
    assert user_dictionary(["公职律师", "放管服"]) == "公职律师\n放管服\n"


def test_measure_entries_go_right_after_their_page():
    entries = [{"location": "a/"}, {"location": "a/#s"}, {"location": "b/"}]
    placed = with_measures(entries, {"a/": [{"location": "a/#m-1"}, {"location": "a/#m-2"}]})
    assert [e["location"] for e in placed] == ["a/", "a/#m-1", "a/#m-2", "a/#s", "b/"]
    with pytest.raises(ValueError, match="c/"):
        with_measures(entries, {"c/": [{"location": "c/#m-1"}]})


def test_english_locations_are_made_relative_to_en():
    assert relocated([{"location": "en/reports/"}, {"location": "x/"}], "en/") == \
        [{"location": "reports/"}, {"location": "x/"}]


def test_parts_hold_the_words_inside_a_term_and_a_term_cut_apart():
    parts = {"公职律师": ["公职", "律师"]}
    entry = {"location": "p/", "title": "标题", "text": "四是\u200b公职律师\u200b队伍\u200b建设"}
    assert with_parts(entry, parts)["parts"] == "公职\u200b律师"
    cut = {"location": "p/", "title": "", "text": "综合\u200b行政\u200b执法人员"}
    assert with_parts(cut, {}, words_pattern(["行政执法"]))["parts"] == "行政执法"
    inside = {"location": "p/", "title": "", "text": "督办\u200b法治"}  # 办法 does not begin a word here
    assert "parts" not in with_parts(inside, {}, words_pattern(["办法"]))


def test_index_is_compact_utf8():
    text = index_json({"lang": ["zh"]}, [{"location": "", "title": "公职律师", "text": ""}])
    assert "公职律师" in text and "\\u" not in text
    assert json.loads(text)["docs"][0]["title"] == "公职律师"
