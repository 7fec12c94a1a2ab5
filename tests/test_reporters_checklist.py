"""The fix-up checklist: grouped by the report's own sections in document order, then by severity,
numbered through the file, each a checkbox with where, what and the fix; the Word variant is a
printable table with the same items."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from findings_factory import result_of, rule

from checker.cli import main
from checker.findings import fix_suggestion
from checker.reporters import ReportSettings, reporters
from checker.reporters.checklist import render
from checker.reporters.checklist_items import build_checklist

DEBRIS = rule("FZ701", "web-page-debris", "residue", "error", "网页残留「{found}」")
UNNUMBERED = rule("FZ208", "unnumbered-section", "numbering", "error", "此标题缺少序号")
TERM = rule("FZ501", "fazhi-not-fazhi", "terminology", "warning", "「{found}」应为「法治」", fix="unsafe")
AUTHORITY = rule("FZ106", "title-body", "structure", "info", "标题没有写明发文机关", fix=None)


@pytest.fixture
def result(seed_copy: Path):
    """Seed 004: findings in the title, in section 一 (under （二）), and in the unnumbered section 二."""
    return result_of(seed_copy / "004_b6b30a21da262d98.txt",
                     (3, "", AUTHORITY),
                     (13, "“放管服”", TERM, "放管服"),
                     (13, "，", None, ","),
                     (31, "", UNNUMBERED, "二、"),
                     (35, "法律", TERM, "法治"),
                     (33, "一是，", DEBRIS, "一是"))


def test_items_are_grouped_by_the_reports_own_sections_in_document_order(result):
    checklist = build_checklist(result, datetime.date(2022, 3, 1))
    assert [s.title for s in checklist.sections] == ["标题与开头", "一、2021年推进法治政府建设的主要举措和成效",
                                                     "2021年推进法治政府建设存在的不足和原因"]


def test_within_a_section_errors_come_first_and_numbers_run_through_the_file(result):
    checklist = build_checklist(result, datetime.date(2022, 3, 1))
    last = checklist.sections[-1]
    assert [(s.value, [i.number for i in items]) for s, items in last.by_severity.items()] == [
        ("error", [4, 5]), ("warning", [6])]
    assert [i.finding.line for i in last.by_severity[next(iter(last.by_severity))]] == [31, 33]


def test_each_item_says_where_what_and_how_to_fix(result):
    checklist = build_checklist(result, datetime.date(2022, 3, 1))
    measures = checklist.sections[1].by_severity
    item = next(iter(measures.values()))[0]
    assert item.where == "（二）提升服务水平 · 第13行第7字"
    assert item.what == "FZ501 「“放管服”」应为「法治」"
    assert item.fix == "将「“放管服”」改为「放管服」（请确认后修改）"
    assert checklist.sections[0].by_severity[next(iter(checklist.sections[0].by_severity))][0].fix == "请按说明人工修改"


def test_markdown_has_the_header_and_a_checkbox_per_item(result):
    text = render(build_checklist(result, datetime.date(2022, 3, 1)))
    lines = text.splitlines()
    assert lines[0] == "# 修改清单：东城区科信局 2021年法治政府建设年度情况报告"
    assert "- 发文机关：东城区科信局；报告年度：2021" in lines
    assert "- 问题：共 6 处（错误 2，警告 3，提示 1）" in lines
    assert "- 生成日期：2022-03-01（fazhi-lint）" in lines
    boxes = [line for line in lines if line.startswith("- [ ] ")]
    assert [int(re.match(r"- \[ \] \*\*(\d+)\.\*\*", b).group(1)) for b in boxes] == [1, 2, 3, 4, 5, 6]
    assert "- [ ] **4.** 第31行第1字：FZ208 此标题缺少序号" in lines
    assert lines[lines.index("- [ ] **4.** 第31行第1字：FZ208 此标题缺少序号") + 1] == "  - 修改：插入「二、」"
    assert "## 2021年推进法治政府建设存在的不足和原因" in lines and "### 错误（2）" in lines


def test_markdown_escapes_what_markdown_would_read_as_markup(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text("东城区示例局\n\n2021年法治政府建设年度情况报告\n\n正文*重点*_下划线_,完。\n", encoding="utf-8")
    text = render(build_checklist(result_of(draft, (5, "*重点*_下划线_", TERM, "重点"))))
    assert "「\\*重点\\*\\_下划线\\_」应为「法治」" in text
    assert "将「\\*重点\\*\\_下划线\\_」改为「重点」" in text


def test_word_checklist_is_a_table_with_a_repeating_header_and_the_same_items(result, tmp_path: Path):
    stream = io.StringIO()
    reporters()["checklist-docx"].write([result], stream, ReportSettings(output_dir=str(tmp_path)))
    target = tmp_path / "004_b6b30a21da262d98.checklist.docx"
    assert stream.getvalue() == f"{target}：共 6 处（错误 2，警告 3，提示 1）\n"
    word = docx.Document(str(target))
    [table] = word.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "位置", "问题", "修改建议", "完成"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rows[1] == ["标题与开头"] * 5  # a section row spans the table
    numbered = [row for row in rows[1:] if row[0].isdigit()]
    assert [row[0] for row in numbered] == ["1", "2", "3", "4", "5", "6"]
    assert numbered[3] == ["4", "第31行第1字", "【错误】FZ208 此标题缺少序号", "插入「二、」", "☐"]
    assert word.sections[0].page_width > word.sections[0].page_height  # landscape, to print
    assert "问题：共 6 处（错误 2，警告 3，提示 1）" in word.paragraphs[3].text


def test_checklist_for_a_file_without_findings_and_one_that_could_not_be_read(seed_copy: Path, tmp_path: Path):
    (tmp_path / "空.txt").write_bytes(b"")
    output = CliRunner().invoke(main, ["check", str(tmp_path / "空.txt"), "--no-config", "--format", "checklist"]).stdout
    assert "- **未能检查**：文件为空" in output
    clean = render(build_checklist(result_of(seed_copy / "004_b6b30a21da262d98.txt")))
    assert "- 问题：未发现问题" in clean and "- [ ]" not in clean


@pytest.mark.parametrize(("fragment", "replacement", "safety", "wording"), [
    (",", "，", "safe", "将「,」改为「，」"),
    ("分享:", "", "safe", "删除「分享:」"),
    ("", "二、", "safe", "插入「二、」"),
    ("2021年推进法治政府建设存在的不足和原因", "二、2021年推进法治政府建设存在的不足和原因", "safe",
     "在「2021年推进法治政府建设存在的不足和…」前加「二、」"),
    ("法制", "法治", "unsafe", "将「法制」改为「法治」（请确认后修改）"),
])
def test_fix_suggestion_says_what_to_do_in_words(tmp_path: Path, fragment, replacement, safety, wording):
    draft = tmp_path / "甲.txt"
    draft.write_text("分享:\n2021年推进法治政府建设存在的不足和原因\n一年来,我局法制宣传。\n", encoding="utf-8")
    line = next(n for n, text in enumerate(draft.read_text(encoding="utf-8").split("\n"), 1) if fragment in text)
    result = result_of(draft, (line, fragment, rule(fix=safety), replacement))
    assert fix_suggestion(result.findings[0]) == wording
