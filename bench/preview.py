"""The preview as staff use it (issue 14): `mkdocs serve` driven over HTTP, never a function timed.

- ready: from starting `mkdocs serve` until its first page answers 200 (serve builds the whole site
  before it listens), median over REPEAT sessions;
- save → preview rebuilt: in the first session, a report page of the corpus is saved SAVES times with
  a new marker in its editor's note (an added sentence the fidelity check skips: never an official
  character), each timed from the write until the served page shows the marker; with the seconds the
  server's log gives for that rebuild ("Documentation built in X seconds"). The difference between
  the two is the watcher's latency (MkDocs polls the files every 0.5 s) and the serving.

A session that does not answer within its timeout is recorded as timed out, and one whose server
exits (a failed strict build) with its exit code, never raised: at N=100 a build takes minutes today.

    python bench/preview.py /tmp/corpus-10 [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

MKDOCS = [sys.executable, "-m", "mkdocs"]
# A report page with an editor's note (CONTRIBUTING.md, 七、写编者注): its note may take any words.
EDITED = "docs/zh/reports/2023/progress/01-rule-of-law-thought.md"
EDITED_URL = "reports/2023/progress/01-rule-of-law-thought/"
NOTE_LINE = re.compile(r"(?m)^(!!! note \"编者注\"\n\n    )(.*)$")
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
POLL = 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


class Server:
    """One `mkdocs serve` of a project directory, on a free port, its log in a file; TMPDIR points
    into ``tmp`` so that the site it writes (tempfile.mkdtemp(prefix="mkdocs_")) can be found."""

    def __init__(self, project: Path, tmp: Path, *extra: str, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.tmp = tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.log_path = tmp / f"serve-{self.port}.log"
        self._log = self.log_path.open("wb")
        env = {**(env or os.environ), "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp)}
        self.started = time.perf_counter()
        # As `make serve` runs it: --dirty lets hooks/preview.py render again only what a save changed.
        self.proc = subprocess.Popen([*MKDOCS, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}", *extra],
                                     cwd=project, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def log(self) -> str:
        return self.log_path.read_text("utf-8", "replace")

    def builds(self) -> list[float]:
        return [float(s) for s in BUILT.findall(self.log())]

    def site_dir(self) -> Path | None:
        dirs = sorted(self.tmp.glob("mkdocs_*"))
        return dirs[-1] if dirs else None

    def wait_ready(self, timeout: float) -> float | None:
        """Seconds from the start until the home page answers 200; None on timeout or exit."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                return None
            if fetch(self.url)[0] == 200:
                return time.perf_counter() - self.started
            time.sleep(POLL)
        return None

    def wait_for(self, path: str, marker: str, timeout: float) -> float | None:
        """Seconds from now until the page at path contains marker."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.proc.poll() is not None:
                return None
            status, html = fetch(self.url + path)
            if status == 200 and marker in html:
                return time.perf_counter() - start
            time.sleep(POLL)
        return None

    def wait_built(self, count: int, timeout: float) -> bool:
        """Until the log reports at least ``count`` finished builds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if len(self.builds()) >= count:
                return True
            if self.proc.poll() is not None:
                return False
            time.sleep(POLL)
        return False

    def stop(self) -> None:
        # SIGINT, as Ctrl-C: serve then removes its temporary site.
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()


def save_marker(page: Path, marker: str) -> None:
    """The page with marker as the last words of its editor's note (replacing an earlier marker)."""
    text = page.read_text("utf-8")
    match = NOTE_LINE.search(text)
    if not match:
        raise SystemExit(f"{page}: no editor's note to edit")
    body = re.sub(r" （预览计时 [\w-]+）$", "", match[2])
    page.write_text(text[:match.start(2)] + body + f" （预览计时 {marker}）" + text[match.end(2):], "utf-8")


def measure(project: Path, repeat: int = 3, saves: int = 3, ready_timeout: float = 900,
            save_timeout: float = 600, extra: tuple[str, ...] = (), tmp: Path | None = None) -> dict:
    """Serve ready times (one per session) and save → shown times (in the first session)."""
    tmp = tmp or Path(tempfile.mkdtemp(prefix="annual-report-preview-"))
    result: dict = {"ready": [], "ready_timeout": None, "save": [], "save_built": [], "save_timeout": None,
                    "args": list(extra)}
    page = project / EDITED
    original = page.read_text("utf-8")
    try:
        for session in range(repeat):
            server = Server(project, tmp / f"session-{session}", *extra)
            try:
                ready = server.wait_ready(ready_timeout)
                if ready is None:
                    if server.proc.poll() is None:
                        result["ready_timeout"] = ready_timeout
                    else:
                        result["exit"] = server.proc.returncode
                    result["log_tail"] = server.log()[-2000:]
                    break
                result["ready"].append(ready)
                if session:
                    continue
                for i in range(saves):
                    marker = f"bench-{uuid.uuid4().hex[:12]}"
                    built = len(server.builds())
                    time.sleep(1.0)  # a save after the watcher's last poll, as an editor's would be
                    start = time.perf_counter()
                    save_marker(page, marker)
                    shown = server.wait_for(EDITED_URL, marker, save_timeout)
                    if shown is None:
                        if server.proc.poll() is None:
                            result["save_timeout"] = save_timeout
                        else:
                            result["exit"] = server.proc.returncode
                        result["log_tail"] = server.log()[-2000:]
                        break
                    result["save"].append(time.perf_counter() - start)
                    # The page shows while the rest of the site may still be written: wait for the log.
                    if server.wait_built(built + 1, save_timeout):
                        result["save_built"].append(server.builds()[-1])
            finally:
                server.stop()
    finally:
        page.write_text(original, "utf-8")
    return result


def summary(result: dict) -> dict:
    def med(xs):
        return statistics.median(xs) if xs else None
    return {"ready_s": med(result["ready"]), "save_s": med(result["save"]), "save_built_s": med(result["save_built"]),
            "ready_timeout": result["ready_timeout"], "save_timeout": result["save_timeout"], "exit": result.get("exit")}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--saves", type=int, default=3)
    args = parser.parse_args(argv)
    result = measure(args.project, args.repeat, args.saves)
    result.pop("log_tail", None) if result["ready"] else None
    print(json.dumps({**result, **summary(result)}, indent=1))


if __name__ == "__main__":
    main()
