"""Publishing: what the site gives beyond its pages, and what keeps a published address working.

- Open data: site/data/measures.json|csv, policies.json|csv and their JSON Schemas (annual_report.open_data).
- Feeds: site/feed.xml and feed.json, and the same under site/en/ in English; one item per published
  report (annual_report.feeds). A small hook rather than mkdocs-rss-plugin 1.19: that plugin writes its
  feeds into config.site_dir, which mkdocs-static-i18n keeps the same for every language, so the
  English build would overwrite the Chinese feeds; it lists pages (one item per page, not per report);
  it pins GitPython < 3.2, which the date plugin (GitPython >= 3.2.1) excludes.
- Redirects from moved pages (data/redirects.yml, checked when the catalog is read), written with
  mkdocs-redirects' own writer, each with the site's Content-Security-Policy. mkdocs-redirects as a
  plugin is not used: its state is shared across mkdocs-static-i18n's per-language builds, so it
  writes the English redirects into the Chinese site (checked with mkdocs-redirects 1.2.2).
- One 404 page for the whole site, in both languages (overrides/404.html), built with the Chinese
  site: the English build would overwrite it at the root with the English header's language links.
- Page dates (mkdocs-git-revision-date-localized-plugin): a page git does not know (not committed yet,
  or a build outside a checkout) gets the build's start time for both its dates; the plugin would take
  the current time twice, and a second ticking between the two makes it warn, which fails the strict
  build now and then. Git is asked about each file once per process and commit (_remembering). The
  sitemap's <lastmod> is the page's last commit, not the build's date.
- Nothing published that no page or feature loads: MkDocs' sitemap.xml.gz goes (sitemap.xml stays).
- "Edit this page" only when REPO_URL gives the repository (mkdocs.yml reads it from the environment):
  without one, edit_uri alone makes each edit link a bare path, which MkDocs warns about.
"""

from __future__ import annotations

import re
import time
from html import unescape
from pathlib import Path

from mkdocs_git_revision_date_localized_plugin.plugin import GitRevisionDateLocalizedPlugin
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html

from annual_report.feeds import json_feed, report_items, rss
from annual_report.links import url_path
from annual_report.open_data import write_open_data
from site_build.build import DEFAULT_LANGUAGE, Build, events_of, kept
from site_build.content_security_policy import with_policy
from site_build.reading import content_digest

_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_SITEMAP_URL = re.compile(r"(<loc>)([^<]*)(</loc>\s*<lastmod>)([^<]*)(</lastmod>)")


def _steady(get_commit, build_time: list[int]):
    def get(self, page, is_first_commit):
        commit, timestamp = get_commit(self, page, is_first_commit)
        return (commit, timestamp) if commit else ("", build_time[0])

    get.steady = build_time
    return get


# The plugin's method is patched once per process (hook modules are loaded again on every `mkdocs
# serve` rebuild; the plugin's class is not), reading the start time of the build under way.
if not getattr(GitRevisionDateLocalizedPlugin._get_commit, "steady", None):
    GitRevisionDateLocalizedPlugin._get_commit = _steady(GitRevisionDateLocalizedPlugin._get_commit, [int(time.time())])
BUILD_TIME = GitRevisionDateLocalizedPlugin._get_commit.steady


def _remembering(compute):
    """The plugin asks git for every page's first and last commit, in a pool of processes, once per
    language and, under `mkdocs serve`, again on every rebuild (static-i18n gives each language its own
    plugin options, and the plugin drops its dates when its options change). The answers depend only
    on the history, so they are kept for this process by the commit checked out (HEAD): each file is
    asked about once. Outside a git checkout nothing is kept."""
    known_by_head: dict[tuple, dict] = {}

    def compute_missing(self, files, original_source=None, is_first_commit=False):
        head = self.cached_head_commit
        if not head:
            return compute(self, files, original_source, is_first_commit)
        known = known_by_head.setdefault((head, is_first_commit), {})
        cache = self.created_commits if is_first_commit else self.last_revision_commits
        missing = [f for f in files if f.abs_src_path and str(Path(f.abs_src_path).absolute()) not in known]
        if missing:
            compute(self, missing, original_source, is_first_commit)
            known.update(cache)
        cache.update(known)
        for path in known:
            self.cached_source_paths.setdefault(path, path)

    compute_missing.remembering = True
    return compute_missing


