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

import logging
import re
import shutil
import threading
from functools import partial
from pathlib import Path

from mkdocs.plugins import event_priority

from annual_report.rendering.strings import Strings
from annual_report.search import Record, build_index, dictionary_words, measure_record, page_records, policy_record
from site_build.build import DEFAULT_LANGUAGE, Build, events_of, kept, language_of, source_page

log = logging.getLogger("mkdocs.hooks.search")
FOLDER = "search"  # the index's folder in each language's root
ENGINE = "assets/javascripts/site-search.js"
MEASURE_SPAN = re.compile(r'<span class="measure"(?: id="[^"]*")? data-measure="([^"]+)"')
TABLE = re.compile(r"<table(?=[\s>]).*?</table>", re.S)
# The translation notice that opens every English page (hooks/translation_notice.py).
NOTICE = re.compile(r'<div class="[^"]*\btranslation-(?:notice|missing)\b[^"]*"')
INDEXED_TABLES = {"measures/figures.md"}  # the figures and their sentences: a search for 60.82万元 finds them
POLICY_INDEX = "policies/index.md"  # its tables list the policies, each a record of its own
GLOSSARY = "glossary.md"  # its sections are terms: results of their own, listed after the others
# Material's files that no page loads once its search is replaced: lunr and its language files, its
# search worker, and the source maps of its bundles (about 2 MB).
UNUSED = re.compile(r"^assets/javascripts/(?:lunr/.*|workers/search\.[^/]*)$|^assets/.*\.map$")

