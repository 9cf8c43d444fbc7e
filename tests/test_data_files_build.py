"""A data file that YAML cannot read fails with its file and line, never a traceback (issue 12)."""

from __future__ import annotations

import pytest
from conftest import build
from test_bad_input import assert_fails_cleanly, edit, line_of

from annual_report.datafiles import load_yaml
from annual_report.errors import ContentError


def test_a_yaml_error_names_the_file_and_line(tmp_path):
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "glossary.yml"
    path.write_text("- id: a\n  term: 甲\n- id: b\n  term: [乙\n  en: x\n", "utf-8")
    with pytest.raises(ContentError) as err:
        load_yaml(path)
    assert err.value.path == "data/glossary.yml" and err.value.line in (4, 5, 6)
    assert "the YAML cannot be read" in err.value.problem and err.value.fix
    assert "<unicode string>" not in str(err.value)


def test_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "areas.yml"
    path.write_bytes("- id: 甲\n".encode("gb18030"))
    with pytest.raises(ContentError) as err:
        load_yaml(path, "data/areas.yml")
    assert err.value.path == "data/areas.yml" and "not UTF-8" in err.value.problem


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
