"""The .txt loader: encodings, line endings, indentation kept, clear errors."""

from __future__ import annotations

import codecs

import pytest

from checker.loaders.errors import LoadError
from checker.loaders.txt import load_txt_bytes

TEXT = "东城区园林绿化局\n\n2021年法治政府建设年度情况报告\n\u3000\u3000一年来，我局…\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM, native order
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "gbk", "gb18030"],
)
def test_encodings_are_detected(data, encoding):
    document = load_txt_bytes(data, "draft.txt")
    assert document.encoding == encoding
    assert [p.text for p in document.paragraphs] == TEXT.splitlines()


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_file_lines(newline):
    document = load_txt_bytes(TEXT.replace("\n", newline).encode(), "draft.txt")
    assert [p.line for p in document.paragraphs] == [1, 2, 3, 4]
    assert document.newline == newline


def test_full_width_spaces_and_tabs_are_kept():
    document = load_txt_bytes("\u3000\u3000正文\n\t第二行\n".encode(), "draft.txt")
    assert document.paragraphs[0].text == "\u3000\u3000正文"
    assert document.paragraphs[1].text == "\t第二行"


def test_vertical_tab_and_unicode_separators_do_not_split_lines():
    document = load_txt_bytes("一行\u2028仍是一行\n第二行".encode(), "draft.txt")
    assert len(document.paragraphs) == 2


def test_undecodable_bytes_name_the_offset():
    data = "法治政府".encode() + b"\xff\xfe\xfa" + "建设".encode()
    with pytest.raises(LoadError, match=r"第 \d+ 字节"):
        load_txt_bytes(data, "draft.txt")


def test_binary_content_is_refused():
    with pytest.raises(LoadError, match="NUL"):
        load_txt_bytes(b"\x7fELF\x02\x01\x01\x00\x00", "draft.txt")


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t"])
def test_empty_file_is_refused(data):
    with pytest.raises(LoadError, match="文件为空"):
        load_txt_bytes(data, "draft.txt")
