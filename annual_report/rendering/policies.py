"""A policy page's generated sections (its facts, the measures citing it) and the policy index."""

from __future__ import annotations

from ..links import href
from ..model import Catalog
from .citations import cited_as, policy_label
from .context import PageContext
from .markdown import cell, pipe_table, text
from .measures import groups, kind_title, measure_table
from .strings import Strings

# English for the Chinese values of the policy pages' facts (this site's translation of what the
# sources say, shown beside the Chinese as written). A value not listed here stays in Chinese only.
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

# Anchors are permanent: the first four were published before 省, 市 and 县 were added.
LEVEL_ANCHORS = {"国家": 1, "自治区": 2, "自治州": 3, "本局": 4, "省": 5, "市": 6, "县": 7}
LEVELS = ["国家", "自治区", "省", "自治州", "市", "县", "本局"]  # as the index lists them


def fact_text(value: str, lang: str, keep_chinese: bool = True) -> str:
    """A fact's value in the page's language: in English, the site's translation, with the Chinese as
    written beside it where it is a name (issuers)."""
    english = FACTS_EN.get(value) if lang == "en" else None
    if english is None:
        return cell(value)
    return cell(f"{english} ({value})" if keep_chinese else english)


def policy_facts(page: PageContext, catalog: Catalog) -> str:
    """The policy's facts, each with its source; what no source gives reads 未核实 (not verified)."""
    pid, lang = page.name, page.lang
    strings = Strings.of(catalog, lang)
    p = catalog.policies[pid]
    meta, not_verified = p.meta, f"*{strings['not_verified']}*"

    def fact(name: str) -> list[str]:
        found = meta.get(name)
        if not found:
            return [not_verified, "—"]
        value = fact_text(found["value"], lang) if name == "issuer" else cell(found["value"])
        return [value, fact_text(found["source"], lang, keep_chinese=False)]

    if meta.get("official_title"):
        official = [f"《{cell(meta['official_title']['value'])}》", cell(meta["official_title"]["source"])]
    else:
        official = [strings["fact.same_as_cited"] if meta.get("verified") else not_verified, "—"]
    rows = [
        [strings["fact.title_as_cited"], cell(cited_as(catalog, pid)), strings["fact.the_report"]],
        [strings["fact.official_title"], *official],
        [strings["fact.issuer"], *fact("issuer")],
        [strings["fact.level"], fact_text(meta["level"], lang),
         fact_text(meta.get("level_basis", "—"), lang, keep_chinese=False)],
        [strings["fact.doc_number"], *fact("doc_number")],
    ]
    for date in meta.get("dates", []):
        label = fact_text(date["label"], lang, keep_chinese=False) if date["label"] != "日期" else ""
        name = strings["fact.date_labelled"].format(label=label) if label else strings["fact.date"]
        rows.append([name, cell(date["value"]), fact_text(date["source"], lang, keep_chinese=False)])
    if not meta.get("dates"):
        rows.append([strings["fact.no_dates"], not_verified, "—"])
    table = pipe_table([strings[f"facts_head.{c}"] for c in ("field", "value", "source")], rows)
    notes = []
    if p.official_title and p.official_title != p.title:
        notes.append(strings["note.title_differs"].format(title=text(p.title), official=text(p.official_title)))
    if not meta.get("verified"):
        notes.append(strings["note.not_verified"])
    if meta.get("note"):
        notes.append(text(meta.get(f"note_{lang}", meta["note"])).replace("\n", "\n    "))
    if not notes:
        return table
    return table + f'\n!!! note "{strings["editors_note"]}"\n\n' + "\n\n".join("    " + n for n in notes) + "\n"


def policy_cited_by(page: PageContext, catalog: Catalog) -> str:
    strings = Strings.of(catalog, page.lang)
    heading = f"## {strings['cited_by_heading']} {{ #cited-by }}\n"
    ms = [catalog.measure(i) for i in catalog.policies[page.name].cited_by]
    if not ms:
        return f"{heading}\n{strings['cited_by_none']}\n"
    out = [heading]
    for (report, kind, year), group in groups(ms):
        out.append(f"### {kind_title(strings, kind, year)} {{ #cited-by-{report}-{kind} }}\n")
        out.append(measure_table(group, page.src, catalog, page.lang))
    return "\n".join(out)


def policies_list(page: PageContext, catalog: Catalog) -> str:
    """The policy index: the policies of each level, with their document number and citations."""
    strings = Strings.of(catalog, page.lang)
    head = [strings[f"policies_head.{c}"] for c in ("policy", "doc_number", "cited_by", "verified")]
    out = []
    for level in LEVELS:
        policies = [p for p in catalog.policies.values() if p.meta["level"] == level]
        if not policies:
            continue
        out.append(f"## {strings[f'level.{level}']} {{ #level-{LEVEL_ANCHORS[level]} }}\n")
        rows = [[f"[{cell(policy_label(catalog, p.id, page.lang))}]({href(page.src, p.page)})",
                 cell(p.fact("doc_number")) if p.fact("doc_number") else f"*{strings['not_verified']}*",
                 str(len(p.cited_by)),
                 strings["verified.yes" if p.meta["verified"] else "verified.no"]] for p in policies]
        out.append(pipe_table(head, rows))
    return "\n".join(out)
