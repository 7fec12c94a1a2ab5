"""Structure rules (FZ1xx): required sections, section order and years, the title block, profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import document_from_text, lint_text
from checker.engine.config import Config, read_config
from checker.fixes import apply_fixes
from checker.resources import builtin_rules_dir

SEEDS = Path(__file__).parent.parent / "seeds"

MEASURES = "一、2021年推进法治政府建设的主要举措和成效"
SHORTCOMINGS = "二、2021年推进法治政府建设存在的不足和原因"
FIRST_RESPONSIBLE = "三、2021年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
PLAN = "四、2022年推进法治政府建设的主要安排"
OTHER = "五、其他需要报告的情况"


def _findings(text: str, rule: str, **kwargs):
    return [f for f in lint_text(text, select=[rule], **kwargs) if f.rule == rule]


def _report(*headings: str) -> str:
    return "\n".join(f"{heading}\n正文。" for heading in headings)


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _profile(name: str) -> Config:
    return read_config(builtin_rules_dir() / "profiles" / f"{name}.yaml")


# FZ101 required-section-missing

def test_missing_shortcomings_is_reported_on_the_section_it_should_follow():
    findings = _findings(_report(MEASURES, FIRST_RESPONSIBLE, PLAN), "FZ101")
    assert [(f.line, f.column) for f in findings] == [(1, 3)]
    assert "存在的不足和原因" in findings[0].message
    assert "主要举措和成效" in findings[0].message and "之后" in findings[0].message


def test_missing_first_section_is_reported_before_the_next_present_one():
    findings = _findings(_report(SHORTCOMINGS, FIRST_RESPONSIBLE, PLAN), "FZ101")
    assert [f.line for f in findings] == [1]
    assert "主要举措和成效" in findings[0].message and "之前" in findings[0].message


def test_one_finding_per_missing_item():
    findings = _findings(_report(MEASURES, PLAN), "FZ101")
    assert [f.line for f in findings] == [1, 1]
    assert sorted("不足和原因" in f.message for f in findings) == [False, True]
    assert sorted("第一责任人" in f.message for f in findings) == [False, True]


def test_report_without_any_section_is_anchored_on_its_first_body_line():
    findings = _findings("东城区司法局2021年法治政府建设年度报告\n\n一年来，我局认真推进依法行政。", "FZ101")
    assert {f.line for f in findings} == {3}
    assert len(findings) == 4


@pytest.mark.parametrize(
    "headings",
    [
        ("一、工作开展情况", "二、存在的问题和不足", "三、主要负责人履行推进法治建设第一责任人职责情况", "四、下一步工作打算"),
        ("一、主要成效", "二、短板和薄弱环节", "三、第一责任人履职情况", "四、今后工作思路"),
        ("一、2021年工作成效", "二、差距和不足", "三、第一责任人职责履行工作情况", "四、2022年工作计划"),
        ("一、主要举措和成效", "二、存在的问题", "三、第一责任人职责", "四、努力方向"),
        ("一、2023年主要工作", "二、存在的不足", "三、第一责任人职责履行情况", "四、下一步工作安排"),
        ("一、2023年推进法治政府建设总体情况", "二、问题和不足", "三、第一责任人职责", "四、2024年工作打算"),
        ("一、基本情况和主要成效", "二、存在的问题", "三、第一责任人职责", "四、今后工作安排"),
        ("一、2023年法治政府建设主要措施", "二、存在的问题", "三、第一责任人职责", "四、下一步打算"),
        ("一、主要措施和成效", "二、存在的问题", "三、第一责任人职责", "四、下一步打算"),
        ("一、主要做法和成效", "二、主要负责人履职情况", "三、存在的困难和问题", "四、2024年工作重点"),
        ("一、主要做法", "二、问题和困难", "三、主要负责人履责情况", "四、下一步工作重点"),
    ],
)
def test_sections_are_recognised_by_meaning_not_by_one_wording(headings):
    assert _findings(_report(*headings), "FZ101") == []


@pytest.mark.parametrize("other", ["五、其他情况", "五、其他", "五、其他需要说明的事项", "五、需要报告的其他情况"])
def test_the_other_section_in_its_usual_wordings(other):
    text = _report("一、主要做法和成效", "二、存在的问题", "三、第一责任人职责", "四、下一步打算", other)
    assert _findings(text, "FZ102") == []


def test_a_work_plan_named_under_the_measures_is_no_plan_section():
    text = _report("一、主要做法和成效", "（一）早谋划，确定全年工作要点", "（二）抓落实，确定全年工作重点", "二、存在的问题",
                   "三、第一责任人职责")
    assert any("下一年度推进法治政府建设的主要安排" in f.message for f in _findings(text, "FZ101"))


def test_a_report_title_or_the_other_section_does_not_stand_for_the_measures():
    text = _report("某县2023年法治政府建设情况报告", "一、存在的问题", "二、第一责任人职责", "三、下一步打算", "四、其他需要报告的情况")
    assert any("主要举措和成效" in f.message for f in _findings(text, "FZ101"))


def test_sections_in_another_order_and_at_a_lower_level_count_as_present():
    text = _report("一、2021年工作总体情况", "（一）主要举措和成效", "（二）存在的问题和不足", FIRST_RESPONSIBLE, PLAN)
    assert _findings(text, "FZ101") == []


def test_a_letter_spaced_section_heading_is_read_by_its_words():
    text = _report(MEASURES, FIRST_RESPONSIBLE, "三 、 存 在 的 不 足 和 原 因", PLAN)
    assert _findings(text, "FZ101") == []
    assert [h.section for h in document_from_text(text).outline][2] == "shortcomings"


def test_a_prose_sentence_mentioning_a_section_does_not_count_as_the_section():
    text = _report(MEASURES, FIRST_RESPONSIBLE, PLAN) + "\n一年来，工作中也存在一些不足，主要是法治宣传有待加强，原因是人员不足。"
    assert len(_findings(text, "FZ101")) == 1


def test_a_first_responsible_heading_with_its_duty_garbled_is_the_section_not_a_missing_one():
    """责职 for 职责 in the section's heading is FZ508's finding; the section is there all the same."""
    garbled = "三、2022年党政主要负责人履行推进法治建设第一责任人责职，加强法治政府建设的有关情况"
    text = _report(MEASURES, SHORTCOMINGS, garbled, PLAN)
    assert _findings(text, "FZ101") == []
    assert [f.line for f in _findings(text, "FZ508")] == [5]


@pytest.mark.parametrize("duty", ["职则", "职任", "只责"])
def test_a_first_responsible_heading_with_one_character_of_its_duty_wrong_is_the_section(duty):
    """One character off 职责 after 法治建设第一责任人 is FZ508's slip; the section is there all the same."""
    garbled = f"三、2022年党政主要负责人履行推进法治建设第一责任人{duty}情况"
    text = _report(MEASURES, SHORTCOMINGS, garbled, PLAN)
    assert _findings(text, "FZ101") == []
    assert [f.line for f in _findings(text, "FZ508")] == [5]


