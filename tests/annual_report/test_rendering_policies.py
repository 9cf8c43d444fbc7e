"""annual_report.rendering.policies: a policy page's facts and citing measures, the policy index."""

from __future__ import annotations

from rendering_factory import POLICY, PROBE, make_catalog, page

from annual_report.rendering import policies


def rows(markdown: str) -> dict[str, list[str]]:
    return {line.split(" | ")[0][2:]: line.strip("| ").split(" | ")[1:] for line in markdown.splitlines() if line.startswith("| ")}


def test_facts_without_a_source_read_not_verified():
    facts = rows(policies.policy_facts(page(POLICY), make_catalog()))
    assert facts["引用标题"] == ["《测试条例》", "报告原文"]
    assert facts["文号"] == ["*未核实*", "—"] and facts["日期"] == ["*未核实*", "—"]


def test_english_facts_translate_the_issuer_beside_the_chinese():
    facts = rows(policies.policy_facts(page(POLICY, "en"), make_catalog()))
    assert facts["Issuer"] == ["State Council (国务院)", "the report"]


def test_the_note_is_escaped_and_says_what_is_not_verified():
    catalog = make_catalog()
    catalog.policies["test-regulations"].meta["note"] = PROBE
    out = policies.policy_facts(page(POLICY), catalog)
    assert '!!! note "编者注"' in out and "    本页除报告原文所载内容" in out
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_cited_by_lists_the_measures_by_kind():
    out = policies.policy_cited_by(page(POLICY), make_catalog())
    assert out.startswith("## 引用本政策的措施 { #cited-by }\n") and "### 2023年已开展的工作 { #cited-by-2023-done }" in out


def test_the_index_groups_policies_by_level_with_permanent_anchors():
    out = policies.policies_list(page("policies/index.md", "en"), make_catalog())
    assert "## National { #level-1 }" in out and "| [*Test Regulations* 《测试条例》](test-regulations.md) | *not verified* | 1 | no |" in out
