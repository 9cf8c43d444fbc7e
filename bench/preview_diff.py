"""What a preview shows wrong after a save (issue 14): `mkdocs serve --dirty` (as `make serve`) on a corpus, one save of
a report page's editor's note (bench/preview.py), then the served site against a full build of the
same files, file by file. For judging a faster preview (MkDocs' --dirty, a cache, a skipped step) by
what it costs an editor; tests/test_preview.py is the check that must pass.

    python bench/preview_diff.py /tmp/corpus-10

Normalised as in tests/test_preview.py: the CSP meta (left out under serve) and gzip headers.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import preview  # noqa: E402

CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    out = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            out[path.relative_to(site).as_posix()] = CSP.sub(b"", gzip.decompress(data) if path.suffix == ".gz" else data)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    args = parser.parse_args(argv)
    project = args.project.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="annual-report-preview-diff-"))
    server = preview.Server(project, tmp / "serve")
    page = project / preview.EDITED
    original = page.read_text("utf-8")
    try:
        if server.wait_ready(1800) is None:
            raise SystemExit(f"serve did not start: {server.log_path}")
        marker = "diff-" + str(int(time.time()))
        time.sleep(1)
        preview.save_marker(page, marker)
        if not server.wait_built(2, 1800):
            raise SystemExit(f"no rebuild: {server.log_path}")
        print(f"serve builds (s): {server.builds()}")
        shown = files(server.site_dir())
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SHOW_DRAFTS": "1", "SITE_URL": server.url}
        subprocess.run([*preview.MKDOCS, "build", "--strict", "--site-dir", str(tmp / "full")], cwd=project, env=env,
                       check=True, capture_output=True)
    finally:
        server.stop()
        page.write_text(original, "utf-8")
    full = files(tmp / "full")
    missing, extra = sorted(set(full) - set(shown)), sorted(set(shown) - set(full))
    stale = sorted(name for name in set(full) & set(shown) if full[name] != shown[name])
    with_marker = sorted(name for name, data in full.items() if marker.encode() in data)
    print(f"files with the saved words in a full build: {with_marker}")
    print(f"stale in the preview ({len(stale)}): {stale}")
    print(f"missing from the preview ({len(missing)}): {missing[:20]}\nonly in the preview ({len(extra)}): {extra[:20]}")
    for name in [n for n in stale if n.endswith(".html")][:3]:  # how a stale page differs, in short
        diff = difflib.unified_diff(full[name].decode("utf-8", "replace").splitlines(),
                                    shown[name].decode("utf-8", "replace").splitlines(), "full build", "preview", n=0, lineterm="")
        print(f"--- {name}\n" + "\n".join(line[:300] for line in list(diff)[:20]))


if __name__ == "__main__":
    main()
