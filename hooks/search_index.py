"""Search as a reader uses it: whole terms, one result per measure, one index per language.

- **Dictionary.** Glossary terms, the zh terms of data/terms.yml and policy titles and aliases are
  written as jieba's user dictionary at every build (from the data; nothing generated is committed:
  .cache/search/, ignored by git) and handed to Material's search plugin by absolute path
  (`jieba_dict_user` is resolved against the working directory otherwise), so 公职律师, 两客一危 and
  放管服 are indexed as one word each. Each entry also gets a field "parts", searched and not shown:
  the words inside those terms (律师 finds 公职律师) and the terms jieba cut apart in context.
- **Measures.** Each measure gets an entry of its own (location page/#m-<id>, title ID + area, text
  the measure's text), right after its page's entry, so that Material lists it as a result that
  links to the measure. No text is indexed twice: the measure spans, the measure tables (excerpts)
  and the translation notice are excluded (`data-search-exclude`, which the search plugin strips).
  The glossary is boosted down so that the measures come before a term's definition.
- **One index per language.** mkdocs-static-i18n merges both languages into one index, whose
  languages' pipelines mix; each language gets its own instead: site/search/search_index.json (zh)
  and site/en/search/search_index.json (en). Material's JavaScript fetches the index and resolves
  result links against `base` in the page's __config, which on /en/ pages is set to /en/ here.
  The English pipeline has no stemmer: Material appends * to every query word, and lunr does not
  stem wildcard words, so a stemmed index never matches "Chinese" (indexed as "chines").
- **The worker.** Material cuts a Chinese query by the words of the index, but its cut never
  takes the query's last character into a word and falls back to the shortest prefix, so
  公职律师 was searched and highlighted as 公职 (squidfunk/mkdocs-material#3990).
  assets/javascripts/workers/site-search.js (overrides/) runs Material's worker unchanged and
  cuts the query first, longest index word first; it also searches an English word with the words
  of the index that share its stem ("decisions" finds "decision"). __config.search points to it.
- Indexes are written as UTF-8 (a Chinese character is 3 bytes, not a 6-byte \\uXXXX escape).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

import _state
import jieba
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from annual_report.catalog import CatalogReader
from annual_report.errors import ContentError
from annual_report.glossary import load_glossary
from annual_report.render import HEADERS
from annual_report.search import (dictionary_words, index_json, measure_entry, relocated, sub_words,
                                  user_dictionary, with_measures, with_parts, words_pattern)

WORKER = "assets/javascripts/workers/site-search.js"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
MEASURE_SPAN = re.compile(r'<span class="measure"(?: id="[^"]*")? data-measure="([^"]+)"')
TABLE = re.compile(r"<table(?=[\s>]).*?</table>", re.S)
FIRST_HEADER = re.compile(r"<thead>\s*<tr>\s*<th[^>]*>([^<]*)</th>")
ID_HEADERS = {headers[0] for headers in HEADERS.values()}  # 编号 / ID: render.table's measure tables
# The translation notice that opens every English page (hooks/translation_notice.py).
NOTICE = re.compile(r'<div class="[^"]*\btranslation-(?:notice|missing)\b[^"]*"')
INDEXED_TABLES = {"measures/figures.md"}  # the figures and their sentences: a search for 60.82万元 finds them
# Per language of the search index: what Material's JavaScript is told about it.
PIPELINES = {"zh": ["stemmer"], "en": ["stopWordFilter"]}  # zh's "stemmer" is lunr.zh's identity
PARTS_FIELD = {"boost": 1.0}  # the words inside dictionary words weigh as the text does
# The glossary's headings are the terms themselves, and a title match weighs 1000 times a text
# match: boosted down, a search for 公职律师 lists the measures that mention it before its definition.
BOOSTS = {"glossary.md": 1e-4}

pages: dict[str, dict[str, tuple[str, str]]] = {}  # lang -> source page -> (url, language of its text)
indexes: dict[str, list[dict]] = {}  # lang -> entries of that language's build, measures added
parts: dict[str, list[str]] = {}  # dictionary word -> the words inside it (公职律师 -> 公职, 律师)
spanning: list[re.Pattern] = []  # finds the dictionary words in a text (annual_report.search.words_pattern)


def search_plugin(config):
    """Material's search plugin, when it is on."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return plugin if plugin is not None and plugin.config.get("enabled", True) else None


@event_priority(50)  # before the search plugin's on_config, which loads the dictionary
def on_config(config):
    plugin = search_plugin(config)
    if plugin is None:
        return
    root = _state.project_root(config)
    path = root / ".cache" / "search" / "jieba-user-dict.txt"
    try:
        terms, titles = dictionary_sources(root, _state.docs_root(config))
        words = dictionary_words(*terms, titles=titles)
    except ContentError as err:
        raise PluginError(str(err)) from None
    text = user_dictionary(words)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")
    plugin.config.jieba_dict_user = str(path)
    # The words inside each dictionary word, from jieba's own dictionary and ours (the same on every
    # build: a user word counts whether or not jieba has loaded it yet).
    jieba.initialize()
    known = set(words)
    spanning[:] = [words_pattern(words)]
    parts.clear()
    for word in words:
        inside = sub_words(word, lambda w: w in known or (jieba.get_FREQ(w) or 0) > 0)
        if inside:
            parts[word] = inside


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
    terms = [row["zh"] for row in yaml.safe_load((data / "terms.yml").read_text("utf-8")) or []]
    policies = CatalogReader(docs / _state.DEFAULT_LANGUAGE, data, root).read_policies()
    titles = [title for policy in policies.values() for title in policy.titles]
    return [glossary, terms], titles


