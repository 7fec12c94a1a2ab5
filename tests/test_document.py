"""Title block, outline and context on small drafts (the seeds are in test_seed_outline.py)."""

from __future__ import annotations

from checker.api import document_from_text
from checker.document.frame import is_addressee
from checker.document.model import Paragraph
from checker.document.outline import build_outline, heading_style_level


def test_one_line_title_with_body_and_year():
    document = document_from_text("北京市延庆区人民政府2021年法治政府建设年度情况报告\n\n正文。")
    assert (document.title_block.body, document.title_block.year, document.title_block.name) == (
        "北京市延庆区人民政府", 2021, "法治政府建设年度情况报告")


def test_body_on_its_own_line_above_the_title():
    document = document_from_text("东城区园林绿化局\n\n2021年法治政府建设年度情况报告\n\n正文。")
    assert document.title_block.body == "东城区园林绿化局"
    assert [p.line for p in document.title_block.lines] == [1, 3]


def test_guanyu_title_form():
    document = document_from_text("关于东城区司法局2022年法治政府建设情况的报告\n\n正文。")
    assert document.title_block.year == 2022
    assert document.title_block.body == "东城区司法局"


def test_body_written_after_the_year():
    title = document_from_text("2021年度东城区园林绿化局法治政府建设情况报告\n\n正文。").title_block
    assert (title.body, title.year, title.name) == ("东城区园林绿化局", 2021, "法治政府建设情况报告")


def test_title_without_any_body_keeps_its_name():
    title = document_from_text("2021年法治政府建设年度情况报告\n\n正文。").title_block
    assert (title.body, title.name) == (None, "法治政府建设年度情况报告")


def test_draft_opening_with_prose_has_no_title():
    text = "2021年西红门镇人民政府在区委、区政府的正确领导下，深入推进依法行政，现将有关情况报告如下:\n一、推进法治政府建设的主要举措和成效"
    document = document_from_text(text)
    assert document.title_block is None
    assert document.context.year == 2021
    assert document.context.body == "西红门镇人民政府"


def test_a_title_under_a_long_menu_of_the_sites_columns_is_found():
    # column names and buttons one a line that no label tells count for nothing; a welcome with the day is the page's
    lines = ("某县人民政府", "某县人民政府网欢迎您！今天是2024年3月5日 星期二", "无障碍", "搜索", "首页", "走进某县",
             "政务公开", "办事服务", "互动交流", "专题专栏", "数据开放")
    menu = "\n".join(lines)
    document = document_from_text(menu + "\n某县水利局2023年法治政府建设年度报告\n2023年，我局坚持依法行政。")
    assert (document.title_block.body, document.title_block.year) == ("某县水利局", 2023)
    assert document.context.body == "某县水利局"  # not the site's name over the page


def test_short_lines_before_the_opening_prose_give_no_title_still():
    text = "\n".join(["某县水利局", "工作总结", "二〇二四年三月"] * 3) + "\n2023年，我局坚持以习近平法治思想为指导，全面推进依法行政，现将有关情况报告如下：\n某县水利局2023年法治政府建设年度报告"
    assert document_from_text(text).title_block is None


def test_run_in_heading_is_split_from_its_body():
    document = document_from_text("一、2021年推进法治政府建设的主要举措和成效\n（一）提高行政机关工作人员法治意识。重视依法行政意识的培养。")
    heading = document.outline[1]
    assert heading.title == "提高行政机关工作人员法治意识"
    assert heading.run_in


def test_short_line_naming_a_section_is_an_unnumbered_heading():
    document = document_from_text("一、2021年推进法治政府建设的主要举措和成效\n正文。\n2021年推进法治政府建设存在的不足和原因\n正文。")
    heading = document.outline[1]
    assert (heading.marker, heading.level, heading.section) == (None, 1, "shortcomings")


def test_prose_mentioning_a_section_keyword_is_not_a_heading():
    text = "一、主要举措和成效\n积极发挥党政主要负责人在履行推进法治建设第一责任人职责中的作用，对各项工作跟踪问效。"
    assert len(document_from_text(text).outline) == 1


def test_sub_heading_with_a_section_like_wording_stays_a_sub_heading():
    document = document_from_text("一、2021年推进法治政府建设的主要举措和成效\n（一）主要做法和成效\n正文。")
    assert [(h.level, h.section) for h in document.outline] == [(1, "measures"), (2, None)]


def test_parent_is_the_nearest_higher_heading():
    document = document_from_text("一、甲\n（一）乙\n1.丙\n（1）丁\n二、戊")
    parents = [h.parent.title if h.parent else None for h in document.outline]
    assert parents == [None, "甲", "乙", "丙", None]


def test_word_heading_style_is_evidence_of_a_heading():
    assert heading_style_level("Heading 2") == 2
    assert heading_style_level("标题 1") == 1
    assert heading_style_level("Normal") is None
    outline = build_outline([Paragraph(0, "加强组织领导", 1, style="Heading 2")])
    assert [(h.level, h.marker) for h in outline] == [(2, None)]


def test_a_second_list_item_under_a_sub_heading_stays_a_list_item_whatever_its_words():
    document = document_from_text(
        "一、2023年推进法治政府建设的主要举措和成效\n（一）加强组织领导\n1.健全议事规则\n正文。\n"
        "2.推进督察反馈问题和不足整改，落实法治建设要求\n正文。\n二、存在的不足和原因\n正文。")
    assert [(h.line, h.level, h.section) for h in document.outline] == [
        (1, 1, "measures"), (2, 2, None), (3, 3, None), (5, 3, None), (7, 1, "shortcomings")]


def test_a_lower_family_number_still_heads_a_section_when_no_list_of_its_family_is_open():
    document = document_from_text("一、2023年推进法治政府建设的主要举措和成效\n正文。\n2、推进法治政府建设存在的不足和原因\n正文。")
    assert [(h.line, h.level, h.section) for h in document.outline] == [(1, 1, "measures"), (3, 1, "shortcomings")]


def test_a_line_ending_like_a_sentence_or_clause_is_no_heading_to_the_eye():
    from checker.document.outline import ends_like_a_sentence, standalone_line

    assert all(ends_like_a_sentence(line) for line in ("推进依法行政。", "主要原因有：", "一是加强领导，", "存在问题；"))
    assert not ends_like_a_sentence("推进依法行政")
    assert standalone_line("\u3000二〇二二年工作安排 ") and not standalone_line("主要原因有：")
    assert not standalone_line("　") and not standalone_line("长" * 41)


def test_an_addressee_line_is_body_names_and_a_colon_and_an_opening_sentence_is_not():
    addressees = ["市委、市政府：", "中共淳安县委 淳安县人民政府:", "区委、区政府，区人大常委会：", "国家发展改革委："]
    sentences = ["2021年，某市人民政府坚持依法行政，现将有关情况报告如下：", "现将有关情况报告如下：", "：",
                 "局" * 30 + "x："]  # no name: and no time lost trying the ways to cut it into names
    assert [is_addressee(Paragraph(0, text, 1)) for text in addressees] == [True] * 4
    assert [is_addressee(Paragraph(0, text, 1)) for text in sentences] == [False] * 4
