"""The site's search data: the Pagefind records of a language, and the words a result marks whole.

Plain functions over plain data; hooks/search_index.py connects them to the build and to Pagefind
(the `pagefind` package's Python API), and overrides/…/workers/site-search.js reads what they make.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

from .model import Catalog, Measure
from .render import plain

# The Chinese runs of a text (\p{script=Han}).
HAN_RUN = re.compile("[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
                     "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00020000-\U0003134f]+")
# The headings' permalinks (¶) and the "edit this page" button: not indexed.
UNINDEXED_LINK = re.compile(r'<a(?=\s[^>]*class="(?:headerlink|md-content__button)\b)')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def dictionary_words(*terms: Iterable[str], titles: Iterable[str] = ()) -> list[str]:
    """The words a search result marks whole: the runs of two or more Chinese characters of the
    given terms and policy titles (a query for 公职律 marks 公职律师 in the results).

    双随机、一公开 gives 双随机 and 一公开, and 法治中国建设规划(2020-2025年) gives 法治中国建设规划.
    A title that quotes another gives only the quoted one: of 自治区实施〈优化营商环境条例〉办法,
    优化营商环境条例 (自治区实施 and 办法 are not words).
    """
    return sorted({word for source in (*terms, titles) for term in source for word in title_words(term or "")})


def title_words(title: str) -> list[str]:
    """The Chinese runs of a term or title (of two or more characters); of a title that quotes
    another in 〈〉, those of the quoted title."""
    quoted = re.findall(r"〈([^〈〉]*)〉", title)
    if quoted:
        return [word for inner in quoted for word in title_words(inner)]
    return [run for run in HAN_RUN.findall(title) if len(run) >= 2]


def measure_title(measure: Measure, catalog: Catalog, lang: str) -> str:
    """The measure ID and its area, as the tag beside the measure on the page shows them."""
    area = catalog.areas.get(measure.area)
    name = ""
    if area:
        name = (area.short_zh or area.name_zh) if lang == "zh" else (area.short_en or area.name_en)
    return f"{measure.id} {name}".strip()


def measure_record(measure: Measure, catalog: Catalog, page_url: str, page_title: str, lang: str,
                   text_lang: str) -> dict:
    """A Pagefind record for one measure, linking to its anchor on the page it was built into.

    ``page_url`` is relative to the language's root (its Pagefind bundle's site); ``lang`` is the
    language of the index, ``text_lang`` that of the text on the page (an English page that is not
    translated yet shows the Chinese text). Meta: the result's title (ID + area) and its page's title.
    """
    text = plain(measure.text_en) if text_lang == "en" and measure.text_en else measure.text  # no raw Markdown
    return {
        "url": f"/{page_url}#{measure.anchor}",
        "content": text,
        "language": lang,
        "meta": {"title": measure_title(measure, catalog, text_lang), "page": page_title},
    }


def record_document(record: dict) -> str:
    """A measure record as the document Pagefind's indexer reads: the text is indexed; the meta
    (title, page, and the record's own URL as "location": Pagefind would give the file's) is not."""
    metas = {**record["meta"], "location": record["url"]}
    spans = "".join(f'<span data-pagefind-meta="{html.escape(key)}:{html.escape(value)}"></span>'
                    for key, value in metas.items())
    return (f'<!DOCTYPE html><html lang="{record["language"]}"><head><meta charset="utf-8"></head>'
            f"<body>{spans}<p>{html.escape(record['content'], quote=False)}</p></body></html>")


def page_document(page_html: str, lang: str, rank: float | None = None) -> str | None:
    """What Pagefind indexes of a built page: its article (Material's header, navigation and footer
    left out), as a document in the index's language; None for a page without an article.
    ``rank`` below 1 lists the page after the others that match as well (site-search.js)."""
    found = ARTICLE.search(page_html)
    if found is None:
        return None
    meta = f'<span data-pagefind-meta="rank:{rank}"></span>' if rank is not None else ""
    article = UNINDEXED_LINK.sub(r"\g<0> data-pagefind-ignore", found.group(1))
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head><body>{meta}{article}</body></html>'


def placeholder_index(lang: str, separator: str, words: list[str]) -> str:
    """search/search_index.json: what Material's JavaScript fetches on every page and posts to the
    search worker. No documents (the worker answers from Pagefind's bundle): the language, the
    separator Material's highlighter on the opened page needs (`?h=`), and the dictionary words."""
    config = {"lang": [lang], "separator": separator, "pipeline": [], "words": words}
    return json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))

