"""Copy-paste slips that depend on the report context (issue 16, classes 2 and 3): slogans and names in
any sentence position, self-references for every body kind, the own name shortened, years in every
section. Texts written for these tests."""

from __future__ import annotations

import pytest

from checker.api import lint_text

YONGCHUN = {"body": "永春县人民政府"}
TOWN = {"body": "桃城镇人民政府", "region": ["福建省", "泉州市", "永春县", "桃城镇"]}
STREET = {"body": "紫阳街道办事处", "region": ["浙江省", "杭州市", "上城区", "紫阳街道"]}
BUREAU = {"body": "永春县司法局"}


def _found(text: str, rule: str, **context) -> list:
    return [f for f in lint_text(text, select=[rule], **context) if f.rule == rule]


def test_a_sibling_county_in_a_slogan_mid_sentence_is_an_error_on_given_context():
    [finding] = _found("深化执法协作，为建设法治安溪提供坚强保障。", "FZ301", **YONGCHUN)
    assert finding.severity.value == "error" and "安溪" in finding.message


def test_a_slogan_followed_by_an_ordinary_word_is_no_place():
    assert not _found("坚持平安建设与法治建设同步推进，法治化营商环境持续优化。", "FZ301", **YONGCHUN)


def test_a_town_that_says_our_county_is_flagged_but_a_county_bureau_may():
    assert [f.excerpt for f in _found("我县司法所开展法律进村活动。", "FZ303", **TOWN)]
    assert not _found("我县司法所开展法律进村活动。", "FZ303", **BUREAU)


def test_a_street_office_says_our_street_not_our_district():
    [finding] = _found("我区各社区全部建立法律顾问制度。", "FZ303", **STREET)
    assert "我街道" in finding.message
    assert not _found("我街道各社区全部建立法律顾问制度。", "FZ303", **STREET)


def test_a_county_government_that_says_our_city_is_flagged():
    assert _found("我市持续深化行政执法体制改革。", "FZ303", **YONGCHUN)


def test_the_report_year_opening_a_plan_sentence_is_flagged_only_in_the_plan_section():
    text = ("2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n2023年，我县出台执法规范。\n"
            "二、2024年推进法治政府建设的主要安排\n2023年，我县将深化改革。\n2024年，我县将继续推进。")
    [finding] = _found(text, "FZ307")
    assert finding.line == 5 and finding.fix.replacement == "2024"


def test_the_report_year_after_a_list_marker_in_the_plan_is_flagged():
    # the plan's items numbered by hand or by Word: the year opens the item after its number
    text = ("2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n2023年，我县出台执法规范。\n"
            "二、2024年推进法治政府建设的主要安排\n（一）2023年，我县将深化改革。\n2. 2023年，我县将加强审查。\n"
            "（三）2024年，我县将继续推进。\n（四）巩固2023年以来的改革成果。\n（五）2023年以来的经验要总结推广。")
    findings = _found(text, "FZ307")
    assert [(f.line, f.column) for f in findings] == [(5, 4), (6, 4)]
    assert all(f.fix.replacement == "2024" for f in findings)


_PLAN_2023 = "2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n正文。\n二、2024年推进法治政府建设的主要安排\n"


def test_a_deadline_within_a_past_year_is_flagged_after_a_word_that_sets_it():
    text = _PLAN_2023 + "确保2023年内完成规范性文件清理，争取2023年内建成执法平台，力争2024年内全面推开。"
    findings = _found(text, "FZ312")
    assert [f.column for f in findings] == [3, 21]
    assert all(f.fix.replacement == "2024" for f in findings)


@pytest.mark.parametrize("plan", [
    "对2023年内作出的行政处罚决定开展案卷评查。",  # a span, not a deadline
    "原计划于2023年内已办结的事项逐项复核。",  # a past deadline spoken of as past
    "确保2024年内全面完成。",
])
def test_a_span_within_a_past_year_or_a_deadline_to_come_is_not_a_past_deadline(plan):
    assert _found(_PLAN_2023 + plan, "FZ312") == []


