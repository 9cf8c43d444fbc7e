"""A hook for the benchmark only: the time the project's own hooks spend, by hook, in one build.

bench/run.py adds it (by absolute path) to the hooks of the full build of a corpus; it is never in the
project's mkdocs.yml. At the first on_config it wraps every event handler that a module of hooks/
registered, and on_shutdown it writes the seconds per hook to the JSON file named by BENCH_HOOK_TIMES.
The hooks that the build without hooks keeps (bench/run.py's THEME_HOOKS) are timed too, and
reported apart.

The comparison build without hooks differs by the hooks' own time *and* by rendering what they
generate (measure anchors and links, the indexes, the one-page reports); this tells the two apart.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections import Counter

from mkdocs.plugins import event_priority

seconds: Counter = Counter()


def _timed(method, origin: str):
    @functools.wraps(method)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            seconds[origin] += time.perf_counter() - start
    timed.bench_timed = True
    return timed


@event_priority(10_000)  # first: the handlers after it in this event already run wrapped
def on_config(config):
    plugins = config.plugins
    for methods in plugins.events.values():
        for i, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "")
            if origin.startswith("hooks/") and not getattr(method, "bench_timed", False):
                methods[i] = _timed(method, origin)
                plugins._event_origins[methods[i]] = origin


def on_shutdown():
    path = os.environ.get("BENCH_HOOK_TIMES")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(dict(seconds), out, indent=1, sort_keys=True)
