"""annual_report.errors: one message per problem, naming the file, the line and the fix; all of a read's
problems in one message."""

from __future__ import annotations

from annual_report.errors import ContentError, ContentErrors


def test_a_problem_names_its_file_its_line_and_the_fix():
    assert str(ContentError("docs/zh/a.md", 7, "the problem", "the fix")) == "docs/zh/a.md:7: the problem\n  How to fix: the fix"
    assert str(ContentError("data/areas.yml", None, "p", "f")).startswith("data/areas.yml: p")  # no line: the file alone


def test_several_problems_are_numbered_in_one_message_and_one_reads_as_itself():
    first, second = ContentError("a.md", 1, "p1", "f1"), ContentError("b.md", None, "p2", "f2")
    both = ContentErrors([first, second])
    assert (both.path, both.line, both.problem, both.fix) == ("a.md", 1, "p1", "f1")
    assert str(both) == ("2 problems in the content; each names its file, line and fix:\n"
                         "1. a.md:1: p1\n  How to fix: f1\n2. b.md: p2\n  How to fix: f2")
    assert str(ContentErrors([second])) == str(second)