def test_the_report_year_before_a_subject_and_jiang_opens_a_plan_sentence_without_a_comma():
    text = _PLAN_2023 + "2023年区政府将重点抓好以下工作。\n（一）2023年我局将深化改革。"
    assert [(f.line, f.column) for f in _found(text, "FZ307")] == [(5, 1), (6, 4)]


@pytest.mark.parametrize("plan", [
    "2023年度法治政府建设考核将于一季度完成。",
    "2023年未完成的整改任务将逐项销号。",
    "2023年以来的经验将总结推广。",
    "2023年底前出台的文件将全面评估。",
    "2024年我县将深化改革。",
])
def test_a_plan_sentence_about_the_report_year_s_own_business_is_not_a_stale_opening(plan):
    assert _found(_PLAN_2023 + plan, "FZ307") == []


def test_the_report_year_after_a_comma_with_the_own_subject_and_a_plan_verb_is_flagged():
    text = _PLAN_2023 + ("围绕规范执法，2023年我局将修订裁量基准。\n对标先进地区，2023年永春县司法局计划新建调解室3个。\n"
                         "聚焦重点领域；2023年本县拟出台执法监督办法，2024年我局要持续跟进。")
    findings = _found(text, "FZ307", **BUREAU)
    assert [(f.line, f.column) for f in findings] == [(5, 8), (6, 8), (7, 8)]
    assert all(f.fix.replacement == "2024" for f in findings)


@pytest.mark.parametrize("plan", [
    "对照整改清单，2023年我局已将台账移交督查室。",  # 已: the year reviewed
    "按照工作部署，2023年我局完成清单修订后将动态调整。",
    "与上年相比，2023年全县共办理复议案件12件，将继续提升质量。",  # no own subject; 将 in the next clause
    "结合实际，2023年上级要求的事项全部落实。",
    "在总结经验的基础上，2023年我局重点工作要求已全部落实。",
])
def test_the_report_year_after_a_comma_reviewing_the_year_is_not_a_stale_plan(plan):
    assert _found(_PLAN_2023 + plan, "FZ307", **BUREAU) == []


def test_a_level_one_heading_naming_last_year_is_flagged_but_required_sections_are_left_to_fz104():
    text = ("2023年法治政府建设年度报告\n2023年，我县深入推进依法行政。\n一、2022年法治工作基本情况\n正文。\n"
            "二、2022年推进法治政府建设存在的不足和原因\n正文。\n\n永春县人民政府\n2024年3月1日")
    assert [f.line for f in _found(text, "FZ308")] == [3]
    assert [f.line for f in _found(text, "FZ104")] == [5]


def test_a_plan_made_this_year_with_last_years_number_is_flagged_but_a_citation_is_not():
    text = "2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n出台《某局2023年度依法行政工作要点》。对照《某局2023年度依法行政工作要点》查找差距。"
    [finding] = _found(text, "FZ309")
    assert finding.column < 10


def test_the_own_name_shortened_but_not_another_bureau_nor_the_usual_short_form():
    text = "永春县司法局持续推进依法行政。永春县司法所、永春县公安局配合开展执法。永春司法局组织培训。"
    assert not _found(text, "FZ310", **BUREAU)
    assert _found("永春人民政府高度重视。", "FZ310", **YONGCHUN)
    assert not _found("永春县政府高度重视。", "FZ310", **YONGCHUN)


@pytest.mark.parametrize(("body", "written", "expected"), [
    ("永春县园林绿化局", "永春县园林局", "永春县园林绿化局"),  # a word dropped: 绿化
    ("永春县农业农村局", "永春县农业局", "永春县农业农村局"),  # the name before the 2019 reform
    ("白沙县人力资源和社会保障局", "白沙县人力资源局", "白沙县人力资源和社会保障局"),
])
def test_an_own_name_missing_one_word_is_flagged_with_the_name_as_the_title_writes_it(body, written, expected):
    [finding] = _found(f"{written}全年办理案件52件。", "FZ310", body=body)
    assert finding.fix.replacement == expected


