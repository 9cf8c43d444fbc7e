"""Small catalogs for unit tests, built in one place so that a field added to the model later
changes only this file.

Not a conftest.py: tests/conftest.py is imported as the module ``conftest`` by the tests of the built
site (``from conftest import build``), and a second conftest.py here, outside any package, would
take that module name from it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from annual_report.model import Area, Catalog, Measure, Policy
from annual_report.text import Figure

AREAS = {
    "enforcement": Area("enforcement", "严格规范公正文明执法", "Law enforcement", "纲要 第五部分", "规范执法", "Enforcement"),
    "oversight": Area("oversight", "健全行政权力制约和监督体系", "Oversight of administrative power", "纲要 第七部分"),
}


def make_area(id: str = "enforcement", **fields) -> Area:
    return Area(**{**AREAS.get(id, AREAS["enforcement"]).__dict__, "id": id, **fields})


def make_policy(id: str = "fixture-regulations", title: str = "测试条例", **meta) -> Policy:
    """A policy page's front matter as the policy schema requires it, with ``meta`` on top."""
    base = {"title": title, "official_title": None, "issuer": None, "level": "自治区", "doc_number": None,
            "dates": [], "verified": False}
    return Policy(id, f"policies/{id}.md", title, {**base, **meta})


def make_measure(id: str = "2023-1-01-1", text: str = "一是加强执法。", **fields) -> Measure:
    """A measure whose number fields follow from its ID (YEAR-PART-SUBSECTION-ORDINAL)."""
    year, section, subsection, ordinal = map(int, id.split("-"))
    kind = fields.pop("kind", "done")
    base = dict(id=id, report_year=year, year=year + (1 if kind == "planned" else 0), kind=kind, area="enforcement",
                section=section, subsection=subsection, ordinal=ordinal, text=text,
                page=f"reports/{year}/part-{section}.md", line=10 + ordinal)
    return Measure(**{**base, **fields})


def home_page(year: int = 2023, **disclosure) -> dict:
    """A report home as the catalog lists it in ``report_pages`` (its front matter, and its page)."""
    return {"page": f"reports/{year}/index.md", "title": f"测试局{year}年法治政府建设年度报告", "report": year,
            "status": "published",
            "disclosure": {"issuer": "测试局", "written": f"{year + 1}-03-01", "reviewer": "测试审核人", "doc_number": None,
                           "index_number": None, "topic": None, "published": None, "portal_url": None,
                           "original": f"{year}-report.txt", **disclosure}}


# The site's own words, as the build reads them (data/ui-strings.yml).
UI_STRINGS = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "ui-strings.yml").read_text("utf-8"))


def make_catalog(measures=(), policies=(), areas=None, report_pages=None, **fields) -> Catalog:
    """A Catalog of the given measures and policies (lists), with every area of the measures known."""
    areas = areas if areas is not None else {**AREAS, **{m.area: make_area(m.area) for m in measures if m.area not in AREAS}}
    fields.setdefault("ui_strings", UI_STRINGS)
    return Catalog(areas, {p.id: p for p in policies}, list(measures), report_pages=report_pages or {}, **fields)


__all__ = ["AREAS", "Figure", "home_page", "make_area", "make_catalog", "make_measure", "make_policy"]
