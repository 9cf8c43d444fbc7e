"""annual_report.model: the catalog's lookups and what a policy or measure says of itself."""

from __future__ import annotations

from catalog_factory import make_catalog, make_measure, make_policy


def test_a_measure_anchor_is_m_and_its_id():
    assert make_measure("2023-1-03-2").anchor == "m-2023-1-03-2"


def test_a_policy_is_found_by_its_title_and_aliases_and_states_only_what_its_page_gives():
    policy = make_policy("p", "简称", aliases=["别名"], official_title={"value": "正式名称", "source": "s"},
                         issuer={"value": "自治区人民政府", "source": "s"}, level="自治区")
    assert policy.titles == ["简称", "别名"]
    assert policy.official_title == "正式名称"
    assert policy.fact("issuer") == "自治区人民政府"
    assert policy.fact("level") is None  # a plain value is not a sourced fact
    assert make_policy().official_title is None and make_policy().fact("doc_number") is None


def test_the_lookups_group_measures_by_id_page_report_and_english_page():
    first = make_measure("2023-1-01-1", page="reports/2023/a.md", page_en="reports/2023/a.md")
    second = make_measure("2023-1-01-2", page="reports/2023/a.md")  # not translated: its Chinese page stands in
    later = make_measure("2024-2-00-1", page="reports/2024/b.md", kind="problem")
    catalog = make_catalog([first, second, later])
    assert catalog.measure("2023-1-01-2") is second
    assert catalog.by_page == {"reports/2023/a.md": [first, second], "reports/2024/b.md": [later]}
    assert catalog.by_page_en["reports/2023/a.md"] == [first, second]
    assert catalog.by_report == {2023: [first, second], 2024: [later]}
    assert catalog.report_years == [2023, 2024]
    assert catalog.measures_of(report_year=2023, ordinal=2) == [second]
    assert catalog.measures_of(kind="planned") == []


def test_titles_cited_without_brackets_lead_to_their_policy():
    catalog = make_catalog(policies=[make_policy("a", "甲条例", aliases=["甲"], cited_without_brackets=["甲条例实施办法"]),
                                     make_policy("b", "乙规划")])
    assert catalog.by_title == {"甲条例": "a", "甲": "a", "甲条例实施办法": "a", "乙规划": "b"}
    assert catalog.unbracketed == ("甲条例实施办法",)