@pytest.mark.parametrize(("body", "written"), [
    ("永春县市场监督管理局", "永春县市场监管局"),
    ("永春县城市管理局", "永春县城管局"),
    ("白沙县人力资源和社会保障局", "白沙县人社局"),
    ("永春县住房和城乡建设局", "永春县住建局"),
    ("永春县文化和旅游局", "永春县文旅局"),
    ("永春县医疗保障局", "永春县医保局"),
])
def test_the_usual_short_form_that_keeps_a_character_of_each_word_is_not_flagged(body, written):
    # the 规范化简称 GB/T 9704 allows: characters taken from each word, not one word dropped
    assert not _found(f"{written}全年办理案件52件。", "FZ310", body=body)


# ---- FZ311 foreign-counterpart-as-subject ----

HUIAN = {"body": "惠安县市场监督管理局", "region": ["福建省", "泉州市", "惠安县"]}


@pytest.mark.parametrize("text", [
    "南安市市场监督管理局坚持把法治建设摆在突出位置。",
    "（二）规范执法。2023年，晋江市市场监督管理局全年立案查处违法案件318件。",
    "全年召开专题会议5次，石狮市市场监督管理局主要负责人带头讲法治课。",
])
def test_another_countys_bureau_of_the_same_kind_as_the_subject_is_flagged(text):
    [finding] = _found(text, "FZ311", **HUIAN)
    assert finding.severity.value == "warning" and "福建省泉州市" in finding.message


@pytest.mark.parametrize("text", [
    "惠安县市场监督管理局全年立案查处违法案件318件。",  # its own name
    "泉州市市场监督管理局对我局执法案卷进行了评查。",  # the bureau above it
    "与南安市市场监督管理局建立执法协作机制。",  # not the subject
    "南安市市场监督管理局、晋江市市场监督管理局等单位来我局交流。",  # several bodies, a visit
    "晋江市市场监督管理局来我局交流信用监管经验。",
    "赴外地学习，晋江市市场监督管理局介绍了智慧监管做法。",
    "对照《晋江市市场监督管理局行政裁量权基准》完善制度。",
    "南安市司法局高度重视法治政府建设。",  # another kind of body: not this rule's
])
def test_own_parent_partner_and_other_kinds_of_bodies_are_not_flagged(text):
    assert not _found(text, "FZ311", **HUIAN)


def test_another_bureau_leading_a_work_of_its_own_is_a_subject():
    text = "（三）完善制度。晋江市市场监督管理局牵头修订《食品抽检工作规程》，全年抽检食品1200批次。"
    [finding] = _found(text, "FZ311", **HUIAN)
    assert "「晋江市市场监督管理局」" in finding.message


@pytest.mark.parametrize("text", [
    "南安市市场监督管理局牵头组织跨区域稽查，惠安县市场监督管理局抽调执法人员8名。",  # its own name
    "晋江市市场监督管理局牵头建立区域协作机制，本局安排专人对接。",  # 本局
    "石狮市市场监督管理局牵头，会同周边县市开展打击传销专项行动。",  # 会同
    "南安市市场监督管理局牵头推进信用修复，各地市场监管部门协同配合。",  # 配合
])
def test_another_bureau_leading_where_the_sentence_has_the_body_or_a_partnership_is_not_flagged(text):
    assert not _found(text, "FZ311", **HUIAN)


def test_a_government_body_is_left_to_the_foreign_government_rule():
    assert not _found("南安市人民政府高度重视法治政府建设。", "FZ311", body="惠安县人民政府",
                      region=["福建省", "泉州市", "惠安县"])


HUIAN_TAX = {"body": "国家税务总局惠安县税务局", "region": ["福建省", "泉州市", "惠安县"]}


@pytest.mark.parametrize(("body", "text"), [
    ("国家税务总局惠安县税务局", "（二）优化服务。国家税务总局晋江市税务局推行跨区域涉税事项全程网办。"),
    ("国家税务总局惠安县税务局", "2023年，南安市税务局全年办结行政复议案件4件。"),  # the parent's name on one side
    ("惠安县税务局", "国家税务总局石狮市税务局主要负责人带头讲法治课。"),
])
def test_a_vertically_managed_bodys_counterpart_is_compared_without_the_parents_name(body, text):
    [finding] = _found(text, "FZ311", body=body, region=HUIAN_TAX["region"])
    assert "福建省泉州市" in finding.message