def test_a_heading_naming_the_first_responsible_person_but_no_duty_is_not_the_section():
    text = _report(MEASURES, SHORTCOMINGS, "三、法治建设第一责任人名单", PLAN)
    assert len(_findings(text, "FZ101")) == 1

def test_missing_other_section_is_an_info_on_the_plan_heading():
    findings = _findings(_report(MEASURES, SHORTCOMINGS, FIRST_RESPONSIBLE, PLAN), "FZ102")
    assert [(f.line, f.severity.value) for f in findings] == [(7, "info")]
    assert "其他需要报告的情况" in findings[0].message


@pytest.mark.parametrize("tail", ["五、其他需要报告的情况\n无。", "其他需要报告的情况\n无。", "五、其他需要报告的事项\n无。"])
def test_other_section_written_in_any_accepted_way_is_present(tail):
    assert _findings(_report(MEASURES, SHORTCOMINGS, FIRST_RESPONSIBLE, PLAN) + "\n" + tail, "FZ102") == []


def test_other_section_written_with_qita_of_things_is_present_and_pointed_at():
    text = _report(MEASURES, SHORTCOMINGS, FIRST_RESPONSIBLE, PLAN, "五、其它需要报告的情况")
    assert _findings(text, "FZ102") == []
    assert [(f.line, f.severity.value) for f in _findings(text, "FZ522")] == [(9, "info")]


