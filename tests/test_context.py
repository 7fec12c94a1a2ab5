"""Report context: issuing body, region chain and year, each with evidence and confidence, from the whole
draft; the traps a first-match reading falls into; values given from outside. Texts written for these tests."""

from __future__ import annotations

from checker.api import document_from_text, lint_text
from checker.document.context import region_of, report_context
from checker.document.context_words import closed_label, is_bare_label, is_page_debris, places_in
from checker.document.model import GivenContext


def _context(text: str):
    return document_from_text(text).context


def test_region_of_a_district_department():
    assert region_of("东城区园林绿化局") == ["北京市", "东城区"]


def test_region_of_a_government_named_with_its_province():
    assert region_of("北京市延庆区人民政府") == ["北京市", "延庆区"]


def test_region_of_a_county_level_city_elsewhere():
    assert region_of("阆中市司法局") == ["四川省", "南充市", "阆中市"]


def test_a_township_takes_its_county_from_the_text():
    assert region_of("西红门镇人民政府", "认真贯彻《大兴区人民政府行政规范性文件制定办法》") == ["北京市", "大兴区", "西红门镇"]


def test_a_unique_township_name_places_itself():
    assert region_of("杨家坪街道办事处") == ["重庆市", "九龙坡区", "杨家坪街道"]


def test_a_sumu_of_inner_mongolia_is_a_township():
    assert region_of("巴彦木仁苏木人民政府") == ["内蒙古自治区", "阿拉善盟", "阿拉善左旗", "巴彦木仁苏木"]


def test_a_shared_township_name_with_nothing_beside_it_stays_unknown():
    assert region_of("黄桥镇人民政府") == []


def test_a_town_named_like_a_county_is_the_town_not_the_county():
    # 石城镇 in 广东 is no 石城县 (江西); the county named in the signature settles which 石城镇
    text = "石城镇2022年法治政府建设年度报告\n2022年，我镇深入推进依法行政。\n\n云浮市云安区石城镇人民政府\n2023年3月6日"
    context = _context(text)
    assert context.region == ["广东省", "云浮市", "云安区", "石城镇"]
    assert context.confidence["region"] == "certain"


def test_the_signature_settles_a_shared_street_name_and_is_the_strongest_evidence():
    text = ("鼓楼街道办事处\n2024年法治政府建设年度报告\n2024年，鼓楼街道办事处扎实推进依法行政。\n"
            "一、2024年推进法治政府建设的主要举措和成效\n正文。\n\n北京市密云区鼓楼街道办事处\n2025年3月18日")
    context = _context(text)
    assert (context.body, context.region, context.year) == ("北京市密云区鼓楼街道办事处", ["北京市", "密云区", "鼓楼街道"], 2024)
    assert context.confidence == {"body": "certain", "region": "certain", "year": "certain"}
    assert [e.kind for e in context.evidence["body"]][:2] == ["signature", "title"]


def test_the_conjunction_before_a_county_committee_is_no_place():
    text = "2023年，在市委、市政府和县委的坚强领导下，淇县人民政府深入推进依法行政，法治淇县建设取得新成效。淇县各部门……"
    context = _context(text)
    assert (context.body, context.region) == ("淇县人民政府", ["河南省", "鹤壁市", "淇县"])
    assert not [f for f in lint_text(text, select=["FZ301", "FZ302"]) if f.rule in ("FZ301", "FZ302")]


def test_together_with_after_an_office_is_no_place():
    # 会同 (together with) after an office's name, not 会同县 of 湖南
    text = ("2023年，淇县人民政府深入推进依法行政。县委依法治县办会同县政府督查室开展专项督察。\n"
            "淇县人民政府\n2024年3月1日")
    assert not [f for f in lint_text(text, select=["FZ301", "FZ302"]) if f.rule in ("FZ301", "FZ302")]
    own = "会同县人民政府2023年法治政府建设年度报告\n2023年，会同县人民政府坚持依法行政。\n会同县人民政府\n2024年3月1日"
    assert _context(own).region == ["湖南省", "怀化市", "会同县"]


