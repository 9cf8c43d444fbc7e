"""Search as a reader uses it, in Chromium: the site's own search box (overrides/partials/search.html),
its engine loaded on first use (search-loader.js, site-search.js), answering from the built index.

What the index must find is derived from the built site and the catalog, not from one report: every
measure whose text holds a term of the site's vocabulary, and every policy whose titles hold it.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ROOT, search_records

from annual_report.catalog import CatalogReader
from annual_report.glossary import load_glossary
from annual_report.search import title_words, tokens

GONGZHI_MEASURES = {  # the measures that mention 公职律师, and their pages
    "2023-2-00-4": "/reports/2023/problems/",
    "2023-3-02-1": "/reports/2023/plan/",
    "2023-1-05-3": "/reports/2023/progress/05-decision-making/",
}
RESULTS = """els => els.map(e => ({
  href: e.href,
  title: (e.querySelector("h1, h2") || {}).textContent || "",
  marks: [...e.querySelectorAll("mark")].map(m => m.textContent)
}))"""
# Every hit of each query, in order: the record's URL (relative to the language's root), and whether
# it holds the query literally. Runs the engine the search box uses, on the page's own index.
ENGINE = """async queries => {
  const box = document.querySelector("[data-site-search]")
  const engine = await import(new URL(box.dataset.engine, document.baseURI).href)
  const index = await engine.open(new URL(box.dataset.index, document.baseURI).href)
  const out = {}
  for (const query of queries) {
    const { hits } = await index.search(query)
    out[query] = await Promise.all(hits.map(async h => ({ u: (await index.record(h.n)).u, literal: h.literal })))
  }
  return out
}"""
SEARCH_FILES = re.compile(r"/(?:en/)?search/|/assets/javascripts/site-search\.js")


def search(page, query: str) -> list[dict]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d|没有|No matching"))
    results = page.locator(".md-search-result__link").evaluate_all(RESULTS)
    for result in results:
        parts = urlsplit(result["href"])
        result["path"], result["anchor"] = parts.path, parts.fragment
        result["h"] = parse_qs(parts.query).get("h", [""])[0]
    return results


def measure_results(results) -> dict[str, dict]:
    return {r["anchor"].removeprefix("m-"): r for r in results if r["anchor"].startswith("m-")}


def test_gongzhi_lushi_lists_the_measures_that_mention_it_first(page):
    page.goto("/")
    results = search(page, "公职律师")
    found = measure_results(results)
    for mid, path in GONGZHI_MEASURES.items():
        assert mid in found, f"{mid} is not a result of its own"
        assert found[mid]["path"] == path
        # The whole term is highlighted in the result, and the page it opens is told the whole term.
        assert found[mid]["marks"] and set(found[mid]["marks"]) == {"公职律师"}, found[mid]["marks"]
        assert found[mid]["h"] == "公职律师"
    first_measure = next(i for i, r in enumerate(results) if r["anchor"].startswith("m-"))
    glossary = next(i for i, r in enumerate(results) if r["path"] == "/glossary/")
    assert first_measure < glossary, "the measures come before the glossary's definition"
    assert all(r["path"].startswith("/reports/") for r in results[:first_measure + 1])


def test_the_page_a_result_opens_highlights_the_whole_term(page):
    page.goto("/")
    search(page, "公职律师")
    page.locator('.md-search-result__link[href*="#m-2023-2-00-4"]').click()
    page.wait_for_url(re.compile(r"/reports/2023/problems/\?h=.*#m-2023-2-00-4$"))
    marks = page.locator("article mark")
    expect(marks.first).to_be_visible()
    assert set(marks.all_text_contents()) == {"公职律师"}
    assert page.locator("#m-2023-2-00-4 mark").count() == 1


def test_a_word_still_being_typed_finds_what_it_begins(page):
    page.goto("/")
    found = measure_results(search(page, "公职律"))
    assert set(GONGZHI_MEASURES) <= set(found)


@pytest.mark.parametrize(("query", "page_path", "mark"), [
    ("Chinese", "/en/", "Chinese"),  # stem "chines": never found in a stemmed index
    ("lawyers", "/en/reports/2023/problems/", "lawyers"),
    ("decisions", "/en/reports/2023/progress/05-decision-making/", None),
    ("officials", "/en/reports/2023/", None),
])
def test_english_words_are_found_from_en_and_only_english_pages_answer(page, query, page_path, mark):
    page.goto("/en/")
    results = search(page, query)
    assert results, f"{query} finds nothing"
    assert all(r["path"].startswith("/en/") for r in results), "an English page lists English results"
    assert any(r["path"].startswith(page_path) for r in results), [r["path"] for r in results]
    marks = {m for r in results for m in r["marks"]}
    if mark:
        assert mark in marks
    stem = query.lower()[:5]
    assert marks and all(m.lower().startswith(stem) for m in marks), marks  # whole words, of the same stem


def test_an_english_word_still_being_typed_finds_the_words_it_begins(page):
    page.goto("/en/")
    found = page.evaluate(ENGINE, ["lawyers", "lawy", "lawy "])
    whole = {h["u"] for h in found["lawyers"] if h["literal"]}
    assert whole and whole <= {h["u"] for h in found["lawy"] if h["literal"]}
    assert not [h for h in found["lawy "] if h["literal"]], "a word followed by a space is whole"


def test_a_plural_finds_the_singular(page):
    page.goto("/en/")
    results = search(page, "decisions")
    assert any(re.fullmatch(r"[Dd]ecision", m) for r in results for m in r["marks"])


OTHER_REPORT = re.compile(r"^(?:/en)?/reports/(?!2023/)\d{4}/")


@pytest.mark.parametrize(("start", "query", "expected", "first"), [
    ("/", "重大行政决策程序暂行条例", "/policies/major-administrative-decision-procedures/", True),  # a policy title
    ("/", "60.82万元", "/reports/2023/progress/03-streamlining-and-business-environment/#m-2023-1-03-2", False),
    ("/", "两客一危", "/reports/2023/progress/07-emergency-response/#m-2023-1-07-1", False),  # a glossary term
    ("/", "放管服", "/reports/2023/progress/03-streamlining-and-business-environment/", True),
    ("/", "律师", "/reports/2023/problems/#m-2023-2-00-4", False),  # a part of 公职律师
    ("/en/", "Regulations on Optimising the Business Environment",
     "/en/policies/optimizing-business-environment-regulations/", True),
    ("/en/", "608,200", "/en/reports/2023/progress/03-streamlining-and-business-environment/#m-2023-1-03-2", False),
    ("/en/", "electronic waybill", "/en/reports/2023/progress/03-streamlining-and-business-environment/#m-2023-1-03-3", False),
    ("/en/", "60.82万元", "/en/measures/figures/", False),
])
def test_queries_a_reader_would_type(page, start, query, expected, first):
    page.goto(start)
    results = search(page, query)
    links = [r["path"] + (f"#{r['anchor']}" if r["anchor"] else "") for r in results]
    # A page is found as itself or as its section that holds the query.
    assert expected in links or ("#" not in expected and not first and any(link.startswith(expected + "#") for link in links)), links
    if first:  # first among the results of its own report: a later report may rank before it (newer first)
        assert [link for link in links if not OTHER_REPORT.match(link)][0] == expected, links


@pytest.mark.parametrize("term", ["两客一危", "放管服"])
def test_a_glossary_term_is_highlighted_whole(page, term):
    page.goto("/")
    results = search(page, term)
    marks = {m for r in results for m in r["marks"]}
    assert marks == {term}, marks


# --- The vocabulary: every literal match listed, and listed first ---------------------------------

def vocabulary() -> dict[str, list[str]]:
    """The site's own terms, per language: the glossary's and data/terms.yml's, the policy titles and
    aliases (their Chinese runs), the areas' names, and the terms a reader of these reports types most."""
    data = ROOT / "data"
    glossary = load_glossary(data / "glossary.yml")
    terms = yaml.safe_load((data / "terms.yml").read_text("utf-8")) or []
    areas = yaml.safe_load((data / "areas.yml").read_text("utf-8")) or []
    policies = CatalogReader(ROOT / "docs" / "zh", data, ROOT).read_policies()
    zh = {t.term for t in glossary} | {row["zh"] for row in terms}
    zh |= {w for p in policies.values() for title in p.titles for w in title_words(title)}
    zh |= {a[k] for a in areas for k in ("name_zh", "short_zh") if a.get(k)}
    zh |= {"行政执法", "交通运输", "自治州", "自治区", "重大行政决策", "放管服", "法治政府", "公职律师"}
    en = {t.en for t in glossary} | {row["en"] for row in terms}
    en |= {a[k] for a in areas for k in ("name_en", "short_en") if a.get(k)}
    en |= {"rule of law", "lawyer", "lawyers", "regulation", "regulations", "law enforcement"}
    return {"zh": sorted(zh), "en": sorted(en)}


