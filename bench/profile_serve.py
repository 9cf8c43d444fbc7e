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
import os
import pstats
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import preview  # noqa: E402


def components(stats: pstats.Stats) -> dict[str, float]:
    """Seconds inside each component (cumulative time of its entry points; recursion counted once)."""
    out: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    for (file, _line, func), (_cc, nc, _tt, ct, _callers) in stats.stats.items():
        path = file.replace("\\", "/")
        if path.endswith("mkdocs/commands/build.py") and func == "build":
            out["build() (both languages)"] = max(out["build() (both languages)"], ct)
        elif path.endswith("mkdocs/config/base.py") and func == "load_config":
            out["load_config (hooks imported, plugins set up)"] += ct
        elif path.endswith("mkdocs_static_i18n/plugin.py") and func == "on_post_build":
            out["static-i18n on_post_build (the English build inside it)"] += ct
        elif path.endswith("markdown/core.py") and func == "convert":
            out["Markdown conversion (Markdown.convert)"] += ct
            calls["Markdown conversion (Markdown.convert)"] += nc
        elif path.endswith("mkdocs/commands/build.py") and func == "_build_theme_template":
            out["theme templates (404, sitemap.xml)"] += ct
        elif path.endswith("mkdocs/commands/build.py") and func == "_build_page":
            out["page rendering (_build_page: template + on_page_context/on_post_page)"] += ct
        elif path.endswith("jinja2/environment.py") and func == "render":
            out["Jinja rendering (Template.render)"] += ct
        elif "mkdocs_git_revision_date_localized_plugin" in path and func.startswith("on_"):
            out["git-revision-date plugin (its events)"] += ct
        elif path.endswith("git/cmd.py") and func == "execute":
            calls["git-revision-date plugin (its events)"] += nc
            out["git subprocesses (git/cmd.py execute)"] += ct
            calls["git subprocesses (git/cmd.py execute)"] += nc
        elif "/material/plugins/" in path and func.startswith("on_"):
            out["Material plugins (search, its events)"] += ct
        elif "/mkdocs/structure/files.py" in path and func == "get_files":
            out["get_files (scan docs/)"] += ct
        elif path.endswith("mkdocs/structure/files.py") and func == "copy_file":
            out["copying static files (File.copy_file)"] += ct
            calls["copying static files (File.copy_file)"] += nc
        if "/hooks/" in path and func.startswith("on_") and "/site-packages/" not in path:
            out[f"hooks/{Path(path).name}"] += ct
        elif "/annual_report/" in path and func == "read" and "catalog" in path:
            out["annual_report catalog read"] += ct
    return {k: round(v, 3) for k, v in out.items()} | {f"{k} (calls)": v for k, v in calls.items()}


def builder(project: Path, site_dir: Path, dirty: bool):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    serve_url = "http://127.0.0.1:8000/"

    def run():
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=dirty)
    # As serve does once: plugins learn the command (hooks/drafts.py shows drafts under serve).
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=dirty)
    return run


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--saves", type=int, default=2)
    parser.add_argument("--dirty", action="store_true")
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
    try:
        for i in range(args.saves + 1):
            if i:
                preview.save_marker(page, f"profile-{uuid.uuid4().hex[:8]}")
            profile = cProfile.Profile()
            start = time.perf_counter()
            profile.enable()
            run()
            profile.disable()
            wall = time.perf_counter() - start
            stats = pstats.Stats(profile)
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                stats.dump_stats(args.dump / f"build-{i}.pstats")
            print(f"## {'first build' if not i else f'rebuild after save {i}'}: {wall:.2f} s under the profiler")
            for name, value in sorted(components(stats).items(), key=lambda kv: -kv[1]):
                print(f"  {value:>9}  {name}")
            sys.stdout.flush()
    finally:
        page.write_text(original, "utf-8")


if __name__ == "__main__":
    main()
