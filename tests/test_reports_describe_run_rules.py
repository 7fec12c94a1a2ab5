"""SARIF and the HTML report describe the rules of the run: a rule of the config's own pack with its
description, and the severities the config set, not what the built-in packs say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ROOT

from checker.cli import main

SARIF_SCHEMA = json.loads((ROOT / "tests" / "vendor" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

PACK = """\
rules:
  - id: XQ001
    name: retired-office-name
    type: existence
    category: copy-paste
    severity: warning
    message: 机构已更名：「{match}」
    source: 某县机构改革方案（示例）
    description: 机构改革后仍沿用的旧机构名称。
    rationale: 旧称会让读者误以为机构未调整。
    options: {tokens: [县旧司法所]}
    examples: {bad: [县旧司法所开展普法], good: [县司法局开展普法]}
"""
# The pack's rule raised to error, a built-in warning (web-page debris) lowered to info.
CONFIG = "rules: [pack]\nseverity:\n  XQ001: error\n  FZ701: info\n"
DRAFT = "某县司法局2022年法治政府建设年度报告\n\n一、主要工作\n县旧司法所开展普法宣传，成效明显。\n分享到：微信\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "office.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".fazhi-lint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _report(format_: str, *options: str) -> str:
    result = CliRunner().invoke(main, ["check", "d.txt", "--format", format_, *options], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    return result.stdout


def _sarif_rules(*options: str) -> dict[str, dict]:
    report = json.loads(_report("sarif", *options))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(report)
    return {rule["id"]: rule for rule in report["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_describes_a_rule_of_the_config_s_pack(project: Path):
    rule = _sarif_rules()["XQ001"]
    assert rule["shortDescription"]["text"] == rule["fullDescription"]["text"] == "机构改革后仍沿用的旧机构名称。"
    assert rule["help"]["text"].splitlines() == [
        "机构改革后仍沿用的旧机构名称。", "原因：旧称会让读者误以为机构未调整。", "依据：某县机构改革方案（示例）",
        "详见：fazhi-lint explain XQ001"]


def test_sarif_rule_levels_are_the_configured_severities(project: Path):
    rules = _sarif_rules()
    assert rules["XQ001"]["defaultConfiguration"]["level"] == "error"  # the pack says warning
    assert rules["FZ701"]["defaultConfiguration"]["level"] == "note"  # the built-in pack says warning


def test_without_the_config_sarif_gives_the_packs_own_levels(project: Path):
    (project / ".fazhi-lint.yaml").write_text("rules: [pack]\n", encoding="utf-8")
    rules = _sarif_rules()
    assert rules["XQ001"]["defaultConfiguration"]["level"] == "warning"
    assert rules["FZ701"]["defaultConfiguration"]["level"] == "warning"


def _rule_row(page: str, rule: str) -> list[str]:
    row = re.search(rf'<tr id="rule-{rule}">(.*?)</tr>', page)
    assert row, f"no row for {rule} in the rule table"
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))


def test_html_report_describes_the_run_s_rules_at_their_configured_severity(project: Path):
    page = _report("html")
    assert _rule_row(page, "XQ001") == ["XQ001 retired-office-name", "错误", "照抄残留", "机构改革后仍沿用的旧机构名称。",
                                        "某县机构改革方案（示例）", "1"]
    assert _rule_row(page, "FZ701")[:3] == ["FZ701 web-page-debris", "提示", "网页残留"]


def test_html_rule_table_lists_only_the_rules_that_fired(project: Path):
    page = _report("html", "--select", "XQ001")
    assert re.findall(r'<tr id="rule-(\w+)">', page) == ["XQ001"]
