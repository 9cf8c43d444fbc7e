"""Page dates (mkdocs-git-revision-date-localized-plugin): one build date for every page git does not know.

For a page that is not committed yet, or a build outside a git checkout, the plugin falls back to
the current time, once for 'last updated' and again for 'first published'. When the clock's second
ticks between the two, the page looks created after its last update and the plugin logs a warning,
which fails the strict build now and then. Here every such page gets the build's start time for
both dates, so the fallback is steady. Pages git knows keep their commit dates.
"""

from __future__ import annotations

import time

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
