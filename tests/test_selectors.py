"""Rule selectors name something that exists, in any case for ids; a typo is exit 2 with a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_draft import COMMA_DRAFT, run

PACK = (
    "rules:\n"
    "  - id: XQ001\n"
    "    name: retired-office-name\n"
    "    type: existence\n"
    "    category: copy-paste\n"
    "    severity: error\n"
    "    message: 机构已更名：「{match}」\n"
    "    source: 示例区机构改革方案（示例）\n"
    "    description: 机构旧称。\n"
    "    options: {tokens: [示例区旧水务局]}\n"
    "    examples: {bad: [示例区旧水务局], good: [示例区水务局]}\n"
)



@pytest.mark.parametrize(
    ("option", "typed", "suggested"),
    [("--select", "FZ9999", None), ("--ignore", "structur", "structure"), ("--extend-select", "FZ60l", "FZ601"),
     ("--select", "halfwidth-punctuatoin", "halfwidth-punctuation")],
)
def test_command_line_selector_naming_nothing_is_exit_2(comma_draft: Path, option: str, typed: str, suggested: str | None):
    result = run("check", str(comma_draft), "--no-config", option, typed)
    assert result.exit_code == 2
    assert f"{option}: 没有名为「{typed}」" in result.stderr
    assert "未发现问题" not in result.output
    if suggested:
        assert f"是否指 {suggested}" in result.stderr
    else:
        assert "是否指" not in result.stderr


def test_ids_and_id_prefixes_match_in_any_case(comma_draft: Path):
    upper = run("check", str(comma_draft), "--no-config", "--select", "FZ601")
    lower = run("check", str(comma_draft), "--no-config", "--select", "fz601")
    assert upper.exit_code == lower.exit_code == 1 and "FZ601" in lower.output
    assert lower.output == upper.output
    prefix = run("check", str(comma_draft), "--no-config", "--select", "fz6", "--ignore", "fz601")
    assert "FZ601" not in prefix.output


def test_extend_select_adds_to_the_selection(comma_draft: Path):
    result = run("check", str(comma_draft), "--no-config", "--select", "FZ101", "--extend-select", "fz601")
    assert "FZ601" in result.output and "FZ101" in result.output
    assert "FZ102" not in result.output


@pytest.mark.parametrize(
    ("config", "line", "typed", "suggested"),
    [
        ("ignore:\n  - FZ601\n  - FZ60l\n", 3, "FZ60l", "FZ601"),
        ("ignore: [FZ60l]\n", 1, "FZ60l", "FZ601"),
        ("select: [ALL]\nseverity:\n  FZ999: error\n", 3, "FZ999", None),
        ("per-file-ignores:\n  '*.txt':\n    - numbring\n", 3, "numbring", "numbering"),
        ("options:\n  FZ10: {}\n", 2, "FZ10", "FZ101"),
    ],
)
def test_config_selector_naming_nothing_is_exit_2_at_its_line(comma_draft: Path, config: str, line: int, typed: str,
                                                              suggested: str | None):
    (comma_draft.parent / ".fazhi-lint.yaml").write_text(config, encoding="utf-8")
    result = run("check", str(comma_draft))
    assert result.exit_code == 2
    assert f".fazhi-lint.yaml:{line}: " in result.stderr and f"「{typed}」" in result.stderr
    if suggested:
        assert suggested in result.stderr.split("是否指")[1]


def test_config_selectors_in_lower_case_and_of_a_user_pack_are_accepted(comma_draft: Path):
    (comma_draft.parent / "pack.yaml").write_text(PACK, encoding="utf-8")
    (comma_draft.parent / ".fazhi-lint.yaml").write_text(
        "rules: [pack.yaml]\nselect: [xq001, fz601]\nseverity: {xq001: warning}\n", encoding="utf-8")
    comma_draft.write_text(COMMA_DRAFT + "示例区旧水务局开展工作。\n", encoding="utf-8")
    result = run("check", str(comma_draft), "--format", "concise")
    assert result.exit_code == 1, result.stderr
    assert "XQ001 [warning]" in result.output and "FZ601" in result.output


def test_explain_takes_lower_case_ids_and_user_pack_rules(comma_draft: Path):
    assert run("explain", "fz601").output == run("explain", "FZ601").output
    (comma_draft.parent / "pack.yaml").write_text(PACK, encoding="utf-8")
    assert run("explain", "xq001").exit_code == 2
    (comma_draft.parent / ".fazhi-lint.yaml").write_text("rules: [pack.yaml]\n", encoding="utf-8")
    found = run("explain", "xq001")
    assert found.exit_code == 0 and found.output.startswith("XQ001 retired-office-name")
    typo = run("explain", "FZ60l")
    assert typo.exit_code == 2 and "是否指 FZ601" in typo.stderr
