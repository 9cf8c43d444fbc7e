"""scripts/check_copywriting.py: AutoCorrect checks what the site writes and never the official text."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT

SCRIPT = ROOT / "scripts" / "check_copywriting.py"
spec = importlib.util.spec_from_file_location("check_copywriting", SCRIPT)
copywriting = importlib.util.module_from_spec(spec)
spec.loader.exec_module(copywriting)


@pytest.fixture(scope="module", autouse=True)
def config():
    copywriting.load_config()


def lint(tmp_path, rel: str, text: str):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return copywriting.lint(path)


def test_site_text_is_checked(tmp_path):
    [(line, _, old, new)] = lint(tmp_path, "docs/zh/about.md", "# 关于\n\n审核人:王勇，使用Markdown编写。\n")
    assert line == 3 and "审核人：王勇" in new and "使用 Markdown 编写" in new


def test_numbers_next_to_chinese_take_no_space(tmp_path):
    assert lint(tmp_path, "docs/zh/about.md", "2023年报告于2024年3月21日成文，共8项措施。\n") == []
    # The correction of another problem on the same line does not add spaces around the numbers either.
    [(_, _, _, new)] = lint(tmp_path, "docs/zh/about.md", "2023年报告由Markdown编写。\n")
    assert new.startswith("2023年报告由 Markdown 编写")


def test_official_titles_keep_their_brackets(tmp_path):
    assert lint(tmp_path, "docs/zh/policies/x.md", "---\ntitle: 法治中国建设规划(2020-2025年)\n---\n\n"
                                                     "# 《法治中国建设规划(2020-2025年)》\n") == []


REPORT_PAGE = """\
---
title: "㈡扎实落实各项维护稳定举措,保持社会大局持续稳定长期稳定"
report: 2023
section: 1
subsection: 2
area: stability
---

# ㈡扎实落实各项维护稳定举措,保持社会大局持续稳定长期稳定。 { #subsection-02 }

!!! note "编者注"

    本页用Markdown编写。

一是及时传达学习自治区、自治州维护稳定工作等系列会议精神,强化市域社会治理现代化工作,第一时间作出安排部署;
"""


def test_in_a_report_page_only_the_editors_note_is_checked(tmp_path):
    [(line, col, old, new)] = lint(tmp_path, "docs/zh/reports/2023/progress/02-stability.md", REPORT_PAGE)
    assert line == 13 and col == 5 and "用 Markdown 编写" in new


def test_the_official_paragraphs_are_left_alone(tmp_path):
    page = REPORT_PAGE.replace("本页用Markdown编写。", "本页由本站添加。")
    assert lint(tmp_path, "docs/zh/reports/2023/progress/02-stability.md", page) == []
    # The same page outside docs/zh/reports/ would be corrected: the exemption is not an accident.
    assert lint(tmp_path, "docs/zh/about.md", page)


def test_in_the_glossary_only_the_definitions_are_checked(tmp_path):
    text = ("- term: 互联网+监管\n  en: Internet Plus regulation\n"
            "  definition_zh: 用互联网+手段监管:提高效率。\n  definition_en: Regulation online.\n")
    [(line, _, _, new)] = lint(tmp_path, "data/glossary.yml", text)
    assert line == 3 and "：" in new


def test_the_site_text_has_no_findings():
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "zero AutoCorrect findings" in result.stdout


def test_the_checked_files_include_the_guides_and_exclude_the_official_file():
    files = {p.relative_to(ROOT).as_posix() for p in copywriting.site_files()}
    assert {"docs/zh/about.md", "docs/zh/index.md", "docs/zh/open-data.md", "data/glossary.yml"} <= files
    assert not any(f.endswith(".txt") or f.startswith("docs/en/") for f in files)
