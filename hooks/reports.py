"""Reports, measures and policies: what a reader sees on a page, and what staff see in a preview.

- A draft report (its home says ``status: draft``) or a ``draft: true`` page is never built: its files
  and nav entries are dropped before MkDocs sees them. A preview (`make serve`, SHOW_DRAFTS=1) shows
  it, with a 草稿 banner listing what it still lacks.
- An English page not yet translated shows the Chinese text with a notice; a translated one says it
  is an unofficial translation.
- In a report page each measure gets its anchor, ID and area tag, and its cited policies a link;
  ``<!-- name -->`` markers are filled with generated sections (indexes, tables, policy facts); a
  corrected page gets its 更正记录 box; glossary terms get their definition where they first appear.

The reading and rendering are annual_report's; the catalog comes from the build (site_build).
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from annual_report.errors import ContentError
from annual_report.glossary import annotate_html
from annual_report.rendering.glossary import definition_label
from site_build.additions import with_additions
from site_build.build import Build, events_of, is_fallback, source_page, strip_language

log = logging.getLogger("mkdocs.hooks.reports")

def prune(nav, is_unpublished):
    """The nav without entries that point into a draft (and sections left empty)."""
    out = []
    for item in nav or []:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                value = prune(value, is_unpublished)
                if value:
                    out.append({title: value})
            elif not is_unpublished(value):
                out.append(item)
        elif not is_unpublished(item):
            out.append(item)
    return out


class Reports:
    def __init__(self):
        self.untranslated: list[str] = []  # English pages shown in Chinese, listed after the build

    @event_priority(100)  # the catalog is read before any other hook's on_config needs it
    def on_config(self, config):
        build = Build.of(config)
        if build.catalog.unpublished and not build.shows_drafts:
            config.nav = prune(config.nav, build.is_unpublished)
            if build.builds_default_language:
                log.info("Drafts left out of the build: %s", ", ".join(build.catalog.unpublished))
        return config

    @event_priority(100)  # before mkdocs-static-i18n sorts the files by language
    def on_files(self, files, config):
        build = Build.of(config)
        if build.shows_drafts or not build.catalog.unpublished:
            return files
        return Files([f for f in files if not build.is_unpublished(strip_language(f.src_uri))])

    def on_pre_build(self, config):
        if Build.of(config).builds_default_language:
            self.untranslated.clear()

    def on_page_markdown(self, markdown, page, config, files):
        build = Build.of(config)
        if not build.builds_default_language and is_fallback(page):
            self.untranslated.append(page.file.src_uri)
        try:
            return with_additions(markdown, page, build)
        except ContentError as err:
            raise PluginError(str(err)) from None

    def on_page_content(self, html, page, config, files):
        """Glossary definitions, on the rendered HTML so that no link, tag or attribute is touched."""
        if not source_page(page).startswith("reports/") or "section" not in page.meta:
            return html
        build = Build.of(config)
        lang = build.text_language(page)
        return annotate_html(html, build.catalog.glossary, lang, definition_label(build.catalog, lang))

    def on_post_build(self, config):
        if self.untranslated and not Build.of(config).builds_default_language:
            log.info("Pages without an English translation (shown in Chinese under /en/ with a notice): %d\n  %s",
                     len(self.untranslated), "\n  ".join(sorted(self.untranslated)))


globals().update(events_of(Reports()))
