"""Markdown the site adds to pages: measure anchors and tags, policy links, generated sections.

Every piece of added markup carries the class ``site-added`` so that readers (and the fidelity
test) can tell it from the official text, which passes through unchanged.
"""

from __future__ import annotations

from .catalog import GOAL, block_spans, page_blocks
from .frontmatter import SourcePage
from .links import href
from .model import Catalog, Measure
from .pages import Block
from .text import find_citations

LABELS = {
    "zh": {
        "measure_id": "措施编号（本站添加），点击可复制链接",
        "area_tag": "所属领域（本站添加）",
        "kinds": {"done": "{year}年已开展的工作", "problem": "{year}年存在的问题", "planned": "{year}年工作安排"},
        "kind_short": {"done": "已开展", "problem": "问题", "planned": "计划"},
        "policy_link": "所引政策（链接为本站添加）",
        "none": "无",
        "not_given": "未提供",
        "not_verified": "未核实",
    },
    "en": {
        "measure_id": "Measure ID (added by this site); link to this measure",
        "area_tag": "Area (added by this site)",
        "kinds": {"done": "Work done in {year}", "problem": "Problems found in {year}", "planned": "Plans for {year}"},
        "kind_short": {"done": "done", "problem": "problem", "planned": "planned"},
        "policy_link": "Cited policy (link added by this site)",
        "none": "none",
        "not_given": "not given",
        "not_verified": "not verified",
    },
}

AREAS_PAGE = "measures/by-area.md"


def area_name(catalog: Catalog, area_id: str, lang: str, short: bool = False) -> str:
    a = catalog.areas[area_id]
    if short:
        return a.short_zh if lang == "zh" else a.short_en
    return a.name_zh if lang == "zh" else a.name_en


def measure_badges(m: Measure, page: str, catalog: Catalog, lang: str) -> str:
    labels = LABELS[lang]
    return (f'[{m.id}](#{m.anchor}){{ .measure-id .site-added title="{labels["measure_id"]}" }} '
            f'[{area_name(catalog, m.area, lang, short=True)}]({href(page, AREAS_PAGE, "area-" + m.area)})'
            f'{{ .area-tag .site-added title="{labels["area_tag"]}" }} ')


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
            policy = catalog.policies[by_title[title]]
            pieces.append(f"[{text[a - offset:b - offset]}]({href(page, policy.page)}){{ .policy-link }}")
        at = e
    pieces.append(text[at:])
    return "".join(pieces)


def annotate_report_page(markdown: str, meta: dict, page: str, catalog: Catalog, lang: str = "zh") -> str:
    """Wrap each measure of a report page in an anchored span with its ID and area, and link
    its citations. Paragraphs of official text keep every character."""
    source = SourcePage(page, meta, markdown, 1)
    ids = {m.id: m for m in catalog.measures}
    by_title = {t: p.id for p in catalog.policies.values() for t in p.titles + p.meta.get("cited_without_brackets", [])}
    unbracketed = tuple(t for p in catalog.policies.values() for t in p.meta.get("cited_without_brackets", []))
    lines = markdown.split("\n")
    section, report = meta.get("section"), meta.get("report")
    for sub, block in page_blocks(source):
        measured = section in (1, 2, 3) and (section, sub) != GOAL
        spans = block_spans(source, block, lang) if measured else []
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
    return m.text_en or m.text if lang == "en" else m.text


def measure_link(m: Measure, page: str, lang: str) -> str:
    target = m.page_en if lang == "en" and m.page_en else m.page
    return f"[{m.id}]({href(page, target, m.anchor)})"


