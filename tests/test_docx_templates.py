"""Styles and numbering kept per template (checker/loaders/templates.py): shared only by parts stored
exactly alike, never a failure, never a draft's list counters."""

from __future__ import annotations

import zipfile
import zlib

import pytest
from docx_factory import abstract_num, make_docx, num

from checker.loaders.docx import load_docx
from checker.loaders.errors import LoadError
from checker.loaders.package import MAX_KEPT_SIZE, Member
from checker.loaders.templates import list_definitions, paragraph_styles

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _member(data: bytes, crc: int | None = None) -> Member:
    deflate = zlib.compressobj(wbits=-15)
    packed = deflate.compress(data) + deflate.flush()
    return Member(zipfile.ZIP_DEFLATED, len(data), zlib.crc32(data) if crc is None else crc, packed)


def _styles(default_id: str) -> bytes:
    return (f'<w:styles {NS}><w:style w:type="paragraph" w:default="1" w:styleId="{default_id}">'
            f'<w:name w:val="{default_id}"/></w:style></w:styles>').encode()


def _numbering(padding: int = 0) -> bytes:
    return f'<w:numbering {NS}><!--{"x" * padding}--><w:num w:numId="1"/></w:numbering>'.encode()


def test_parts_stored_alike_share_what_they_define():
    assert paragraph_styles(_member(_styles("Normal"))) is paragraph_styles(_member(_styles("Normal")))
    assert list_definitions(_member(_numbering())) is list_definitions(_member(_numbering()))


def test_another_part_is_read_for_itself():
    assert paragraph_styles(_member(_styles("Normal"))).default == "Normal"
    assert paragraph_styles(_member(_styles("Standard"))).default == "Standard"


def test_the_same_bytes_with_another_declared_crc_are_checked_again():
    data = _styles("Checked")
    paragraph_styles(_member(data))
    with pytest.raises(LoadError, match="校验失败"):
        paragraph_styles(_member(data, crc=zlib.crc32(data) ^ 1))


def test_a_part_that_fails_fails_every_time():
    broken = _member(b"<w:numbering " + NS.encode() + b"><w:num>")
    for _ in range(2):
        with pytest.raises(LoadError, match="XML 已损坏"):
            list_definitions(broken)


def test_a_part_over_the_size_limit_is_not_kept():
    large = _numbering(padding=MAX_KEPT_SIZE)
    assert list_definitions(_member(large)) is not list_definitions(_member(large))


def test_list_counters_start_afresh_in_each_draft_of_a_template(tmp_path):
    numbering = [abstract_num(1, [("chineseCounting", "%1、")]), num(1, 1)]
    paths = [
        make_docx(tmp_path / f"{name}.docx", ["标题", ("总体情况", {"num": (1, 0)}), ("主要举措", {"num": (1, 0)})],
                  numbering=numbering)
        for name in ("a", "b")
    ]
    for path in paths + paths:
        assert [p.text for p in load_docx(str(path)).paragraphs] == ["标题", "一、总体情况", "二、主要举措"]