def test_a_joint_issuers_line_with_long_autonomous_names_is_the_title_s_body():
    text = ("中共塔什库尔干塔吉克自治县委员会\u3000塔什库尔干塔吉克自治县人民政府\n关于2019年度法治政府建设工作情况的报告\n"
            "2019年，全县坚持依法行政。\n一、2019年推进法治政府建设的主要举措和成效\n正文。")
    block = document_from_text(text).title_block
    assert block.body == "中共塔什库尔干塔吉克自治县委员会\u3000塔什库尔干塔吉克自治县人民政府" and block.year == 2019
    assert not lint_text(text, select=["FZ106"])


def test_two_line_title_broken_after_its_year():
    text = ("某市某区人民政府关于2022年度\n法治政府建设工作情况的报告\n2022年，区政府坚持依法行政。\n"
            "一、2022年推进法治政府建设的主要举措和成效\n正文。")
    context = _context(text)
    assert (context.body, context.year) == ("某市某区人民政府", 2022)
    assert not [f for f in lint_text(text, select=["FZ106", "FZ107", "FZ108"])]


def test_words_of_well_being_are_no_places_unless_a_slogan_builds_them():
    # 安康, 安宁, 长寿 after 幸福/平安 are words (place traps): neither the context nor FZ301 reads a place
    places = [hit.name for hit in places_in(["守护群众幸福安康，共建幸福安宁家园，力保社会长治久安。"])[0]]
    assert places == []
    assert [hit.name for hit in places_in(["全力打造平安安康、法治安康。"])[0]][-2:] == ["安康", "安康"]


def test_a_leading_party_committee_is_never_the_body():
    text = "2022年，我镇在蓬江区委、区政府的正确领导下，本镇法治建设稳步推进。\n一、2022年推进法治政府建设的主要举措和成效\n本镇……"
    context = _context(text)
    assert context.body is None
    assert not [f for f in lint_text(text, select=["FZ303"]) if f.rule == "FZ303"]


def test_a_title_body_ends_at_its_organ():
    assert _context("杭州市司法局推进法治政府建设情况报告\n2022年，市司法局深入推进依法行政。").body == "杭州市司法局"


def test_page_debris_over_the_title_is_never_evidence():
    text = ("今天是：2021年11月2日 星期二\n来源：某区政府办公室  发布时间：2022-03-20\n"
            "2022年法治政府建设情况报告\n2022年，我局深入推进依法行政。\n一、2022年推进法治政府建设的主要举措和成效\n正文。")
    context = _context(text)
    assert context.year == 2022 and all(e.line > 2 for e in context.evidence["year"] if e.line)
    assert not [f for f in lint_text(text) if f.rule in ("FZ104", "FZ305")]


def test_debris_lines_are_recognised_by_their_labels():
    assert is_page_debris("今天是：2019年10月31日 星期三")
    assert is_page_debris("• 索引号")
    assert is_page_debris("来源：某区司法局 发布时间：2023-03-01 浏览次数：")
    assert not is_page_debris("2022年，来源于群众的意见全部办结。")


def test_a_navigation_path_and_a_web_address_are_debris_whatever_their_words():
    # a path whose label is in no list, and the page's address, over the title: the title is still found
    assert is_page_debris("本页位置：首页 » 信息公开 » 规划计划 » 年度报告")
    assert is_page_debris("https://www.example.gov.cn/art/2026/1/5/art_301_88.html")
    assert not is_page_debris("依法行政 > 形式主义，这是全体干部的共识。")
    assert not is_page_debris("建设法治政府 → 建设法治社会")  # two parts: a slogan, not a path
    text = ("本页位置：首页 » 信息公开 » 规划计划 » 年度报告\nhttps://www.example.gov.cn/art/2026/1/5/art_301_88.html\n"
            "淇县司法局2025年度法治政府建设工作报告\n2025年，我局深入推进依法行政。\n一、2025年推进法治政府建设的主要举措和成效\n正文。")
    document = document_from_text(text)
    assert document.title_block is not None and document.title_block.lines[0].line == 3
    assert (document.context.body, document.context.year) == ("淇县司法局", 2025)
    assert "FZ105" not in [f.rule for f in lint_text(text)]


def test_a_two_line_title_with_joint_issuers():
    text = "中共淇县县委  淇县人民政府\n关于2023年法治政府建设情况的报告\n市委、市政府：\n2023年，全县深入推进依法行政。"
    context = _context(text)
    assert context.body == "中共淇县县委 淇县人民政府"
    assert context.region == ["河南省", "鹤壁市", "淇县"] and context.year == 2023


