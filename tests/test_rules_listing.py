"""`rules` (sorted, with header, summary and fixable columns; JSON keys only added to) and `test-rules PACK`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.engine.ruleset import load_rules

# The keys `rules --format json` has always had (a public contract: keys may be added, never removed).
JSON_KEYS = {"id", "name", "type", "category", "severity", "fix", "source", "message"}

PACK = """rules:
  - id: XQ001
    name: retired-office-name
    type: existence
    category: copy-paste
    severity: error
    message: 机构已更名：「{match}」
    source: 示例区机构改革方案（示例）
    description: 机构旧称，改革后不应再用。
    options: {tokens: [示例区旧水务局]}
    examples:
      bad:
        - 示例区旧水务局开展执法检查。
      good:
        - 示例区水务局开展执法检查。
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_rules_are_listed_by_id_under_a_header_with_summary_and_fixable_columns():
    lines = run("rules").stdout.splitlines()
    assert lines[0].split() == ["编号", "名称", "类别", "级别", "修复", "说明"]
    ids = [line.split()[0] for line in lines[1:] if line.startswith("FZ")]
    assert ids == sorted(ids) and len(ids) == len(load_rules())
    by_id = {line.split()[0]: line for line in lines[1:] if line.startswith("FZ")}
    fixable = next(r for r in load_rules() if r.fix_safety and r.fix_safety.value == "safe")
    unfixable = next(r for r in load_rules() if r.fix_safety is None)
    assert "安全" in by_id[fixable.id] and "安全" not in by_id[unfixable.id]
    assert all("\n" not in line for line in lines)
    assert lines[-1].startswith(f"{len(ids)} 条规则")


def test_rules_json_keeps_its_keys_and_adds_a_summary():
    rows = json.loads(run("rules", "--format", "json").stdout)
    assert all(JSON_KEYS <= set(row) for row in rows)
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert all(isinstance(row["summary"], str) and row["summary"] and "\n" not in row["summary"] for row in rows)


def test_rules_lists_the_config_packs_too(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".fazhi-lint.yaml").write_text("rules: [pack.yaml]\n", encoding="utf-8")
    assert "XQ001" in run("rules").stdout


def test_test_rules_passes_a_pack_whose_examples_hold(tmp_path: Path):
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    result = run("test-rules", str(tmp_path / "pack.yaml"))
    assert result.exit_code == 0, result.output
    assert "1 条规则，2 个示例全部通过" in result.stdout


def test_test_rules_names_each_failing_example_at_its_line(tmp_path: Path):
    broken = PACK.replace("        - 示例区水务局开展执法检查。", "        - 示例区水务局开展执法检查。\n        - 示例区旧水务局的牌子已摘下。")
    broken = broken.replace("        - 示例区旧水务局开展执法检查。", "        - 示例区旧水务局开展执法检查。\n        - 示例区水务局开展执法检查。")
    folder = tmp_path / "我局规则"
    folder.mkdir()
    (folder / "pack.yaml").write_text(broken, encoding="utf-8")
    result = run("test-rules", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'pack.yaml'}:14: XQ001 bad[1]：有问题的示例没有被报告" in result.stdout
    assert f"{folder / 'pack.yaml'}:17: XQ001 good[1]：正确写法被报告" in result.stdout
    assert "2 个失败" in result.stdout


def test_test_rules_refuses_a_rule_without_examples_and_a_broken_pack(tmp_path: Path):
    bare = PACK[: PACK.index("    examples:")]
    (tmp_path / "bare.yaml").write_text(bare, encoding="utf-8")
    result = run("test-rules", str(tmp_path / "bare.yaml"))
    assert result.exit_code == 1 and "XQ001 没有示例" in result.stdout
    (tmp_path / "broken.yaml").write_text(PACK.replace("type: existence", "type: existance"), encoding="utf-8")
    broken = run("test-rules", str(tmp_path / "broken.yaml"))
    assert broken.exit_code == 2 and "broken.yaml:" in broken.stderr
