"""The site's search index: records (a measure, a policy, a section of a page), cut into tokens that
the browser's search cuts queries into the same way, and written as small static files.

Plain functions over plain data; hooks/search.py connects them to the build, and
overrides/assets/javascripts/site-search.js reads what they write (it repeats tokens() and stem():
tests/browser/test_search.py checks that both cut alike).

Why not a segmenter. A word segmenter (jieba at build time, the browser's at query time) cuts
交通运输局 and 行政执法 differently in different sentences and on the two sides, and a query whose
pieces do not line up with the index's finds nothing: 交通运输 listed 0 of 20 measures. Here the index
holds every pair of adjacent Chinese characters (bigram) with its position, and every other word
(Latin letters and digits, lower case, plural -s removed) with its position. A query is cut the same
way; a record holds it literally when its tokens stand at the same distances, which is what a
browser's find-in-page does, whatever the query. A record that holds only some of the query's tokens
is a partial match, listed after the literal ones.

Files, per language root (site/ and site/en/):
- search/manifest.json: how many buckets and shards, the facets (kind, year, area) of each run of
  records, their labels, and the dictionary words a result marks whole (公职律 marks 公职律师).
- search/t/<bucket>.txt: the postings of the tokens that hash to the bucket, one token a line:
  ``token<TAB>record:pos,pos;record:pos…`` (record numbers and positions as base-36 deltas).
- search/r/<shard>.json: the records themselves, SHARD to a file, for the results shown.
- search/words.txt: the words other than Chinese, for a query whose last word is still being typed.
A query fetches the manifest, the buckets of its tokens and the shards of the results shown.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape

from .model import Catalog, Measure
from .rendering.markdown import plain
from .rendering.strings import Strings
from .structure import MEASURED_KINDS

HAN = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
       "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00020000-\U0003134f")
# The Chinese runs of a text (\p{script=Han}).
HAN_RUN = re.compile(f"[{HAN}]+")
# A Chinese character, or a run of other letters and digits (site-search.js: [\p{L}\p{N}]).
TOKEN = re.compile(f"([{HAN}])|((?:(?![{HAN}])[^\\W_])+)")
LATIN_WORD = re.compile(f"^(?![0-9_{HAN}])\\w")  # a token that begins with a letter (not a Chinese character)
# Positions of a record's title: after its text, so that one number says where a match stands.
TITLE_AT = 1 << 20
SHARD = 8  # records per file: a result list of ten loads a few small files
BUCKET_BYTES = 2048  # the buckets' mean size: a query's tokens load a few kilobytes each
KINDS_LAST = ("page", "glossary")
# The words the search box shows, data/ui-strings.yml's search.literal …: the engine fills in {n} …
ENGINE_STRINGS = ("literal", "partial", "none", "short", "more", "facets", "measures", "kind", "year", "area", "all",
                  "in_part", "loading", "failed")  # the record kinds that are not measures or policies (see Record)

def stem(word: str) -> str:
    """A word as the index holds it: NFKC, lower case, plural endings removed (lawyers → lawyer,
    policies → policy, approaches → approach; Chinese, process, status and analysis unchanged)."""
    word = unicodedata.normalize("NFKC", word).lower()
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str, start: int = 0, query: bool = False) -> Iterator[tuple[str, int]]:
    """(token, position) of a text: each Chinese character and each other word takes a position;
    a Chinese character and the one right after it give a bigram at the first one's position, and
    each character a token of its own (a query for 州 or 局 alone). Spaces and punctuation take no
    position. A query gives a single character only where it stands alone: 交通运输 is looked up by
    its bigrams, A级 by a and 级."""
    position = start
    previous, previous_end = "", -1
    alone = None  # a query's character not yet known to have a neighbour
    for found in TOKEN.finditer(text):
        han, word = found.groups()
        if han:
            joined = bool(previous) and found.start() == previous_end
            if joined:
                yield previous + han, position - 1
                alone = None
            elif query and alone:
                yield alone
            if not query:
                yield han, position
            alone = None if joined else (han, position)
            previous, previous_end = han, found.end()
        else:
            if query and alone:
                yield alone
            alone = None
            yield stem(word), position
            previous = ""
        position += 1
    if query and alone:
        yield alone


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


@dataclass
class Record:
    """One search result: a measure (kind: its kind in the catalog), a policy ("policy"), a section
    of a page ("page") or of the glossary ("glossary"). ``url`` is relative to the language's root.
    ``text`` is what is searched besides the title and what the excerpt is cut from; ``note`` is shown
    under the title instead of an excerpt when the text does not hold the match (a policy's level)."""

    url: str
    title: str
    text: str
    kind: str
    context: str = ""  # the page a measure or section is on
    year: int | None = None
    area: str = ""
    note: str = ""
    searched_title: str | None = None  # what of the title is searched, when not all of it

    @property
    def title_searched(self) -> str:
        return self.title if self.searched_title is None else self.searched_title


def measure_title(measure: Measure, catalog: Catalog, lang: str) -> str:
    """The measure ID and its area, as the tag beside the measure on the page shows them."""
    area = catalog.areas.get(measure.area)
    name = ""
    if area:
        name = (area.short_zh or area.name_zh) if lang == "zh" else (area.short_en or area.name_en)
    return f"{measure.id} {name}".strip()


def measure_record(measure: Measure, catalog: Catalog, page_url: str, page_title: str, text_lang: str) -> Record:
    """A measure as a result linking to its anchor on the page it was built into. ``text_lang`` is
    the language of the text on that page (an English page not translated yet shows the Chinese)."""
    text = plain(measure.text_en) if text_lang == "en" and measure.text_en else measure.text  # no raw Markdown
    # The area beside the ID is a tag, not the measure's heading: a search for 放管服 would otherwise
    # rank every measure of the area 放管服与营商环境 as a match in its title. The facets narrow by area.
    return Record(url=f"{page_url}#{measure.anchor}", title=measure_title(measure, catalog, text_lang), text=text,
                  kind=measure.kind, context=page_title, year=measure.report_year, area=measure.area,
                  searched_title=measure.id)


def policy_record(policy, page_url: str, page_title: str, strings: Strings) -> Record:
    """A policy as a result: found by its title, its aliases and official title; shown with its level,
    never with its facts table."""
    other = [t for t in [*policy.titles[1:], policy.official_title or "", *policy.meta.get("cited_without_brackets", [])]
             if t and t != policy.title]
    if strings.lang != "zh":
        other = [policy.title, *other]
    level = policy.meta.get("level") or ""
    note = strings["search.level"].format(level=strings[f"search.level.{level}"]) if level else ""
    return Record(url=page_url, title=page_title, text="；".join(dict.fromkeys(other)), kind="policy", note=note)


# The parts of an article's HTML, with regular expressions rather than html.parser (which took most
# of the index's build time): a comment, a tag (closing?, name, attributes), or text.
PART = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)", re.S)
ID_ATTRIBUTE = re.compile(r"""\bid=["']([^"']*)["']""")
CLASS_ATTRIBUTE = re.compile(r"""\bclass=["']([^"']*)["']""")
IGNORED_CLASSES = {"headerlink", "md-content__button", "md-source-file"}
SKIPPED_TAGS = {"script", "style", "template"}
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "embed"}
BLOCK_TAGS = {"p", "li", "td", "th", "tr", "div", "section", "dd", "dt", "blockquote", "table", "caption", "br"}


