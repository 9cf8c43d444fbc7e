"""Read every report page and policy page into one Catalog, checking it as it goes.

Bad content raises ContentError naming the file, the line and the fix. Pages are read once each.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .datafiles import load_yaml

from .errors import ContentError
from .frontmatter import SourcePage, split_page, validate
from .model import Area, Catalog, Measure, Policy
from .pages import Block, scan_blocks
from .text import EN_ORDINALS, MarkerOrderError, find_citations, find_figures, heading_ordinal, split_measures

KIND_OF_SECTION = {1: "done", 2: "problem", 3: "planned"}
GOAL = (3, 1)  # section 三 (一) states the year's goal: shown, not a measure




def read_page(root: Path, rel: str, shown_as: str) -> SourcePage:
    return split_page(shown_as, (root / rel).read_text("utf-8"))


def measure_id(report: int, section: int, subsection: int, ordinal: int) -> str:
    return f"{report}-{section}-{subsection:02d}-{ordinal}"


def page_blocks(page: SourcePage) -> list[tuple[int, Block]]:
    """The (subsection, block) pairs of a report page that hold official paragraphs."""
    meta = page.meta
    section = meta.get("section")
    out = []
    for block in scan_blocks(page.body):
        if not block.paragraphs:
            continue
        if section == 1:
            sub = meta.get("subsection", 0)
        elif block.level >= 2 and block.heading:
            sub = heading_ordinal(block.heading) or 0
        else:
            sub = 0
        out.append((sub, block))
    return out


def block_spans(page: SourcePage, block: Block, lang: str):
    try:
        return split_measures(block.text, lang)
    except MarkerOrderError as err:
        line = _line_at(page, block, err.offset)
        name = (lambda n: f"{EN_ORDINALS[n - 1]},") if lang == "en" else (lambda n: f"{_zh(n)}是")
        raise ContentError(page.path, line,
                           f"measure marker '{name(err.found)}' where '{name(err.expected)}' was expected: markers count up from "
                           f"{name(1)} with no gap or repeat",
                           f"renumber the markers in this block, or, if '{name(err.found)}' is not a marker, reword it") from None


def _zh(n: int) -> str:
    import cn2an
    return cn2an.an2cn(n)


def _line_at(page: SourcePage, block: Block, offset: int) -> int:
    for p, start in zip(block.paragraphs, block.offsets()):
        if start <= offset <= start + len(p.text):
            return page.body_line + p.first + p.text.count("\n", 0, offset - start)
    return page.body_line + block.line


class CatalogReader:
    """Reads one language folder (``docs/zh``) plus the data files into a Catalog."""

    def __init__(self, docs: Path, data: Path, shown_root: Path | None = None):
        self.docs, self.data = docs, data
        self.shown_root = shown_root or docs.parent.parent

    def shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.shown_root))
        except ValueError:
            return str(path)

    def read(self, include_drafts: bool = False) -> tuple[Catalog, list[str]]:
        """The catalog and a list of warnings (policies nothing cites)."""
        areas = load_areas_file(self.data / "areas.yml")
        policies = self.read_policies()
        by_title = self.title_index(policies)
        unbracketed = tuple(t for p in policies.values() for t in p.meta.get("cited_without_brackets", []))
        measures: list[Measure] = []
        goals: dict[int, str] = {}
        seen_pages: dict[tuple, str] = {}
        pages: dict[int, list[dict]] = {}
        drafts = draft_folders(self.docs)
        annotations: list[tuple[SourcePage, str, int, dict]] = []
        for path in sorted((self.docs / "reports").glob("*/**/*.md")):
            rel = path.relative_to(self.docs).as_posix()
            is_draft = any(rel.startswith(folder + "/") for folder in drafts)
            if is_draft and not include_drafts:
                continue
            page = split_page(self.shown(path), path.read_text("utf-8"))
            if "report" not in page.meta and "section" not in page.meta:
                continue
            validate(page, "report-page.schema.json")
            if "disclosure" in page.meta and not is_draft:
                if not (path.parent / page.meta["disclosure"]["original"]).is_file():
                    raise ContentError(page.path, page.line_of("disclosure", "original"),
                                       f"the official text file {page.meta['disclosure']['original']} is not beside this page",
                                       "add the official text, exactly as received, as that file in this report's folder")
                for key, label in (("written", "成文日期"), ("reviewer", "审核人")):
                    if not page.meta["disclosure"].get(key):
                        raise ContentError(page.path, page.line_of("disclosure", key),
                                           f"the report is to be published but its {label} (disclosure.{key}) is empty",
                                           f"fill in disclosure.{key}, or keep the report a draft with 'status: draft'")
            if not is_draft and SCAFFOLD_PLACEHOLDER in page.body:
                line = page.body_line + page.body[: page.body.index(SCAFFOLD_PLACEHOLDER)].count("\n")
                raise ContentError(page.path, line, "the page still holds the scaffold's placeholder (待填写) but the report is to be published",
                                   "paste the official text in place of the placeholder, or keep the report a draft with 'status: draft'")
            for ordinal, note in (page.meta.get("reports_on") or {}).items():
                annotations.append((page, rel, int(ordinal), note))
            pages.setdefault(page.meta["report"], []).append({"page": rel, **page.meta})
            measures += self.read_report_page(page, rel, areas, policies, by_title, unbracketed, goals, seen_pages)
        measures.sort(key=lambda m: (m.report_year, m.section, m.subsection, m.ordinal))
        self.check_unique(measures)
        for m in measures:
            for pid in m.policies:
                if m.id not in policies[pid].cited_by:
                    policies[pid].cited_by.append(m.id)
        warnings = [f"{self.shown(self.docs / p.page)}: policy page '{p.title}' is cited by no measure "
                    f"(keep it if a coming report cites it, otherwise remove it)" for p in policies.values() if not p.cited_by]
        for year in pages:
            pages[year].sort(key=lambda p: (p.get("section", 0), p.get("subsection", 0)))
        catalog = Catalog(areas, policies, measures, goals, report_pages=pages,
                          drafts={int(f.split("/")[1]) for f in drafts if f.split("/")[1].isdigit()} if include_drafts else set())
        catalog.problem_links = self.read_problem_links(catalog)
        self.derive_outcomes(catalog, annotations)
        translation = self.docs.parent / "en"
        if translation.is_dir():
            self.read_translation(catalog, translation)
        return catalog, warnings

    def derive_outcomes(self, catalog: Catalog, annotations) -> None:
        """Each planned measure's status, taken only from the later report's annotations.

        A later report's page marks which of last year's planned measures a measure reports on
        (front matter ``reports_on: {ordinal: {planned: ID, status: …}}``). With no later report the
        status is "awaiting"; with one that says nothing of the measure, "not-reported".
        """
        ids = {m.id: m for m in catalog.measures}
        claims: dict[str, list[tuple[str, str]]] = {}
        for page, rel, ordinal, note in annotations:
            reporter = next((m for m in catalog.by_page.get(rel, []) if m.ordinal == ordinal), None)
            if reporter is None:
                raise ContentError(page.path, page.line_of("reports_on", str(ordinal)),
                                   f"reports_on names measure {ordinal} of this page, which has no such measure",
                                   "use the number of the measure (1 for 一是, 2 for 二是 …) on this page")
            planned = ids.get(note["planned"])
            if planned is None or planned.kind != "planned" or planned.year != reporter.report_year:
                raise ContentError(page.path, page.line_of("reports_on", str(ordinal), "planned"),
                                   f"reports_on: {note['planned']} is not a measure planned for {reporter.report_year}",
                                   f"use the ID of one of the {reporter.report_year - 1} report's planned measures (shown beside each on its plan page)")
            claims.setdefault(planned.id, []).append((reporter.id, note["status"]))
        reported_years = set(catalog.report_years)
        for m in catalog.measures:
            if m.kind != "planned":
                continue
            found = claims.get(m.id, [])
            if found:
                status = min((s for _, s in found), key=OUTCOME_ORDER.index)
            else:
                status = "not-reported" if m.year in reported_years else "awaiting"
            m.outcome = {"status": status, "reported_by": [r for r, _ in found]}

    def read_translation(self, catalog: Catalog, docs: Path) -> None:
        """Fill text_en and page_en from the English pages, which must hold the same measures."""
        by_page: dict[str, list[Measure]] = {}
        for m in catalog.measures:
            by_page.setdefault(m.page, []).append(m)
        for pages in catalog.report_pages.values():
            for info in pages:
                path = docs / info["page"]
                if not path.exists():
                    continue
                zh_path = self.shown(self.docs / info["page"])
                page = split_page(self.shown(path), path.read_text("utf-8"))
                if page.meta.get("translation") == "pending":  # a stub: the Chinese text is shown instead
                    continue
                info["title_en"] = page.meta.get("title")
                structure = {k: info[k] for k in ("report", "section", "subsection") if k in info}
                if any(page.meta.get(k) != v for k, v in structure.items()):
                    raise ContentError(page.path, 1, f"the front matter must keep {structure} from {zh_path}",
                                       "copy 'report', 'section' and 'subsection' unchanged from the Chinese page")
                found = []
                section = info.get("section")
                for sub, block in page_blocks(page):
                    if section not in (1, 2, 3) or (section, sub) == GOAL:
                        continue
                    for span in block_spans(page, block, "en"):
                        if span.ordinal:
                            found.append((measure_id(info["report"], section, sub, span.ordinal), block.text[span.start:span.end].strip()))
                expected = [m.id for m in by_page.get(info["page"], [])]
                if [i for i, _ in found] != expected:
                    raise ContentError(page.path, None,
                                       f"the English page has the measures {[i for i, _ in found] or 'none'} but {zh_path} has {expected or 'none'}",
                                       "give each Chinese measure (一是, 二是 …) one English sentence opening 'First,', 'Second,' … "
                                       "in the same order and block, and use those words nowhere else at the start of a sentence")
                for (mid, text), m in zip(found, by_page.get(info["page"], [])):
                    m.text_en, m.page_en = text, info["page"]
        for policy in catalog.policies.values():
            path = docs / policy.page
            if path.exists():
                policy.title_en = split_page(self.shown(path), path.read_text("utf-8")).meta.get("title", "")

    def read_policies(self) -> dict[str, Policy]:
        policies = {}
        for path in sorted((self.docs / "policies").glob("*.md")):
            if path.name == "index.md":
                continue
            page = split_page(self.shown(path), path.read_text("utf-8"))
            validate(page, "policy-page.schema.json")
            pid = path.stem
            policies[pid] = Policy(pid, f"policies/{path.name}", page.meta["title"], page.meta)
        return policies

    def title_index(self, policies: dict[str, Policy]) -> dict[str, str]:
        index: dict[str, str] = {}
        for p in policies.values():
            for title in p.titles + p.meta.get("cited_without_brackets", []):
                if title in index and index[title] != p.id:
                    raise ContentError(self.shown(self.docs / p.page), 1,
                                       f"the title '{title}' also belongs to policies/{index[title]}.md",
                                       "a title may name one policy only: remove it from one of the two pages")
                index[title] = p.id
        return index

    def read_report_page(self, page, rel, areas, policies, by_title, unbracketed, goals, seen_pages) -> list[Measure]:
        meta = page.meta
        report, section = meta["report"], meta.get("section")
        key = (report, section, meta.get("subsection")) if section else None
        if section == 1 and "subsection" in meta:
            if key in seen_pages:
                raise ContentError(page.path, page.line_of("subsection"),
                                   f"report {report} section {section} subsection {key[2]} is also {seen_pages[key]}",
                                   "give each page its own 'subsection' number")
            seen_pages[key] = page.path
            if meta.get("area") not in areas:
                raise ContentError(page.path, page.line_of("area"),
                                   f"unknown area '{meta.get('area')}'",
                                   f"use one of the ids in data/areas.yml: {', '.join(areas)}")
        measures = []
        for sub, block in page_blocks(page):
            citations = find_citations(block.text, unbracketed)
            for c in citations:
                if c.title not in by_title:
                    raise ContentError(page.path, _line_at(page, block, c.start),
                                       f"the cited title 《{c.title}》 has no policy page" if not c.outer else
                                       f"the title 〈{c.title}〉 cited inside 《{c.outer}》 has no policy page",
                                       "check the title against the signed original for a typo; if it is a new policy, add a page under "
                                       "docs/zh/policies/ with this title in 'title' or 'aliases'")
                pid = by_title[c.title]
                given = policies[pid].fact("doc_number")
                if c.doc_number and given and c.doc_number != given:
                    raise ContentError(page.path, _line_at(page, block, c.start),
                                       f"the report gives {c.doc_number} for 《{c.title}》 but its policy page says {given}",
                                       f"check both against the sources and correct {policies[pid].page}")
            if not section or section == 4:
                continue
            if (section, sub) == GOAL:
                goals[report] = block.text
                continue
            for span in block_spans(page, block, "zh"):
                if span.ordinal == 0:
                    continue
                text = block.text[span.start:span.end]
                area = meta.get("area") if section == 1 else (meta.get("measure_areas") or {}).get(str(span.ordinal))
                mid = measure_id(report, section, sub, span.ordinal)
                line = _line_at(page, block, span.start)
                if area not in areas:
                    raise ContentError(page.path, line if section == 1 else page.line_of("measure_areas"),
                                       f"measure {mid} has " + (f"the unknown area '{area}'" if area else "no area"),
                                       f"add '{span.ordinal}: <area id>' under 'measure_areas' in the front matter; area ids are in data/areas.yml")
                cited = []
                for c in citations:
                    if span.start <= c.start < span.end and by_title[c.title] not in cited:
                        cited.append(by_title[c.title])
                figures = [f for f in find_figures(block.text) if span.start <= f.start < span.end]
                measures.append(Measure(mid, report, report + (1 if section == 3 else 0), KIND_OF_SECTION[section],
                                        area, section, sub, span.ordinal, text.strip(), rel, line, cited, figures))
        return measures

    def check_unique(self, measures: list[Measure]) -> None:
        seen: dict[str, Measure] = {}
        for m in measures:
            if m.id in seen:
                first = seen[m.id]
                raise ContentError(self.shown(self.docs / m.page), m.line,
                                   f"measure ID {m.id} is also given to a measure in {self.shown(self.docs / first.page)}:{first.line}",
                                   "two pages claim the same report, section and subsection: correct 'section'/'subsection' in one of them")
            seen[m.id] = m

    def read_problem_links(self, catalog: Catalog) -> list[tuple[str, str]]:
        path = self.data / "problem-links.yml"
        if not path.exists():
            return []
        ids = {m.id for m in catalog.measures}
        links = []
        for row in load_yaml(path, self.shown(path)) or []:
            for mid in [row["problem"], *row["planned"]]:
                if mid not in ids:
                    raise ContentError(self.shown(path), None, f"measure {mid} does not exist",
                                       "use the ID shown beside the measure on its report page")
            links += [(row["problem"], p) for p in row["planned"]]
        return links


SCAFFOLD_PLACEHOLDER = "<!-- 待填写"  # left by `make new-report` where the official text goes
OUTCOME_ORDER = ["completed", "partly-completed", "under-way", "not-reported", "awaiting"]


def draft_folders(docs: Path) -> list[str]:
    """Report folders (reports/2024) whose home page says ``status: draft``: none of it is published."""
    out = []
    for home in sorted((docs / "reports").glob("*/index.md")):
        head = home.read_text("utf-8").split("\n---", 1)[0]
        if "\nstatus: draft" in head:
            out.append(home.parent.relative_to(docs).as_posix())
    return out


def load_areas_file(path: Path) -> dict[str, Area]:
    rows = load_yaml(path)
    return {r["id"]: Area(r["id"], r["name_zh"], r["name_en"], r["basis"], r["short_zh"], r["short_en"]) for r in rows}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
