"""Typography rules (rules/typography.yaml, FZ6xx): what they catch, with the fix they offer, and the
correct text of the seed drafts they must leave alone."""

from __future__ import annotations

import random

import pytest

from checker.api import document_from_text, lint_text
from checker.findings import FixSafety
from checker.fixes import apply_fixes
from checker.rules import character_width


def findings(text: str, rule: str, **context):
    return [f for f in lint_text(text, select=[rule], **context) if f.rule == rule]


def only(text: str, rule: str):
    found = findings(text, rule)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def fixed(text: str, rule: str, unsafe: bool = False) -> str:
    return apply_fixes(text, findings(text, rule), unsafe=unsafe)


# FZ601 半角标点


def test_a_line_of_the_web_page_is_left_to_the_debris_rule():
    # FZ701 deletes the whole line: its brackets and colons are no slip of the text
    page = "全年办结案件12件。\n某县司法局\n2024年2月1日\n评论(2)\n字 号:   "
    assert findings(page, "FZ601") == [] and len(findings(page, "FZ701")) == 2
    assert len(findings("全年办结案件12件(含调解).\n某县司法局\n2024年2月1日", "FZ601")) == 2


def test_each_halfwidth_mark_in_chinese_text_is_one_finding_with_a_safe_fix():
    text = "  2021年,延庆区深入贯彻《法治政府建设实施纲要(2021-2025年)》,现报告如下:"
    found = findings(text, "FZ601")
    assert [(f.column, f.fix.replacement) for f in found] == [(8, "，"), (27, "（"), (38, "）"), (40, "，"), (46, "：")]
    assert all(f.fix.safety is FixSafety.SAFE for f in found)
    assert "半角「,」应为全角「，」" in found[0].message


def test_semicolon_question_and_exclamation_marks():
    text = "作为考察使用干部的重要依据;是否继续?真好!"
    assert fixed(text, "FZ601") == "作为考察使用干部的重要依据；是否继续？真好！"


def test_mark_after_latin_word_before_chinese_is_reported():
    assert fixed("推广APP,方便群众办事。", "FZ601") == "推广APP，方便群众办事。"


def test_mark_after_another_halfwidth_mark_is_judged_by_the_text_beyond():
    assert fixed("主要包括:(1)行政奖励。", "FZ601") == "主要包括：（1）行政奖励。"


def test_heading_number_is_left_to_the_numbering_rules():
    text = "  (一)加强统筹领导,在更高水平上推进法治政府建设"
    assert [f.column for f in findings(text, "FZ601")] == [12]


@pytest.mark.parametrize(
    "text",
    [
        "完成北京市营商环境4.0版改革涉区级194项清单任务。",  # 002:18
        "人均处罚量30.48件，排名全市第二。",  # 002:30
        "各部门和乡镇负责人出庭应诉率70.1%。",  # 002:22
        "利用5.12防灾减灾日、防空警报试鸣日、12.4宪法宣传日等时间点。",  # 001:10
        "会议于10:00开始，采用1:500地形图，参会1,000人。",
        "详见 https://www.beijing.gov.cn/gongkai/(2021)/index.html?id=1,2 或 fzb@bjyq.gov.cn。",
        "引用英文原文“Hello, world!”作为示例。",
        "Rule of law (RoL): a principle.",
    ],
)
def test_numbers_urls_and_latin_text_are_not_reported(text):
    assert findings(text, "FZ601") == []


def test_only_the_listed_marks_are_reported_among_the_ascii_punctuation_between_them():
    # FZ601's marks !(),:;? are scanned for as the one range ! to ?: the characters between them that
    # are not listed (" # $ % & ' * + - . / digits < = >) must not be reported
    between = "".join(chr(code) for code in range(ord("!"), ord("?") + 1) if chr(code) not in "!(),:;?")
    assert findings("".join(f"汉{char}字" for char in between), "FZ601") == []
    assert [f.column for f in findings("甲!乙(丙)丁,戊:己;庚?", "FZ601")] == [2, 4, 6, 8, 10, 12, 14]


