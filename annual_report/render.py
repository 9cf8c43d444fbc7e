"""Markdown the site adds to pages: measure anchors and tags, policy links, generated sections.

Every piece of added markup carries the class ``site-added`` so that readers (and the fidelity
test) can tell it from the official text, which passes through unchanged.

Every string read from YAML (front matter, data/*.yml) is escaped where it lands: ``_text`` for
Markdown text (Markdown keeps &lt; and &amp; as they are), ``_cell`` for a table cell, ``_html`` for
raw HTML and attributes. Markdown in an English translation is made plain text (``plain``) before it
is cut into an excerpt, so that no excerpt ends in half a link.
"""

from __future__ import annotations

import html as _html_module
import re

from .catalog import block_spans, is_measured, page_blocks
from .frontmatter import SourcePage
from .links import href
from .model import Catalog, Measure
from .structure import MEASURED_KINDS
from .text import find_citations

LABELS = {
    "zh": {
        "measure_id": "措施编号（本站添加），点击可复制链接",
        "area_tag": "所属领域（本站添加）",
        "kinds": {"done": "{year}年已开展的工作", "duties": "{year}年党政主要负责人履行第一责任人职责",
                  "problem": "{year}年存在的问题", "planned": "{year}年工作安排"},
        "kind_short": {"done": "已开展", "duties": "履职", "problem": "问题", "planned": "计划"},
        "policy_link": "所引政策（链接为本站添加）",
        "outcome_tag": "落实情况：依据下一年度报告（本站添加）",
        "none": "无",
        "not_verified": "未核实",
    },
    "en": {
        "measure_id": "Measure ID (added by this site); link to this measure",
        "area_tag": "Area (added by this site)",
        "kinds": {"done": "Work done in {year}", "duties": "Leaders' duties as first responsible persons, {year}",
                  "problem": "Problems found in {year}", "planned": "Plans for {year}"},
        "kind_short": {"done": "done", "duties": "duties", "problem": "problem", "planned": "planned"},
        "policy_link": "Cited policy (link added by this site)",
        "outcome_tag": "Outcome, as the next year's report gives it (added by this site)",
        "none": "none",
        "not_verified": "not verified",
    },
}

AREAS_PAGE = "measures/by-area.md"
OUTCOMES_PAGE = "measures/outcomes.md"
OUTCOME_LABELS = {
    "zh": {"completed": "已完成", "partly-completed": "部分完成", "under-way": "正在推进", "not-reported": "未报告",
           "awaiting": "等待{year}年度报告"},
    "en": {"completed": "completed", "partly-completed": "partly completed", "under-way": "under way",
           "not-reported": "not reported", "awaiting": "awaiting the {year} report"},
}


def outcome_label(m: Measure, lang: str) -> str:
    return OUTCOME_LABELS[lang][m.outcome["status"]].format(year=m.year)


def area_name(catalog: Catalog, area_id: str, lang: str, short: bool = False) -> str:
    a = catalog.areas[area_id]
    if short:
        return a.short_zh if lang == "zh" else a.short_en
    return a.name_zh if lang == "zh" else a.name_en


def measure_badges(m: Measure, page: str, catalog: Catalog, lang: str) -> str:
    labels = LABELS[lang]
    return (f'[{m.id}](#{m.anchor}){{ .measure-id .site-added title="{labels["measure_id"]}" }} '
            f'[{_text(area_name(catalog, m.area, lang, short=True))}]({href(page, AREAS_PAGE, "area-" + m.area)})'
            f'{{ .area-tag .site-added title="{labels["area_tag"]}" }} '
            + (f'[{outcome_label(m, lang)}]({href(page, OUTCOMES_PAGE, "outcome-" + m.id)})'
               f'{{ .outcome-tag .outcome--{m.outcome["status"]} .site-added title="{labels["outcome_tag"]}" }} ' if m.outcome else ""))


def link_citations(text: str, offset: int, citations, page: str, catalog: Catalog, by_title: dict[str, str]) -> str:
    """``text`` (which starts at ``offset`` in the block) with each cited title made a link.

    A nested 〈title〉 gets its own link; the outer title's link is split around it, since links
    cannot nest. No character of the text changes.
    """
    pieces, at = [], 0
    outer = [c for c in citations if c.outer is None and offset <= c.start and c.end <= offset + len(text)]
    for c in outer:
        s, e = c.start - offset, c.end - offset
        pieces.append(text[at:s])
        nested = [n for n in citations if n.outer and c.start < n.start < c.end]
        cuts = [(c.start, c.end, c.title)]
        if nested:
            cuts, cursor = [], c.start
            for n in nested:
                cuts += [(cursor, n.start, c.title), (n.start, n.end, n.title)]
                cursor = n.end
            cuts.append((cursor, c.end, c.title))
        for a, b, title in cuts:
            target = cited_page(catalog, by_title, title)
            shown = text[a - offset:b - offset]
            pieces.append(f"[{shown}]({href(page, target)}){{ .policy-link }}" if target else shown)
        at = e
    pieces.append(text[at:])
    return "".join(pieces)


def cited_page(catalog: Catalog, by_title: dict[str, str], title: str) -> str | None:
    """The page a cited title links to: its policy page, a page given for a cited document, or none
    (a document the site has no page for, or a title a draft cites that is not known yet)."""
    if title in by_title:
        return catalog.policies[by_title[title]].page
    return (catalog.cited_documents.get(title) or {}).get("page")


