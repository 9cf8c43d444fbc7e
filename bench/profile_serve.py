"""Where the preview's time goes (issue 14; findings in bench/PREVIEW-PROFILE.md). Profiles only.

Runs in one process what `mkdocs serve` runs: its builder (a fresh load_config, site_url set to the
serve URL, build(config, serve_url=…, dirty=…)) after on_startup("serve"); once for the first build,
then after each save of a report page's editor's note, as bench/preview.py makes it. Each build is
profiled on its own with cProfile and broken down by component:

    python bench/profile_serve.py /tmp/corpus-10 [--saves 2] [--dirty] [--dump DIR]

The components overlap as they nest (the English build runs inside static-i18n's on_post_build;
hooks and Markdown run inside both languages), so they are not summed: each is "time inside".
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import preview  # noqa: E402


def owner(path: str) -> str:
    """The component a function belongs to, by its file."""
    path = path.replace("\\", "/")
    if "/hooks/" in path and "/site-packages/" not in path:
        return "hooks/" + Path(path).name
    if "/annual_report/" in path and "/site-packages/" not in path:
        return "annual_report (the domain, called by the hooks)"
    if path.endswith(".html") or path.endswith(".xml") or path.endswith(".js"):
        return "jinja2 (rendering: compiled templates)"
    if "/site-packages/" in path:
        package = path.split("/site-packages/", 1)[1].split("/", 1)[0]
        return {"mkdocs_git_revision_date_localized_plugin": "git-revision-date plugin", "git": "git-revision-date plugin",
                "mkdocs_static_i18n": "mkdocs-static-i18n", "pymdownx": "markdown", "yaml": "yaml (front matter, config)",
                "_yaml": "yaml (front matter, config)", "babel": "git-revision-date plugin"}.get(package, package)
    if path.startswith("~") or path.startswith("<"):
        return "builtins (I/O, regex, str: called from everywhere)"
    return "python stdlib"


def components(stats: pstats.Stats) -> dict[str, float]:
    """Self time by component (sums to the build), and "time inside" some entry points, which nest:
    the English build runs inside static-i18n's on_post_build; each hook file's events, called by
    MkDocs (the hook's own code and what it calls)."""
    selftime: dict[str, float] = defaultdict(float)
    inside: dict[str, float] = defaultdict(float)
    for (file, _line, func), (_cc, nc, tt, ct, callers) in stats.stats.items():
        name = owner(file)
        if name.startswith("builtins"):
            # regex, str.join, file writes: charged to the component that called them
            for (cfile, _l, _f), c in callers.items():
                selftime[owner(cfile)] += c[2]
        else:
            selftime[name] += tt
        path = file.replace("\\", "/")
        by_mkdocs = sum(c[3] for (cfile, _l, cfunc), c in callers.items() if cfunc == "run_event")
        if by_mkdocs and (name.startswith("hooks/") or "plugin" in name or name == "mkdocs-static-i18n"
                          or name == "material"):
            inside[f"events of {name}"] += by_mkdocs
        if path.endswith("markdown/core.py") and func == "convert":
            inside["Markdown.convert (all pages, both languages)"] += ct
        if path.endswith("mkdocs/commands/build.py") and func == "_build_page":
            inside["_build_page (template rendering + on_page_context/on_post_page)"] += ct
        if path.endswith("jinja2/environment.py") and func == "compile":
            inside["Jinja template compilation (each build compiles the theme anew)"] += ct
        if path.endswith("git/cmd.py") and func == "execute":
            inside[f"git subprocesses ({nc} calls)"] += ct
        if path.endswith("subprocess.py") and func == "run":
            inside[f"subprocess.run ({nc} calls)"] += ct
    return ({f"self: {k}": round(v, 3) for k, v in selftime.items() if v >= 0.005}
            | {f"inside: {k}": round(v, 3) for k, v in inside.items() if v >= 0.005})


def builder(project: Path, site_dir: Path, dirty: bool):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    serve_url = "http://127.0.0.1:8000/"

    def run():
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = serve_url
        if dirty:
            config.strict = False  # strict mode aborts on the warning a dirty build prints (PREVIEW-PROFILE.md)
        build(config, serve_url=serve_url, dirty=dirty)
    # As serve does once: plugins learn the command (hooks/drafts.py shows drafts under serve).
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=dirty)
    return run


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--saves", type=int, default=2)
    parser.add_argument("--dirty", action="store_true", help="as mkdocs serve --dirty --no-strict")
    parser.add_argument("--no-profile", action="store_true", help="wall and garbage-collector times only")
    parser.add_argument("--dump", type=Path, help="write each build's pstats file here")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    os.chdir(project)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if args.dirty:
        sys.argv.append("--dirty")  # static-i18n reads it from sys.argv for the English build
    import tempfile
    site_dir = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    run = builder(project, site_dir, args.dirty)
    page = project / preview.EDITED
    original = page.read_text("utf-8")
    # Time in Python's cyclic garbage collector, which grows with the objects a build leaves alive.
    collecting = {"start": 0.0, "total": 0.0}

    def on_gc(phase, info):
        if phase == "start":
            collecting["start"] = time.perf_counter()
        else:
            collecting["total"] += time.perf_counter() - collecting["start"]
    gc.callbacks.append(on_gc)
    try:
        for i in range(args.saves + 1):
            if i:
                preview.save_marker(page, f"profile-{uuid.uuid4().hex[:8]}")
            profile = cProfile.Profile()
            collecting["total"] = 0.0
            start = time.perf_counter()
            if not args.no_profile:
                profile.enable()
            run()
            profile.disable()
            wall = time.perf_counter() - start
            print(f"## {'first build' if not i else f'rebuild after save {i}'}: {wall:.2f} s"
                  f"{'' if args.no_profile else ' under the profiler'}; {collecting['total']:.2f} s in the garbage "
                  f"collector; {len(gc.get_objects())} objects alive after it")
            if args.no_profile:
                continue
            stats = pstats.Stats(profile)
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                stats.dump_stats(args.dump / f"build-{i}.pstats")
            found = components(stats)
            for kind in ("self", "inside"):
                for name, value in sorted(((k, v) for k, v in found.items() if k.startswith(kind)), key=lambda kv: -kv[1]):
                    print(f"  {value:>9}  {name}")
            sys.stdout.flush()
    finally:
        page.write_text(original, "utf-8")


if __name__ == "__main__":
    main()