def _width_check(**options):
    return character_width.compile({"cjk_context": True, "runs": False, "skip_paragraphs": [], **options})


def _width_hits(text: str, check=None, **options) -> list[tuple[int, int]]:
    check = check or _width_check(**options)
    return [(start, end) for _, start, end, _, _ in check(document_from_text(text))]


@pytest.mark.parametrize("runs", [False, True])
def test_no_mark_between_two_digits_is_a_hit_in_chinese_context(runs):
    """The Chinese-context test alone keeps 「1,000」「10:00」 out (a digit of any kind is neither Han nor
    Chinese punctuation), so character_width asks str.isdigit only when a wrong character is a digit."""
    rng = random.Random(20)
    check = _width_check(characters={",": "，", ":": "：", ";": "；", "(": "（", "?": "？"}, runs=runs)
    for _ in range(400):
        text = "".join(rng.choice("5０²①〇中。,:;(? \u3000a") for _ in range(rng.randint(1, 12)))
        if not text.strip():
            continue  # an empty draft is refused at load
        for start, _ in _width_hits(text, check):
            assert not (text[start - 1 : start].isdigit() and text[start + 1 : start + 2].isdigit()), text


def test_a_digit_among_the_wrong_characters_still_spares_marks_between_digits():
    characters = {",": "，", "１": "1"}
    assert _width_hits("5,１中", characters=characters) == [(2, 3)]  # the fullwidth digit, not the comma
    assert _width_hits("中,１中", characters=characters) == [(1, 2), (2, 3)]


@pytest.mark.parametrize(
    "line", ["日期:2022-03-29 10:00    来源:北京市延庆区人民政府", "分享:", "字号:        ", "您访问的链接即将离开“首都之窗”门户网站 是否继续?"]
)
def test_web_page_lines_are_left_to_the_residue_rule(line):
    assert findings(line, "FZ601") == []
    assert findings(line, "FZ607") == []


# FZ602 全角数字


def test_fullwidth_digit_run_is_one_finding():
    finding = only("全年办结行政复议案件８５件。", "FZ602")
    assert (finding.column, finding.end_column, finding.fix.replacement) == (11, 13, "85")


def test_halfwidth_and_chinese_digits_are_not_reported():
    assert findings("全年办结行政复议案件85件，二〇二一年。", "FZ602") == []


# FZ603 直引号


def test_straight_quote_pair_gets_curly_quotes():
    text = '五是完善行政机关工作人员学法用法制度,组织实施普法规划,推动落实"谁执法谁普法"责任。'
    found = findings(text, "FZ603")
    assert [(f.column, f.fix.replacement) for f in found] == [(33, "“"), (40, "”")]
    assert fixed(text, "FZ603") == '五是完善行政机关工作人员学法用法制度,组织实施普法规划,推动落实“谁执法谁普法”责任。'


def test_odd_straight_quote_is_reported_without_a_fix():
    finding = only('开展"法律进社区活动。', "FZ603")
    assert finding.fix is None


def test_straight_quotes_in_latin_text_are_not_reported():
    assert findings('The "rule of law" index；推动落实“谁执法谁普法”责任。', "FZ603") == []


# FZ604 成对标点


def test_unclosed_book_title_mark():
    finding = only("认真贯彻落实《法治政府建设实施纲要（2021—2025年）要求。", "FZ604")
    assert (finding.column, finding.message) == (7, "「《」没有配对的「》」")
    assert finding.fix is None


def test_closer_of_the_wrong_kind_leaves_the_opener_unpaired():
    finding = only("学习《行政处罚法（2021年修订》。", "FZ604")
    assert (finding.column, finding.message) == (9, "「（」没有配对的「）」")


def test_stray_closing_quote():
    assert only("起到了无盲点、多形式”的审核效果。", "FZ604").message == "「”」没有配对的「“」"


def test_bracket_closed_only_inside_a_url_is_unpaired():
    assert only("相关规定（详见www.bjyq.gov.cn/gk(1)。", "FZ604").column == 5


