"""Numbering rules over Word automatic numbers: found at the right paragraph, never "fixed" in Word's numbers."""

from __future__ import annotations

from docx_factory import abstract_num, make_docx, num

from checker.api import lint_document
from checker.loaders import load

REPORT_LIST = abstract_num(1, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
DOTTED_LIST = abstract_num(2, [("chineseCounting", "%1."), ("chineseCounting", "（%2）")])
TITLE = "东城区科信局2021年法治政府建设年度情况报告"


def _load(tmp_path, paragraphs, numbering):
    return load(str(make_docx(tmp_path / "report.docx", paragraphs, numbering=numbering)))


def test_word_numbered_level_one_jump_is_found_at_its_paragraph(tmp_path):
    # numId 2 restarts the same list at 4: Word shows 一、二、四、
    document = _load(tmp_path, [
        TITLE,
        ("2021年推进法治政府建设的主要举措和成效", {"num": (1, 0)}),
        ("加强组织领导", {"num": (1, 1)}),
        "正文。",
        ("2021年推进法治政府建设存在的不足和原因", {"num": (1, 0)}),
        "正文。",
        ("2021年党政主要负责人履行推进法治建设第一责任人职责情况", {"num": (2, 0)}),
        "正文。",
    ], [REPORT_LIST, num(1, 1), num(2, 1, start_overrides={0: 4})])
    assert document.line(7).text.startswith("四、")
    findings = [f for f in lint_document(document, select=["FZ2"]) if f.rule == "FZ205"]
    assert [(f.line, f.paragraph, f.column) for f in findings] == [(7, 6, 1)]
    assert "“三、”" in findings[0].message and "“四、”" in findings[0].message
    assert all(f.fix is None for f in lint_document(document, select=["FZ2"]))


def test_word_numbering_in_a_non_standard_form_is_reported_without_a_fix(tmp_path):
    document = _load(tmp_path, [
        TITLE,
        ("2021年推进法治政府建设的主要举措和成效", {"num": (1, 0)}),
        "正文。",
        ("2021年推进法治政府建设存在的不足和原因", {"num": (1, 0)}),
        "正文。",
    ], [DOTTED_LIST, num(1, 2)])
    findings = [f for f in lint_document(document, select=["FZ203"])]
    assert [(f.line, f.fix) for f in findings] == [(2, None), (4, None)]
    assert "“一.”" in findings[0].message and "“一、”" in findings[0].message


def test_unnumbered_heading_among_word_numbered_siblings_gets_a_typed_fix(tmp_path):
    document = _load(tmp_path, [
        TITLE,
        ("2021年推进法治政府建设的主要举措和成效", {"num": (1, 0)}),
        "正文。",
        "2021年推进法治政府建设存在的不足和原因",
        "正文。",
    ], [REPORT_LIST, num(1, 1)])
    findings = lint_document(document, select=["FZ208"])
    assert [(f.line, f.fix.replacement) for f in findings] == [(4, "二、2021年推进法治政府建设存在的不足和原因")]


def test_a_number_typed_after_a_word_number_is_flagged_and_only_the_typed_one_is_removed(tmp_path):
    document = _load(tmp_path, [
        TITLE,
        ("2021年推进法治政府建设的主要举措和成效", {"num": (1, 0)}),
        ("加强组织领导", {"num": (1, 1)}),
        "正文。",
        ("（二）规范行政执法", {"num": (1, 1)}),
        "正文。",
    ], [REPORT_LIST, num(1, 1)])
    assert document.line(5).text == "（二）（二）规范行政执法"
    [finding] = [f for f in lint_document(document, select=["FZ212"]) if f.rule == "FZ212"]
    assert (finding.line, finding.column, finding.end_column) == (5, 4, 7)
    assert finding.fix is not None and finding.fix.replacement == ""
