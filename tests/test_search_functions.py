"""annual_report.search without MkDocs: the dictionary's words, measure records, the documents Pagefind reads."""

from __future__ import annotations

import json

from annual_report.search import (dictionary_words, page_document, placeholder_index, record_document,
                                  title_words)


def test_titles_give_their_chinese_runs_and_a_quoting_title_the_quoted_one():
    assert title_words("法治中国建设规划(2020-2025年)") == ["法治中国建设规划"]
    assert title_words("自治区实施〈优化营商环境条例〉办法") == ["优化营商环境条例"]
    assert dictionary_words(["双随机、一公开", "公职律师"], titles=["重大行政决策程序暂行条例"]) == \
        ["一公开", "公职律师", "双随机", "重大行政决策程序暂行条例"]


def test_a_page_document_is_its_article_without_permalinks_and_edit_button():
    page = ('<html lang="zh"><body><nav>导航</nav><article class="md-content__inner md-typeset">'
            '<a href="e" title="编辑此页" class="md-content__button md-icon">x</a>'
            '<h1 id="t">标题<a class="headerlink" href="#t">¶</a></h1><p>正文</p></article><footer>页脚</footer></body></html>')
    doc = page_document(page, "zh")
    assert '<html lang="zh">' in doc and "<p>正文</p>" in doc
    assert "导航" not in doc and "页脚" not in doc
    assert '<a data-pagefind-ignore class="headerlink"' in doc
    assert '<a data-pagefind-ignore href="e" title="编辑此页" class="md-content__button' in doc
    assert "data-pagefind-meta" not in doc
    assert 'data-pagefind-meta="rank:0.0001"' in page_document(page, "zh", 0.0001)
    assert page_document("<html><body>没有文章</body></html>", "zh") is None


def test_a_measure_record_is_a_document_with_its_url_and_title_as_meta():
    record = {"url": "/reports/2023/plan/#m-2023-3-02-1", "content": "加快推进公职律师队伍建设 <b>", "language": "zh",
              "meta": {"title": "2023-3-02-1 学习贯彻法治思想", "page": "三、2024年工作安排"}}
    doc = record_document(record)
    assert '<html lang="zh">' in doc
    assert '<span data-pagefind-meta="title:2023-3-02-1 学习贯彻法治思想"></span>' in doc
    assert '<span data-pagefind-meta="page:三、2024年工作安排"></span>' in doc
    assert '<span data-pagefind-meta="location:/reports/2023/plan/#m-2023-3-02-1"></span>' in doc
    assert "<p>加快推进公职律师队伍建设 &lt;b&gt;</p>" in doc


def test_the_placeholder_index_holds_no_documents():
    index = json.loads(placeholder_index("zh", r"[\s]+", ["公职律师"]))
    assert index == {"config": {"lang": ["zh"], "separator": r"[\s]+", "pipeline": [], "words": ["公职律师"]}, "docs": []}