def search_plugin(config):
    """Material's search plugin, when it is on."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return plugin if plugin is not None and plugin.config.get("enabled", True) else None


class Search:
    def __init__(self):
        # lang -> page (src_uri) -> its records; in a preview kept from the last rebuild, which renders
        # only some pages again (hooks/preview.py)
        self.records: dict[str, dict[str, list[Record]]] = {}
        self.pages: dict[str, list[str]] = {}  # lang -> the pages of this build, in build order
        self.words: list[str] = []  # the dictionary words (annual_report.search.dictionary_words)

    def on_config(self, config):
        if search_plugin(config) is None:
            return
        catalog = Build.of(config).catalog
        titles = [title for policy in catalog.policies.values() for title in policy.titles]
        self.words = dictionary_words([t.term for t in catalog.glossary], [row["zh"] for row in catalog.terms],
                                      titles=titles)

    def on_pre_build(self, config):
        build = Build.of(config)
        self.records[build.language] = kept("search-records").setdefault(build.language, {}) if build.serving else {}

    def on_files(self, files, config):
        if search_plugin(config) is None:
            return files
        for file in [f for f in files if UNUSED.match(f.src_uri)]:
            files.remove(file)
        return files

    @event_priority(-150)  # the language's pages as mkdocs-static-i18n leaves them
    def on_nav(self, nav, config, files):
        self.pages[Build.of(config).language] = [f.src_uri for f in files.documentation_pages()]
        return nav

    def on_page_content(self, html, page, config, files):
        """Index no text twice: a measure's text goes into its own record, not into its section's;
        the measure tables (excerpts of the same text, on the measure indexes and the policy pages),
        the policy index's tables (each policy is a record of its own) and the translation notice of
        every English page are not indexed. Those pages are still found by their headings, notes and
        policy titles."""
        if search_plugin(config) is None:
            return html
        build = Build.of(config)
        source = source_page(page)
        html = NOTICE.sub(r"\g<0> data-search-ignore", html)
        everywhere = (source.startswith("measures/") or source == POLICY_INDEX) and source not in INDEXED_TABLES
        html = TABLE.sub(lambda t: ignored(t.group(0)) if everywhere else t.group(0), html)
        ids = {m.id for m in measures_on(source, build.language, build.catalog)}
        if ids:
            html = MEASURE_SPAN.sub(lambda m: m.group(0) + " data-search-ignore" if m.group(1) in ids else m.group(0), html)
        return html

    @event_priority(50)  # before the search plugin's on_page_context: it indexes nothing
    def on_page_context(self, context, page, config, nav):
        if search_plugin(config) is None:
            return context
        search = page.meta.get("search") or {}
        page.meta["site_search"] = not search.get("exclude")
        page.meta["search"] = {**search, "exclude": True}
        context["site_search"] = search_context(Build.of(config).language)
        return context

    def on_template_context(self, context, template_name, config):
        """404.html is a template, not a page: its search is the default language's."""
        if search_plugin(config) is not None:
            context["site_search"] = search_context(DEFAULT_LANGUAGE)
        return context

    def on_post_page(self, output, page, config):
        """The page's records: its measures and sections, or its policy."""
        if search_plugin(config) is None or not page.meta.get("site_search"):
            return output
        build = Build.of(config)
        lang, catalog, source = build.language, build.catalog, source_page(page)
        url = relative_url(page.url, lang)
        title = page.title or ""
        policy = next((p for p in catalog.policies.values() if p.page == source), None)
        if policy is not None:
            found = [policy_record(policy, url, title, Strings.of(catalog, lang))]
        else:
            year = page.meta.get("report") if isinstance(page.meta.get("report"), int) else None
            kind = "glossary" if source == GLOSSARY else "page"
            found = page_records(output, url, title, kind, year, page.meta.get("area") or "")
            found += [measure_record(m, catalog, url, title, language_of(page)) for m in measures_on(source, lang, catalog)]
        self.records[lang][page.file.src_uri] = found
        return output

    @event_priority(-150)  # after static-i18n and Material's search plugin: once, for every language
    def on_post_build(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # inside static-i18n's build of another language; the outer build writes
        if search_plugin(config) is None:
            return
        build = Build.of(config)
        site, indexes = Path(config.site_dir), []
        for lang, by_page in self.records.items():
            root = site / ("" if lang == DEFAULT_LANGUAGE else lang)
            found = [record for page in self.pages.get(lang, []) for record in by_page.get(page, [])]
            for gone in set(by_page) - set(self.pages.get(lang, [])):  # in a preview: a page deleted since
                del by_page[gone]
            indexes.append((root, found, lang))
        write = partial(write_indexes, indexes, self.words, build.catalog)
        if not build.serving:
            write()
            return
        # A preview shows the rebuilt page at once; its search catches up a moment later.
        writer = kept("search").get("writer")
        if writer is not None:
            writer.join()
        kept("search")["writer"] = threading.Thread(target=write, name="search index", daemon=True)
        kept("search")["writer"].start()


def write_indexes(indexes, words, catalog) -> None:
    for root, found, lang in indexes:
        write_folder(root, FOLDER, build_index(found, words, catalog, Strings.of(catalog, lang)))
    log.info("Search index written: %s", ", ".join(lang for _, _, lang in indexes))


def write_folder(root: Path, name: str, files: dict[str, str]) -> None:
    """Replace root/name with the files, so that no reader ever sees half an index."""
    folder, staging = root / name, root / f".{name}-new"
    shutil.rmtree(staging, ignore_errors=True)
    for path, text in files.items():
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def measures_on(source: str, lang: str, catalog):
    """The measures built into a page: an English page carries the measures of its Chinese source."""
    by_page = catalog.by_page if lang == DEFAULT_LANGUAGE else catalog.by_page_en
    return by_page.get(source, [])


def ignored(element: str) -> str:
    """The element with data-search-ignore (it and what it holds are not indexed)."""
    tag = re.match(r"<\w+", element).group(0)
    return f"{tag} data-search-ignore{element[len(tag):]}"


def search_context(lang: str) -> dict:
    """What overrides/partials/search.html needs: the language's index folder and the engine, as
    paths from the site root (the template's url filter makes them relative to the page)."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return {"index": f"{prefix}{FOLDER}/", "engine": ENGINE}


def relative_url(url: str, lang: str) -> str:
    """A page's URL relative to its language's root: en/reports/ → reports/."""
    return url.removeprefix(f"{lang}/") if lang != DEFAULT_LANGUAGE else url


globals().update(events_of(Search()))
