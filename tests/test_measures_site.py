"""The measures engine, as the built site shows it: anchors, links, indexes and open data agree."""

from __future__ import annotations

import csv
import json

import jsonschema
import pytest

from conftest import page_url_to_file, soup_of


@pytest.fixture(scope="module")
def measures(site):
    return json.loads((site / "data" / "measures.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def policies(site):
    return json.loads((site / "data" / "policies.json").read_text("utf-8"))


def test_open_data_matches_its_schemas(site, measures, policies):
    for name, records in (("measures", measures), ("policies", policies)):
        schema = json.loads((site / "data" / f"{name}.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(records, schema)
        assert isinstance(records, list) and records


def test_the_2023_report_has_its_measures(measures):
    kinds = {}
    for m in measures:
        kinds.setdefault((m["report_year"], m["kind"], m["year"]), []).append(m["id"])
    assert len(kinds[(2023, "problem", 2023)]) == 4
    assert kinds[(2023, "planned", 2024)] == [f"2023-3-02-{i}" for i in range(1, 9)]
    # 2 + 1 (㈡, no markers) + 6 + 2 + 3 + 4 + 3 + 1 (㈧, no markers) + 4 + 3 + 4
    assert len(kinds[(2023, "done", 2023)]) == 33
    assert "2023-1-02-1" in kinds[(2023, "done", 2023)] and "2023-1-08-1" in kinds[(2023, "done", 2023)]


def test_csv_holds_the_same_records(site, measures, policies):
    for name, records in (("measures", measures), ("policies", policies)):
        with open(site / "data" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert next(r for r in rows if r["id"] == "improving-law-enforcement-quality-action-plan")["doc_number"] == "国办发〔2023〕27号"


@pytest.mark.parametrize("field", ["url", "url_en"])
def test_every_measure_url_lands_on_its_anchor(site, measures, field):
    for m in measures:
        page, anchor = m[field].split("#")
        target = soup_of(page_url_to_file(site, page)).find(id=anchor)
        assert target is not None, m[field]
        assert target.get("data-measure") == m["id"]
        permalink = target.select_one("a.measure-id")
        assert permalink["href"] == f"#{anchor}" and permalink.get_text() == m["id"]
        assert target.select_one("a.area-tag") is not None


def test_measure_text_is_the_official_text(site, measures):
    """Each measure's text is in its own report's official file, as published for download."""
    for m in measures:
        [source] = (site / "reports" / str(m["report_year"])).glob("*.txt")
        assert m["text"] in source.read_text("utf-8-sig"), m["id"]


def test_cited_by_agrees_with_the_measures(measures, policies):
    citing = {(pid, m["id"]) for m in measures for pid in m["policies"]}
    cited = {(p["id"], mid) for p in policies for mid in p["cited_by"]}
    assert citing == cited
    assert {p["id"] for p in policies} >= {pid for pid, _ in citing}


def test_citations_in_report_pages_link_to_policy_pages(soup, measures, policies):
    urls = {p["id"]: p["url"] for p in policies}
    m = next(m for m in measures if m["id"] == "2023-1-05-1")
    page = soup(m["url"].split("#")[0])
    measure = page.find(id="m-2023-1-05-1")
    links = [a["href"] for a in measure.select("a.policy-link")]
    # The outer title is split around the nested 〈…〉 title: outer, inner, outer, for each of the two.
    assert len(links) == 7
    for pid in m["policies"]:
        assert any(href.rstrip("/").endswith(urls[pid].rstrip("/").split("/")[-1]) for href in links), pid


def linked_measures(soup, url) -> list[str]:
    article = soup(url).select_one("article")
    return [a.get_text() for a in article.select("a[href*='#m-']")]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_index_by_year_lists_exactly_the_measures(soup, measures, prefix):
    assert linked_measures(soup, f"{prefix}/measures/") == [m["id"] for m in measures]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_index_by_area_lists_every_measure_once(soup, measures, prefix):
    assert sorted(linked_measures(soup, f"{prefix}/measures/by-area/")) == sorted(m["id"] for m in measures)


def test_index_by_policy_lists_every_citation(soup, measures):
    listed = linked_measures(soup, "/measures/by-policy/")
    assert sorted(listed) == sorted(m["id"] for m in measures for _ in m["policies"])


def test_policy_pages_list_the_measures_citing_them(soup, policies):
    for p in policies:
        for prefix, url in (("", p["url"]), ("/en", p["url_en"])):
            cited = soup(url).select_one("article")
            ids = [a.get_text() for a in cited.select("a[href*='#m-']")]
            assert sorted(ids) == sorted(p["cited_by"]), url


def test_policy_page_says_where_the_cited_title_differs(soup):
    article = soup("/policies/transport-supervision-three-year-action-plan/").select_one("article")
    note = " ".join(a.get_text() for a in article.select(".admonition"))
    assert "正式标题为《加强和规范交通运输事中事后监管三年行动方案(2021—2023年)》" in note


def test_unverified_facts_say_so(soup, policies):
    p = next(p for p in policies if p["id"] == "bureau-earthquake-emergency-plan")
    assert p["issuer"] is None and p["doc_number"] is None and not p["verified"]
    cells = [td.get_text(strip=True) for td in soup(p["url"]).select("article table td")]
    assert cells.count("未核实") >= 3


def test_figures_page_links_each_figure_to_its_measure(soup, measures):
    rows = soup("/measures/figures/").select("article table tbody tr")
    expected = [(f["text"], m["id"]) for m in measures for f in m["figures"]]
    found = [(r.find("td").get_text(strip=True), r.select_one("a[href*='#m-']").get_text()) for r in rows]
    assert found == expected
    assert ("60.82万元", "2023-1-03-2") in found


def test_problems_to_plans_is_marked_as_editorial(soup, measures):
    article = soup("/measures/problems-to-plans/").select_one("article")
    assert "编者解读" in article.select_one(".admonition").get_text()
    assert len(article.select("table tbody tr")) == len([m for m in measures if m["kind"] == "problem"])