def annotate_report_page(markdown: str, meta: dict, page: str, catalog: Catalog, lang: str = "zh") -> str:
    """Wrap each measure of a report page in an anchored span with its ID and area, and link
    its citations. Paragraphs of official text keep every character."""
    source = SourcePage(page, meta, markdown, 1)
    ids, by_title, unbracketed = catalog.by_id, catalog.by_title, catalog.unbracketed
    lines = markdown.split("\n")
    section, report = meta.get("section"), meta.get("report")
    for sub, block in page_blocks(source):
        if section is None and block.role != "opening":
            continue  # a report home: only its opening is official text
        spans = block_spans(source, block, lang) if is_measured(meta, sub, block) else []
        citations = find_citations(block.text, unbracketed) if lang == "zh" else []
        for p, start in zip(block.paragraphs, block.offsets()):
            end = start + len(p.text)
            out = []
            for span in spans or [None]:
                a, b = (span.start, span.end) if span else (start, end)
                a, b = max(a, start), min(b, end)
                if a >= b:
                    continue
                piece = link_citations(block.text[a:b], a, citations, page, catalog, by_title)
                m = ids.get(f"{report}-{section}-{sub:02d}-{span.ordinal}") if span and span.ordinal else None
                if m is None:
                    out.append(piece)
                elif a == span.start:
                    out.append(f'<span class="measure" id="{m.anchor}" data-measure="{m.id}">'
                               f"{measure_badges(m, page, catalog, lang)}{piece}</span>")
                else:
                    out.append(f'<span class="measure measure--continued" data-measure="{m.id}">{piece}</span>')
            lines[p.first] = "".join(out)
            for i in range(p.first + 1, p.last + 1):
                lines[i] = None
    return "\n".join(line for line in lines if line is not None)




# --- Generated sections -----------------------------------------------------------------------

def excerpt(text: str, limit: int = 60) -> str:
    """The measure's opening words, verbatim, cut at a clause where possible."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(ch, 0, limit) for ch in "。；;,，、")
    return text[: cut + 1 if cut > 20 else limit] + "…"


def measure_text(m: Measure, lang: str) -> str:
    return plain(m.text_en) or m.text if lang == "en" else m.text


def measure_link(m: Measure, page: str, lang: str) -> str:
    target = m.page_en if lang == "en" and m.page_en else m.page
    return f"[{m.id}]({href(page, target, m.anchor)})"


def measure_row(m: Measure, page: str, catalog: Catalog, lang: str, area: bool = True) -> str:
    cells = [measure_link(m, page, lang)]
    if area:
        cells.append(f"[{_cell(area_name(catalog, m.area, lang, short=True))}]({href(page, AREAS_PAGE, 'area-' + m.area)})")
    cells.append(_cell(excerpt(measure_text(m, lang), 80 if lang == "en" else 60)))
    cells.append(", ".join(f"[{_cell(policy_label(catalog, pid, lang))}]({href(page, catalog.policies[pid].page)})" for pid in m.policies) or "—")
    return "| " + " | ".join(cells) + " |"


def _text(text) -> str:
    """A string from YAML as Markdown text: no character of it is read as HTML."""
    return _html_module.escape(str(text), quote=False)


def _cell(text) -> str:
    return _text(text).replace("|", "\\|").replace("\n", " ")


_MD_LINK_TEXT = re.compile(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
_MD_EMPHASIS = re.compile(r"(\*{1,2})(?=\S)(.+?)(?<=\S)\1")


def plain(markdown: str) -> str:
    """Markdown of a translated measure as plain text: links become their text, emphasis and
    attribute lists go. For excerpts and the open data, where half a link would be shown raw."""
    text = _MD_LINK_TEXT.sub(r"\1", markdown)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return re.sub(r"\s*\{\s*[.#:][^{}]*\}", "", text)


def cited_as(catalog: Catalog, pid: str) -> str:
    """The title as the report cites it, with the report's own brackets: 《title》, a 〈title〉 nested in
    another title, or the bare title where the report cites it without brackets. The site adds none."""
    p = catalog.policies[pid]
    texts = [catalog.measure(i).text.replace("\n", "") for i in p.cited_by if i in catalog.by_id]
    for opening, closing in (("《", "》"), ("〈", "〉")):
        for title in p.titles:
            if any(f"{opening}{title}{closing}" in text for text in texts):
                return f"{opening}{title}{closing}"
    for title in p.meta.get("cited_without_brackets", []):
        if not texts or any(title in text for text in texts):
            return title
    return f"《{p.title}》"


def policy_label(catalog: Catalog, pid: str, lang: str = "zh") -> str:
    """The title as cited; in English, the site's translated title (in italics) before it."""
    p = catalog.policies[pid]
    if lang == "en" and p.title_en:
        return f"*{p.title_en}* {cited_as(catalog, pid)}"
    return cited_as(catalog, pid)


HEADERS = {
    "zh": ("编号", "领域", "内容（原文摘录）", "所引政策"),
    "en": ("ID", "Area", "Text (opening words)", "Policies cited"),
}


def table(rows: list[str], lang: str, area: bool = True) -> str:
    head = list(HEADERS[lang]) if area else [h for i, h in enumerate(HEADERS[lang]) if i != 1]
    return "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head), *rows]) + "\n"


