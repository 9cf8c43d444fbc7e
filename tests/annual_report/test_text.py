"""annual_report.text on plain strings: markers and their styles, measures, headings, citations, figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annual_report.text import (MarkerOrderError, find_citations, find_figures, find_markers, heading_ordinal,
                                marker_style, split_measures)


def pieces(text):
    return [(s.ordinal, text[s.start:s.end]) for s in split_measures(text)]


@pytest.mark.parametrize("text, expected", [
    ("1.甲。\n\n2.乙。", [(1, "1.甲。\n\n"), (2, "2.乙。")]),
    ("1、甲。\n\n2、乙。", [(1, "1、甲。\n\n"), (2, "2、乙。")]),
    ("要求：（1）甲；（2）乙。", [(0, "要求："), (1, "（1）甲；"), (2, "（2）乙。")]),
    ("①甲；②乙。", [(1, "①甲；"), (2, "②乙。")]),
])
def test_every_marker_style(text, expected):
    assert pieces(text) == expected


def test_the_outer_style_numbers_the_measures():
    text = "1.学习。一是读书。二是讨论。\n\n2.落实。一是印发。"
    assert marker_style(text).name == "1." and [o for o, _ in pieces(text)] == [1, 2]


def test_decimals_and_years_are_not_markers():
    assert find_markers("共计60.82万元,车次2.9万辆。") == []
    assert find_markers("2024年,我局。") == []


def test_paragraphs_without_markers_are_one_measure_each():
    text = "甲。\n\n乙。"
    assert pieces(text) == [(1, "甲。\n\n"), (2, "乙。")]


def test_a_gap_in_any_style_is_an_error():
    with pytest.raises(MarkerOrderError) as err:
        find_markers("①甲；③乙。")
    assert (err.value.found_as, err.value.expected_as) == ("③", "②")


def test_a_paragraph_may_start_the_count_again_and_the_measures_number_on():
    text = "一是甲。二是乙。\n\n一是丙。二是丁。"
    assert [(s.ordinal, text[s.start:s.end]) for s in split_measures(text)] == [
        (1, "一是甲。"), (2, "二是乙。\n\n"), (3, "一是丙。"), (4, "二是丁。")]
    with pytest.raises(MarkerOrderError):  # within a paragraph, a repeat is still an error
        find_markers("一是甲。二是乙。一是丙。")


def test_chinese_numerals_are_read_and_written_as_cn2an_does():
    """annual_report.text reads the numerals itself (importing cn2an cost a second of every build):
    the same numbers as cn2an for every string of up to three of 一…十, and the same numerals for 1–99.
    Where cn2an fails on a string (with any error), ours raises ValueError."""
    import itertools

    import cn2an

    from annual_report.text import chinese_number, chinese_numeral

    for length in (1, 2, 3):
        for chars in itertools.product("一二三四五六七八九十", repeat=length):
            numeral = "".join(chars)
            try:
                expected = int(cn2an.cn2an(numeral, "normal"))
            except Exception:  # cn2an raises ValueError or KeyError for what is not a numeral
                with pytest.raises(ValueError):
                    chinese_number(numeral)
            else:
                assert chinese_number(numeral) == expected, numeral
    assert [chinese_numeral(n) for n in range(1, 100)] == [cn2an.an2cn(n) for n in range(1, 100)]


def test_measures_split_at_markers_inline():
    text = "一是学习。二是落实,印发方案。三是完善。"
    spans = split_measures(text)
    assert [(s.ordinal, text[s.start:s.end]) for s in spans] == [(1, "一是学习。"), (2, "二是落实,印发方案。"), (3, "三是完善。")]


def test_text_before_the_first_marker_is_not_a_measure():
    text = "健全体系。一是甲。二是乙。"
    assert [(s.ordinal, text[s.start:s.end]) for s in split_measures(text)] == [(0, "健全体系。"), (1, "一是甲。"), (2, "二是乙。")]


def test_a_block_without_markers_is_one_measure():
    assert [(s.ordinal, s.start, s.end) for s in split_measures("及时传达学习。")] == [(1, 0, 7)]


def test_markers_count_past_ten():
    text = "".join(f"{n}是x。" for n in "一二三四五六七八九十") + "十一是y。"
    assert [m.ordinal for m in find_markers(text)] == list(range(1, 12))


def test_markers_across_paragraphs():
    assert [m.ordinal for m in find_markers("一是甲。\n\n二是乙。")] == [1, 2]


@pytest.mark.parametrize("text, found, expected", [("一是甲。三是乙。", 3, 2), ("一是甲。一是乙。", 1, 2), ("二是甲。", 2, 1)])
def test_markers_out_of_order_are_an_error(text, found, expected):
    with pytest.raises(MarkerOrderError) as err:
        find_markers(text)
    assert (err.value.found, err.value.expected) == (found, expected)


def test_a_marker_must_open_a_sentence():
    assert [m.start for m in find_markers("统一是关键。一是甲。")] == [6]


def test_english_markers():
    assert [m.ordinal for m in find_markers("First, we did. Second, we did more.", "en")] == [1, 2]


@pytest.mark.parametrize("heading, ordinal", [("㈡扎实落实", 2), ("㈩健全", 10), ("(十一)加强", 11), ("（二）工作措施", 2),
                                              ("(一)2024年", 1), ("三、2024年工作安排", 3), ("第一部分", None)])
def test_heading_ordinals(heading, ordinal):
    assert heading_ordinal(heading) == ordinal


def test_citations_nested_and_with_document_numbers():
    text = "深入实施《自治区实施〈优化营商环境条例〉办法》《自治州促进政务服务便利化条例》,贯彻《提升行政执法质量三年行动计划(2023—2025年)》(国办发〔2023〕27号)"
    found = [(c.title, c.outer, c.doc_number) for c in find_citations(text)]
    assert found == [("自治区实施〈优化营商环境条例〉办法", None, None),
                     ("优化营商环境条例", "自治区实施〈优化营商环境条例〉办法", None),
                     ("自治州促进政务服务便利化条例", None, None),
                     ("提升行政执法质量三年行动计划(2023—2025年)", None, "国办发〔2023〕27号")]
    nested = found[1]
    c = find_citations(text)[1]
    assert text[c.start:c.end] == "〈" + nested[0] + "〉"


def test_citation_without_brackets():
    text = "贯彻落实自治区法治宣传教育条例,抓好《自治区法治宣传教育条例》"
    found = find_citations(text, ("自治区法治宣传教育条例",))
    assert [(c.start, c.end) for c in found] == [(4, 15), (18, 31)]


def test_figures_with_units_not_years_or_titles():
    text = "2023年,共计60.82万元,车次2.9万辆,全州100%企业,约37件次,不少于60学时,《规划(2021—2025年)》19项"
    # The qualifiers stay with their number (issue 12): 约37件次 is not 37件次.
    assert [f.text for f in find_figures(text)] == ["60.82万元", "2.9万辆", "100%", "约37件次", "不少于60学时", "19项"]
    assert find_figures(text)[0].context == "共计60.82万元"


# The Hypothesis tests have no deadline: how fast a loaded machine runs them is not what they check.
report_like = st.text(alphabet=st.sampled_from(list("一二三四五六七八九十是。;:,\n《》〈〉()（）年万元%0123456789甲乙丙号〔〕")), max_size=200)


@settings(max_examples=400, deadline=None)
@given(report_like)
def test_reader_never_crashes_and_measures_rebuild_the_text(text):
    try:
        spans = split_measures(text)
    except MarkerOrderError:
        return
    assert "".join(text[s.start:s.end] for s in spans) == text
    assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
    find_citations(text, ("甲乙",))
    for f in find_figures(text):
        assert text[f.start:f.end] == f.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("甲乙丙丁,、")), min_size=1, max_size=20), min_size=1, max_size=12))
def test_numbered_measures_are_found_in_order(bodies):
    from cn2an import an2cn
    text = "".join(f"{an2cn(i)}是{b}。" for i, b in enumerate(bodies, 1))
    spans = split_measures(text)
    assert [s.ordinal for s in spans] == list(range(1, len(bodies) + 1))
    assert [text[s.start:s.end] for s in spans] == [f"{an2cn(i)}是{b}。" for i, b in enumerate(bodies, 1)]
