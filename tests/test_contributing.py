"""CONTRIBUTING.md explains every message the build can print: a new error without documentation fails.

The messages are read from the source: the problem of every ContentError and PluginError in
annual_report/*.py and hooks/*.py, and of every safety Finding (annual_report/safety.py), with the
f-string's fixed parts kept and its {…} parts as gaps. The guide must hold each message on one line
with those fixed parts in order (what stands in a gap is free: the guide writes …).
"""

from __future__ import annotations

import ast
import re

import pytest
from conftest import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
SOURCES = sorted((ROOT / "annual_report").rglob("*.py")) + sorted((ROOT / "hooks").glob("*.py"))
# Which argument holds the problem, by constructor.
PROBLEM_ARG = {"ContentError": (2, "problem"), "PluginError": (0, None), "Finding": (1, "problem")}
# MkDocs' own messages that a content edit can cause (mkdocs/structure/pages.py, nav.py, utils/yaml.py).
MKDOCS_MESSAGES = [
    ["Doc file '", "' contains a link '", "', but the target '", "' is not found among documentation files."],
    ["Doc file '", "' contains a link '", "', but the doc '", "' does not contain an anchor '#", "'."],
    ['The following pages exist in the docs directory, but are not included in the "nav" configuration:'],
    ["A reference to '", "' is included in the 'nav' configuration, which is not found in the documentation files."],
    ["Doc file '", "' contains an unrecognized relative link '", "', it was left as is."],
    ["Doc file '", "' contains an absolute link '", "', it was left as is."],
    ["MkDocs encountered an error parsing the configuration file: "],
    ["Aborted with ", " warnings in strict mode!"],
]


def templates(node) -> list[list[str]]:
    """The message templates an expression can produce, each as its fixed parts in order."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [[node.value]]
    if isinstance(node, ast.JoinedStr):
        parts, current = [], ""
        for value in node.values:
            if isinstance(value, ast.Constant):
                current += value.value
            else:
                parts.append(current)
                current = ""
        return [parts + [current]]
    if isinstance(node, ast.IfExp):
        return templates(node.body) + templates(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [left[:-1] + [left[-1] + right[0]] + right[1:] for left in templates(node.left) for right in templates(node.right)]
    return [[""]]  # a value known only at run time (str(err), a variable): no fixed part


def problem_expr(call: ast.Call):
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", None)
    if name not in PROBLEM_ARG:
        return None
    position, keyword = PROBLEM_ARG[name]
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def messages() -> list[tuple[str, list[str]]]:
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or (expr := problem_expr(node)) is None:
                continue
            if getattr(node.func, "id", None) == "Finding" and path.name != "safety.py":
                continue  # annual_report/characters.py's Finding is a lint finding, not a build error
            for parts in templates(expr):
                text = "\x00".join(parts).split("\n")[0]  # a PluginError's "\n  How to fix: …" is the fix
                fixed = text.split("\x00")
                fixed[0], fixed[-1] = fixed[0].lstrip(), fixed[-1].rstrip()
                fixed = [p for p in fixed if p.strip()]
                if fixed:
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", fixed))
    return found


def documented(fixed: list[str], text: str = GUIDE) -> bool:
    pattern = re.compile(".*?".join(map(re.escape, fixed)))
    return any(pattern.search(line) for line in text.split("\n"))


MESSAGES = messages()


def test_the_messages_are_found_in_the_source():
    assert len(MESSAGES) >= 30
    flat = [" … ".join(f) for _, f in MESSAGES]
    assert " cited title(s) are not known to the site: " in flat
    assert any("raw HTML tag <" in m for m in flat)  # the content-safety findings
    assert any("unknown marker" in m for m in flat)  # a PluginError of a hook


@pytest.mark.parametrize("where, fixed", MESSAGES, ids=[w for w, _ in MESSAGES])
def test_every_build_error_is_explained_in_contributing(where, fixed):
    assert documented(fixed), f"{where}: add a line with this message ({' … '.join(fixed)}) and its fix to CONTRIBUTING.md"


@pytest.mark.parametrize("fixed", MKDOCS_MESSAGES, ids=lambda f: f[0][:40])
def test_mkdocs_own_errors_are_explained(fixed):
    assert documented(fixed)


def test_an_undocumented_message_would_fail():
    source = 'raise ContentError(p, 1, f"the widget {name} is upside down", "turn it over")'
    [call] = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call) and problem_expr(n) is not None]
    [fixed] = templates(problem_expr(call))
    assert fixed == ["the widget ", " is upside down"]
    assert not documented(fixed)
    assert documented(fixed, "| `the widget … is upside down` | 翻过来。 |")


def test_the_guide_covers_what_staff_do():
    for heading in ("添加新一年的报告", "引用政策", "添加政策页面", "计划 → 结果", "写编者注", "在自己的电脑上预览",
                    "构建错误的含义和改法", "English summary"):
        assert re.search(rf"^## .*{re.escape(heading)}", GUIDE, re.M), heading
    for text in ("make new-report YEAR=2024", "status: draft", "make serve", '!!! note "编者注"', "未核实", "aliases"):
        assert text in GUIDE, text
