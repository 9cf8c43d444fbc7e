"""Nothing the site says without a source, and every YAML string escaped where it lands (issue 12).

Each test here failed on the code before issue 12: a probe of a false or unsourced statement, or of a
string from YAML that reached the HTML unescaped.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT, SOURCE

from annual_report.rendering.citations import cited_as
from annual_report.rendering.context import PageContext
from annual_report.rendering.corrections import corrections_box
from annual_report.rendering.glossary import glossary
from annual_report.rendering.markers import MARKERS
from annual_report.rendering.policies import policy_facts
from annual_report.rendering.report_home import disclosure_table, figure_gloss, figures_panel, original_links
from annual_report.catalog import CatalogReader
from annual_report.feeds import report_items
from annual_report.frontmatter import split_page
from annual_report.text import find_figures

REPORT = SOURCE.read_text("utf-8")
FACTS = (ROOT / "sources" / "policy-facts.md").read_text("utf-8")


@pytest.fixture(scope="module")
def catalog():
    return CatalogReader(DOCS / "zh", ROOT / "data", ROOT).read()[0]


def policy_page(pid: str, lang: str) -> PageContext:
    return PageContext(f"policies/{pid}.md", lang, name=pid)


def front(path: Path) -> dict:
    return split_page(str(path), path.read_text("utf-8")).meta


# --- The disclosure table: every value is in the report or the facts on record, or reads 未核实 ---------

def as_in_report(value: str) -> str:
    """A front-matter date written as the report writes it: 2024-03-21 → 2024年3月21日."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    return f"{m[1]}年{int(m[2])}月{int(m[3])}日" if m else value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_disclosure_value_is_sourced_or_null(lang):
    d = front(DOCS / lang / "reports/2023/index.md")["disclosure"]
    for key in ("issuer", "written", "reviewer", "doc_number", "index_number", "topic", "published"):
        value = d.get(key)
        if value is None:
            continue
        zh = re.sub(r"\s*\([^)]*\)$", "", str(value))  # the English page adds a gloss in brackets
        assert as_in_report(zh) in REPORT or zh in FACTS, f"{key}: {value!r} is in no source; write null (未核实)"
    assert d["portal_url"] in FACTS


def test_unknown_disclosure_values_read_not_verified_and_the_table_is_marked_as_added(catalog):
    meta = {"disclosure": {"issuer": "博州交通运输局", "written": "2024-03-21", "reviewer": "王勇", "doc_number": None,
                           "index_number": None, "topic": None, "published": None}}
    for lang, nv in (("zh", "未核实"), ("en", "not verified")):
        table = BeautifulSoup(disclosure_table(meta, catalog, lang), "lxml").table
        cells = {tr.th.get_text(): tr.td.get_text() for tr in table.select("tr")}
        assert [k for k, v in cells.items() if v == nv] and "未提供" not in cells.values() and "not given" not in cells.values()
        assert "site-added" in table["class"]
        assert ("本站" in table.caption.get_text()) if lang == "zh" else ("this site" in table.caption.get_text())
        assert "(prefecture portal)" not in table.get_text()  # nobody checked the portal's date


# --- Policies: the title as cited, verified -----------------------------------------------------------

def test_titles_are_shown_as_the_report_cites_them(catalog):
    flat = REPORT.replace("\n", "")
    assert cited_as(catalog, "xinjiang-legal-publicity-education-regulations") == "自治区法治宣传教育条例"
    assert cited_as(catalog, "optimizing-business-environment-regulations") == "〈优化营商环境条例〉"
    for pid in catalog.policies:
        assert cited_as(catalog, pid) in flat, pid
        facts = policy_facts(policy_page(pid, "zh"), catalog)
        row = next(line for line in facts.splitlines() if line.startswith("| 引用标题"))
        assert row.split(" | ")[1] == cited_as(catalog, pid)