def test_a_title_naming_the_place_only():
    context = _context("2021年淇县法治政府建设情况报告\n2021年，淇县深入推进依法行政。")
    assert (context.body, context.region, context.year) == ("淇县", ["河南省", "鹤壁市", "淇县"], 2021)


def test_a_title_year_outvoted_by_signature_opening_and_headings():
    text = ("某镇2022年度法治政府建设工作报告\n2021年，我镇深入推进依法行政。\n一、2021年推进法治政府建设的主要举措和成效\n正文。\n"
            "二、2022年推进法治政府建设的主要安排\n正文。\n\n黄桥镇人民政府\n2022年3月1日")
    context = _context(text)
    assert (context.year, context.confidence["year"]) == (2021, "certain")
    assert [e.kind for e in context.evidence["year"]][:2] == ["signature-date", "opening"]


def test_a_title_stating_the_year_with_nothing_against_it_is_certain():
    context = _context("东城区园林绿化局\n\n2022年法治政府建设年度报告\n\n我局全年办理行政许可120件。")
    assert (context.year, context.confidence["year"]) == (2022, "certain")


def test_a_title_year_in_chinese_digits_is_the_report_year():
    text = "宁都县水利局关于二〇二三年度法治政府建设情况的报告\n二〇二三年，我局推进依法行政。\n宁都县水利局\n二〇二四年一月十日"
    context = _context(text)
    assert (context.year, context.confidence["year"]) == (2023, "certain")
    assert context.body == "宁都县水利局"
    assert not [f for f in lint_text(text, select=["FZ107"])]


def test_a_title_year_the_opening_contradicts_is_not_certain():
    # one against one: no year is decided (the year rules then skip, with FZ003)
    context = _context("东城区园林绿化局\n2022年法治政府建设年度报告\n2023年，我局深入推进依法行政。")
    assert (context.year, context.certainty("year")) == (None, "unknown")


def test_the_opening_alone_is_likely_not_certain():
    context = _context("2023年，黄桥镇人民政府深入推进依法行政。")
    assert context.confidence["year"] == "likely"


def test_nothing_is_guessed_when_nothing_is_said():
    context = _context("一、主要举措和成效\n（一）加强领导\n正文。")
    assert (context.body, context.region, context.year) == (None, [], None)
    assert context.to_dict()["confidence"] == {"body": "unknown", "region": "unknown", "year": "unknown"}


def test_given_values_win_are_certain_and_a_given_body_derives_its_region():
    document = document_from_text("东城区园林绿化局\n\n2021年法治政府建设年度情况报告\n\n正文。")
    context = report_context(document, GivenContext(body="延庆区司法局", year=2022, origin={"body": "cli", "year": "cli"}))
    assert (context.body, context.region, context.year) == ("延庆区司法局", ["北京市", "延庆区"], 2022)
    assert context.confidence == {"body": "certain", "region": "certain", "year": "certain"}
    assert context.provenance == {"year": "cli", "body": "cli", "region": "cli"}


def test_a_given_region_written_without_separators_is_cut_into_its_places():
    # --region 湖南省岳阳市平江县, as people write an address: a chain, so a sibling county's slogan is found
    text = "青山镇人民政府\n2023年法治政府建设工作报告\n深化平安临湘建设，全年排查化解矛盾纠纷86件。\n"
    context = report_context(document_from_text(text), GivenContext(region=("湖南省岳阳市平江县",), origin={"region": "cli"}))
    assert context.region == ["湖南省", "岳阳市", "平江县"] and context.confidence["region"] == "certain"
    (finding,) = [f for f in lint_text(text, region=["湖南省岳阳市平江县"], select=["FZ301"])]
    assert "临湘" in finding.message and finding.severity.value == "error"
    # a name the gazetteer does not know is kept as given, not cut into pieces
    assert report_context(document_from_text(text), GivenContext(region=("某某开发区",))).region == ["某某开发区"]


