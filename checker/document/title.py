"""The title block: issuing body, year and report name, from the first lines of the draft.

Recognised forms: "东城区园林绿化局\\n\\n2021年法治政府建设年度情况报告" (body on its own line, over the
title or, when the title names none, under it),
"北京市延庆区人民政府2021年法治政府建设年度情况报告" (one line), "关于…的报告", or none at all
when the draft opens straight with body text. Lines of the web page around a copied report
("今天是…", "来源：… 发布时间：…", "您所在的位置：…") are passed over, never taken for the title or
its body line.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

import regex

from checker.document.context_words import is_bare_label, is_page_debris, is_title_label
from checker.document.markers import parse_marker
from checker.document.model import Paragraph, TitleBlock
from checker.document.numerals import YEAR, year_number

_MAX_TITLE = 60
_MAX_BODY_LINE = 30
_LOOKAHEAD = 6  # a title is among the first non-blank lines (page debris not counted, nor short lines without punctuation)
_FARTHEST = 40  # non-blank lines read for a title at most: a page's menu of column names, one a line, may be long
# 关于 may also follow the body: "北京市西城区人民政府关于2021年法治政府建设情况的报告".
# a title names a 报告; one that names 情况 or a 总结 instead is still the title, of the wrong kind (title-name-form)
_NAME_END = r"(?:报告|情况|总结)"
# the year in digits or in Chinese digit by digit (二〇二〇年度)
_TITLE = regex.compile(rf"^(?:关于)?(?P<body>.*?)(?:关于)?(?P<year>{YEAR})\s*年(?:度)?(?P<name>.*{_NAME_END})$")
_UNDATED_TITLE = regex.compile(rf"^(?:关于)?(?P<body>.*?)(?:关于)?(?P<name>法治.*{_NAME_END})$")
# a sentence or a clause: a long line without them before the title is no prose (a row of a page's metadata)
_PROSE = regex.compile(r"[。！？；!?;，,]")
_NO_PUNCTUATION = regex.compile(r"^[^\p{P}\d]+$")
_ABOUT_END = regex.compile(r"关于$")
# The body may also follow the year: "2021年度东城区园林绿化局法治政府建设情况报告", "2020年静海区法治…".
_BODY_ENDING = r"(?:人民政府|政府|局|办公室|办|委员会|委|中心|厅|署|镇|乡|街道办事处|街道|区|县|市|旗)"
_BODY_AFTER_YEAR = regex.compile(rf"^(?P<body>(?![全本我该各])\p{{Han}}{{1,30}}?{_BODY_ENDING})(?P<name>(?:关于)?法治.*{_NAME_END})$")
# A body line over the title: one or more issuers ("中共某县委  某县人民政府"), each ending as a body does.
_BODY_LINE = regex.compile(rf"^(?:\p{{Han}}{{2,30}}?{_BODY_ENDING}[\s\u3000]*)+$")


def _body_line(text: str) -> bool:
    """One or more issuers, each no longer than a body's name (joint issuers with long autonomous
    names: 中共塔什库尔干塔吉克自治县委员会　塔什库尔干塔吉克自治县人民政府)."""
    return (all(len(part) <= _MAX_BODY_LINE for part in text.split()) and _NO_PUNCTUATION.match(text) is not None
            and _BODY_LINE.match(text) is not None)


def _is_title_line(text: str) -> bool:
    named = "报告" in text or ("法治" in text and text.endswith(("情况", "总结")))
    return named and len(text) <= _MAX_TITLE and text[-1] not in "。：:，,；;"


def _titled(text: str) -> bool:
    return _is_title_line(text) and (_TITLE.match(text) or _UNDATED_TITLE.match(text)) is not None


def _not_page(paragraphs: list[Paragraph], copies: bool) -> Iterator[Paragraph]:
    """The non-blank lines that are not the web page's: its labelled lines, and the value under a
    label standing alone without a colon (a metadata box copied as a table: 发布机构 / 某区人民政府),
    unless that is a report's title: a box's last label may stand over the title with its own value
    left empty (文号 / 某县司法局2023年…报告). Under a label of the title (名称, 标题) stands the page's
    copy of the title, passed over too unless `copies`."""
    after_label = after_title_label = False
    for paragraph in paragraphs:
        if paragraph.is_blank:
            continue
        value = after_label and not _titled(paragraph.text.strip()) or after_title_label and not copies
        if not value and not is_page_debris(paragraph.text):
            yield paragraph
        # a label with its colon and nothing after it ("关键词：") is an empty field, not a cell over its value
        after_label = is_bare_label(paragraph.text) and not paragraph.text.rstrip().endswith((":", "："))
        after_title_label = after_label and is_title_label(paragraph.text)


def _joined_title(above: str, text: str) -> regex.Match | None:
    """The title broken over two lines before its name, the upper line holding its body and year and no
    punctuation; None when the two do not read as one title naming a body and a year."""
    if _PROSE.search(above) or len(above) + len(text) > _MAX_TITLE or not regex.search(r"(?:19|20)\d\d\s*年", above):
        return None
    joined = _TITLE.match(above + text)
    return joined if joined is not None and joined.group("body").strip() else None


def find_title_block(paragraphs: list[Paragraph]) -> TitleBlock | None:
    """The title block; the page's copy of the title (under 名称, 标题) only when the report has no
    title of its own after it."""
    return _title_among(paragraphs, copies=False) or _title_among(paragraphs, copies=True)


def _leading(paragraphs: list[Paragraph], copies: bool) -> list[Paragraph]:
    """The lines a title may be among: up to _LOOKAHEAD of them that may be text, with the short lines without
    punctuation between them (a page's column names and buttons that no label tells, a body line) not counted."""
    leading, counted = [], 0
    for paragraph in islice(_not_page(paragraphs, copies), _FARTHEST):
        leading.append(paragraph)
        text = paragraph.text.strip()
        counted += _is_title_line(text) or len(text) > _MAX_BODY_LINE or _PROSE.search(text) is not None
        if counted == _LOOKAHEAD:
            break
    return leading


def _title_among(paragraphs: list[Paragraph], copies: bool) -> TitleBlock | None:
    leading = _leading(paragraphs, copies)
    for position, paragraph in enumerate(leading):
        text = paragraph.text.strip()
        if parse_marker(text) is not None:
            return None  # the outline has begun: there is no title
        if not _is_title_line(text):
            if len(text) > _MAX_BODY_LINE and _PROSE.search(text):
                return None  # prose before any title: the draft has none
            continue  # a line of the page's that no label tells (a row of its metadata, a banner), a body line
        match = _TITLE.match(text) or _UNDATED_TITLE.match(text)
        if match is None:
            continue
        body, name = match.group("body").strip() or None, match.group("name").strip()
        if body is None and (after_year := _BODY_AFTER_YEAR.match(name)):
            body, name = after_year.group("body"), after_year.group("name")
        lines = [paragraph]
        # the title may break after 关于: "于都县人民政府关于" over "2023年法治政府建设情况的报告"; over a
        # title naming its body, a body line with the page's lines between is the site's banner, no part of it
        above = leading[position - 1] if position > 0 else None
        # or anywhere before its name: "某区人民政府关于2022年度" over "法治政府建设工作情况的报告"
        joined = _joined_title(above.text.strip(), text) if above is not None and body is None else None
        if joined is not None:
            match, body, name = joined, joined.group("body").strip(), joined.group("name").strip()
            lines.insert(0, above)
        elif above and _body_line(before := _ABOUT_END.sub("", above.text.strip())) and (
                body is None or all(p.is_blank for p in paragraphs[above.index + 1 : paragraph.index])):
            lines.insert(0, above)
            body = body or before
        elif body is None and position + 1 < len(leading) and _body_line(after := leading[position + 1].text.strip()):
            lines.append(leading[position + 1])  # the issuer under the title, as a published page signs it
            body = after
        year = year_number(match.group("year")) if "year" in match.groupdict() and match.group("year") else None
        return TitleBlock(lines=lines, body=body, year=year, name=name)
    return None