def stems(text: str) -> str:
    """English as the index compares it: words in lower case without their plural endings."""
    return " ".join(t for t, _ in tokens(text) if not re.match(r"[\u3400-\u9fff]", t))


def holds(text: str, term: str, lang: str) -> bool:
    """Whether a text holds a term literally: as a substring (Chinese), as whole words (English),
    a plural holding its singular (lawyers holds lawyer, as the issue asks)."""
    if lang == "zh":
        return term in text
    return re.search(rf"(?<![\w]){re.escape(term)}(?![\w])", text, re.I) is not None or \
        f" {stems(term)} " in f" {stems(text)} "


def common_term(site) -> str:
    """The Chinese term of the vocabulary that the most measures hold: a query with many results."""
    measures = json.loads((site / "data" / "measures.json").read_text("utf-8"))
    return max((t for t in vocabulary()["zh"] if len(t) >= 2), key=lambda t: (sum(t in m["text"] for m in measures), t))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_literal_match_of_the_vocabulary_is_listed_and_ranked_first(page, site, lang):
    """For every term: each measure whose text holds it, and each policy whose titles hold it, is a
    literal result; no partial result comes before a literal one."""
    prefix = "" if lang == "zh" else "en/"
    measures = json.loads((site / "data" / "measures.json").read_text("utf-8"))
    records = search_records(site, lang)
    policies = [r for r in records if r["u"].startswith("policies/") and r["u"].count("/") == 2 and "#" not in r["u"]]
    queries = vocabulary()[lang]
    page.goto(f"/{prefix}")
    found = page.evaluate(ENGINE, queries)
    missed, misordered, checked = {}, [], 0
    for query in queries:
        hits = found[query]
        literal = {h["u"] for h in hits if h["literal"]}
        for m in measures:
            text = m["text"] if lang == "zh" else m["text_en"]
            if holds(text, query, lang):
                checked += 1
                url = (m["url"] if lang == "zh" else m["url_en"]).lstrip("/").removeprefix(prefix)
                if url not in literal:
                    missed.setdefault(query, []).append(m["id"])
        for p in policies:
            if holds(p["t"], query, lang) or holds(p["x"], query, lang):
                checked += 1
                if p["u"] not in literal:
                    missed.setdefault(query, []).append(p["u"])
        flags = [h["literal"] for h in hits]
        if flags != sorted(flags, reverse=True):
            misordered.append(query)
    assert checked > len(queries) / 2, "the vocabulary hardly occurs in the measures: is the test reading them?"
    assert missed == {}, f"literal matches not listed: {missed}"
    assert misordered == [], f"a partial match ranks before a literal one: {misordered}"