def measure_row(m: Measure, page: str, catalog: Catalog, lang: str, area: bool = True) -> str:
    cells = [measure_link(m, page, lang)]
    if area:
        cells.append(f"[{area_name(catalog, m.area, lang, short=True)}]({href(page, AREAS_PAGE, 'area-' + m.area)})")
    cells.append(_cell(excerpt(measure_text(m, lang), 80 if lang == "en" else 60)))
    cells.append(", ".join(f"[{_cell(policy_label(catalog, pid, lang))}]({href(page, catalog.policies[pid].page)})" for pid in m.policies) or "—")
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def policy_label(catalog: Catalog, pid: str, lang: str = "zh") -> str:
    """The cited title; in English, the site's translated title (in italics) before it."""
    p = catalog.policies[pid]
    if lang == "en" and p.title_en:
        return f"*{p.title_en}* 《{p.title}》"
    return f"《{p.title}》"


HEADERS = {
    "zh": ("编号", "领域", "内容（原文摘录）", "所引政策"),
    "en": ("ID", "Area", "Text (opening words)", "Policies cited"),
}


def table(rows: list[str], lang: str, area: bool = True) -> str:
    head = list(HEADERS[lang]) if area else [h for i, h in enumerate(HEADERS[lang]) if i != 1]
    return "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head), *rows]) + "\n"


def groups(catalog: Catalog, measures: list[Measure]):
    """(report year, kind, year) groups in reading order: done, problems, then the plan."""
    order = {k: i for i, k in enumerate(("done", "problem", "planned"))}
    keys = sorted({(m.report_year, m.kind, m.year) for m in measures}, key=lambda k: (k[0], order[k[1]]))
    return [(k, [m for m in measures if (m.report_year, m.kind, m.year) == k]) for k in keys]


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
        out.append(f"## {name} {{ #area-{area.id} }}\n")
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


def policy_facts(catalog: Catalog, pid: str, lang: str) -> str:
    p, meta, labels = catalog.policies[pid], catalog.policies[pid].meta, LABELS[lang]
    nv = labels["not_verified"]
    def fact(name):
        f = meta.get(name)
        return (_cell(f["value"]), _cell(f["source"])) if f else (f"*{nv}*", "—")
    rows = [
        ("引用标题" if lang == "zh" else "Title as cited", f"《{_cell(p.title)}》", "报告原文" if lang == "zh" else "the report"),
        ("正式标题" if lang == "zh" else "Official title", *((f"《{_cell(meta['official_title']['value'])}》", _cell(meta["official_title"]["source"])) if meta.get("official_title") else (("与引用标题相同" if lang == "zh" else "same as cited") if meta.get("verified") else f"*{nv}*", "—"))),
        ("发布机关" if lang == "zh" else "Issuer", *fact("issuer")),
        ("层级" if lang == "zh" else "Level", _cell(meta["level"]), _cell(meta.get("level_basis", "—"))),
        ("文号" if lang == "zh" else "Document number", *fact("doc_number")),
    ]
    for d in meta.get("dates", []):
        label = d["label"] if d["label"] != "日期" else ""
        rows.append(((f"日期（{label}）" if label else "日期") if lang == "zh" else (f"Date ({label})" if label else "Date"), d["value"], _cell(d["source"])))
    if not meta.get("dates"):
        rows.append(("日期" if lang == "zh" else "Dates", f"*{nv}*", "—"))
    head = ("| 项目 | 内容 | 来源 |" if lang == "zh" else "| Field | Value | Source |")
    out = [head, "|---|---|---|", *("| " + " | ".join(r) + " |" for r in rows)]
    notes = []
    if p.official_title and p.official_title != p.title:
        notes.append(("报告引用的标题与正式标题不同：报告作《" + p.title + "》，正式标题为《" + p.official_title + "》。")
                     if lang == "zh" else f"The report cites this policy under a title that differs from its official title (《{p.official_title}》).")
    if not meta.get("verified"):
        notes.append("本页除报告原文所载内容外，其余信息均未经核实。" if lang == "zh" else "Apart from what the report itself says, nothing on this page has been verified.")
    if meta.get("note"):
        notes.append(meta["note"])
    box = ""
    if notes:
        title = "编者注" if lang == "zh" else "Editor's note"
        box = f'\n!!! note "{title}"\n\n' + "\n\n".join("    " + n for n in notes) + "\n"
    return "\n".join(out) + "\n" + box


