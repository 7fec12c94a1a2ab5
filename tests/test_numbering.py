"""Numbering rules (FZ2xx) on typed text: marker forms, sequence, hierarchy, trailing periods."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import lint_text
from checker.fixes import apply_fixes

SEEDS = Path(__file__).parent.parent / "seeds"
ALL_SEEDS = ["000", "001", "002", "003", "004"]


def _findings(text: str, rule: str):
    return [f for f in lint_text(text, select=[rule]) if f.rule == rule]


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _lines(findings) -> list[int]:
    return [f.line for f in findings]


# FZ201 heading-marker-level

def test_arabic_number_on_a_top_level_section_heading():
    text = "一、2021年推进法治政府建设的主要举措和成效\n正文。\n2、 推进法治政府建设存在的不足和原因\n正文。"
    findings = _findings(text, "FZ201")
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 1, 4)]
    assert "“二、”" in findings[0].message and "“2、”" in findings[0].message
    assert apply_fixes(text, findings).splitlines()[2] == "二、推进法治政府建设存在的不足和原因"


def test_arabic_dot_on_a_top_level_section_heading():
    text = ("一、推进法治政府建设的主要举措和成效\n正文。\n2.推进法治政府建设存在的不足和原因\n正文。\n"
            "三、党政主要负责人履行推进法治建设第一责任人职责情况")
    findings = _findings(text, "FZ201")
    assert [(f.line, f.fix.replacement) for f in findings] == [(3, "二、")]


def test_list_items_naming_a_section_inside_a_section_are_not_misnumbered_sections():
    text = ("一、2021年推进法治政府建设的主要举措和成效\n（一）加强组织领导\n1.健全领导机制。成立领导小组。\n"
            "2.法治宣传工作开展情况。全年开展宣传20场。\n3.存在的问题整改情况，法治督察反馈问题全部整改。\n"
            "（二）规范行政执法\n二、2021年推进法治政府建设存在的不足和原因")
    assert lint_text(text, select=["FZ2"]) == []


def test_seed_001_writes_its_second_section_with_an_arabic_number():
    assert [(f.line, f.fix.replacement) for f in _findings(_seed("001"), "FZ201")] == [(20, "二、")]


@pytest.mark.parametrize(
    "text",
    [
        "1.健全民主决策机制，提升科学决策水平。严格按照重大决策行为集体讨论的原则。",
        "2.积极普法宣传和干部职工法律学习培训。坚持领导干部学法制度。",
        "利用5.12防灾减灾日、防空警报试鸣日、12.4宪法宣传日等时间点开展宣传。",
    ],
)
def test_third_level_items_and_dates_are_not_level_slips(text):
    assert _findings(text, "FZ201") == []


# FZ202 heading-marker-brackets

def test_consistently_half_width_level_gives_one_finding_per_heading_each_with_its_fix():
    findings = _findings(_seed("002"), "FZ202")
    assert _lines(findings) == [12, 16, 20, 24, 28, 32]
    assert [f.fix.replacement for f in findings] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    fixed = apply_fixes(_seed("002"), findings)
    assert "  （一）加强统筹领导,在更高水平上推进法治政府建设" in fixed.splitlines()
    assert _findings(fixed, "FZ202") == []


def test_mixed_width_brackets_at_level_four():
    findings = _findings("（一）主要做法和成效\n1.加强组织领导\n（1)完善依法行政组织领导机制。成立领导小组。", "FZ202")
    assert [(f.line, f.fix.replacement) for f in findings] == [(3, "（1）")]


@pytest.mark.parametrize(
    "text",
    [
        "（一）主要做法和成效",
        "（1）完善依法行政组织领导机制。成立依法行政工作领导小组，明确局主要领导为推进依法行政的第一责任人。",
        "通过线上线下、集中自学等方式方法进行《行政处罚法(2021年修订版)》、燃气专项执法等相关培训。",
        "深入贯彻中共中央、国务院《法治政府建设实施纲要(2021-2025年)》,全面落实市委、市政府决策部署。",
    ],
)
def test_full_width_markers_and_brackets_in_prose_are_fine(text):
    assert _findings(text, "FZ202") == []


# FZ203 heading-marker-punctuation

@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("二.2021年推进法治政府建设存在的不足和原因", "二、"),
        ("第二、存在的不足和原因", "二、"),
        ("一，推进法治政府建设的主要举措和成效", "一、"),
        ("（一）主要做法和成效\n1、加强组织领导，提高依法行政意识和能力", "1."),
        ("（一）主要做法和成效\n１．加强组织领导", "1."),
    ],
)
def test_non_standard_marker_punctuation_is_fixed_to_the_standard_form(text, replacement):
    findings = _findings(text, "FZ203")
    assert [f.fix.replacement for f in findings] == [replacement]


def test_space_after_a_standard_marker_is_not_a_marker_slip():
    assert _findings("（二）增强依法行政意识\n5. 严格落实行政执法“三项制度”，依法开展人防行政检查。", "FZ203") == []


def test_unnumbered_line_naming_a_section_already_headed_is_not_a_new_section():
    text = ("一、2021年推进法治政府建设的主要举措和成效\n（一）加强组织领导\n成立领导小组。\n法治宣传工作开展情况\n"
            "全年开展宣传20场。\n（二）规范行政执法\n二、2021年推进法治政府建设存在的不足和原因")
    assert lint_text(text, select=["FZ2"]) == []


def test_prose_enumeration_with_di_yi_and_a_comma_is_not_a_heading():
    text = ("一、2021年推进法治政府建设的主要举措和成效\n第一，坚持党的领导。全面贯彻落实党中央决策部署。\n"
            "第二，加强制度建设。制定完善各项制度。\n二、2021年推进法治政府建设存在的不足和原因")
    assert lint_text(text, select=["FZ2"]) == []


# FZ204 heading-marker-mixed

def test_mixed_forms_within_a_level_are_reported_once_at_the_minority_form():
    text = "（一）主要做法和成效\n1.加强组织领导\n2、认真履行执法职责\n3.强化对行政行为的监督\n4、建立落实学习制度"
    findings = _findings(text, "FZ204")
    assert [(f.line, f.severity.value) for f in findings] == [(3, "info")]
    assert "“1.”（2处）" in findings[0].message and "“2、”（共2处）" in findings[0].message


def test_of_two_forms_used_as_often_the_standard_one_is_the_usual():
    # "一." once, "二、" once: the minority reported is the nonstandard form, not the right one
    text = "一.主要做法和成效\n正文。\n二、存在的问题\n正文。"
    [finding] = _findings(text, "FZ204")
    assert finding.line == 1 and "多数写作“二、”" in finding.message


# FZ205 heading-number-jump, FZ206 heading-number-repeat, FZ207 heading-number-restart

def test_jump_in_the_top_level_is_reported_with_the_expected_number():
    text = "一、2021年推进法治政府建设的主要举措和成效\n二、2021年推进法治政府建设存在的不足和原因\n四、2022年推进法治政府建设的主要安排"
    findings = _findings(text, "FZ205")
    assert [(f.line, f.column) for f in findings] == [(3, 1)]
    assert "“三、”" in findings[0].message and "“四、”" in findings[0].message
    assert findings[0].fix is None


def test_first_child_not_starting_at_one_is_a_jump():
    findings = _findings("一、推进法治政府建设的主要举措和成效\n（二）强化依法行政组织领导", "FZ205")
    assert [(f.line, "“（一）”" in f.message) for f in findings] == [(2, True)]


def test_unnumbered_sections_fill_their_places_so_the_next_number_is_no_jump():
    text = ("一、2021年推进法治政府建设的主要举措和成效\n2021年推进法治政府建设存在的不足和原因\n"
            "2021年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n四、2022年推进法治政府建设的主要安排")
    assert _findings(text, "FZ205") == []


def test_repeated_number_is_reported_on_the_second_heading():
    findings = _findings("（一）加强组织领导\n（二）提升服务水平\n（二）规范权力运行", "FZ206")
    assert [(f.line, "“（三）”" in f.message) for f in findings] == [(3, True)]


def test_restart_without_a_new_parent():
    text = "一、推进法治政府建设的主要举措和成效\n（一）强化依法行政组织领导\n（二）全力做好公共法律服务保障\n（一）加强行政规范性文件管理"
    findings = _findings(text, "FZ207")
    assert [(f.line, "“（三）”" in f.message) for f in findings] == [(4, True)]


def test_restart_after_a_line_that_looks_like_an_unrecognised_parent_heading_is_not_reported():
    text = "一、推进法治政府建设的主要举措和成效\n（一）强化依法行政组织领导\n（二）全力做好公共法律服务保障\n存在的问题\n（一）一线人员执法水平仍需提高"
    assert _findings(text, "FZ207") == []


def test_a_second_list_introduced_by_a_colon_is_not_a_restart():
    text = ("二、2021年推进法治政府建设存在的不足和原因\n1.执法人员法律素养有待提高。\n2.普法宣传针对性不强。\n"
            "产生上述问题的原因主要有：\n1.培训覆盖面不够。\n2.考核机制不完善。")
    assert _findings(text, "FZ207") == []


def test_going_back_to_a_number_other_than_one_is_always_a_restart():
    text = "（一）加强组织领导\n（二）提升服务水平\n（三）规范权力运行\n存在的问题\n（二）强化制度管理"
    assert _lines(_findings(text, "FZ207")) == [5]


# FZ208 heading-unnumbered

@pytest.mark.parametrize("seed", ["000", "004"])
def test_sections_two_to_four_without_numbers_get_the_number_they_should_have(seed):
    findings = _findings(_seed(seed), "FZ208")
    assert [f.fix.replacement[:2] for f in findings] == ["二、", "三、", "四、"]
    assert ["“二、”" in findings[0].message, "“三、”" in findings[1].message, "“四、”" in findings[2].message] == [True] * 3
    fixed = apply_fixes(_seed(seed), findings)
    assert "二、2021年推进法治政府建设存在的不足和原因" in fixed.splitlines()
    assert _findings(fixed, "FZ208") == []


def test_seed_expected_lines_for_unnumbered_sections():
    assert _lines(_findings(_seed("000"), "FZ208")) == [40, 43, 50]
    assert _lines(_findings(_seed("004"), "FZ208")) == [31, 37, 57]


def test_unnumbered_heading_outside_the_numbering_is_left_alone():
    text = "一、2021年推进法治政府建设的主要举措和成效\n2021年推进法治政府建设存在的不足和原因\n二、2021年党政主要负责人履行推进法治建设第一责任人职责情况"
    assert _findings(text, "FZ208") == []


def test_all_unnumbered_sections_are_a_consistent_style():
    text = "2021年推进法治政府建设的主要举措和成效\n正文。\n2021年推进法治政府建设存在的不足和原因\n正文。"
    assert _findings(text, "FZ208") == []


# FZ209 heading-level-skipped, FZ210 heading-without-parent

def test_skipping_a_level_used_elsewhere_is_an_info_once_per_parent():
    text = ("一、2021年推进法治政府建设的主要举措和成效\n（一）主要做法和成效\n1.加强组织领导\n"
            "二、2022年推进法治政府建设的主要安排\n1.做好疫情防控常态化工作。\n2.加强人防工程使用管理。")
    findings = _findings(text, "FZ209")
    assert [(f.line, f.severity.value) for f in findings] == [(5, "info")]
    assert "“1.”" in findings[0].message and "“二、”" in findings[0].message and "“（一）”" in findings[0].message


STAND_IN = ("一、2024年推进法治政府建设的主要举措和成效\n1.完善合法性审查机制。审查合同和文件40件。\n"
            "（二）规范行政检查。推行综合查一次。\n（三）加强普法。开展送法进企业活动。\n"
            "二、2024年推进法治政府建设存在的不足和原因\n执法力量不足。")


def test_a_deeper_one_in_the_first_place_of_a_group_going_on_at_two_is_the_slip_not_the_two():
    findings = lint_text(STAND_IN, select=["FZ205", "FZ209", "FZ213"])
    assert [(f.rule, f.line, f.severity.value) for f in findings] == [("FZ213", 2, "warning")]
    assert "应为“（一）”" in findings[0].message and "“（二）”" in findings[0].message


@pytest.mark.parametrize("text", [
    STAND_IN.replace("1.完善", "（一）完善").replace("（二）规范", "2.规范"),  # the group starts at two: jump
    STAND_IN.replace("1.完善", "3.完善"),  # not a one: no place it holds
    STAND_IN.replace("（二）规范", "（一）健全制度。\n（二）规范"),  # the first place is taken
    STAND_IN.replace("\n（二）规范", "\n2.细化审查标准。\n（二）规范"),  # a list of its own before the group
])
def test_without_a_lone_deeper_one_in_the_first_place_no_heading_is_told_it_stands_in_for_another(text):
    assert not any("这里应为" in f.message for f in lint_text(text, select=["FZ209", "FZ213"]))


def test_a_group_starting_at_two_after_a_list_of_deeper_items_is_still_a_jump():
    text = STAND_IN.replace("\n（二）规范", "\n2.细化审查标准。\n（二）规范")
    assert [(f.rule, f.line) for f in lint_text(text, select=["FZ205"])] == [("FZ205", 4)]


def test_a_two_level_report_may_go_from_the_first_level_to_the_third():
    text = "一、2021年推进法治政府建设的主要举措和成效\n1.加强组织领导\n二、2022年推进法治政府建设的主要安排\n1.做好疫情防控常态化工作。"
    assert _findings(text, "FZ209") == []


def test_sub_heading_before_any_top_level_heading():
    findings = _findings("（一）加强组织领导\n正文。\n二、2021年推进法治政府建设存在的不足和原因", "FZ210")
    assert [(f.line, "“一、”" in f.message) for f in findings] == [(1, True)]


def test_a_draft_made_only_of_second_level_headings_has_no_orphans():
    text = "（一）提高行政机关工作人员法治意识。重视依法行政意识的培养。\n（二）加大对行政执法的监督力度。进一步规范行政执法行为。"
    assert _findings(text, "FZ210") == []


# FZ211 heading-trailing-period

def test_period_on_one_standalone_heading_among_siblings_without():
    text = "（一）加强组织领导\n正文。\n（二）提升服务水平。\n正文。\n（三）规范权力运行\n正文。"
    findings = _findings(text, "FZ211")
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 10, 11)]
    assert apply_fixes(text, findings).splitlines()[2] == "（二）提升服务水平"


def test_run_in_headings_are_never_trailing_period_slips_however_long():
    seed_000_plan = (
        "2022年推进法治政府建设的主要安排\n"
        "（一）提高行政机关工作人员法治意识。重视行政机关工作人员依法行政意识与能力的培养，加强行政机关工作人员特别是领导干部法制教育。\n"
        "（二）加大对行政执法的监督力度。进一步规范行政执法行为，建立健全行政执法工作制度。\n"
        "（三）全面提升行政执法能力与水平"
    )
    assert _findings(seed_000_plan, "FZ211") == []


def test_siblings_all_ending_with_a_period_are_one_consistent_style():
    assert _findings("（一）加强组织领导。\n正文。\n（二）提升服务水平。\n正文。", "FZ211") == []


def test_no_finding_when_the_period_is_not_the_odd_one_out():
    even = "（一）完善议事规则。\n正文。\n（二）严格执法监督\n正文。"
    assert _findings(even, "FZ211") == []
    mostly_periods = "（一）完善议事规则。\n正文。\n（二）严格执法监督。\n正文。\n（三）化解矛盾纠纷\n正文。"
    assert _findings(mostly_periods, "FZ211") == []


def test_third_level_headings_are_not_checked_by_default():
    text = "1.按照区疫情防控办联防联控工作要求，做好疫情防控常态化工作。\n2.加强人防工程“疏整促”提升再利用"
    assert _findings(text, "FZ211") == []


# The seeds' correct text as traps: every rule is silent on every seed except where a reader
# found the slip (seeds/expected/structure.yaml lists those).
FLAGGED_SEEDS = {"FZ201": {"001"}, "FZ202": {"002", "003"}, "FZ208": {"000", "004"}}


CLEAN = [(rule, seed) for rule in (f"FZ2{n:02d}" for n in range(1, 12)) for seed in ALL_SEEDS
         if seed not in FLAGGED_SEEDS.get(rule, set())]


@pytest.mark.parametrize(("rule", "seed"), CLEAN)
def test_rules_are_silent_on_the_seeds_correct_numbering(rule, seed):
    assert _findings(_seed(seed), rule) == []


def test_a_repeated_number_the_next_one_shows_to_be_a_slip_is_counted_as_the_number_it_should_have():
    typo = "（一）健全制度\n（二）规范执法\n（二）强化监督\n（四）化解纠纷"
    assert [(f.rule, f.line) for f in lint_text(typo, select=["FZ205", "FZ206"])] == [("FZ206", 3)]
    inserted = "（一）健全制度\n（二）规范执法\n（二）强化监督\n（三）化解纠纷"
    assert [(f.rule, f.line) for f in lint_text(inserted, select=["FZ205", "FZ206"])] == [("FZ206", 3)]


def test_numbered_items_of_an_attachment_note_are_not_headings():
    text = ("一、2023年推进法治政府建设的主要举措和成效\n（一）健全制度\n1. 修订议事规则\n2. 完善审查流程\n"
            "二、2024年推进法治政府建设的主要安排\n（一）深化执法监督\n"
            "附件：1. 2023年度重点任务清单\n2. 2023年度执法数据统计表\n3. 2023年度普法责任清单\n某县水利局\n2024年2月1日")
    assert lint_text(text, select=["FZ205", "FZ206", "FZ207", "FZ201"]) == []


def test_a_plainly_worded_section_heading_is_read_where_the_numbering_skips_one_for_it():
    text = ("一、2023年推进法治政府建设的主要举措和成效\n全年办理案件12件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            "主要负责人带头学法。\n问题和不足\n执法力量不足。\n四、下一步工作打算\n持续规范执法。")
    findings = lint_text(text, select=["FZ205", "FZ208"])
    assert [(f.rule, f.line, "“三、”" in f.message) for f in findings] == [("FZ208", 5, True)]
    plain = text.replace("四、下一步", "三、下一步")  # numbered without it: a line of the text, not a heading
    assert lint_text(plain, select=["FZ205", "FZ208"]) == []


def test_a_plainly_worded_section_with_a_lower_family_number_in_the_gap_is_a_top_level_heading():
    text = ("一、2023年推进法治政府建设的主要举措和成效\n全年办理案件12件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            "主要负责人带头学法。\n3.问题和不足\n执法力量不足。\n四、下一步工作打算\n持续规范执法。")
    findings = lint_text(text, select=["FZ201", "FZ205", "FZ209"])
    assert [(f.rule, f.line, "“三、”" in f.message) for f in findings] == [("FZ201", 5, True)]


def test_an_arabic_number_before_a_year_is_a_heading_number_not_a_decimal():
    text = "一、2020年推进法治政府建设的主要举措和成效\n全年办理案件12件。\n2.2020年推进法治政府建设存在的不足和原因\n执法力量不足。"
    findings = lint_text(text, select=["FZ201", "FZ208"])
    assert [(f.rule, f.line) for f in findings] == [("FZ201", 3)]
    assert apply_fixes(text, findings).splitlines()[2] == "二、2020年推进法治政府建设存在的不足和原因"


# a list quoted from a document over several paragraphs: its numbers are the document's

_QUOTED_LIST = ("一、2024年推进法治政府建设的主要举措和成效\n"
                "（一）规范执法检查。依据《某县涉企行政检查办法》，检查分为下列几类：\n"
                "{open}（一）日常检查；\n{open}（二）专项检查；\n{open}（三）联合检查。”\n"
                "全年开展联合检查6次。\n（二）加强监督。全年办理复议案件9件。\n")


@pytest.mark.parametrize("opening", ["“", ""])  # each item opening with “ (GB/T 15834), or only the first
def test_numbers_of_a_quoted_list_are_no_headings_of_the_report(opening):
    text = _QUOTED_LIST.format(open=opening).replace("\n（一）日常", "\n“（一）日常")
    found = lint_text(text, select=["FZ2", "FZ604"])
    assert found == [], [(f.rule, f.line, f.message) for f in found]


def test_two_stray_quotation_marks_a_few_paragraphs_apart_are_both_reported():
    text = ("一、2024年推进法治政府建设的主要举措和成效\n（一）规范执法。推行“双随机、一公开监管。\n"
            "（二）加强监督。全年办理复议案件9件。\n（三）强化普法。开展宣传活动”12场。\n")
    assert [f.line for f in _findings(text, "FZ604")] == [2, 4]
    assert _findings(text, "FZ207") == []
