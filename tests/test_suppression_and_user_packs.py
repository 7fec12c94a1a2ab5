"""A reviewer silences a finding with a Word comment; an office adds its own rule pack by config."""

from __future__ import annotations

from pathlib import Path

from docx_factory import make_docx

from checker.engine.batch import Options, check_file

TITLE = "东城区示例局2021年法治政府建设年度情况报告"
SLIP = "全年推进法制政府建设，成效明显。"


def _docx(tmp_path: Path, comment: str | None) -> Path:
    options = {"comment": comment} if comment else {}
    path = tmp_path / "draft.docx"
    make_docx(path, [TITLE, (SLIP, options), "另一段也写了法制政府建设。"])
    return path


def _slips(path: Path) -> list[int]:
    result = check_file(str(path), Options(no_config=True, select=("terminology",)))
    assert result.error is None
    return [f.line for f in result.findings if "法制" in f.excerpt[f.column - 1 : f.end_column - 1]]


def test_findings_without_a_comment(tmp_path: Path):
    assert _slips(_docx(tmp_path, None)) == [2, 3]


def test_ignore_comment_silences_findings_on_its_range_only(tmp_path: Path):
    assert _slips(_docx(tmp_path, "fazhi-lint: ignore")) == [3]


def test_ignore_comment_with_ids_silences_only_those_rules(tmp_path: Path):
    rule = check_file(str(_docx(tmp_path, None)), Options(no_config=True, select=("terminology",))).findings[0].rule
    assert _slips(_docx(tmp_path, f"fazhi-lint: ignore {rule}")) == [3]
    assert _slips(_docx(tmp_path, "fazhi-lint: ignore FZ999")) == [2, 3]


def test_an_ordinary_comment_silences_nothing(tmp_path: Path):
    assert _slips(_docx(tmp_path, "这里请再核实一下")) == [2, 3]


def test_user_rule_pack_from_config(tmp_path: Path):
    (tmp_path / "our-rules").mkdir()
    (tmp_path / "our-rules" / "office.yaml").write_text(
        "rules:\n"
        "  - id: DC001\n"
        "    name: old-office-name\n"
        "    type: existence\n"
        "    category: copy-paste\n"
        "    severity: error\n"
        "    message: 机构已更名：「{match}」\n"
        "    source: 东城区机构改革方案（示例）\n"
        "    description: 机构旧称。\n"
        "    options: {tokens: [东城区示例旧局]}\n"
        "    examples: {bad: [东城区示例旧局], good: [东城区示例局]}\n",
        encoding="utf-8",
    )
    (tmp_path / ".fazhi-lint.yaml").write_text("rules: [our-rules]\nselect: [DC001]\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text(f"{TITLE}\n\n东城区示例旧局认真落实各项工作。\n", encoding="utf-8")
    findings = check_file(str(draft), Options()).findings
    assert [(f.rule, f.line, f.column, f.message) for f in findings] == [("DC001", 3, 1, "机构已更名：「东城区示例旧局」")]
