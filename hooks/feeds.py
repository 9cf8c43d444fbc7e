"""Writes the feeds of the published reports: site/feed.xml and site/feed.json, and the same under
site/en/ in English (each language build writes into its own folder). The pages link them from
<head> (overrides/main.html). The items come from annual_report.feeds.

A small hook rather than mkdocs-rss-plugin 1.19: that plugin writes its feeds into config.site_dir,
which mkdocs-static-i18n keeps the same for every language, so the English build would overwrite
the Chinese feeds; it lists pages (one item per page, not per report) under a path filter; it pins
GitPython < 3.2, which the date plugin (GitPython >= 3.2.1) excludes; and it pulls in properdocs.
"""

from __future__ import annotations

from pathlib import Path

import _state

from annual_report.feeds import json_feed, report_items, rss


def on_post_build(config):
    lang = _state.language(config)
    site_url = (config.site_url or "").rstrip("/")
    root = f"{site_url}/" + ("" if lang == _state.DEFAULT_LANGUAGE else f"{lang}/") if site_url else ""
    items = report_items(_state.catalog(config), lang, root)
    # mkdocs-static-i18n builds every language with the same site_dir, and puts the pages of the
    # other languages under <site_dir>/<language>/ itself.
    out = Path(config.site_dir) / ("" if lang == _state.DEFAULT_LANGUAGE else lang)
    for name, write in (("feed.xml", rss), ("feed.json", json_feed)):
        text = write(items, config.site_name, config.site_description or "", lang, root, root + name if root else None)
        (out / name).write_text(text, "utf-8")
