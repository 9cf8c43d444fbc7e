"""Security: nothing in the content runs code in a reader's browser, and the pages say so to it.

- Files: what may be under docs/ and what a page or data file may hold is checked when the catalog
  is read (annual_report.safety, first thing in every build).
- Front matter: Material's templates print some front-matter strings as they are (the title in
  <title>, the header and the navigation; description, subtitle, status), with no escaping: MkDocs'
  Jinja environment has none by default. So every top-level string of a page's front matter is
  escaped here once, after every other hook has read it, as markupsafe.Markup: printed as it is it is
  already escaped, and a template that escapes it (`| e`) leaves it as it is. A title like 《A & B》 < C
  shows as written, and a tag in a title is text, never markup. overrides/main.html prints <title>
  with `| e` (Material's `striptags` would turn an escaped &lt; back into <).
- Every page carries a Content-Security-Policy meta (site_build.content_security_policy): only the
  templates' own inline scripts, by hash; any other inline script or style fails the build. Left out
  under `mkdocs serve`, which injects a live-reload script no hash can know.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from site_build.build import Build, escape_strings, events_of
from site_build.content_security_policy import InlineNotAllowed, template_scripts, with_policy


class Security:
    def __init__(self):
        self.allowed_scripts = []  # the inline scripts the theme's templates write, read in on_config

    def on_config(self, config):
        self.allowed_scripts = template_scripts(Path(d) for d in config.theme.dirs)
        return config

    @event_priority(-100)  # after every other hook's on_page_markdown: they read the strings as written
    def on_page_markdown(self, markdown, page, config, files):
        escape_strings(page.meta)
        return markdown

    def on_post_page(self, output, page, config):
        return self.with_policy(output, config, f"docs/{page.file.src_uri}")

    def on_post_template(self, output_content, template_name, config):
        """404.html is rendered as a template, not a page."""
        if not template_name.endswith(".html"):
            return output_content
        return self.with_policy(output_content, config, f"overrides/{template_name}")

    def with_policy(self, html: str, config, shown_path: str) -> str:
        if Build.of(config).serving:
            return html
        try:
            return with_policy(html, self.allowed_scripts)
        except InlineNotAllowed as err:
            raise PluginError(f"{shown_path}: {err.problem}\n  How to fix: {err.fix}") from None


globals().update(events_of(Security()))