def groups(catalog: Catalog, measures: list[Measure]):
    """(report year, kind, year) groups in reading order: done, problems, then the plan."""
    order = {k: i for i, k in enumerate(MEASURED_KINDS)}
    grouped: dict[tuple, list[Measure]] = {}
    for m in measures:
        grouped.setdefault((m.report_year, m.kind, m.year), []).append(m)
    return [(k, grouped[k]) for k in sorted(grouped, key=lambda k: (k[0], order[k[1]]))]


def measures_by_year(catalog: Catalog, page: str, lang: str) -> str:
    out = []
    for (report, kind, year), ms in groups(catalog, catalog.measures):
        title = LABELS[lang]["kinds"][kind].format(year=year)
        out.append(f"## {title} {{ #{report}-{kind} }}\n\n" + table([measure_row(m, page, catalog, lang) for m in ms], lang))
    return "\n".join(out)


def measures_by_area(catalog: Catalog, page: str, lang: str) -> str:
    out = []
    for area in catalog.areas.values():
        ms = catalog.measures_of(area=area.id)
        name = area.name_zh if lang == "zh" else area.name_en
        out.append(f"## {_text(name)} {{ #area-{area.id} }}\n")
        if not ms:
            out.append(("本领域暂无措施。" if lang == "zh" else "No measures in this area yet.") + "\n")
        for (report, kind, year), group in groups(catalog, ms):
            out.append(f"### {LABELS[lang]['kinds'][kind].format(year=year)} {{ #area-{area.id}-{report}-{kind} }}\n")
            out.append(table([measure_row(m, page, catalog, lang, area=False) for m in group], lang, area=False))
    return "\n".join(out)


def measures_by_policy(catalog: Catalog, page: str, lang: str) -> str:
    out = []
    for p in sorted(catalog.policies.values(), key=lambda p: (-len(p.cited_by), p.id)):
        ms = [catalog.measure(i) for i in p.cited_by]
        out.append(f"## [{_cell(policy_label(catalog, p.id, lang))}]({href(page, p.page)}) {{ #policy-{p.id} }}\n")
        out.append(table([measure_row(m, page, catalog, lang) for m in ms], lang) if ms else LABELS[lang]["none"] + "\n")
    return "\n".join(out)


def policy_cited_by(catalog: Catalog, pid: str, page: str, lang: str) -> str:
    p = catalog.policies[pid]
    heading = "## 引用本政策的措施 { #cited-by }\n" if lang == "zh" else "## Measures citing this policy { #cited-by }\n"
    ms = [catalog.measure(i) for i in p.cited_by]
    if not ms:
        return heading + ("\n目前没有措施引用本政策。\n" if lang == "zh" else "\nNo measure cites this policy yet.\n")
    out = [heading]
    for (report, kind, year), group in groups(catalog, ms):
        out.append(f"### {LABELS[lang]['kinds'][kind].format(year=year)} {{ #cited-by-{report}-{kind} }}\n")
        out.append(table([measure_row(m, page, catalog, lang) for m in group], lang))
    return "\n".join(out)


# English for the Chinese values of the policy pages' facts (this site's translation, shown beside the
# Chinese as written). A value not listed here stays in Chinese only.
FACTS_EN = {
    # issuers
    "国务院": "State Council", "国务院办公厅": "General Office of the State Council", "交通运输部": "Ministry of Transport",
    "交通运输部办公厅": "General Office of the Ministry of Transport",
    "中共中央": "Central Committee of the Communist Party of China",
    "新疆维吾尔自治区人民政府": "People's Government of the Xinjiang Uygur Autonomous Region",
    "自治区司法厅": "Justice Department of the Autonomous Region",
    # levels
    "国家": "national", "自治区": "autonomous region (Xinjiang)", "自治州": "autonomous prefecture (Bortala)", "本局": "the Bureau",
    # the basis of a level
    "发布机关为中共中央": "issued by the Central Committee of the Communist Party of China",
    "发布机关为交通运输部": "issued by the Ministry of Transport",
    "发布机关为交通运输部办公厅": "issued by the General Office of the Ministry of Transport",
    "发布机关为国务院": "issued by the State Council", "发布机关为国务院办公厅": "issued by the General Office of the State Council",
    "发布机关为自治区人民政府": "issued by the People's Government of the Autonomous Region",
    "名称所示（自治区）": "as its name shows (autonomous region)", "标题所示（自治区）": "as its title shows (autonomous region)",
    "报告原文所载发布机关为自治区司法厅": "the report names the Justice Department of the Autonomous Region as issuer",
    "报告原文称本局“修编”": "the report says the Bureau revised it", "报告原文称本局“制定印发”": "the report says the Bureau drew it up and issued it",
    "报告原文称本局“制定完善”": "the report says the Bureau drew it up and refined it",
    "标题所示（自治州交通运输系统）": "as its title shows (the prefecture's transport system)",
    "标题所示（自治州党委办公室、自治州人民政府办公室）": "as its title shows (General Offices of the prefecture Party committee and government)",
    "标题所示（自治州）": "as its title shows (autonomous prefecture)",
    # sources
    "报告原文": "the report", "报告原文（“自治区司法厅《…》”）": "the report (“自治区司法厅《…》”)",
    "policy-facts.md（zh.wikisource 转载；某省交通运输厅转载）": "policy-facts.md (zh.wikisource copy; a provincial transport department's copy)",
    "policy-facts.md（双语第三方转载）；报告原文亦称“国务院办公厅”": "policy-facts.md (bilingual third-party copy); the report also names the General Office of the State Council",
    "policy-facts.md（官方文本的第三方转载）": "policy-facts.md (third-party copies of the official text)",
    "policy-facts.md（引用交通运输部政府信息公开网站的转载）": "policy-facts.md (copies citing the ministry's disclosure site)",
    "policy-facts.md（新闻报道）": "policy-facts.md (news report)", "policy-facts.md（新闻转载）": "policy-facts.md (news copies)",
    "policy-facts.md（某市人民政府网站）": "policy-facts.md (a municipal government site)",
    "policy-facts.md（第三方转载）": "policy-facts.md (third-party copy)",
    "policy-facts.md：新华社播发日期": "policy-facts.md: date released by Xinhua",
    "policy-facts.md；报告原文亦载": "policy-facts.md; also given in the report",
    # date labels
    "公布": "promulgated", "施行": "in force", "印发": "issued", "发布": "released",
}


