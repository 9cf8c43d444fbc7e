"""The "edit this page" button: on every page when the repository's address is known, else none.

mkdocs.yml reads repo_url from REPO_URL, which the workflows set from GitHub; locally it is empty.
Without a repository, edit_uri alone would make each page's edit link a bare path (MkDocs warns,
and the strict build fails), so it is dropped. With static-i18n each link opens the file the page
was built from: docs/zh/… or docs/en/…, and docs/zh/… for an English page not yet translated.
"""

from __future__ import annotations


def on_config(config):
    if not config.repo_url:
        config.edit_uri = None
        config.edit_uri_template = None
    return config
