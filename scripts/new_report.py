"""Bring in the next annual report as a draft.

    make new-report YEAR=2024 SOURCE=path/to/official.txt [KINDS="5=other"]

With SOURCE, the official file is kept byte for byte as docs/zh/reports/YEAR/YEAR-report.txt and
the whole draft is written from it (annual_report.structure reads it, annual_report.draft writes
the pages): the report home with the opening, one page per part and per subsection holding the
verbatim text, English stubs, and the nav entries in mkdocs.yml. Without SOURCE, an empty draft in
the standard structure is scaffolded, for staff to paste the text into.

Either way the report is a draft (`status: draft`): never published until its open items are
cleared (the build lists them) and staff set `status: published`. Nothing is written when the
import fails; the message names the line of the official file and the fix.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annual_report.draft import DraftPage, draft_pages, english_stub, nav_block  # noqa: E402
from annual_report.structure import KINDS, MEASURED_KINDS, StructureError, read_report  # noqa: E402
from annual_report.text import split_measures  # noqa: E402

PLACEHOLDER = "<!-- 待填写：请在此粘贴原文 -->"
NAV_ANCHOR = "  - 历年报告:\n      - reports/index.md\n"
NAV_TRANSLATIONS_ANCHOR = "            措施索引: Measures\n"

# The empty scaffold's part 一 has one page per area of the 纲要 (data/areas.yml), as the 2023 report does.
SUBSECTIONS = [
    ("01-rule-of-law-thought", "thought"), ("02-stability", "stability"),
    ("03-streamlining-and-business-environment", "functions"), ("04-administrative-rules", "rules"),
    ("05-decision-making", "decisions"), ("06-law-enforcement", "enforcement"),
    ("07-emergency-response", "emergencies"), ("08-dispute-resolution", "disputes"), ("09-oversight", "oversight"),
    ("10-digital-government", "digital"), ("11-party-leadership", "leadership"),
]


class ImportRefused(Exception):
    """A reason to write nothing, as a message for staff."""


def previous_issuer(root: Path, year: int) -> str:
    homes = sorted((root / "docs/zh/reports").glob("*/index.md"))
    earlier = [h for h in homes if h.parent.name.isdigit() and int(h.parent.name) < year]
    if earlier:
        meta = yaml.safe_load(earlier[-1].read_text("utf-8").split("---")[1]) or {}
        return (meta.get("disclosure") or {}).get("issuer") or "博州交通运输局"
    return "博州交通运输局"


def scaffold_pages(year: int, issuer: str) -> list[DraftPage]:
    """The empty draft in the 2023 report's structure, with placeholders where the text goes."""
    title = f"{issuer}{year}年法治政府建设年度报告"
    pages = [
        DraftPage("index.md", {"title": title, "report": year, "status": "draft",
                               "disclosure": {"issuer": issuer, "written": None, "reviewer": None, "doc_number": None,
                                              "index_number": None, "topic": None, "published": None, "portal_url": None,
                                              "original": f"{year}-report.txt"}},
                  f"# {title} {{ #report-{year} }}\n\n<!-- disclosure-metadata -->\n\n<!-- report:original -->\n\n"
                  "## 报告目录 { #contents }\n\n<!-- report:contents -->\n\n也可[在一页上阅读报告全文](full.md)，便于通读和打印。\n\n"
                  "## 本年数据 { #at-a-glance }\n\n<!-- report:figures-panel -->\n\n<!-- report:areas-chart -->\n"),
        DraftPage("progress/index.md", {"title": f"一、{year}年法治政府建设情况", "report": year, "section": 1, "kind": "done"},
                  f"# 一、{year}年法治政府建设情况 {{ #progress }}\n\n<!-- report:section-contents -->\n"),
    ]
    for n, (slug, area) in enumerate(SUBSECTIONS, 1):
        pages.append(DraftPage(f"progress/{slug}.md", {"title": "待填写：本小节标题", "report": year, "section": 1, "subsection": n,
                                                       "kind": "done", "area": area},
                               f"# 待填写：本小节标题（含序号，如㈡） {{ #subsection-{n:02d} }}\n\n{PLACEHOLDER}\n"))
    pages += [
        DraftPage("problems.md", {"title": "二、存在的问题", "report": year, "section": 2, "kind": "problem", "measure_areas": {}},
                  f"# 二、存在的问题 {{ #problems }}\n\n{PLACEHOLDER}\n"),
        DraftPage("plan.md", {"title": f"三、{year + 1}年工作安排", "report": year, "section": 3, "kind": "planned",
                              "goal_subsections": [1], "measure_areas": {}},
                  f"# 三、{year + 1}年工作安排 {{ #plan }}\n\n## (一)待填写 {{ #goals }}\n\n{PLACEHOLDER}\n\n"
                  f"## (二)待填写 {{ #measures }}\n\n{PLACEHOLDER}\n"),
        DraftPage("other.md", {"title": "四、其他需要报告的情况", "report": year, "section": 4, "kind": "other"},
                  f"# 四、其他需要报告的情况 {{ #other }}\n\n{PLACEHOLDER}\n"),
        DraftPage("full.md", {"title": "报告全文（单页阅读与打印）", "report": year, "search": {"exclude": True}},
                  f"# {title} {{ #report-{year}-full .site-added }}\n\n<!-- report:full -->\n"),
    ]
    return pages


