"""The .docx loader: the text view, its anchors back into the XML, and refusal of unreadable files."""

from __future__ import annotations

import io
import random
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx_factory import Raw, Table, abstract_num, make_docx, num

from checker.document.model import Part
from checker.loaders import docx as docx_loader
from checker.loaders import load
from checker.loaders.docx import load_docx, paragraph_runs
from checker.loaders.errors import LoadError

LIST = [abstract_num(1, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")]), num(1, 1)]


@pytest.fixture
def sample(tmp_path):
    return make_docx(
        tmp_path / "sample.docx",
        [
            "北京市东城区某局2021年法治政府建设年度报告",
            ("总体情况", {"num": (1, 0), "style": "Heading 1"}),
            (["推进", "法治", "政府建设。"], {"comment": "fazhi-lint: ignore FZ101"}),
            Table([["事项", "数量"], ["行政复议", ["3件", Table([["其中", "纠错1件"]])]]]),
            ("加强领导", {"num": (1, 1), "footnote": "见附件。"}),
            Raw(
                "<w:p><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:br/><w:t>换行</w:t></w:r>"
                "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:tab/><w:t>插入</w:t></w:r></w:ins>"
                "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"
            ),
        ],
        numbering=LIST,
        header="东城区某局",
        footer="第 1 页",
    )


def test_body_and_table_paragraphs_in_reading_order(sample):
    document = load_docx(str(sample))
    assert document.format == "docx"
    assert [(p.text, p.part) for p in document.paragraphs] == [
        ("北京市东城区某局2021年法治政府建设年度报告", Part.BODY),
        ("一、总体情况", Part.BODY),
        ("推进法治政府建设。", Part.BODY),
        ("事项", Part.TABLE),
        ("数量", Part.TABLE),
        ("行政复议", Part.TABLE),
        ("3件", Part.TABLE),
        ("其中", Part.TABLE),
        ("纠错1件", Part.TABLE),
        ("", Part.TABLE),  # python-docx ends a cell holding a table with an empty paragraph, as Word requires
        ("（一）加强领导", Part.BODY),
        ("链接 换行\t插入", Part.BODY),
    ]
    assert [(p.index, p.line) for p in document.paragraphs] == [(i, i + 1) for i in range(len(document.paragraphs))]
    assert document.paragraphs[1].style == "Heading 1"
    assert document.paragraphs[1].auto_number == "一、"


def test_merged_cells_are_read_once(tmp_path):
    path = make_docx(
        tmp_path / "m.docx",
        [
            Table([["合并", "右上"], ["", "右下"]], merges=[((0, 0), (1, 0))]),
            Table([["横向合并", ""], ["左", "右"]], merges=[((0, 0), (0, 1))]),
        ],
    )
    assert [p.text for p in load_docx(str(path)).paragraphs] == ["合并", "右上", "右下", "横向合并", "左", "右"]


def test_content_controls_are_read_and_fallback_copies_skipped(tmp_path):
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    path = make_docx(
        tmp_path / "sdt.docx",
        [
            Raw("<w:sdt><w:sdtContent><w:p><w:r><w:t>块级控件</w:t></w:r></w:p></w:sdtContent></w:sdt>"),
            Raw(
                f"<w:p {mc}><w:sdt><w:sdtContent><w:r><w:t>行内</w:t></w:r></w:sdtContent></w:sdt>"
                "<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>新</w:t></w:r></mc:Choice>"
                "<mc:Fallback><w:r><w:t>旧</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
            ),
        ],
    )
    document = load_docx(str(path))
    assert [p.text for p in document.paragraphs] == ["块级控件", "行内新"]
    assert [span.run for span in document.paragraphs[1].runs] == [0, 1]


def test_headers_footers_and_footnotes_are_furniture(sample):
    document = load_docx(str(sample))
    furniture = [(p.text, p.part, p.line) for p in document.furniture]
    last = document.paragraphs[-1].line  # furniture is numbered on after the body, as `fazhi-lint text` shows it
    assert furniture == [("东城区某局", Part.HEADER, last + 1), ("第 1 页", Part.FOOTER, last + 2),
                         ("见附件。", Part.FOOTNOTE, last + 3)]
    assert not {"东城区某局", "第 1 页", "见附件。"} & {p.text for p in document.paragraphs}


def test_run_spans_cover_the_text_after_the_label(sample):
    for paragraph in load_docx(str(sample)).paragraphs:
        joined = "".join(paragraph.text[span.start : span.end] for span in paragraph.runs)
        assert joined == paragraph.text[paragraph.prefix_length :]
        assert all(a.end <= b.start for a, b in zip(paragraph.runs, paragraph.runs[1:]))


def test_source_index_and_run_numbers_find_the_xml_again(sample):
    view = load_docx(str(sample))
    body_paragraphs = list(docx.Document(str(sample)).element.body.iter(qn("w:p")))
    for paragraph in view.paragraphs:
        element = body_paragraphs[paragraph.source_index]
        runs = paragraph_runs(element)
        for span in paragraph.runs:
            shown = "".join(t.text for t in runs[span.run].iter(qn("w:t")))
            assert paragraph.text[span.start : span.end].replace(" ", "").replace("\t", "") == shown
    mixed = view.paragraphs[-1]
    assert [span.run for span in mixed.runs] == [0, 1, 3]  # run 2 is deleted, run 4 hidden: counted, not shown


def test_comment_range_in_view_coordinates(tmp_path):
    path = make_docx(
        tmp_path / "c.docx",
        ["标题", ("落实责任", {"num": (1, 0), "comment": "fazhi-lint: ignore FZ101"})],
        numbering=LIST,
    )
    (comment,) = load_docx(str(path)).comments
    assert (comment.text, comment.start_line, comment.start_column, comment.end_line, comment.end_column) == (
        "fazhi-lint: ignore FZ101",
        2,
        3,
        2,
        7,
    )


def test_line_breaks_inside_text_become_spaces_and_keep_the_run_spans(tmp_path):
    path = make_docx(tmp_path / "b.docx", [Raw(
        '<w:p><w:r><w:t xml:space="preserve">甲&#10;乙&#13;丙\u2028丁\u2029戊\x85己</w:t></w:r><w:r><w:t>庚</w:t></w:r></w:p>'
    )])
    (paragraph,) = load_docx(str(path)).paragraphs
    assert paragraph.text == "甲 乙 丙 丁 戊 己庚"
    assert [(span.start, span.end) for span in paragraph.runs] == [(0, 11), (11, 12)]


def test_a_run_hidden_by_a_late_run_property_shows_nothing(tmp_path):
    path = make_docx(tmp_path / "h.docx", [Raw(
        "<w:p><w:r><w:t>显示</w:t></w:r>"
        '<w:r><w:t>藏</w:t><w:commentReference w:id="0"/><w:rPr><w:vanish/></w:rPr></w:r>'
        "<w:r><w:tab/><w:t>尾</w:t></w:r></w:p>"
    )])
    (paragraph,) = load_docx(str(path)).paragraphs
    assert paragraph.text == "显示\t尾"
    assert [(span.run, span.start, span.end) for span in paragraph.runs] == [(0, 0, 2), (2, 2, 4)]


def test_load_analyses_a_docx(sample):
    document = load(str(sample))
    assert document.format == "docx"
    assert document.outline and document.outline[0].marker.from_word_numbering


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _corrupted_crc(path) -> bytes:
    data = bytearray(path.read_bytes())
    offset = data.index(b"word/document.xml") + len("word/document.xml") + 40  # inside its deflated data
    data[offset] ^= 0xFF
    return bytes(data)


def _with_document_xml(path, xml: bytes) -> bytes:
    return _zip(_members(path) | {"word/document.xml": xml})


DTD = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    b"<w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)

_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LAUGHS = b"".join(b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10))
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">' + _LAUGHS + b"]>"
    b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
)
IMAGE_ONLY = b"<w:document " + _W + b"><w:body><w:p><w:r><w:t> </w:t></w:r></w:p><w:p/></w:body></w:document>"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda sample: b"", "文件为空"),
        (lambda sample: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "文件已加密或为旧版 Word 格式，无法读取"),
        (lambda sample: "这是一份文本，不是 Word 文档".encode(), "不是 zip 压缩包"),
        (lambda sample: sample.read_bytes()[:3000], "文件已损坏"),
        (_corrupted_crc, "文件已损坏"),
        (lambda sample: _zip({"[Content_Types].xml": b"<Types/>"}), "缺少 word/document.xml"),
        (lambda sample: _zip({"xl/workbook.xml": b"<workbook/>"}), "Excel 或 PowerPoint"),
        (lambda sample: _with_document_xml(sample, b"<w:document><w:body>"), "XML 已损坏"),
        (lambda sample: _with_document_xml(sample, DTD), "DTD/实体声明"),
        (lambda sample: _with_document_xml(sample, BILLION_LAUGHS), "DTD/实体声明"),
        (lambda sample: _with_document_xml(sample, IMAGE_ONLY), "没有文字"),
        # past what the loader inflates: refused whatever the ratio (a high ratio alone is no bomb: see
        # test_a_part_that_compresses_far_past_100x_loads)
        (lambda sample: _with_document_xml(sample, IMAGE_ONLY.replace(b"<w:body>", b"<w:body>" + b" " * (65 << 20))), "压缩炸弹"),
    ],
    ids=[
        "empty",
        "ole",
        "not-zip",
        "truncated",
        "bad-crc",
        "no-document",
        "xlsx",
        "broken-xml",
        "dtd",
        "laughs",
        "no-text",
        "bomb",
    ],
)
def test_unreadable_files_raise_load_error_with_a_clear_message(sample, tmp_path, make, message):
    path = tmp_path / "bad.docx"
    path.write_bytes(make(sample))
    with pytest.raises(LoadError) as caught:
        load_docx(str(path))
    assert message in caught.value.message