def sections(article: str) -> list[tuple[str, str, str]]:
    """The text of an article by heading: [(heading id, heading text, text)], the first section
    with no id; leaving out what is marked data-search-ignore (and all it holds), the headings'
    permalinks, the edit button and the page dates."""
    out: list[list] = [["", [], []]]
    depth = 0  # elements deep into an ignored one
    heading = False
    for found in PART.finditer(article):
        closing, tag, attributes, text = found.groups()
        if text is not None:
            if not depth:
                out[-1][1 if heading else 2].append(unescape(text))
            continue
        if tag is None:  # a comment
            continue
        tag = tag.lower()
        if tag in VOID_TAGS:
            if tag == "br" and not depth:
                out[-1][1 if heading else 2].append(" ")
            continue
        if depth:
            depth += -1 if closing else 1
            continue
        if closing:
            if heading and tag in ("h1", "h2", "h3"):
                heading = False
            elif tag in BLOCK_TAGS:
                out[-1][2].append(" ")
            continue
        classes = CLASS_ATTRIBUTE.search(attributes)
        if ("data-search-ignore" in attributes or tag in SKIPPED_TAGS
                or (classes and IGNORED_CLASSES & set(classes.group(1).split()))):
            depth = 1
        elif tag in ("h1", "h2", "h3") and (anchor := ID_ATTRIBUTE.search(attributes)):
            out.append([anchor.group(1), [], []])
            heading = True
        elif tag in BLOCK_TAGS:
            out[-1][1 if heading else 2].append(" ")
    return [(anchor, " ".join("".join(title).split()), " ".join("".join(text).split())) for anchor, title, text in out]


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def page_records(page_html: str, page_url: str, page_title: str, kind: str = "page", year: int | None = None,
                 area: str = "") -> list[Record]:
    """A built page's article as records, one per section (h1–h3 with an id): the first section links
    to the page, the others to their heading. A section with no text of its own but its heading still
    is a record (its heading is searched)."""
    found = ARTICLE.search(page_html)
    if found is None:
        return []
    records = []
    for i, (anchor, heading, text) in enumerate(sections(found.group(1))):
        if not text and not heading:
            continue
        first = i == 0 or (i == 1 and not records)
        title = heading if heading and not first else (page_title or heading)
        url = page_url if first else f"{page_url}#{anchor}"
        context = "" if first else page_title
        records.append(Record(url=url, title=title, text=text, kind=kind, context=context, year=year, area=area))
    return records


