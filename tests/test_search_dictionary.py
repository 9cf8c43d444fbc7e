"""jieba's user dictionary: glossary terms, official terms and policy titles come out of the build as
whole words, whichever directory mkdocs is run from."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import MKDOCS, ROOT, build_env

from annual_report.catalog import CatalogReader
from annual_report.glossary import load_glossary
from annual_report.search import HAN_RUN, dictionary_words, sub_words


def dictionary() -> list[str]:
    data = ROOT / "data"
    glossary = [t.term for t in load_glossary(data / "glossary.yml")]
    terms = [row["zh"] for row in yaml.safe_load((data / "terms.yml").read_text("utf-8"))]
    policies = CatalogReader(ROOT / "docs" / "zh", data, ROOT).read_policies()
    return dictionary_words(glossary, terms, titles=[t for p in policies.values() for t in p.titles])


@pytest.fixture(scope="module")
def entries(site):
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def cuts(segmented: str) -> tuple[str, set[int]]:
    """The text without U+200B, and the places in it where jieba's cut fell."""
    plain, at = [], set()
    for ch in segmented:
        if ch == "\u200b":
            at.add(len(plain))
        else:
            plain.append(ch)
    return "".join(plain), at


def unfindable(entries, words: list[str]) -> list[str]:
    """Dictionary words that stand in an entry, beginning where a word begins, under which the entry
    is not found: neither a word of its title or text nor one of its parts."""
    missing = []
    for entry in entries:
        parts = set(entry.get("parts", "").split("\u200b"))
        for name in ("title", "text"):
            plain, at = cuts(entry[name])
            tokens = set(entry[name].split("\u200b"))
            for word in words:
                start = plain.find(word)
                while start != -1:
                    if (start == 0 or start in at) and word not in tokens and word not in parts:
                        missing.append(f"{word} in {entry['location']} ({name})")
                    start = plain.find(word, start + 1)
    return missing


def test_the_dictionary_holds_the_terms_and_titles():
    words = dictionary()
    for word in ("公职律师", "两客一危", "放管服", "双随机", "一公开", "法治中国建设规划", "优化营商环境条例"):
        assert word in words
    assert "自治区实施" not in words, "a fragment of a title that quotes another is not a word"
    assert all(HAN_RUN.fullmatch(w) and len(w) >= 2 for w in words)


@pytest.mark.parametrize("word", ["公职律师", "两客一危", "放管服"])
def test_term_is_one_word_in_the_index(entries, word):
    found = [e["location"] for e in entries if word in e["text"].split("\u200b")]
    assert found, f"{word} is never a word of its own in the index"


def test_every_term_and_title_finds_the_entries_that_hold_it(entries):
    """jieba keeps a dictionary word whole unless the text around it makes another cut likelier
    (行政/执法人员); then the entry carries the word among its parts."""
    assert unfindable(entries, dictionary()) == []


def test_jieba_rarely_cuts_a_term_apart(entries):
    """Kept whole, or inside a longer dictionary word (自治区 in a policy title), almost always."""
    words = dictionary()
    kept = cut = 0
    for entry in entries:
        plain, at = cuts(entry["text"])
        for word in words:
            start = plain.find(word)
            while start != -1:
                if any(start < p < start + len(word) for p in at):
                    cut += 1
                else:
                    kept += 1
                start = plain.find(word, start + 1)
    assert cut * 20 < kept, (kept, cut)


def test_the_parts_of_a_term_are_searchable(entries):
    gongzhi = [e for e in entries if "公职律师" in e["text"].split("\u200b")]
    assert all({"公职", "律师"} <= set(e.get("parts", "").split("\u200b")) for e in gongzhi)
    assert sub_words("公职律师", {"公职", "律师", "职律"}.__contains__) == ["公职", "职律", "律师"]


def test_dictionary_applies_when_built_from_another_directory(project, tmp_path):
    """Material resolves jieba_dict_user against the working directory; the hook gives it an absolute path."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = tmp_path / "built"
    run = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "--site-dir", str(site)],
                         cwd=elsewhere, capture_output=True, text=True, env=build_env())
    assert run.returncode == 0, run.stderr[-3000:]
    built = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert any("公职律师" in e["text"].split("\u200b") for e in built)
    assert not any(Path(elsewhere).iterdir()), "the build wrote into the working directory"
