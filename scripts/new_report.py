"""Scaffold the next annual report: `make new-report YEAR=2024`.

Writes docs/zh/reports/YEAR/ in the standard structure (section 一 with one page per area of the
纲要, then 二, 三, 四), English stubs that show the Chinese text until translated, and the nav entries
in mkdocs.yml. The report starts as a draft (`status: draft`): it is never published until staff set
`status: published`, fill in the dates and the reviewer, and paste the official text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = "<!-- 待填写：请在此粘贴原文 -->"

# Section 一's subsections follow the 纲要 chapters (data/areas.yml), as the 2023 report does.
SUBSECTIONS = [
    ("01-rule-of-law-thought", "thought"), ("02-stability", "stability"),
    ("03-streamlining-and-business-environment", "functions"), ("04-administrative-rules", "rules"),
    ("05-decision-making", "decisions"), ("06-law-enforcement", "enforcement"),
    ("07-emergency-response", "emergencies"), ("08-dispute-resolution", "disputes"), ("09-oversight", "oversight"),
    ("10-digital-government", "digital"), ("11-party-leadership", "leadership"),
]


def front(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def previous_home(root: Path, year: int) -> dict:
    homes = sorted((root / "docs/zh/reports").glob("*/index.md"))
    earlier = [h for h in homes if h.parent.name.isdigit() and int(h.parent.name) < year]
    if not earlier:
        return {}
    return yaml.safe_load(earlier[-1].read_text("utf-8").split("---")[1])


def pages(root: Path, year: int) -> dict[str, tuple[dict, str]]:
    """Path under reports/YEAR → (front matter, body) of each Chinese page."""
    issuer = previous_home(root, year).get("disclosure", {}).get("issuer", "博州交通运输局")
    out = {
        "index.md": ({"title": f"{issuer}{year}年法治政府建设年度报告", "report": year, "status": "draft",
                      "disclosure": {"issuer": issuer, "written": None, "reviewer": None, "doc_number": "无",
                                     "index_number": None, "topic": None, "published": None, "portal_url": None,
                                     "original": f"{year}-report.txt"}},
                     f"# {issuer}{year}年法治政府建设年度报告 {{ #report-{year} }}\n\n<!-- disclosure-metadata -->\n\n"
                     f"<!-- report:original -->\n\n## 报告目录 {{ #contents }}\n\n<!-- report:contents -->\n\n"
                     "也可[在一页上阅读报告全文](full.md)，便于通读和打印。\n\n"
                     f"## 本年数据 {{ #at-a-glance }}\n\n<!-- report:figures-panel -->\n\n<!-- report:areas-chart -->\n"),
        "full.md": ({"title": "报告全文（单页阅读与打印）", "report": year, "search": {"exclude": True}},
                    f"# {issuer}{year}年法治政府建设年度报告 {{ #report-{year}-full .site-added }}\n\n<!-- report:full -->\n"),
        "progress/index.md": ({"title": f"一、{year}年法治政府建设情况", "report": year, "section": 1},
                              f"# 一、{year}年法治政府建设情况 {{ #progress }}\n\n<!-- report:section-contents -->\n"),
    }
    for n, (slug, area) in enumerate(SUBSECTIONS, 1):
        out[f"progress/{slug}.md"] = ({"title": "待填写：本小节标题", "report": year, "section": 1, "subsection": n, "area": area},
                                      f"# 待填写：本小节标题（含序号，如㈡） {{ #subsection-{n:02d} }}\n\n{PLACEHOLDER}\n")
    out["problems.md"] = ({"title": "二、存在的问题", "report": year, "section": 2, "measure_areas": {}},
                          f"# 二、存在的问题 {{ #problems }}\n\n{PLACEHOLDER}\n")
    out["plan.md"] = ({"title": f"三、{year + 1}年工作安排", "report": year, "section": 3, "measure_areas": {}},
                      f"# 三、{year + 1}年工作安排 {{ #plan }}\n\n## (一)待填写 {{ #goals }}\n\n{PLACEHOLDER}\n\n"
                      f"## (二)待填写 {{ #measures }}\n\n{PLACEHOLDER}\n")
    out["other.md"] = ({"title": "四、其他需要报告的情况", "report": year, "section": 4},
                       f"# 四、其他需要报告的情况 {{ #other }}\n\n{PLACEHOLDER}\n")
    return out


def nav_block(year: int, names: list[str]) -> str:
    """The report's entries in the nav's 历年报告 section (newest first, so right after its own page)."""
    lines = [f"      - {year}年报告:", f"          - reports/{year}/index.md", f"          - 一、{year}年法治政府建设情况:"]
    lines += [f"              - reports/{year}/{n}" for n in names if n.startswith("progress/")]
    lines += [f"          - reports/{year}/{n}" for n in ("problems.md", "plan.md", "other.md", "full.md")]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("year", type=int)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root
    zh, en = root / "docs/zh/reports" / str(args.year), root / "docs/en/reports" / str(args.year)
    if zh.exists():
        print(f"{zh.relative_to(root)} already exists: nothing written.", file=sys.stderr)
        return 1
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    anchor = "  - 历年报告:\n      - reports/index.md\n"
    if anchor not in text:
        print("mkdocs.yml has no '历年报告' section that starts with reports/index.md, where the new report's nav\n"
              "entries go: nothing written. Restore that section (see the nav in mkdocs.yml's history).", file=sys.stderr)
        return 1
    made = pages(root, args.year)
    for rel, (meta, body) in made.items():
        path = zh / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front(meta) + body, "utf-8")
        stub = {k: v for k, v in meta.items() if k in ("report", "section", "subsection", "area", "measure_areas", "search")}
        (en / rel).parent.mkdir(parents=True, exist_ok=True)
        # Until translated, the English page shows the Chinese text with a notice (hooks/translation_notice.py).
        (en / rel).write_text(front({"title": meta["title"], **stub, "translation": "pending"}), "utf-8")
    text = text.replace(anchor, anchor + nav_block(args.year, list(made)), 1)
    text = text.replace("            措施索引: Measures\n",
                        f"            {args.year}年报告: {args.year} report\n"
                        f"            一、{args.year}年法治政府建设情况: I. Rule-of-law government construction in {args.year}\n"
                        "            措施索引: Measures\n", 1)
    config.write_text(text, "utf-8")
    print(f"Wrote {len(made)} Chinese pages in {zh.relative_to(root)}, English stubs in {en.relative_to(root)},\n"
          f"and the nav entries in mkdocs.yml. The report is a draft: see CONTRIBUTING.md for the next steps.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
