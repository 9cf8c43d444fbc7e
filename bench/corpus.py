"""Synthetic corpora for the scale benchmark: the project with N years of reports made from the real one.

Each extra year Y is the 2023 report in both languages (docs/zh/reports/2023, docs/en/reports/2023)
copied to reports/Y with `report: Y` in the front matter and the year in titles and headings, so the
hooks do their full work on every copy: measures (IDs Y-…), citations and policy pages, the measure
indexes, the translation check, open data and search. The body text stays the 2023 text. The years
are 2023 and those before it down to 2000, then those after it (the schema allows 2000–2100); the
nav's 历年报告 section gets one block per year.

    python bench/corpus.py 10 /tmp/corpus-10          # the project with 10 reports
    python bench/corpus.py 10 /tmp/c --no-hooks        # the same, with mkdocs.yml's hooks: removed
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = 2023
PARTS = ("docs", "data", "hooks", "overrides", "schemas", "mkdocs.yml")
# A year in a title or heading: not one inside a policy's span of years (2021—2023) or a document
# number (〔2023〕), not part of a longer number.
YEAR = r"(?<![\d—–\-〔(]){year}(?![\d—–\-〕)])"


def retitle(text: str, year: int) -> str:
    """The front matter's report year, and the year in the title and heading lines."""
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("report: "):
            line = f"report: {year}\n"
        elif line.startswith(("title:", "#")):
            # 2023 first: for year 2022, 2024 then becomes 2023 and stays so.
            line = re.sub(YEAR.format(year=REAL), str(year), line)
            line = re.sub(YEAR.format(year=REAL + 1), str(year + 1), line)
        out.append(line)
    return "".join(out)


def copy_report(docs: Path, year: int) -> None:
    for lang in ("zh", "en"):
        src, dest = docs / lang / "reports" / str(REAL), docs / lang / "reports" / str(year)
        shutil.copytree(src, dest)
        for page in dest.rglob("*.md"):
            page.write_text(retitle(page.read_text("utf-8"), year), "utf-8")
    # The official file says what the pages say (the build compares them): its heading lines get the year too.
    pages = (docs / "zh" / "reports" / str(REAL)).rglob("*.md")
    headings = {re.sub(r"^#+\s+|\s*\{[^{}]*\}\s*$", "", line) for page in pages
                for line in page.read_text("utf-8").splitlines() if line.startswith("#")}
    for official in (docs / "zh" / "reports" / str(year)).glob("*.txt"):
        lines = official.read_text("utf-8").split("\n")
        official.write_text("\n".join(retitle("# " + line, year)[2:] if line.strip() in headings else line
                                      for line in lines), "utf-8")


def nav_block(config: str, year: int) -> str:
    """The 2023 report's nav block, for another year."""
    lines = config.splitlines(keepends=True)
    start = lines.index(f"      - {REAL}年报告:\n")  # in the 历年报告 section
    end = start + 1
    while end < len(lines) and lines[end].startswith("          "):
        end += 1
    block = "".join(lines[start:end])
    return block.replace(f"{REAL}年报告", f"{year}年报告").replace(f"reports/{REAL}/", f"reports/{year}/") \
        .replace(f"一、{REAL}年", f"一、{year}年")


def with_years(config: str, years: list[int]) -> str:
    blocks = "".join(nav_block(config, y) for y in years)
    real = nav_block(config, REAL)
    return config.replace(real, real + blocks, 1)


def without_hooks(config: str, keep: tuple[str, ...] = ()) -> str:
    """mkdocs.yml without its hooks: list (but those in ``keep``, which the theme needs to render)."""
    lines = config.splitlines(keepends=True)
    start = lines.index("hooks:\n")
    end = start + 1
    while end < len(lines) and lines[end].startswith(("  - ", "  #")):  # the list and its comments
        end += 1
    kept = [line for line in lines[start + 1:end] if line.startswith("  - ") and any(k in line for k in keep)]
    return "".join(lines[:start] + ((["hooks:\n"] + kept) if kept else []) + lines[end:])


def synthetic_years(count: int) -> list[int]:
    """Years for the copies: those before 2023 first, then after it, within the years a report page
    may have (schemas/report-page.schema.json: 2000–2100)."""
    years = [*range(REAL - 1, 1999, -1), *range(REAL + 1, 2101)]
    if count > len(years):
        raise SystemExit(f"at most {len(years) + 1} reports: report years run from 2000 to 2100")
    return years[:count]


def make_corpus(n: int, dest: Path, hooks: bool = True, keep_hooks: tuple[str, ...] = (), timer: bool = False,
                git: bool = False) -> Path:
    """The project with n reports in dest (emptied first); returns dest. With timer, the build also
    times each of the project's hooks (bench/hook_timer.py, by absolute path); with git, dest is a
    git checkout of one commit (commit())."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in PARTS:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    years = synthetic_years(n - 1)
    for year in years:
        copy_report(dest / "docs", year)
    config = with_years((ROOT / "mkdocs.yml").read_text("utf-8"), years)
    if not hooks:
        config = without_hooks(config, keep_hooks)
    elif timer:
        config = config.replace("\nhooks:\n", f"\nhooks:\n  - {ROOT / 'bench' / 'hook_timer.py'}\n", 1)
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    if git:
        commit(dest)
    return dest


def commit(dest: Path) -> None:
    """Make the corpus a git checkout of one commit, as staff's is when they preview: the page-date
    plugin then reads the dates from git as it does for them. The builds that are compared (with and
    without hooks, with Zensical, with earlier runs) are made outside git, as before."""
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=dest, check=True)
    subprocess.run([*git, "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "corpus"], cwd=dest, check=True)


def for_zensical(corpus: Path, dest: Path) -> Path:
    """The same pages for Zensical, which reads front matter keys as strings only (measure_areas: {1: …}
    is a mapping with integer keys): each page's front matter with its keys made strings, and no
    custom_dir."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(corpus / "docs", dest / "docs")
    # Zensical runs no hooks and no plugins (it reads what it knows of mkdocs.yml) and its template
    # engine (MiniJinja) does not render the overrides (Python string methods): Material's templates.
    config = (corpus / "mkdocs.yml").read_text("utf-8")
    # Not strict: the anchors that the hooks generate are missing without them.
    config = re.sub(r"(?m)^strict: true\n", "", re.sub(r"(?m)^  custom_dir: .*\n", "", config))
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    for page in (dest / "docs").rglob("*.md"):
        text = page.read_text("utf-8")
        if not text.startswith("---\n"):
            continue
        head, sep, body = text[4:].partition("\n---\n")
        meta = yaml.safe_load(head)
        if isinstance(meta, dict) and _has_int_key(meta):
            page.write_text("---\n" + yaml.safe_dump(_str_keys(meta), allow_unicode=True, sort_keys=False) + "---\n" + body,
                            "utf-8")
    return dest


def _has_int_key(value) -> bool:
    if isinstance(value, dict):
        return any(not isinstance(k, str) or _has_int_key(v) for k, v in value.items())
    return isinstance(value, list) and any(_has_int_key(v) for v in value)


def _str_keys(value):
    if isinstance(value, dict):
        return {str(k): _str_keys(v) for k, v in value.items()}
    return [_str_keys(v) for v in value] if isinstance(value, list) else value


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("dest", type=Path)
    parser.add_argument("--no-hooks", action="store_true", help="remove the hooks from mkdocs.yml")
    args = parser.parse_args(argv)
    make_corpus(args.n, args.dest, hooks=not args.no_hooks)
    print(args.dest)


if __name__ == "__main__":
    main()