@pytest.mark.parametrize("text", [
    "国家税务总局惠安县税务局全年办结行政复议案件4件。",  # its own name
    "国家税务总局泉州市税务局对我局执法案卷开展评查。",  # the bureau above it
    "国家税务总局福建省税务局高度重视基层税务执法规范化。",  # and the province's
    "与国家税务总局南安市税务局建立跨县涉税协作机制。",  # not the subject
    "国家税务总局晋江市税务局牵头开展联合稽查，国家税务总局惠安县税务局派员参加。",  # the body takes part
])
def test_a_vertically_managed_bodys_parents_and_partners_are_not_flagged(text):
    assert not _found(text, "FZ311", **HUIAN_TAX)


# ---- autonomous places written short with their level (长阳县, 湘西州) ----

EXI = {"body": "恩施土家族苗族自治州市场监督管理局", "region": ["湖北省", "恩施土家族苗族自治州"]}


@pytest.mark.parametrize(("body", "opening"), [
    ("恩施土家族苗族自治州卫生健康委员会", "2022年，恩施州卫健委坚持依法行政。"),
    ("长阳土家族自治县卫生健康局", "2022年，长阳县卫健局坚持依法行政。"),
    ("长阳土家族自治县综合行政执法局", "2022年，长阳县综合执法局坚持依法行政。"),
])
def test_an_opening_naming_the_body_by_its_places_abbreviation_and_a_short_organ_is_the_body(body, opening):
    text = f"{body}2022年法治政府建设年度报告\n{opening}\n一、2022年推进法治政府建设的主要举措和成效\n正文。"
    assert not _found(text, "FZ306")
    assert not _found(text, "FZ310")


def test_an_opening_naming_another_autonomous_county_by_its_abbreviation_is_flagged():
    text = ("长阳土家族自治县卫生健康局2022年法治政府建设年度报告\n2022年，五峰县卫健局坚持依法行政。\n"
            "一、2022年推进法治政府建设的主要举措和成效\n正文。")
    [finding] = _found(text, "FZ306")
    assert "五峰县卫健局" in finding.message


@pytest.mark.parametrize(("text", "rule"), [
    ("在湘西州委、州政府的坚强领导下，全面推进依法行政。", "FZ302"),
    ("湘西州人民政府高度重视法治政府建设。", "FZ302"),
    ("2022年，长阳县市场监督管理局党组认真履行法治建设职责。", "FZ311"),
])
def test_another_autonomous_place_written_short_with_its_level_is_foreign(text, rule):
    assert _found(text, rule, **EXI)


@pytest.mark.parametrize("text", [
    "在恩施州委、州政府的坚强领导下，全面推进依法行政。",  # its own prefecture
    "与长阳县市场监督管理局签订执法协作协议。",  # a partner, not the subject
])
def test_the_own_autonomous_prefecture_and_a_partner_are_not_foreign(text):
    assert not _found(text, "FZ302", **EXI) and not _found(text, "FZ311", **EXI)


def test_a_word_of_the_organ_dropped_after_the_abbreviation_is_still_the_own_name_shortened():
    [finding] = _found("长阳县人力资源局全年受理投诉30件。", "FZ310", body="长阳土家族自治县人力资源和社会保障局")
    assert finding.fix.replacement == "长阳土家族自治县人力资源和社会保障局"  # the name as the title writes it


# ---- renamed places: a former full name names a body too, and messages give both names ----

LHUNZE = {"body": "隆子县人民政府", "region": ["西藏自治区", "山南市", "隆子县"]}
LHUNZE_JUSTICE = {"body": "隆子县司法局", "region": ["西藏自治区", "山南市", "隆子县"]}


def test_a_sibling_government_by_its_former_name_is_foreign_and_named_by_both_names():
    [finding] = _found("错那县人民政府聘请法律顾问2名，审查合同31份。", "FZ302", **LHUNZE)
    assert "错那县（今错那市）" in finding.message


def test_a_sibling_bureau_by_its_former_name_as_the_subject_is_flagged():
    [finding] = _found("（一）加强组织领导。错那县司法局高度重视法治政府建设。", "FZ311", **LHUNZE_JUSTICE)
    assert "错那县（今错那市）" in finding.message


