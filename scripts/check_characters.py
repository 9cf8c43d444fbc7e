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
sys.path.insert(0, str(ROOT))

from annual_report.characters import check_text  # noqa: E402


def default_files() -> list[Path]:
    return sorted((ROOT / "docs").glob("**/*.md")) + sorted((ROOT / "data").glob("*.yml"))


def shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or default_files()
    count = 0
    for path in files:
        for finding in check_text(path.read_text("utf-8")):
            print(finding.format(shown(path)))
            count += 1
    if count:
        print(f"check_characters: {count} character(s) that do not belong, in {len(files)} file(s) checked. "
              "Delete or retype each one (see CONTRIBUTING.md).", file=sys.stderr)
        return 1
    print(f"check_characters: OK: {len(files)} file(s), no invisible or look-alike characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
