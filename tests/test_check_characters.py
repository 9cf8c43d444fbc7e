"""scripts/check_characters.py: invisible characters and look-alike letters are reported with
file:line:column and the character's Unicode name; the official text's own characters pass.
The check itself (annual_report.characters) is tested on strings in tests/annual_report/test_characters.py."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "check_characters.py"


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
