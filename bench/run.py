"""The scale benchmark (issue 7): builds N = 1, 10, 100 reports and writes bench/RESULTS.md.

For each N, in one run and interleaved (so that a busy machine slows every variant alike):
- the full build (`mkdocs build --strict`, every hook): wall time, median of REPEAT; peak memory;
- the same pages with the project's hooks turned off (`--no-strict`: the anchors the hooks make are
  missing then), and Zensical's cold build (`zensical build --clean`) of the same Markdown, when
  ZENSICAL names its executable; each as a ratio to the full build of the same run;
- HTML bytes per page, and the search index's bytes (site/search/ and site/en/search/) against
  Material's default lunr index for the same content (a build without hooks/search.py: one
  index for both languages, \\uXXXX-escaped);
- at every N, search in Chromium, median of SEARCHES: the bytes of the search a page load fetches
  (nothing is expected: the engine loads when the search is opened); the first result for 公职律师,
  cold (a new browser context: the search opened on a fresh page, so the engine's and the index's
  downloads count) and warm (the same query again); and the bytes of that first query (the engine,
  the manifest, the index files of its tokens and the records of the results shown).

    python bench/run.py --ns "1 10 100" [--repeat 3] [--zensical /path/to/zensical]

Timing is never part of `make test`.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import preview  # noqa: E402
import unused  # noqa: E402
from corpus import ROOT, for_zensical, make_corpus  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Kept when the hooks are off, so that both builds draw the same pages: the overrides do not render
# without hooks/theme.py, which also decides which reports the sidebar lists (without it every page
# would list every year, and the build without hooks would be the slower one).
THEME_HOOKS = ("theme.py",)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERY = "公职律师"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    hooks: dict[str, float] | None = None  # full builds: seconds spent in each hook's code (bench/hook_timer.py)


@dataclass
class Result:
    n: int
    full: list[Run] = field(default_factory=list)
    hooks_off: list[Run] = field(default_factory=list)
    zensical: list[Run] = field(default_factory=list)
    pages: int = 0
    html_bytes: int = 0
    index_bytes: int = 0
    index_bytes_by_lang: dict = field(default_factory=dict)
    default_index_bytes: int = 0
    search: dict = field(default_factory=dict)
    preview: dict = field(default_factory=dict)  # bench/preview.py: serve ready, save → shown
    unused: dict = field(default_factory=dict)  # bench/unused.py: files of the full build nothing loads
    load: list = field(default_factory=list)  # the machine's 1-minute load average as this N began and ended


def timed(cmd: list[str], cwd: Path, log: Path, hook_times: Path | None = None) -> Run:
    """Wall time and peak resident memory (os.wait4's rusage of this child) of one command; with
    hook_times, also the seconds of each hook that bench/hook_timer.py wrote there."""
    env = {**ENV, "BENCH_HOOK_TIMES": str(hook_times)} if hook_times else ENV
    with log.open("ab") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({cmd} in {cwd}): see {log}")
    hooks = json.loads(hook_times.read_text("utf-8")) if hook_times else None
    return Run(seconds, usage.ru_maxrss / 1024, hooks)


def html_stats(site: Path) -> tuple[int, int]:
    pages = [p for p in site.rglob("*.html")]
    return len(pages), sum(p.stat().st_size for p in pages)


def index_bytes_by_lang(site: Path) -> dict[str, int]:
    """Per language: the bytes of its search index, the files under search/ (for a build without the
    search hook: Material's lunr index, search/search_index.json, both languages in site/search/).
    The code is not counted on either side (site-search.js; lunr.js and Material's worker)."""
    sizes = {}
    for lang, root in (("zh", site), ("en", site / "en")):
        folder = root / "search"
        sizes[lang] = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0
    return sizes


def index_bytes(site: Path) -> int:
    return sum(index_bytes_by_lang(site).values())


def without_search_hook(corpus: Path) -> None:
    config = corpus / "mkdocs.yml"
    config.write_text("".join(line for line in config.read_text("utf-8").splitlines(keepends=True)
                              if "hooks/search.py" not in line), "utf-8")


def bench_n(n: int, work: Path, repeat: int, zensical: str | None, log: Path) -> Result:
    result = Result(n, load=[os.getloadavg()[0]])
    full = make_corpus(n, work / f"full-{n}", timer=True)
    off = make_corpus(n, work / f"off-{n}", hooks=False, keep_hooks=THEME_HOOKS)
    zen = for_zensical(full, work / f"zensical-{n}") if zensical else None
    default = make_corpus(n, work / f"default-{n}")
    without_search_hook(default)
    for i in range(repeat):
        print(f"N={n} round {i + 1}/{repeat}", flush=True)
        result.full.append(timed([*MKDOCS, "build", "--strict"], full, log, work / f"hooks-{n}.json"))
        result.hooks_off.append(timed([*MKDOCS, "build", "--no-strict"], off, log))
        if zen:
            shutil.rmtree(zen / "site", ignore_errors=True)
            result.zensical.append(timed([zensical, "build", "--clean"], zen, log))
    result.pages, result.html_bytes = html_stats(full / "site")
    result.index_bytes_by_lang = index_bytes_by_lang(full / "site")
    result.index_bytes = sum(result.index_bytes_by_lang.values())
    timed([*MKDOCS, "build", "--strict"], default, log)
    result.default_index_bytes = index_bytes(default / "site")
    found = unused.find_unused(full / "site")
    result.unused = {"files": {p.relative_to(full / "site").as_posix(): p.stat().st_size for p in found.files},
                     "bytes": found.bytes, "total_files": found.total_files, "total_bytes": found.total_bytes}
    return result


def bench_preview(n: int, work: Path, repeat: int) -> dict:
    """`mkdocs serve` on a corpus of its own (no hook timer): ready REPEAT times, three saves."""
    print(f"N={n} preview", flush=True)
    corpus = make_corpus(n, work / f"serve-{n}", git=True)  # staff preview in a git checkout
    # A build of the corpus takes about 1 s per report today: the timeouts leave room for several.
    found = preview.measure(corpus, repeat, saves=3, ready_timeout=max(300, 12 * n), save_timeout=max(120, 10 * n),
                            tmp=work / f"serve-tmp-{n}")
    return {**found, **preview.summary(found)}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def search_timings(site: Path, rounds: int) -> dict:
    """Milliseconds from opening the search and typing 公职律师 to the first result: in a new context
    (cold: the engine and the index load on opening), then again (warm); and the search's bytes."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    measure = """async query => {
      const input = document.querySelector("input.md-search__input")
      const list = document.querySelector(".md-search-result__list")
      const found = new Promise(resolve => {
        const seen = () => list.querySelector(".md-search-result__item")
        new MutationObserver((_, observer) => {
          if (seen()) { observer.disconnect(); resolve(performance.now()) }
        }).observe(list, {childList: true})
      })
      const start = performance.now()
      input.focus()
      input.value = query
      input.dispatchEvent(new Event("input", {bubbles: true}))
      return (await found) - start
    }"""
    clear = """() => {
      const input = document.querySelector("input.md-search__input")
      input.value = ""
      input.dispatchEvent(new Event("input", {bubbles: true}))
    }"""
    cold, warm, results, loaded, queried, wire = [], [], 0, [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(rounds):
                context = browser.new_context()
                fetched: dict[str, int] = {}  # the search's downloads, by URL
                context.on("requestfinished", lambda request, fetched=fetched: fetched.update(search_bytes(request)))
                page = context.new_page()
                page.goto(url, wait_until="networkidle")
                loaded.append(sum(fetched.values()))  # a page load without a search: 0 expected
                fetched.clear()
                cold.append(page.evaluate(measure, QUERY))
                page.wait_for_load_state("networkidle")
                queried.append(sum(fetched.values()))
                wire.append(sum(gzipped(site, url) for url in fetched))
                results = page.locator(".md-search-result__item").count()
                page.evaluate(clear)
                page.wait_for_timeout(200)  # let the cleared list settle
                warm.append(page.evaluate(measure, QUERY))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm), "cold_all": cold,
            "warm_all": warm, "results": results, "load_bytes": statistics.median(loaded),
            "query_bytes": statistics.median(queried), "query_gzip_bytes": statistics.median(wire)}


def gzipped(site: Path, url: str) -> int:
    """The bytes of a file of the site gzip-compressed, as GitHub Pages sends text files (the local
    server sends them as they are)."""
    import gzip
    from urllib.parse import urlsplit

    path = site / urlsplit(url).path.lstrip("/")
    return len(gzip.compress(path.read_bytes(), 6, mtime=0)) if path.is_file() else 0


def search_bytes(request) -> dict[str, int]:
    """The body bytes of a download of the search (its engine and index files), by URL."""
    if "/search/" not in request.url and "site-search.js" not in request.url:
        return {}
    return {request.url: request.sizes()["responseBodySize"]}


def hooks_own(r: Result) -> float | None:
    """Median over the full builds of the seconds spent in the code of the hooks the build without
    hooks leaves out (bench/run.py's THEME_HOOKS are in both)."""
    own = [sum(t for name, t in run.hooks.items() if not name.endswith(THEME_HOOKS)) for run in r.full if run.hooks]
    return statistics.median(own) if own else None


def slowest_hooks(r: Result, count: int = 3) -> list[tuple[str, float]]:
    runs = [run.hooks for run in r.full if run.hooks]
    names = {name for hooks in runs for name in hooks if not name.endswith(THEME_HOOKS)}
    medians = {name.removeprefix("hooks/"): statistics.median(h.get(name, 0.0) for h in runs) for name in names}
    return sorted(medians.items(), key=lambda kv: -kv[1])[:count]


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def peak(runs: list[Run]) -> float:
    return max(r.peak_mb for r in runs)


def seconds_or_timeout(value: float | None, timeout: float | None, exit: int | None = None) -> str:
    if value is not None:
        return f"{value:.1f} s"
    if exit is not None:
        return f"serve exited with code {exit} (its log is in the raw data)"
    return f"timed out after {timeout:.0f} s" if timeout else "not measured"


def issue_14(results: list[Result]) -> list[str]:
    """The table of issue 14, one row per measure and N, with its target and whether it is met."""
    by_n = {r.n: r for r in results}

    def verdict(ok: bool | None) -> str:
        return "—" if ok is None else ("met" if ok else "**not met**")

    rows = []
    for n, target in ((1, 3.0), (10, 6.0), (100, None)):
        p = by_n[n].preview if n in by_n else None
        if p:
            ready = p.get("ready_s")
            rows.append((f"`mkdocs serve` ready (first page 200), N={n}", seconds_or_timeout(ready, p.get("ready_timeout"), p.get("exit")),
                         f"≤ {target:.0f} s" if target else "report it",
                         verdict(ready is not None and ready <= target) if target else "—"))
    for n, target in ((1, None), (10, 1.0), (100, 2.0)):
        p = by_n[n].preview if n in by_n else None
        if p:
            save = p.get("save_s")
            built = f" (serve's log: built in {p['save_built_s']:.1f} s)" if p.get("save_built_s") is not None else ""
            rows.append((f"Save one report page → preview shows it, N={n} (median of {len(p.get('save', []))})",
                         seconds_or_timeout(save, p.get("save_timeout"), p.get("exit")) + built,
                         f"≤ {target:.0f} s" if target else "report it",
                         verdict(save is not None and save <= target) if target else "—"))
    for r in results:
        ratio = median(r.full) / median(r.hooks_off)
        rows.append((f"Full build / build without the project's hooks, N={r.n}", f"{ratio:.2f}×", "≤ 1.3×" if r.n == 100 else "report it",
                     verdict(ratio <= 1.3) if r.n == 100 else "—"))
    for r in results:
        if r.zensical:
            rows.append((f"Full build / Zensical cold build, N={r.n}", f"{median(r.full) / median(r.zensical):.2f}×", "report it", "—"))
        else:
            rows.append((f"Full build / Zensical cold build, N={r.n}", "not measured (no Zensical executable)", "report it", "—"))
    for r in results:
        if r.unused:
            u = r.unused
            rows.append((f"Files in `site/` that no page or feature loads, N={r.n}",
                         f"{len(u['files'])} file{'' if len(u['files']) == 1 else 's'}, {u['bytes'] / 1024:.1f} KB (of {u['total_files']} files, "
                         f"{u['total_bytes'] / 1024 / 1024:.1f} MB)", "none", verdict(not u["files"])))
    lines = ["", "## Issue 14: the preview, the hooks' cost, unused files", "",
             "Serve ready: from starting `mkdocs serve` in the corpus until its home page answers 200 (median of the "
             "sessions). Save → shown: a new sentence saved into the editor's note of "
             f"`{preview.EDITED}`, timed until the served page contains it; the log's own build time is the part "
             "MkDocs spends building (the rest is the watcher's 0.5 s polling and serving). bench/preview.py, "
             "bench/unused.py.", "",
             "| Measure | Measured | Target | |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    for r in results:
        if r.unused and r.unused["files"]:
            listed = sorted(r.unused["files"].items(), key=lambda kv: -kv[1])
            lines += ["", f"Unused at N={r.n}: " + ", ".join(f"`{name}` ({size / 1024:.1f} KB)" for name, size in listed[:30])
                      + (f" and {len(listed) - 30} more" if len(listed) > 30 else "") + "."]
    return lines


def report(results: list[Result], repeat: int, searches: int, zensical: str | None, command: str) -> str:
    by_n = {r.n: r for r in results}
    lines = [
        "# Scale benchmark (issues 7 and 14)",
        "",
        f"Reproduce: `{command}`. Written by `bench/run.py` from one run on {platform.node()} "
        f"({os.cpu_count()} CPUs, Python {platform.python_version()}), {time.strftime('%Y-%m-%d %H:%M %Z')}.",
        *(["Load average (1 min) at the start and end of each N: "
           + ", ".join(f"N={r.n}: {r.load[0]:.1f} → {r.load[-1]:.1f}" for r in results if r.load)
           + f" on {os.cpu_count()} CPUs: above that count, other work shared the machine and every wall time is longer."]
          if any(r.load for r in results) else []),
        f"Wall times are medians of {repeat}; the variants of one N are interleaved, so a busy machine slows them alike,"
        " and each comparison is a ratio within this run. Peak memory is the largest resident set of one build.",
        "",
        "| N reports | pages (HTML files) | full build s | peak MB | hooks off s | hooks add | Zensical s | full / Zensical "
        "| HTML KB per page | search index KB (zh + en) | Material default index KB | index / default |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        full, off = median(r.full), median(r.hooks_off)
        zen = median(r.zensical) if r.zensical else None
        lines.append(
            f"| {r.n} | {r.pages} | {full:.1f} | {peak(r.full):.0f} | {off:.1f} | {(full / off - 1) * 100:+.0f} % "
            f"| {f'{zen:.1f}' if zen else '—'} | {f'{full / zen:.2f}' if zen else '—'} "
            f"| {r.html_bytes / r.pages / 1024:.1f} | {r.index_bytes / 1024:.0f} | {r.default_index_bytes / 1024:.0f} "
            f"| {r.index_bytes / r.default_index_bytes:.2f} |")
    lines += issue_14(results)
    lines += ["", "## Targets (issue 7)", ""]
    ns = sorted(by_n)
    small, large = ns[0], ns[-1]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    if 10 in by_n and 100 in by_n:
        ratio = median(by_n[100].full) / median(by_n[10].full)
        lines.append(f"- t(N=100) / t(N=10) = {ratio:.1f} (target ≤ 11): {verdict(ratio <= 11)}.")
    if large != small:
        a, b = by_n[small], by_n[large]
        ratio = (b.html_bytes / b.pages) / (a.html_bytes / a.pages)
        lines.append(f"- HTML bytes per page, N={large} / N={small} = {ratio:.2f} (target ≤ 1.3): {verdict(ratio <= 1.3)}.")
    for r in results:
        added = median(r.full) / median(r.hooks_off) - 1
        own = hooks_own(r)
        extra = median(r.full) - median(r.hooks_off)
        split = (f" Of the {extra:.1f} s added, the hooks' own code takes {own:.1f} s ("
                 f"{', '.join(f'{name} {t:.1f} s' for name, t in slowest_hooks(r))}); the other {max(extra - own, 0):.1f} s "
                 "go to rendering what they generate." if own is not None else "")
        lines.append(f"- N={r.n}: the hooks add {added * 100:.0f} % to the build (target ≤ 10 %): {verdict(added <= 0.10)}.{split}")
    if by_n[large].zensical:
        ratio = median(by_n[large].full) / median(by_n[large].zensical)
        lines.append(f"- N={large}: full build / Zensical cold build = {ratio:.2f} (target ≤ 0.8): {verdict(ratio <= 0.8)}.")
    elif zensical is None:
        lines.append("- Zensical: not measured (no --zensical executable given).")
    for r in results:
        ratio = r.index_bytes / r.default_index_bytes
        lines.append(f"- N={r.n}: search index bytes / Material's default = {ratio:.2f} (target ≤ 0.5): {verdict(ratio <= 0.5)}.")
    searched = [r for r in results if r.search]
    if searched:
        lines += ["", f"## Search in Chromium (first result for {QUERY}, median of {searches})", "",
                  "| N reports | search bytes at page load | cold first result ms | warm first result ms "
                  "| bytes of the first query (gzip, as served by GitHub Pages) | results listed |",
                  "|---:|---:|---:|---:|---:|---:|"]
        for r in searched:
            s = r.search
            lines.append(f"| {r.n} | {s['load_bytes']:.0f} | {s['cold_ms']:.0f} | {s['warm_ms']:.0f} "
                         f"| {s['query_bytes'] / 1024:.1f} KB ({s.get('query_gzip_bytes', 0) / 1024:.1f} KB) | {s['results']} |")
        lines.append("")
        for r in searched:
            s = r.search
            lines.append(f"- N={r.n}: cold {s['cold_ms']:.0f} ms (target ≤ 300): {verdict(s['cold_ms'] <= 300)}; "
                         f"warm {s['warm_ms']:.0f} ms (target ≤ 20): {verdict(s['warm_ms'] <= 20)}; "
                         f"page load {s['load_bytes']:.0f} bytes (target 0): {verdict(s['load_bytes'] == 0)}; "
                         f"first query {s['query_bytes'] / 1024:.0f} KB (target ≤ 200): {verdict(s['query_bytes'] <= 200 * 1024)}. "
                         f"All cold: {', '.join(f'{x:.0f}' for x in s['cold_all'])} ms; "
                         f"all warm: {', '.join(f'{x:.0f}' for x in s['warm_all'])} ms.")
    analysis = Path(__file__).with_name("ANALYSIS.md")
    if analysis.exists():  # the causes of missed targets and what each speed-up costs a reader: kept by hand
        lines += ["", analysis.read_text("utf-8").strip()]
    lines += ["", "## Raw", "", "```json",
              json.dumps([{**r.__dict__, "full": [x.__dict__ for x in r.full], "hooks_off": [x.__dict__ for x in r.hooks_off],
                           "zensical": [x.__dict__ for x in r.zensical]} for r in results], indent=1), "```", ""]
    return "\n".join(lines)


def rerender(out: Path) -> None:
    """RESULTS.md written again from the raw data it holds, with the current ANALYSIS.md."""
    text = out.read_text("utf-8")
    raw = json.loads(text.split("```json\n", 1)[1].split("\n```", 1)[0])
    results = [Result(**{**r, "full": [Run(**x) for x in r["full"]], "hooks_off": [Run(**x) for x in r["hooks_off"]],
                         "zensical": [Run(**x) for x in r["zensical"]]}) for r in raw]
    head = text.splitlines()
    command = head[2].split("`")[1]
    repeat = len(results[0].full)
    searches = len(results[-1].search.get("cold_all", [])) if results[-1].search else 0
    body = report(results, repeat, searches, "zensical" if results[-1].zensical else None, command)
    # keep the original run's date line
    lines = body.splitlines()
    lines[2] = head[2]
    out.write_text("\n".join(lines) + "\n", "utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ns", default="1 10 100", help='numbers of reports, e.g. "1 10 100"')
    parser.add_argument("--repeat", type=int, default=3, help="builds of each variant (median)")
    parser.add_argument("--searches", type=int, default=5, help="Chromium searches at each N (median)")
    parser.add_argument("--zensical", default=shutil.which("zensical"), help="the zensical executable, if any")
    parser.add_argument("--work", type=Path, default=None, help="where the corpora go (default: a temp dir)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--no-preview", action="store_true", help="leave out the mkdocs serve measurements")
    parser.add_argument("--render", action="store_true",
                        help="only write RESULTS.md again from its raw data (after editing ANALYSIS.md)")
    args = parser.parse_args(argv)
    if args.render:
        rerender(args.out)
        return
    ns = sorted(int(x) for x in args.ns.split())
    work = args.work or Path(tempfile.mkdtemp(prefix="annual-report-bench-"))
    log = work / "build.log"
    zensical = str(Path(args.zensical).resolve()) if args.zensical else None
    command = f"make bench NS=\"{args.ns}\"" + (f" REPEAT={args.repeat}" if args.repeat != 3 else "")
    results = []
    for n in ns:
        results.append(bench_n(n, work, args.repeat, zensical, log))
        print(f"N={n}: full {median(results[-1].full):.1f} s", flush=True)
        if not args.no_preview:
            results[-1].preview = bench_preview(n, work, args.repeat)
        results[-1].load.append(os.getloadavg()[0])
        if args.searches and Path(CHROMIUM).exists():
            results[-1].search = search_timings(work / f"full-{n}" / "site", args.searches)
        args.out.write_text(report(results, args.repeat, args.searches, zensical, command), "utf-8")  # so far
    args.out.write_text(report(results, args.repeat, args.searches, zensical, command), "utf-8")
    print(f"wrote {args.out} (corpora in {work})")


if __name__ == "__main__":
    main()
