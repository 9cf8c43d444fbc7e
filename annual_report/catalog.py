"""Read every report page and policy page into one Catalog, checking everything as it goes.

Every problem is collected, not only the first: the build lists them all at once, each naming the
file, the line and the fix (ContentErrors). Two kinds of problem:

- errors, which always fail the build: bad front matter, misnumbered markers, a page whose text
  differs from its report's official file (drafts included), two pages with one measure ID;
- open items, what a draft may still lack (an unknown citation, a measure without area, metadata,
  the official file, a translation, a part's kind, the scaffold's placeholders): listed, without
  failing, while the report is a draft (``status: draft`` on its home page); errors once it is
  published.

Drafts are always read and checked; their measures and pages reach the catalog only when the build
shows drafts (``make serve``, ``SHOW_DRAFTS=1``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import fidelity
from .datafiles import load_yaml
from .draft import unescape_markdown
from .errors import ContentError, ContentErrors
from .frontmatter import SourcePage, split_page, validate
from .glossary import Term, load_glossary
from .model import Area, Catalog, Measure, OfficialFile, Policy
from .pages import Block, scan_blocks
from .safety import check_project
from .structure import MEASURED_KINDS
from .text import MarkerOrderError, find_citations, find_figures, heading_ordinal, split_measures

PAGE_PATH = re.compile(r"^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]*\.md$")
SCAFFOLD_PLACEHOLDER = "<!-- 待填写"  # left by `make new-report` (without SOURCE) where the official text goes
OUTCOME_ORDER = ["completed", "partly-completed", "under-way", "not-reported", "awaiting"]


def measure_id(report: int, section: int, subsection: int, ordinal: int) -> str:
    return f"{report}-{section}-{subsection:02d}-{ordinal}"


def page_blocks(page: SourcePage) -> list[tuple[int, Block]]:
    """The (subsection, block) pairs of a report page that hold official paragraphs.

    A page of one subsection says so in its front matter; a page holding several gives each a
    heading (## (一)…) whose ordinal is the subsection; text outside any subsection is 0.
    """
    meta = page.meta
    out = []
    for block in scan_blocks(page.body):
        if not block.paragraphs:
            continue
        if "subsection" in meta:
            sub = meta["subsection"]
        elif block.level >= 2 and block.heading:
            sub = heading_ordinal(block.heading) or 0
        else:
            sub = 0
        out.append((sub, block))
    return out


def is_measured(meta: dict, sub: int, block: Block) -> bool:
    """Whether a block's text is measures: body text of a part that has them, not its goal statement."""
    return (block.role == "body" and "section" in meta and meta.get("kind") in MEASURED_KINDS
            and sub not in (meta.get("goal_subsections") or []))


def block_spans(page: SourcePage, block: Block, lang: str):
    try:
        return split_measures(block.text, lang)
    except MarkerOrderError as err:
        raise ContentError(page.path, _line_at(page, block, err.offset),
                           f"measure marker '{err.found_as}' where '{err.expected_as}' was expected: markers count up from "
                           f"'{err.first_as}' with no gap or repeat",
                           f"renumber the markers in this block, or, if '{err.found_as}' is not a marker, reword it") from None


def _line_at(page: SourcePage, block: Block, offset: int) -> int:
    for p, start in zip(block.paragraphs, block.offsets()):
        if start <= offset <= start + len(p.text):
            return page.body_line + p.first + p.text.count("\n", 0, offset - start)
    return page.body_line + block.line


@dataclass
class ReportRead:
    """One report as read from its folder, before it is decided whether the build shows it."""

    year: int
    home: SourcePage | None = None
    draft: bool = False
    pages: list[tuple[str, SourcePage]] = field(default_factory=list)  # (path in the language folder, page)
    measures: list[Measure] = field(default_factory=list)
    annotations: list[tuple[SourcePage, str, int, dict]] = field(default_factory=list)
    open_items: list[ContentError] = field(default_factory=list)
    official: OfficialFile | None = None


class CatalogReader:
    """Reads one language folder (``docs/zh``) plus the data files into a Catalog."""

    def __init__(self, docs: Path, data: Path, shown_root: Path | None = None):
        self.docs, self.data = docs, data
        self.shown_root = shown_root or docs.parent.parent
        self.errors: list[ContentError] = []
        self.unbracketed: tuple[str, ...] = ()  # titles the reports cite without 《》, from the policy pages

    def shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.shown_root))
        except ValueError:
            return str(path)

    def read(self, include_drafts: bool = False) -> tuple[Catalog, list[str]]:
        """The catalog and the notices to print: uncited policies, and each draft's open items.

        Raises ContentErrors listing every error, and every open item of a published report.
        """
        self.errors = []
        self.draft_pages, self.errors[:0] = draft_pages(self.docs.parent)
        areas = load_areas_file(self.data / "areas.yml")
        policies = self.read_policies()
        by_title = self.title_index(policies)
        self.unbracketed = tuple(t for p in policies.values() for t in p.meta.get("cited_without_brackets", []))
        documents = self.read_cited_documents()
        reports = self.read_reports(areas, policies, by_title, documents)
        for report in reports.values():
            if not report.draft:
                self.errors += report.open_items
        shown = {year: r for year, r in reports.items() if include_drafts or not r.draft}
        measures = sorted((m for r in shown.values() for m in r.measures),
                          key=lambda m: (m.report_year, m.section, m.subsection, m.ordinal))
        self.check_unique(measures)
        if self.errors:
            raise ContentErrors(self.errors)
        for m in measures:
            for pid in m.policies:
                if m.id not in policies[pid].cited_by:
                    policies[pid].cited_by.append(m.id)
        warnings = [f"{self.shown(self.docs / p.page)}: policy page '{p.title}' is cited by no measure "
                    f"(keep it if a coming report cites it, otherwise remove it)" for p in policies.values() if not p.cited_by]
        open_items = {year: [str(item) for item in r.open_items] for year, r in reports.items() if r.draft}
        for year, items in open_items.items():
            if items:
                warnings.append(f"Draft report {year} has {len(items)} open item(s) to clear before it can be published:\n"
                                + "\n".join(f"  {n}. {item}" for n, item in enumerate(items, 1)))
        pages = {year: [{"page": rel, **page.meta} for rel, page in r.pages] for year, r in shown.items()}
        if any(m.area == UNASSIGNED.id for m in measures):  # only a draft's, in a preview
            areas = {**areas, UNASSIGNED.id: UNASSIGNED}
        catalog = Catalog(areas, policies, measures, report_pages=pages,
                          drafts={year for year, r in shown.items() if r.draft}, open_items=open_items,
                          cited_documents=documents)
        catalog.glossary, catalog.terms = self.read_glossary(), self.read_terms()
        catalog.redirects, catalog.ui_strings = self.read_redirects(), self.read_ui_strings()
        catalog.unpublished = [f"reports/{year}" for year, r in sorted(reports.items()) if r.draft] + self.draft_pages
        catalog.official_files = {year: r.official for year, r in shown.items() if r.official is not None}
        catalog.sources = {("zh", rel): page for r in shown.values() for rel, page in r.pages}
        catalog.problem_links = self.read_problem_links(catalog)
        self.derive_outcomes(catalog, [a for r in shown.values() for a in r.annotations])
        if self.errors:
            raise ContentErrors(self.errors)
        translation = self.docs.parent / "en"
        if translation.is_dir():
            self.read_translation(catalog, translation, reports)
        if self.errors:
            raise ContentErrors(self.errors)
        return catalog, warnings

    # --- Reports ------------------------------------------------------------------------------------

    def read_reports(self, areas, policies, by_title, documents) -> dict[int, ReportRead]:
        reports: dict[int, ReportRead] = {}
        seen: dict[tuple, str] = {}
        for path in sorted((self.docs / "reports").glob("*/**/*.md")):
            rel = path.relative_to(self.docs).as_posix()
            try:
                page = split_page(self.shown(path), path.read_text("utf-8"))
                if "report" not in page.meta and "section" not in page.meta:
                    continue
                validate(page, "report-page.schema.json")
            except ContentError as err:
                self.errors.append(err)
                continue
            report = reports.setdefault(page.meta["report"], ReportRead(page.meta["report"]))
            report.pages.append((rel, page))
            if "disclosure" in page.meta:
                report.home = page
                report.draft = page.meta.get("status") == "draft"
        for report in reports.values():
            report.pages.sort(key=lambda item: (item[1].meta.get("section", 0), item[1].meta.get("subsection", 0)))
            if report.home is None:
                first = report.pages[0][1]
                self.errors.append(ContentError(first.path, 1, f"report {report.year} has no home page (index.md with 'disclosure')",
                                                f"add docs/zh/reports/{report.year}/index.md (make new-report writes one)"))
                continue
            self.check_home(report)
            for rel, page in report.pages:
                self.check_page(report, rel, page, areas, policies, by_title, documents, seen)
            self.check_fidelity(report)
            self.check_translated(report)
        return reports

    def check_home(self, report: ReportRead) -> None:
        page, folder = report.home, (self.docs / "reports" / str(report.year))
        original = page.meta["disclosure"]["original"]
        if not (folder / original).is_file():
            report.open_items.append(ContentError(page.path, page.line_of("disclosure", "original"),
                                                  f"the official text file {original} is not beside this page",
                                                  "add the official text, exactly as received, as that file in this report's folder "
                                                  "(make new-report … SOURCE=file puts it there)"))
        for key, label in (("written", "成文日期"), ("reviewer", "审核人")):
            if not page.meta["disclosure"].get(key):
                report.open_items.append(ContentError(page.path, page.line_of("disclosure", key),
                                                      f"the report's {label} (disclosure.{key}) is empty",
                                                      f"fill in disclosure.{key} from the signed original"))

    def check_page(self, report, rel, page, areas, policies, by_title, documents, seen) -> None:
        meta = page.meta
        if SCAFFOLD_PLACEHOLDER in page.body:
            line = page.body_line + page.body[: page.body.index(SCAFFOLD_PLACEHOLDER)].count("\n")
            report.open_items.append(ContentError(page.path, line, "the page still holds the scaffold's placeholder (待填写)",
                                                  "paste the official text in place of the placeholder"))
        for ordinal, note in (meta.get("reports_on") or {}).items():
            report.annotations.append((page, rel, int(ordinal), note))
        if "section" in meta:
            key = (meta["report"], meta["section"], meta.get("subsection"))
            if key in seen:
                self.errors.append(ContentError(page.path, page.line_of("subsection" if key[2] else "section"),
                                                f"report {key[0]}, part {key[1]}, subsection {key[2] or '—'} is also {seen[key]}",
                                                "give each page its own 'section'/'subsection' numbers"))
                return
            seen[key] = page.path
            if "kind" not in meta:
                report.open_items.append(ContentError(page.path, 1, "the page does not say what kind of part it belongs to",
                                                      "add 'kind:' to the front matter: done (举措和成效), duties (第一责任人职责), "
                                                      "problem (不足和问题), planned (下一年度安排) or other (其他需要报告的情况)"))
        try:
            report.measures += self.read_report_page(report, page, rel, areas, policies, by_title, documents)
        except ContentError as err:
            self.errors.append(err)

    def read_report_page(self, report, page, rel, areas, policies, by_title, documents) -> list[Measure]:
        meta = page.meta
        year, section = meta["report"], meta.get("section")
        measures, unknown, unplaced = [], [], []
        if meta.get("area") is not None and meta["area"] not in areas:
            raise ContentError(page.path, page.line_of("area"), f"unknown area '{meta['area']}'",
                               f"use one of the ids in data/areas.yml: {', '.join(areas)}")
        for sub, block in page_blocks(page):
            if "section" not in meta and block.role != "opening":
                continue  # a report home holds official text only in its opening
            citations = find_citations(block.text, self.unbracketed)
            for c in citations:
                if c.title in by_title:
                    pid = by_title[c.title]
                    given = policies[pid].fact("doc_number")
                    if c.doc_number and given and c.doc_number != given:
                        self.errors.append(ContentError(page.path, _line_at(page, block, c.start),
                                                        f"the report gives {c.doc_number} for 《{c.title}》 but its policy page says {given}",
                                                        f"check both against the sources and correct {policies[pid].page}"))
                elif c.title not in documents:
                    unknown.append((c, _line_at(page, block, c.start)))
            if not is_measured(meta, sub, block):
                continue
            for span in block_spans(page, block, "zh"):
                if span.ordinal == 0:
                    continue
                mid = measure_id(year, section, sub, span.ordinal)
                line = _line_at(page, block, span.start)
                area = (meta.get("measure_areas") or {}).get(str(span.ordinal)) or meta.get("area")
                if area is not None and area not in areas:
                    raise ContentError(page.path, page.line_of("measure_areas", str(span.ordinal)),
                                       f"measure {mid} has the unknown area '{area}'",
                                       f"use one of the ids in data/areas.yml: {', '.join(areas)}")
                if area is None:
                    unplaced.append(mid)
                cited = []
                for c in citations:
                    if span.start <= c.start < span.end and c.title in by_title and by_title[c.title] not in cited:
                        cited.append(by_title[c.title])
                figures = [f for f in find_figures(block.text) if span.start <= f.start < span.end]
                text = unescape_markdown(block.text[span.start:span.end].strip())
                measures.append(Measure(mid, year, year + (1 if meta["kind"] == "planned" else 0), meta["kind"],
                                        area or UNASSIGNED.id, section, sub, span.ordinal, text, rel, line, cited, figures))
        if unknown:
            titles = "; ".join(f"〈{c.title}〉 (cited inside 《{c.outer}》, line {line})" if c.outer else f"《{c.title}》 (line {line})"
                               for c, line in unknown)
            report.open_items.append(ContentError(
                page.path, unknown[0][1], f"{len(unknown)} cited title(s) are not known to the site: {titles}",
                "check each title against the signed original for a typo; for a policy, add a page under docs/zh/policies/ "
                "with the title in 'title' or 'aliases' (CONTRIBUTING.md, 所引政策); for a document that is not a policy "
                "(a report, a court's annual report, a letter), add it to data/cited-documents.yml"))
        if unplaced:
            report.open_items.append(ContentError(
                page.path, page.line_of("title"), f"{len(unplaced)} measure(s) of this page have no area: {', '.join(unplaced)}",
                "add 'area: <id>' to the front matter (for all the page's measures), or 'measure_areas:' with one line "
                "'<number>: <id>' per measure (1 for the first); area ids are in data/areas.yml"))
        return measures

    def check_fidelity(self, report: ReportRead) -> None:
        original = report.home.meta["disclosure"]["original"]
        path = self.docs / "reports" / str(report.year) / original
        if not path.is_file():
            return  # an open item of the home page
        data = path.read_bytes()
        report.official = OfficialFile(original, hashlib.sha256(data).hexdigest())
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            self.errors.append(ContentError(self.shown(path), None, "the official file is not UTF-8 text",
                                            "save it as UTF-8 plain text (make new-report … SOURCE=file reads GB18030 too and says so)"))
            return
        pages = [(page, page is report.home) for _, page in report.pages if "section" in page.meta or page is report.home]
        self.errors += fidelity.check_report(self.shown(path), text, pages)

    def check_translated(self, report: ReportRead) -> None:
        pending = []
        for rel, page in report.pages:
            if "section" not in page.meta and page is not report.home:
                continue
            english = self.docs.parent / "en" / rel
            if not english.is_file() or "\ntranslation: pending" in english.read_text("utf-8").split("\n---", 1)[0]:
                pending.append(self.shown(english))
        if pending:
            report.open_items.append(ContentError(
                pending[0], None, f"{len(pending)} page(s) of the report are not translated yet: {', '.join(pending)}",
                "translate each page (keep its measures' 'First,' 'Second,' … in the Chinese order) and remove "
                "'translation: pending' from its front matter"))

    # --- Outcomes, translation, policies ------------------------------------------------------------

    def derive_outcomes(self, catalog: Catalog, annotations) -> None:
        """Each planned measure's status, taken only from the later report's annotations.

        A later report's page marks which of last year's planned measures a measure reports on
        (front matter ``reports_on: {ordinal: {planned: ID, status: …}}``). With no later report the
        status is "awaiting"; with one that says nothing of the measure, "not-reported".
        """
        ids = catalog.by_id
        claims: dict[str, list[tuple[str, str]]] = {}
        for page, rel, ordinal, note in annotations:
            reporter = next((m for m in catalog.by_page.get(rel, []) if m.ordinal == ordinal), None)
            if reporter is None:
                self.errors.append(ContentError(page.path, page.line_of("reports_on", str(ordinal)),
                                                f"reports_on names measure {ordinal} of this page, which has no such measure",
                                                "use the number of the measure (1 for 一是, 2 for 二是 …) on this page"))
                continue
            planned = ids.get(note["planned"])
            if planned is None or planned.kind != "planned" or planned.year != reporter.report_year:
                self.errors.append(ContentError(page.path, page.line_of("reports_on", str(ordinal), "planned"),
                                                f"reports_on: {note['planned']} is not a measure planned for {reporter.report_year}",
                                                f"use the ID of one of the {reporter.report_year - 1} report's planned measures "
                                                "(shown beside each on its plan page)"))
                continue
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

    def read_translation(self, catalog: Catalog, docs: Path, reports: dict[int, ReportRead]) -> None:
        """Fill text_en and page_en from the English pages, which must hold the same measures."""
        for pages in catalog.report_pages.values():
            for info in pages:
                path = docs / info["page"]
                if not path.exists():
                    continue
                zh_path = self.shown(self.docs / info["page"])
                try:
                    page = split_page(self.shown(path), path.read_text("utf-8"))
                except ContentError as err:
                    self.errors.append(err)
                    continue
                catalog.sources[("en", info["page"])] = page
                if page.meta.get("translation") == "pending":  # a stub: the Chinese text is shown instead
                    continue
                info["title_en"] = page.meta.get("title")
                structure = {k: info[k] for k in ("report", "section", "subsection") if k in info}
                if any(page.meta.get(k) != v for k, v in structure.items()):
                    self.errors.append(ContentError(page.path, 1, f"the front matter must keep {structure} from {zh_path}",
                                                    "copy 'report', 'section' and 'subsection' unchanged from the Chinese page"))
                    continue
                found = []
                try:
                    for sub, block in page_blocks(page):
                        if not is_measured(info, sub, block):
                            continue
                        for span in block_spans(page, block, "en"):
                            if span.ordinal:
                                found.append((measure_id(info["report"], info["section"], sub, span.ordinal),
                                              block.text[span.start:span.end].strip()))
                except ContentError as err:
                    self.errors.append(err)
                    continue
                expected = [m.id for m in catalog.by_page.get(info["page"], [])]
                if [i for i, _ in found] != expected:
                    self.errors.append(ContentError(
                        page.path, None, f"the English page has the measures {[i for i, _ in found] or 'none'} but {zh_path} has "
                                         f"{expected or 'none'}",
                        "give each Chinese measure (一是, 二是 …) one English sentence opening 'First,', 'Second,' … "
                        "in the same order and block, and use those words nowhere else at the start of a sentence"))
                    continue
                for (mid, text), m in zip(found, catalog.by_page.get(info["page"], [])):
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
            try:
                page = split_page(self.shown(path), path.read_text("utf-8"))
                validate(page, "policy-page.schema.json")
            except ContentError as err:
                self.errors.append(err)
                continue
            pid = path.stem
            policies[pid] = Policy(pid, f"policies/{path.name}", page.meta["title"], page.meta)
        return policies

    def title_index(self, policies: dict[str, Policy]) -> dict[str, str]:
        index: dict[str, str] = {}
        for p in policies.values():
            for title in p.titles + p.meta.get("cited_without_brackets", []):
                if title in index and index[title] != p.id:
                    self.errors.append(ContentError(self.shown(self.docs / p.page), 1,
                                                    f"the title '{title}' also belongs to policies/{index[title]}.md",
                                                    "a title may name one policy only: remove it from one of the two pages"))
                index[title] = p.id
        return index

    def read_cited_documents(self) -> dict[str, dict]:
        """Cited titles that are not policies (a report, a court's annual report, a letter): data/cited-documents.yml."""
        path = self.data / "cited-documents.yml"
        if not path.exists():
            return {}
        rows = load_yaml(path, self.shown(path)) or []
        out = {}
        for n, row in enumerate(rows, 1):
            if not isinstance(row, dict) or not row.get("title") or not row.get("kind"):
                self.errors.append(ContentError(self.shown(path), None, f"entry {n} has no 'title' or no 'kind'",
                                                "give each entry 'title:' (as cited, without 《》) and 'kind:' (see the comment at the top)"))
                continue
            out[row["title"]] = row
        return out

    # --- Data files -----------------------------------------------------------------------------------

    def read_glossary(self) -> list[Term]:
        if not (self.data / "glossary.yml").exists():
            return []
        try:
            return load_glossary(self.data / "glossary.yml")
        except ContentError as err:
            self.errors.append(err)
            return []

    def read_terms(self) -> list[dict]:
        path = self.data / "terms.yml"
        return (load_yaml(path, self.shown(path)) or []) if path.exists() else []

    def read_ui_strings(self) -> dict:
        path = self.data / "ui-strings.yml"
        strings = (load_yaml(path, self.shown(path)) or {}) if path.exists() else {}
        return strings if self.check_ui_strings(self.shown(path), strings) else {}

    def check_ui_strings(self, shown: str, strings) -> bool:
        """The site's words (annual_report.rendering.strings): each key with a text in both languages."""
        entries = strings.items() if isinstance(strings, dict) else [("(the file)", strings)]
        for key, texts in entries:
            if not isinstance(texts, dict) or not all(isinstance(texts.get(lang), str) for lang in ("zh", "en")):
                self.errors.append(ContentError(shown, None, f"'{key}' does not give a text in both languages",
                                                f"write it as '{key}: {{zh: …, en: …}}' (the comment at the top explains the format)"))
        return isinstance(strings, dict)

    def read_redirects(self) -> dict[str, str]:
        """data/redirects.yml: a moved page's old path -> its new one, both as under docs/zh/.

        Both are written into the redirect page's HTML and script, and the old one names the file
        written: plain page paths only (letters, digits, '-', '_', '.', '/', ending in .md, no '..').
        """
        path = self.data / "redirects.yml"
        if not path.exists():
            return {}
        shown = self.shown(path)
        redirects = load_yaml(path, shown) or {}
        docs_root = self.docs.parent
        for old, new in redirects.items():
            bad = next((p for p in (old, new) if not isinstance(p, str) or not PAGE_PATH.match(p)), None)
            if bad is not None:
                self.errors.append(ContentError(shown, None, f"'{bad}' is not a page path",
                                                "write both paths as under docs/zh/, e.g. reports/2023/plan.md (letters, "
                                                "digits, '-', '/', ending in .md)"))
            elif not any((lang / new).exists() for lang in docs_root.iterdir() if lang.is_dir()):
                self.errors.append(ContentError(shown, None, f"the redirect {old} → {new} points to a page that does not exist",
                                                "give the new path of the page, as under docs/zh/ (e.g. reports/2023/plan.md)"))
            elif any((lang / old).exists() for lang in docs_root.iterdir() if lang.is_dir()):
                self.errors.append(ContentError(shown, None, f"{old} still exists, so it cannot redirect",
                                                "remove the redirect, or move the page"))
        return redirects

    def check_unique(self, measures: list[Measure]) -> None:
        seen: dict[str, Measure] = {}
        for m in measures:
            if m.id in seen:
                first = seen[m.id]
                self.errors.append(ContentError(self.shown(self.docs / m.page), m.line,
                                                f"measure ID {m.id} is also given to a measure in {self.shown(self.docs / first.page)}:{first.line}",
                                                "two pages claim the same report, section and subsection: correct 'section'/'subsection' in one of them"))
            seen[m.id] = m

    def read_problem_links(self, catalog: Catalog) -> list[tuple[str, str]]:
        path = self.data / "problem-links.yml"
        if not path.exists():
            return []
        ids = {m.id for m in catalog.measures}
        shown = set(catalog.report_pages)
        links = []
        for row in load_yaml(path, self.shown(path)) or []:
            mids = [row["problem"], *row["planned"]]
            if any(int(mid.split("-")[0]) not in shown for mid in mids):
                continue  # a link into a draft, shown only with it
            for mid in mids:
                if mid not in ids:
                    self.errors.append(ContentError(self.shown(path), None, f"measure {mid} does not exist",
                                                    "use the ID shown beside the measure on its report page"))
            links += [(row["problem"], p) for p in row["planned"] if p in ids and row["problem"] in ids]
        return links