def test_crossed_marks_among_balanced_paragraphs():
    text = "落实《纲要（2021—2025年）》要求。\n学习《行政处罚法（修订》）。\n“三项制度”落实。"
    assert [(f.line, f.column) for f in findings(text, "FZ604")] == [(2, 9), (2, 13)]


def test_quotation_running_over_paragraphs_opens_each_paragraph():
    assert findings("他说：“第一段引文。\n“第二段引文。”", "FZ604") == []


@pytest.mark.parametrize(
    "text",
    [
        "推动实现区、街乡镇(部门)、村三级法律顾问全覆盖。",  # 002:26, width is FZ601's business
        "认真贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》要求。",
        "从“提升法治建设水平”、“推进科信普法工作”、“建立长效工作机制”三个方面着手。",  # 004:9
        "1）加强组织领导。",
        "（厅字〔2019〕28号）",
    ],
)
def test_balanced_marks_are_not_reported(text):
    assert findings(text, "FZ604") == []


# FZ605 / FZ606 重复与连用的标点


def test_doubled_marks_collapse_to_one():
    assert fixed("提高依法行政能力。。加强队伍建设，，完善制度。", "FZ605") == "提高依法行政能力。加强队伍建设，完善制度。"


def test_pause_before_full_stop_gives_way_to_the_full_stop():
    finding = only("主要包括行政奖励、行政确认、。", "FZ605")
    assert (finding.fix.replacement, finding.fix.safety) == ("。", FixSafety.SAFE)


def test_clashing_marks_keep_the_stronger_as_an_unsafe_fix():
    finding = only("完成三年工作情况评估。，加强审计。", "FZ606")
    assert (finding.fix.replacement, finding.fix.safety) == ("。", FixSafety.UNSAFE)
    assert only("加强学习。。。提高能力。", "FZ606").fix.replacement == "……"
    assert findings("加强学习。。。提高能力。", "FZ605") == []


def test_a_percent_sign_typed_twice_keeps_one_in_either_width():
    text = "案件办结率为97.2%%，群众满意度为99％%，公开率100%％。"
    assert fixed(text, "FZ605") == "案件办结率为97.2%，群众满意度为99％，公开率100%。"
    assert findings("案件办结率为97.2%，群众满意度为百分之九十九。", "FZ605") == []


@pytest.mark.parametrize("text", ["真是太好了？！", "加强法治宣传……提高法治意识。", "起到了“无盲点、多形式、及时化”的审核效果；同时，内部采取抽查。"])
def test_legitimate_mark_sequences_are_not_reported(text):
    assert findings(text, "FZ605") == [] and findings(text, "FZ606") == []


# FZ607 空格


def test_spaces_between_chinese_and_digits_are_removed():
    text = "在全区十七个街道依法举办人防知识法律“五进”活动培训讲座 50场，参与人达 2000人次。"
    found = findings(text, "FZ607")
    assert [(f.column, f.message) for f in found] == [(29, "「座」与「5」之间多了空格"), (38, "「达」与「2」之间多了空格")]
    assert all(f.fix.replacement == "" and f.fix.safety is FixSafety.SAFE for f in found)


def test_space_between_a_pause_mark_and_a_quote():
    text = "坚守“审批零差错”、 “服务零投诉”的工作目标。"
    assert fixed(text, "FZ607") == "坚守“审批零差错”、“服务零投诉”的工作目标。"


def test_space_between_digit_and_year():
    assert fixed("2021 年推进法治政府建设。", "FZ607") == "2021年推进法治政府建设。"


def test_space_between_han_characters_in_body_text():
    assert fixed("深入开展法治 宣传教育。", "FZ607") == "深入开展法治宣传教育。"


@pytest.mark.parametrize(
    "text",
    [
        "5. 严格落实行政执法“三项制度”，依法开展人防行政检查。",  # 001:13
        "2、 推进法治政府建设存在的不足和原因",  # 001:20
        "  2021年,延庆区深入贯彻中共中央、国务院决策部署。",  # 002:8, indentation
        "一是加强信息公开。做到及时公开、更新。 ",  # 004:53, trailing space
        "依据GB/T 15834 标点符号用法校对，系统升级到Windows 10 版本。",
        "建设 5G 基站。",
        "（一）强化组织领导 压实主体责任",
        "以“加强法治政府建设 打造人民满意政府”为主题开展调研。",
    ],
)
def test_layout_spaces_slogan_separators_and_foreign_names_are_not_reported(text):
    assert findings(text, "FZ607") == []


