"""Word automatic list numbering is rendered into the text view, counted the way Word counts."""

from __future__ import annotations

import pytest
from docx_factory import abstract_num, make_docx, num

from checker.document import analyse
from checker.loaders.docx import load_docx
from checker.loaders.numbering import MAX_LABEL, format_number

REPORT_LIST = abstract_num(1, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])


def _texts(tmp_path, paragraphs, **options) -> list[str]:
    return [p.text for p in load_docx(str(make_docx(tmp_path / "n.docx", paragraphs, **options))).paragraphs]


@pytest.mark.parametrize(
    ("number_format", "n", "expected"),
    [
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 100, "一〇〇"),
        ("chineseCountingThousand", 11, "十一"),
        ("chineseCountingThousand", 101, "一百零一"),
        ("chineseCountingThousand", 110, "一百一十"),
        ("chineseCountingThousand", 1010, "一千零一十"),
        ("japaneseCounting", 111, "百十一"),
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 10, "癸"),
        ("ideographTraditional", 11, "11"),
        ("decimalFullWidth", 12, "１２"),
        ("lowerLetter", 27, "aa"),
        ("upperLetter", 2, "B"),
        ("upperRoman", 14, "XIV"),
        ("decimalEnclosedCircle", 3, "③"),
        ("decimalEnclosedCircle", 21, "21"),
        ("decimalZero", 7, "07"),
        ("cardinalText", 3, "3"),  # not known here: drawn in digits, and reported (FZ005)
        # LibreOffice's 一, 二, 三 list saved as .docx; traditional-Chinese Word's own
        ("taiwaneseCountingThousand", 1, "一"),
        ("taiwaneseCountingThousand", 10, "十"),
        ("taiwaneseCountingThousand", 12, "十二"),
        ("taiwaneseCountingThousand", 20, "二十"),
        ("taiwaneseCountingThousand", 101, "一百〇一"),
        ("taiwaneseCountingThousand", 110, "一百一十"),
        ("taiwaneseCounting", 19, "十九"),
        ("taiwaneseDigital", 105, "一〇五"),
        ("ideographLegalTraditional", 3, "參"),
        ("ideographLegalTraditional", 10, "壹拾"),
        ("ideographLegalTraditional", 12, "壹拾貳"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("ideographEnclosedCircle", 1, "㈠"),
        ("ideographEnclosedCircle", 10, "㈩"),
        ("ideographEnclosedCircle", 11, "11"),
        ("ideographZodiacTraditional", 1, "甲子"),
        ("ideographZodiacTraditional", 12, "乙亥"),
        ("ideographZodiac", 12, "亥"),
        ("decimalEnclosedCircleChinese", 2, "②"),
        ("decimalEnclosedParen", 3, "⑶"),
        ("decimalEnclosedFullstop", 4, "⒋"),
    ],
)
def test_number_formats(number_format, n, expected):
    assert format_number(n, number_format) == expected


def test_two_chinese_levels_restart_when_level_one_advances(tmp_path):
    texts = _texts(
        tmp_path,
        [
            ("总体情况", {"num": (1, 0)}),
            ("加强领导", {"num": (1, 1)}),
            ("完善制度", {"num": (1, 1)}),
            ("存在的不足", {"num": (1, 0)}),
            ("学习不够", {"num": (1, 1)}),
        ],
        numbering=[REPORT_LIST, num(1, 1)],
    )
    assert texts == ["一、总体情况", "（一）加强领导", "（二）完善制度", "二、存在的不足", "（一）学习不够"]


def test_decimal_levels_and_multi_level_text(tmp_path):
    numbering = [abstract_num(2, [("decimal", "%1."), ("decimal", "%1.%2")]), num(2, 2)]
    texts = _texts(
        tmp_path,
        [
            ("甲", {"num": (2, 0)}),
            ("乙", {"num": (2, 1)}),
            ("丙", {"num": (2, 0)}),
            ("丁", {"num": (2, 1)}),
            ("戊", {"num": (2, 1)}),
        ],
        numbering=numbering,
    )
    assert texts == ["1.甲", "1.1乙", "2.丙", "2.1丁", "2.2戊"]


def test_start_override_makes_a_jump_like_set_numbering_value(tmp_path):
    texts = _texts(
        tmp_path,
        [("甲", {"num": (1, 0)}), ("乙", {"num": (1, 0)}), ("丙", {"num": (2, 0)}), ("丁", {"num": (2, 1)})],
        numbering=[REPORT_LIST, num(1, 1), num(2, 1, start_overrides={0: 4})],
    )
    assert texts == ["一、甲", "二、乙", "四、丙", "（一）丁"]


