"""Citations: short titles never introduced, one law cited two ways, outdated titles, marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import lint_text
from checker.document.book_titles import book_titles
from checker.engine.batch import Options, check_file
from checker.findings import Severity
from checker.fixes import apply_fixes

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _seed_findings(prefix: str, rules: tuple[str, ...], **options) -> list:
    result = check_file(str(_seed(prefix)), Options(no_config=True, **options))
    return [f for f in result.findings if f.rule in rules]


def _found(text: str, rule: str, **context) -> list:
    return [f for f in lint_text(text, select=[rule], **context) if f.rule == rule]


# ---- FZ401 undefined-short-title ----

def test_short_title_never_introduced_in_seed_000_is_reported_once():
    [finding] = _seed_findings("000", ("FZ401",))
    assert (finding.line, finding.column, finding.end_column) == (46, 29, 35)
    assert "《实施办法》全文没有交代全称" in finding.message
    assert "共用了5次" in finding.message


def test_a_full_title_ending_in_another_document_type_does_not_introduce_it():
    text = "按照《关于开展法治建设督查的实施方案》的部署，严格落实《实施办法》。"
    [finding] = _found(text, "FZ401")
    assert finding.column == 28


def test_introduction_with_yixia_jiancheng():
    text = "印发《东城区法治宣传教育实施办法》（以下简称《实施办法》），各科室认真落实《实施办法》。"
    assert _found(text, "FZ401") == []


def test_earlier_full_title_introduces_its_short_form():
    text = "落实《法治政府建设实施纲要（2021－2025年）》。\n对照《纲要》查找差距。"
    assert _found(text, "FZ401") == []


def test_short_title_used_before_its_full_title():
    [finding] = _found("严格落实《实施办法》。\n印发《东城区法治宣传教育实施办法》。", "FZ401")
    assert finding.line == 1
    assert "在交代全称之前就使用了" in finding.message


def test_specific_short_titles_are_not_bare_document_types():
    text = "相继学习了新的《行政处罚法》、《优化营商环境条例》，在内部刊物《东城园林》上开辟专栏。"
    assert _found(text, "FZ401") == []


# ---- FZ411 short-title-marks-unlike-introduction, FZ412 ambiguous-short-title ----

def test_a_short_title_introduced_in_quotes_is_reported_once_where_it_first_gets_title_marks():
    text = "贯彻《某市优化营商环境条例》（以下简称“条例”）。\n对照《条例》梳理任务，按照《条例》要求整改。"
    [finding] = _found(text, "FZ411")
    assert (finding.line, finding.column, finding.end_column) == (2, 3, 7)
    assert "第1行交代的是“条例”（共2处）" in finding.message
    assert _found(text, "FZ401") == [] and _found(text, "FZ412") == []


def test_a_short_title_introduced_with_title_marks_and_then_quoted_is_reported_at_the_quotation():
    text = "印发《某县行政执法监督办法》（以下简称《办法》），落实“办法”要求。"
    [finding] = _found(text, "FZ411")
    assert text[finding.column - 1 : finding.end_column - 1] == "“办法”"
    assert "简称写成了“办法”" in finding.message


def test_a_quotation_before_the_introduction_is_not_against_it():
    assert _found("落实“办法”要求。印发《某县行政执法监督办法》（以下简称《办法》）。", "FZ411") == []


def test_a_short_title_after_two_documents_it_ends_is_ambiguous_once():
    text = ("落实《关于深化行政执法体制改革的指导意见》。\n落实《关于加强行政执法监督的实施意见》。\n"
            "按照《意见》要求调整队伍，对照《意见》查找差距。")
    [finding] = _found(text, "FZ412")
    assert (finding.line, finding.column) == (3, 3)
    assert "《关于深化行政执法体制改革的指导意见》《关于加强行政执法监督的实施意见》" in finding.message
    assert "共用了2次" in finding.message
    assert _found(text, "FZ401") == []


def test_the_one_document_just_cited_in_the_same_paragraph_settles_a_short_title():
    text = "落实《关于深化行政执法体制改革的指导意见》。\n落实《关于加强行政执法监督的实施意见》，按照《意见》要求调整队伍。"
    assert _found(text, "FZ412") == []


# ---- FZ402 inconsistent-law-title ----

def test_one_regulation_cited_two_ways_in_seed_003():
    [finding] = _seed_findings("003", ("FZ402",))
    assert (finding.line, finding.column) == (16, 95)
    assert "第14行的《北京市物业管理条例》" in finding.message
    assert finding.fix.replacement == "《北京市物业管理条例》"


def test_fixing_seed_003_unifies_the_title():
    text = _seed("003").read_text(encoding="utf-8")
    fixed = apply_fixes(text, _seed_findings("003", ("FZ402",)), unsafe=True)
    assert "《北京物业管理条例》" not in fixed
    assert fixed.count("《北京市物业管理条例》") == 2


def test_parent_place_left_out_is_the_same_document():
    text = "制定《北京市延庆区重大行政决策程序实施细则》。落实《延庆区重大行政决策程序实施细则》。"
    [finding] = _found(text, "FZ402")
    assert finding.column == 26


def test_a_year_written_with_and_without_du_is_the_same_document():
    text = "印发《某区2024年行政执法监督工作要点》。\n按照《某区2024年度行政执法监督工作要点》开展评查。"
    [finding] = _found(text, "FZ402")
    assert finding.line == 2 and finding.fix.replacement == "《某区2024年行政执法监督工作要点》"


@pytest.mark.parametrize("text", [
    "学习《中华人民共和国行政处罚法》。组织对新修订《行政处罚法》进行集中培训。",
    "总结《某区2023年度行政执法监督工作要点》，印发《某区2024年度行政执法监督工作要点》。",
    "印发《某区2024年度普法工作要点》和《某区2024年度普法考核办法》。",
    "学习《行政处罚法(2021年修订版)》和《行政处罚法》。",
    "落实《法治政府建设实施纲要（2021－2025年）》和《法治政府建设实施纲要(2021年-2025年)》。",
    "加强《行政许可法》《行政诉讼法》的学习。",
    "贯彻《法治政府建设实施纲要（2015－2020年）》和《法治政府建设实施纲要（2021－2025年）》。",
])
def test_accepted_variants_and_different_documents_are_not_inconsistent(text):
    assert _found(text, "FZ402") == []


def test_a_plan_cited_with_its_period_and_without_it_is_one_document_written_two_ways():
    text = ("对照《市场监管领域法治建设规划（2021－2025年）》查找差距。\n"
            "年底前完成《市场监管领域法治建设规划》确定的各项任务。")
    [finding] = _found(text, "FZ402")
    assert (finding.line, finding.column) == (2, 6)
    assert "第1行的《市场监管领域法治建设规划（2021－2025年）》" in finding.message
    assert finding.fix.replacement == "《市场监管领域法治建设规划（2021－2025年）》"


@pytest.mark.parametrize("text", [
    # two periods cited: the bare title could be either
    ("总结《市场监管领域法治建设规划（2016－2020年）》实施情况，启动《市场监管领域法治建设规划（2021－2025年）》。"
     "落实《市场监管领域法治建设规划》。"),
    # the bare title is the short name the report gave itself
    ("印发《市场监管领域法治建设规划（2021－2025年）》（以下简称《市场监管领域法治建设规划》），"
     "《市场监管领域法治建设规划》明确了五项任务。"),
    # only the bare title
    "落实《市场监管领域法治建设规划》。",
])
def test_a_bare_title_is_left_alone_when_it_is_not_plainly_the_one_period_cited(text):
    assert _found(text, "FZ402") == []


def test_no_other_inconsistent_titles_in_the_seeds():
    for prefix in ("000", "001", "002", "004"):
        assert _seed_findings(prefix, ("FZ402",)) == []


# ---- FZ403 outdated-law-title ----

def test_petition_regulation_is_current_in_a_2021_report():
    # 001 line 14 and 000 line 39 cite 《信访条例》, replaced only from 2022-05-01
    assert _seed_findings("001", ("FZ403",)) == []
    assert _seed_findings("000", ("FZ403",)) == []


def test_petition_regulation_is_outdated_in_a_2022_report():
    [finding] = _seed_findings("001", ("FZ403",), year=2022)
    assert (finding.line, finding.column) == (14, 19)
    assert "《信访工作条例》" in finding.message and "2022-05-01" in finding.message


def test_old_outline_cited_as_current_with_its_period_written_loosely():
    [finding] = _found("深入贯彻《法治政府建设实施纲要(2015年-2020年)》。", "FZ403", year=2021)
    assert "《法治政府建设实施纲要（2021－2025年）》" in finding.message


def test_a_sentence_about_the_repeal_is_history():
    assert _found("原《信访条例》废止后，及时组织学习《信访工作条例》。", "FZ403", year=2022) == []


def test_a_look_back_is_judged_by_the_clause_of_the_citation_alone():
    text = "在《法治政府建设实施纲要（2015－2020年）》目标全面实现的基础上，深入贯彻《信访条例》。"
    [finding] = _found(text, "FZ403", year=2022)
    assert text[finding.column - 1 :].startswith("《信访条例》")


def test_replaced_documents_and_ended_plans_read_one_list_of_look_back_words():
    from checker.document.look_back import look_back_words
    from checker.rules import outdated_citation, plan_period

    assert outdated_citation.OPTIONS["retrospective"].default == plan_period.OPTIONS["retrospective"].default
    assert plan_period.OPTIONS["retrospective"].default == look_back_words()


# ---- FZ404 bare-law-title ----

def test_bare_law_title_gets_its_marks():
    [finding] = _found("组织学习新修订的行政处罚法。", "FZ404")
    assert finding.fix.replacement == "《行政处罚法》"
    assert finding.fix.safety.value == "safe"


@pytest.mark.parametrize("text", [
    "坚持行政处罚法定原则，完善行政许可法律制度。",
    "深入宣传以宪法为核心的中国特色社会主义法律体系。",
    "深入学习《行政复议法实施条例》。",
])
def test_legal_terms_and_marked_titles_are_not_bare_titles(text):
    assert _found(text, "FZ404") == []


def test_a_title_closed_with_the_wrong_mark_is_still_a_title():
    """《…〉 is one title with a wrong closing mark (FZ604 reports the mark): a listed name inside it is
    part of that title, not a bare one; the same name after it is bare."""
    text = "开展《某省优化营商环境条例〉实施情况检查，落实《关于贯彻〈行政处罚法〉的意见》和行政复议法。"
    assert [f.message for f in _found(text, "FZ404")] == ["“行政复议法”是法律法规的名称，应加书名号：《行政复议法》"]
    assert [f.rule for f in lint_text(text, select=["FZ604"])] == ["FZ604", "FZ604"]


@pytest.mark.parametrize("text, titles, unpaired", [
    ("学习《甲条例〉和《乙办法》。", ["甲条例", "乙办法"], []),
    ("印发《关于贯彻〈甲条例〉的通知》。", ["关于贯彻〈甲条例〉的通知"], []),
    ("印发《关于贯彻甲条例〉的通知》。", ["关于贯彻甲条例〉的通知"], []),  # its own 》 closes it
    ("学习《甲条例和〈乙办法〉", [], [2]),  # every 〉 has its 〈
])
def test_a_stray_single_closing_mark_closes_an_unclosed_title(text, titles, unpaired):
    found, left = book_titles(text)
    assert ([t.text for t in found], left) == (titles, unpaired)


@pytest.mark.parametrize(("text", "reported"), [
    ("对照新一轮法治政府建设实施纲要谋划重点任务。", False),  # the next plan, not yet issued: a kind of document
    ("衔接下一期的法治政府建设实施纲要。", False),
    ("深入贯彻法治政府建设实施纲要，谋划新一轮工作。", True),  # the plan in force, named
    ("学习新修订的行政复议法。", True),  # a law's new revision is still its title
])
def test_the_next_round_of_a_plan_is_no_title(text, reported):
    assert bool(_found(text, "FZ404")) is reported


def test_no_bare_titles_in_the_seeds():
    for prefix in ("000", "001", "002", "003", "004"):
        assert _seed_findings(prefix, ("FZ404",)) == []


# ---- FZ405 title-edition-note / FZ406 title-period-form ----

def test_edition_note_and_period_form_in_seed_003():
    findings = _seed_findings("003", ("FZ405", "FZ406"))
    assert [(f.rule, f.line, f.column) for f in findings] == [("FZ405", 12, 144), ("FZ406", 14, 58)]
    assert all(f.severity.value == "info" for f in findings)
    assert "“(2021年修订版)”" in findings[0].message
    assert "“2021年-2025年”" in findings[1].message


def test_period_outside_a_title_is_not_checked():
    assert _found("编制《第八个五年规划》（2021年—2025年）。", "FZ406") == []


# ---- FZ407 official-title-misquote ----

def test_a_central_document_written_two_ways_flags_the_form_that_is_not_official():
    text = ("严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》。\n"
            "年底对照《党政主要负责人履行推进法治建设第一责任人职责的规定》开展述职。")
    [finding] = _found(text, "FZ407")
    assert finding.line == 2
    assert "应为《党政主要负责人履行推进法治建设第一责任人职责规定》" in finding.message


def test_a_misquote_is_flagged_even_when_it_comes_first():
    text = "对照《法治政府建设与责任落实督查工作规定》自查。\n对照《法治政府建设与责任落实督察工作规定》整改。"
    assert [f.line for f in _found(text, "FZ407")] == [1]


def test_of_two_editions_of_one_plan_the_one_nearest_the_cited_years_is_named_and_fixed():
    for cited in ("（2021—2024年）", "(2021-2025)"):
        [finding] = _found(f"贯彻《法治政府建设实施纲要{cited}》。", "FZ407")
        assert finding.fix.replacement == "《法治政府建设实施纲要（2021－2025年）》"
        assert "（2015－2020年）" not in finding.message
    [finding] = _found("贯彻《法治政府建设实施纲要（2016—2019年）》。", "FZ407")
    assert "（2015－2020年）》" in finding.message and "（2021－2025年）" not in finding.message


def test_two_editions_of_one_plan_without_years_cited_give_no_fix_and_name_both():
    [finding] = _found("贯彻《法治政府建设实施纲要（试行）》。", "FZ407")
    assert finding.fix is None
    assert "（2021－2025年）" in finding.message and "（2015－2020年）" in finding.message


def test_a_hyphen_between_the_years_of_an_official_title_is_named_and_other_dashes_are_not():
    [finding] = _found("对标《法治中国建设规划（2020-2025年）》。", "FZ410")
    assert "短横线" in finding.message and finding.severity == Severity.INFO
    assert finding.fix.replacement == "《法治中国建设规划（2020－2025年）》"
    assert _found("对标《法治中国建设规划（2020-2025年）》。", "FZ407") == []
    [finding] = _found("落实《法治政府建设实施纲要(2015-2020年)》。", "FZ410")
    assert finding.fix.replacement == "《法治政府建设实施纲要（2015－2020年）》"
    for title in ("《法治中国建设规划（2020—2025年）》", "《法治中国建设规划(2020－2025年)》", "《某市法治建设规划（2021-2025年）》",
                  "《法治政府建设实施纲要(2021-2025)》"):  # the last misquoted otherwise: FZ407's
        assert _found(f"对标{title}。", "FZ410") == []


def test_one_official_title_gets_one_piece_of_advice():
    """The dash and the 年 of a plan's title: FZ406 says what the official form is, FZ608 and FZ407 stay silent."""
    text = "学习《法治政府建设实施纲要(2021年-2025年)》。"
    rules = {f.rule for f in lint_text(text, select=["FZ406", "FZ407", "FZ608"])}
    assert rules == {"FZ406"}