def _fact_text(value: str, lang: str, keep_chinese: bool = True) -> str:
    """A fact's value in the page's language: in English, the site's translation, with the Chinese as
    written beside it where it is a name (issuers)."""
    english = FACTS_EN.get(value) if lang == "en" else None
    if english is None:
        return _cell(value)
    return _cell(f"{english} ({value})" if keep_chinese else english)


def policy_facts(catalog: Catalog, pid: str, lang: str) -> str:
    p, meta, labels = catalog.policies[pid], catalog.policies[pid].meta, LABELS[lang]
    nv = labels["not_verified"]
    def fact(name):
        f = meta.get(name)
        if not f:
            return (f"*{nv}*", "—")
        value = _fact_text(f["value"], lang) if name == "issuer" else _cell(f["value"])
        return (value, _fact_text(f["source"], lang, keep_chinese=False))
    rows = [
        ("引用标题" if lang == "zh" else "Title as cited", _cell(cited_as(catalog, pid)), "报告原文" if lang == "zh" else "the report"),
        ("正式标题" if lang == "zh" else "Official title", *((f"《{_cell(meta['official_title']['value'])}》", _cell(meta["official_title"]["source"])) if meta.get("official_title") else (("与引用标题相同" if lang == "zh" else "same as cited") if meta.get("verified") else f"*{nv}*", "—"))),
        ("发布机关" if lang == "zh" else "Issuer", *fact("issuer")),
        ("层级" if lang == "zh" else "Level", _fact_text(meta["level"], lang), _fact_text(meta.get("level_basis", "—"), lang, keep_chinese=False)),
        ("文号" if lang == "zh" else "Document number", *fact("doc_number")),
    ]
    for d in meta.get("dates", []):
        label = d["label"] if d["label"] != "日期" else ""
        label = _cell(label) if lang == "zh" else _fact_text(label, lang, keep_chinese=False)
        rows.append(((f"日期（{label}）" if label else "日期") if lang == "zh" else (f"Date ({label})" if label else "Date"), _cell(d["value"]), _fact_text(d["source"], lang, keep_chinese=False)))
    if not meta.get("dates"):
        rows.append(("日期" if lang == "zh" else "Dates", f"*{nv}*", "—"))
    head = ("| 项目 | 内容 | 来源 |" if lang == "zh" else "| Field | Value | Source |")
    out = [head, "|---|---|---|", *("| " + " | ".join(r) + " |" for r in rows)]
    notes = []
    if p.official_title and p.official_title != p.title:
        notes.append(("报告引用的标题与正式标题不同：报告作《" + _text(p.title) + "》，正式标题为《" + _text(p.official_title) + "》。")
                     if lang == "zh" else f"The report cites this policy under a title that differs from its official title (《{_text(p.official_title)}》).")
    if not meta.get("verified"):
        notes.append("本页除报告原文所载内容和注明来源的事实外，其余信息均未经核实。" if lang == "zh"
                     else "Apart from what the report itself says and the facts shown with a source, nothing on this page has been verified.")
    if meta.get("note"):
        note = meta.get("note_en", meta["note"]) if lang == "en" else meta["note"]
        notes.append(_text(note).replace("\n", "\n    "))
    box = ""
    if notes:
        title = "编者注" if lang == "zh" else "Editor's note"
        box = f'\n!!! note "{title}"\n\n' + "\n\n".join("    " + n for n in notes) + "\n"
    return "\n".join(out) + "\n" + box


# Anchors are permanent: the first four were published before 省, 市 and 县 were added.
LEVEL_ANCHORS = {"国家": 1, "自治区": 2, "自治州": 3, "本局": 4, "省": 5, "市": 6, "县": 7}


def policies_list(catalog: Catalog, page: str, lang: str) -> str:
    levels = ["国家", "自治区", "省", "自治州", "市", "县", "本局"]
    names = {"国家": "National", "自治区": "Xinjiang Uygur Autonomous Region", "省": "Provincial", "自治州": "Bortala Prefecture",
             "市": "Prefecture or city level", "县": "County level", "本局": "The bureau"}
    out = []
    for level in levels:
        ps = [p for p in catalog.policies.values() if p.meta["level"] == level]
        if not ps:
            continue
        out.append(f"## {level if lang == 'zh' else names[level]} {{ #level-{LEVEL_ANCHORS[level]} }}\n")
        head = "| 政策 | 文号 | 引用次数 | 核实 |" if lang == "zh" else "| Policy | Document number | Cited by | Verified |"
        rows = [f"| [{_cell(policy_label(catalog, p.id, lang))}]({href(page, p.page)}) | {_cell(p.fact('doc_number')) if p.fact('doc_number') else '*' + LABELS[lang]['not_verified'] + '*'} "
                f"| {len(p.cited_by)} | {('已核实' if lang == 'zh' else 'yes') if p.meta['verified'] else ('未核实' if lang == 'zh' else 'no')} |" for p in ps]
        out.append("\n".join([head, "|---|---|---|---|", *rows]) + "\n")
    return "\n".join(out)