_TYPED_TABLE = (
    "2024年，我县坚持依法行政。全年执法数据如下：\n"
    "类别  上年  本年  变化\n"
    "办理信访事项（件）  214  187  -12.6%\n"
    "\n"
    "调解成功率（%）  91.5  93.0  +1.5\n"
    "（二）加强监督。全年开展检查6次。"
)


def test_columns_of_a_table_typed_with_spaces_are_not_reported_nor_joined_by_any_safe_fix():
    assert findings(_TYPED_TABLE, "FZ607") == []
    everything = lint_text(_TYPED_TABLE)
    assert apply_fixes(_TYPED_TABLE, everything).splitlines()[1:5] == _TYPED_TABLE.splitlines()[1:5]


def test_a_table_typed_with_one_ideographic_space_between_columns_is_a_table():
    text = ("2023年，我局坚持依法行政。执法数据如下：\n事项　数量　说明\n行政许可（件）　126　全部按期办结\n"
            "行政检查（次）　58　联合检查21次\n行政处罚（件）　17　无复议诉讼\n（二）加强监督。全年开展检查6次。")
    assert findings(text, "FZ607") == []
    prose = "2023年，我局坚持依法行政。\n（一）压实责任　狠抓落实\n（二）强化监督　规范执法\n全年开展检查6次。"
    assert findings(prose, "FZ607") == []  # the halves of a heading, as before
    assert findings("2023年，我局坚持依法行政。\n全年举办讲座　50场。", "FZ607")


@pytest.mark.parametrize(
    "text",
    [
        "2024年，我县坚持依法行政。\n举办讲座  50场  覆盖群众  2000人次\n全年开展检查6次。",  # one line is no table
        "2024年，我县坚持依法行政。\n依法  决策  执法\n规范  公正  文明\n全年开展检查6次。",  # words, no figures
    ],
)
def test_double_spaces_outside_a_table_of_figures_are_still_reported(text):
    assert findings(text, "FZ607")


def test_a_letter_spaced_heading_is_one_finding_that_closes_up_the_run():
    text = "2024年，我局坚持依法行政。\n三、存 在 的 不 足 和 原 因\n人员不足。"
    finding = only(text, "FZ607")
    assert (finding.line, finding.column, finding.end_column) == (2, 3, 18)
    assert "逐字隔开" in finding.message
    assert fixed(text, "FZ607") == "2024年，我局坚持依法行政。\n三、存在的不足和原因\n人员不足。"


def test_letter_spacing_in_body_text_is_one_finding_not_one_a_gap():
    assert [f.fix.replacement for f in findings("始终坚持 依 法 行 政。", "FZ607")] == ["", "依法行政"]
    assert len(findings("全面推进依 法 行 政工作。", "FZ607")) == 3  # 依 and 政 end words: no run of single characters
    assert fixed("开展“送 法 下 乡”活动。", "FZ607") == "开展“送法下乡”活动。"


@pytest.mark.parametrize(
    "text",
    [
        "2024年，我局坚持依法行政。\n（一）依法 决策 执法\n正文。",  # words, not single characters, in a heading
        "2024年，我局坚持依法行政。\n（二）张 三同志的先进事迹\n正文。",  # two characters are no run
        "2024年，我局坚持依法行政。\n某县司法局\n王 小 明\n2025年1月8日",  # a name in the signature: the frame
    ],
)
def test_spaced_words_pairs_and_the_signature_are_no_letter_spacing(text):
    assert findings(text, "FZ607") == []


def test_a_line_fz701_takes_for_the_pages_is_left_to_it_the_next_line_is_not():
    # the spaces between a page's buttons or page links go with the line, which FZ701 deletes
    for line in ("分享到：微信 朋友圈 微博", "共3页 上一页 1 2 3 下一页"):
        text = f"2024年，我局坚持依法行政。\n{line}\n全年办理 12件。"
        assert [f.line for f in findings(text, "FZ607")] == [3], line
        assert [f.line for f in lint_text(text, select=["FZ701"])] == [2], line