def test_a_given_region_naming_no_known_place_is_unknown_and_said_so():
    # --region with a misspelt county: the region rules would compare places with nothing and find
    # nothing, silently; they are skipped with the notice, which names the misspelt part
    text = "青山镇人民政府\n2023年法治政府建设工作报告\n深化平安临湘建设，全年排查化解矛盾纠纷86件。\n"
    given = GivenContext(region=("湖南省", "岳阳市", "平讲县"), origin={"region": "cli"})
    context = report_context(document_from_text(text), given)
    assert context.region == ["湖南省", "岳阳市", "平讲县"] and context.confidence["region"] == "unknown"
    assert [(e.kind, e.text) for e in context.evidence["region"]] == [("cli", "湖南省›岳阳市›平讲县"), ("unknown-place", "平讲县")]
    (notice,) = lint_text(text, region=["湖南省", "岳阳市", "平讲县"], select=["FZ301", "FZ003"])
    assert notice.rule == "FZ003" and "「平讲县」" in notice.message and "FZ301" in notice.message
    # short forms and a township are known places: certain, and the slogan is found
    for region in (["湖南", "岳阳", "平江"], ["湖南省", "岳阳市", "平江县", "三市镇"]):
        assert [f.rule for f in lint_text(text, region=region, select=["FZ301", "FZ003"])] == ["FZ301"]


def test_region_rules_give_warnings_that_say_so_on_likely_context():
    # the body comes from the opening only; its region (a shared street name settled by a district
    # named in the text) is likely: a foreign slogan is reported, as a warning that says why
    text = "2023年，紫阳街道办事处在上城区委、区政府领导下推进法治阆中建设。"
    document = document_from_text(text)
    assert document.context.region == ["浙江省", "杭州市", "上城区", "紫阳街道"]
    assert document.context.confidence["region"] == "likely"
    (finding,) = [f for f in lint_text(text, select=["FZ301"]) if f.rule == "FZ301"]
    assert finding.severity.value == "warning" and "不确定" in finding.message


def test_region_rules_are_skipped_with_one_notice_on_unknown_context():
    findings = lint_text("鼓楼街道办事处深入推进法治阆中建设。", select=["FZ301", "FZ003"])
    assert [f.rule for f in findings] == ["FZ003"]


def test_invisible_characters_are_no_part_of_the_context():
    # a BOM, zero-width spaces and a soft hyphen pasted into the title and the signature
    text = ("\ufeff北京市延\u200b庆区人民政府\n20\u200b21年法治政府建设年度情况\u00ad报告\n\n正文。\n\n"
            "北京市延\u200c庆区人民政府\n2022年3\u200b月1日")
    context = _context(text)
    assert (context.body, context.region, context.year) == ("北京市延庆区人民政府", ["北京市", "延庆区"], 2021)
    assert context.confidence == {"body": "certain", "region": "certain", "year": "certain"}
    assert [(e.line, e.kind) for e in context.evidence["year"]] == [(2, "title"), (7, "signature-date")]


def test_mentions_of_places_are_counted_as_str_count_counts_each_name():
    # a short form inside the full name counts for both; one name's occurrences never overlap
    from checker.document.context import _Mentions
    from checker.document.places import gazetteer

    places = gazetteer()
    text = "密云区鼓楼街道。密云区委、区政府；北京市密云密云区。鼓楼区、鼓楼鼓楼"
    chosen = [p for name in ("密云区", "北京市", "鼓楼区") for p in places.lookup(name)]
    mentions = _Mentions(text, chosen)
    for place in chosen:
        expected = sum(text.count(name) for name in dict.fromkeys((place.name, *place.short_forms)))
        assert mentions(place) == expected and expected > 0


def test_the_signature_is_read_above_the_pages_footer():
    # 编辑, 上一篇/下一篇, 相关阅读 and a bar of bracketed buttons under the 落款: the signature is still
    # the body's strongest evidence, and its date the year's
    text = ("2025年度法治政府建设工作报告\n2025年，我局深入推进依法行政。\n一、2025年推进法治政府建设的主要举措和成效\n正文。\n"
            "永嘉县司法局\n2026年1月9日\n（责任编辑：某某）\n上一篇：关于公布行政执法人员名单的通知\n相关阅读\n【打印】【关闭】")
    context = _context(text)
    assert context.body == "永嘉县司法局" and context.evidence["body"][0].kind == "signature"
    assert ("signature-date", "2026年1月9日") in [(e.kind, e.text) for e in context.evidence["year"]]


def test_the_context_passes_over_every_label_line_fz701_reports():
    # two readers of one page, one vocabulary (rules/data/web_page.yaml): a line FZ701 reports by its
    # metadata or path label is never taken by the context for a title, a signature or evidence
    from checker.engine.batch import Options, _ruleset

    debris = _ruleset(None, Options(no_config=True)).by_name("web-page-debris")
    for label in [*debris.options["labels"], *debris.options["locators"], *debris.options["title_labels"]]:
        assert is_page_debris(f"{label}：某某"), label