@pytest.mark.parametrize(("text", "official"), [
    ("学习《法治中国建设规划纲要（2020－2025年）》。", "《法治中国建设规划（2020－2025年）》"),  # a kind written after the name
    ("落实《党政主要负责人推进法治建设第一责任人职责规定》。", "《党政主要负责人履行推进法治建设第一责任人职责规定》"),  # two dropped
    ("对照《法治政府建设与责任落实督察工作办法》自查。", "《法治政府建设与责任落实督察工作规定》"),  # one regulation's kind for another
    ("对照《法制政府建设实施纲要（2021－2025年）》。", "《法治政府建设实施纲要（2021－2025年）》"),
    ("对照《法制政府建设实施纲要》。", "《法治政府建设实施纲要》"),
])
def test_a_central_title_a_character_or_two_off_that_no_pattern_reaches_is_a_misquote(text, official):
    [finding] = _found(text, "FZ407")
    assert finding.fix.replacement == official


@pytest.mark.parametrize("text", [
    "制定《党政主要负责人履行推进法治建设第一责任人职责清单》。",  # a list made from the regulation
    "印发《法治政府建设与责任落实督察工作方案》和《法治政府建设与责任落实督察工作实施办法》。",
    "贯彻《法治浙江建设规划（2020－2025年）》，印发《法治昌吉建设实施纲要》。",  # a place's own plan
    "印发《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的实施意见》。",
    "印发《法治政府建设实施方案（2021－2025年）》，学习《法治乡村建设实施纲要》。",
    "学习《优化营商环境办法》和《重大行政决策程序暂行办法》。",  # short names: a kind swapped is too far
    "学习《法治社会建设实施纲要（2020－2025年）》《法治政府建设实施纲要（2021－2025年）》。",
])
def test_a_near_title_that_is_another_document_is_not_a_misquote(text):
    assert _found(text, "FZ407") == []


