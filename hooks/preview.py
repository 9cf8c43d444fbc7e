"""Preview: after a save, `make serve` renders again only the pages whose output can have changed.

MkDocs' own dirty rebuild (`mkdocs serve --dirty`, which `make serve` runs) renders only the pages
whose file is newer than their output; but here a page's output also depends on other files (an
index lists every report's measures, a plan page shows what the next report says of it, a policy page
lists the measures that cite it). So before MkDocs renders anything, this hook works out, for every
page, its Markdown with everything the site adds (site_build.additions, the same function the build
applies) and its front matter, and marks the page modified when that differs from what was rendered
last time. Everything is rendered again when the navigation's titles, the templates, the hooks, the
package or mkdocs.yml changed. Pages that no longer exist are removed from the preview.

What an editor gives up: nothing on the pages (tests/test_preview.py compares a preview after edits
with a full build). Link checks run on the pages rendered again, against the anchors every page had
when last rendered. A build (`make build`, CI) renders everything, as always; this hook does nothing
outside `mkdocs serve`.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import annual_report
import site_build
from annual_report.errors import ContentError
from site_build.additions import with_additions
from site_build.build import Build, escape_strings, events_of, kept, source_page
from site_build.reading import content_digest

log = logging.getLogger("mkdocs.hooks.preview")


class WithoutDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation and links may be wrong; here they are not
    (the pages whose navigation or links changed are rendered again), and staff would only learn to
    ignore a warning."""

    def filter(self, record):
        return "A 'dirty' build is being performed" not in record.getMessage()


_builder_log = logging.getLogger("mkdocs.commands.build")
if not any(isinstance(f, WithoutDirtyWarning) for f in _builder_log.filters):
    _builder_log.addFilter(WithoutDirtyWarning())


def code_fingerprint(root: Path) -> tuple:
    """What every page's output depends on: templates, hooks, the packages, the configuration."""
    found = []
    packages = [Path(annual_report.__file__).parent, Path(site_build.__file__).parent]
    for path in [root / "overrides", root / "hooks", root / "mkdocs.yml", *packages]:
        walked = os.walk(path) if path.is_dir() else [(str(path.parent), [], [path.name])]
        for folder, _, files in walked:
            found += [(folder, f, os.stat(os.path.join(folder, f)).st_mtime_ns) for f in files if not f.endswith(".pyc")]
    return tuple(sorted(found))


def read_source(page: Page, config, sources: dict) -> bool:
    """page.read_source(config), from memory when the file is as it was at the last rebuild (then True)."""
    stat = os.stat(page.file.abs_src_path)
    key, known = (stat.st_mtime_ns, stat.st_size), sources.get(page.file.abs_src_path)
    if known is not None and known[0] == key:
        page.markdown, page.meta = known[1], dict(known[2])
        return True
    page.read_source(config)
    sources[page.file.abs_src_path] = (key, page.markdown, dict(page.meta))
    return False


class Preview:
    def __init__(self):
        self.memory = kept("preview")  # lang -> {"code", "titles", "digests", "catalog", "anchors", "outputs"}
        self.pages: list[Page] = []
        self.rendered: dict = {}  # what this build renders from, remembered once it has succeeded

    @event_priority(-150)  # after mkdocs-static-i18n has made the language's navigation
    def on_nav(self, nav, config, files):
        build = Build.of(config)
        if not build.serving:
            return nav
        last = self.memory.setdefault(build.language, {})
        self.pages = [file.page or Page(None, file, config) for file in files.documentation_pages()]
        sources = kept("preview-sources")
        catalog = content_digest(build.catalog)
        same_catalog = last.get("catalog") == catalog
        # Glossary tooltips are added to a report page's HTML, after its Markdown (hooks/reports.py).
        tooltips = hashlib.sha256(repr((build.catalog.glossary, build.catalog.ui_strings)).encode("utf-8")).hexdigest()
        digests = {}
        for page in self.pages:
            unchanged = read_source(page, config, sources)
            uri = page.file.src_uri
            # What the site adds comes from the page and the catalog: with neither changed, neither has it.
            digests[uri] = last["digests"][uri] if same_catalog and unchanged and uri in last.get("digests", {}) \
                else self.digest(page, build, tooltips)
        titles = [(page.file.src_uri, page.title) for page in self.pages]
        code = code_fingerprint(build.root)
        everything = last.get("code") != code or last.get("titles") != titles
        changed = 0
        for page in self.pages:
            modified = (everything or last.get("digests", {}).get(page.file.src_uri) != digests[page.file.src_uri]
                        or not os.path.isfile(page.file.abs_dest_path))
            page.file.is_modified = (lambda modified=modified: modified)
            if not modified:
                # Not rendered, but named in the navigation of the pages that are: its front matter as
                # hooks/security.py leaves it, and its anchors for their links.
                escape_strings(page.meta)
                page.present_anchor_ids = last.get("anchors", {}).get(page.file.src_uri)
            changed += modified
        self.rendered = {"code": code, "titles": titles, "digests": digests, "catalog": catalog}
        log.info("Preview (%s): %d of %d pages rendered again", build.language, changed, len(self.pages))
        return nav

    @staticmethod
    def digest(page: Page, build: Build, tooltips: str) -> str:
        """The page's Markdown and front matter as the build will render them, and for a report page
        the glossary its tooltips come from."""
        meta = dict(page.meta)
        try:
            markdown = with_additions(page.markdown, page, build)
        except ContentError:
            markdown = page.markdown + "\0error"  # rendered again, so that MkDocs reports it
        finally:
            page.meta = meta
        text = f"{build.language}\0{markdown}\0{sorted(page.meta.items(), key=str)!r}"
        if source_page(page).startswith("reports/") and "section" in page.meta:
            text += "\0" + tooltips
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def on_post_build(self, config):
        build = Build.of(config)
        if not build.serving:
            return
        last = self.memory.setdefault(build.language, {})
        # Only now: after a build that failed half way, the next renders again what it did not finish.
        last.update(self.rendered)
        anchors = last.setdefault("anchors", {})
        for page in self.pages:
            if page.present_anchor_ids is not None:
                anchors[page.file.src_uri] = page.present_anchor_ids
        outputs = {page.file.abs_dest_path for page in self.pages}
        for gone in last.get("outputs", set()) - outputs:  # a page deleted or renamed since the last build
            Path(gone).unlink(missing_ok=True)
        last["outputs"] = outputs


globals().update(events_of(Preview()))