def test_english_policy_pages_quote_the_citation_as_written():
    flat = REPORT.replace("\n", "")
    for path in sorted((DOCS / "en" / "policies").glob("*.md")):
        m = re.search(r"Cited in the report (?:as|without title marks, as) (.+?)(?:, inside the title (.+?))?\.(?: |$)",
                      path.read_text("utf-8"), re.M)
        if m:
            for quoted in filter(None, m.groups()):
                assert quoted in flat, f"{path.name}: {quoted} is not how the report cites it"


def test_verified_only_with_a_sourced_issuer_and_date():
    for path in sorted((DOCS / "zh" / "policies").glob("*.md")):
        meta = front(path)
        if path.name == "index.md" or not meta.get("verified"):
            continue
        assert meta["issuer"] and meta["dates"], f"{path.name}: verified: true, but its issuer or date has no source"


# --- Feeds: the 成文日期 is not a publication date ------------------------------------------------------

def test_feeds_do_not_give_the_date_written_as_the_date_published(catalog):
    [item] = [i for i in report_items(catalog, "zh") if i.report == 2023]
    assert item.date is None  # the 发布日期 of the 2023 report is not known
    home = next(p for p in catalog.report_pages[2023] if "disclosure" in p)
    home["disclosure"]["published"] = "2024-03-28"
    try:
        [item] = [i for i in report_items(catalog, "zh") if i.report == 2023]
        assert item.date.date() == datetime.date(2024, 3, 28)
    finally:
        home["disclosure"]["published"] = None


# --- Figures keep their qualifiers ----------------------------------------------------------------------

@pytest.mark.parametrize("text, figure, gloss", [
    ("起草的法律文书约37件次,参与", "约37件次", "about 37 items"),
    ("每年接受不少于60学时的培训", "不少于60学时", "at least 60 class hours"),
    ("共有60余家企业", "60余家", "more than 60 businesses"),
    ("培训60学时以上。", "60学时以上", "60 class hours or more"),
])
def test_figures_keep_their_qualifiers(text, figure, gloss):
    [f] = find_figures(text)
    assert f.text == figure and text[f.start:f.end] == figure
    assert figure_gloss(f) == gloss


def test_the_figures_of_the_2023_report_keep_their_qualifiers(catalog):
    texts = {f.text for m in catalog.measures for f in m.figures}
    assert {"约37件次", "不少于60学时"} <= texts and not {"37件次", "60学时"} & texts
    for lang in ("zh", "en"):
        panel = figures_panel(PageContext("reports/2023/index.md", lang, {"report": 2023}), catalog)
        assert ">约37</span>" in panel and ">不少于60</span>" in panel


def test_english_text_keeps_the_qualifiers_of_the_figures_it_quotes():
    for path in sorted((DOCS / "en" / "reports").rglob("*.md")):
        for quoted in re.findall(r"\((\S*?\d[^()\s]*?)\)", path.read_text("utf-8")):
            for f in find_figures(quoted):
                if f.text in REPORT:
                    for q in ("约", "不少于", "余", "以上"):
                        assert not (q + f.text in REPORT or f.text + q in REPORT) or q in quoted, \
                            f"{path.name}: ({quoted}) drops the {q} the report writes"


# --- Excerpts and open data: no half Markdown ---------------------------------------------------------

def test_english_excerpts_and_open_data_carry_no_markdown(catalog):
    from annual_report.open_data import measure_records

    for record in measure_records(catalog):
        assert "](" not in record["text_en"] and ".md" not in record["text_en"]
    for name in ("measures:by-year", "measures:by-policy", "measures:by-area"):
        out = MARKERS[name](PageContext("measures/index.md", "en"), catalog)
        for row in out.splitlines():
            if row.startswith("| [20"):
                excerpt_cell = row.split(" | ")[-2]
                assert "[" not in excerpt_cell and "](" not in excerpt_cell, row


# --- Glossary and about page --------------------------------------------------------------------------

