"""The same corpus built with other navigations (bench/ANALYSIS.md's table): one build each.

    python bench/nav_variants.py 100 /tmp/nav      # N=100: the years nested, and only the newest in the nav

Not part of `make bench`: it answers one question (what the nav costs) and takes a build per variant.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus  # noqa: E402

YEAR_BLOCK = re.compile(r"  - \d{4}年报告:\n")


def year_blocks(config: str) -> tuple[list[str | None], list[list[str]], int]:
    """The config's lines with the year blocks taken out (None where the first was), and the blocks."""
    lines = config.splitlines(keepends=True)
    out: list[str | None] = []
    blocks: list[list[str]] = []
    at, i = -1, 0
    while i < len(lines):
        if YEAR_BLOCK.fullmatch(lines[i]):
            j = i + 1
            while j < len(lines) and lines[j].startswith("      "):
                j += 1
            blocks.append(lines[i:j])
            if at < 0:
                at = len(out)
                out.append(None)
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out, blocks, at


def nested(config: str) -> str:
    out, blocks, at = year_blocks(config)
    out[at] = "  - 历年报告:\n" + "".join("  " + line for block in blocks for line in block)
    return "".join(out)


def newest_only(config: str) -> str:
    out, blocks, at = year_blocks(config)
    out[at] = "".join(blocks[0])  # corpus.py puts the real (newest) report's block first
    text = "".join(out)
    return text.replace("\nnav:\n", "\nnot_in_nav: |\n  /zh/reports/\n  /en/reports/\nnav:\n", 1)


def build(project: Path) -> tuple[float, int, float]:
    start = time.perf_counter()
    with (project / "build.log").open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, stdout=log,
                                stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        _, status, _ = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"build failed: {project / 'build.log'}")
    pages = list((project / "site").rglob("*.html"))
    return time.perf_counter() - start, len(pages), sum(p.stat().st_size for p in pages) / len(pages) / 1024


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("work", type=Path)
    args = parser.parse_args(argv)
    for name, change in (("nested", nested), ("newest-only", newest_only)):
        project = make_corpus(args.n, args.work / name)
        config = project / "mkdocs.yml"
        config.write_text(change(config.read_text("utf-8")), "utf-8")
        seconds, pages, kb = build(project)
        print(f"{name}: {seconds:.1f} s, {pages} pages, {kb:.1f} KB per page", flush=True)


if __name__ == "__main__":
    main()