if not getattr(GitRevisionDateLocalizedPlugin.parallel_compute_commit_timestamps, "remembering", False):
    GitRevisionDateLocalizedPlugin.parallel_compute_commit_timestamps = _remembering(
        GitRevisionDateLocalizedPlugin.parallel_compute_commit_timestamps)


class Publishing:
    def __init__(self):
        self.updated_by_url: dict[str, str] = {}  # page URL (about/, en/about/) → its last commit's date

    def on_config(self, config):
        if not config.repo_url:
            config.edit_uri = None
            config.edit_uri_template = None
        return config

    def on_pre_build(self, config):
        build = Build.of(config)
        if build.builds_default_language:  # once per build (each language is built in turn)
            BUILD_TIME[0] = int(time.time())
            # A preview renders only some pages again (hooks/preview.py): the others keep their dates.
            self.updated_by_url = kept("sitemap-dates") if build.serving else {}
            config.theme.static_templates.add("404.html")
        else:
            config.theme.static_templates.discard("404.html")

    def on_page_context(self, context, page, config, nav):
        """sitemap.xml's <lastmod>: the date of the page's last commit, not the build's."""
        updated = (page.meta or {}).get("git_revision_date_localized_raw_iso_date")
        if updated:
            page.update_date = str(updated)
            self.updated_by_url[page.url] = str(updated)
        return context

    def on_post_build(self, config):
        build = Build.of(config)
        site = Path(config.site_dir)
        lang = build.language
        if not build.builds_default_language and site.name != lang:  # i18n may report the root site_dir here
            site = site / lang
        if build.builds_default_language and self.open_data_changed(build):
            write_open_data(build.catalog, site / "data", build.root / "schemas", check=not build.serving)
        # MkDocs writes a gzipped copy of sitemap.xml, at the root, in each language's build; nothing
        # links to it (the pages and feeds name sitemap.xml): a file published for no one (bench/unused.py).
        (Path(config.site_dir) / "sitemap.xml.gz").unlink(missing_ok=True)
        write_feeds(build, config, site)
        write_redirects(build.catalog.redirects, site)
        self.date_sitemap(config)

    @staticmethod
    def open_data_changed(build: Build) -> bool:
        """Always in a build; in a preview, only when the catalog's content changed (the files are
        checked against their schemas in the build and CI)."""
        if not build.serving:
            return True
        written = kept("open-data")
        digest = content_digest(build.catalog)
        if written.get("digest") == digest:
            return False
        written["digest"] = digest
        return True

    def date_sitemap(self, config):
        """mkdocs-static-i18n writes one sitemap.xml in the first language's build, listing the other
        language's pages too, whose dates are not known yet then: each build's end sets every
        <lastmod> it knows, so that after the last language's build every page has its own."""
        path = Path(config.site_dir) / "sitemap.xml"
        if not path.is_file() or not self.updated_by_url:
            return
        site_url = config.site_url or ""

        def fix(m: re.Match) -> str:
            loc = unescape(m[2])
            url = loc[len(site_url):] if site_url and loc.startswith(site_url) else loc
            url = "" if url in ("./", ".") else url.removeprefix("./")
            return m[1] + m[2] + m[3] + self.updated_by_url.get(url, m[4]) + m[5]

        path.write_text(_SITEMAP_URL.sub(fix, path.read_text("utf-8")), "utf-8")


def write_feeds(build: Build, config, site: Path) -> None:
    lang = build.language
    site_url = (config.site_url or "").rstrip("/")
    root = f"{site_url}/" + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") if site_url else ""
    items = report_items(build.catalog, lang, root)
    for name, write in (("feed.xml", rss), ("feed.json", json_feed)):
        text = write(items, config.site_name, config.site_description or "", lang, root, root + name if root else None)
        (site / name).write_text(text, "utf-8")


def write_redirects(redirects: dict[str, str], site: Path) -> None:
    for old, new in redirects.items():
        html_path = get_html_path(old, True)
        write_html(str(site), html_path, get_relative_html_path(old, url_path(new), True))
        written = site / html_path
        written.write_text(with_redirect_policy(written.read_text("utf-8")), "utf-8")


def with_redirect_policy(html: str) -> str:
    """A redirect page with the site's policy: its own inline script (mkdocs-redirects') allowed by
    hash, nothing else."""
    return with_policy(html, [re.compile(re.escape(script), re.S) for script in _SCRIPT.findall(html)])


globals().update(events_of(Publishing()))