def read_source(source: Path) -> str:
    if not source.is_file():
        raise ImportRefused(f"{source}: no such file.\n  How to fix: give the path of the official text file, e.g. SOURCE=~/2024年报告.txt")
    data = source.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ImportRefused(f"{source}:{line}: the file is not UTF-8 text (byte {err.start}).\n"
                           "  How to fix: open it in a text editor and save it as 'UTF-8' plain text (in Notepad: Save as → "
                           "Encoding: UTF-8), then run the import again with that file.") from None


def parse_kinds(given: list[str]) -> dict[int, str]:
    kinds = {}
    for item in given:
        for pair in item.replace(",", " ").split():
            number, _, kind = pair.partition("=")
            if not number.isdigit() or kind not in KINDS:
                raise ImportRefused(f"KINDS: '{pair}' is not 'part number=kind'.\n"
                                   f"  How to fix: write e.g. KINDS=\"5=other\"; the kinds are {', '.join(KINDS)}")
            kinds[int(number)] = kind
    return kinds


def import_pages(source: Path, year: int, issuer: str, kinds: dict[int, str]) -> tuple[list[DraftPage], str]:
    """The draft's pages from the official file, and a summary of what was found."""
    text = read_source(source)
    try:
        report = read_report(text, kinds)
    except StructureError as err:
        raise ImportRefused(f"{source}:{err.line}: {err.problem}\n  How to fix: {err.fix}") from None
    pages = draft_pages(report, year, issuer, f"{year}-report.txt")
    lines = [f"Read {source}: {len(report.opening)} line(s) before 一、, {len(report.parts)} part(s), "
             f"{len(report.closing)} closing line(s):"]
    for part in report.parts:
        blocks = ([part.paragraphs] if part.paragraphs and not part.subsections else []) + \
                 [s.paragraphs for s in part.subsections if not s.goal and s.paragraphs]
        count = sum(len([s for s in split_measures("\n\n".join(p.text for p in b)) if s.ordinal]) for b in blocks)
        measured = f"{count} measure(s)" if part.kind in MEASURED_KINDS else "no measures"
        subs = f", {len(part.subsections)} subsection(s)" if part.subsections else ""
        lines.append(f"  {part.heading} → {part.kind}{subs}, {measured}")
    return pages, "\n".join(lines)


