"""The pull request template the reviewer signs, the reader's correction form, and CODEOWNERS."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
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


# A CODEOWNERS owner: @user, @organization/team, or an e-mail address (GitHub's documented forms).
OWNER = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?|[^@\s]+@[^@\s]+\.[^@\s]+")
# The words of the file's example line, which are not owners until replaced.
EXAMPLE_OWNER = "@ORGANIZATION/REVIEWERS-TEAM"


def codeowners_problems(text: str) -> list[str]:
    """What is wrong with a CODEOWNERS file: an active line whose owners are not in GitHub's syntax
    (or are the example's words), or, when no line is active yet, a file that does not say how to
    name the reviewers."""
    problems = []
    active = [(n, line.split("#", 1)[0].split()) for n, line in enumerate(text.split("\n"), 1)
              if line.strip() and not line.lstrip().startswith("#")]
    for n, (pattern, *owners) in active:
        if not owners:
            problems.append(f"line {n}: '{pattern}' names no owner")
        problems += [f"line {n}: '{owner}' is not an owner (@user, @organization/team or an e-mail address)"
                     for owner in owners if not OWNER.fullmatch(owner) or owner == EXAMPLE_OWNER]
    if not active:
        comments = text.lower()
        if not re.search(r"^#\s*\*\s+@\S+/\S+", text, re.M):
            problems.append("no line is active and there is no example line ('# * @organization/team') to enable")
        if "require review from code owners" not in comments:
            problems.append("no line is active and the file does not say to turn on 'Require review from Code Owners'")
    return problems


def test_codeowners_names_owners_in_githubs_syntax_or_says_how_to_name_them():
    assert codeowners_problems((GITHUB / "CODEOWNERS").read_text("utf-8")) == []


@pytest.mark.parametrize("text, expected", [
    ("* @bureau/reviewers\n/docs/ @some-user reviewer@example.org\n", []),
    ("# Reviewers named on 2026-01-05.\n* @bureau/reviewers  # the 审核人\n", []),
    ("* @ORGANIZATION/REVIEWERS-TEAM\n", ["line 1: '@ORGANIZATION/REVIEWERS-TEAM' is not an owner"]),
    ("* reviewers\n", ["line 1: 'reviewers' is not an owner"]),
    ("* @-bad-\n", ["line 1: '@-bad-' is not an owner"]),
    ("/docs/\n", ["line 1: '/docs/' names no owner"]),
    ("# Nobody yet.\n", ["no example line", "does not say to turn on"]),
])
def test_the_codeowners_check_accepts_owners_and_refuses_what_github_would_not_read(text, expected):
    problems = codeowners_problems(text)
    assert len(problems) == len(expected) and all(e in p for e, p in zip(expected, problems)), problems
