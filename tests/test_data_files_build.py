"""A data file that YAML cannot read fails the build with its file and line, never a traceback (issue 12).
Each data file is read by a different step of the build, so each one is broken in a build of its own;
the reading itself (annual_report.datafiles) is tested on strings in tests/annual_report/test_datafiles.py."""

from __future__ import annotations

import pytest
from conftest import build
from test_bad_input import assert_fails_cleanly, edit, line_of


@pytest.mark.parametrize("rel, needle, broken", [
    ("data/glossary.yml", "- id: two-passenger-one-hazardous", "- id: [two-passenger-one-hazardous"),
    ("data/areas.yml", "- id:", "- id: : :\n  - ]"),
    ("data/terms.yml", "- zh:", "- zh: [\n"),
    ("data/problem-links.yml", "- problem:", "- problem: {\n"),
])
def test_the_build_names_a_broken_data_file(project, rel, needle, broken):
    path = edit(project, rel, needle, broken)
    result = build(project)
    assert_fails_cleanly(result, f"{rel}:", "the YAML cannot be read", "How to fix:")
    assert line_of(path, broken.split("\n")[0]) >= 1