def test_the_signature_is_read_above_a_note_under_its_date():
    # GB/T 9704's 附注 under the date, （此件公开发布） or a contact line, is no part of the 落款
    for note in ("（此件公开发布）", "（联系人：某某，电话：0577-1234567）"):
        text = ("2025年度法治政府建设工作报告\n2025年，我局深入推进依法行政。\n一、2025年推进法治政府建设的主要举措和成效\n正文。\n"
                f"苍南县司法局\n2026年1月9日\n{note}")
        context = _context(text)
        assert context.body == "苍南县司法局" and context.evidence["body"][0].kind == "signature", note


def test_a_list_of_links_under_the_signature_is_no_signature():
    # 相关链接： then a government's name a line: the page's links, not a second 落款
    text = ("2025年度法治政府建设工作报告\n2025年，我局深入推进依法行政。\n一、2025年推进法治政府建设的主要举措和成效\n正文。\n"
            "乐清市司法局\n2026年1月12日\n相关链接：\n中国政府网\n浙江省人民政府\n温州市人民政府")
    context = _context(text)
    assert context.body == "乐清市司法局" and context.evidence["body"][0].kind == "signature"
    findings = [f.line for f in lint_text(text, select=["FZ701"])]
    assert findings == [7, 8, 9, 10]


def test_the_signature_is_read_above_the_imprint_and_the_attachment_pages():
    # GB/T 9704: the 版记 (抄送：…, …印发) under the 落款, and attachment pages (附件1, its table) after it
    text = ("2025年度法治政府建设工作报告\n2025年，我局深入推进依法行政。\n一、2025年推进法治政府建设的主要举措和成效\n正文。\n"
            "瑞安市司法局\n2026年1月9日\n抄送：市委办公室，市政府办公室。\n瑞安市司法局办公室　　2026年1月9日印发\n"
            "附件1\n2025年行政复议案件统计表\n类型\n件数\n受理\n37\n附件2\n2025年普法责任清单\n单位\n任务\n")
    context = _context(text)
    assert context.body == "瑞安市司法局" and context.evidence["body"][0].kind == "signature"


def test_a_metadata_box_copied_as_a_table_does_not_hide_the_title():
    cells = ("索引号\n330381/2026-00012\n主题分类\n法治政府建设\n体裁分类\n工作报告\n发布机构\n瑞安市司法局\n"
             "服务对象\n社会公众\n发文字号\n无\n有效性\n有效\n")
    text = cells + "瑞安市司法局2025年度法治政府建设工作报告\n2025年，我局深入推进依法行政。\n一、2025年推进法治政府建设的主要举措和成效\n正文。"
    document = document_from_text(text)
    assert document.title_block is not None and document.title_block.body == "瑞安市司法局"
    assert lint_text(text, select=["FZ105"]) == []


def test_a_signature_naming_another_body_of_the_county_leaves_the_body_likely_and_the_county_certain():
    text = ("苍南县应急管理局2025年度法治政府建设工作报告\n2025年，我局深入推进依法行政。\n"
            "一、2025年推进法治政府建设的主要举措和成效\n正文。\n苍南县交通运输局\n2026年1月9日")
    context = _context(text)
    assert context.confidence["body"] == "likely" and context.confidence["region"] == "certain"
    assert context.region[-1] == "苍南县"
    same = text.replace("苍南县交通运输局\n", "苍南县应急管理局\n")
    assert _context(same).confidence["body"] == "certain"


def test_a_label_spaced_out_in_a_box_is_read_as_written_close():
    assert is_page_debris("文　　号：某发〔2024〕3号") and is_page_debris("索 引 号") and is_bare_label("发　布　机　构")
    # only single characters parted by blanks up to a colon or the end are closed up
    assert closed_label("名　　称") == "名称" and closed_label("索 引 号：AB 12") == "索引号：AB 12"
    assert closed_label("首页 政务公开") == "首页 政务公开" and closed_label("中 共 某县委") == "中 共 某县委"


def test_a_boxs_last_label_over_the_title_leaves_the_title_the_title():
    # the value of 文号 left empty in the box: the next line is the report's title, not that value
    for label in ("文号", "文　　号", "有效性"):
        document = document_from_text(f"{label}\n某县水利局2023年法治政府建设年度报告\n2023年，我局推进依法行政。")
        assert document.title_block is not None and document.title_block.body == "某县水利局", label