def test_nums_sharing_an_abstract_num_continue_one_list(tmp_path):
    texts = _texts(
        tmp_path,
        [("甲", {"num": (1, 0)}), "正文", ("乙", {"num": (3, 0)})],
        numbering=[REPORT_LIST, num(1, 1), num(3, 1)],
    )
    assert texts == ["一、甲", "正文", "二、乙"]


def test_level_start_value_and_never_restarting_level(tmp_path):
    levels = [("decimal", "%1."), ("decimal", "（%2）", 5, '<w:lvlRestart w:val="0"/>')]
    texts = _texts(
        tmp_path,
        [("a", {"num": (4, 1)}), ("b", {"num": (4, 0)}), ("c", {"num": (4, 1)})],
        numbering=[abstract_num(4, levels), num(4, 4)],
    )
    assert texts == ["（5）a", "1.b", "（6）c"]


def test_numbering_inherited_from_heading_styles_and_based_on_chain(tmp_path):
    texts = _texts(
        tmp_path,
        [
            ("总体情况", {"style": "Heading 1"}),
            ("加强领导", {"style": "Heading 2"}),
            ("存在的不足", {"style": "报告一级标题"}),
            ("不编号", {"style": "Heading 1", "num": (0, 0)}),
        ],
        numbering=[REPORT_LIST, num(1, 1)],
        styles={"报告一级标题": "Heading 1"},
        style_numbering={"Heading 1": (1, 0), "Heading 2": (1, 1)},
    )
    assert texts == ["一、总体情况", "（一）加强领导", "二、存在的不足", "不编号"]


def test_level_found_through_pstyle_when_style_gives_no_ilvl(tmp_path):
    levels = [
        ("chineseCounting", "%1、", 1, '<w:pStyle w:val="Heading1"/>'),
        ("chineseCounting", "（%2）", 1, '<w:pStyle w:val="Heading2"/>'),
    ]
    texts = _texts(
        tmp_path,
        [("甲", {"style": "Heading 1"}), ("乙", {"style": "Heading 2"})],
        numbering=[abstract_num(5, levels), num(5, 5)],
        style_numbering={"Heading 1": (5, None), "Heading 2": (5, None)},
    )
    assert texts == ["一、甲", "（一）乙"]


def test_suffix_is_not_added_and_legal_numbering_is_decimal(tmp_path):
    levels = [("chineseCounting", "第%1章", 1, '<w:suff w:val="space"/>'), ("decimal", "%1.%2", 1, "<w:isLgl/>")]
    document = load_docx(
        str(
            make_docx(
                tmp_path / "s.docx",
                [("总则", {"num": (6, 0)}), ("目的", {"num": (6, 1)})],
                numbering=[abstract_num(6, levels), num(6, 6)],
            )
        )
    )
    assert [p.text for p in document.paragraphs] == ["第一章总则", "1.1目的"]
    assert document.paragraphs[0].auto_number == "第一章"


def test_bullets_and_unknown_num_ids_give_no_label(tmp_path):
    numbering = [abstract_num(7, [("bullet", "●")]), num(7, 7)]
    document = load_docx(
        str(
            make_docx(tmp_path / "b.docx", [("要点", {"num": (7, 0)}), ("悬空", {"num": (99, 0)})], numbering=numbering)
        )
    )
    assert [(p.text, p.auto_number) for p in document.paragraphs] == [("要点", None), ("悬空", None)]


def test_auto_numbered_headings_are_marked_as_word_numbering(tmp_path):
    path = make_docx(
        tmp_path / "h.docx",
        [
            "北京市东城区某局2021年法治政府建设年度报告",
            ("2021年推进法治政府建设的主要举措和成效", {"num": (1, 0)}),
            ("加强组织领导", {"num": (1, 1)}),
            "正文。",
            ("2021年推进法治政府建设存在的不足和原因", {"num": (1, 0)}),
        ],
        numbering=[REPORT_LIST, num(1, 1)],
    )
    document = analyse(load_docx(str(path)))
    markers = [(h.level, h.marker.text, h.marker.from_word_numbering) for h in document.outline if h.marker]
    assert markers == [(1, "一、", True), (2, "（一）", True), (1, "二、", True)]