def test_a_slogan_naming_a_renamed_place_gives_its_former_name_too():
    [finding] = _found("凝聚各方力量，共建法治错那。", "FZ301", **LHUNZE)
    assert "错那市（原错那县）" in finding.message


@pytest.mark.parametrize(("text", "context"), [
    ("孟津县人民政府高度重视法治政府建设。", {"body": "孟津区司法局", "region": ["河南省", "洛阳市", "孟津区"]}),  # its own
    ("与错那县人民政府签订边界联防协议，错那县司法局来我局交流。", LHUNZE_JUSTICE),  # partners
    ("山南市人民政府高度重视法治政府建设。", LHUNZE),  # the prefecture above
])
def test_the_own_place_by_its_former_name_and_partners_are_not_flagged(text, context):
    assert not _found(text, "FZ302", **context) and not _found(text, "FZ311", **context)


# ---- FZ319 own-place-peoples ----

BAOTING = {"body": "保亭黎族苗族自治县司法局", "region": ["海南省", "保亭黎族苗族自治县"]}
SANDU_TOWN = {"body": "三都水族自治县都江镇人民政府", "region": ["贵州省", "黔南布依族苗族自治州", "三都水族自治县", "都江镇"]}
FUNING = {"body": "富宁县司法局", "region": ["云南省", "文山壮族苗族自治州", "富宁县"]}


@pytest.mark.parametrize(("text", "context", "right"), [
    ("保亭黎族自治县司法局全年审查合同48份。", BAOTING, "保亭黎族苗族自治县"),  # a people dropped
    ("配合保亭苗族黎族自治县人民政府开展执法检查。", BAOTING, "保亭黎族苗族自治县"),  # the order turned
    ("在三都苗族自治县委、县政府的领导下，我镇扎实推进依法行政。", SANDU_TOWN, "三都水族自治县"),  # a people changed
    ("落实黔南布依族自治州的部署。", SANDU_TOWN, "黔南布依族苗族自治州"),  # the prefecture above
])
def test_a_home_place_written_with_other_peoples_is_flagged_with_its_name(text, context, right):
    [finding] = _found(text, "FZ319", **context)
    assert finding.fix.replacement == right and finding.severity.value == "warning"


@pytest.mark.parametrize(("text", "context"), [
    ("保亭黎族苗族自治县司法局、保亭县司法局全年审查合同48份。", BAOTING),  # the name and its abbreviation
    ("学习琼中黎族自治县的经验。", BAOTING),  # another place's stem: not this rule's
    ("三都水族自治县、三都水自治县", SANDU_TOWN),  # the same peoples, 族 aside
    ("慰问三都苗族乡亲和黔南苗族乡村教师。", SANDU_TOWN),  # 乡亲, 乡村: no township
    ("落实文山壮族苗族自治州部署。", FUNING),  # the prefecture's right name
])
def test_the_right_name_other_places_and_words_are_not_flagged(text, context):
    assert not _found(text, "FZ319", **context)


def test_a_township_of_a_people_is_checked_from_the_region():
    context = {"body": "察布查尔锡伯自治县米粮泉回族乡人民政府",
               "region": ["新疆维吾尔自治区", "伊犁哈萨克自治州", "察布查尔锡伯自治县", "米粮泉回族乡"]}
    [finding] = _found("2023年，米粮泉哈萨克族乡人民政府深入推进依法行政。", "FZ319", **context)
    assert "「米粮泉哈萨克族乡」" in finding.message and finding.fix.replacement == "米粮泉回族乡"


# ---- FZ316 foreign-level-word ----

BANNER_BUREAU = {"body": "乌审旗司法局", "region": ["内蒙古自治区", "鄂尔多斯市", "乌审旗"]}
CITY_DISTRICT = {"body": "洛阳市西工区人民政府", "region": ["河南省", "洛阳市", "西工区"]}


