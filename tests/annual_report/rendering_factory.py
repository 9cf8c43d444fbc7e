"""A small Catalog made in Python for the tests of annual_report.rendering: one report (2023) with a
home page and one page of measures, two areas, one policy, one glossary term; the site's words from
data/ui-strings.yml. ``probe`` puts a string where YAML would, to check that it comes out as text."""

from __future__ import annotations

from pathlib import Path

import yaml

from annual_report.frontmatter import SourcePage
from annual_report.glossary import Term
from annual_report.model import Area, Catalog, Measure, OfficialFile, Policy
from annual_report.rendering.context import PageContext
from annual_report.text import find_figures

UI_STRINGS = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "ui-strings.yml").read_text("utf-8"))
PROBE = '<script>alert("x")</script>'

HOME = "reports/2023/index.md"
WORK = "reports/2023/work.md"
PLAN = "reports/2023/plan.md"
POLICY = "policies/test-regulations.md"
DONE_TEXT = "一是开展培训约37件次。"
CITING_TEXT = "二是落实《测试条例》。"
PLAN_TEXT = "一是完善制度。"
HOME_META = {"title": "2023年报告", "report": 2023, "status": "published",
             "disclosure": {"issuer": "测试局", "written": "2024-03-21", "published": None, "doc_number": None,
                            "index_number": None, "topic": None, "reviewer": "王某", "original": "2023-report.txt",
                            "portal_url": "https://example.org/report"}}
WORK_META = {"title": "工作", "report": 2023, "section": 1, "subsection": 1, "kind": "done", "area": "enforcement"}
PLAN_META = {"title": "计划", "report": 2023, "section": 2, "kind": "planned", "area": "licensing"}
HOME_BODY = '# 2023年报告\n\n<div class="report-opening" markdown>\n\n报告原文开头。\n\n</div>\n\n<!-- report:contents -->\n'
WORK_BODY = f"# 工作\n\n{DONE_TEXT}{CITING_TEXT}\n"
PLAN_BODY = f"# 计划\n\n{PLAN_TEXT}\n"


def measure(mid: str, kind: str, area: str, page: str, text: str, **more) -> Measure:
    year, section, subsection, ordinal = (int(part) for part in mid.split("-"))
    return Measure(mid, year, year + (kind == "planned"), kind, area, section, subsection, ordinal, text, page, 3,
                   figures=find_figures(text), **more)


def make_catalog(**overrides) -> Catalog:
    """The small catalog; keyword arguments replace its fields (e.g. ``areas=…`` with a probe)."""
    policy = Policy("test-regulations", POLICY, "测试条例",
                    {"title": "测试条例", "level": "国家", "verified": False,
                     "issuer": {"value": "国务院", "source": "报告原文"}, "dates": [], "note": "注意。"},
                    cited_by=["2023-1-01-2"], title_en="Test Regulations")
    measures = [
        measure("2023-1-01-1", "done", "enforcement", WORK, DONE_TEXT),
        measure("2023-1-01-2", "done", "enforcement", WORK, CITING_TEXT, policies=["test-regulations"]),
        measure("2023-2-00-1", "planned", "licensing", PLAN, PLAN_TEXT, outcome={"status": "awaiting", "reported_by": []}),
    ]
    fields = dict(
        areas={"enforcement": Area("enforcement", "执法", "Enforcement", "纲要", "执法", "enforcement"),
               "licensing": Area("licensing", "审批", "Licensing", "纲要", "审批", "licensing")},
        policies={policy.id: policy},
        measures=measures,
        report_pages={2023: [{"page": HOME, **HOME_META}, {"page": WORK, **WORK_META}, {"page": PLAN, **PLAN_META}]},
        glossary=[Term("rule-of-law", "法治", "rule of law", "依法治理。", "Governing by law.")],
        ui_strings=UI_STRINGS,
        official_files={2023: OfficialFile("2023-report.txt", "ab" * 32)},
        sources={("zh", HOME): SourcePage(f"docs/zh/{HOME}", HOME_META, HOME_BODY, 1),
                 ("zh", WORK): SourcePage(f"docs/zh/{WORK}", WORK_META, WORK_BODY, 1),
                 ("zh", PLAN): SourcePage(f"docs/zh/{PLAN}", PLAN_META, PLAN_BODY, 1)},
    )
    fields.update(overrides)
    return Catalog(**fields)


def page(src: str, lang: str = "zh", meta: dict | None = None, url: str | None = None, name: str = "") -> PageContext:
    """A page as the hook describes it; its URL is the Chinese site's unless given."""
    return PageContext(src, lang, meta or {}, url if url is not None else src.removesuffix("index.md").removesuffix(".md") + "/",
                       name or Path(src).stem, f"docs/{lang}/{src}")
