"""The text report's blocks: what the reporter builds once per line (location, gutter, tab handling)
must give every finding the block it would get alone, and a file's findings are written in chunks
joined exactly as one list."""

from __future__ import annotations

import io

from checker.api import document_from_text
from checker.findings import FileResult, Finding, Severity
from checker.reporters import ReportSettings
from checker.reporters.text import _CHUNK, blocks, format_finding, render_file
from tests.findings_factory import finding_at, rule

_TEXT = ("\n".join(f"第{n}段,内容" for n in range(1, 10))
         + "\n一、加强领导,完善制度,推进工作,落实责任,健全机制,强化监督,提升能力,改进作风,取得实效,总结经验"
         + "\n\t表格,说明\n说明")


def _findings() -> list[Finding]:
    document = document_from_text(_TEXT)
    long_line = [finding_at(document, 10, ",", replacement="，", occurrence=n) for n in range(1, 10)]
    deletion = finding_at(document, 10, "完善", rule(id="FZ501", name="x", message="多余", fix="unsafe"), "")
    no_fix = finding_at(document, 11, "表格", rule(id="FZ301", name="y", message="地名", fix=None))
    return [finding_at(document, 9, ","), *long_line, deletion, finding_at(document, 11, ","), no_fix,
            finding_at(document, 12, "说明")]


def test_a_finding_gets_the_same_block_among_others_on_its_line_as_alone():
    findings = _findings()
    together = list(blocks("报告.txt", findings, color=False))
    assert together == [format_finding("报告.txt", f, color=False) for f in findings]
    assert len({f.line for f in findings}) == 4  # lines 9 and 10 (one more digit), 11 with a tab, 12
    assert list(blocks("报告.txt", findings, color=True)) == [format_finding("报告.txt", f, color=True) for f in findings]


def test_block_shape_with_cut_window_tab_and_fixes():
    findings = _findings()
    assert format_finding("a.txt", findings[8], color=False) == (
        "a.txt:10:42: FZ601 [warning] 中文之间用了半角逗号「,」\n"
        "   |\n"
        "10 | …落实责任,健全机制,强化监督,提升能力,改进作风,取得实效,总结经验\n"
        "   | " + " " * 45 + "^\n"
        "   = 安全修复：「,」改为「，」")
    assert format_finding("a.txt", findings[10], color=False) == (
        "a.txt:10:8: FZ501 [warning] 多余\n"
        "   |\n"
        "10 | 一、加强领导,完善制度,推进工作,落实责任,健全机制,强化监督,提…\n"
        "   |              ^^^^\n"
        "   = 需确认的修复（--unsafe-fixes）：删除「完善」")
    assert format_finding("a.txt", findings[12], color=False) == "a.txt:11:2: FZ301 [warning] 地名\n   |\n11 |  表格,说明\n   |  ^^^^"


def test_a_blank_line_has_no_window():
    blank = Finding("FZ101", "n", "structure", Severity.ERROR, "缺少", 3, 1, 3, 1, "  ", "")
    assert format_finding("a.txt", blank, color=False) == "a.txt:3:1: FZ101 [error] 缺少"


def test_findings_past_a_chunk_are_joined_as_one_list():
    findings = _findings() * (2 * _CHUNK // len(_findings()) + 1)
    assert len(findings) > 2 * _CHUNK
    out = io.StringIO()
    render_file(FileResult("a.txt", "txt", findings=findings), ReportSettings(), out)
    assert out.getvalue() == "\n\n".join(format_finding("a.txt", f, color=False) for f in findings)
    out = io.StringIO()
    render_file(FileResult("a.txt", "txt"), ReportSettings(), out)
    assert out.getvalue() == ""