def test_seed_003_has_the_other_section():
    assert _findings(_seed("003"), "FZ102") == []


# FZ103 section-order

def test_plan_before_shortcomings_is_reported_once_as_a_warning():
    text = _report(MEASURES, "二、2022年推进法治政府建设的主要安排", "三、2021年推进法治政府建设存在的不足和原因",
                   "四、2021年党政主要负责人履行推进法治建设第一责任人职责情况")
    findings = _findings(text, "FZ111")
    assert [(f.line, f.severity.value) for f in findings] == [(5, "warning")]
    assert "存在的不足和原因" in findings[0].message and "主要安排" in findings[0].message
    assert _findings(text, "FZ103") == []  # one finding for one heading


def test_another_order_difference_stays_an_info():
    text = _report(SHORTCOMINGS, MEASURES, FIRST_RESPONSIBLE, PLAN)
    assert [(f.line, f.severity.value) for f in _findings(text, "FZ103")] == [(3, "info")]
    assert _findings(text, "FZ111") == []


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (1, 0, 2, 3), (1, 2, 0, 3)])
def test_the_first_responsible_section_may_stand_anywhere_before_the_plan(order):
    sections = [FIRST_RESPONSIBLE, MEASURES, SHORTCOMINGS, PLAN]
    assert _findings(_report(*(sections[i] for i in order)), "FZ103") == []


def test_sub_headings_do_not_take_part_in_the_order():
    text = _report(MEASURES, "（一）存在的问题整改情况", SHORTCOMINGS, FIRST_RESPONSIBLE, PLAN)
    assert _findings(text, "FZ103") == []


# FZ104 section-heading-year

def test_wrong_report_year_in_a_section_heading_is_fixed_to_the_report_year():
    text = _report("一、2020年推进法治政府建设的主要举措和成效", SHORTCOMINGS)
    findings = _findings(text, "FZ104", year=2021)
    assert [(f.line, f.column, f.end_column) for f in findings] == [(1, 3, 7)]
    assert "2021" in findings[0].message and "2020" in findings[0].message
    assert apply_fixes(text, findings).startswith("一、2021年推进")


def test_plan_heading_naming_the_report_year_gets_the_next_year():
    findings = _findings(_report(MEASURES, "四、2021年推进法治政府建设的主要安排"), "FZ104", year=2021)
    assert [(f.line, f.fix.replacement) for f in findings] == [(3, "2022")]


def test_headings_without_years_and_ranges_are_not_year_errors():
    text = _report("一、推进法治政府建设的主要举措和成效", "（一）落实《法治政府建设实施纲要（2021－2025年）》",
                   "四、下一年度推进法治政府建设的主要安排")
    assert _findings(text, "FZ104", year=2021) == []


def test_title_year_contradicted_by_the_body_does_not_make_the_headings_wrong():
    text = "东城区科信局2022年法治政府建设年度情况报告\n" + _report(MEASURES, SHORTCOMINGS, FIRST_RESPONSIBLE, PLAN)
    assert _findings(text, "FZ104") == []


# FZ105 title-missing

def test_draft_opening_with_prose_has_no_title():
    findings = _findings(_seed("003"), "FZ105")
    assert [(f.line, f.column) for f in findings] == [(1, 1)]


def test_a_title_in_an_unparsed_form_is_not_called_missing():
    assert _findings("法治政府建设年度报告（2021年）\n\n正文。", "FZ105") == []


# FZ106 title-missing-body

def test_title_without_issuing_body():
    findings = _findings(_seed("001"), "FZ106")
    assert [(f.line, f.column) for f in findings] == [(1, 2)]
    assert "2021年法治政府建设年度情况报告" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "东城区园林绿化局\n\n2021年法治政府建设年度情况报告",
        "北京市延庆区人民政府2021年法治政府建设年度情况报告",
        "关于东城区司法局2022年法治政府建设情况的报告",
        "2021年度东城区司法局法治政府建设情况报告",
        "2023年法治政府建设年度报告\n平湖市人民政府\n2023年，平湖市坚持依法行政。",
    ],
)
def test_issuing_body_above_before_or_after_the_year_or_under_the_title_is_found(text):
    assert _findings(text, "FZ106") == []


