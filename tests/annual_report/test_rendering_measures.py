"""annual_report.rendering.measures: measures on report pages, and tables of measures."""

from __future__ import annotations

from bs4 import BeautifulSoup
from rendering_factory import CITING_TEXT, DONE_TEXT, PROBE, WORK, WORK_BODY, WORK_META, make_catalog

from annual_report.model import Area
from annual_report.rendering.measures import annotate_report_page, groups, measure_table


def spans(markdown: str):
    return BeautifulSoup(markdown, "html.parser").select("span.measure")


def test_each_measure_is_wrapped_in_an_anchored_span_and_the_text_is_unchanged():
    out = annotate_report_page(WORK_BODY, WORK_META, WORK, make_catalog())
    first, second = spans(out)
    assert (first["id"], first["data-measure"]) == ("m-2023-1-01-1", "2023-1-01-1")
    assert first.get_text().endswith(DONE_TEXT)
    assert "[2023-1-01-1](#m-2023-1-01-1){ .measure-id .site-added" in first.get_text()
    assert "[《测试条例》](../../policies/test-regulations.md){ .policy-link }" in second.get_text()
    assert second.get_text().replace("[《测试条例》](../../policies/test-regulations.md){ .policy-link }", "《测试条例》").endswith(CITING_TEXT)


def test_a_copy_has_no_anchors_and_links_each_id_to_its_own_page():
    out = annotate_report_page(WORK_BODY, WORK_META, "reports/2023/full.md", make_catalog(), anchored=False)
    assert all(not span.has_attr("id") for span in spans(out))
    assert "[2023-1-01-1](work.md#m-2023-1-01-1){ .measure-id .site-added" in out and "} 一是" not in out


def test_a_tag_in_an_area_name_stays_text():
    catalog = make_catalog(areas={"enforcement": Area("enforcement", PROBE, PROBE, "", PROBE, PROBE),
                                  "licensing": Area("licensing", "审批", "Licensing", "", "审批", "licensing")})
    out = annotate_report_page(WORK_BODY, WORK_META, WORK, catalog)
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_a_measure_table_is_marked_as_one_with_a_row_per_measure_and_links_as_built():
    catalog = make_catalog()
    out = measure_table(catalog.measures, "measures/index.md", catalog, "en")
    wrapper = BeautifulSoup(out, "html.parser").select_one("div.measure-table")
    assert wrapper is not None and wrapper.has_attr("data-search-ignore") and not wrapper.has_attr("markdown")
    assert [th.get_text() for th in wrapper.select("thead th")] == ["ID", "Area", "Text (opening words)", "Policies cited"]
    rows = wrapper.select("tbody tr")
    assert len(rows) == len(catalog.measures)
    first = catalog.measures[0]
    link = rows[0].select_one("td a")
    # From /en/measures/ to the measure's own page, as MkDocs builds it with directory URLs.
    assert link.get_text() == first.id and link["href"] == f"../{first.page.removesuffix('.md')}/#{first.anchor}"


def test_text_in_a_measure_table_is_escaped_once():
    catalog = make_catalog()
    catalog.measures[0].text = "《A & B》 <b>x</b>"
    out = measure_table(catalog.measures[:1], "measures/index.md", catalog, "zh")
    assert "&amp; B》 &lt;b&gt;x&lt;/b&gt;" in out and "<b>" not in out


def test_groups_follow_the_reading_order():
    catalog = make_catalog()
    assert [key for key, _ in groups(catalog.measures)] == [(2023, "done", 2023), (2023, "planned", 2024)]