def problems_to_plans(catalog: Catalog, page: str, lang: str) -> str:
    head = ("| 存在的问题 | 对应的下一年工作安排（编者解读） |" if lang == "zh" else "| Problem | Planned measures that answer it (editorial reading) |")
    rows = []
    problems = [m for m in catalog.measures if m.kind == "problem"]
    for prob in problems:
        plans = [catalog.measure(p) for pr, p in catalog.problem_links if pr == prob.id]
        cell = "<br>".join(f"{measure_link(m, page, lang)} {_cell(excerpt(measure_text(m, lang), 40))}" for m in plans) or "—"
        rows.append(f"| {measure_link(prob, page, lang)} {_cell(measure_text(prob, lang))} | {cell} |")
    return "\n".join([head, "|---|---|", *rows]) + "\n"


def figures(catalog: Catalog, page: str, lang: str) -> str:
    out = []
    for report in catalog.report_years:
        ms = [m for m in catalog.by_report.get(report, []) if m.figures]
        out.append(f"## {report} {{ #figures-{report} }}\n")
        head = "| 数字 | 原文语境 | 措施 |" if lang == "zh" else "| Figure | In the text | Measure |"
        rows = [f"| **{f.text}** | {_cell(f.context)} | {measure_link(m, page, lang)} |" for m in ms for f in m.figures]
        out.append("\n".join([head, "|---|---|---|", *rows]) + "\n")
    return "\n".join(out)


def outcomes(catalog: Catalog, page: str, lang: str) -> str:
    """Plan → outcome: every planned measure with its status, taken only from the later report."""
    out = []
    head = ("| 计划措施 | 内容（原文摘录） | 落实情况 | 依据（下一年度报告中的措施） |" if lang == "zh"
            else "| Planned measure | Text (opening words) | Outcome | Reported by (measures of the next report) |")
    for report in catalog.report_years:
        planned = [m for m in catalog.by_report.get(report, []) if m.kind == "planned"]
        if not planned:
            continue
        title = f"{report}年报告中的{report + 1}年工作安排" if lang == "zh" else f"Plans for {report + 1} in the {report} report"
        out.append(f"## {title} {{ #outcomes-{report} }}\n")
        rows = []
        for m in planned:
            by = ", ".join(measure_link(catalog.measure(i), page, lang) for i in m.outcome["reported_by"]) or "—"
            anchor = f'<span id="outcome-{m.id}"></span>'
            rows.append(f"| {anchor}{measure_link(m, page, lang)} | {_cell(excerpt(measure_text(m, lang), 60))} "
                        f"| **{outcome_label(m, lang)}** | {by} |")
        out.append("\n".join([head, "|---|---|---|---|", *rows]) + "\n")
    return "\n".join(out)


REPORTS_HEADERS = {
    "zh": ("年度", "报告", "成文日期", "措施"),
    "en": ("Year", "Report", "Date written", "Measures"),
}


def reports_list(catalog: Catalog, page: str, lang: str) -> str:
    """Every report, newest first: 历年报告's page (the sidebar shows only the newest and the open one)."""
    counts: dict[int, int] = {}
    for m in catalog.measures:
        counts[m.report_year] = counts.get(m.report_year, 0) + 1
    rows = []
    for year in sorted(catalog.report_pages, reverse=True):
        home = next((p for p in catalog.report_pages[year] if "disclosure" in p), None)
        if home is None:
            continue
        title = (home.get("title_en") or home["title"]) if lang == "en" else home["title"]
        if year in catalog.drafts:
            title += " (draft, not published)" if lang == "en" else "（草稿，未发布）"
        written = _cell(home["disclosure"]["written"]) if home["disclosure"].get("written") else f"*{LABELS[lang]['not_verified']}*"
        rows.append(f"| {year} | [{_cell(title)}]({href(page, home['page'])}) | {written} | {counts.get(year, 0)} |")
    head = REPORTS_HEADERS[lang]
    return "\n".join(["| " + " | ".join(head) + " |", "|---:|---|---|---:|", *rows]) + "\n"


SECTIONS = {
    "reports:list": reports_list,
    "measures:outcomes": outcomes,
    "measures:by-year": measures_by_year,
    "measures:by-area": measures_by_area,
    "measures:by-policy": measures_by_policy,
    "measures:problems-to-plans": problems_to_plans,
    "measures:figures": figures,
    "policies:list": policies_list,
}


DISCLOSURE_FIELDS = [  # (front-matter key, zh label, en label)
    ("issuer", "发布机构", "Issuing body"),
    ("written", "成文日期", "Date written"),
    ("published", "发布日期", "Date published"),
    ("doc_number", "文号", "Document number"),
    ("index_number", "索引号", "Index number"),
    ("topic", "主题分类", "Subject category"),
    ("reviewer", "审核人", "Reviewer"),
]