UNASSIGNED = Area("unassigned", "待标注领域（草稿）", "Area not yet assigned (draft)", "本站编辑尚未为草稿中的这些措施标注领域。",
                  "待标注", "unassigned")


def draft_pages(docs_root: Path) -> tuple[list[str], list[ContentError]]:
    """Pages (as under a language folder, e.g. about.md) whose front matter says ``draft: true``, in
    either language; and an error for each ``draft:`` that is not true or false. Report and policy
    pages take no ``draft:`` (their schemas say so): a report is a draft as a whole."""
    found, errors = set(), []
    for path in sorted(docs_root.glob("*/**/*.md")):
        text = path.read_text("utf-8", errors="replace")
        if "draft:" not in text.split("\n---", 1)[0]:
            continue
        shown = path.relative_to(docs_root.parent).as_posix()
        try:
            page = split_page(shown, text)
        except ContentError as err:
            errors.append(err)
            continue
        value = page.meta.get("draft")
        if value is True:
            found.add(path.relative_to(docs_root).as_posix().split("/", 1)[1])
        elif value not in (None, False):
            errors.append(ContentError(shown, page.line_of("draft"), f"'draft: {value}' is neither true nor false",
                                       "write 'draft: true' to keep the page out of the published site, or remove the line"))
    return sorted(found), errors


def load_areas_file(path: Path) -> dict[str, Area]:
    rows = load_yaml(path)
    return {r["id"]: Area(r["id"], r["name_zh"], r["name_en"], r["basis"], r["short_zh"], r["short_en"]) for r in rows}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_site(root: Path, include_drafts: bool = False) -> tuple[Catalog, list[str]]:
    """Everything one build reads from ``root``'s docs/ and data/, checked, as one Catalog, and the
    notices to print. Safety comes first: a file that could run code in a reader's browser is named
    before anything else reads it (annual_report.safety)."""
    check_project(root)
    return CatalogReader(root / "docs" / "zh", root / "data", root).read(include_drafts)
