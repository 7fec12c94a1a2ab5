"""Copy-paste slips: foreign places, self-references that do not fit the body, years left from last year."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import lint_text
from checker.engine.batch import Options, check_file

SEEDS = Path(__file__).parent.parent / "seeds"
DONGCHENG = {"body": "东城区园林绿化局"}
RENFANG = {"body": "东城区人防办"}
XIHONGMEN = {"body": "西红门镇人民政府", "region": ["北京市", "大兴区", "西红门镇"]}


def _seed_findings(prefix: str, rules: tuple[str, ...]) -> list:
    seed = next(SEEDS.glob(f"{prefix}_*.txt"))
    return [f for f in check_file(str(seed), Options(no_config=True)).findings if f.rule in rules]


def _found(text: str, rule: str, **context) -> list:
    return [f for f in lint_text(text, select=[rule], **context) if f.rule == rule]


# ---- FZ301 foreign-place-slogan / FZ302 foreign-government-body ----

def test_foreign_slogan_flagged_twice_in_seed_000():
    findings = _seed_findings("000", ("FZ301",))
    assert [(f.line, f.column, f.end_column) for f in findings] == [(48, 127, 131), (48, 258, 262)]
    assert "“阆中”（四川省南充市阆中市）" in findings[0].message
    assert "北京市东城区" in findings[0].message


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_no_foreign_places_in_the_other_seeds(prefix):
    # traps there: 东城区人防办, 延庆区 in 延庆's own report, 首都之窗, 文明城区, 和政府/和政协 (和政县),
    # 资源保护科 (资源县), 中华人民共和国 (共和县), 《大兴区人民政府…办法》 in a 大兴区 town's report
    assert _seed_findings(prefix, ("FZ301", "FZ302")) == []


def test_home_region_its_parent_and_the_nation_are_not_foreign():
    text = "法治东城、法治北京、法治中国一体建设，共建平安北京。"
    assert _found(text, "FZ301", **DONGCHENG) == []


def test_neighbouring_district_in_a_slogan_is_flagged():
    [finding] = _found("全力推进平安朝阳建设。", "FZ301", **DONGCHENG)
    assert finding.column == 5
    assert "北京市朝阳区" in finding.message


def test_name_shared_with_a_home_place_is_not_flagged():
    # 朝阳 is also a city in 辽宁: the 北京 朝阳区 reading is the home one
    assert _found("全力推进平安朝阳建设。", "FZ301", body="朝阳区司法局", region=["北京市", "朝阳区"]) == []


@pytest.mark.parametrize(("text", "body", "region"), [
    # a province or city called by its other name, which a district elsewhere also bears
    ("助力平安中原建设，为建设法治郑州贡献力量。", "金水区城市管理局", ["河南省", "郑州市", "金水区"]),
    ("奋力谱写法治中原建设新篇章。", "洛龙区司法局", ["河南省", "洛阳市", "洛龙区"]),
    ("推进平安龙江建设。", "道里区司法局", ["黑龙江省", "哈尔滨市", "道里区"]),
    ("打造法治榕城品牌。", "鼓楼区司法局", ["福建省", "福州市", "鼓楼区"]),
    ("共建法治姑苏。", "吴中区司法局", ["江苏省", "苏州市", "吴中区"]),
    ("守护平安古城。", "平遥县司法局", ["山西省", "晋中市", "平遥县"]),
])
def test_a_place_called_by_its_other_name_is_home(text, body, region):
    assert _found(text, "FZ301", body=body, region=region) == []


def test_an_other_name_for_an_unknown_place_is_refused_when_the_rule_is_compiled():
    from checker.rules import foreign_place

    options = {"before": "法治", "after": "", "unless_before": "", "names": "all", "reach": "chain",
               "not_places": [], "nicknames": {"中原": "中州省"}}
    with pytest.raises(ValueError, match="「中州省」不在地名表中"):
        foreign_place.compile(options)


def test_another_provinces_other_name_is_still_foreign():
    [finding] = _found("助力平安中原建设。", "FZ301", body="历下区司法局", region=["山东省", "济南市", "历下区"])
    assert "河南省" in finding.message


def test_place_inside_a_book_title_is_a_citation_not_a_slip():
    assert _found("学习借鉴《法治阆中建设规划》。", "FZ301", **DONGCHENG) == []


YONGCHUN = {"body": "永春县司法局"}


@pytest.mark.parametrize("text", [
    "对照法治南安工作经验，梳理本县执法短板。",
    "全体干部对标平安惠安建设的先进经验。",
    "参照“法治石狮”做法，修订复议办理规程。",
    "学习借鉴美丽德化创建的好经验好做法。",
    "对标对表法治南安的经验，补齐工作短板。",
])
def test_learning_from_another_places_slogan_is_no_slip(text):
    assert _found(text, "FZ301", **YONGCHUN) == []


@pytest.mark.parametrize("text", [
    "对标法治南安建设要求，细化年度任务。",      # the learning word alone: the slogan is the goal
    "全面总结平安惠安建设经验，形成长效机制。",  # the experience alone: the body's own
    "学习贯彻法治石狮建设经验交流会精神。",      # 学习贯彻 is no learning from elsewhere
    "为建设法治南安积累了经验。",
])
def test_another_places_slogan_as_the_bodys_own_is_still_flagged(text):
    assert len(_found(text, "FZ301", **YONGCHUN)) == 1


@pytest.mark.parametrize("dot", ["·", "•", "‧", "．", "・", " "])
def test_a_themed_slogan_ends_the_place_at_its_dot(dot):
    [finding] = _found(f"举办“法治惠安{dot}诚信经营”主题宣传周。", "FZ301", **YONGCHUN)
    assert "泉州市惠安县" in finding.message
    assert _found(f"举办“法治永春{dot}诚信经营”主题宣传周。", "FZ301", **YONGCHUN) == []


def test_a_report_outside_beijing_may_name_its_province_and_nation():
    text = "全面落实中央《法治中国建设规划(2020—2025)》、省委《法治浙江建设规划(2021—2025)》的要求，建设法治浙江、平安台州。"
    assert _found(text, "FZ301", body="台州市路桥区人民政府") == []


def test_a_sibling_district_of_the_same_city_is_flagged_outside_beijing_too():
    [finding] = _found("法治椒江建设继续保持良好态势。", "FZ301", body="台州市路桥区人民政府")
    assert "浙江省台州市椒江区" in finding.message and "浙江省台州市路桥区" in finding.message


def test_common_words_that_are_district_names_are_not_places_in_slogans():
    assert _found("聚焦文明城区建设，巩固文明城区创建成果。", "FZ301", body="北京市延庆区人民政府") == []


def test_slogan_needs_a_word_boundary_after_the_place():
    assert _found("法治和平安宁的社会环境。", "FZ301", **DONGCHENG) == []


def test_another_districts_party_committee_is_flagged():
    [finding] = _found("在西城区委、区政府的正确领导下，我局扎实推进依法行政。", "FZ302", **DONGCHENG)
    assert (finding.column, finding.end_column) == (2, 6)
    assert finding.severity.value == "warning"


def test_cooperation_and_study_visits_are_excused():
    text = "与朝阳区人民政府签订执法协作协议。赴浙江省杭州市政府学习数字政府建设经验。"
    assert _found(text, "FZ302", **DONGCHENG) == []


def test_entrusted_by_is_not_a_party_committee():
    assert _found("受西城区委托开展评估。", "FZ302", **DONGCHENG) == []


def test_town_report_may_name_its_own_district_government():
    text = "认真贯彻落实《大兴区人民政府行政规范性文件制定办法》，落实大兴区人民政府的部署。"
    assert _found(text, "FZ302", **XIHONGMEN) == []


# ---- FZ303 self-reference-mismatch ----

def test_self_references_in_the_seeds_fit_their_bodies():
    # 001 我办 ×3 and 我区 (东城区) for 东城区人防办; 000 and 004 我局; 003 我镇 and 本镇
    for prefix in ("000", "001", "002", "003", "004"):
        assert _seed_findings(prefix, ("FZ303",)) == []


def test_bureau_self_reference_in_an_office_report_is_fixed_to_the_office():
    [finding] = _found("截止12月31日，我局行政检查总量为499件。", "FZ303", **RENFANG)
    assert (finding.column, finding.end_column) == (10, 12)
    assert "应为「我办」" in finding.message
    assert finding.fix.replacement == "我办"
    assert finding.fix.safety.value == "unsafe"


def test_this_bureau_becomes_this_office():
    [finding] = _found("本局制定了年度普法计划。", "FZ303", **RENFANG)
    assert finding.fix.replacement == "本办"


def test_county_self_reference_in_a_district_report_is_flagged_without_a_fix():
    # a government speaks of itself at its own level only: 我区, not 我市 (the city above it)
    [finding] = _found("我县法治政府建设取得新进展。", "FZ303", body="北京市延庆区人民政府")
    assert "应为「我区」" in finding.message
    assert finding.fix is None


def test_a_town_government_calls_itself_our_town():
    [finding] = _found("我局严格落实依法行政要求。", "FZ303", **XIHONGMEN)
    assert finding.fix.replacement == "我镇"


TOWN = "朝阳镇人民政府"  # a town's name many counties have: its region cannot be inferred
JOINT_TOWN = "中共朝阳镇委员会 朝阳镇人民政府"


@pytest.mark.parametrize("body", [TOWN, JOINT_TOWN, "中共朝阳镇委员会"])
def test_a_town_says_our_county_of_itself_without_a_known_region(body):
    # the body's own name says it is a town: no region is needed to know "我县" is not its own
    [finding] = _found("我县全年召开依法行政专题会议4次。", "FZ303", body=body)
    assert "应为「我镇」" in finding.message


def test_a_street_office_says_our_district_of_itself():
    [finding] = _found("我区持续推进街道综合执法改革。", "FZ303", body="朝阳街道办事处")
    assert "应为「我街道」" in finding.message


@pytest.mark.parametrize("body", [TOWN, JOINT_TOWN])
def test_a_town_calls_itself_our_town_even_when_the_given_region_stops_at_its_county(body):
    region = ["浙江省", "嘉兴市", "海盐县"]
    assert _found("本镇全年开展法治宣传12场，我镇法律顾问实现全覆盖。", "FZ303", body=body, region=region) == []


def test_a_town_party_committee_may_say_our_committee_and_our_town():
    assert _found("我委研究部署法治建设，我镇全面落实。", "FZ303", body="中共朝阳镇委员会") == []


def test_a_county_department_without_a_known_region_names_no_level_of_itself():
    # 我县/我市 may both be right for a department: without its region nothing is checked
    assert _found("我县行政执法队伍建设稳步推进，落实我市部署。", "FZ303", body="某县司法局") == []


def test_department_may_name_its_district_and_city():
    assert _found("及时消除我区地下人防安全隐患，落实我市部署。", "FZ303", **RENFANG) == []


def test_words_containing_self_reference_characters_are_not_self_references():
    text = "克服自我中心的作风，提升自我规范能力。本办法自发布之日起施行。基本局面稳定。"
    assert _found(text, "FZ303", **RENFANG) == []


def test_body_of_unknown_kind_has_its_organisational_self_references_unchecked():
    assert _found("我局、我办共同推进。", "FZ303", body="东城区司法所", region=["北京市", "东城区"]) == []


# ---- FZ304 report-year-phrase / FZ305 opening-year ----

REPORT_2021 = "东城区园林绿化局\n\n2021年法治政府建设年度情况报告\n\n"


def test_report_phrase_with_last_years_date_is_flagged_and_fixed():
    [finding] = _found(REPORT_2021 + "现将2020年法治政府建设情况报告如下。", "FZ304")
    assert (finding.line, finding.column, finding.end_column) == (5, 3, 7)
    assert finding.fix.replacement == "2021"


def test_report_phrase_inside_a_book_title_is_a_citation():
    assert _found(REPORT_2021 + "对照《2020年法治政府建设年度报告》查找差距。", "FZ304") == []


@pytest.mark.parametrize("sentence", [
    "局党组会议审议通过2020年度法治政府建设情况报告，并按期在门户网站向社会公开。",
    "2020年法治政府建设年度报告已于2021年3月25日报送市委依法治市办。",
])
def test_last_years_report_published_in_the_report_year_is_named_rightly(sentence):
    assert _found(REPORT_2021 + sentence, "FZ304") == []


@pytest.mark.parametrize("sentence", [
    "现将2020年法治政府建设工作情况报告如下，请审阅。",  # no publishing in the sentence: the report's own phrase
    "2021年3月完成机构调整。现将2020年法治政府建设情况报告如下。",  # the date is another sentence's
])
def test_stale_report_phrase_without_publishing_of_last_years_report_is_flagged(sentence):
    assert len(_found(REPORT_2021 + sentence, "FZ304")) == 1


@pytest.mark.parametrize("sentence", [
    "对照本局2020年度法治政府建设报告梳理出的问题，建立台账限期整改。",
    "针对2020年法治政府建设情况报告中存在的薄弱环节，完善制度3项。",
    "按照2020年法治政府建设年度报告提出的工作安排，逐项抓好落实。",
])
def test_last_years_report_looked_back_on_is_named_rightly(sentence):
    assert _found(REPORT_2021 + sentence, "FZ304") == []


@pytest.mark.parametrize("sentence", [
    "按照区委要求，现将2020年法治政府建设情况报告如下。",  # the look-back verb is another clause's
    "根据工作安排现将2020年法治政府建设工作报告如下，以便抓好落实。",
])
def test_report_phrase_after_a_look_back_verb_in_another_clause_is_flagged(sentence):
    assert len(_found(REPORT_2021 + sentence, "FZ304")) == 1


def test_opening_sentence_with_last_year_is_flagged():
    text = REPORT_2021 + "2020年，我局深入推进依法行政。\n一、2021年推进法治政府建设的主要举措和成效\n正文。"
    [finding] = _found(text, "FZ305")
    assert (finding.line, finding.column) == (5, 1)
    assert "2020年" in finding.message and "2021" in finding.message
    assert finding.fix.replacement == "2021"


@pytest.mark.parametrize("opening", ["2016年以来，我局持续推进依法行政。", "2019年底，我局完成机构改革。", "2021—2025年是八五普法时期。"])
def test_historical_years_in_the_opening_are_not_slips(opening):
    text = REPORT_2021 + opening + "\n一、2021年推进法治政府建设的主要举措和成效\n正文。"
    assert _found(text, "FZ305") == []


def test_years_after_the_first_section_are_not_the_opening():
    text = REPORT_2021 + "一、2021年推进法治政府建设的主要举措和成效\n2020年，我局出台了执法规范。"
    assert _found(text, "FZ305") == []


# ---- FZ320 review-paragraph-year ----

REVIEW_2024 = "某区司法局2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n"


@pytest.mark.parametrize("paragraph", [
    "2023年，我局深入开展行政执法案卷评查，评查案卷80卷。",
    "（二）2023年，本局健全合法性审查机制。",  # from the item's number on
    "2023年，某区司法局修订完善重大行政决策程序规定。",  # the body by name
])
def test_a_review_paragraph_opening_with_last_year_and_the_reports_subject(paragraph):
    [finding] = _found(REVIEW_2024 + paragraph, "FZ320", body="某区司法局")
    assert finding.fix.replacement == "2024"


@pytest.mark.parametrize("paragraph", [
    "2023年，我局办结复议案件12件，2024年办结15件。",  # compared with the report year
    "2023年，我局被评为全市普法先进单位后，同比各项指标继续提升。",
    "2021年，我局成立法治工作领导小组。",  # further back: the unit's history
    "2023年，省政府出台规范性文件管理办法。",  # not the report's subject
    "2023年底，我局完成执法证件换发。",
])
def test_review_paragraphs_about_last_year_as_such_are_left_alone(paragraph):
    assert _found(REVIEW_2024 + paragraph, "FZ320", body="某区司法局") == []


def test_no_year_slips_in_the_seeds():
    # traps: 002 "在2019年组建……的基础上,2021年重新聘任", "2021年度全市执法案卷评查"; 001 "（2021—2025年）";
    # 004 《东城区2021年推进法治政府建设工作要点》; 003 takes its year from its own first sentence
    for prefix in ("000", "001", "002", "003", "004"):
        assert _seed_findings(prefix, ("FZ304", "FZ305")) == []


# ---- FZ306 opening-body-mismatch ----

def _report(body_line: str, opening: str) -> str:
    return f"{body_line}\n\n2021年法治政府建设年度情况报告\n\n{opening}\n\n一、2021年推进法治政府建设的主要举措和成效\n正文。"


def test_opening_names_another_bureau_of_the_district():
    [finding] = _found(_report("东城区园林绿化局", "2021年东城区水务局为落实工作要求，深入推进依法行政。"), "FZ306")
    assert (finding.line, finding.column, finding.end_column) == (5, 6, 12)
    assert "“东城区水务局”" in finding.message
    assert finding.fix.replacement == "东城区园林绿化局"


def test_opening_names_the_same_bureau_in_another_district():
    [finding] = _found(_report("东城区园林绿化局", "2021年，西城区园林绿化局深入推进依法行政。"), "FZ306")
    assert "“西城区园林绿化局”" in finding.message


def test_addressee_line_is_not_the_reporting_body():
    text = "2021年法治政府建设工作情况的报告\n重庆市委、市政府:\n现将我局2021年法治政府建设有关情况报告如下。\n一、主要举措和成效\n正文。"
    assert _found(text, "FZ306", body="重庆市乡村振兴局") == []


@pytest.mark.parametrize("opening", [
    "2021年东城区园林绿化局为落实工作要求。",
    "2021年，东城区园林局深入推进依法行政。",
    "北京市东城区园林绿化局深入推进依法行政。",
    "2021年，我局认真贯彻落实区委区政府部署。",
])
def test_the_body_itself_its_short_name_and_self_references_fit(opening):
    assert _found(_report("东城区园林绿化局", opening), "FZ306") == []


def test_abbreviated_office_name_fits_the_full_one():
    assert _found(_report("东城区人民防空办公室", "2021年，东城区人防办深入推进依法行政。"), "FZ306") == []


def test_subject_followed_by_a_verb_is_a_place_not_a_body():
    text = "北京市延庆区人民政府2021年法治政府建设年度情况报告\n\n2021年,延庆区深入推进法治政府建设，现报告如下:\n\n一、主要举措和成效\n正文。"
    assert _found(text, "FZ306") == []


@pytest.mark.parametrize(("body_line", "opening"), [
    ("中共朝阳镇委员会 朝阳镇人民政府", "2022年，朝阳镇在县委、县政府的坚强领导下，扎实推进依法行政。"),
    ("朝阳镇人民政府", "2022年，朝阳镇在县委的领导下，全面推进法治政府建设。"),
    ("东城区园林绿化局", "2021年，东城区园林绿化局在区委区政府的领导下推进依法行政。"),
    ("东城区园林绿化局", "2021年，东城区以习近平法治思想为指导，推进依法行政。"),
    ("东城区园林绿化局", "2021年东城区园林绿化局将法治建设纳入全局工作。"),
])
def test_a_place_followed_by_a_preposition_is_the_subject_not_a_body_name(body_line, opening):
    # "朝阳镇在县委" is no body: the name stops where the predicate starts (在, 以, 将, 把, 于)
    assert _found(_report(body_line, opening), "FZ306") == []


def test_a_body_name_after_the_place_is_still_compared_when_a_preposition_follows():
    [finding] = _found(_report("东城区园林绿化局", "2021年，东城区水务局在区委区政府的领导下推进依法行政。"), "FZ306")
    assert "“东城区水务局”" in finding.message


def test_no_body_mismatch_in_the_seeds():
    # 000 opens with its own name; 003 has no title, its body comes from that very sentence
    for prefix in ("000", "001", "002", "003", "004"):
        assert _seed_findings(prefix, ("FZ306",)) == []


# ---- FZ313 signature-date-year ----

_REPORT = ("青田县司法局2025年度法治政府建设年度报告\n2025年，我局深入推进依法行政。\n"
           "一、2025年推进法治政府建设的主要举措和成效\n正文。\n二、2026年推进法治政府建设的主要安排\n正文。\n")


def test_last_years_signature_date_is_found_with_the_year_inferred():
    # no --year: the title, the opening and the headings say 2025; the date was left from last year's report
    (finding,) = _found(_REPORT + "青田县司法局\n2025年1月20日", "FZ313")
    assert (finding.line, finding.column, finding.end_column) == (8, 1, 11)
    assert "2025年1月20日" in finding.message and finding.fix is None


@pytest.mark.parametrize("date", ["2026年7月1日", "2026年12月20日", "二〇二七年三月一日"])
def test_a_signature_in_the_second_half_of_the_next_year_or_later_is_too_late(date):
    assert len(_found(_REPORT + "青田县司法局\n" + date, "FZ313")) == 1


@pytest.mark.parametrize("date", ["2026年1月20日", "2025年12月31日", "二〇二六年一月八日", "2026年4月28日", "2026年6月30日"])
def test_a_signature_dated_at_or_after_the_years_end_passes(date):
    assert _found(_REPORT + "青田县司法局\n" + date, "FZ313") == []


def test_a_date_that_is_no_signature_is_not_read():
    assert _found(_REPORT + "2025年1月20日，召开专题会议。", "FZ313") == []


# ---- FZ314 sub-heading-year ----

def test_sub_headings_opening_with_last_years_year_in_each_section():
    text = ("龙港市城管局2025年度法治政府建设年度报告\n一、2025年推进法治政府建设的主要举措和成效\n"
            "（一）2024年执法监督情况\n正文。\n（二）2016年以来的体制改革\n正文。\n"
            "二、推进法治政府建设存在的不足和原因\n（一）2024年巡察反馈问题整改情况\n正文。\n"
            "三、2026年推进法治政府建设的主要安排\n（一）2025年重点任务\n正文。\n龙港市城管局\n2026年1月6日")
    found = _found(text, "FZ314")
    assert [(f.line, f.column, f.fix.replacement) for f in found] == [(3, 4, "2025"), (11, 4, "2026")]


def test_another_parts_heading_in_its_own_year_set_too_low_is_no_year_slip():
    # the plan's heading numbered （一） under the shortcomings: its year is the plan's; the level is FZ114's
    text = ("某县教育局2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n正文。\n"
            "二、存在的不足和原因\n正文。\n（一）2025年推进法治政府建设的主要安排\n正文。\n"
            "（二）2023年推进法治政府建设的主要安排\n正文。")
    assert [f.line for f in _found(text, "FZ314")] == [8]  # a plan heading of another year is still one
    assert [f.line for f in _found(text, "FZ114")] == [6, 8]


# ---- FZ315 date-after-signature ----

_REVIEW_2025 = ("某街道办事处2025年法治政府建设年度报告\n一、2025年推进法治政府建设的主要举措和成效\n"
                "{month}，街道召开法治建设推进会。\n{signature}")


@pytest.mark.parametrize(("month", "signature", "reported"), [
    ("2026年2月", "某街道办事处\n2026年1月12日", True),
    ("2026年1月", "某街道办事处\n2026年1月12日", False),  # the same month: no telling which came first
    ("2026年3月", "", False),  # no signature: the bound is the publication deadline, 1 April
    ("2026年5月", "", True),
    ("2026年3月", "某街道办事处\n2025年6月1日", False),  # a signature within the report year is FZ313's slip
])
def test_a_review_date_after_the_report_was_written(month, signature, reported):
    found = _found(_REVIEW_2025.format(month=month, signature=signature), "FZ315")
    assert bool(found) is reported


# ---- places by their short names in common usage (aliases) ----

WUSHEN = {"body": "乌审旗人民政府", "region": ["内蒙古自治区", "鄂尔多斯市", "乌审旗"]}


@pytest.mark.parametrize(("text", "rule"), [
    ("持续深化依法治理，为建设法治伊旗贡献力量。", "FZ301"),
    ("全力打造法治准旗示范样板。", "FZ301"),
    ("在达旗委、旗政府的坚强领导下，推进依法行政。", "FZ302"),
])
def test_a_sibling_banner_by_its_usual_short_name_is_foreign(text, rule):
    [finding] = _found(text, rule, **WUSHEN)
    assert "鄂尔多斯市" in finding.message


@pytest.mark.parametrize("text", [
    "为建设法治伊旗贡献力量，在伊旗委、旗政府的领导下推进依法行政。",
    "与准旗人民政府签订执法协作协议。",  # a partner
])
def test_the_own_banner_by_its_usual_short_name_and_a_partner_are_not_foreign(text):
    body = {"body": "伊金霍洛旗人民政府", "region": ["内蒙古自治区", "鄂尔多斯市", "伊金霍洛旗"]}
    assert not _found(text, "FZ301", **body) and not _found(text, "FZ302", **body)


def test_an_alias_that_the_gazetteer_already_knows_is_refused_when_the_rule_is_compiled():
    from checker.rules import foreign_place

    options = {"before": "法治", "after": "", "unless_before": "", "names": "all", "reach": "chain",
               "not_places": [], "nicknames": {}, "aliases": {"巴州": "巴音郭楞蒙古自治州"}}
    with pytest.raises(ValueError, match="「巴州」已是地名表中的名字"):
        foreign_place.compile(options)


# ---- FZ317 foreign-place-phrase ----

LONGLI = {"body": "龙里县人民政府", "region": ["贵州省", "黔南布依族苗族自治州", "龙里县"]}


@pytest.mark.parametrize("text", [
    "让法治之光照亮贵定大地。",
    "法治阳光洒满惠水大地的每一个角落。",
    "奋力谱写都匀高质量发展新篇章。",
    "努力谱写遵义法治建设的崭新篇章。",
])
def test_a_sibling_place_in_a_closing_phrase_is_flagged_at_info(text):
    [finding] = _found(text, "FZ317", **LONGLI)
    assert finding.severity.value == "info"


@pytest.mark.parametrize("text", [
    "让法治之光照亮龙里大地，谱写龙里高质量发展新篇章，照亮黔南大地。",  # its own county and prefecture
    "照亮神州大地，照耀华夏大地，洒满广袤大地，浸润江南大地，响彻三江大地。",  # no place, or a region
    "谱写平安建设新篇章，谱写共和国法治建设新篇章，谱写新华章。",  # words
    "深化对口帮扶，助力谱写都匀高质量发展新篇章。",  # helping another place
    "赴都匀学习考察，了解都匀大地上的新变化。",  # no phrase: no verb before the place
])
def test_own_places_words_regions_and_help_are_not_flagged(text):
    assert not _found(text, "FZ317", **LONGLI)


def test_a_one_character_county_inside_a_word_before_its_government_is_no_place():
    # 办理 + 县政府, 完成 + 县政府: not 理县, 成县 (one-character counties of 四川, 甘肃)
    text = ("某县司法局2023年法治政府建设年度报告\n全年办理县政府行政应诉案件54件，按期完成县政府交办的审查任务。\n"
            "某县司法局\n2024年3月1日")
    assert [f for f in lint_text(text, select=["FZ302"], body="三台县司法局", region=["四川省", "绵阳市", "三台县"])] == []
    copied = "全年在理县委、县政府的坚强领导下推进依法行政。"
    assert [f.rule for f in lint_text(copied, select=["FZ302"], body="三台县司法局", region=["四川省", "绵阳市", "三台县"])] == ["FZ302"]
