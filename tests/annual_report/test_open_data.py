"""annual_report.open_data: the measures and policies as JSON records (valid against their schemas) and CSV."""

from __future__ import annotations

import csv
import io
import json

from catalog_factory import make_catalog, make_measure, make_policy

from annual_report.open_data import MEASURE_FIELDS, POLICY_FIELDS, measure_records, policy_records, to_csv, write_open_data
from annual_report.text import find_figures
from conftest import ROOT

TEXT = "一是开展培训约37件次，参训60余人。"


def sample_catalog():
    measure = make_measure("2023-1-06-1", TEXT, page="reports/2023/progress/06.md", policies=["p"],
                           figures=find_figures(TEXT), text_en="First, [training](../x.md) { #a } was *held*.",
                           page_en="reports/2023/progress/06.md")
    planned = make_measure("2023-3-02-1", "一是推进。", kind="planned", page="reports/2023/plan.md",
                           outcome={"status": "completed", "reported_by": ["2024-1-01-1", "2024-1-02-3"]})
    policy = make_policy("p", "测试条例", aliases=["条例"], issuer={"value": "自治区人民政府", "source": "s"},
                         dates=[{"label": "施行", "value": "2020-01-01", "source": "s"}])
    policy.cited_by = ["2023-1-06-1"]
    return make_catalog([measure, planned], [policy])


def test_a_measure_record_links_to_its_anchor_in_both_languages_and_keeps_its_qualifiers():
    record, planned = measure_records(sample_catalog())
    assert record["url"] == "/reports/2023/progress/06/#m-2023-1-06-1"
    assert record["url_en"] == "/en/reports/2023/progress/06/#m-2023-1-06-1"
    assert planned["url_en"] == "/en/reports/2023/plan/#m-2023-3-02-1"  # no English page: the Chinese one's path
    assert record["text_en"] == "First, training was held."  # no Markdown in the open data
    assert [(f["value"], f["unit"], f["qualifier"], f["text"]) for f in record["figures"]] == [
        ("约37", "件次", "约", "约37件次"), ("60余", "人", "余", "60余人")]
    assert record["year"] == 2023 and planned["year"] == 2024 and set(record) == set(MEASURE_FIELDS)


def test_a_policy_record_gives_its_facts_or_null():
    [record] = policy_records(sample_catalog())
    assert record["issuer"] == "自治区人民政府" and record["doc_number"] is None and record["official_title"] is None
    assert record["aliases"] == ["条例"] and record["dates"] == [{"label": "施行", "value": "2020-01-01"}]
    assert record["url"] == "/policies/p/" and record["url_en"] == "/en/policies/p/"
    assert record["cited_by"] == ["2023-1-06-1"] and set(record) == set(POLICY_FIELDS)


def test_csv_joins_lists_and_writes_outcomes_and_nulls_as_text():
    rows = list(csv.DictReader(io.StringIO(to_csv(measure_records(sample_catalog()), MEASURE_FIELDS))))
    assert list(rows[0]) == MEASURE_FIELDS
    assert rows[0]["figures"] == "约37件次;60余人" and rows[0]["policies"] == "p" and rows[0]["outcome"] == ""
    assert rows[1]["outcome"] == "completed (2024-1-01-1;2024-1-02-3)"
    policies = list(csv.DictReader(io.StringIO(to_csv(policy_records(sample_catalog()), POLICY_FIELDS))))
    assert policies[0]["dates"] == "施行 2020-01-01" and policies[0]["doc_number"] == ""


def test_write_open_data_writes_json_csv_for_excel_and_the_schemas(tmp_path):
    write_open_data(sample_catalog(), tmp_path / "data", ROOT / "schemas")
    out = tmp_path / "data"
    assert json.loads((out / "measures.json").read_text("utf-8"))[0]["id"] == "2023-1-06-1"
    assert (out / "policies.csv").read_bytes().startswith("\ufeffid,title".encode("utf-8"))  # the BOM Excel needs
    assert (out / "measures.schema.json").read_bytes() == (ROOT / "schemas" / "measures.schema.json").read_bytes()
    assert "约37件次" in (out / "measures.json").read_text("utf-8")  # Chinese as it is, not \\u escapes