def policies_list(catalog: Catalog, page: str, lang: str) -> str:
    levels = ["国家", "自治区", "自治州", "本局"]
    names = {"国家": "National", "自治区": "Xinjiang Uygur Autonomous Region", "自治州": "Bortala Prefecture", "本局": "The bureau"}
    out = []
    for level in levels:
        ps = [p for p in catalog.policies.values() if p.meta["level"] == level]
        if not ps:
            continue
        out.append(f"## {level if lang == 'zh' else names[level]} {{ #level-{levels.index(level) + 1} }}\n")
        head = "| 政策 | 文号 | 引用次数 | 核实 |" if lang == "zh" else "| Policy | Document number | Cited by | Verified |"
        rows = [f"| [{_cell(policy_label(catalog, p.id, lang))}]({href(page, p.page)}) | {p.fact('doc_number') or '*' + LABELS[lang]['not_verified'] + '*'} "
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
        ms = [m for m in catalog.measures if m.report_year == report and m.figures]
        out.append(f"## {report} {{ #figures-{report} }}\n")
        head = "| 数字 | 原文语境 | 措施 |" if lang == "zh" else "| Figure | In the text | Measure |"
        rows = [f"| **{f.text}** | {_cell(f.context)} | {measure_link(m, page, lang)} |" for m in ms for f in m.figures]
        out.append("\n".join([head, "|---|---|---|", *rows]) + "\n")
    return "\n".join(out)


SECTIONS = {
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
    ("published", "发布日期", "Date published (prefecture portal)"),
    ("doc_number", "文号", "Document number"),
    ("index_number", "索引号", "Index number"),
    ("topic", "主题分类", "Subject category"),
    ("reviewer", "审核人", "Reviewer"),
]


def disclosure_table(meta: dict, lang: str) -> str:
    """The metadata table Chinese government sites show above a disclosed document.

    Every value comes from the page's front matter; a field the bureau has not given reads 未提供.
    """
    d = meta["disclosure"]
    rows = []
    for key, zh, en in DISCLOSURE_FIELDS:
        value = d.get(key)
        shown = _cell(str(value)) if value else f'<span class="not-given">{LABELS[lang]["not_given"]}</span>'
        rows.append(f'<tr><th scope="row">{zh if lang == "zh" else en}</th><td>{shown}</td></tr>')
    caption = "公开信息" if lang == "zh" else "Disclosure details"
    return f'<table class="disclosure-meta">\n<caption>{caption}</caption>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n"


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


def original_links(meta: dict, sha256: str, lang: str, file_href: str | None = None) -> str:
    """Where to get the official text: the file as received, with its SHA-256, and the portal copy."""
    d = meta["disclosure"]
    link = f'<a href="{file_href or d["original"]}" download>{d["original"]}</a>'
    if lang == "zh":
        lines = [f'- **原文**：{link}（UTF-8 纯文本，与收到的原件逐字节一致）',
                 f'  SHA-256：<code class="sha256">{sha256}</code>']
        if d.get("portal_url"):
            lines.append(f'- **博州门户网站发布的原文**：<{d["portal_url"]}>')
        if d.get("title_note"):
            lines.append(f'\n!!! note "编者注"\n\n    {d["title_note"]}\n')
    else:
        lines = [f'- **Official text (Chinese)**: {link} (UTF-8 plain text, byte for byte as received)',
                 f'  SHA-256: <code class="sha256">{sha256}</code>']
        if d.get("portal_url"):
            lines.append(f'- **The copy on the prefecture portal**: <{d["portal_url"]}>')
    return "\n".join(lines) + "\n"


def glossary(terms, lang: str) -> str:
    """The glossary page: one entry per term, with a permanent anchor (its id)."""
    out = []
    for t in terms:
        if lang == "zh":
            out.append(f"## {t.term} {{ #{t.id} }}\n\n英文：{t.en}\n\n{t.definition_zh}\n")
        else:
            out.append(f"## {t.en} ({t.term}) {{ #{t.id} }}\n\n{t.definition_en}\n")
    return "\n".join(out)