def test_year_heading_numbered_one_dot_is_numbered_by_its_label_not_reread_from_the_text(tmp_path):
    decimal = abstract_num(2, [("decimal", "%1.")])
    path = make_docx(tmp_path / "y.docx", [
        "北京市东城区某局2021年法治政府建设年度报告",
        ("2021年推进法治政府建设的主要举措和成效", {"num": (2, 0)}),
        "正文。",
        ("2021年推进法治政府建设存在的不足和原因", {"num": (2, 0)}),
    ], numbering=[decimal, num(2, 2)])
    document = analyse(load_docx(str(path)))
    assert document.paragraphs[1].text == "1.2021年推进法治政府建设的主要举措和成效"
    found = [(h.marker.text, h.marker.number, h.marker.from_word_numbering, h.title) for h in document.outline if h.marker]
    assert found == [("1.", 1, True, "2021年推进法治政府建设的主要举措和成效"),
                     ("2.", 2, True, "2021年推进法治政府建设存在的不足和原因")]


def test_taiwanese_counting_thousand_headings_read_as_chinese_numbers_without_a_false_slip(tmp_path):
    from checker.engine.batch import Options, check_file

    chinese = abstract_num(3, [("taiwaneseCountingThousand", "%1、")])
    path = make_docx(tmp_path / "t.docx", [
        "北京市东城区某局2021年法治政府建设年度报告",
        ("2021年推进法治政府建设的主要举措和成效", {"num": (3, 0)}),
        "正文。",
        ("2021年推进法治政府建设存在的不足和原因", {"num": (3, 0)}),
    ], numbering=[chinese, num(3, 3)])
    result = check_file(str(path), Options(no_config=True), keep_document=True)
    assert [p.auto_number for p in result.document.paragraphs if p.auto_number] == ["一、", "二、"]
    assert not [f for f in result.findings if f.category == "numbering" or f.rule == "FZ005"]


def test_an_unknown_number_format_is_reported_once_on_its_first_paragraph(tmp_path):
    from checker.engine.batch import Options, check_file

    odd = abstract_num(4, [("koreanCounting", "%1、")])
    path = make_docx(tmp_path / "k.docx", [
        "北京市东城区某局2021年法治政府建设年度报告",
        ("2021年推进法治政府建设的主要举措和成效", {"num": (4, 0)}),
        "正文。",
        ("2021年推进法治政府建设存在的不足和原因", {"num": (4, 0)}),
    ], numbering=[odd, num(4, 4)])
    result = check_file(str(path), Options(no_config=True), keep_document=True)
    assert result.document.unknown_number_formats == {"koreanCounting": 1}
    reported = [f for f in result.findings if f.rule == "FZ005"]
    assert [(f.line, f.column, f.end_column) for f in reported] == [(2, 1, 3)]
    assert "koreanCounting" in reported[0].message and "「1、」" in reported[0].message


def test_hostile_labels_stay_bounded(tmp_path):
    """lowerLetter repeats its letter (32767 → 1,261 letters) and lvlText may use %1 nine times:
    labels are cut, and counting stops at Word's 32767 instead of growing past it."""
    paragraphs = [("加强领导。", {"num": (1, 0)}) for _ in range(300)]
    texts = _texts(tmp_path, paragraphs, numbering=[abstract_num(1, [("lowerLetter", "%1" * 9, 32760)]), num(1, 1)])
    assert len(texts) == 300
    assert all(text.endswith("加强领导。") and len(text) <= MAX_LABEL + len("加强领导。") for text in texts)
    assert texts[0] == "z" * MAX_LABEL + "加强领导。"  # 32760 → "z" 1,260 times, cut
    assert texts[-1] == texts[10]  # held at 32767


def _custom_level(word_format: str) -> str:
    """A w:lvl as Word 2010+ writes a custom numFmt: in mc:AlternateContent, decimal as the fallback."""
    return ('<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f'<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="{word_format}"/></mc:Choice>'
            '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
            '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>')


@pytest.mark.parametrize(("word_format", "labels", "unknown"), [
    ("001, 002, 003, ...", ["001、", "002、"], {}),
    ("A-1, A-2, A-3, ...", ["1、", "2、"], {"custom:A-1, A-2, A-3, ...": 0}),
])
def test_custom_number_formats_in_alternate_content_are_drawn_or_reported(tmp_path, word_format, labels, unknown):
    path = make_docx(tmp_path / "c.docx", [("第一项", {"num": (5, 0)}), ("第二项", {"num": (5, 0)})],
                     numbering=[_custom_level(word_format), num(5, 5)])
    document = load_docx(str(path))
    assert [p.auto_number for p in document.paragraphs] == labels
    assert document.unknown_number_formats == unknown
