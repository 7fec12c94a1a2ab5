"""The engine's conversion of a rule's hits to findings (`findings_of`), and whole-view values the
typography rules share."""

from __future__ import annotations

from checker.api import document_from_text
from checker.document.model import Paragraph
from checker.engine.ruletype import Hit
from checker.engine.run import findings_of
from checker.findings import Finding, Fix, FixSafety
from checker.matching import not_prose, view_not_prose
from tests.findings_factory import rule


def _hits() -> list[Hit]:
    first = Paragraph(index=0, text="一、总体情况,良好", line=1, auto_number="一、")
    second = Paragraph(index=2, text="加强领导,完善制度,推进工作", line=3)
    return [
        Hit(first, 0, 2, {"found": "一、"}, "（一）"),  # inside Word's automatic number: no fix
        Hit(first, 6, 7, {"found": ","}, "，"),
        Hit(second, 4, 5, {"found": ","}, "，"),
        Hit(second, 9, 10, {"found": ","}),  # no replacement and no template: no fix
    ]


def test_findings_carry_rule_hit_and_paragraph_fields() -> None:
    findings = findings_of(rule(), _hits())
    assert findings[1] == Finding("FZ601", "half-width-comma", "typography", rule().severity, "中文之间用了半角逗号「,」",
                                  1, 7, 1, 8, "一、总体情况,良好", "GB/T 15834-2011", Fix("，", FixSafety.SAFE), 0)
    assert [(f.line, f.column, f.end_column, f.paragraph) for f in findings] == [(1, 1, 3, 0), (1, 7, 8, 0),
                                                                                  (3, 5, 6, 2), (3, 10, 11, 2)]
    assert findings[2].excerpt == "加强领导,完善制度,推进工作"


def test_no_fix_inside_an_automatic_number_or_without_a_replacement() -> None:
    findings = findings_of(rule(), _hits())
    assert findings[0].fix is None and findings[3].fix is None
    assert findings_of(rule(fix=None), _hits())[1].fix is None


def test_identical_fixes_are_one_object() -> None:
    findings = findings_of(rule(), _hits())
    assert findings[1].fix is findings[2].fix


def test_message_without_placeholders_is_the_template_and_braces_are_formatted() -> None:
    assert {f.message for f in findings_of(rule(message="半角逗号"), _hits())} == {"半角逗号"}
    assert findings_of(rule(message="{{{found}}}"), _hits())[1].message == "{,}"


def test_fix_template_fills_in_when_the_hit_has_no_replacement() -> None:
    templated = rule()
    templated.fix_template = "【{found}】"
    assert findings_of(templated, _hits())[3].fix == Fix("【,】", FixSafety.SAFE)


def test_hits_sharing_args_share_the_message_and_new_args_are_formatted_again() -> None:
    paragraph = Paragraph(index=0, text="甲,乙;丙,丁", line=1)
    comma, semicolon = {"found": ","}, {"found": ";"}
    hits = [Hit(paragraph, 1, 2, comma), Hit(paragraph, 5, 6, comma), Hit(paragraph, 3, 4, semicolon),
            Hit(paragraph, 1, 2, {"found": ","})]
    assert [f.message for f in findings_of(rule(), hits)] == ["中文之间用了半角逗号「,」", "中文之间用了半角逗号「,」",
                                                               "中文之间用了半角逗号「;」", "中文之间用了半角逗号「,」"]


def test_a_plain_tuple_makes_the_finding_its_hit_makes() -> None:
    tuples = [(h.paragraph, h.start, h.end, h.args, h.replacement) for h in _hits()]
    assert findings_of(rule(), tuples) == findings_of(rule(), _hits())
    assert [f.fix for f in findings_of(rule(), tuples)] == [None, Fix("，", FixSafety.SAFE), Fix("，", FixSafety.SAFE), None]


def test_args_met_again_after_others_keep_their_message() -> None:
    paragraph = Paragraph(index=0, text="甲,乙;丙,丁", line=1)
    comma, semicolon = {"found": ","}, {"found": ";"}
    hits = [(paragraph, 1, 2, comma, "，"), (paragraph, 3, 4, semicolon, "；"), (paragraph, 5, 6, comma, "，")]
    assert [f.message for f in findings_of(rule(), hits)] == ["中文之间用了半角逗号「,」", "中文之间用了半角逗号「;」",
                                                               "中文之间用了半角逗号「,」"]


def test_view_not_prose_is_the_views_urls_and_addresses_per_document() -> None:
    first = document_from_text("详见 https://example.gov.cn/a 。\n联系 fz@example.gov.cn")
    second = document_from_text("没有网址。")
    assert view_not_prose(first) == not_prose(first.view_text) != []
    assert view_not_prose(second) == []
    assert view_not_prose(first) is view_not_prose(first)
