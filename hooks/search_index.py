"""Search as a reader uses it: Pagefind's chunked index behind Material's search box, one index per
language, a result per measure.

- **Pagefind.** Each language's pages are indexed by Pagefind (the `pagefind[extended]` package: its
  binary segments Chinese) into a bundle of small files: site/pagefind/ (zh) and site/en/pagefind/
  (en). A query downloads only the index chunks of its words and the fragments of the results it
  shows, not the whole site's text (bench/run.py). The bundle is written at the end of `mkdocs build`
  (and of every `mkdocs serve` rebuild); nothing else is needed.
- **What is indexed.** A page's article only (Material's header, navigation and footer are left out),
  without the ¶ of its headings. Each measure is a record of its own (URL page/#m-<id>, title ID +
  area, content the measure's text), so that Material lists it as a result that links to the measure.
  No text is indexed twice: the measure spans, the measure tables (excerpts) and the translation
  notice are left out of their page (`data-pagefind-ignore`). The glossary ranks after the pages that
  match as well (meta "rank"), so that a search for 公职律师 lists the measures before its definition.
  A page with `search: exclude: true` (the one-page report) is not indexed.
- **Material's search box.** Material's search plugin stays on for its search box and result list,
  but indexes nothing (every page is excluded from it here): search/search_index.json, which
  Material's JavaScript fetches on every page and posts to the search worker, holds no documents,
  only the language, the separator its highlighter needs for `?h=`, and the dictionary words (the
  glossary's and data/terms.yml's Chinese terms, policy titles), which a result marks whole.
  On /en/ pages `base` in __config is set to /en/, so that Material fetches en/search/… and
  resolves result links against /en/.
- **The worker.** assets/javascripts/workers/site-search.js (overrides/) speaks Material's worker
  protocol (SETUP, READY, QUERY, RESULT) and answers from Pagefind, which it imports (pagefind.js is
  an ES module; import() works in Material's classic worker). __config.search points to it, with
  the path of the language's bundle relative to it.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import _state
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from annual_report.catalog import CatalogReader
from annual_report.datafiles import load_yaml
from annual_report.errors import ContentError
from annual_report.glossary import load_glossary
from annual_report.render import HEADERS
from annual_report.search import (dictionary_words, measure_record, page_document, placeholder_index,
                                  record_document)

WORKER = "assets/javascripts/workers/site-search.js"
BUNDLE = "pagefind"  # the bundle's folder in each language's root
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
MEASURE_SPAN = re.compile(r'<span class="measure"(?: id="[^"]*")? data-measure="([^"]+)"')
TABLE = re.compile(r"<table(?=[\s>]).*?</table>", re.S)
FIRST_HEADER = re.compile(r"<thead>\s*<tr>\s*<th[^>]*>([^<]*)</th>")
ID_HEADERS = {headers[0] for headers in HEADERS.values()}  # 编号 / ID: render.table's measure tables
# The translation notice that opens every English page (hooks/translation_notice.py).
NOTICE = re.compile(r'<div class="[^"]*\btranslation-(?:notice|missing)\b[^"]*"')
INDEXED_TABLES = {"measures/figures.md"}  # the figures and their sentences: a search for 60.82万元 finds them
MEASURES = "_measures"  # where the measure records' documents go in the temporary site (their meta gives their URL)
# The glossary's headings are the terms themselves: it ranks after the pages that match as well.
RANKS = {"glossary.md": 0.0001}
# Pagefind's files that this site does not use (its own UIs): not copied into the site.
UNUSED = re.compile(r"^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$")

documents: dict[str, dict[str, str]] = {}  # lang -> page URL (relative to the language root) -> document
records: dict[str, list[dict]] = {}  # lang -> measure records
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


def on_pre_build(config):
    lang = _state.language(config)
    documents[lang] = {}
    records[lang] = []


def measures_on(source: str, lang: str, catalog):
    """The measures built into a page: an English page carries the measures of its Chinese source."""
    by_page = catalog.by_page if lang == _state.DEFAULT_LANGUAGE else catalog.by_page_en
    return by_page.get(source, [])


def on_page_content(html, page, config, files):
    """Index no text twice: a measure's text goes into its own record, not into its section's; the
    measure tables (excerpts of the same text, on the measure indexes and the policy pages) and
    the translation notice of every English page are not indexed. Those pages are still found by
    their headings, notes and policy titles."""
    if search_plugin(config) is None:
        return html
    source = _state.source_page(page)
    html = NOTICE.sub(r"\g<0> data-pagefind-ignore", html)
    everywhere = source.startswith("measures/") and source not in INDEXED_TABLES
    html = TABLE.sub(lambda t: ignored(t.group(0)) if everywhere or is_measure_table(t.group(0)) else t.group(0), html)
    ids = {m.id for m in measures_on(source, _state.language(config), _state.catalog(config))}
    if ids:
        html = MEASURE_SPAN.sub(lambda m: m.group(0) + " data-pagefind-ignore" if m.group(1) in ids else m.group(0), html)
    return html


def is_measure_table(table: str) -> bool:
    found = FIRST_HEADER.search(table)
    return found is not None and found.group(1).strip() in ID_HEADERS


def ignored(element: str) -> str:
    """The element with data-pagefind-ignore (Pagefind leaves it and what it holds out)."""
    tag = re.match(r"<\w+", element).group(0)
    return f"{tag} data-pagefind-ignore{element[len(tag):]}"


@event_priority(50)  # before the search plugin's on_page_context: it indexes nothing
def on_page_context(context, page, config, nav):
    if search_plugin(config) is None:
        return context
    search = page.meta.get("search") or {}
    page.meta["pagefind"] = not search.get("exclude")
    page.meta["search"] = {**search, "exclude": True}
    return context


def on_post_page(output, page, config):
    """Keep the page's article for Pagefind; point Material's JavaScript at this language's
    placeholder index and at the site's search worker."""
    if search_plugin(config) is None:
        return output
    lang = _state.language(config)
    source = _state.source_page(page)
    if page.meta.get("pagefind"):
        document = page_document(output, lang, RANKS.get(source))
        if document is not None:
            url = relative_url(page.url, lang)
            documents[lang][url] = document
            catalog = _state.catalog(config)
            text_lang = _state.language_of(page)
            records[lang] += [measure_record(m, catalog, url, page.title or "", lang, text_lang)
                              for m in measures_on(source, lang, catalog)]
    here = page.url[:-1] if page.url.endswith("/") else posixpath.dirname(page.url)
    base = posixpath.relpath(lang, here or ".") + "/" if lang != _state.DEFAULT_LANGUAGE else None
    return with_search_config(output, config, base, lang, page.file.src_uri)


