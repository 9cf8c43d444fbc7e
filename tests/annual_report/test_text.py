"""annual_report.text: the measure marker styles the reports use."""

from __future__ import annotations

import pytest

from annual_report.text import MarkerOrderError, find_markers, marker_style, split_measures


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