@pytest.mark.parametrize(("text", "context"), [
    ("在县委、县政府的正确领导下，我局扎实推进依法行政。", BANNER_BUREAU),
    ("全县各级执法部门全部完成案卷评查。", BANNER_BUREAU),
    ("县委办公室、县政府办公室联合印发实施方案。", BANNER_BUREAU),
    ("县直各部门主要负责人全部参加旁听庭审。", CITY_DISTRICT),
    ("召开全县依法行政工作会议。", CITY_DISTRICT),
    ("全旗开展行政执法案卷评查。", {"body": "沽源县人民政府", "region": ["河北省", "张家口市", "沽源县"]}),
    ("全市新增市场主体2300户。", {"body": "兴安盟行政公署", "region": ["内蒙古自治区", "兴安盟"]}),
    # 全州 alone is the level 州 (or another region's county by its short name), not a place suffix after it
    ("全州各级执法部门全面推行说理式执法。", {"body": "祁阳市司法局", "region": ["湖南省", "永州市", "祁阳市"]}),
])
def test_a_level_word_for_a_level_the_region_has_not_is_flagged(text, context):
    [finding] = _found(text, "FZ316", **context)
    assert finding.severity.value == "warning"


@pytest.mark.parametrize(("text", "context"), [
    # the body's own level and its parents' (市委 of a county is its prefecture city; 区 of 内蒙古 is 自治区)
    ("在市委、市政府和旗委、旗政府的领导下，全区、全市、全旗统筹推进，旗直部门全面落实。", BANNER_BUREAU),
    ("全市、全区各部门，区直单位，区委区政府。", CITY_DISTRICT),
    # a place named right before, several subordinate bodies, words that hold the characters
    ("学习孟州市委、市政府的做法，伊川县全县推开，督促各县委、县政府落实。", CITY_DISTRICT),
    ("健全市场监管体系，推进完全市场化配置，实现全区域、全县域覆盖。", BANNER_BUREAU),
    ("工业园区直属单位、社区直属机构全部纳入监管。", BANNER_BUREAU),
    # a renamed place's former level (孟津县 became 孟津区 in 2021)
    ("全县开展执法案卷评查，县直各部门全部参加。", {"body": "孟津县司法局", "region": ["河南省", "洛阳市", "孟津区"]}),
    # a county of the body's own area whose name is 全 + a level (全州县 in 桂林)
    ("推广全州经验，指导全州县开展示范创建。", {"body": "桂林市司法局", "region": ["广西壮族自治区", "桂林市"]}),
    # 全 + a level + a place suffix is a place's name, wherever it lies: 全州县 a county, 全州镇 a township
    ("会同全州县、灌阳县交通运输局开展湘桂边界联合治超。", {"body": "东安县交通运输局", "region": ["湖南省", "永州市", "东安县"]}),
    ("组织执法骨干赴全州镇学习综合执法经验。", {"body": "祁阳市司法局", "region": ["湖南省", "永州市", "祁阳市"]}),
    # a zone's committee speaks of its zone
    ("全区共审查规范性文件6件。", {"body": "洛阳高新技术产业开发区管理委员会", "region": ["河南省", "洛阳市"]}),
])
def test_the_own_and_parent_levels_named_places_and_words_are_not_flagged(text, context):
    assert not _found(text, "FZ316", **context)


def test_a_level_word_is_not_checked_without_a_region_and_the_notice_says_so():
    text = "在县委、县政府的正确领导下推进依法行政。"
    assert not _found(text, "FZ316", body="某某局")
    (notice,) = lint_text(text, body="某某局", select=["FZ316", "FZ003"])
    assert notice.rule == "FZ003" and "FZ316" in notice.message


@pytest.mark.parametrize(("body", "written"), [
    ("乌审旗市场监督管理局", "乌审市场监督管理局"),  # reads as 乌审市
    ("永春县市场监督管理局", "永春市场监督管理局"),
    ("北京市东城区市政市容管理委员会", "东城市政市容管理委员会"),
])
def test_a_short_place_read_with_the_organ_as_another_level_is_the_own_name_shortened(body, written):
    [finding] = _found(f"{written}全年办结案件52件。", "FZ310", body=body)
    assert finding.fix.replacement == body.removeprefix("北京市")


