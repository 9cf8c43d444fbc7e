"""annual_report.pages: the blocks of a report page and which of its lines are official text."""

from __future__ import annotations

import pytest

from annual_report.pages import heading_text, official_lines, scan_blocks

BODY = """# 一、主要举措和成效 { #done }

一是学习。
二是落实。

!!! note "编者注"

    本站所加,不是报告原文。

## (一)学习 { #study }

正文第一段。

<!-- report:contents -->

## 本站说明 { #about .site-added }

本站的话。
"""


def test_headings_and_paragraphs_become_blocks_and_the_sites_additions_are_skipped():
    blocks = scan_blocks(BODY)
    assert [(b.heading, b.level, b.line) for b in blocks] == [
        ("一、主要举措和成效", 1, 0), ("(一)学习", 2, 9), ("本站说明", 2, 15)]
    assert [p.text for p in blocks[0].paragraphs] == ["一是学习。\n二是落实。"]  # the admonition is not official
    assert (blocks[0].paragraphs[0].first, blocks[0].paragraphs[0].last) == (2, 3)
    assert blocks[1].text == "正文第一段。"  # the HTML comment is not official
    assert blocks[2].heading_added and heading_text(blocks[2]) is None and heading_text(blocks[1]) == "(一)学习"


def test_marked_blocks_have_their_role_and_text_after_them_is_body_again():
    body = ('# 标题\n\n<div class="report-opening" markdown>\n\n致辞。\n\n</div>\n\n'
            '<div class="part-intro" markdown>\n\n引言。\n\n</div>\n\n一是甲。\n\n'
            '<div class="signature" markdown>\n\n某局\n2024年3月\n\n</div>\n')
    assert [(b.role, b.text) for b in scan_blocks(body) if b.paragraphs] == [
        ("opening", "致辞。"), ("intro", "引言。"), ("body", "一是甲。"), ("closing", "某局\n2024年3月")]


def test_other_html_blocks_are_skipped_to_their_end():
    body = '<div class="grid">\n\n不是原文。\n\n</div>\n\n原文。\n\n<!--\n多行\n\n注释\n-->\n\n原文二。\n'
    [block] = scan_blocks(body)
    assert [p.text for p in block.paragraphs] == ["原文。", "原文二。"]


@pytest.mark.parametrize("html", ['<div class="grid">\n不是原文。\n</div>', "<!--\n注释\n-->", "<div>一行</div>",
                                  '<div class="grid" markdown>\n\n<div>内</div>\n\n不是原文。\n\n</div>'])
def test_an_html_block_with_no_blank_line_inside_ends_where_it_closes(html):
    [block] = scan_blocks(f"原文。\n\n{html}\n\n原文二。\n")
    assert [p.text for p in block.paragraphs] == ["原文。", "原文二。"]


def test_paragraph_offsets_in_the_block_text():
    [block] = scan_blocks("甲。\n\n乙乙。\n\n丙。\n")
    assert block.offsets() == [0, 4, 9] and [block.text[o] for o in block.offsets()] == ["甲", "乙", "丙"]


def test_official_lines_are_the_heading_and_each_line_without_its_line_break_tag():
    [heading, *_] = scan_blocks("## ㈠学习 { #a }\n\n第一行<br>\n第二行<br />\n")
    assert official_lines(heading) == [(0, "㈠学习"), (2, "第一行"), (3, "第二行")]
    [added] = scan_blocks("## 说明 { .site-added }\n\n原文。\n")
    assert official_lines(added) == [(2, "原文。")]
