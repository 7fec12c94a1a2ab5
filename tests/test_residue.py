"""Web-page debris (FZ701, the page_debris rule type), the generic existence rule type, and a sentence broken across paragraphs (FZ703)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_factory import Table, make_docx

from checker.api import document_from_text, lint_document, lint_text
from checker.document.context_words import is_page_debris
from checker.engine.batch import Options, check_file
from checker.fixes import apply_fixes
from checker.loaders import load
from checker.rules import existence

SEED_002 = next((Path(__file__).parent.parent / "seeds").glob("002_*.txt"))


def _debris(text: str) -> list:
    return [f for f in lint_text(text, select=["FZ701"]) if f.rule == "FZ701"]


def test_web_debris_lines_of_seed_002():
    findings = [f for f in check_file(str(SEED_002), Options(no_config=True)).findings if f.rule == "FZ701"]
    assert [f.line for f in findings] == [3, 5, 6, 56, 58]
    assert all(f.column == 1 and f.fix.safety.value == "safe" and f.fix.replacement == "" for f in findings)
    assert "「您访问的链接即将离开“首都之窗”门户网站 是否继续?」" in findings[3].message


def test_fixing_seed_002_empties_the_debris_lines_and_keeps_the_rest():
    text = SEED_002.read_text(encoding="utf-8")
    findings = [f for f in check_file(str(SEED_002), Options(no_config=True)).findings if f.rule == "FZ701"]
    fixed = apply_fixes(text, findings).split("\n")
    original = text.split("\n")
    assert len(fixed) == len(original)
    assert [fixed[n - 1] for n in (3, 5, 6, 56, 58)] == ["", "", "", "", ""]
    assert fixed[7] == original[7]  # the opening paragraph is untouched


@pytest.mark.parametrize("line", ["首页 > 政务公开 > 法治政府建设年度报告", "【打印本页】【关闭窗口】", "简体 | 繁体", "【大 中 小】",
                                  "扫一扫在手机打开当前页", "发布时间：2022-03-30", "索引号：000014349/2022-00012",
                                  "【字体：大 中 小】【打印本页】", "[ 字体大小：大 中 小 ] [ 打印 ] [ 关闭 ]"])
def test_other_site_chrome_is_debris(line):
    [finding] = _debris(line)
    assert finding.end_column == len(line) + 1


@pytest.mark.parametrize("line", [
    "推进无障碍环境建设，完成无障碍设施改造12处。",
    "编制政务公开全清单，在区政府门户网站集中公开。",
    "案卷已归档保存。",
    "来源于群众诉求的问题全部办结。",
    "分享经验做法，字号统一为三号仿宋。",
    "公文正文统一使用仿宋字体，标题使用小标宋字体。",
])
def test_debris_words_inside_content_are_not_debris(line):
    assert _debris(line) == []


def _debris_lines(text: str) -> list[int]:
    return [f.line for f in _debris(text)]


def test_metadata_box_in_bullets_is_debris_label_and_value_alike():
    text = ("• 发布机构\n• 某区住房城乡建设委\n• 索引号\n• AB12/2023-0456\n• 有效性\n\n"
            "某区住房城乡建设委2023年法治政府建设年度报告\n\n2023年，我委坚持依法行政。")
    assert _debris_lines(text) == [1, 2, 3, 4, 5]


def test_metadata_line_in_any_order_of_labels():
    assert _debris_lines("浏览量：15    来源：区人社局    时间：2024-02-01 08:30") == [1]
    assert _debris_lines("体裁分类：报告  主题分类：综合政务  成文日期：2024年03月01日") == [1]


def test_labels_spaced_out_to_line_up_in_a_box_are_labels():
    text = "索 引 号：AB12-3456/2024-00077\n文    号：无\n主 题 词：\n某县水利局2023年法治政府建设年度报告"
    assert _debris_lines(text) == [1, 2, 3]


def test_a_label_alone_spaced_out_in_a_box_is_a_label_its_value_with_it():
    text = "发　布　机　构\n某县水利局\n主 题 词\n依法行政\n某县水利局2023年法治政府建设年度报告\n2023年，我局推进依法行政。"
    assert _debris_lines(text) == [1, 2, 3, 4]
    assert _debris_lines("2023年，我局推进依法行政。\n张 三\n李 四\n全年办理案件12件。") == []  # names spaced out are no labels


@pytest.mark.parametrize("row", ["公开目录编号：\tXY-0031/2025\t成文时间：\t2025-01-20", "所属栏目：\t部门文件\t责任单位：\t县民政局\t阅读：\t37",
                                 "分　　类：\t综合\t发文单位：\t"])
def test_a_row_of_label_tab_value_pairs_is_a_metadata_row_whatever_the_labels(row):
    text = f"{row}\n某县民政局2024年法治政府建设年度报告\n2024年，我局推进依法行政。\n办理案件\t12件\t同比：\t+3件"
    assert _debris_lines(text) == [1]


@pytest.mark.parametrize("row", ["类别\t2023年\t2024年", "完成率：\t98%", "说明：\t全年办结案件12件。\t备注：\t无", "12件\t同比：\t+3件"])
def test_a_report_table_pasted_as_text_is_no_metadata_row(row):
    assert _debris_lines(f"2024年，我局推进依法行政。\n{row}\n全年办理案件12件。") == []


def test_the_pages_copy_of_the_title_before_the_title_is_debris_label_and_copy():
    title = "某县民政局2024年法治政府建设年度报告"
    text = f"标　　题：{title}\n发布机构：某县民政局\n{title}\n2024年，我局推进依法行政。"
    assert _debris_lines(text) == [1, 2]
    text = f"名　　称\n{title}\n文　　号\n\n{title}\n2024年，我局推进依法行政。"  # a box copied as a table
    assert _debris_lines(text) == [1, 2, 3]
    document = document_from_text(text)
    assert document.title_block.title.line == 5 and document.context.body == "某县民政局"


def test_a_column_headed_name_or_title_in_the_reports_table_is_not_debris():
    text = ("某县民政局2024年法治政府建设年度报告\n2024年，我局推进依法行政。\n名称\n数量\n法律顾问\n3\n"
            "标题：全年工作亮点\n全年办理案件12件。\n某县民政局\n2025年1月6日\n名称")
    assert _debris_lines(text) == []


def test_the_pages_copy_of_the_title_is_the_title_when_the_report_has_no_other():
    document = document_from_text("名称\n某县民政局2024年法治政府建设年度报告\n2024年，我局推进依法行政。")
    assert document.title_block.title.line == 2 and document.context.body == "某县民政局"
    assert _debris_lines("名称\n某县民政局2024年法治政府建设年度报告\n2024年，我局推进依法行政。") == [1]


def test_a_sites_banner_over_the_pages_lines_before_the_title_is_debris():
    text = ("某市某区人民政府\n发布机构：某区民政局\n成文日期：2025-01-20\n某市某区民政局2024年法治政府建设年度报告\n"
            "2024年，我局推进依法行政。\n一、2024年推进法治政府建设的主要举措和成效\n正文。")
    assert _debris_lines(text) == [1, 2, 3]
    document = document_from_text(text)
    assert [p.line for p in document.title_block.lines] == [4] and document.context.body == "某市某区民政局"
    assert [f.rule for f in lint_text(text, select=["FZ306", "FZ303"])] == []  # the banner is no opening


@pytest.mark.parametrize("text", [
    "某区民政局\n\n2024年法治政府建设年度报告\n2024年，我局推进依法行政。",  # the title's body line over it
    "某区民政局\n发布时间：2025-01-20 09:30\n2024年法治政府建设年度报告\n2024年，我局推进依法行政。",  # the title names none
    "某区人民政府\n某区民政局2024年法治政府建设年度报告\n2024年，我局推进依法行政。",
])
def test_a_body_line_that_is_the_titles_is_no_banner(text):
    assert 1 not in _debris_lines(text)


@pytest.mark.parametrize("line", ["〖打印〗〖关闭〗", "〔打印本页〕 〔关闭窗口〕", "（关闭窗口）", "[收藏] [打印]"])
def test_buttons_in_any_brackets_are_debris(line):
    assert _debris_lines(f"2024年，我局推进依法行政。\n{line}\n全年办理案件12件。") == [2]
    assert _debris_lines("2024年，我局推进依法行政。\n（此件公开发布）\n全年办理案件12件。") == []


def test_one_word_lines_inside_a_run_of_buttons_are_debris_the_signature_is_not():
    text = "全年办结复议案件12件。\n某区司法局\n王五\n2025年2月20日\n字体\n大\n中\n小\n默认\n【打印】\n【关闭】"
    assert _debris_lines(text) == [5, 6, 7, 8, 9, 10, 11]
    # a run with no debris under it: the names of the signature
    assert _debris_lines("全年办结复议案件12件。\n打印\n王五\n赵六\n某区司法局\n2025年2月20日") == [2]


def test_a_metadata_box_in_two_columns_gives_label_and_value_lines_both_as_debris():
    # a table copied from the page: each cell its own line, a body's name among the values
    text = "索引号\nAB12/2024-00021\n发布机构\n某县水利局\n有效性\n有效\n某县水利局2023年法治政府建设年度报告\n2023年，我局推进依法行政。"
    assert _debris_lines(text) == [1, 2, 3, 4, 5, 6]


def test_the_titles_body_line_after_an_empty_label_is_the_title_not_a_value():
    text = "关键词：\n某县水利局\n2023年法治政府建设年度报告\n2023年，我局推进依法行政。"
    assert _debris_lines(text) == [1]


def test_a_site_footer_after_the_signature_is_debris_line_by_line():
    text = ("全年办结复议案件12件。\n\n某县水利局\n\n2024年2月20日\n\n相关链接：\n"
            "国务院门户网 | 某省人民政府 | 某市人民政府\n"
            "网站标识码：3300000018  浙ICP备05012345号  浙公网安备 33010602009876号\n"
            "主办：某县人民政府办公室  承办：某县数据局")
    assert _debris_lines(text) == [7, 8, 9, 10]


@pytest.mark.parametrize("line", [
    "【我要打印】【关闭】", "【背景色 杏仁黄 秋叶褐 胭脂红 芥末绿 天蓝 雪青 灰 银河白(默认色)】", "阅读：1234", "点击：567",
    "【发布日期】2024-01-15", "相关附件：", "发布者：办公室  发布时间：2024-01-15", "文章出处：某县司法局",
    "信息名称：某县水利局2023年法治政府建设年度报告", "所属主题：政务公开", "来源：某县水利局 | 2024-03-01",
    "2024-03-01 来源：某县水利局", "【来源：某县水利局】", "【字号：大 中 小】【打印】【下载】",
])
def test_more_page_templates_are_debris(line):
    assert _debris_lines(line + "\n某县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。") == [1]


@pytest.mark.parametrize("line", [
    "【重点工作】全年办理案件12件。",  # a bracketed lead-in of the report's own
    "【典型案例】某企业未按规定公示信息案",
    "（数据来源：县统计局）",  # a data credit under a table, in parentheses
    "2024-03-01 全面完成整改任务。",
    "阅读习近平法治思想学习纲要。",
    "访问群众128户。",
    "主办全县法治论坛2场，承办市级普法培训1期。",
    "地址：某县人民路1号",  # one everyday label alone, not a date: an address in the body
    "序号 | 项目 | 完成情况",  # a table row written with bars
])
def test_footer_words_in_the_body_are_not_debris(line):
    assert _debris(line) == []


@pytest.mark.parametrize("line", [
    "首页 | 机构概况 | 部门文件 | 年度工作总结",  # the columns named anything after the home page
    "网站首页>>专题专栏>>依法行政",
    "政府首页 / 部门动态",
    "当前位置： 首页 | 部门文件",
    "关于我们 | 网站地图 | 使用帮助",  # a bar of the site's own links
    "网站声明｜联系我们｜English",
])
def test_a_path_from_the_home_page_and_a_bar_of_site_links_are_navigation(line):
    text = line + "\n某县民政局2024年法治政府建设年度报告\n2024年，我局推进依法行政。\n某县民政局\n2025年2月1日\n" + line
    assert _debris_lines(text) == [1, 6]


def test_the_context_passes_over_a_path_from_the_home_page_whatever_its_columns():
    assert is_page_debris("首页 | 机构概况 | 部门文件 | 年度工作总结") and is_page_debris("当前位置：首页/部门文件")
    assert not is_page_debris("首页改版工作已完成，栏目调整为五个。")


@pytest.mark.parametrize("line", [
    "首页改版工作已完成，栏目调整为五个。",  # a sentence about the home page
    "首页设计 | 栏目调整",  # no separator after the home page's name
    "指标 | 上年 | 本年",  # a table row written with bars, no column of a site
    "调解 | 复议 | 诉讼 | 2024",
    "行政复议 | 行政诉讼 | 网站地图建设",  # a part too long to be a link of the bar
])
def test_lines_near_navigation_are_not_navigation(line):
    assert _debris_lines("2024年，我局推进依法行政。\n" + line + "\n全年办理案件12件。") == []


@pytest.mark.parametrize("line", ["共3页　上一页　1　2　3　下一页", "首页 上页 1 2 下页 尾页", "【上一页】 【下一页】", "第 2 页 下一页"])
def test_the_links_between_an_articles_pages_are_debris_mid_body(line):
    text = "2024年，我局推进依法行政。\n" + line + "\n全年办理案件12件。"
    assert _debris_lines(text) == [2]


@pytest.mark.parametrize("line", ["第 2 页 共 9 页", "共3页", "下一页面显示办理结果。", "上一页 说明 下一页"])
def test_page_numbers_and_sentences_about_pages_are_not_page_links(line):
    assert _debris_lines("2024年，我局推进依法行政。\n" + line + "\n全年办理案件12件。") == []


def test_an_everyday_label_with_a_value_outside_the_report_is_the_pages():
    # over the title, and under the signature's date with the page's buttons: credit lines of the page
    text = ("来源：某县卫健委\n某县卫健委2024年法治政府建设年度报告\n2024年，我委推进依法行政。\n某县卫健委\n2025年2月3日\n"
            "来源：某县卫健委\n作者：宣传科\n审核：某某\n【我要纠错】 【打印此页】")
    assert _debris_lines(text) == [1, 6, 7, 8, 9]
    assert document_from_text(text).context.evidence["body"][0].kind == "signature"


@pytest.mark.parametrize("text", [
    "某县卫健委2024年法治政府建设年度报告\n2024年，我委推进依法行政。\n地址：某县人民路1号\n全年办理案件12件。",  # in the text
    "某县卫健委2024年法治政府建设年度报告\n2024年，我委推进依法行政。\n时间：全年\n某县卫健委\n2025年2月3日",  # over the 落款
    "某县卫健委2024年法治政府建设年度报告\n2024年，我委推进依法行政。\n某县卫健委\n2025年2月3日\n（联系人：某某，电话：12345678）",
])
def test_an_everyday_label_inside_the_report_or_in_its_note_stays(text):
    assert _debris_lines(text) == []


def test_everyday_label_needs_a_second_label_or_a_date():
    assert _debris_lines("日期：2024-02-01") == [1]
    assert _debris_lines("来源：群众来信来访") == []
    assert _debris_lines("时间：全年") == []


def test_site_column_names_among_navigation_lines_are_debris():
    text = "网站首页\n\n阳光政务\n\n互动交流\n\n当前位置：首页>专题>法治\n\n某市2022年法治政府建设情况报告\n\n2022年，全市依法行政。"
    assert _debris_lines(text) == [1, 3, 5, 7]


def test_short_head_lines_that_are_the_report_own_stay():
    text = "某县人民政府\n\n关于2022年法治政府建设情况的报告\n\n市人民政府：\n\n2022年，我县依法行政。\n\n某县人民政府\n\n2023年3月1日"
    assert _debris_lines(text) == []


def test_navigation_word_inside_the_body_is_a_heading_not_debris():
    assert _debris_lines("2022年，我县依法行政。\n\n政务公开\n\n全年公开信息300条。") == []


def test_widgets_after_the_signature_are_debris_the_signature_is_not():
    text = "全年办结复议案件12件。\n\n某区司法局\n\n2023年2月20日\n\n【打印】  【关闭】\n上一篇：关于公布行政执法主体的通告"
    assert _debris_lines(text) == [7, 8]


def test_web_addresses_and_bare_timestamps_are_debris_a_sentence_naming_a_site_is_not():
    assert _debris_lines("http://www.example.gov.cn/zwgk/2023/index.html\n2023-03-01 10:20") == [1, 2]
    assert _debris_lines("在区政府网站（www.example.gov.cn）公开全部行政规范性文件。") == []


@pytest.mark.parametrize("line", [
    "【 文章来源：某县水利局 】 【 更新时间：2024-02-01 09:15 】 【 阅读次数：88 】",  # boxed fields, blanks inside
    "[ 发布日期：2024-02-01 ]  [ 来源：某县水利局 ]  [ 点击：56 ]",
    "Copyright © 2024 某县人民政府 版权所有", "【版权声明】本文系转载，如有侵权请联系删除。",
    "某县人民政府门户网站", "某县人民政府办公室主办  某县数据中心承办", "某县数据中心 承办",
    "本站已支持IPv6访问", "建议使用1280×800分辨率浏览", "某县司法局2023年度法治工作报告.docx",
    "简体 | 繁體", "首页  走进某县  政务公开  办事服务", "政务公开 | 信息公开指南 | 法定主动公开内容 | 依申请公开",
    "某州 > 部门动态", "某某号·政务 > 某县司法", "评论(3)", "打开某某新闻APP，体验更佳", "扫码下载某某新闻客户端",
    "某某新闻报料：028-12345678", "写留言", "长按识别二维码", "使用小程序", "热门推荐",
])
def test_news_app_wechat_and_portal_page_lines_are_debris(line):
    assert _debris_lines(line + "\n某县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。") == [1]


@pytest.mark.parametrize("line", [
    "加强知识产权保护，查处侵犯著作权案件3件。",
    "市民扫码即可下载“某县发布”客户端查看办事指南。",
    "某县人民政府主办的法治论坛于5月召开。",  # 主办 in a sentence
    "收案数 > 结案数的问题已解决。",
    "调解 > 复议 > 诉讼，层层化解矛盾纠纷。",
    "取消行政许可事项3项。",
    "转载、摘编须经许可，依法保护原创作品。",
])
def test_words_of_the_news_apps_and_portals_in_sentences_are_not_debris(line):
    assert _debris_lines("2024年，我局推进依法行政。\n" + line + "\n全年办理案件12件。") == []


def test_fields_of_a_box_on_one_line_are_debris_when_one_label_is_a_known_one():
    box = "信息公开责任单位：某县应急局\u3000\u3000成文日期：2024-03-02\n"
    assert _debris_lines(box + "某县应急局2023年法治政府建设年度报告\n2023年，我局推进依法行政。") == [1]
    # the site's own label alone, or fields of words nobody keys as labels, prove nothing
    for line in ("信息公开责任单位：某县应急局", "牵头单位：某县应急局\u3000\u3000配合单位：某县司法局"):
        assert _debris_lines(line + "\n某县应急局2023年法治政府建设年度报告\n2023年，我局推进依法行政。") == []
    sentence = "2023年，我局推进依法行政。\n落实单位：各科室\u3000\u3000发布日期：每月10日前，报局办公室汇总。\n"
    assert _debris_lines(sentence) == []


def test_under_the_signature_the_page_goes_on_once_a_line_is_the_pages():
    # a note in brackets under the date stays, whatever follows it
    text = ("某县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。\n附件：某县司法局2023年行政执法统计表\n"
            "某县司法局\n2024年2月1日\n（联系人：某某；联系电话：12345678）\n"
            "来源：某县司法局\n责编：某某\n某县普法\n微信号：mxpf\n在看\n68\n相关阅读\n某县司法局2022年法治政府建设年度报告")
    assert _debris_lines(text) == [7, 8, 9, 10, 11, 12, 13, 14]
    assert document_from_text(text).context.body == "某县司法局"


def test_an_accounts_name_between_the_title_and_the_pages_lines_is_debris_a_body_is_not():
    page = "某县司法局2024年法治政府建设年度报告\n{}\n2025-03-01 10:20 来源：某某新闻\n2024年，我局推进依法行政。"
    assert _debris_lines(page.format("某县普法")) == [2, 3]
    assert _debris_lines(page.format("某县人民政府")) == [3]


def test_a_spaced_label_of_the_title_without_a_colon_is_the_pages_copy():
    text = "标　题 某县教育局2024年法治政府建设年度报告\n某县教育局2024年法治政府建设年度报告\n2024年，我局推进依法行政。"
    assert _debris_lines(text) == [1]
    assert [p.index for p in document_from_text(text).title_block.lines] == [1]


def test_a_heading_of_a_news_article_with_its_time_is_debris_before_the_text_only():
    text = "原创 某县发布 2024-02-05 08:30 四川\n某县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。"
    assert _debris_lines(text) == [1]
    assert _debris_lines("2023年，我局推进依法行政。\n听证会 2024-02-05 08:30 县政府\n全年办理案件12件。") == []


# ---- the existence type itself ----

def _hits(options: dict, text: str) -> list[tuple[int, int, str]]:
    defaults = {name: option.default for name, option in existence.OPTIONS.items()}
    check = existence.compile({**defaults, **options})
    return [(h.start, h.end, h.args["match"]) for h in check(document_from_text(text))]


def test_existence_tokens_and_patterns_share_one_matcher():
    assert _hits({"tokens": ["法制政府"], "patterns": [r"法制(?=思维)"]}, "建设法制政府，树立法制思维。") == [
        (2, 6, "法制政府"), (9, 11, "法制")]


def test_existence_exceptions_drop_overlapping_hits():
    assert _hits({"tokens": ["法制"], "exceptions": ["法制审核", "法制科"]}, "落实法制审核，法制科加强法制宣传。") == [(12, 14, "法制")]


def test_existence_can_skip_or_keep_only_book_titles():
    text = "加强法制宣传，学习《法制日报》。"
    assert _hits({"tokens": ["法制"], "titles": "skip"}, text) == [(2, 4, "法制")]
    assert _hits({"tokens": ["法制"], "titles": "only"}, text) == [(10, 12, "法制")]


def test_existence_whole_line_in_line_scope():
    text = "第一行正文\n已归档\n正文已归档"
    document = document_from_text("x")
    document.paragraphs[0].text = text  # a .docx paragraph may hold soft line breaks
    document.__dict__.pop("view_text", None)  # analysis (the report context) read the view before the edit
    defaults = {name: option.default for name, option in existence.OPTIONS.items()}
    check = existence.compile({**defaults, "tokens": ["已归档"], "whole_line": True, "scope": "line"})
    assert [(h.start, h.end) for h in check(document)] == [(6, 9)]


@pytest.mark.parametrize("options", [{}, {"tokens": ["x"], "scope": "sentence"}, {"tokens": ["x"], "titles": "never"}])
def test_existence_rejects_incomplete_or_unknown_options(options):
    defaults = {name: option.default for name, option in existence.OPTIONS.items()}
    with pytest.raises(ValueError):
        existence.compile({**defaults, **options})


# FZ703 a sentence broken across two paragraphs


def test_a_sentence_broken_in_a_word_body_is_reported_in_a_table_cell_it_is_not(tmp_path: Path):
    opening, first_half, second_half = "2023年，我局坚持依法行政。", "全年依法开展执法检查，共检查经营主体", "215家次，发现问题隐患430处。"
    make_docx(tmp_path / "body.docx", [opening, first_half, second_half])
    make_docx(tmp_path / "table.docx", [opening, Table([[first_half, second_half]]), "全年办理复议案件5件。"])
    broken = lint_document(load(str(tmp_path / "body.docx")), select=["FZ703"])
    assert [(f.line, f.column, f.end_column) for f in broken] == [(3, 1, 6)]
    assert lint_document(load(str(tmp_path / "table.docx")), select=["FZ703"]) == []


def test_a_line_in_a_bilingual_sites_other_script_over_the_title_is_debris():
    head = "ཀྲུང་གོ | 汉文\n某县人民政府\n某县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。"
    assert _debris_lines(head)[0] == 1
    # in the report's body it is the author's (a quoted name, a bilingual sign)
    assert _debris_lines("某县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。\nཀྲུང་གོ\n全年办理复议案件5件。") == []


def test_fz701_finds_its_candidate_lines_by_strings_never_by_trying_every_line():
    """A shipped whole-line pattern without a string to look for would make every line of every draft a
    candidate (each one tried against every test): the shipped vocabulary keeps the prefilter selective."""
    from checker.rules import page_debris

    assert not page_debris._shipped_vocabulary().candidates.takes_every_paragraph


def test_links_listed_under_a_label_between_two_paragraphs_are_debris_and_no_year_slip():
    text = ("某县水利局2023年法治政府建设年度报告\n（一）推进依法决策。全年审查合同28件。\n相关阅读\n"
            "某县水利局2022年法治政府建设年度报告\n某县水利局召开2023年工作会议\n"
            "（二）规范执法行为。全年办理案件41件。\n某县水利局\n2024年2月1日")
    assert _debris_lines(text) == [3, 4, 5]
    assert [f for f in lint_text(text, select=["FZ304"])] == []


@pytest.mark.parametrize(("text", "lines"), [
    # a label's list ends at the first heading or sentence of the report
    ("某县水利局2023年法治政府建设年度报告\n（一）推进依法决策。全年审查合同28件。\n相关文章\n（二）规范执法行为\n全年办理案件41件。",
     [3]),
    # no label over them: short lines of the report stay
    ("某县水利局2023年法治政府建设年度报告\n全年审查合同28件。\n重点项目清单\n河道综合整治工程\n全年办理案件41件。", []),
])
def test_lines_after_a_list_end_or_without_a_label_are_the_reports(text, lines):
    assert _debris_lines(text) == lines


def test_a_wechat_articles_end_mark_feed_and_credits_are_debris():
    text = ("某县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。\n视频\n全年办理案件41件。\n某县司法局\n"
            "2024年2月1日\nEND\n往期回顾\n某县司法局举办法律明白人培训班\n"
            "图文来源：某县司法局  校对：某某  监制：某某\n喜欢此内容的人还喜欢")
    assert _debris_lines(text) == [3, 7, 8, 9, 10, 11]
    # a credit line is the page's wherever it stands (素材来源 names a page's credit only)
    assert _debris_lines("2023年，我局推进依法行政。\n素材来源：某县司法局  排版：某某\n全年办理案件41件。") == [2]


@pytest.mark.parametrize("text", [
    "2023年，我局推进依法行政。\n制作普法图片和视频12部，在公众号推送。",
    "2023年，我局推进依法行政。\n监制单位对产品质量负责的制度已落实。",
])
def test_pictures_videos_and_credit_words_in_sentences_are_not_debris(text):
    assert _debris_lines(text) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("全年审查行政规范性文件15件，纠正2件。2022-12-30 08:15:46", "全年审查行政规范性文件15件，纠正2件。"),
    ("开展执法案卷评查（抽查案卷60卷）。 【收藏】【我要纠错】", "开展执法案卷评查（抽查案卷60卷）。"),
    ("全面推行证明事项告知承诺制！2022-12-30 08:15 【责任编辑： 赵强 】", "全面推行证明事项告知承诺制！"),
])
def test_page_debris_after_a_sentence_is_cut_off_alone(text, kept):
    found = [f for f in lint_text(text, select=["FZ704"]) if f.rule == "FZ704"]
    assert len(found) == 1 and found[0].fix.safety.value == "safe"
    assert apply_fixes(text, found) == kept


@pytest.mark.parametrize("text", [
    "2022-12-30 08:15，局党组召开会议专题研究法治工作。",  # a time in the sentence
    "群众可点击【打印】按钮自行打印办事指南。",  # a button named in a sentence
    "全年办理复议案件8件。【打印】说明材料已归档",  # text of the report after it
    "【打印】【关闭】",  # a whole line: FZ701's
])
def test_times_and_buttons_within_the_reports_text_are_not_cut(text):
    assert [f for f in lint_text(text, select=["FZ704"]) if f.rule == "FZ704"] == []
