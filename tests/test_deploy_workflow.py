"""Deploy publishes only main, and only a commit that passed the same checks as CI (issue 12)."""

from __future__ import annotations

import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))


def runs(job: dict) -> list[str]:
    return [step.get("run", "") or step.get("uses", "") for step in job.get("steps", [])]


def test_ci_runs_make_test():
    assert "make test" in runs(load("ci.yml")["jobs"]["test"])


def test_deploy_runs_the_same_checks_before_anything_is_uploaded():
    jobs = load("deploy.yml")["jobs"]
    build = jobs["build"]
    steps = runs(build)
    checks = steps.index("make test")
    upload = next(i for i, s in enumerate(steps) if s.startswith("actions/upload-pages-artifact@"))
    assert checks < upload
    assert all(s != "make build" or i > checks for i, s in enumerate(steps))
    # No step may let the workflow go on past a failed check.
    assert not any(step.get("continue-on-error") for step in build["steps"])
    assert jobs["deploy"]["needs"] == "build"


def test_every_deploy_job_runs_only_on_main():
    workflow = load("deploy.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    for name, job in workflow["jobs"].items():
        assert job.get("if") == "github.ref == 'refs/heads/main'", f"{name} would run for a manual run from another branch"
