"""The preview (`make serve`) after an edit shows what a full build of the same files shows.

One `mkdocs serve` session on a project copy; three saves in turn, as staff make them: a report page
(its editor's note), a policy page (its note, also shown on the indexes of cited policies) and a data
file (a glossary definition, shown on the glossary and as a tooltip on report pages). After each
rebuild the served site (serve's temporary site_dir, found through TMPDIR) must equal a full
`mkdocs build` of the same files, page for page and byte for byte, but for what differs by design:

- the Content-Security-Policy <meta>, which hooks/security.py leaves out under serve (serve injects a
  live-reload script with a timestamp no hash can know).

Serve runs as `make serve` runs it, `mkdocs serve --dirty`: hooks/preview.py renders again only the
pages whose output a save changed, and this test is what shows that it misses none.

The live-reload script is added to responses, not to the files, and the build is given serve's
site_url (SITE_URL), so canonical links, the sitemap and the feeds need no normalising; SHOW_DRAFTS=1
shows drafts as serve does (hooks/reports.py).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import MKDOCS, ROOT, build_env, copy_project

_spec = importlib.util.spec_from_file_location("bench_preview", ROOT / "bench" / "preview.py")
preview = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = preview
_spec.loader.exec_module(preview)

CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
REPORT_PAGE = "docs/zh/reports/2023/progress/01-rule-of-law-thought.md"
POLICY_PAGE = "docs/zh/policies/prefecture-transport-law-enforcement-quality-plan.md"
GLOSSARY = "data/glossary.yml"
TIMEOUT = 600  # seconds for one build; never reached unless the server hangs
WATCH_TIMEOUT = 30  # seconds for the watcher to see a save: it polls every 0.5 s


def edit_report(project: Path, marker: str) -> None:
    preview.save_marker(project / REPORT_PAGE, marker)


def edit_policy(project: Path, marker: str) -> None:
    page = project / POLICY_PAGE
    text = page.read_text("utf-8")
    assert "\nnote: " in text
    page.write_text(re.sub(r"(?m)^(note: .*)$", rf"\1（{marker}）", text, count=1), "utf-8")


def edit_glossary(project: Path, marker: str) -> None:
    data = project / GLOSSARY
    text = data.read_text("utf-8")
    assert "\n  definition_zh: “简政放权" in text
    data.write_text(text.replace("\n  definition_zh: “简政放权", f"\n  definition_zh: {marker}“简政放权", 1), "utf-8")


def noticed(server, count: int, what: str, path: str) -> None:
    """Until the server's watcher has reported ``count`` changes (it polls every 0.5 s)."""
    deadline = time.monotonic() + WATCH_TIMEOUT
    while server.log().count("Detected file changes") < count:
        assert time.monotonic() < deadline, (
            f"after {what}: mkdocs serve did not notice that {path} changed, and the preview stays stale "
            f"(it watches only {re.findall(r'Watching paths for changes: (.*)', server.log())[:1]}): "
            "list the folder under watch: in mkdocs.yml")
        time.sleep(0.1)


def settled(server, count: int) -> None:
    """Until the server has finished ``count`` builds, started no other one, and written the search
    index of the last (hooks/search.py writes it just after a preview's pages)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        log = server.log()
        done = len(preview.BUILT.findall(log))
        if done >= count and done == log.count("Building documentation") and log.count("Search index written") >= count:
            return
        assert server.proc.poll() is None, f"mkdocs serve exited:\n{log[-3000:]}"
        time.sleep(0.1)
    raise AssertionError(f"no rebuild within {TIMEOUT} s:\n{server.log()[-3000:]}")


def files(site: Path) -> dict[str, bytes]:
    out = {}
    for path in site.rglob("*"):
        if path.is_file():
            out[path.relative_to(site).as_posix()] = CSP.sub(b"", path.read_bytes())
    return out


def full_build(project: Path, dest: Path, site_url: str) -> Path:
    env = {**build_env(), "SHOW_DRAFTS": "1", "SITE_URL": site_url}
    done = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(dest)], cwd=project, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return dest


def assert_same_site(preview_site: Path, built: Path, what: str) -> None:
    shown, full = files(preview_site), files(built)
    assert sorted(shown) == sorted(full), (f"after {what}: only in the preview {sorted(set(shown) - set(full))[:10]}, "
                                           f"only in a full build {sorted(set(full) - set(shown))[:10]}")
    stale = [name for name in full if shown[name] != full[name]]
    assert not stale, f"after {what}: the preview differs from a full build in {len(stale)} files: {stale[:10]}"


def test_the_preview_after_each_edit_is_what_a_full_build_shows(tmp_path):
    project = copy_project(tmp_path / "project", reports={2023})
    server = preview.Server(project, tmp_path / "serve-tmp")
    try:
        assert server.wait_ready(TIMEOUT) is not None, f"mkdocs serve did not start:\n{server.log()[-3000:]}"
        site = server.site_dir()
        builds = len(preview.BUILT.findall(server.log()))
        edits = [("a report page", edit_report, REPORT_PAGE, "reports/2023/progress/01-rule-of-law-thought/index.html"),
                 ("a policy page", edit_policy, POLICY_PAGE, "policies/prefecture-transport-law-enforcement-quality-plan/index.html"),
                 ("a data file", edit_glossary, GLOSSARY, "glossary/index.html")]
        for n, (what, edit, path, page) in enumerate(edits):
            marker = f"preview-test-{n}"
            time.sleep(1)  # past the watcher's poll of the previous build's files
            edit(project, marker)
            builds += 1
            noticed(server, n + 1, what, path)
            settled(server, builds)
            assert marker in (site / page).read_text("utf-8"), f"after {what}: {page} not rebuilt"
            snapshot = shutil.copytree(site, tmp_path / f"preview-{n}")
            assert_same_site(snapshot, full_build(project, tmp_path / f"full-{n}", server.url), what)
    finally:
        server.stop()
