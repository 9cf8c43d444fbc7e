"""annual_report.rendering.strings and data/ui-strings.yml: every key in both languages."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest
from rendering_factory import UI_STRINGS

from annual_report.errors import ContentError
from annual_report.rendering.strings import Strings

PACKAGE = Path(__file__).resolve().parents[2] / "annual_report" / "rendering"


FILLED_IN = {"year", "report", "plan_year", "label", "title", "official", "term", "en", "level",  # what the code passes
             "n", "measures", "others"}  # what the search box fills in (site-search.js)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(UI_STRINGS))
def test_every_key_has_both_languages_and_only_words_in_braces_that_the_site_fills_in(key):
    texts = UI_STRINGS[key]
    assert isinstance(texts, dict) and set(texts) == {"zh", "en"}, f"{key}: give exactly zh and en"
    assert all(isinstance(t, str) for t in texts.values()), f"{key}: both texts are strings (quote yes, no, a colon)"
    assert fields(texts["zh"]) | fields(texts["en"]) <= FILLED_IN, f"{key}: a word in braces the site does not fill in"


def test_every_key_the_templates_name_is_in_the_file():
    named = {key for path in (PACKAGE / "templates").iterdir() for key in re.findall(r'strings\["([^"]+)"\]', path.read_text("utf-8"))}
    assert named and named <= set(UI_STRINGS), named - set(UI_STRINGS)


def test_a_missing_key_or_language_names_the_file_and_the_key():
    with pytest.raises(ContentError) as err:
        Strings({"measure_id": {"zh": "编号"}}, "en")["measure_id"]
    assert err.value.path == "data/ui-strings.yml" and "'measure_id'" in err.value.problem and "'en'" in err.value.problem
    with pytest.raises(ContentError, match="the key 'nothing' has no 'zh' text"):
        Strings({}, "zh")["nothing"]


def test_a_string_is_looked_up_in_the_language_asked_for():
    assert Strings(UI_STRINGS, "zh")["none"] == "无" and Strings(UI_STRINGS, "en")["none"] == "none"


def test_the_build_names_an_entry_without_both_languages(tmp_path):
    from annual_report.catalog import CatalogReader

    reader = CatalogReader(tmp_path / "docs" / "zh", tmp_path / "data", tmp_path)
    assert reader.check_ui_strings("data/ui-strings.yml", {"none": {"zh": "无"}, "editors_note": {"zh": "编者注", "en": "Note"}})
    [error] = reader.errors
    assert str(error) == ("data/ui-strings.yml: 'none' does not give a text in both languages\n"
                          "  How to fix: write it as 'none: {zh: …, en: …}' (the comment at the top explains the format)")


def test_no_key_is_given_twice():
    """YAML keeps the last of two equal keys without a word: a second entry would silently replace the first."""
    keys = re.findall(r"^([^\s#][^:]*):", (PACKAGE.parents[1] / "data" / "ui-strings.yml").read_text("utf-8"), re.M)
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