def fnv1a(token: str) -> int:
    """32-bit FNV-1a of the token's UTF-8: its bucket, the same in site-search.js."""
    h = 0x811C9DC5
    for byte in token.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def build_index(records: list[Record], words: list[str], catalog: Catalog, strings: Strings) -> dict[str, str]:
    """The search files of ``strings``' language (path under search/ → text). Records are numbered newest
    report first, then by kind and area, so that the facets of a number are those of its run
    (manifest "groups") and the results of one report share files."""
    lang = strings.lang
    kind_order = {k: i for i, k in enumerate(dict.fromkeys([*(m.kind for m in catalog.measures), "policy", *KINDS_LAST]))}
    ordered = sorted(enumerate(records), key=lambda ir: (ir[1].year is None, -(ir[1].year or 0),
                                                         kind_order.get(ir[1].kind, len(kind_order)), ir[1].area, ir[0]))
    records = [r for _, r in ordered]
    kinds = list(dict.fromkeys(r.kind for r in records))
    areas = list(dict.fromkeys(r.area for r in records))
    groups, last = [], None
    for n, r in enumerate(records):
        key = (kinds.index(r.kind), r.year or 0, areas.index(r.area))
        if key != last:
            groups.append([n, *key])
            last = key

    postings: dict[str, dict[int, list[int]]] = {}
    for n, r in enumerate(records):
        for token, position in [*tokens(r.text), *tokens(r.title_searched, TITLE_AT)]:
            postings.setdefault(token, {}).setdefault(n, []).append(position)
    lines = {token: token + "\t" + ";".join(
        f"{_BASE36[n - previous] if n - previous < len(_BASE36) else base36(n - previous)}:{deltas(positions)}"
        for previous, (n, positions) in zip([0, *by_record], by_record.items()))
        for token, by_record in postings.items()}
    total = sum(len(line) + 1 for line in lines.values())
    buckets = 1 << max(4, min(14, math.ceil(math.log2(max(total / BUCKET_BYTES, 1)))))
    files: dict[str, list[str]] = {}
    for token, line in lines.items():
        files.setdefault(f"t/{fnv1a(token) % buckets}.txt", []).append(line)
    out = {path: "\n".join(sorted(lines_)) + "\n" for path, lines_ in files.items()}
    # The words other than Chinese, for a word still being typed (lawy finds lawyer): loaded by the
    # engine only for such a query.
    out["words.txt"] = "\n".join(sorted(t for t in postings if LATIN_WORD.match(t))) + "\n"
    for b in range(buckets):  # every bucket exists: a query never meets a 404
        out.setdefault(f"t/{b}.txt", "")
    for s in range(0, len(records), SHARD):
        out[f"r/{s // SHARD}.json"] = compact([record_json(r) for r in records[s:s + SHARD]])
    area_labels = {}
    for a in areas:
        area = catalog.areas.get(a)
        if area:
            area_labels[a] = (area.short_zh or area.name_zh) if lang == "zh" else (area.short_en or area.name_en)
    labels = {kind: strings[f"kind_short.{kind}" if kind in MEASURED_KINDS else f"search.kind.{kind}"] for kind in kinds}
    out["manifest.json"] = compact({
        "lang": lang, "count": len(records), "buckets": buckets, "shard": SHARD, "title_at": TITLE_AT,
        "groups": groups, "kinds": [[k, labels.get(k, k)] for k in kinds],
        "areas": [[a, area_labels.get(a, a)] for a in areas], "words": words,
        "measure_kinds": [k for k in kinds if k not in ("policy", *KINDS_LAST)], "ui": {name: strings[f"search.{name}"] for name in ENGINE_STRINGS},
    })
    return out


_BASE36 = [base36(n) for n in range(36 ** 3)]  # the numbers most postings hold, written once


def deltas(positions: list[int]) -> str:
    return ",".join(_BASE36[d] if d < len(_BASE36) else base36(d) for d in map(int.__sub__, positions, [0, *positions]))


def record_json(r: Record) -> dict:
    out = {"u": r.url, "t": r.title, "x": r.text}
    if r.context:
        out["c"] = r.context
    if r.note:
        out["n"] = r.note
    return out


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