def test_glossary_states_only_what_a_source_says():
    terms = {t["id"]: t for t in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text("utf-8"))}
    for t in terms.values():
        assert t["term"] in REPORT, f"{t['term']} does not occur in the report as written"
    decision = next(t for t in terms.values() if t["term"] == "重大行政决策")
    # Under the 条例 expert review and risk assessment apply only in some cases: never "须经 … 风险评估".
    for text in (decision["definition_zh"], decision["definition_en"]):
        assert not re.search(r"须经|必须|都要|均须|always|must go through|must all", text)
    assert "情形" in decision["definition_zh"] and "only in the cases" in decision["definition_en"]
    for row in yaml.safe_load((ROOT / "data" / "terms.yml").read_text("utf-8")):
        assert row["zh"] in REPORT.replace("\n", ""), f"data/terms.yml: {row['zh']} does not occur in the report as written"


def test_about_pages_name_the_numerals_rightly():
    for lang in ("zh", "en"):
        text = (DOCS / lang / "about.md").read_text("utf-8")
        assert "带圈" not in text and "circled" not in text


# --- YAML strings are escaped where they land ----------------------------------------------------------

def test_render_escapes_every_yaml_string(catalog):
    meta = {"report": 2023, "disclosure": {"issuer": '<b id="x">局</b>', "written": None, "reviewer": "A & B", "doc_number": None,
                           "index_number": None, "topic": None, "published": None, "portal_url": 'https://e.org/"x',
                           "original": "r.txt", "title_note": "<i>注</i>"}}
    out = disclosure_table(meta, catalog, "zh") + original_links(PageContext("reports/2023/index.md", "zh", meta), catalog)
    assert "<b id" not in out and "<i>" not in out and "&lt;b id=" in out and "A &amp; B" in out
    assert 'href="https://e.org/&#34;x"' in out
    box = corrections_box([{"date": "2024-01-01", "what": "<img src=x>改正"}], catalog, "zh")
    assert "<img" not in box
    from dataclasses import replace

    from annual_report.glossary import Term
    probe = replace(catalog, glossary=[Term("t", "<u>词</u>", "<u>w</u>", "<u>释</u>", "<u>d</u>")])
    assert "<u>" not in glossary(PageContext("glossary.md", "zh"), probe)


def test_front_matter_strings_are_escaped_once_for_the_templates():
    from site_build.build import escape_strings
    from jinja2 import Environment

    meta = escape_strings({"title": '关于 <b>本站</b> & "引号"', "report": 2023, "disclosure": {"x": "<b>"}})
    env = Environment()  # MkDocs' environment escapes nothing by itself
    assert env.from_string("{{ t }}|{{ t | e }}").render(t=meta["title"]) == \
        "关于 &lt;b&gt;本站&lt;/b&gt; &amp; &#34;引号&#34;|关于 &lt;b&gt;本站&lt;/b&gt; &amp; &#34;引号&#34;"
    assert meta["report"] == 2023 and meta["disclosure"] == {"x": "<b>"}  # nested values: render escapes them


# A start tag with the injected ids, as the markup would stand if it were not escaped: every page
# without one has no such element, and only the others are parsed (parsing every page took seconds).
INJECTED_TAG = re.compile(r"""<[a-z]+\b[^>]*\bid\s*=\s*["']?inj-(?:title|note)\b""", re.I)


def test_the_tag_pattern_finds_the_markup_only_where_it_is_not_escaped():
    assert INJECTED_TAG.search('<b id="inj-title">粗</b>') and INJECTED_TAG.search("<B ID=inj-note>注</B>")
    assert not INJECTED_TAG.search('&lt;b id="inj-title"&gt;') and not INJECTED_TAG.search("&lt;b id=inj-note&gt;")


