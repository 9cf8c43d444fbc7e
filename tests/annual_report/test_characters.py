"""annual_report.characters: invisible characters and look-alike letters, found on strings with their
line, column and Unicode name; the official text's own characters pass."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annual_report.characters import ZERO_WIDTH, check_text, is_han, script

@pytest.mark.parametrize("char, name", [
    ("\u200b", "ZERO WIDTH SPACE"),
    ("\u200c", "ZERO WIDTH NON-JOINER"),
    ("\u200d", "ZERO WIDTH JOINER"),
    ("\u2060", "WORD JOINER"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
    ("\u00ad", "SOFT HYPHEN"),
    ("\u200e", "LEFT-TO-RIGHT MARK"),
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
    ("\u00a0", "NO-BREAK SPACE"),
    ("\u3164", "HANGUL FILLER"),
    ("\ue000", "unnamed character"),  # private use
    ("\x07", "unnamed character"),  # control character (BEL)
])
def test_invisible_characters(char, name):
    [finding] = check_text(f"法治政府{char}建设")
    assert (finding.line, finding.column, finding.name) == (1, 5, name)
    assert "delete" in finding.problem or "replace" in finding.problem


def test_a_byte_order_mark_at_the_start_of_a_file():
    [finding] = check_text("\ufeff---\ntitle: x\n---\n")
    assert (finding.line, finding.column) == (1, 1)


@pytest.mark.parametrize("text, column, name", [
    ("法\u043e治", 2, "CYRILLIC SMALL LETTER O"),
    ("法o治", 2, "LATIN SMALL LETTER O"),
    ("二O二三年", 2, "LATIN CAPITAL LETTER O"),
    ("二\u041e二三年", 2, "CYRILLIC CAPITAL LETTER O"),
    ("依\u03bf法", 2, "GREEK SMALL LETTER OMICRON"),
    ("法治\u0430\u0440\u0440", 3, "CYRILLIC SMALL LETTER A"),  # Cyrillic "арр" after Chinese
    ("依法\uff4f治", 3, "FULLWIDTH LATIN SMALL LETTER O"),
    ("下载 JS\u041eN 文件", 6, "CYRILLIC CAPITAL LETTER O"),  # a Latin word with a Cyrillic О
    ("截至2O23年", 4, "LATIN CAPITAL LETTER O"),
])
def test_look_alike_letters(text, column, name):
    found = check_text(text)
    assert found and (found[0].column, found[0].name) == (column, name), found
    assert "look-alike" in found[0].problem or "retype" in found[0].problem or "digit" in found[0].problem


@pytest.mark.parametrize("text", [
    "一是加快推进,完善议事规则:二是。",                # ASCII comma and colon in the official text
    "㈡扎实落实各项维护稳定举措", "㈩健全法治政府建设科技保障体系",
    "(十一)加强党的领导,完善法治政府部门建设推进机制",
    "上线“博州交通普法APP掌上通”", "评为A级单位", "措施 2023-1-05-3 的 JSON 文件",
    "二〇二三年", "\u3000\u3000首行缩进", "Studying and applying Xi Jinping Thought",
    "title:\t\"x\"\r",
])
def test_ordinary_text_passes(text):
    assert check_text(text) == []


def test_line_and_column_are_counted_in_characters():
    [finding] = check_text("第一行\n第二行有\u200b一个")
    assert (finding.line, finding.column, finding.codepoint) == (2, 5, "U+200B")
    assert finding.format("docs/zh/x.md").startswith("docs/zh/x.md:2:5: U+200B ZERO WIDTH SPACE: ")




def test_scripts_of_letters():
    assert [script(c) for c in "aＡо\u03bf法1"] == ["Latin", "Latin", "Cyrillic", "Greek", None, None]
    assert is_han("〇") and is_han("法") and not is_han("O")


# The Hypothesis tests have no deadline: how fast a loaded machine runs them is not what they check.
# Text a report is made of: Chinese characters, digits, the punctuation the reports use, and the
# spaces and line ends that are allowed.
ordinary = st.text(alphabet=st.sampled_from(list("法治政府建设二〇二三年一是0123456789。，,、:：；（）()《》“”\n\t\u3000 ")))


@settings(max_examples=300, deadline=None)
@given(ordinary)
def test_chinese_text_digits_and_punctuation_pass(text):
    assert check_text(text) == []


@settings(max_examples=300, deadline=None)
@given(ordinary, st.integers(min_value=0), st.sampled_from(sorted(ZERO_WIDTH)))
def test_an_invisible_character_is_found_where_it_was_put(text, at, codepoint):
    at %= len(text) + 1
    bad = text[:at] + chr(codepoint) + text[at:]
    line = bad.count("\n", 0, at) + 1
    column = at - (bad.rfind("\n", 0, at) + 1) + 1
    assert [(f.line, f.column, f.char) for f in check_text(bad)] == [(line, column, chr(codepoint))]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_every_finding_points_at_its_character(text):
    lines = text.split("\n")
    for finding in check_text(text):
        assert lines[finding.line - 1][finding.column - 1] == finding.char
        assert finding.problem and finding.codepoint.startswith("U+")
