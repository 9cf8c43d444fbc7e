"""annual_report.frontmatter: front matter split off a page with the line of every field, and
validated against a schema with a message naming the line and the fix."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from annual_report.errors import ContentError
from annual_report.frontmatter import split_page, validate

PAGE = "---\ntitle: 标题\nreport: 2023\ndisclosure:\n  written: 2024-03-21\n  dates:\n  - a\n  - b\n---\n\n# 标题\n"


def test_meta_body_and_the_line_of_each_field():
    page = split_page("p.md", PAGE)
    assert page.meta == {"title": "标题", "report": 2023, "disclosure": {"written": "2024-03-21", "dates": ["a", "b"]}}
    assert page.body == "\n# 标题\n" and page.body_line == 10
    assert page.line_of("report") == 3 and page.line_of("disclosure", "written") == 5
    assert page.line_of("disclosure", "dates", 1) == 8
    assert page.line_of("disclosure", "nowhere") == 4  # the nearest enclosing field
    assert page.line_of("nothing") == 1


def test_yaml_dates_and_integer_keys_become_json():
    meta = split_page("p.md", "---\nwhen: 2024-03-21\nmeasure_areas:\n  1: enforcement\n---\n").meta
    assert meta == {"when": "2024-03-21", "measure_areas": {"1": "enforcement"}}


def test_a_page_without_front_matter_is_all_body():
    page = split_page("p.md", "# 标题\n\n正文。\n")
    assert (page.meta, page.body, page.body_line) == ({}, "# 标题\n\n正文。\n", 1)


def test_windows_line_ends_and_a_byte_order_mark_read_like_plain_text():
    windows = split_page("p.md", "\ufeff" + PAGE.replace("\n", "\r\n"))
    plain = split_page("p.md", PAGE)
    assert (windows.meta, windows.body, windows.body_line, windows.meta_lines) == (
        plain.meta, plain.body, plain.body_line, plain.meta_lines)


def test_front_matter_closed_at_the_end_of_the_file():
    page = split_page("p.md", "---\ntitle: x\n---")
    assert page.meta == {"title": "x"} and page.body == ""


@pytest.mark.parametrize("text, line, problem, fix", [
    ("---\ntitle: x\n\n# 标题\n", 1, "the front matter that starts on line 1 is never closed", "add a line with only '---'"),
    # YAML finds the list opened on line 3 unclosed where the next line starts.
    ("---\ntitle: x\nsection: [2\nkind: done\n---\n", 4, "the front matter is not valid YAML", "each field is 'name: value'"),
    ("---\n- a\n- b\n---\n", 2, "is not a list of 'name: value' fields", "write each field on its own line"),
])
def test_unreadable_front_matter_names_the_line_and_the_fix(text, line, problem, fix):
    with pytest.raises(ContentError) as err:
        split_page("docs/zh/p.md", text)
    assert (err.value.path, err.value.line) == ("docs/zh/p.md", line)
    assert problem in err.value.problem and fix in err.value.fix


POLICY = ("---\ntitle: 测试条例\nofficial_title: null\nissuer: null\nlevel: 本局\ndoc_number: null\ndates: []\n"
          "verified: false\n---\n\n# 《测试条例》\n")


def test_a_valid_page_passes_its_schema():
    validate(split_page("p.md", POLICY), "policy-page.schema.json")


@pytest.mark.parametrize("old, new, line, problem, fix", [
    ("level: 本局\n", "", 1, "the front matter has no 'level' field", "add 'level:' to the front matter (see schemas/policy-page.schema.json"),
    ("verified: false\n", "verified: false\ncolour: red\n", 1, "has a field this page does not take (Additional properties are not allowed ('colour' was unexpected))",
     "the allowed fields are listed in schemas/policy-page.schema.json"),
    ("level: 本局", "level: 本部门", 5, "front-matter field 'level' is wrong: '本部门' is not one of", "correct the value;"),
    ("verified: false", "verified: 是", 8, "front-matter field 'verified' is wrong", "schemas/policy-page.schema.json says"),
])
def test_a_schema_violation_names_the_field_its_line_and_the_fix(old, new, line, problem, fix):
    with pytest.raises(ContentError) as err:
        validate(split_page("docs/zh/policies/p.md", POLICY.replace(old, new)), "policy-page.schema.json")
    assert (err.value.path, err.value.line) == ("docs/zh/policies/p.md", line)
    assert problem in err.value.problem and fix in err.value.fix


# The Hypothesis tests have no deadline: how fast a loaded machine runs them is not what they check.
# Field names and plain values that YAML reads back as the same strings.
names = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(lambda k: k not in ("y", "n", "yes", "no", "on", "off", "null", "true", "false"))
values = st.text(alphabet=st.sampled_from(list("法治政府建设abc XYZ0123456789。，、")), min_size=1, max_size=20)
bodies = st.text(alphabet=st.sampled_from(list("法治-—#\n 甲乙:。")), max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(names, values, max_size=5), bodies, st.sampled_from(["\n", "\r\n"]))
def test_any_front_matter_and_body_come_back_as_written(meta, body, newline):
    front = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
    text = f"---\n{front}---\n{body}".replace("\n", newline)
    page = split_page("p.md", text)
    assert page.meta == meta
    assert page.body == body
    assert page.body_line == front.count("\n") + 3
    lines = text.replace("\r\n", "\n").split("\n")
    for key in meta:
        assert lines[page.line_of(key) - 1].startswith(f"{key}:") or lines[page.line_of(key) - 1].startswith(f"'{key}'")
