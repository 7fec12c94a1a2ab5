"""Term rules (rules/terms.yaml, FZ5xx): what they catch, with the fix they offer, and the correct
sentences of the seed drafts they must leave alone."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from checker.api import document_from_text, lint_text
from checker.engine.ruleset import load_rules
from checker.findings import FixSafety
from checker.rules import near_name, repetition


def findings(text: str, rule: str, **context):
    return [f for f in lint_text(text, select=[rule], **context) if f.rule == rule]


def only(text: str, rule: str, **context):
    found = findings(text, rule, **context)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


# FZ501 法制 → 法治


def test_legal_system_written_for_rule_of_law_in_publicity_education():
    finding = only("（1）将行政执法与法制宣传教育相结合。", "FZ501")
    assert (finding.line, finding.column, finding.end_column) == (1, 10, 14)
    assert "「法制宣传」应为「法治宣传」" in finding.message
    assert finding.fix.replacement == "法治宣传"
    assert finding.fix.safety is FixSafety.UNSAFE


@pytest.mark.parametrize("text", [
    "本市从1986年起组织实施第二个五年法制宣传教育规划。",
    "“四五”普法期间法制宣传教育走进千家万户。",
    "法制宣传教育第三个五年规划实施期间，全县建成普法阵地。",
    "2012年我县的法制宣传主要依靠宣传栏和广播。",
])
def test_the_legal_system_publicity_of_the_first_six_plans_is_their_name(text):
    assert findings(text, "FZ501") == []


@pytest.mark.parametrize("text", [
    "2016年以来开展法制宣传教育，覆盖全部村居。",
    "十三五期间法制宣传教育深入人心。",
    "回顾第六个五年规划，今后继续强化法治思维。本年度法制宣传活动覆盖全县。",
])
def test_legal_system_publicity_after_2015_or_outside_the_old_plan_s_clause_is_reported(text):
    assert [f.fix.replacement for f in findings(text, "FZ501")] == ["法治宣传"]


def test_every_legal_system_phrase_in_a_paragraph_is_reported():
    text = "在社区张贴法制宣传挂图，在内部刊物上开辟法制宣传专栏，增强法制宣传的影响面。"
    assert [f.column for f in findings(text, "FZ501")] == [6, 21, 30]


def test_legal_system_government_and_education():
    assert only("坚持把法制政府建设同单位党建工作同部署。", "FZ501").fix.replacement == "法治政府"
    assert only("加强领导干部法制教育。", "FZ501").fix.replacement == "法治教育"


@pytest.mark.parametrize(
    "text",
    [
        "在市、区法制部门的领导下，将我办的法治政府建设工作持续而深入地开展。",  # 001:22
        "对不适应经济社会发展的文件及时修改或废止，维护法制统一和政令畅通。",  # 003:8
        "二是确保决策合法。本着法制先行的原则，按要求聘请常年法律顾问。",  # 004:55
        "区委、区政府主要领导相继在《法治日报》发表署名文章。",  # 002:42
        "积极开展“法制课堂”活动。",  # 000:39, an activity's name in quotes
        "充分发挥法治宣传教育在全面依法治理中的基础性、先导性作用。",  # 001:3
        "落实行政规范性文件合法性审核制度，重大执法决定法制审核制度。",
    ],
)
def test_correct_uses_of_legal_system_are_not_reported(text):
    assert findings(text, "FZ501") == []


def test_legal_system_inside_a_document_title_is_quoted_as_written():
    assert findings("回顾《关于在公民中开展法制宣传教育的第六个五年规划》的实施情况。", "FZ501") == []
    assert findings("组织学习《关于加强法制宣传教育工作的意见》。", "FZ501") == []
    assert len(findings("组织学习关于加强法制宣传教育工作的意见。", "FZ501")) == 1


def test_exceptions_beside_the_rule_cancel_only_what_they_cover():
    assert findings("加强社会主义民主法制建设。", "FZ501") == []
    assert findings("由局法制宣传科负责。", "FZ501") == []
    assert len(findings("加强人防法制建设。", "FZ501")) == 1


# FZ502 权利 → 权力


def test_right_written_for_power_in_power_operation():
    finding = only("10. 加强行政行为监督，规范权利运行管理。", "FZ502")
    assert (finding.column, finding.end_column, finding.fix.replacement) == (16, 20, "权力运行")
    assert "「权利运行」应为「权力运行」" in finding.message


def test_right_written_for_power_in_lists_and_administrative_power():
    assert only("及时更新权利清单和办事指南。", "FZ502").fix.replacement == "权力清单"
    assert only("强化对行政权利的制约和监督。", "FZ502").fix.replacement == "行政权力"


@pytest.mark.parametrize(
    "text",
    [
        "（1）推进和完善权力清单制度。按照市、区相关部门的统一要求，对权力清单进行梳理。",  # 000:23
        "聘用律师顾问规范权力运行程序，实现了行政权力运行的全程监督。",  # 001:18
        "增强大众利用法律武器保护自己合法权益的意识，从侧面推进法治政府建设。",  # 004:73
        "三是强化制约监督，推进行政权力依法规范运行。",  # 003:25
        "严格根据“权力清单”和“责任清单”行使职权。",  # 004:69
        "依法保护公民合法权利，明确当事人的权利义务。",
        "编制并公布企业权利清单。",
        "更新资产权利清单和用户权利清单。",
    ],
)
def test_correct_uses_of_right_and_power_are_not_reported(text):
    assert findings(text, "FZ502") == []


# FZ503 截止 → 截至


def test_jiezhi_directly_before_a_date_is_a_safe_fix_to_jiezhi_until():
    text = "（3）规范行政检查权力的行使。截止12月31日，我局行政检查总量为499件。"
    finding = only(text, "FZ503")
    assert (finding.column, finding.end_column, finding.fix.replacement, finding.fix.safety) == (16, 18, "截至", FixSafety.SAFE)


@pytest.mark.parametrize("text", ["截止目前，已全部办结。", "截止2021年底，共受理101件。", "截止 12月31日，共受理101件。"])
def test_jiezhi_before_other_time_words(text):
    assert len(findings(text, "FZ503")) == 1


@pytest.mark.parametrize(
    "text", ["申报截止日期为3月1日。", "报名于12月31日截止。", "截止到2021年12月31日，共办理20件。", "截止时间另行通知。", "截至12月31日，共办理20件。"]
)
def test_jiezhi_in_its_own_sense_is_not_reported(text):
    assert findings(text, "FZ503") == []


# FZ527 截至 → 截止 (a time before it, a clause's end after it)


@pytest.mark.parametrize(
    ("text", "column"),
    [("材料报送于每月10日截至，逾期不予受理。", 11), ("网上申报（到11月30日截至）同步开放。", 13),
     ("年度考核到本年底截至。", 9), ("报名到9月5日17时截至", 11)],
)
def test_jiezhi_until_at_a_clause_end_after_a_time_is_a_safe_fix_to_jiezhi_stop(text, column):
    finding = only(text, "FZ527")
    assert (finding.column, finding.fix.replacement, finding.fix.safety) == (column, "截止", FixSafety.SAFE)


@pytest.mark.parametrize(
    "text",
    ["截至目前，整改已全部完成。", "数据统计截至2024年12月31日。", "截至前三季度，未发生败诉案件。",
     "申请受理于每月10日截止，逾期顺延。", "文中“截至”应与“截止”区分。", "截至，"],
)
def test_jiezhi_until_before_its_time_or_quoted_is_not_reported(text):
    assert findings(text, "FZ527") == []


# FZ504 错别字


def test_miswritten_words_get_the_dictionary_form():
    assert only("把法治建设做为重要工作来推动。", "FZ504").fix.replacement == "作为"
    assert only("按照总体布署推进。", "FZ504").fix.replacement == "部署"
    assert "「一如继往」是错别字，应为「一如既往」" in only("一如继往地推进。", "FZ504").message


@pytest.mark.parametrize(
    "text",
    [
        "自觉做尊法学法守法用法的模范，把推进法治人防工作作为重要工作来推动。",  # 001:26
        "这就叫做为人民服务。",
        "方案退回重做为宜。",
        "多做为群众办实事的好事。",
        "按照区委区政府总体部署，聚焦人民防空核心能力建设。",  # 001:33
    ],
)
def test_zuowei_look_alikes_are_not_reported(text):
    assert findings(text, "FZ504") == []


# FZ505 / FZ506 重复


def test_doubled_particle_is_reported_with_one_copy_as_fix():
    finding = only("提高了了依法行政能力。", "FZ505")
    assert (finding.column, finding.end_column, finding.fix.replacement) == (3, 5, "了")


@pytest.mark.parametrize(
    "text",
    [
        "为了了解群众诉求，开展走访调研。",
        "确保达到目的的手段合法。",
        "的的确确提高了效率。",
        "对群众诉求不能不了了之。",
        "旧系统已经用不了了。",
        "认真学习习近平法治思想，及时跟进学习习近平关于全面依法治国重要论述。",  # 001:10
        "办党组会、办公会会前学法4次。",  # 001:10
        "牢牢把握建设法治中国首善之区的目标要求。",  # 001:3
    ],
)
def test_two_words_that_meet_are_not_a_doubled_character(text):
    assert findings(text, "FZ505") == []


def test_doubled_word_is_reported_with_one_copy_as_fix():
    text = "利用人防工程宣教中心开设“防空防灾、法律知识知识大讲堂”。"
    finding = only(text, "FZ506")
    assert (finding.column, finding.end_column, finding.fix.replacement) == (21, 25, "知识")
    assert "「知识知识」重复" in finding.message


def test_long_doubled_phrase_is_one_finding():
    assert only("推进法治政府建设法治政府建设工作。", "FZ506").fix.replacement == "法治政府建设"


@pytest.mark.parametrize(
    "text",
    [
        "真正把《实施办法》所列职责一条一条履行好、落实好。",  # 000:48
        "二〇二〇年以来持续推进。",
        "这个问题要好好研究研究。",
        "紧紧围绕市区、镇级重点工作开展法治宣传。",  # 003:34
        "与群众生活息息相关的法规。",  # 003:16
    ],
)
def test_legitimate_reduplication_is_not_a_doubled_word(text):
    assert findings(text, "FZ506") == []


def test_a_list_of_tax_and_fee_relief_measures_is_no_doubled_word():
    assert findings("全年办理减税降费及退税缓税缓费共计3.2亿元。", "FZ506") == []


@pytest.mark.parametrize("text", ["要进一步进一步压实责任。", "年度税收税收收入稳步增长。", "缓税缓税政策惠及企业300户。"])
def test_doubled_words_beside_tax_words_are_still_reported(text):
    assert len(findings(text, "FZ506")) == 1


def test_doubled_character_before_a_phrase_is_still_reported():
    assert len(findings("现将有关情况报告如如下。", "FZ514")) == 1


def test_doubled_word_across_chunks_of_a_long_paragraph_is_found():
    text = "推进依法行政。" * 20_000 + "法律知识知识大讲堂。"
    assert only(text, "FZ506").column == 140_003


def test_every_doubled_piece_is_a_candidate_start(monkeypatch):
    """The bit-parallel prefilter of repetition: no place where a piece of 2..4 characters is said twice
    goes missing, across chunk edges and for characters whose code points share their low bits."""
    monkeypatch.setattr(repetition, "_CHUNK", 5)
    rng = random.Random(8)
    for _ in range(300):
        text = "".join(rng.choice("法治\u6c80a\n\U00020001\U00030001") for _ in range(rng.randint(0, 40)))
        doubled = {i for i in range(len(text)) for n in range(2, 5) if len(text) >= i + 2 * n and text[i : i + n] == text[i + n : i + 2 * n]}
        assert doubled <= set(repetition._doubling_starts(text, 2, 4)), text


@pytest.mark.parametrize("unit", ["[的了]", "[又在]", "[如也又已于并]"])
def test_a_plain_class_doubled_is_found_where_a_search_paragraph_by_paragraph_finds_it(unit):
    """The search of the whole view for a class of plain characters (str.find of each doubled character
    for a class of a few, the stdlib's regex for a longer one; runs of three and four, doublings at a
    paragraph's edges, other characters between) against the regex module's search of each paragraph,
    the reference."""
    doubled = repetition.compile_pattern(f"(?P<unit>{unit})(?P=unit)", "unit")
    fast = repetition._candidate_starts(unit, doubled)
    rng = random.Random(16)
    for _ in range(300):
        text = "".join(rng.choice(unit[1:-1] + "法\n") for _ in range(rng.randint(0, 30)))
        if not text.strip():
            continue  # an empty draft is refused at load
        document = document_from_text(text)
        spans = [[(p.index, m.span()) for p, m in repetition._doubled_units(document, doubled, starts)] for starts in (fast, None)]
        assert spans[0] == spans[1], text


# FZ507 普法规划期次


def test_finished_pufa_plan_written_as_current_needs_the_report_year():
    text = "2021年，深入实施“七五”普法规划，开展宪法宣传。"
    finding = only(text, "FZ507", year=2021)
    assert (finding.column, finding.end_column) == (11, 17)  # the plan's name with both its quotes
    assert "现行的是八五普法规划（2021—2025年）" in finding.message
    assert "已于2020年结束" in finding.message
    assert finding.fix.replacement == "“八五”普法"


def test_plan_named_by_its_full_title_is_checked_too():
    text = "贯彻落实关于开展法治宣传教育的第七个五年规划。"
    assert only(text, "FZ507", year=2022).fix.replacement == "法治宣传教育的第八个五年规划"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("落实“八五”普法计划，做好机关、事业人员宪法宣传。", 2021),  # 001:39
        ("印发实施“八五”普法规划,落实“谁执法谁普法”履职报告评议机制。", 2021),  # 002:34
        ("三是召开“八五”普法启动大会,部署安排“八五”法治宣传教育任务。", 2021),  # 003:16
        ("编制《东城区人防办关于开展法治宣传教育的第八个五年规划》（2021—2025年）。", 2021),  # 001:11
        ("七五普法顺利通过总结验收。", 2021),
        ("七五普法期间，累计开展宣传300余场。", 2021),
        ("深入实施“七五”普法规划。", 2019),
    ],
)
def test_current_plan_and_looking_back_are_not_reported(text, year):
    assert findings(text, "FZ507", year=year) == []


def test_plan_rule_waits_for_the_report_year():
    assert findings("深入实施“七五”普法规划。", "FZ507") == []


# FZ529 a 普法 plan not started yet


def test_next_pufa_plan_written_as_current_is_reported_against_the_current_one():
    finding = only("持续深化“九五”普法规划落实，推动法律进企业。", "FZ529", year=2023)
    assert "现行的是八五普法规划（2021—2025年）" in finding.message and "2026年才开始" in finding.message
    assert finding.fix.replacement == "“八五”普法"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("组织专家论证，着手编制“九五”普法规划。", 2025),  # preparing the next plan
        ("做好“八五”与“九五”普法的衔接。", 2025),
        ("持续深化“九五”普法规划落实，推动法律进企业。", 2026),  # current by then
        ("持续深化“八五”普法规划落实，推动法律进企业。", 2023),
    ],
)
def test_preparing_the_next_pufa_plan_or_the_current_one_is_not_reported(text, year):
    assert findings(text, "FZ529", year=year) == []


def test_next_years_plan_section_may_name_the_plan_starting_then():
    text = ("某县司法局2025年法治政府建设年度报告\n一、2025年推进法治政府建设的主要举措和成效\n正文。\n"
            "二、2026年推进法治政府建设的主要安排\n持续深化“九五”普法规划落实。")
    assert findings(text, "FZ529") == []


# FZ514 doubled function character, FZ515 repeated clause, FZ516 common typo (issue 16 class 6)

def test_a_doubled_function_character_is_flagged_where_two_words_meeting_cannot_explain_it():
    finding = only("全年办结复议案件12件，又又组织了2次培训。", "FZ514")
    assert (finding.fix.replacement, finding.fix.safety) == ("又", FixSafety.UNSAFE)


@pytest.mark.parametrize("text", ["例如如何加强执法监督。", "以及及时回应群众诉求。", "现在在岗执法人员56名。", "由于于是年调整机构。"])
def test_two_words_that_meet_on_the_same_character_are_not_a_doubling(text):
    assert findings(text, "FZ514") == []


def test_a_clause_written_twice_in_a_row_loses_its_second_copy():
    text = "严格规范公正文明执法，严格规范公正文明执法，全年无败诉案件。"
    finding = only(text, "FZ515")
    assert text[finding.column - 1 : finding.end_column - 1] == "，严格规范公正文明执法"
    assert finding.fix.replacement == ""


def test_every_repeat_of_a_draft_is_placed_on_its_own_line_and_columns():
    lines = ["抓落实，抓落实，加强组织领导工作，加强组织领导工作。", "完善制度建设体系；完善制度建设体系；推进依法行政。"]
    found = findings("\n".join(lines), "FZ515")
    assert [(f.line, lines[f.line - 1][f.column - 1 : f.end_column - 1]) for f in found] == [
        (1, "，加强组织领导工作"), (2, "；完善制度建设体系")]


@pytest.mark.parametrize("text", [
    "严格规范公正文明执法，全年无败诉案件。",
    "抓落实，抓落实，再抓落实。",  # a short chant, not a slip
    "一、严格规范公正文明执法\n严格规范公正文明执法，全年无败诉案件。",  # a heading and its first clause
    "全面推行清单管理，全面推行清单管理制度。",
])
def test_clauses_that_differ_short_ones_and_a_heading_with_its_body_are_not_repeats(text):
    assert findings(text, "FZ515") == []


@pytest.mark.parametrize("text", [
    "东城区园林绿化局\n东城区园林绿化局\n东城区园林绿化局",  # a run whose repeat would run past the end
    "规范执法程序，严格执法文书，规范执法程序",
    "，，，，，，，，",
])
def test_runs_near_the_end_of_a_draft_are_looked_for_within_it(text):
    assert findings(text, "FZ515") == []


def test_a_pair_of_clauses_said_three_times_loses_its_two_repeats():
    text = "规范执法程序，严格执法文书，规范执法程序，严格执法文书，规范执法程序，严格执法文书。"
    found = findings(text, "FZ515")
    assert [text[f.column - 1 : f.end_column - 1] for f in found] == ["，规范执法程序，严格执法文书"] * 2


def test_a_listed_typo_is_replaced_by_its_one_correct_form():
    finding = only("按照区委统一部暑，推进依法行政。", "FZ516")
    assert (finding.fix.replacement, finding.fix.safety) == ("部署", FixSafety.UNSAFE)


def test_a_misspelling_in_both_typo_lists_is_reported_once():
    """做为, 布署, 再接再励, 一如继往 were listed by FZ504 and FZ516 alike and reported twice."""
    text = "做为执法部门，我局一如继往落实区委布署，再接再励推进依法行政。"
    found = lint_text(text, select=["FZ504", "FZ516"])
    assert sorted((text[f.column - 1 : f.end_column - 1], f.rule) for f in found) == [
        ("一如继往", "FZ504"), ("做为", "FZ504"), ("再接再励", "FZ504"), ("布署", "FZ504")]


def test_no_word_is_swapped_by_two_substitution_rules():
    """A word in two lists is one slip reported twice (the typo lists FZ504 and FZ516 once overlapped)."""
    listed = defaultdict(list)
    for rule in load_rules():
        if rule.type == "substitution":
            for key in rule.options["swap"]:
                listed[key].append(rule.id)
    assert {key: ids for key, ids in listed.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("slip", ["规范姓文件", "规范型文件", "规范兴文件", "规范性文见", "规范性文建", "规范性文键"])
def test_guifanxing_wenjian_with_either_end_typed_by_its_sound(slip):
    text = f"全年清理{slip}12件。"
    finding = only(text, "FZ504")
    assert (text[finding.column - 1 : finding.end_column - 1], finding.fix.replacement) == (slip, "规范性文件")


@pytest.mark.parametrize("text", ["严格规范行文程序，规范性文件一律经合法性审核。", "统一规范性文本格式。"])
def test_guifan_xingwen_and_normative_texts_are_not_typos(text):
    assert findings(text, "FZ504") == []


def test_the_duty_of_the_first_responsible_person_with_its_characters_swapped():
    assert only("区长切实履行第一责任人责职。", "FZ508").fix.replacement == "第一责任人职责"
    assert findings("法制科负责职能范围内的审核工作。", "FZ508") == []


@pytest.mark.parametrize("slip", ["职则", "职泽", "职任", "只责", "直责"])
def test_the_duty_of_the_first_responsible_person_with_one_character_wrong(slip):
    finding = only(f"县长认真履行推进法治建设第一责任人{slip}，带头讲法治课。", "FZ508")
    assert finding.fix.replacement == "第一责任人职责"


@pytest.mark.parametrize("text", [
    "局长作为推进法治建设第一责任人负责全局工作，法治建设第一责任人履责情况纳入考核。",
    "明确法治政府建设第一责任人职能，开展法治建设第一责任人述职。",
    "切实扛起推进法治建设第一责任人之责，落实安全生产第一责任人职则。",
])
def test_a_word_after_the_first_responsible_person_or_another_field_s_duty_is_left_alone(text):
    assert findings(text, "FZ508") == []


def test_jinyibu_with_its_yibu_written_again_but_not_a_step_by_step():
    finding = only("持续进一步一步完善裁量基准。", "FZ506")
    assert (finding.column, finding.fix.replacement) == (4, "一步")
    for text in ("一步一步推进执法改革。", "更进一步一步一个脚印抓好落实。", "一条一条对照整改。"):
        assert findings(text, "FZ506") == [], text


def test_guanche_with_the_guan_of_habit_but_not_a_habit_thoroughly_dropped():
    assert only("全面惯彻实施民法典。", "FZ516").fix.replacement == "贯彻"
    assert findings("把推诿扯皮的坏习惯彻底改掉。", "FZ516") == []


def test_bixu_for_must_only_before_a_verb_of_duty():
    text = "执法人员必需严格执法，必需按照法定程序办理。"
    assert [f.fix.replacement for f in findings(text, "FZ516")] == ["必须", "必须"]
    for good in ("保障生活必需品供应。", "配备执法必需的装备。", "经费是履职所必需，加强保障。", "储备防汛必需物资。"):
        assert findings(good, "FZ516") == [], good


def test_ji_of_at_once_written_as_ji_of_both():
    text = "通知自既日起执行，新办法既将印发，发现隐患既刻整改。"
    assert [f.fix.replacement for f in findings(text, "FZ516")] == ["即日", "即将", "即刻"]


@pytest.mark.parametrize("text", [
    "既日常监督又专项督查。",
    "既将矛盾化解在基层，又将服务送到门口。",
    "执法人员既刻苦学习，也注重实践。",
    "既往不咎，既然立案就依法办结，既要严格又要公正，既是执法者也是普法者。",
])
def test_ji_of_both_before_a_word_or_its_second_half_is_left_alone(text):
    assert findings(text, "FZ516") == []


def test_power_for_right_after_a_doubled_de():
    finding = only("依法维护职工的的合法权力。", "FZ519")
    assert finding.fix.replacement == "职工的的合法权利"  # the doubled 的 is FZ505's to remove


def test_zhang_of_curtains_for_accounts_is_an_info_with_a_safe_fix():
    text = "建立执法问题台帐，资金对帐后报帐，清理帐目和帐户。"
    found = findings(text, "FZ528")
    assert [(f.fix.replacement, f.severity.value, f.fix.safety) for f in found] == [
        (r, "info", FixSafety.SAFE) for r in ("台账", "对账", "报账", "账目", "账户")]
    assert findings("为安置点配发帐篷、蚊帐，营帐帐幕统一收回。", "FZ528") == []


def test_zuochu_before_the_decisions_statutes_name():
    text = "全年做出行政处罚决定36件，做出了不予受理决定2件，做出重大行政决策4项。"
    found = findings(text, "FZ521")
    assert [(text[f.column - 1 : f.end_column - 1], f.fix.replacement, f.severity.value) for f in found] == [("做出", "作出", "warning")] * 3
    for good in ("为法治建设做出积极贡献。", "执法队伍做出表率，做出决定性贡献。", "全年作出行政处罚决定36件。"):
        assert findings(good, "FZ521") == [], good


def test_mingci_counted_after_training_is_an_info_but_a_ranking_is_not():
    finding = only("全年培训基层执法人员960名次。", "FZ523")
    assert (finding.fix.replacement, finding.severity.value) == ("人次", "info")
    for good in ("培训考核排名上升4名次。", "在全省比武中提升2名次。", "全年培训960人次。"):
        assert findings(good, "FZ523") == [], good


def test_anpai_is_reported_only_where_it_stands_for_anpai_arrangement():
    assert only("区政府对全年工作作出按排。", "FZ516").fix.replacement == "安排"
    assert findings("考核结果按排名通报，合理按排放量收费，工作按排期推进。", "FZ516") == []


# FZ520 a near miss of a thought's name (rule type near_name)


@pytest.mark.parametrize(("found", "name", "count"), [
    ("习近平新时代中国特色主义思想", "习近平新时代中国特色社会主义思想", 2),  # two dropped
    ("习近平治法思想", "习近平法治思想", 1),  # two neighbours swapped count once
    ("习近平法治思想", "习近平法治思想", 0),
    ("习近平经济思想", "习近平法治思想", 2),
])
def test_edits_count_dropped_added_changed_and_swapped_characters(found, name, count):
    assert near_name.edits(found, name, 3) == count


def test_edits_stop_counting_past_the_allowance():
    assert near_name.edits("习近平总书记关于党的建设的重要思想", "习近平法治思想", 1) == 2


def test_a_near_miss_is_reported_once_with_the_nearest_name_as_fix():
    finding = only("全面贯彻习近平新时代中国特色社会主义的思想。", "FZ520")
    assert (finding.fix.replacement, finding.fix.safety) == ("习近平新时代中国特色社会主义思想", FixSafety.UNSAFE)
    assert "相差1处" in finding.message


def test_a_span_never_runs_across_another_name_or_a_punctuation_mark():
    text = "学习习近平总书记重要讲话精神和习近平法治思想，以习近平新时代中国特色社会主义为指导思想。"
    assert findings(text, "FZ520") == []


def test_a_thought_name_slip_another_rule_reports_is_not_reported_again():
    found = lint_text("深入学习习近平法制思想和习近平总书记法治思想。", select=["FZ501", "FZ512", "FZ520"])
    assert sorted(f.rule for f in found) == ["FZ501", "FZ512"]


def test_fazhi_jigou_is_the_current_name_of_the_legal_affairs_bodies():
    """法治机构 is how central documents since the 2018 reform name them; 法治审核 stays a slip."""
    assert not [f for f in lint_text("加强各部门和市县政府法治机构建设，配齐司法所人员。") if f.rule == "FZ509"]
    assert [f.rule for f in lint_text("全面落实重大执法决定法治审核制度。") if f.rule == "FZ509"] == ["FZ509"]
