"""annual_report.rendering.glossary, corrections and notices: small sections, escaped."""

from __future__ import annotations

from bs4 import BeautifulSoup
from rendering_factory import PROBE, make_catalog, page

from annual_report.glossary import Term
from annual_report.rendering.corrections import corrections_box
from annual_report.rendering.glossary import definition_label, glossary
from annual_report.rendering.notices import not_translated_notice, unofficial_notice


def test_glossary_entries_in_both_languages():
    catalog = make_catalog()
    assert glossary(page("glossary.md"), catalog) == "## 法治 { #rule-of-law }\n\n英文：rule of law\n\n依法治理。\n"
    assert glossary(page("glossary.md", "en"), catalog) == "## rule of law (法治) { #rule-of-law }\n\nGoverning by law.\n"
    assert definition_label(catalog, "en") == "Definition (added by this site): "


def test_glossary_escapes_a_term():
    catalog = make_catalog(glossary=[Term("t", PROBE, PROBE, PROBE, PROBE)])
    assert "<script>" not in glossary(page("glossary.md"), catalog)


def test_corrections_are_listed_in_date_order_and_escaped():
    box = corrections_box([{"date": "2024-05-01", "what": PROBE}, {"date": "2024-04-02", "what": "改了一个字。"}], make_catalog(), "zh")
    assert box.startswith('!!! note corrections site-added "更正记录（本站添加）"')
    times = BeautifulSoup(box, "html.parser").select("time")
    assert [t["datetime"] for t in times] == ["2024-04-02", "2024-05-01"]
    assert "<script>" not in box and "&lt;script&gt;" in box


def test_the_notices_link_the_chinese_page():
    catalog = make_catalog()
    missing = BeautifulSoup(not_translated_notice(catalog, "../../x/"), "html.parser").div
    assert "translation-missing" in missing["class"] and "site-added" in missing["class"] and missing["lang"] == "en"
    assert missing.a["href"] == "../../x/" and missing.a["hreflang"] == "zh"
    notice = BeautifulSoup(unofficial_notice(catalog, '"><script>'), "html.parser").div
    assert "translation-notice" in notice["class"] and notice.find("script") is None and notice.a["href"] == '"><script>'