def on_pre_build(config):
    lang = _state.language(config)
    pages[lang] = {}
    indexes.pop(lang, None)


def measures_on(source: str, lang: str, catalog):
    """The measures built into a page: an English page carries the measures of its Chinese source."""
    by_page = catalog.by_page if lang == _state.DEFAULT_LANGUAGE else catalog.by_page_en
    return by_page.get(source, [])


def on_page_content(html, page, config, files):
    """Index no text twice: a measure's text goes into its own entry, not into its section's; the
    measure tables (excerpts of the same text, on the measure indexes and the policy pages) and
    the translation notice of every English page are not indexed. Those pages are still found by
    their headings, notes and policy titles."""
    if search_plugin(config) is None:
        return html
    source = _state.source_page(page)
    html = NOTICE.sub(r'\g<0> data-search-exclude="notice"', html)
    everywhere = source.startswith("measures/") and source not in INDEXED_TABLES
    html = TABLE.sub(lambda t: exclude(t.group(0), "repeated") if everywhere or is_measure_table(t.group(0)) else t.group(0),
                     html)
    ids = {m.id for m in measures_on(source, _state.language(config), _state.catalog(config))}
    if ids:
        html = MEASURE_SPAN.sub(lambda m: m.group(0) + ' data-search-exclude="measure"' if m.group(1) in ids else m.group(0),
                                html)
    return html


def is_measure_table(table: str) -> bool:
    found = FIRST_HEADER.search(table)
    return found is not None and found.group(1).strip() in ID_HEADERS


def exclude(element: str, why: str) -> str:
    """The element with data-search-exclude (which the search plugin removes after indexing)."""
    tag = re.match(r"<\w+", element).group(0)
    return f'{tag} data-search-exclude="{why}"{element[len(tag):]}'


def on_page_context(context, page, config, nav):
    pages[_state.language(config)][_state.source_page(page)] = (page.url, _state.language_of(page))
    return context


@event_priority(-50)  # after the search plugin collected the entries, before static-i18n merges them
def _collect_index(config):
    plugin = search_plugin(config)
    if plugin is None:
        return
    lang = _state.language(config)
    catalog = _state.catalog(config)
    segment = plugin.search_index._segment_chinese  # the plugin's own cut, so both cut alike
    measures: dict[str, list[dict]] = {}
    for source, (url, text_lang) in pages[lang].items():
        for m in measures_on(source, lang, catalog):
            measures.setdefault(url, []).append(measure_entry(m, catalog, url, text_lang, segment))
    try:
        entries = with_measures(list(plugin.search_index.entries), measures)
    except ValueError as err:
        raise PluginError(f"search index ({lang}): {err}") from None
    demoted = {pages[lang][source][0]: boost for source, boost in BOOSTS.items() if source in pages[lang]}
    indexes[lang] = [with_parts(with_boost(entry, demoted), parts, spanning[0]) for entry in entries]


def with_boost(entry: dict, boosts: dict[str, float]) -> dict:
    boost = boosts.get(entry["location"].split("#")[0])
    return entry if boost is None else {**entry, "boost": boost}


@event_priority(-150)  # after static-i18n wrote its merged index: replace it with one per language
def _write_indexes(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # inside static-i18n's build of another language; the outer build writes
    plugin = search_plugin(config)
    if plugin is None:
        return
    site = Path(config.site_dir)
    for lang, entries in indexes.items():
        prefix = "" if lang == _state.DEFAULT_LANGUAGE else f"{lang}/"
        settings = {
            "lang": [lang],
            "separator": plugin.config.separator,
            "pipeline": PIPELINES.get(lang, []),
            "fields": {**plugin.config.fields, "parts": PARTS_FIELD},
        }
        path = site / prefix / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(index_json(settings, relocated(entries, prefix)), "utf-8")


def on_post_page(output, page, config):
    """Point Material's JavaScript at this language's index and at the site's search worker."""
    if search_plugin(config) is None:
        return output
    lang = _state.language(config)
    here = page.url[:-1] if page.url.endswith("/") else posixpath.dirname(page.url)
    base = posixpath.relpath(lang, here or ".") + "/" if lang != _state.DEFAULT_LANGUAGE else None
    return with_search_config(output, config, base, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """404.html is a template, not a page: it keeps its base (the site root) and gets the worker."""
    if template_name == "404.html" and search_plugin(config) and CONFIG_SCRIPT.search(output_content):
        return with_search_config(output_content, config, None, template_name)
    return output_content


def with_search_config(output: str, config, base: str | None, where: str) -> str:
    found = CONFIG_SCRIPT.search(output)
    if found is None:
        raise PluginError(f"search index: no __config script in {where}; has Material changed?")
    settings = json.loads(found.group(2))
    folder, material_worker = posixpath.split(settings["search"])
    settings["search"] = f"{folder}/{posixpath.basename(WORKER)}?material={material_worker}&v={worker_version(config)}"
    if base is not None:
        settings["base"] = base
    return output[:found.start(2)] + html_safe_json(settings) + output[found.end(2):]


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


on_post_build = CombinedEvent(_collect_index, _write_indexes)
