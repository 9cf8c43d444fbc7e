"""The site's search index data: the words jieba must keep whole, and one entry per measure.

Plain functions over plain data; hooks/search_index.py connects them to Material's search plugin.
Entries have Material's shape: {"location", "title", "text"}, text and title as Material writes
them (HTML-escaped, Chinese cut into words by jieba and joined with U+200B).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable

from .model import Catalog, Measure

# The Chinese runs of a text, as Material's search plugin segments them (\p{script=Han}).
HAN_RUN = re.compile("[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
                     "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00020000-\U0003134f]+")


def dictionary_words(*terms: Iterable[str], titles: Iterable[str] = ()) -> list[str]:
    """The words jieba must not cut: the runs of two or more Chinese characters of the given terms
    and policy titles.

    jieba only ever sees Chinese runs (Material segments nothing else), so 双随机、一公开 gives
    双随机 and 一公开, and 法治中国建设规划(2020-2025年) gives 法治中国建设规划. A title that quotes
    another gives only the quoted one: of 自治区实施〈优化营商环境条例〉办法, 优化营商环境条例
    (自治区实施 and 办法 are not words).
    """
    return sorted({word for source in (*terms, titles) for term in source for word in title_words(term or "")})


def title_words(title: str) -> list[str]:
    """The Chinese runs of a term or title (of two or more characters); of a title that quotes
    another in 〈〉, those of the quoted title."""
    quoted = re.findall(r"〈([^〈〉]*)〉", title)
    if quoted:
        return [word for inner in quoted for word in title_words(inner)]
    return [run for run in HAN_RUN.findall(title) if len(run) >= 2]


def user_dictionary(words: Iterable[str]) -> str:
    """jieba's user dictionary format: one word a line. With no frequency given, jieba computes
    one high enough that the word comes out whole (jieba.suggest_freq), against its own dictionary."""
    return "".join(f"{w}\n" for w in words)


def sub_words(word: str, is_word: Callable[[str], bool]) -> list[str]:
    """The words inside a dictionary word, so that a search for a part still finds the whole:
    公职律师 → 公职, 律师; 优化营商环境条例 → 优化, 营商, 营商环境, 环境, 条例 (as far as jieba knows them)."""
    n = len(word)
    found = {word[i:j] for i in range(n) for j in range(i + 2, n + 1) if j - i < n and is_word(word[i:j])}
    return sorted(found, key=lambda w: (word.index(w), -len(w)))


def with_parts(entry: dict, parts: dict[str, list[str]], spanning: re.Pattern | None = None) -> dict:
    """The entry with a field "parts": more words under which it is found, not shown.

    - the words inside the dictionary words it holds (公职律师 → 公职, 律师), so that a search
      for a part still finds the whole;
    - the dictionary words that jieba did not keep whole here because the text around them made
      another cut likelier (行政/执法人员 holds 行政执法), when they begin where a word begins —
      as Material matches a query word to the words it begins. ``spanning`` finds the dictionary
      words (see ``words_pattern``).

    Material's JavaScript indexes every field named in the index's config and shows only title and
    text. Words are those jieba wrote between U+200B.
    """
    found: dict[str, None] = {}
    for name in ("title", "text"):
        tokens = entry[name].split("\u200b")
        for token in tokens:
            found.update(dict.fromkeys(parts.get(token, ())))
        if spanning is not None:
            whole = set(tokens)
            plain, starts = "", set()
            for token in tokens:
                starts.add(len(plain))
                plain += token
            for match in spanning.finditer(plain):
                word = match.group(1)
                if match.start() in starts and word not in whole:
                    found[word] = None
    return {**entry, "parts": "\u200b".join(found)} if found else entry


def words_pattern(words: Iterable[str]) -> re.Pattern:
    """A pattern that finds every dictionary word in a text, overlapping ones too."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?=({alternatives}))")


def measure_title(measure: Measure, catalog: Catalog, lang: str) -> str:
    """The measure ID and its area, as the tag beside the measure on the page shows them."""
    area = catalog.areas.get(measure.area)
    name = ""
    if area:
        name = (area.short_zh or area.name_zh) if lang == "zh" else (area.short_en or area.name_en)
    return f"{measure.id} {name}".strip()


def measure_entry(measure: Measure, catalog: Catalog, page_url: str, lang: str,
                  segment: Callable[[str], str]) -> dict:
    """One search entry for one measure, linking to its anchor on the page it was built into.

    ``lang`` is the language of the text on that page (an English page that is not translated yet
    shows the Chinese text); ``segment`` cuts Chinese into words as the search plugin does.
    """
    text = measure.text_en if lang == "en" and measure.text_en else measure.text
    return {
        "location": f"{page_url}#{measure.anchor}",
        "title": segment(html.escape(measure_title(measure, catalog, lang), quote=False)),
        "text": segment(html.escape(text, quote=False)),
    }


def with_measures(entries: list[dict], measures: dict[str, list[dict]]) -> list[dict]:
    """The entries with each page's measure entries placed right after the page's own entry.

    Material's search treats the first entry of a page as the page, and the entries after it that
    share its path as its sections; a measure entry becomes a result of its own, linking to the
    measure's anchor, when it follows its page's entry. ``measures`` maps a page URL to its
    measure entries; a page URL with no entry of its own is an error of the caller.
    """
    placed: set[str] = set()
    result: list[dict] = []
    for entry in entries:
        result.append(entry)
        url = entry["location"]
        if url in measures and url not in placed:
            result.extend(measures[url])
            placed.add(url)
    missing = sorted(set(measures) - placed)
    if missing:
        raise ValueError(f"no search entry for the pages {missing}")
    return result


def relocated(entries: list[dict], prefix: str) -> list[dict]:
    """Entries with ``prefix`` taken off their locations: an index served from /en/ links relative to it."""
    return [{**e, "location": e["location"].removeprefix(prefix)} for e in entries]


def index_json(config: dict, docs: list[dict]) -> str:
    """The index as Material's JavaScript reads it, in UTF-8: a Chinese character is 3 bytes, not
    the 6 of a \\uXXXX escape."""
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"), default=str)
