"""The front-matter JSON Schemas: valid schemas, met by every content page, and wired into VS Code
(remark + remark-lint-frontmatter-schema, .remarkrc.yml) so that a wrong field is shown while typing."""

from __future__ import annotations

import json
import re
import subprocess

import jsonschema
import pytest
import yaml
from conftest import ROOT, copy_project

from annual_report.frontmatter import split_page

SCHEMAS = sorted((ROOT / "schemas").glob("*.json"))
REPORT_PAGES = sorted(p for lang in ("zh", "en") for p in (ROOT / "docs" / lang / "reports").glob("*/**/*.md"))  # each report's pages
POLICY_PAGES = sorted(p for p in (ROOT / "docs" / "zh" / "policies").glob("*.md") if p.name != "index.md")
REMARK = ROOT / "node_modules" / ".bin" / "remark"


def load(name: str) -> dict:
    return json.loads((ROOT / "schemas" / name).read_text("utf-8"))


def jsonc(path) -> dict:
    """VS Code's JSON with // comments."""
    return json.loads(re.sub(r"^\s*//.*$", "", path.read_text("utf-8"), flags=re.M))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_schema_is_a_valid_json_schema(path):
    schema = json.loads(path.read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_check_schema_would_catch_a_broken_schema():
    broken = {**load("policy-page.schema.json"), "required": "title"}
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.Draft202012Validator.check_schema(broken)


@pytest.mark.parametrize("schema_name, pages", [
    ("report-page.schema.json", REPORT_PAGES),
    ("policy-page.schema.json", POLICY_PAGES),
])
def test_every_content_page_meets_its_schema(schema_name, pages):
    assert len(pages) > 10
    validator = jsonschema.Draft202012Validator(load(schema_name), format_checker=jsonschema.FormatChecker())
    for path in pages:
        page = split_page(str(path.relative_to(ROOT)), path.read_text("utf-8"))
        errors = [f"{'.'.join(map(str, e.path)) or '(front matter)'}: {e.message}" for e in validator.iter_errors(page.meta)]
        assert not errors, f"{page.path}: {errors}"


def test_the_editor_config_maps_each_front_matter_schema_to_its_pages():
    plugins = yaml.safe_load((ROOT / ".remarkrc.yml").read_text("utf-8"))["plugins"]
    assert plugins[0] == "remark-frontmatter"
    name, options = plugins[1]
    assert name == "remark-lint-frontmatter-schema"
    assert options["schemas"] == {
        "schemas/report-page.schema.json": ["docs/*/reports/*/**/*.md"],
        "schemas/policy-page.schema.json": ["docs/zh/policies/!(index).md"],
    }
    assert len(plugins) == 2  # no other remark rule, nothing reformatted


def test_vscode_recommends_the_extension_and_never_reformats_markdown():
    extensions = jsonc(ROOT / ".vscode" / "extensions.json")
    assert "unifiedjs.vscode-remark" in extensions["recommendations"]
    settings = jsonc(ROOT / ".vscode" / "settings.json")
    assert settings["remark.requireConfig"] is True
    assert settings["[markdown]"]["editor.formatOnSave"] is False
    package = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]
    assert {"remark-cli", "remark-frontmatter", "remark-lint-frontmatter-schema"} <= set(package)


@pytest.fixture(scope="module")
def remark():
    """The pinned remark of package.json (what the VS Code extension loads), installed like make lint does."""
    if not REMARK.exists():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)
    return REMARK


def run_remark(remark, cwd):
    return subprocess.run([str(remark), "--no-stdout", "--no-color", "--frail", "--quiet", "docs"],
                          cwd=cwd, capture_output=True, text=True)


def test_the_editor_check_passes_on_the_content(remark):
    result = run_remark(remark, ROOT)
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_editor_check_underlines_wrong_fields(remark, tmp_path):
    copy_project(tmp_path, reports={2023}, files=("docs", "data", "schemas", "mkdocs.yml", ".remarkrc.yml"))
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    policy = tmp_path / "docs/zh/policies/bureau-earthquake-emergency-plan.md"
    policy.write_text(policy.read_text("utf-8").replace("level: 本局", "level: 本部门"), "utf-8")
    report = tmp_path / "docs/en/reports/2023/plan.md"
    report.write_text(report.read_text("utf-8").replace("section: 3", "section: 25"), "utf-8")
    result = run_remark(remark, tmp_path)
    assert result.returncode != 0
    out = result.stderr
    assert "docs/zh/policies/bureau-earthquake-emergency-plan.md" in out and "allowed values" in out and "本局" in out
    assert "docs/en/reports/2023/plan.md" in out and "Must be <= 20" in out
    assert "malformed" not in out.lower()  # the validator compiled the 2020-12 schemas
