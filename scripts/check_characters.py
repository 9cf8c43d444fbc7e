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


def main(argv: list[str]) -> int:
    return run("check_characters", [Path(a) for a in argv] or default_files(),
               lambda path: (finding.format(shown(path)) for finding in check_text(path.read_text("utf-8"))),
               lambda count, files: f"{count} character(s) that do not belong, in {files} file(s) checked. "
                                    "Delete or retype each one (see CONTRIBUTING.md).",
               lambda files: f"{files} file(s), no invisible or look-alike characters")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
