"""Word automatic numbering in .docx files a real client wrote: drafts typed as flat ODT with list
styles, converted to .docx by LibreOffice headless. The labels fazhi-lint reads must be the labels
LibreOffice itself shows for that .docx (its plain-text export of the same file), and a heading
numbered "%1." whose text starts with a year is numbered, not re-read as "1.2021". Skipped, with
the reason shown, where LibreOffice is not installed (.ci/run installs it)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from office import SKIP_REASON, SOFFICE, Office

from checker.engine.batch import Options, check_file
from checker.loaders import load

pytestmark = pytest.mark.skipif(SOFFICE is None, reason=SKIP_REASON)

# ODF num-format values of LibreOffice's own list menus for Chinese text (and two Western ones)
CHINESE_LISTS = ["一, 二, 三, ...", "壹, 贰, 叁, ...", "壹, 貳, 參, ...", "甲, 乙, 丙, ...", "子, 丑, 寅, ...",
                 "①, ②, ③, ...", "1", "a", "I"]
ITEMS = 12
SECTIONS = ["2021年推进法治政府建设的主要举措和成效", "2021年推进法治政府建设存在的不足和原因",
            "2021年党政主要负责人履行推进法治建设第一责任人职责情况", "2022年推进法治政府建设的主要安排"]

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _list_style(name: str, number_format: str, suffix: str) -> str:
    return (f'<text:list-style style:name="{name}"><text:list-level-style-number text:level="1" '
            f'style:num-suffix={quoteattr(suffix)} style:num-format={quoteattr(number_format)}>'
            f'<style:list-level-properties/></text:list-level-style-number></text:list-style>')


def _list(style: str, texts: list[str]) -> str:
    items = "".join(f"<text:list-item><text:p>{text}</text:p></text:list-item>" for text in texts)
    return f'<text:list text:style-name="{style}">{items}</text:list>'


def flat_odt(path: Path, styles: list[str], body: list[str]) -> Path:
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} office:version="1.3" '
                    f'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>'
                    f'{"".join(styles)}</office:automatic-styles><office:body><office:text>{"".join(body)}'
                    f'</office:text></office:body></office:document>', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """Two drafts LibreOffice wrote as .docx, and its own text export of the list formats one."""
    folder = tmp_path_factory.mktemp("lists")
    styles = [_list_style(f"L{i}", fmt, "、") for i, fmt in enumerate(CHINESE_LISTS)]
    body = [f"<text:p>格式{i}</text:p>" + _list(f"L{i}", [f"第{n}项内容" for n in range(1, ITEMS + 1)])
            for i in range(len(CHINESE_LISTS))]
    formats = flat_odt(folder / "编号格式.fodt", styles, body)
    years = flat_odt(folder / "年份标题.fodt", [_list_style("S", "1", ".")], [
        "<text:p>东城区示例局</text:p><text:p>2021年法治政府建设年度报告</text:p>",
        *(_list("S", [title]) if i == 0 else _list("S", [title]).replace("<text:list ", '<text:list text:continue-numbering="true" ')
          for i, title in enumerate(SECTIONS))])
    office = Office(folder / "profile")
    docx_formats, docx_years = office.convert([formats, years], "docx", folder)
    (shown,) = office.convert([docx_formats], "txt:Text (encoded):UTF8", folder / "shown")
    return {"formats": docx_formats, "years": docx_years, "shown": shown}


def test_libreoffice_writes_the_chinese_formats_the_loader_must_know(converted):
    with zipfile.ZipFile(converted["formats"]) as archive:
        numbering = archive.read("word/numbering.xml").decode("utf-8")
    for number_format in ("taiwaneseCountingThousand", "chineseLegalSimplified", "ideographLegalTraditional",
                          "ideographTraditional", "ideographZodiac", "decimalEnclosedCircle"):
        assert f'w:numFmt w:val="{number_format}"' in numbering


def test_every_label_is_the_one_libreoffice_shows_for_the_same_docx(converted):
    shown = [line.strip() for line in converted["shown"].read_text(encoding="utf-8-sig").splitlines() if "项内容" in line]
    shown_labels = [line.split()[0] for line in shown]  # LibreOffice writes the label, a space for the tab, the text
    document = load(str(converted["formats"]))
    read = [p for p in document.paragraphs if "项内容" in p.text]
    assert [p.auto_number for p in read] == shown_labels
    assert len(read) == len(CHINESE_LISTS) * ITEMS
    assert [p.auto_number for p in read][ITEMS * 0 + 10: ITEMS * 0 + 12] == ["十一、", "十二、"]
    assert [p.auto_number for p in read][ITEMS * 1 + 9] == "壹拾、"


def test_year_headings_numbered_one_dot_are_numbered_and_nothing_is_unknown(converted):
    document = load(str(converted["years"]))
    headings = [p for p in document.paragraphs if p.text.endswith(tuple(SECTIONS))]
    assert [p.text for p in headings] == [f"{n}.{title}" for n, title in enumerate(SECTIONS, 1)]
    result = check_file(str(converted["years"]), Options(no_config=True), keep_document=True)
    outline = [(h.marker.number, h.marker.from_word_numbering) for h in result.document.outline if h.level == 1]
    assert outline == [(1, True), (2, True), (3, True), (4, True)]
    rules = {f.rule for f in result.findings}
    assert "FZ208" not in rules and "FZ005" not in rules