def test_the_frequent_terms_list_every_measure_that_holds_them(page, site):
    """行政执法, 交通运输, 自治州: the terms that lost most under a word segmenter."""
    measures = json.loads((site / "data" / "measures.json").read_text("utf-8"))
    page.goto("/")
    for query in ("行政执法", "交通运输", "自治州"):
        expected = {m["url"].lstrip("/") for m in measures if query in m["text"]}
        found = {h["u"] for h in page.evaluate(ENGINE, [query])[query] if h["literal"]}
        assert expected and expected <= found, (query, expected - found)


def test_the_engine_cuts_text_as_the_index_does(page, site):
    """site-search.js's tokens() and stem() against annual_report.search's, over every record's text."""
    texts = [r["t"] + " " + r["x"] for lang in ("zh", "en") for r in search_records(site, lang)]
    texts += ["Public-sector lawyers' policies, approaches and businesses", "ＡＰＰ 60.82万元", "双随机、一公开"]
    page.goto("/")
    cut = page.evaluate("""async texts => {
      const box = document.querySelector("[data-site-search]")
      const engine = await import(new URL(box.dataset.engine, document.baseURI).href)
      return texts.map(text => engine.tokens(text).map(t => [t.token, t.pos]))
    }""", texts)
    for text, js in zip(texts, cut):
        assert [tuple(t) for t in js] == list(tokens(text)), text[:60]


# --- Loaded on first use -----------------------------------------------------------------------

def search_requests(page) -> list[str]:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if SEARCH_FILES.search(request.url) else None)
    return fetched


@pytest.mark.parametrize("where", ["home", "a report page", "an English index page"])
def test_a_page_load_fetches_nothing_of_the_search(page, site, where):
    measures = json.loads((site / "data" / "measures.json").read_text("utf-8"))
    url = {"home": "/", "a report page": measures[0]["url"].split("#")[0], "an English index page": "/en/policies/"}[where]
    fetched = search_requests(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)  # reading the page is not opening the search
    page.wait_for_timeout(300)
    assert fetched == []
    sizes = page.evaluate("""() => performance.getEntriesByType("resource")
      .filter(e => /\\/search\\/|site-search\\.js/.test(e.name)).reduce((n, e) => n + e.transferSize, 0)""")
    assert sizes == 0


