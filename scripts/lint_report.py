"""What the lint scripts share: a file's path as shown to staff, and the run over the files with its
summary line and exit status."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shown(path: Path) -> str:
    """The path relative to the repository (as in the build's messages), or as given."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def run(tool: str, files: list[Path], findings: Callable[[Path], Iterable[str]],
        failed: Callable[[int, int], str], passed: Callable[[int], str]) -> int:
    """Print every finding of every file, then one summary line; 1 if anything was found."""
    count = 0
    for path in files:
        for finding in findings(path):
            print(finding)
            count += 1
    if count:
        print(f"{tool}: {failed(count, len(files))}", file=sys.stderr)
        return 1
    print(f"{tool}: OK: {passed(len(files))}")
    return 0