# FZ608 年份起止


def test_year_range_with_a_hyphen_is_an_info_with_an_unsafe_dash():
    finding = only("编制本区法治宣传教育规划(2021-2025年)。", "FZ608")
    assert finding.severity.value == "info"
    assert "「2021-2025」" in finding.message
    assert (finding.fix.replacement, finding.fix.safety) == ("2021—2025", FixSafety.UNSAFE)


@pytest.mark.parametrize(
    "text",
    [
        "日期:2022-03-29 10:00",
        "落实《法治政府建设实施纲要（2021－2025年）》工作要求。",  # 000:5
        "编制《东城区人防办关于开展法治宣传教育的第八个五年规划》（2021—2025年）。",  # 001:11
        "咨询电话010-20212345。",
        "深入贯彻《法治政府建设实施纲要(2021-2025年)》。",  # a title is cited as written: never fixed away from it
    ],
)
def test_dates_phone_numbers_and_proper_dashes_are_not_reported(text):
    assert findings(text, "FZ608") == []


# FZ609–FZ611 概数


def test_near_and_over_on_one_number():
    finding = only("“接诉即办”累计处置事件近290余件，取得了响应率100%的成绩。", "FZ609")
    assert (finding.column, finding.end_column, finding.fix.replacement) == (13, 18, "290余")


def test_over_after_an_exact_number():
    assert only("全年受理各类行政许可事项326余件。", "FZ610").fix.replacement == "326"
    assert only("回填治理早期人防工程674.68余平方米。", "FZ610").fix.replacement == "674.68"


@pytest.mark.parametrize(
    "text",
    [
        "购置法律法规书本100余册，举办普法宣传共计30余次，参加培训普法人数达2千余人次。",  # 001:10-11
        "开展行政检查500余人次，依法约谈违法单位及管理人50余人次。",  # 001:13
        "镇公共法律服务站累计提供法律咨询服务1400余人次。",  # 003:6
        "聚焦重点领域开展内部学法、社会面普法6500余场次。",  # 002:34
        "区政府各部门、各乡镇街道领导班子集中学法300余次。",  # 002:14
        "在用人防工程使用证办证率近两年已连续保持在85%以上。",  # 001:16
        "走访附近300余户居民。",
    ],
)
def test_round_numbers_with_over_are_not_reported(text):
    assert findings(text, "FZ609") == [] and findings(text, "FZ610") == [] and findings(text, "FZ611") == []


def test_redundant_approximations():
    assert fixed("每年组织学法约50人次左右。", "FZ611", unsafe=True) == "每年组织学法约50人次。"
    assert fixed("服务满意率超过85%以上。", "FZ611", unsafe=True) == "服务满意率超过85%。"
    assert findings("全年节约经费10%左右。", "FZ611") == []


def test_approximately_with_over_is_redundant_but_a_contract_word_is_not_approximately():
    assert fixed("全年为企业开展合规体检约40余场。", "FZ611", unsafe=True) == "全年为企业开展合规体检40余场。"
    assert fixed("走访群众约二百余户。", "FZ611", unsafe=True) == "走访群众二百余户。"
    for text in ("新签约30余家企业。", "集中履约20余次。", "预约60余人次参加。", "全年办理案件40余件。"):
        assert findings(text, "FZ611") == [], text


# FZ613 尖括号代替书名号


def test_angle_brackets_inside_a_title_become_single_title_marks():
    text = "制定《区司法局关于贯彻<优化营商环境条例>的实施方案》。"
    finding = only(text, "FZ613")
    assert text[finding.column - 1:finding.end_column - 1] == "<优化营商环境条例>"
    assert finding.fix.replacement == "〈优化营商环境条例〉" and finding.fix.safety is FixSafety.UNSAFE


def test_angle_brackets_outside_a_title_become_title_marks():
    assert fixed("组织学习<信访工作条例>和＜行政复议法＞。", "FZ613", unsafe=True) == "组织学习《信访工作条例》和《行政复议法》。"