def test_a_tag_in_a_title_or_a_note_stays_text_in_the_built_site(built_elsewhere):
    """measures/figures.md's title and a policy's note hold markup in that build (conftest.built_elsewhere)."""
    site = built_elsewhere.site
    pages = list(site.rglob("*.html"))
    assert len(pages) > 17
    for path in pages:
        html = path.read_text("utf-8")
        if not INJECTED_TAG.search(html):
            continue  # no tag that could carry the injected ids: nothing to parse
        parsed = BeautifulSoup(html, "lxml")
        assert parsed.find(id="inj-title") is None and parsed.find(id="inj-note") is None, path
    shown = built_elsewhere.injected_title
    soup = BeautifulSoup((site / "measures/figures/index.html").read_text("utf-8"), "lxml")
    assert soup.title.get_text().startswith(shown)
    assert shown in soup.select_one(".md-header__topic:last-child").get_text()
    other = BeautifulSoup((site / "measures/index.html").read_text("utf-8"), "lxml")
    assert any(shown in a.get_text(" ", strip=True) for a in other.select("nav.md-nav--primary a"))


# --- The English translation says no more and no less than the Chinese (issue 12's audit) --------------

EN = DOCS / "en" / "reports" / "2023"


@pytest.mark.parametrize("page, wrong, why", [
    ("progress/10-digital-government.md", "supervision system was built", "做好…建设工作 is work on building it, not completion"),
    ("progress/03-streamlining-and-business-environment.md", "was put into effect and produced results",
     "推动…落地见效 is pushing for it, not a result"),
    ("progress/02-stability.md", "city level", "市域 is the prefecture-level area"),
    ("progress/05-decision-making.md", "who reviewed or drafted", "the report does not credit the 37 documents to the adviser"),
    ("progress/06-law-enforcement.md", "administrative compulsion", "行政强制 is administrative coercion"),
    ("progress/04-administrative-rules.md", "scientific legislation", "stiff"),
    ("progress/07-emergency-response.md", "dead angles", "stiff"),
    ("progress/01-rule-of-law-thought.md", "a nine comes round", "a guessed gloss"),
    ("plan.md", "a rule-of-law government department", "法治政府部门建设 has one rendering (data/terms.yml)"),
    ("progress/11-party-leadership.md", "a rule-of-law government department", "法治政府部门建设 has one rendering"),
])
def test_the_translation_errors_found_in_the_audit_stay_fixed(page, wrong, why):
    assert wrong not in (EN / page).read_text("utf-8"), why


def test_two_passenger_one_hazardous_is_glossed_in_full():
    text = (EN / "progress/07-emergency-response.md").read_text("utf-8")
    assert "scheduled passenger coaches of class III and above" in text
    terms = {row["zh"]: row["en"] for row in yaml.safe_load((ROOT / "data" / "terms.yml").read_text("utf-8"))}
    assert "class III and above" in terms["两客一危"]


def test_english_policy_facts_are_in_english_beside_the_chinese(catalog):
    """Issue 12: English policy pages left cells in Chinese. Names keep the Chinese as written beside
    the translation; the quoted title and document number stay as written."""
    chinese = re.compile(r"[\u4e00-\u9fff]")
    for pid in catalog.policies:
        out = policy_facts(policy_page(pid, "en"), catalog)
        for row in out.splitlines():
            if not row.startswith("| ") or row.startswith(("| Title as cited", "| Official title", "| Document number", "| Field")):
                continue
            outside_brackets = re.sub(r"\([^()]*\)|“[^”]*”|《[^》]*》", "", row)
            assert not chinese.search(outside_brackets), f"{pid}: {row}"
        for note in re.findall(r"^    (.+)$", out, re.M):
            assert not chinese.search(re.sub(r"\([^()]*\)|“[^”]*”|《[^》]*》", "", note)), f"{pid}: {note}"


def test_verified_true_without_a_sourced_issuer_fails_the_build_check():
    from annual_report.errors import ContentError
    from annual_report.frontmatter import validate

    path = DOCS / "zh/policies/xinjiang-transport-minor-violations-exemption-list.md"
    page = split_page(str(path), path.read_text("utf-8").replace("verified: false", "verified: true"))
    with pytest.raises(ContentError) as err:
        validate(page, "policy-page.schema.json")
    assert "issuer" in err.value.problem
