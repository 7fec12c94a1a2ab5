"""The README's quick start is what CI runs: `.ci/run` must run the README's test command verbatim."""

from __future__ import annotations

from conftest import ROOT


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert "pytest" in command
    assert command in readme.splitlines()


def test_readme_main_command_checks_the_examples():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "fazhi-lint check examples/" in readme