# ---- FZ408 cited-before-it-existed, FZ409 revision-after-report-year (after_writing) ----

_REPORT_2024 = "某县人民政府2024年法治政府建设年度报告\n2024年，我县深入学习贯彻党的二十大和二十届三中、四中全会精神。\n{signature}"


def test_a_meeting_after_the_publication_deadline_is_reported_without_a_signature():
    [finding] = _found(_REPORT_2024.format(signature=""), "FZ408")
    assert "党的二十届四中全会" in finding.message and "公开期限（2025年4月1日）" in finding.message


def test_a_signature_later_than_the_deadline_moves_the_bound():
    assert _found(_REPORT_2024.format(signature="某县人民政府\n2025年11月20日"), "FZ408") == []


@pytest.mark.parametrize(("year", "text", "name"), [
    (2019, "组织学习《中华人民共和国民法典》。", "《民法典》"),
    (2020, "认真贯彻《海南自由贸易港法》。", "《海南自由贸易港法》"),
    (2022, "学习新修订的《中华人民共和国行政复议法》。", "新修订的《行政复议法》"),
    (2020, "深刻领悟“两个确立”的决定性意义。", "“两个确立”"),
    (2022, "坚持以习近平文化思想为指引，繁荣法治文化。", "习近平文化思想"),
])
def test_a_law_a_revision_or_a_formula_from_after_the_report_was_written(year, text, name):
    [finding] = _found(text, "FZ408", year=year)
    assert name in finding.message


