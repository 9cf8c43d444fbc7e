"""annual_report.datafiles: a data file that YAML cannot read names its file and line, never a traceback."""

from __future__ import annotations

import pytest

from annual_report.datafiles import load_yaml
from annual_report.errors import ContentError


def test_a_data_file_is_read_as_yaml(tmp_path):
    path = tmp_path / "areas.yml"
    path.write_text("- id: 甲\n  name_zh: 执法\n", "utf-8")
    assert load_yaml(path) == [{"id": "甲", "name_zh": "执法"}]


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


def test_the_path_shown_starts_at_the_data_or_docs_folder(tmp_path):
    docs = tmp_path / "docs" / "zh"
    docs.mkdir(parents=True)
    path = docs / "x.yml"
    path.write_text("a: [1\n", "utf-8")
    with pytest.raises(ContentError) as err:
        load_yaml(path)
    assert err.value.path == "docs/zh/x.yml"
    with pytest.raises(ContentError) as err:
        load_yaml(path, "shown/as.yml")
    assert err.value.path == "shown/as.yml" and "How to fix: check the indentation" in str(err.value)
