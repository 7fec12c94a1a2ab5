"""Political formulas, plan stages and dated anniversaries (rules/formulas.yaml): what they catch and
the correct sentences they must leave alone."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.findings import Severity


def findings(text: str, rule: str, **context):
    return [f for f in lint_text(text, select=[rule], **context) if f.rule == rule]


# FZ512: one congress joined to another congress's sessions


@pytest.mark.parametrize(("text", "fixed"), [
    ("学习党的二十大和十九届历次全会精神。", "党的二十大和二十届历次全会"),
    ("学习党的十九大以及二十届历次全会精神。", "党的十九大以及十九届历次全会"),
    ("学习党的二十大精神和党的十九届历次全会精神。", "党的二十大精神和党的二十届历次全会"),
])
def test_a_congress_joined_to_another_congress_s_sessions_is_garbled(text, fixed):
    [finding] = findings(text, "FZ512")
    assert finding.fix.replacement == fixed


@pytest.mark.parametrize("text", [
    "学习党的二十大和二十届历次全会精神。",
    "学习党的二十大和十九届六中全会精神。",  # one named session of the earlier congress, in a 2022 report
    "学习党的二十大、十九届七中全会精神和二十届一中全会精神。",
])
def test_a_congress_with_its_own_sessions_or_a_named_earlier_session_is_left_alone(text):
    assert findings(text, "FZ512") == []


# FZ512: a slogan after another slogan's own verb


@pytest.mark.parametrize(("text", "fixed"), [
    ("全体党员要增强“四个意识”、坚定“四个自信”、做到“两个确立”。", "拥护“两个确立”"),
    ("教育引导干部坚定“四个意识”，筑牢思想根基。", "增强“四个意识”"),
    ("局党组带头拥护“两个维护”；", "做到“两个维护”"),
    ("不断树牢四个自信", "坚定四个自信"),
])
def test_a_slogan_after_another_slogan_s_verb_is_garbled(text, fixed):
    [finding] = findings(text, "FZ512")
    assert finding.fix.replacement == fixed


@pytest.mark.parametrize("text", [
    "深刻领悟“两个确立”的决定性意义，树牢“四个意识”、坚定“四个自信”、践行“两个维护”。",
    "忠诚拥护“两个确立”、坚决捍卫“两个确立”、始终做到“两个维护”。",
    "切实增强“四个自信”，强化“四个意识”，深刻领会“两个维护”。",
    "增强践行“两个维护”的行动自觉，坚定“四个自信”的底气。",
    "坚决做到“两个确立”、“两个维护”，坚定“四个意识”“四个自信”。",
])
def test_slogans_after_their_own_or_a_shared_verb_are_left_alone(text):
    assert findings(text, "FZ512") == []


# FZ507, FZ517: the next-year plan is checked against the next year


_REPORT_2025 = ("某县人民政府2025年法治政府建设年度报告\n一、2025年推进法治政府建设的主要举措和成效\n{review}\n"
                "二、2026年推进法治政府建设的主要安排\n{plan}")


@pytest.mark.parametrize(("rule", "plan", "current"), [
    ("FZ507", "深入实施“八五”普法规划，推动法律进村居。", "“九五”普法"),
    ("FZ517", "围绕“十四五”规划确定的目标，推进执法规范化。", "“十五五”"),
])
def test_a_plan_that_ended_with_the_report_year_is_not_current_in_the_next_year_s_plan(rule, plan, current):
    [finding] = findings(_REPORT_2025.format(review="正文。", plan=plan), rule)
    assert finding.line == 5 and "下一年度（2026年）的安排" in finding.message
    assert current in finding.fix.replacement


@pytest.mark.parametrize("plan", [
    "做好“八五”普法总结验收和“十四五”规划实施情况评估。",
    "巩固“八五”普法成果，谋划“九五”普法规划，编制“十五五”法治政府建设规划。",
])
def test_looking_back_at_the_ended_plan_in_the_next_year_s_plan_is_left_alone(plan):
    text = _REPORT_2025.format(review="深入实施“八五”普法规划，对标“十四五”规划目标。", plan=plan)
    assert [f for f in lint_text(text, select=["FZ507", "FZ517"])] == []


def test_the_congress_rules_keep_the_report_year_in_the_plan():
    # FZ518 does not shift: in the plan for 2025, made before the fourth session, the third is the latest
    text = ("某县人民政府2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n正文。\n"
            "二、2025年推进法治政府建设的主要安排\n深入学习贯彻党的二十大和二十届二中、三中全会精神。")
    assert findings(text, "FZ518") == []


# FZ518: the sessions of the 19th series are counted in their own series


@pytest.mark.parametrize(("year", "listed", "current", "held"), [
    (2019, "十九届二中、三中全会", "党的十九届四中全会", 2019),
    (2020, "十九届四中全会", "党的十九届五中全会", 2020),
    (2021, "十九届三中、四中、五中全会", "党的十九届六中全会", 2021),
    (2022, "十九届四中、五中全会", "党的十九届六中全会", 2021),  # the seventh is never listed
])
def test_a_list_of_nineteenth_sessions_stopping_before_the_report_year_s(year, listed, current, held):
    [finding] = findings(f"深入学习贯彻党的十九大和{listed}精神。", "FZ518", year=year)
    assert f"{current}已于{held}年召开" in finding.message


@pytest.mark.parametrize(("year", "listed"), [
    (2021, "十九届五中、六中全会"),  # the sixth is the report year's
    (2019, "十九届四中全会"),
    (2023, "十九届六中全会"),  # the series ended: FZ513's outdated congress, not a missing session
    (2022, "二十届一中全会"),  # the 20th series in its first year, though the 19th held its seventh
    # the seventh session (October 2022) only readied the congress: a 2022 list rightly ends at the sixth
    (2022, "十九届五中、六中全会"),
])
def test_a_list_of_sessions_up_to_the_report_year_s_or_of_an_ended_series_is_left_alone(year, listed):
    congress = "二十大" if listed.startswith("二十") else "十九大"
    assert findings(f"深入学习贯彻党的{congress}和{listed}精神。", "FZ518", year=year) == []


# FZ507: the plan named as 法治（法制）宣传教育 of its period


@pytest.mark.parametrize("text", [
    "继续抓好“七五”法治宣传教育规划确定的各项任务。",
    "深入开展七五法制宣传教育，推动法律进企业。",
])
def test_an_ended_legal_education_plan_named_in_full_is_not_current(text):
    [finding] = findings(text, "FZ507", year=2022)
    assert "八五" in finding.fix.replacement


def test_an_ended_legal_education_plan_looked_back_at_is_left_alone():
    assert findings("在“七五”法治宣传教育规划圆满完成的基础上，开展“八五”法治宣传教育。", "FZ507", year=2022) == []


# FZ524: the year of a plan's first or last year (rule type plan_stage)


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年是实施“十四五”规划的开局之年。", "开局之年是2021年"),
    ("2023年是“十四五”时期收官之年。", "收官之年是2025年"),
    ("2027年既是“十五五”规划开局年，又是关键之年。", "开局之年是2026年"),
    ("2024年是“八五”普法规划收官之年。", "收官之年是2025年"),
])
def test_a_year_that_is_not_the_plan_s_first_or_last_is_reported(text, expected):
    [finding] = findings(text, "FZ524")
    assert expected in finding.message and finding.fix is None


@pytest.mark.parametrize("text", [
    "2021年是“十四五”开局之年，2022年是“十四五”承上启下的关键之年。",  # a look back, then no stage
    "2023年是全面贯彻党的二十大精神的开局之年，也是“十四五”规划实施的关键之年。",
    "2025年是“十四五”收官之年，也是“十五五”谋篇布局之年。",
    "2016年是“十三五”规划开局之年。",
    "二〇二二年是“十四五”规划开局之年。",  # a year in Chinese numerals is not read
])
def test_a_stage_in_its_own_year_or_another_stage_is_left_alone(text):
    assert findings(text, "FZ524") == []


# FZ525, FZ526: counts that grow a year at a time (rule type anniversary)


def test_last_year_s_constitution_day_in_the_review_is_reported_with_this_year_s_count():
    [finding] = findings("在第九个国家宪法日举办“宪法进万家”活动。", "FZ525", year=2023)
    assert finding.fix.replacement == "第十个国家宪法日" and "报告年度（2023年）" in finding.message


def test_the_plan_s_constitution_day_is_next_year_s():
    text = ("某县司法局2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n在第十个国家宪法日开展宣传。\n"
            "二、2024年推进法治政府建设的主要安排\n以第十个国家宪法日为契机开展宪法宣传。")
    [finding] = findings(text, "FZ525")
    assert finding.line == 5 and finding.fix.replacement == "第十一个国家宪法日"


@pytest.mark.parametrize("text", [
    "2022年12月4日第九个国家宪法日当天，开展宪法宣誓。",  # another year in the sentence
    "印发《关于开展第九个国家宪法日宣传活动的通知》存档备查。",  # a cited title
    "上年第九个国家宪法日活动经验在全县推广。",
    "在第十个国家宪法日期间开展宪法宣传。",
])
def test_a_constitution_day_of_another_year_spoken_of_as_such_is_left_alone(text):
    assert findings(text, "FZ525", year=2023) == []


@pytest.mark.parametrize(("text", "right"), [
    ("以优异成绩庆祝建党一百周年。", "建党一百零一周年"),
    ("迎接中国共产党成立100周年。", "中国共产党成立101周年"),
    ("纪念抗战胜利七十六周年。", "抗战胜利七十七周年"),
])
def test_an_anniversary_count_of_another_year_is_reported_with_the_year_s_count(text, right):
    [finding] = findings(text, "FZ526", year=2022)
    assert finding.fix.replacement == right


def test_an_anniversary_count_that_fits_the_year_is_left_alone():
    assert findings("纪念抗战胜利七十七周年，庆祝新中国成立73周年。", "FZ526", year=2022) == []


def test_an_anniversary_is_at_most_a_hint():
    [finding] = findings("以优异成绩庆祝建党100周年。", "FZ526", year=2022)
    assert finding.severity is Severity.INFO


@pytest.mark.parametrize("text", [
    "2021年，隆重庆祝建党100周年。",
    "学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话精神。",
    "巩固庆祝建党100周年系列活动成果。",
    "去年庆祝建党100周年的经验做法值得总结。",
])
def test_an_anniversary_of_another_year_spoken_of_as_such_is_left_alone(text):
    assert findings(text, "FZ526", year=2022) == []