# FZ107 title-missing-year

def test_title_without_year():
    findings = _findings("东城区司法局法治政府建设年度报告\n\n正文。", "FZ107")
    assert [f.line for f in findings] == [1]


# FZ108 title-name-form

@pytest.mark.parametrize("title", ["东城区司法局2021年依法行政工作报告", "东城区司法局2021年法治政府建设工作总结报告",
                                   "东城区司法局2021年法治政府建设情况", "东城区司法局2021年法治建设工作总结"])
def test_report_name_outside_the_accepted_forms(title):
    # a title naming 情况 or a 总结 instead of a 报告 is still the title (not "no title"), of the wrong kind
    assert _findings(title + "\n\n2021年，我局推进依法行政。", "FZ105") == []
    findings = _findings(title, "FZ108")
    assert [f.severity.value for f in findings] == ["warning"]


@pytest.mark.parametrize(
    "title",
    [
        "东城区司法局2021年法治政府建设年度报告",
        "东城区司法局2021年法治政府建设年度情况报告",
        "东城区司法局2021年法治政府建设情况报告",
        "关于东城区司法局2022年法治政府建设情况的报告",
        "北京市延庆区人民政府关于2021年法治政府建设工作情况的报告",
    ],
)
def test_accepted_report_names(title):
    assert _findings(title, "FZ108") == []


# FZ109 title-year-mismatch

def test_title_year_against_a_body_about_another_year():
    text = "东城区科信局2022年法治政府建设年度情况报告\n" + _report(MEASURES, SHORTCOMINGS, FIRST_RESPONSIBLE, PLAN)
    findings = _findings(text, "FZ109")
    assert [(f.line, f.column, f.end_column) for f in findings] == [(1, 7, 11)]
    assert f"{findings[0].fix.replacement}/{findings[0].fix.safety.value}" == "2021/unsafe"


def test_year_given_by_the_user_wins_over_the_title():
    findings = _findings("东城区科信局2022年法治政府建设年度情况报告\n正文。", "FZ109", year=2021)
    assert [f.fix.replacement for f in findings] == ["2021"]


def test_plan_section_years_do_not_outvote_the_report_year():
    text = "东城区科信局2021年法治政府建设年度情况报告\n" + _report(MEASURES, PLAN) + "\n2022年，我局将继续推进。\n2022年重点做好三项工作。"
    assert _findings(text, "FZ109") == []


# FZ110 title-body-kind and the report-kind profiles

def test_guanyu_after_the_issuing_body_is_not_part_of_its_name():
    title = "北京市西城区人民政府关于2021年法治政府建设情况的报告"
    assert _findings(title, "FZ110") == []
    assert _findings(title, "FZ110", config=_profile("government")) == []
    assert _findings(title, "FZ106") == []


def test_a_bare_place_name_is_not_an_issuing_body():
    findings = _findings("北京市东城区2021年法治政府建设年度情况报告", "FZ110")
    assert [(f.column, f.end_column) for f in findings] == [(1, 7)]


def test_government_profile_wants_a_people_s_government():
    government = _profile("government")
    assert _findings("东城区园林绿化局\n\n2021年法治政府建设年度情况报告", "FZ110", config=government)
    assert _findings(_seed("002"), "FZ110", config=government) == []


def test_department_profile_catches_a_government_title_copied_into_a_department_report():
    department = _profile("department")
    assert _findings(_seed("002"), "FZ110", config=department)
    assert _findings(_seed("000"), "FZ110", config=department) == []
    assert _findings("北京市东城区人民政府办公室2021年法治政府建设年度报告", "FZ110", config=department) == []


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_default_profile_fits_both_kinds_of_report(seed):
    findings = lint_text(_seed(seed), select=["FZ110"], config=_profile("default"))
    assert findings == []


