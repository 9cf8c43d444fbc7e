"""Search: the site's own index (annual_report.search) behind the site's own search box, one index per
language, loaded only when a reader opens the search.

Order of events, per language build (static-i18n builds zh, then en):
- on_config: the dictionary words (glossary and official terms, policy titles), read once.
- on_files: Material's search code (lunr and its languages, its search worker) and the source maps
  are not published: no page loads them (overrides/partials/search.html replaces Material's search).
- on_page_content: what is indexed elsewhere or is not text is marked data-search-ignore: a measure's
  text (it has a record of its own), the measure tables (excerpts of the same text), the translation
  notice of English pages.
- on_page_context: the search box's context (where the language's index is); Material's search
  plugin indexes nothing (it stays on only for its header button, which includes the partial).
- on_post_page: the page's records: its measures, its sections, or, for a policy page, the policy.
- on_post_build (after static-i18n's, once for all languages): search/ written into each language's
  root; Material's search/search_index.json removed.

What is indexed: a page's article only (not the header, navigation and footer). A page with
`search: exclude: true` (the one-page report) is not indexed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import _state
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from annual_report.catalog import CatalogReader
from annual_report.datafiles import load_yaml
from annual_report.errors import ContentError
from annual_report.glossary import load_glossary
from annual_report.rendering.measures import short_kind_names
from annual_report.search import Record, build_index, dictionary_words, measure_record, page_records, policy_record

FOLDER = "search"  # the index's folder in each language's root
ENGINE = "assets/javascripts/site-search.js"
MEASURE_SPAN = re.compile(r'<span class="measure"(?: id="[^"]*")? data-measure="([^"]+)"')
TABLE = re.compile(r"<table(?=[\s>]).*?</table>", re.S)
MEASURE_TABLE = re.compile(r'<div class="measure-table"')  # annual_report.rendering.measures.measure_table
# The translation notice that opens every English page (hooks/translation_notice.py).
NOTICE = re.compile(r'<div class="[^"]*\btranslation-(?:notice|missing)\b[^"]*"')
INDEXED_TABLES = {"measures/figures.md"}  # the figures and their sentences: a search for 60.82万元 finds them
POLICY_INDEX = "policies/index.md"  # its tables list the policies, each a record of its own
GLOSSARY = "glossary.md"  # its sections are terms: results of their own, listed after the others
# Material's files that no page loads once its search is replaced: lunr and its language files, its
# search worker, and the source maps of its bundles (about 2 MB).
UNUSED = re.compile(r"^assets/javascripts/(?:lunr/.*|workers/search\.[^/]*)$|^assets/.*\.map$")

records: dict[str, list[Record]] = {}  # lang -> records
words: list[str] = []  # the dictionary words (annual_report.search.dictionary_words)


def search_plugin(config):
    """Material's search plugin, when it is on."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return plugin if plugin is not None and plugin.config.get("enabled", True) else None


def on_config(config):
    if search_plugin(config) is None:
        return
    root = _state.project_root(config)
    try:
        terms, titles = dictionary_sources(root, _state.docs_root(config))
    except ContentError as err:
        raise PluginError(str(err)) from None
    words[:] = dictionary_words(*terms, titles=titles)


_sources: dict[tuple, tuple] = {}


def dictionary_sources(root: Path, docs: Path):
    """The glossary and official terms, and the policy titles; read again only when a file changed
    (each language's build runs on_config, and parsing every policy page's front matter is slow)."""
    data = root / "data"
    files = [data / "glossary.yml", data / "terms.yml", *sorted((docs / _state.DEFAULT_LANGUAGE / "policies").glob("*.md"))]
    key = tuple((str(f), f.stat().st_mtime_ns) for f in files)
    if key not in _sources:
        _sources.clear()
        _sources[key] = _read_sources(root, docs)
    return _sources[key]


def _read_sources(root: Path, docs: Path):
    data = root / "data"
    glossary = [t.term for t in load_glossary(data / "glossary.yml")]
    terms = [row["zh"] for row in load_yaml(data / "terms.yml", "data/terms.yml") or []]
    policies = CatalogReader(docs / _state.DEFAULT_LANGUAGE, data, root).read_policies()
    titles = [title for policy in policies.values() for title in policy.titles]
    return [glossary, terms], titles


def on_files(files, config):
    if search_plugin(config) is None:
        return files
    for file in [f for f in files if UNUSED.match(f.src_uri)]:
        files.remove(file)
    return files