def relative_url(url: str, lang: str) -> str:
    """A page's URL relative to its language's root: en/reports/ → reports/."""
    return url.removeprefix(f"{lang}/") if lang != _state.DEFAULT_LANGUAGE else url


def on_post_template(output_content, template_name, config):
    """404.html is a template, not a page: it keeps its base (the site root) and gets the worker."""
    if template_name == "404.html" and search_plugin(config) and CONFIG_SCRIPT.search(output_content):
        return with_search_config(output_content, config, None, _state.DEFAULT_LANGUAGE, template_name)
    return output_content


def with_search_config(output: str, config, base: str | None, lang: str, where: str) -> str:
    found = CONFIG_SCRIPT.search(output)
    if found is None:
        raise PluginError(f"search index: no __config script in {where}; has Material changed?")
    settings = json.loads(found.group(2))
    folder = posixpath.dirname(settings["search"])
    settings["search"] = f"{folder}/{posixpath.basename(WORKER)}?bundle={bundle_from_worker(lang)}&v={worker_version(config)}"
    if base is not None:
        settings["base"] = base
    return output[:found.start(2)] + html_safe_json(settings) + output[found.end(2):]


def bundle_from_worker(lang: str) -> str:
    """The language's Pagefind bundle, relative to the worker (assets/javascripts/workers/)."""
    prefix = "" if lang == _state.DEFAULT_LANGUAGE else f"{lang}/"
    return posixpath.relpath(f"{prefix}{BUNDLE}", posixpath.dirname(WORKER)) + "/"


def html_safe_json(value) -> str:
    """JSON that can stand inside <script>, escaped as Jinja's tojson (which Material uses) does."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


_worker_versions: dict[str, str] = {}


def worker_version(config) -> str:
    """A short hash of the worker script, so that browsers fetch it anew when it changes."""
    path = _state.project_root(config) / "overrides" / WORKER
    if str(path) not in _worker_versions:
        _worker_versions[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    return _worker_versions[str(path)]


@event_priority(-150)  # after static-i18n wrote its merged index: one bundle and placeholder per language
def _write_indexes(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # inside static-i18n's build of another language; the outer build writes
    plugin = search_plugin(config)
    if plugin is None:
        return
    site = Path(config.site_dir)
    runs = []
    for lang in list(documents):
        root = site / ("" if lang == _state.DEFAULT_LANGUAGE else lang)
        path = root / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(placeholder_index(lang, plugin.config.separator, words), "utf-8")
        runs.append(PagefindRun(root / BUNDLE, lang, documents[lang], records[lang]))
    documents.clear()
    records.clear()
    for run in runs:  # the languages are indexed side by side: Pagefind uses about one core each
        run.finish()


class PagefindRun:
    """Pagefind's binary (pagefind_bin_extended) indexing a language's pages and measure records into
    ``out``: started on creation, waited for by finish(). The documents are written to a temporary
    site first: the binary indexes it in a fraction of a second, where the package's Python service
    takes ~0.1 s a request.
    """

    def __init__(self, out: Path, lang: str, pages: dict[str, str], measures: list[dict]):
        from pagefind_bin_extended import get_executable

        self.out, self.lang = out, lang
        self.staging = out.with_name(f".{BUNDLE}-new")
        shutil.rmtree(self.staging, ignore_errors=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f"pagefind-{lang}-"))
        for url, document in pages.items():
            write_document(self.tmp / url / "index.html", document)
        for record in measures:
            write_document(self.tmp / MEASURES / record["url"].rsplit("#m-", 1)[1] / "index.html", record_document(record))
        self.process = subprocess.Popen(
            [str(get_executable()), "--site", str(self.tmp), "--output-path", str(self.staging), "--force-language", lang,
             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def finish(self) -> None:
        stdout, stderr = self.process.communicate()
        shutil.rmtree(self.tmp, ignore_errors=True)
        if self.process.returncode != 0:
            raise PluginError(f"Pagefind ({self.lang}) failed:\n{stdout}{stderr}")
        for unused in [p for p in self.staging.iterdir() if UNUSED.match(p.name)]:
            unused.unlink()
        shutil.rmtree(self.out, ignore_errors=True)
        self.staging.rename(self.out)


def write_document(path: Path, document: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document, "utf-8")


on_post_build = _write_indexes
