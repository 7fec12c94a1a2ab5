"""Web-page debris in a Word draft's header, footer or notes (FZ702): reported where `fazhi-lint text`
shows those lines (after the body), page numbers and the report's own title left alone, and every
output that takes findings (Word comments, fixes, HTML, checklist) copes with a line outside the body."""

from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner
from docx_factory import make_docx

from checker.cli import main

BODY = [
    "某市生态环境局2024年法治政府建设年度报告",
    "一、主要举措和成效",
    "2024年，我局严格规范公正文明执法，全年办理行政处罚案件41件。",
    "某市生态环境局",
    "2025年2月20日",
]


def _draft(tmp_path, header: str, footer: str):
    return make_docx(tmp_path / "draft.docx", BODY, header=header, footer=footer)


def _run(*args: str):
    return CliRunner().invoke(main, [*args], catch_exceptions=False)


def _findings(path, *extra: str) -> list[dict]:
    result = _run("check", "--format", "json", "--no-config", *extra, str(path))
    return json.loads(result.stdout)["files"][0]["findings"]


def test_metadata_line_in_the_header_is_reported_on_its_view_line(tmp_path):
    path = _draft(tmp_path, "稿件来源：市生态环境局 更新时间：2025-02-21 08:40", "第 1 页")
    view = _run("text", str(path)).stdout.splitlines()
    header_line = next(n for n, line in enumerate(view, 1) if "页眉 |" in line)
    assert header_line == len(BODY) + 1 and view[header_line - 1].endswith("稿件来源：市生态环境局 更新时间：2025-02-21 08:40")
    assert "页脚 | 第 1 页" in view[header_line]
    found = [f for f in _findings(path) if f["rule"] == "FZ702"]
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(header_line, 1, len(view[header_line - 1].split("| ", 1)[1]) + 1)]
    assert found[0]["message"].startswith("页眉中有网页残留")
    assert found[0].get("fix") is None  # a header is changed in Word: no fix is offered


@pytest.mark.parametrize("footer", ["— 2 —", "第 1 页 共 6 页", "某市生态环境局2024年法治政府建设年度报告", "- 1 -"])
def test_page_numbers_and_the_report_own_lines_are_not_debris(tmp_path, footer):
    path = _draft(tmp_path, "某市生态环境局文件", footer)
    assert [f for f in _findings(path) if f["rule"] in ("FZ701", "FZ702")] == []


def test_body_rules_do_not_read_the_header(tmp_path):
    # a breadcrumb in the header is FZ702's; FZ701 (the body's debris) and the body's other rules never see it
    path = _draft(tmp_path, "当前位置：首页 > 信息公开 > 年度报告", "第 1 页")
    rules = {f["rule"] for f in _findings(path) if f["line"] > len(BODY)}
    assert rules == {"FZ702"}


def test_annotate_puts_a_header_finding_on_the_title_and_fix_leaves_the_header(tmp_path):
    path = _draft(tmp_path, "发布时间：2025-02-21 08:40 浏览次数：17", "第 1 页")
    before = path.read_bytes()
    result = _run("annotate", "--no-config", "--select", "FZ702", str(path))
    assert result.exit_code == 1, result.output
    reviewed = docx.Document(str(tmp_path / "draft.reviewed.docx"))
    comments = list(reviewed.comments)
    assert len(comments) == 1 and "页眉中有网页残留" in comments[0].text
    assert path.read_bytes() == before
    _run("check", "--no-config", "--fix", "--select", "FZ702", str(path))
    assert docx.Document(str(path)).sections[0].header.paragraphs[0].text == "发布时间：2025-02-21 08:40 浏览次数：17"


@pytest.mark.parametrize("output_format", ["html", "checklist", "sarif", "github", "concise", "text"])
def test_every_report_takes_a_finding_after_the_body(tmp_path, output_format):
    path = _draft(tmp_path, "发布时间：2025-02-21 08:40 浏览次数：17", "第 1 页")
    result = _run("check", "--no-config", "--select", "FZ702", "--format", output_format, str(path))
    assert result.exit_code == 1  # exceptions are not caught: a report that cannot place the line fails here
    assert "页眉中有网页残留" in result.stdout and str(len(BODY) + 1) in result.stdout