def test_unpacked_size_limit(sample, tmp_path, monkeypatch):
    monkeypatch.setattr(docx_loader, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(LoadError, match="解压后超过"):
        load_docx(str(sample))


def test_missing_path_is_a_load_error(tmp_path):
    with pytest.raises(LoadError):
        load_docx(str(tmp_path / "nowhere.docx"))


def test_damaged_bytes_never_raise_anything_but_load_error(sample, tmp_path):
    original = sample.read_bytes()
    rng = random.Random(20220401)
    for attempt in range(40):
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"damaged{attempt}.docx"
        path.write_bytes(bytes(data))
        try:
            load_docx(str(path))
        except LoadError:
            pass


def test_relationship_targets_resolve_as_python_docx_resolved_them(sample, tmp_path):
    parts = _members(sample)
    rels = parts["word/_rels/document.xml.rels"]
    moved = rels.replace(b'Target="styles.xml"', b'Target="/word/styles.xml"')
    moved = moved.replace(b'Target="header1.xml"', b'Target="../word/header1.xml"')
    assert moved.count(b'Target="') == rels.count(b'Target="') and moved != rels
    path = tmp_path / "moved.docx"
    path.write_bytes(_zip(parts | {"word/_rels/document.xml.rels": moved}))
    original, read = load_docx(str(sample)), load_docx(str(path))
    assert (read.paragraphs, read.furniture, read.comments) == (original.paragraphs, original.furniture, original.comments)
    assert read.paragraphs[1].style == "Heading 1" and read.furniture[0].text == "东城区某局"


def test_a_part_the_document_relates_to_but_the_zip_lacks_is_named(sample, tmp_path):
    parts = _members(sample)
    del parts["word/styles.xml"]
    path = tmp_path / "no-styles.docx"
    path.write_bytes(_zip(parts))
    with pytest.raises(LoadError, match="缺少部件 word/styles.xml"):
        load_docx(str(path))


def test_a_part_that_compresses_far_past_100x_loads(sample, tmp_path):
    """python-docx deflates a long draft's XML ~300×: the tool must read its own .reviewed.docx."""
    paragraph = b"<w:p><w:r><w:t>\xe5\x8a\xa0\xe5\xbc\xba\xe9\xa2\x86\xe5\xaf\xbc\xe3\x80\x82</w:t></w:r></w:p>"
    document = b"<w:document " + _W + b"><w:body>" + paragraph * 60_000 + b"</w:body></w:document>"
    path = tmp_path / "long.docx"
    path.write_bytes(_with_document_xml(sample, document))
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert info.file_size > 2**20 and info.compress_size * 100 < info.file_size
    assert len(load_docx(str(path)).paragraphs) == 60_000
