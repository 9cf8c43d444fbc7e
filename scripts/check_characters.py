#!/usr/bin/env python3
"""Report characters that do not belong in the content: invisible ones and look-alike letters.

Usage: scripts/check_characters.py [FILE ...]   (default: docs/**/*.md and data/*.yml)
Prints file:line:column, the character's code and Unicode name, and what to do; exits 1 on any
finding. `make lint` runs it. What counts as a finding: annual_report/characters.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from annual_report.characters import check_text  # noqa: E402
from lint_report import run, shown  # noqa: E402


def default_files() -> list[Path]:
    return sorted((ROOT / "docs").glob("**/*.md")) + sorted((ROOT / "data").glob("*.yml"))


def official_text(path: Path) -> str:
    """The official file of the report a page belongs to (docs/*/reports/YEAR/…), or ''."""
    parts = path.resolve().parts
    if "reports" not in parts or "docs" not in parts:
        return ""
    at = parts.index("reports")
    if at + 1 >= len(parts) or not parts[at + 1].isdigit():
        return ""
    folder = Path(*parts[: parts.index("docs") + 1]) / "zh" / "reports" / parts[at + 1]
    return "".join(p.read_text("utf-8", errors="replace") for p in sorted(folder.glob("*.txt")))


def findings(path: Path):
    """The findings of a file, less those in text copied verbatim from its report's official file:
    what the bureau wrote is published as it is (a look-alike there is the original's, not a slip)."""
    text, official = path.read_text("utf-8"), official_text(path)
    lines = text.split("\n")
    for finding in check_text(text):
        line = lines[finding.line - 1]
        around = line[max(finding.column - 4, 0): finding.column + 3]
        if official and around in official:
            continue
        yield finding.format(shown(path))


def main(argv: list[str]) -> int:
    return run("check_characters", [Path(a) for a in argv] or default_files(), findings,
               lambda count, files: f"{count} character(s) that do not belong, in {files} file(s) checked. "
                                    "Delete or retype each one (see CONTRIBUTING.md).",
               lambda files: f"{files} file(s), no invisible or look-alike characters")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