@pytest.mark.parametrize(("year", "text"), [
    (2020, "组织学习《中华人民共和国民法典》。"),  # adopted 2020-05
    (2021, "认真贯彻《海南自由贸易港法》。"),
    (2023, "学习新修订的《中华人民共和国行政复议法》。"),
    (2021, "深刻领悟“两个确立”的决定性意义。"),  # 2021-11, before the 2022 deadline
    (2019, "扎实开展“不忘初心、牢记使命”主题教育，加强党纪学习教育和党史学习教育。"),  # generic before the campaigns
    (2019, "组织干部对《个人信息保护法》草案提出意见。"),
    (2018, "贯彻《某省优化营商环境条例》和《行政复议法》。"),
])
def test_a_law_or_formula_the_report_could_have_known_is_left_alone(year, text):
    assert _found(text, "FZ408", year=year) == []


def test_a_revision_note_is_checked_outside_the_plan_only():
    text = ("某县司法局2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n"
            "学习《行政复议法》（2024年修订）。\n二、2024年推进法治政府建设的主要安排\n宣传《行政复议法》（2024年修订）。")
    assert [f.line for f in _found(text, "FZ409")] == [3]


# ---- FZ413 short-title-unlike-introduction ----

def test_a_short_title_other_than_the_one_introduced_is_pointed_out_once():
    text = ("制定《某县安全生产执法检查工作实施方案》（以下简称《实施方案》）。\n"
            "各乡镇按照《方案》要求开展检查，对照《方案》逐项整改。")
    [finding] = _found(text, "FZ413")
    assert finding.severity == Severity.INFO and finding.line == 2
    assert "《实施方案》" in finding.message and "2次" in finding.message
    assert _found(text, "FZ401") == [] and _found(text, "FZ412") == []