def on_pre_build(config):
    records[_state.language(config)] = []


def measures_on(source: str, lang: str, catalog):
    """The measures built into a page: an English page carries the measures of its Chinese source."""
    by_page = catalog.by_page if lang == _state.DEFAULT_LANGUAGE else catalog.by_page_en
    return by_page.get(source, [])


def on_page_content(html, page, config, files):
    """Index no text twice: a measure's text goes into its own record, not into its section's; the
    measure tables (excerpts of the same text, on the measure indexes and the policy pages), the
    policy index's tables (each policy is a record of its own) and
    the translation notice of every English page are not indexed. Those pages are still found by
    their headings, notes and policy titles."""
    if search_plugin(config) is None:
        return html
    source = _state.source_page(page)
    html = NOTICE.sub(r"\g<0> data-search-ignore", html)
    html = MEASURE_TABLE.sub(r"\g<0> data-search-ignore", html)
    everywhere = (source.startswith("measures/") or source == POLICY_INDEX) and source not in INDEXED_TABLES
    html = TABLE.sub(lambda t: ignored(t.group(0)) if everywhere else t.group(0), html)
    ids = {m.id for m in measures_on(source, _state.language(config), _state.catalog(config))}
    if ids:
        html = MEASURE_SPAN.sub(lambda m: m.group(0) + " data-search-ignore" if m.group(1) in ids else m.group(0), html)
    return html


def ignored(element: str) -> str:
    """The element with data-search-ignore (it and what it holds are not indexed)."""
    tag = re.match(r"<\w+", element).group(0)
    return f"{tag} data-search-ignore{element[len(tag):]}"


@event_priority(50)  # before the search plugin's on_page_context: it indexes nothing
def on_page_context(context, page, config, nav):
    if search_plugin(config) is None:
        return context
    search = page.meta.get("search") or {}
    page.meta["site_search"] = not search.get("exclude")
    page.meta["search"] = {**search, "exclude": True}
    context["site_search"] = search_context(_state.language(config))
    return context


def on_template_context(context, template_name, config):
    """404.html is a template, not a page: its search is the default language's."""
    if search_plugin(config) is not None:
        context["site_search"] = search_context(_state.DEFAULT_LANGUAGE)
    return context


def search_context(lang: str) -> dict:
    """What overrides/partials/search.html needs: the language's index folder and the engine, as
    paths from the site root (the template's url filter makes them relative to the page)."""
    prefix = "" if lang == _state.DEFAULT_LANGUAGE else f"{lang}/"
    return {"index": f"{prefix}{FOLDER}/", "engine": ENGINE}


def on_post_page(output, page, config):
    """The page's records: its measures and sections, or its policy."""
    if search_plugin(config) is None or not page.meta.get("site_search"):
        return output
    lang = _state.language(config)
    source = _state.source_page(page)
    catalog = _state.catalog(config)
    url = relative_url(page.url, lang)
    title = page.title or ""
    policy = next((p for p in catalog.policies.values() if p.page == source), None)
    if policy is not None:
        records[lang].append(policy_record(policy, url, title, lang))
        return output
    text_lang = _state.language_of(page)
    year = page.meta.get("report") if isinstance(page.meta.get("report"), int) else None
    kind = "glossary" if source == GLOSSARY else "page"
    records[lang] += page_records(output, url, title, kind, year, page.meta.get("area") or "")
    records[lang] += [measure_record(m, catalog, url, title, text_lang) for m in measures_on(source, lang, catalog)]
    return output


def relative_url(url: str, lang: str) -> str:
    """A page's URL relative to its language's root: en/reports/ → reports/."""
    return url.removeprefix(f"{lang}/") if lang != _state.DEFAULT_LANGUAGE else url


@event_priority(-150)  # after static-i18n and Material's search plugin: once, for every language
def _write_indexes(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # inside static-i18n's build of another language; the outer build writes
    if search_plugin(config) is None:
        return
    site = Path(config.site_dir)
    for lang, found in records.items():
        root = site / ("" if lang == _state.DEFAULT_LANGUAGE else lang)
        catalog = _state.catalogs[lang]
        files = build_index(found, lang, words, catalog, short_kind_names(catalog, lang))
        folder = root / FOLDER
        staging = root / f".{FOLDER}-new"
        shutil.rmtree(staging, ignore_errors=True)
        for path, text in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    records.clear()


on_post_build = _write_indexes