@pytest.mark.parametrize("how", ["click", "slash", "s", "header button"])
def test_opening_the_search_loads_it_and_the_query_is_answered(new_context, site, how):
    page = new_context(viewport={"width": 1280, "height": 900} if how != "header button" else {"width": 390, "height": 844}).new_page()
    fetched = search_requests(page)
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert fetched == []
    if how == "click":
        page.locator("input.md-search__input").click()
    elif how == "header button":
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator("body").press("/" if how == "slash" else "s")
    expect(page.locator("input.md-search__input")).to_be_focused()
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type(common_term(site))
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d"))
    assert any(url.endswith("/site-search.js") for url in fetched)
    assert any(url.endswith("/search/manifest.json") for url in fetched)
    assert page.locator(".md-search-result__item").count() >= 2
    expect(page.locator(".md-search-result__item").first).to_be_visible()  # Material's styles still open the box


def test_the_keyboard_alone_searches_opens_a_result_and_closes(page, site):
    page.goto("/")
    page.keyboard.press("/")
    page.keyboard.type(common_term(site))
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d"))
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__link").first
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__link").nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(re.compile(r"\?h="))
    expect(page.locator("article mark").first).to_be_visible()


# --- What a screen reader gets, facets, counts --------------------------------------------------

@pytest.mark.parametrize("start", ["/", "/en/"])
def test_the_open_search_and_its_results_pass_axe_with_best_practices(page, site, start):
    page.goto(start)
    search(page, common_term(site) if start == "/" else "lawyers")
    dialog = page.locator("[data-site-search]")
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-label")
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"
    results = Axe().run(page, context=".md-search", options={
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
        "resultTypes": ["violations"]})
    violations = [f"{v['id']} ({v['impact']}): " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
                  for v in results.response["violations"]]
    assert violations == []


def test_counts_and_facets_narrow_the_results(page, site):
    page.goto("/")
    search(page, common_term(site))
    status = page.locator(".md-search-result__meta").inner_text()
    assert re.search(r"措施 \d+ 项", status), status
    chips = page.locator(".site-search__chip")
    assert chips.count() >= 2
    chip = page.locator('.site-search__chip[data-facet^="kind:"]:not([data-facet="kind:measure"])').first
    kind = chip.get_attribute("data-facet").split(":", 1)[1]
    count = int(re.search(r"\((\d+)\)", chip.inner_text())[1])
    chip.click()
    expect(chip).to_have_attribute("aria-pressed", "true")
    shown = page.locator(".md-search-result__item:not(.site-search__more)").count()
    assert shown == min(count, 10)
    label = chip.inner_text().split(" (")[0]
    contexts = page.locator(".site-search__context").all_inner_texts()
    assert contexts and all(c.startswith(label) for c in contexts), (kind, contexts)


def test_one_facet_narrows_to_every_measure(page, site):
    page.goto("/")
    search(page, common_term(site))
    chip = page.locator('.site-search__chip[data-facet="kind:measure"]')
    count = int(re.search(r"\((\d+)\)", chip.inner_text())[1])
    status = page.locator(".md-search-result__meta").inner_text()
    chip.click()
    expect(chip).to_have_attribute("aria-pressed", "true")
    links = page.locator(".md-search-result__link").evaluate_all(RESULTS)
    assert len(links) == min(count, 10) and all("#m-" in r["href"] for r in links)
    assert count >= int(re.search(r"措施 (\d+) 项", status)[1]), status  # the count is of the literal matches


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_policy_result_shows_its_title_and_level_not_its_table(page, site, lang):
    """Every policy, searched by its title, comes first, shown with its level."""
    prefix = "" if lang == "zh" else "en/"
    policies = [r for r in search_records(site, lang) if r["u"].startswith("policies/") and r["u"].count("/") == 2]
    page.goto(f"/{prefix}")
    for policy in policies:
        results = search(page, policy["t"])
        assert results[0]["path"] == f"/{prefix}{policy['u']}", (policy["t"], results[:3])
        text = page.locator(".md-search-result__item").first.inner_text()
        assert policy["n"] in text and not any(debris in text for debris in ("未核实", "项目", "Not verified", "|"))
        page.locator("input.md-search__input").fill("")