@pytest.mark.parametrize("text", [
    # the short title introduced is the one used
    "制定《某县安全生产执法检查工作实施方案》（以下简称《实施方案》），按照《实施方案》开展检查。",
    # another full title ending in 方案 without an introduction: 《方案》 may be that one
    "制定《某县安全生产执法检查工作实施方案》（以下简称《实施方案》）和《某县普法宣传工作方案》，按照《方案》开展宣传。",
    # no introduction at all: FZ401's or nobody's business
    "制定《某县安全生产执法检查工作方案》，按照《方案》开展检查。",
    # an introduction far from the title names nothing in particular
    "制定《某县安全生产执法检查工作实施方案》。为便于表述，下文简称《实施方案》。按照《方案》开展检查。",
])
def test_the_introduced_short_title_another_full_title_or_no_introduction_are_left_alone(text):
    assert _found(text, "FZ413") == []


# ---- FZ414 ended-plan-as-basis ----


@pytest.mark.parametrize("sentence", [
    "各镇街严格依照《某县依法行政规划（2016—2020年）》部署开展执法检查。",
    "深入贯彻《某市法治政府建设实施意见》《某市行政执法监督规划(2017-2021)》，推进执法规范化。",
])
def test_a_plan_whose_period_ended_before_the_report_year_used_as_its_basis(sentence):
    [finding] = _found(sentence, "FZ414", year=2023)
    assert "2023年度" in finding.message and ("2020年结束" in finding.message or "2021年结束" in finding.message)


@pytest.mark.parametrize("sentence, year", [
    ("各镇街严格依照《某县依法行政规划（2021—2025年）》部署开展执法检查。", 2025),  # still current
    ("《某县依法行政规划（2016—2020年）》实施期间，全县执法水平明显提升。", 2023),  # looked back at
    ("印发《某县依法行政规划（2016—2020年）》汇编，供新进人员查阅。", 2023),  # no verb applying it
    ("认真落实《法治政府建设实施纲要（2015－2020年）》部署。", 2023),  # FZ403's fact, reported there
])
def test_an_ended_plan_not_used_as_the_years_basis_is_left_alone(sentence, year):
    assert _found(sentence, "FZ414", year=year) == []
