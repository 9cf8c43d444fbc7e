"""Page dates (mkdocs-git-revision-date-localized-plugin): one build date for every page git does not know.

For a page that is not committed yet, or a build outside a git checkout, the plugin falls back to
the current time, once for 'last updated' and again for 'first published'. When the clock's second
ticks between the two, the page looks created after its last update and the plugin logs a warning,
which fails the strict build now and then. Here every such page gets the build's start time for
both dates, so the fallback is steady. Pages git knows keep their commit dates.

The sitemap's <lastmod> is the page's last-updated date from git too (MkDocs would give every page
the build date): page.update_date, which the sitemap template prints, is set from the plugin's date.
"""

from __future__ import annotations

import re
import time
from html import unescape
from pathlib import Path

import _state
from mkdocs_git_revision_date_localized_plugin.plugin import GitRevisionDateLocalizedPlugin

build_time = [int(time.time())]


def _steady(get_commit):
    def get(self, page, is_first_commit):
        commit, timestamp = get_commit(self, page, is_first_commit)
        return (commit, timestamp) if commit else ("", build_time[0])

    get.steady = True
    return get


if not getattr(GitRevisionDateLocalizedPlugin._get_commit, "steady", False):  # once, also across `mkdocs serve` reloads
    GitRevisionDateLocalizedPlugin._get_commit = _steady(GitRevisionDateLocalizedPlugin._get_commit)


def on_pre_build(config):
    if _state.language(config) == _state.DEFAULT_LANGUAGE:  # once per build (each language is built in turn)
        build_time[0] = int(time.time())
        updated_by_url.clear()


updated_by_url: dict[str, str] = {}  # page URL (about/, en/about/) → date of its last commit, both languages


def on_page_context(context, page, config, nav):
    """sitemap.xml's <lastmod>: the date of the page's last commit, not the build's."""
    updated = (page.meta or {}).get("git_revision_date_localized_raw_iso_date")
    if updated:
        page.update_date = str(updated)
        updated_by_url[page.url] = str(updated)
    return context


_SITEMAP_URL = re.compile(r"(<loc>)([^<]*)(</loc>\s*<lastmod>)([^<]*)(</lastmod>)")


def on_post_build(config):
    """mkdocs-static-i18n writes one sitemap.xml in the first language's build, listing the other
    language's pages too, whose dates are not known yet then: each build's end sets every <lastmod>
    it knows, so that after the last language's build every page has its own."""
    path = Path(config.site_dir) / "sitemap.xml"
    if not path.is_file() or not updated_by_url:
        return
    site_url = config.site_url or ""

    def fix(m: re.Match) -> str:
        loc = unescape(m[2])
        url = loc[len(site_url):] if site_url and loc.startswith(site_url) else loc
        url = "" if url in ("./", ".") else url.removeprefix("./")
        return m[1] + m[2] + m[3] + updated_by_url.get(url, m[4]) + m[5]

    path.write_text(_SITEMAP_URL.sub(fix, path.read_text("utf-8")), "utf-8")