@pytest.mark.parametrize(
    "text",
    [
        "制定《区司法局关于贯彻〈优化营商环境条例〉的实施方案》。",
        "页面残留<div class=\"法治\">标记。",
        "满足 x<5 且 y>3 时报送。",
        "指标值<100>的情形。",
        "<p>",
    ],
)
def test_proper_single_title_marks_markup_and_comparisons_are_not_reported(text):
    assert findings(text, "FZ613") == []


# FZ614 半角连字符代替破折号


def test_hyphens_at_the_start_of_a_paragraph_or_beside_chinese_text():
    assert fixed("--推行说理式执法，群众满意度提升。", "FZ614", unsafe=True) == "——推行说理式执法，群众满意度提升。"
    assert fixed("落实两项制度--公示制度和记录制度。", "FZ614", unsafe=True) == "落实两项制度——公示制度和记录制度。"
    assert fixed("  ---“放管服”改革持续深化。", "FZ614", unsafe=True) == "  ——“放管服”改革持续深化。"


@pytest.mark.parametrize(
    "text",
    [
        "落实两项制度——公示制度和记录制度。",
        "网址 https://sfj.example.gov.cn/zwgk--2023/ 可查。",
        "编号 JX--2023--07 的文件。",
        "运行 fazhi-lint --fix 命令。",
        "----------",
    ],
)
def test_urls_codes_and_proper_dashes_are_not_reported(text):
    assert findings(text, "FZ614") == []


# FZ615 并列的单位名称之间用了逗号


def test_commas_in_a_list_of_unit_kinds_become_enumeration_commas():
    text = "督促各镇（街道），各部门（单位），各企业（园区）落实主体责任。"
    assert [f.rule for f in findings(text, "FZ615")] == ["FZ615", "FZ615"]
    assert fixed(text, "FZ615", unsafe=True) == "督促各镇（街道）、各部门（单位）、各企业（园区）落实主体责任。"
    assert only("覆盖全部村（社区），区直各部门（单位）。", "FZ615").fix.safety is FixSafety.UNSAFE


@pytest.mark.parametrize(
    "text",
    [
        "督促各镇（街道）、各部门（单位）落实主体责任。",
        "法律顾问覆盖全部村（社区），指导镇（街道）建立法律顾问库。",  # a verb before the second item: a new clause
        "完善权责清单（目录），规范执法流程（环节）。",  # clauses, not unit names
        "各部门（单位），务必于月底前报送。",  # an addressee followed by what it must do
        "本县有12个镇（街道），48个村（社区）。",  # numbers before the units: counted, not listed by kind
    ],
)
def test_clauses_addressees_and_proper_lists_are_not_reported(text):
    assert findings(text, "FZ615") == []


def test_the_space_after_a_parts_label_is_the_headings_not_a_slip():
    # 第四部分 + a full-width space + the section's title, after the report's first sentences: the space
    # separates a label from the title as after a number; inside the text it is still a slip
    text = ("平阳县司法局2025年度法治政府建设年度报告\n第一部分　2025年推进法治政府建设的主要举措和成效\n全年审查文件30件。\n"
            "第四部分　2026年推进法治政府建设的主要安排\n举办培训 50场。\n")
    assert [(f.line, f.column) for f in lint_text(text, select=["FZ607"])] == [(5, 5)]


# FZ620 亿万 after a number


def test_yi_and_wan_after_a_number_are_reported_without_a_fix():
    text = "争取上级资金5.8亿万元，带动投资12亿万。"
    found = findings(text, "FZ620")
    assert [text[f.column - 1:f.end_column - 1] for f in found] == ["5.8亿万", "12亿万"]
    assert all(f.fix is None for f in found)


@pytest.mark.parametrize("text", ["全市地区生产总值突破1.2万亿元。", "依法维护亿万群众的合法权益。", "全年争取资金5.8亿元，惠及群众3万人。"])
def test_trillion_and_the_myriad_people_are_not_doubled_magnitudes(text):
    assert findings(text, "FZ620") == []
