"""annual_report.fidelity: pages against their official file, one message per difference."""

from __future__ import annotations

from annual_report.fidelity import check_report
from annual_report.frontmatter import split_page

OFFICIAL = "一、主要举措和成效\n一是学习贯彻。二是落实责任。\n二、存在的问题\n一是研究不够深入。\n"


def page(path, body, **meta):
    head = "".join(f"{k}: {v}\n" for k, v in {"title": "t", "report": 2024, **meta}.items())
    return split_page(path, f"---\n{head}---\n\n{body}")


def pages(first="一是学习贯彻。二是落实责任。", second="一是研究不够深入。"):
    return [(page("home.md", "# 标题 { #x }\n\n<!-- report:contents -->\n", disclosure="{}"), True),
            (page("one.md", f"# 一、主要举措和成效 {{ #a }}\n\n!!! note \"编者注\"\n\n    本站所加。\n\n{first}\n", section=1), False),
            (page("two.md", f"# 二、存在的问题 {{ #b }}\n\n{second}\n", section=2), False)]


def test_the_same_text_passes_whatever_its_layout():
    assert check_report("o.txt", OFFICIAL, pages(first="一是学习贯彻。\n\n二是落实责任。")) == []


def test_a_changed_character_names_page_line_and_both_texts():
    [err] = check_report("o.txt", OFFICIAL, pages(first="一是学习贯彻,二是落实责任。"))
    assert (err.path, err.line) == ("one.md", 13)
    assert "o.txt, line 2" in err.problem
    expected, found = err.problem.split("expected ")[1].split(", found ")
    assert "学习贯彻。二是" in expected and "学习贯彻,二是" in found and "make the page's text the same as o.txt" in err.fix


def test_missing_and_added_text_are_each_reported():
    errors = check_report("o.txt", OFFICIAL, pages(first="一是学习贯彻。", second="一是研究不够深入。多出来的一句。"))
    problems = [e.problem for e in errors]
    assert any("is missing here: “" in p and "二是落实责任。" in p for p in problems)
    assert any("was added here: “" in p and "多出来的一句。" in p for p in problems)
    assert len(errors) == 2


def test_the_home_counts_only_its_opening():
    home = page("home.md", '# 标题\n\n<div class="report-opening" markdown>\n\n致辞。\n\n</div>\n\n也可阅读全文。\n', disclosure="{}")
    assert check_report("o.txt", "致辞。\n" + OFFICIAL, [(home, True)] + pages()[1:]) == []