@pytest.mark.parametrize(("body", "text"), [
    ("永春县司法局", "永春司法局全年办结案件52件。"),  # the usual short place before another organ
    ("本溪满族自治县市场监督管理局", "配合本溪市场监督管理局开展检查。"),  # 本溪 is also 本溪市
    ("乌审旗市场监督管理局", "乌审旗市场监管局、乌审旗市场监督管理局全年办结案件52件。"),
])
def test_a_short_place_before_another_organ_or_naming_another_place_too_is_not_flagged(body, text):
    assert not _found(text, "FZ310", body=body)


# ---- FZ318 other-body-in-duty-section ----

def _duty_report(body: str, duty: str, plan: str = "正文。") -> str:
    return (f"{body}2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n正文。\n"
            f"二、2023年党政主要负责人履行推进法治建设第一责任人职责情况\n{duty}\n"
            f"三、2024年推进法治政府建设的主要安排\n{plan}")


WEIJIAN = {"body": "五峰土家族自治县卫生健康局", "region": ["湖北省", "宜昌市", "五峰土家族自治县"]}


@pytest.mark.parametrize("duty", [
    "县交通运输局党组书记、局长认真履行推进法治建设第一责任人职责。",
    "（一）以上率先。五峰县交通运输局主要负责人切实履行第一责任人职责。",
    "全年召开专题会议4次，县医疗保障局局长带头履行述法职责。",
])
def test_another_body_of_the_same_level_as_the_subject_of_the_duty_section_is_flagged(duty):
    [finding] = _found(_duty_report(WEIJIAN["body"], duty), "FZ318", **WEIJIAN)
    assert finding.line == 5 and finding.severity.value == "info"


@pytest.mark.parametrize(("duty", "plan"), [
    ("县卫健局党组书记、局长认真履行第一责任人职责。", "正文。"),  # its own organ, written short
    ("县卫生健康局党组书记认真履行职责，配合县交通运输局局长履行联合执法职责。", "正文。"),  # not the subject
    ("宜昌市交通运输局党组书记履行职责的做法值得借鉴。", "正文。"),  # another level
    ("县委书记、县委依法治县办主任专题听取汇报，局党组书记认真履行职责。", "正文。"),  # party organs
    ("局党组书记认真履行职责。", "县交通运输局党组书记、局长履行联合检查职责。"),  # another section
])
def test_the_own_body_other_positions_levels_party_organs_and_sections_are_not_flagged(duty, plan):
    assert not _found(_duty_report(WEIJIAN["body"], duty, plan), "FZ318", **WEIJIAN)


def test_a_governments_duty_section_may_name_its_departments_heads():
    body = {"body": "五峰土家族自治县人民政府", "region": ["湖北省", "宜昌市", "五峰土家族自治县"]}
    assert not _found(_duty_report(body["body"], "县司法局主要负责人认真履行职责。"), "FZ318", **body)


_REVIEW_2024 = "2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n"


def test_work_of_the_report_year_put_into_last_year_s_plan_is_flagged_at_info():
    text = _REVIEW_2024 + "把规范性文件备案审查纳入2023年度工作要点。\n行政复议规范化建设列入2023年度法治建设目标任务。"
    findings = _found(text, "FZ321")
    assert [(f.line, f.severity.value, f.fix.replacement) for f in findings] == [(3, "info", "2024"), (4, "info", "2024")]


@pytest.mark.parametrize("paragraph", [
    "把规范性文件备案审查纳入2024年度工作要点。",
    "两部规章列入2025年度政府立法计划。",
    "依法行政工作纳入2023年度绩效考核目标。",  # last year's assessment is held in the report year
    "法治建设纳入2023年度目标管理考核。",
    "相关任务纳入《2023年度法治政府建设工作要点》一并督办。",  # a title cited
    "列入2021—2025年专项规划的项目全部开工。",
    "二、2025年推进法治政府建设的主要安排\n将执法监督纳入2023年度计划。",  # not a review section
])
def test_plans_of_the_report_year_assessments_and_titles_are_not_a_stale_plan_year(paragraph):
    assert _found(_REVIEW_2024 + paragraph, "FZ321") == []
