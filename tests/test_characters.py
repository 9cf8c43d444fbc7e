"""scripts/check_characters.py: invisible characters and look-alike letters are reported with
file:line:column and the character's Unicode name; the official text's own characters pass."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from annual_report.characters import check_text

SCRIPT = ROOT / "scripts" / "check_characters.py"


def names(text: str) -> list[str]:
    return [f.name for f in check_text(text)]


@pytest.mark.parametrize("char, name", [
    ("\u200b", "ZERO WIDTH SPACE"),
    ("\u200c", "ZERO WIDTH NON-JOINER"),
    ("\u200d", "ZERO WIDTH JOINER"),
    ("\u2060", "WORD JOINER"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
    ("\u00ad", "SOFT HYPHEN"),
    ("\u200e", "LEFT-TO-RIGHT MARK"),
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
    ("\u00a0", "NO-BREAK SPACE"),
    ("\u3164", "HANGUL FILLER"),
    ("\ue000", "unnamed character"),  # private use
    ("\x07", "unnamed character"),  # control character (BEL)
])
def test_invisible_characters(char, name):
    [finding] = check_text(f"法治政府{char}建设")
    assert (finding.line, finding.column, finding.name) == (1, 5, name)
    assert "delete" in finding.problem or "replace" in finding.problem


def test_a_byte_order_mark_at_the_start_of_a_file():
    [finding] = check_text("\ufeff---\ntitle: x\n---\n")
    assert (finding.line, finding.column) == (1, 1)


@pytest.mark.parametrize("text, column, name", [
    ("法\u043e治", 2, "CYRILLIC SMALL LETTER O"),
    ("法o治", 2, "LATIN SMALL LETTER O"),
    ("二O二三年", 2, "LATIN CAPITAL LETTER O"),
    ("二\u041e二三年", 2, "CYRILLIC CAPITAL LETTER O"),
    ("依\u03bf法", 2, "GREEK SMALL LETTER OMICRON"),
    ("法治\u0430\u0440\u0440", 3, "CYRILLIC SMALL LETTER A"),  # Cyrillic "арр" after Chinese
    ("依法\uff4f治", 3, "FULLWIDTH LATIN SMALL LETTER O"),
    ("下载 JS\u041eN 文件", 6, "CYRILLIC CAPITAL LETTER O"),  # a Latin word with a Cyrillic О
    ("截至2O23年", 4, "LATIN CAPITAL LETTER O"),
])
def test_look_alike_letters(text, column, name):
    found = check_text(text)
    assert found and (found[0].column, found[0].name) == (column, name), found
    assert "look-alike" in found[0].problem or "retype" in found[0].problem or "digit" in found[0].problem


@pytest.mark.parametrize("text", [
    "一是加快推进,完善议事规则:二是。",                # ASCII comma and colon in the official text
    "㈡扎实落实各项维护稳定举措", "㈩健全法治政府建设科技保障体系",
    "(十一)加强党的领导,完善法治政府部门建设推进机制",
    "上线“博州交通普法APP掌上通”", "评为A级单位", "措施 2023-1-05-3 的 JSON 文件",
    "二〇二三年", "\u3000\u3000首行缩进", "Studying and applying Xi Jinping Thought",
    "title:\t\"x\"\r",
])
def test_ordinary_text_passes(text):
    assert check_text(text) == []


def test_line_and_column_are_counted_in_characters():
    [finding] = check_text("第一行\n第二行有\u200b一个")
    assert (finding.line, finding.column, finding.codepoint) == (2, 5, "U+200B")
    assert finding.format("docs/zh/x.md").startswith("docs/zh/x.md:2:5: U+200B ZERO WIDTH SPACE: ")


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_the_script_reports_bad_samples_and_fails(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: 样例\n---\n\n法\u043e治政府\u200b建设\n", "utf-8")
    data = tmp_path / "glossary.yml"
    data.write_text("- term: 放管服\n  definition_zh: 简政\u00a0放权\n", "utf-8")
    result = run(page, data)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{page}:5:2: U+043E CYRILLIC SMALL LETTER O: " in lines[0]
    assert f"{page}:5:6: U+200B ZERO WIDTH SPACE: " in lines[1]
    assert f"{data}:2:20: U+00A0 NO-BREAK SPACE: " in lines[2]
    assert len(lines) == 3 and "3 character(s)" in result.stderr


def test_the_content_has_none():
    result = run()
    assert result.returncode == 0, result.stdout
    assert "OK" in result.stdout


def test_a_look_alike_copied_from_the_official_file_is_the_originals(tmp_path):
    """A report page may hold what its official file holds (二O二四 typed with a Latin O by the bureau);
    the same slip anywhere else is reported."""
    folder = tmp_path / "docs" / "zh" / "reports" / "2024"
    folder.mkdir(parents=True)
    (folder / "2024-report.txt").write_text("一、工作情况\n二O二四年，我局推进法治建设。\n", "utf-8")
    (folder / "progress.md").write_text("---\ntitle: t\n---\n\n二O二四年，我局推进法治建设。\n", "utf-8")
    (folder / "about.md").write_text("---\ntitle: t\n---\n\n二O二五年，本站更新。\n", "utf-8")
    result = subprocess.run([sys.executable, str(SCRIPT), str(folder / "progress.md"), str(folder / "about.md")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "about.md:5:2: U+004F" in result.stdout and "progress.md" not in result.stdout