def disclosure_table(meta: dict, lang: str) -> str:
    """The metadata table Chinese government sites show above a disclosed document, compiled by this
    site (and marked so: class site-added, and the caption says it).

    Every value comes from the page's front matter, which holds only what the report itself or a
    source on record says. null reads 未核实 / "not verified": this site does not know the value. Only
    a source that says there is none may be written as 无 (and is then shown as written).
    """
    d = meta["disclosure"]
    rows = []
    for key, zh, en in DISCLOSURE_FIELDS:
        value = d.get(key)
        shown = _cell(str(value)) if value else f'<span class="not-verified">{LABELS[lang]["not_verified"]}</span>'
        rows.append(f'<tr><th scope="row">{zh if lang == "zh" else en}</th><td>{shown}</td></tr>')
    caption = DISCLOSURE_CAPTION[lang]
    return (f'<table class="disclosure-meta site-added">\n<caption>{caption}</caption>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>\n")


DISCLOSURE_CAPTION = {
    "zh": "公开信息（本站依据报告原文整理；“未核实”表示本站不掌握该项信息）",
    "en": "Disclosure details (compiled by this site from the report; “not verified”: this site does not know the value)",
}


def report_contents(catalog: Catalog, report: int, page: str, lang: str, section: int | None = None) -> str:
    """The report's pages in reading order, as a nested list."""
    out = []
    for p in catalog.report_pages.get(report, []):
        if p["page"] == page or (section and p.get("section") != section) or "section" not in p:
            continue
        indent = "    " if p.get("subsection") and not section else ""
        title = p.get("title_en") if lang == "en" and p.get("title_en") else p["title"]
        out.append(f"{indent}- [{_cell(title)}]({href(page, p['page'])})")
    # A list of links the site adds: marked, so it is never read as part of the official text.
    return '<nav class="report-contents site-added" markdown>\n\n' + "\n".join(out) + "\n\n</nav>\n"


def original_missing(lang: str) -> str:
    return ("- **原文**：<span class=\"not-given\">原文文件尚未添加</span>\n" if lang == "zh"
            else "- **Official text**: <span class=\"not-given\">not yet added</span>\n")


def original_links(meta: dict, sha256: str, lang: str, file_href: str | None = None) -> str:
    """Where to get the official text: the file as received, with its SHA-256, and the portal copy."""
    d = meta["disclosure"]
    link = f'<a href="{_html(file_href or d["original"])}" download>{_html(d["original"])}</a>'
    if lang == "zh":
        lines = [f'- **原文**：{link}（UTF-8 纯文本，与收到的原件逐字节一致）',
                 f'  SHA-256：<code class="sha256">{sha256}</code>']
        if d.get("portal_url"):
            lines.append(f'- **博州门户网站发布的原文**：<a href="{_html(d["portal_url"])}">{_html(d["portal_url"])}</a>')
        if d.get("title_note"):
            lines.append(f'\n!!! note "编者注"\n\n    {_text(d["title_note"])}\n')
    else:
        lines = [f'- **Official text (Chinese)**: {link} (UTF-8 plain text, byte for byte as received)',
                 f'  SHA-256: <code class="sha256">{sha256}</code>']
        if d.get("portal_url"):
            lines.append(f'- **The copy on the prefecture portal**: <a href="{_html(d["portal_url"])}">{_html(d["portal_url"])}</a>')
    return "\n".join(lines) + "\n"


def glossary(terms, lang: str) -> str:
    """The glossary page: one entry per term, with a permanent anchor (its id)."""
    out = []
    for t in terms:
        if lang == "zh":
            out.append(f"## {_text(t.term)} {{ #{t.id} }}\n\n英文：{_text(t.en)}\n\n{_text(t.definition_zh)}\n")
        else:
            out.append(f"## {_text(t.en)} ({_text(t.term)}) {{ #{t.id} }}\n\n{_text(t.definition_en)}\n")
    return "\n".join(out)


# --- Reader features: figures at a glance, measures per area, the whole report, corrections ---------
# Raw HTML blocks are not rewritten by MkDocs, so their links are computed here from the pages'
# built URLs (site_href); tests/test_reader_features.py checks that each one lands.

def site_href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link for raw HTML from one page to another, as built with directory URLs."""
    import posixpath

    from .links import url_path

    if to_page == from_page:
        target = ""
    else:
        target = posixpath.relpath(url_path(to_page) or ".", url_path(from_page) or ".")
        target = "./" if target == "." else target + "/"
    return f"{target}#{anchor}" if anchor else target or "./"


def _html(text) -> str:
    return _html_module.escape(str(text), quote=True)


# English glosses of the units in the text (this site's translation; the figure itself stays as written).
UNITS_EN = {"万元": "10,000 yuan", "万辆": "10,000 vehicles", "件次": "items", "学时": "class hours",
            "小时": "hours", "项": "items", "次": "times", "名": "persons", "辆": "vehicles", "元": "yuan",
            "人": "persons", "家": "businesses", "起": "cases", "条": "items", "公里": "km"}

# The qualifiers of a figure in English (this site's translation): 约37件次 is "about 37 items".
QUALIFIERS_EN = {"约": "about", "近": "nearly", "逾": "over", "超过": "more than", "至少": "at least",
                 "不少于": "at least", "不低于": "at least", "不超过": "at most",
                 "余": "more than", "多": "more than", "以上": "or more", "以下": "or less", "以内": "or less"}


def figure_gloss(f) -> str | None:
    """A figure in English with its qualifiers, e.g. "about 37 items", "60 class hours or more"."""
    unit = UNITS_EN.get(f.unit)
    if unit is None:
        return None
    before, between, after = f.qualifiers
    words = [QUALIFIERS_EN[q] for q in (before, between) if q]
    return " ".join([*words[:1], f.number, unit] + ([QUALIFIERS_EN[after]] if after else []))


GLANCE = {
    "zh": {"figures": "报告中的数字", "chart": "各领域措施数",
           "figures_note": "以下数字及其所在语句照录报告原文（本站整理，未作换算）；每个数字链接到它所在的措施。",
           "measure": "措施", "area": "领域", "total": "合计",
           "caption": "各领域措施数：{done}与{planned}（本站按措施编号统计）",
           "chart_note": "条形长度表示措施项数；点击数字查看这些措施。"},
    "en": {"figures": "Figures in the report", "chart": "Measures per area",
           "figures_note": "Each figure and the clause it sits in are quoted from the Chinese original (collected by this site, "
                           "not converted); each links to its measure.",
           "measure": "Measure", "area": "Area", "total": "Total",
           "caption": "Measures per area: {done} and {planned} (counted by this site from the measure IDs)",
           "chart_note": "Bar length shows the number of measures; follow a number to the measures."},
}


def _figure_groups(catalog: Catalog, report: int):
    """(kind, year, [(measure, figure)]) of one report: its year's work first, then next year's plan."""
    out = []
    for kind in MEASURED_KINDS:
        year = report + 1 if kind == "planned" else report
        pairs = [(m, f) for m in catalog.by_report.get(report, []) if m.kind == kind for f in m.figures]
        if pairs:
            out.append((kind, year, pairs))
    return out


def _marked_context(f) -> str:
    """The clause verbatim, with the figure itself emphasised (no character changes)."""
    ctx = f.context
    at = ctx.find(f.text)
    if at == -1:
        return _html(ctx)
    return _html(ctx[:at]) + f'<strong>{_html(f.text)}</strong>' + _html(ctx[at + len(f.text):])


def figures_panel(catalog: Catalog, report: int, page: str, lang: str) -> str:
    """The report's figures as cards: number and unit, the clause that says what it counts, its measure."""
    t = GLANCE[lang]
    out = [f"### {t['figures']} {{ #glance-figures .site-added }}\n",
           '<div class="figures-panel site-added">',
           f'<p class="figures-panel__note">{_html(t["figures_note"])}</p>']
    for kind, year, pairs in _figure_groups(catalog, report):
        group = LABELS[lang]["kinds"][kind].format(year=year)
        gid = f"glance-figures-{kind}"
        out.append(f'<h4 class="figures-panel__group" id="{gid}">{_html(group)}</h4>')
        out.append(f'<ul class="figure-cards" aria-labelledby="{gid}">')
        for m, f in pairs:
            target = m.page_en if lang == "en" and m.page_en else m.page
            gloss = figure_gloss(f) if lang == "en" else None
            gloss = f' <span class="figure-card__gloss">({_html(gloss)})</span>' if gloss else ""
            out.append(
                '<li class="figure-card">'
                f'<p class="figure-card__figure"><span class="figure-card__value">{_html(f.value)}</span>'
                f'<span class="figure-card__unit">{_html(f.unit + f.after)}</span>{gloss}</p>'
                f'<p class="figure-card__context" lang="zh">{_marked_context(f)}</p>'
                f'<p class="figure-card__measure"><a href="{site_href(page, target, m.anchor)}">{t["measure"]} {m.id}</a>'
                f' · {_html(area_name(catalog, m.area, lang, short=True))}</p>'
                "</li>")
        out.append("</ul>")
    out.append("</div>\n")
    return "\n".join(out)


def _bar(count: int, most: int, kind: str) -> str:
    """A bar drawn at build time: presentation attributes only (no style=, which a CSP would block)."""
    width = round(100 * count / most, 2) if most else 0
    return (f'<svg class="areas-chart__bar areas-chart__bar--{kind}" viewBox="0 0 100 10" preserveAspectRatio="none" '
            f'aria-hidden="true" focusable="false"><rect class="areas-chart__track" width="100" height="10"/>'
            f'<rect class="areas-chart__fill" width="{width}" height="10"/></svg>')


def areas_chart(catalog: Catalog, report: int, page: str, lang: str) -> str:
    """Measures per area, the report year's work against next year's plan: a real table whose
    number cells carry a bar, so the chart and its text alternative are one and the same."""
    t, kinds = GLANCE[lang], LABELS[lang]["kinds"]
    series = (("done", report), ("planned", report + 1))
    counts = {a: {k: 0 for k, _ in series} for a in catalog.areas}
    for m in catalog.by_report.get(report, []):
        if m.area in counts and m.kind in counts[m.area]:
            counts[m.area][m.kind] += 1
    most = max((n for c in counts.values() for n in c.values()), default=0)
    names = [kinds[k].format(year=y) for k, y in series]
    in_sentence = names[1] if lang == "zh" else names[1][0].lower() + names[1][1:]
    rows = []
    for a, c in counts.items():
        cells = []
        for k, _ in series:
            n = c[k]
            number = (f'<a href="{site_href(page, AREAS_PAGE, f"area-{a}-{report}-{k}")}">{n}</a>' if n else "0")
            cells.append(f'<td class="areas-chart__cell"><span class="areas-chart__n">{number}</span>{_bar(n, most, k)}</td>')
        rows.append(f'<tr><th scope="row"><a href="{site_href(page, AREAS_PAGE, "area-" + a)}">'
                    f'{_html(area_name(catalog, a, lang, short=True))}</a></th>{"".join(cells)}</tr>')
    totals = "".join(f'<td class="areas-chart__cell"><span class="areas-chart__n">{sum(c[k] for c in counts.values())}</span></td>'
                     for k, _ in series)
    return "\n".join([
        f"### {t['chart']} {{ #glance-areas .site-added }}\n",
        '<figure class="areas-chart site-added">',
        '<table class="areas-chart__table">',
        f'<caption>{_html(t["caption"].format(done=names[0], planned=in_sentence))}</caption>',
        f'<thead><tr><th scope="col">{t["area"]}</th>'
        + "".join(f'<th scope="col" class="areas-chart__head areas-chart__head--{k}">{_html(n)}</th>' for (k, _), n in zip(series, names))
        + "</tr></thead>",
        "<tbody>", *rows, "</tbody>",
        f'<tfoot><tr><th scope="row">{t["total"]}</th>{totals}</tr></tfoot>',
        "</table>",
        f'<figcaption class="areas-chart__note">{_html(t["chart_note"])}</figcaption>',
        "</figure>\n",
    ])


OPENING_BLOCK = re.compile(r'^<div class="report-opening" markdown>\n.*?^</div>\n', re.M | re.S)

FULL_REPORT_NOTE = {
    "zh": ('!!! info full-report-note site-added "说明（本站添加）"\n\n'
           "    本页把报告各页按原文顺序合为一页，便于通读和打印（打印时不显示网站导航）。正文照录原文；"
           "措施编号链接到各措施所在的分页，那里有它的永久链接。\n"),
    "en": ('!!! info full-report-note site-added "About this page (added by this site)"\n\n'
           "    The report's pages in the official order on one page, for reading through and for printing (the "
           "site's navigation is left out of the print). Measure IDs link to each measure on its own page, "
           "where its permanent link is.\n"),
}

_MD_LINK = None


def _relink(body: str, src: str, page: str) -> str:
    """Markdown links of a page at ``src`` made relative to ``page`` instead."""
    import posixpath

    global _MD_LINK
    _MD_LINK = _MD_LINK or re.compile(r"\]\((?!#|[a-z]+:|/)([^)\s#]+)(#[^)\s]*)?\)")

    def fix(m):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), m[1]))
        return f"]({href(page, target, (m[2] or '#')[1:] or None)})"

    return _MD_LINK.sub(fix, body)


