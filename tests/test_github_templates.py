"""The pull request template the reviewer signs, the reader's correction form, and CODEOWNERS."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import ROOT

GITHUB = ROOT / ".github"


def test_the_pull_request_template_has_the_checks_the_reviewer_signs():
    text = (GITHUB / "pull_request_template.md").read_text("utf-8")
    signed = text.split("## 审核人签署", 1)[1]
    boxes = re.findall(r"^- \[ \] \*\*(.+?)\*\*", signed, re.M)
    assert {"保密审查", "原文核对", "翻译状态"} <= set(boxes)
    assert "签发的原件" in signed and "审核人（姓名）" in signed


def test_the_correction_form_is_a_valid_github_issue_form():
    path = GITHUB / "ISSUE_TEMPLATE" / "correction.yml"
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-forms", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_correction_form_is_in_chinese_with_english_labels():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "correction.yml").read_text("utf-8"))
    assert "纠错" in form["name"] and form["labels"] == ["correction"]
    labels = [f["attributes"]["label"] for f in form["body"] if f["type"] != "markdown"]
    assert len(labels) >= 5
    for label in labels:
        zh, en = label.split(" / ")
        assert re.search(r"[\u4e00-\u9fff]", zh) and re.fullmatch(r"[A-Za-z ,']+", en), label
    required = {f["id"] for f in form["body"] if f.get("validations", {}).get("required")}
    assert {"page", "wrong"} <= required


def test_codeowners_names_nobody_until_reviewers_are_named():
    lines = [line for line in (GITHUB / "CODEOWNERS").read_text("utf-8").split("\n") if line.strip()]
    assert all(line.startswith("#") for line in lines), "an active CODEOWNERS line names real reviewers: only after they are named"
    assert any("PLACEHOLDER" in line for line in lines)
    assert any(re.match(r"#\s*\*\s+@\S+/\S+", line) for line in lines)  # the example line to enable