def add_to_nav(config: str, year: int, block: str) -> str:
    if NAV_ANCHOR not in config:
        raise ImportRefused("mkdocs.yml has no '历年报告' section that starts with reports/index.md, where the new report's nav "
                           "entries go: nothing written.\n  How to fix: restore that section (see the nav in mkdocs.yml's history).")
    # Newest first: before the first report older than this one, else after the last.
    lines = config.split("\n")
    start = config[: config.index(NAV_ANCHOR) + len(NAV_ANCHOR)].count("\n")
    at = start
    for i in range(start, len(lines)):
        m = re.match(r"^      - (\d{4})年报告:$", lines[i])
        if m and int(m[1]) < year:
            at = i
            break
        if not lines[i].startswith("      ") and lines[i].strip():  # the end of 历年报告
            at = i
            break
        if m or lines[i].startswith("          "):
            at = i + 1
    config = "\n".join(lines[:at] + block.rstrip("\n").split("\n") + lines[at:])
    return config.replace(NAV_TRANSLATIONS_ANCHOR, f"            {year}年报告: {year} report\n" + NAV_TRANSLATIONS_ANCHOR, 1)


def remove_from_nav(config: str, year: int) -> str:
    """mkdocs.yml without a report's nav entries (the inverse of add_to_nav)."""
    lines, out, skipping = config.split("\n"), [], False
    for line in lines:
        if line == f"      - {year}年报告:":
            skipping = True
            continue
        if skipping and line.startswith("          "):
            continue
        skipping = False
        if line.strip() == f"{year}年报告: {year} report":
            continue
        out.append(line)
    return "\n".join(out)


def remove_report(root: Path, year: int) -> None:
    """Take a report out of a tree: its folders and its nav entries."""
    for lang in ("zh", "en"):
        shutil.rmtree(root / "docs" / lang / "reports" / str(year), ignore_errors=True)
    config = root / "mkdocs.yml"
    config.write_text(remove_from_nav(config.read_text("utf-8"), year), "utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("year", type=int)
    parser.add_argument("--source", type=Path, help="the official text file (UTF-8 plain text)")
    parser.add_argument("--kinds", action="append", default=[], help='kinds of parts the headings do not tell, e.g. "5=other"')
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root, year = args.root, args.year
    zh, en = root / "docs/zh/reports" / str(year), root / "docs/en/reports" / str(year)
    try:
        if not 2000 <= year <= 2100:
            raise ImportRefused(f"YEAR={year} is not a report year.\n  How to fix: give the year the report covers, e.g. YEAR=2024")
        if zh.exists():
            raise ImportRefused(f"{zh.relative_to(root)} already exists: nothing written.\n"
                               f"  How to fix: to import the report again, first remove the draft (git rm -r docs/zh/reports/{year} "
                               f"docs/en/reports/{year}, and its entries under 历年报告 in mkdocs.yml)")
        issuer = previous_issuer(root, year)
        if args.source:
            pages, summary = import_pages(args.source, year, issuer, parse_kinds(args.kinds))
        else:
            pages, summary = scaffold_pages(year, issuer), "No SOURCE given: an empty draft with placeholders was written."
        config = add_to_nav((root / "mkdocs.yml").read_text("utf-8"), year, nav_block(year, pages))
    except ImportRefused as err:
        print(err, file=sys.stderr)
        return 1
    for page in pages:
        for folder, written in ((zh, page), (en, english_stub(page))):
            path = folder / written.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(written.text(), "utf-8")
    if args.source:
        shutil.copyfile(args.source, zh / f"{year}-report.txt")
    (root / "mkdocs.yml").write_text(config, "utf-8")
    print(summary)
    print(f"Wrote {len(pages)} Chinese pages in {zh.relative_to(root)}, English stubs in {en.relative_to(root)}, "
          "and the nav entries in mkdocs.yml.\nThe report is a draft. Next: `make serve` shows it with its open items "
          "(also listed by `make build`); CONTRIBUTING.md, 三、添加新一年的报告, says how to clear each.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