# The seeds' correct text as traps: every rule is silent on every seed except where a reader
# found the slip (seeds/expected/structure.yaml lists those).
FLAGGED_SEEDS = {"FZ102": {"000", "001", "002", "004"}, "FZ105": {"003"}, "FZ106": {"001"}}
CLEAN = [(rule, seed) for rule in (f"FZ1{n:02d}" for n in range(1, 11)) for seed in ("000", "001", "002", "003", "004")
         if seed not in FLAGGED_SEEDS.get(rule, set())]


@pytest.mark.parametrize(("rule", "seed"), CLEAN)
def test_rules_are_silent_on_the_seeds_correct_structure(rule, seed):
    assert _findings(_seed(seed), rule) == []


def test_measures_written_as_topic_headings_count_as_present():
    text = _report("一、深入学习贯彻习近平法治思想，法治政府建设开创新局面", "二、坚持严格规范公正文明执法",
                   "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、存在的问题和不足", "五、2022年工作安排")
    assert _findings(text, "FZ101") == []


def test_measures_are_still_missing_when_every_level_one_heading_names_another_item():
    text = _report("一、存在的问题和不足", "二、党政主要负责人履行推进法治建设第一责任人职责情况", "三、2022年工作安排")
    assert ["主要举措和成效" in f.message for f in _findings(text, "FZ101")] == [True]


def test_first_responsible_heading_with_duty_miswritten_still_counts_as_that_section():
    """“第一责任人责任” for 职责 in the heading is a wording slip (FZ508), not a missing section."""
    draft = ("某区司法局2022年法治政府建设年度报告\n一、2022年推进法治政府建设的主要举措和成效\n全年办结案件12件。\n"
             "二、党政主要负责人履行推进法治建设第一责任人责任情况\n局长带头学法。\n"
             "三、存在的不足和原因\n执法队伍力量不足。\n四、2023年主要安排\n持续推进依法行政。\n")
    rules = {f.rule for f in lint_text(draft, select=["FZ101", "FZ508"])}
    assert rules == {"FZ508"}


def test_a_title_broken_after_guanyu_names_its_body():
    text = "宁都县人民政府关于\n2024年法治政府建设情况的报告\n2024年，宁都县坚持依法行政。"
    assert _findings(text, "FZ106") == [] and _findings(text, "FZ108") == []


# FZ114 一项必备部分排成了另一年度部分的下级标题

def test_the_plan_set_under_the_shortcomings_is_a_level_finding():
    text = _report("一、2023年推进法治政府建设的主要举措和成效", "二、党政主要负责人履行推进法治建设第一责任人职责情况",
                   "三、存在的不足和原因", "（一）2024年推进法治政府建设的主要安排")
    [finding] = _findings(text, "FZ114")
    assert (finding.line, finding.severity.value) == (7, "warning") and "第2级" in finding.message
    assert "“存在的不足和原因”并列" in finding.message and finding.fix is None


@pytest.mark.parametrize("headings", [
    # the first-responsible part as a section of the measures: the same year, a common layout
    ("一、2023年推进法治政府建设的主要举措和成效", "（一）主要做法和成效", "（二）党政主要负责人履行推进法治建设第一责任人职责情况",
     "二、存在的不足和原因", "三、2024年推进法治政府建设的主要安排"),
    # a part that names both: its sub-headings are its halves
    ("一、2023年推进法治政府建设的主要举措和成效", "二、存在的不足和下一步工作打算", "（一）存在的不足",
     "（二）2024年法治政府建设工作安排"),
    # the plan has a part of its own; a sub-heading naming it again is a lead-in
    ("一、2023年推进法治政府建设的主要举措和成效", "二、存在的不足和原因", "（一）对照2024年法治工作安排查摆的问题",
     "三、2024年推进法治政府建设的主要安排"),
    # no wording of a part with its evidence word: an ordinary sub-heading
    ("一、2023年推进法治政府建设的主要举措和成效", "二、2024年推进法治政府建设的主要安排", "（一）存在的问题和不足"),
])
def test_sub_headings_that_are_no_demoted_part(headings):
    assert _findings(_report(*headings), "FZ114") == []