def full_report(catalog: Catalog, report: int, page: str, lang: str, home: dict, sources) -> str:
    """The whole report on one page, in the official order: the disclosure table, then each section.

    ``sources`` are (src, meta, body, lang) of the report's pages in reading order. Each page is
    annotated as on its own page, but its measures get no id (the anchors stay on their own pages,
    so a link never lands on this copy) and each measure ID links to the measure's own page.
    """
    out = [disclosure_table(home, lang), FULL_REPORT_NOTE[lang]]
    section = None
    for src, meta, body, body_lang in sources:
        if "section" not in meta:  # the report home: only its opening (title lines, addressee, preamble) is the report's
            opening = OPENING_BLOCK.search(body)
            if opening:
                text = annotate_report_page(_relink(opening[0], src, page), meta, page, catalog, body_lang)
                wrap = ' lang="zh"' if body_lang != lang else ""
                out.append(f"<div class=\"report-page\"{wrap} markdown>\n\n{text}\n</div>\n")
            continue
        body = re.sub(r"^<!-- [\w:-]+ -->\n?", "", body, flags=re.M)
        text = annotate_report_page(_relink(body, src, page), meta, page, catalog, body_lang)
        for m in catalog.by_page.get(src, []):
            target = m.page_en if body_lang == "en" and m.page_en else m.page
            text = text.replace(f'<span class="measure" id="{m.anchor}" ', '<span class="measure" ')
            text = text.replace(f"[{m.id}](#{m.anchor})", f"[{m.id}]({href(page, target, m.anchor)})")
        # The badges need no space after them here (their margin parts them from the text on screen),
        # so that a print without them shows no gap between two measures of one paragraph.
        text = re.sub(r"(\{ \.(?:measure-id|area-tag|outcome-tag) [^{}]*\}) ", r"\1", text)
        shift = 2 if meta.get("subsection") else 1
        text = re.sub(r"^(#{1,4})(?= )", lambda h: h[1] + "#" * shift, text, flags=re.M)
        if meta.get("section") != section:
            if section is not None:
                out.append("</section>\n")
            section = meta.get("section")
            out.append(f'<section class="report-section report-section--{section}" markdown>\n')
        wrap = ' lang="zh"' if body_lang != lang else ""
        out.append(f"<div class=\"report-page\"{wrap} markdown>\n\n{text.strip()}\n\n</div>\n")
    if section is not None:
        out.append("</section>\n")
    return "\n".join(out)


CORRECTIONS = {"zh": ("更正记录（本站添加）", "本页发布后作过以下更正："),
               "en": ("Corrections (added by this site)", "This page has been corrected since it was published:")}


def corrections_box(corrections: list[dict], lang: str) -> str:
    """The change log of a page corrected after publication: when, and what changed."""
    title, lead = CORRECTIONS[lang]
    items = "\n".join(f"    - <time datetime=\"{_html(c['date'])}\">{_html(c['date'])}</time>：{_text(c['what'])}" if lang == "zh"
                      else f"    - <time datetime=\"{_html(c['date'])}\">{_html(c['date'])}</time>: {_text(c['what'])}"
                      for c in sorted(corrections, key=lambda c: str(c["date"])))
    return f'!!! note corrections site-added "{title}"\n\n    {lead}\n\n{items}\n'