def test_rows_of_a_metadata_table_no_label_tells_do_not_hide_the_title():
    # a site's name, then label：⇥value rows whose labels are none the vocabulary knows: the title after
    # them is still the title (no FZ105), its body the body
    text = ("某市某区人民政府\n公开目录编号：\tXY-0031/2025\t成文时间：\t2025-01-20\n所属栏目：\t部门文件\t责任单位：\t区民政局\n"
            "某市某区民政局2024年法治政府建设年度报告\n2024年，我局推进依法行政。\n一、2024年推进法治政府建设的主要举措和成效\n正文。")
    document = document_from_text(text)
    assert document.title_block is not None and document.title_block.title.line == 4
    assert lint_text(text, select=["FZ105"]) == []


def test_a_title_and_an_opening_that_agree_outweigh_a_signature_naming_another_street():
    # the 落款 alone names 曙光路街道 (no street of 南关区); the title and the opening name 曙光街道
    text = ("长春市南关区曙光街道办事处2024年法治政府建设年度报告\n2024年，曙光街道办事处深入推进依法行政。\n"
            "一、2024年推进法治政府建设的主要举措和成效\n曙光街道办事处全年调解纠纷86件。\n\n"
            "长春市南关区曙光路街道办事处\n2025年1月15日")
    context = _context(text)
    assert context.body == "长春市南关区曙光街道办事处"
    assert context.region == ["吉林省", "长春市", "南关区", "曙光街道"]
    assert context.confidence["body"] == "likely"  # the draft contradicts itself
    assert [e.kind for e in context.evidence["body"]][:2] == ["title", "opening"]
    assert not lint_text(text, select=["FZ310", "FZ311"])
    assert [f.line for f in lint_text(text, select=["FZ112"])] == [6]


def test_an_opening_naming_the_titles_town_and_not_the_signatures_sides_with_the_title():
    # the opening names no body in full (党委、政府 of the town), but its town is the title's
    text = ("盐城市亭湖区黄尖镇人民政府2023年法治政府建设年度报告\n2023年，黄尖镇党委、政府坚持依法行政。\n"
            "一、2023年推进法治政府建设的主要举措和成效\n全镇调解纠纷41件。\n\n盐城市亭湖区新兴镇人民政府\n2024年1月10日")
    context = _context(text)
    assert context.body == "盐城市亭湖区黄尖镇人民政府" and context.confidence["body"] == "likely"
    assert [f.line for f in lint_text(text, select=["FZ112"])] == [6]
    assert not lint_text(text, select=["FZ311"])
    # an opening that names both towns decides nothing: the signature stays the body
    both = text.replace("黄尖镇党委、政府坚持", "黄尖镇、新兴镇党委、政府坚持")
    assert _context(both).body == "盐城市亭湖区新兴镇人民政府"


def test_resources_of_a_kind_are_no_county_named_ziyuan():
    text = ("某省自然资源厅2023年法治政府建设年度报告\n2023年，某省自然资源厅坚持依法行政。\n"
            "一、2023年推进法治政府建设的主要举措和成效\n全省人力资源和矿产资源管理依法推进。")
    assert "资源县" not in " ".join(_context(text).region)
    assert not lint_text(text, select=["FZ301", "FZ302"])


def test_a_title_alone_against_the_signature_leaves_the_signature_the_body():
    text = ("长春市南关区曙光街道办事处2024年法治政府建设年度报告\n2024年，我街道深入推进依法行政。\n"
            "一、2024年推进法治政府建设的主要举措和成效\n正文。\n\n长春市南关区桃源街道办事处\n2025年1月15日")
    assert _context(text).body == "长春市南关区桃源街道办事处"


def test_a_title_and_an_opening_the_gazetteer_cannot_place_do_not_outweigh_the_signature():
    # four 黄桥镇 in four provinces and nothing in the draft to tell which: the signature stays the body
    text = ("黄桥镇人民政府2024年法治政府建设年度报告\n2024年，黄桥镇人民政府深入推进依法行政。\n"
            "一、2024年推进法治政府建设的主要举措和成效\n正文。\n\n如皋市搬经镇人民政府\n2025年1月15日")
    assert _context(text).body == "如皋市搬经镇人民政府"
