"""Build small .docx files in tests: paragraphs, Word list numbering, tables, headers, notes, comments.

    make_docx(tmp_path / "a.docx", [
        ("总体情况", {"num": (1, 0)}),            # numId 1, level 0
        (["加强", "领导"], {"style": "Heading 2"}),  # two runs
        Table([["甲", "乙"], ["丙", ["丁", "戊"]]]),  # a cell may hold several items, or a Table
        Raw('<w:p><w:hyperlink>…</w:hyperlink></w:p>'),  # any block XML (w: prefix declared)
    ], numbering=[abstract_num(1, [("chineseCounting", "%1、")]), num(1, 1)])

Paragraph options: num=(numId, ilvl), style=name, comment=text (anchored on the paragraph's runs),
footnote=text (a footnote reference at the end of the paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'


@dataclass
class Table:
    rows: list[list]  # a cell is a str or a list of paragraph items (a nested Table included)
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


@dataclass
class Raw:
    xml: str  # one block element (w:p, w:tbl, w:sdt…), namespace prefix w: predeclared


def abstract_num(abstract_id: int, levels: Sequence[tuple], extra: str = "") -> str:
    """Levels as (numFmt, lvlText) or (numFmt, lvlText, start) or (numFmt, lvlText, start, more_xml)."""
    parts = []
    for ilvl, (number_format, text, *rest) in enumerate(levels):
        start = rest[0] if rest else 1
        more = rest[1] if len(rest) > 1 else ""
        parts.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="{text}"/>{more}</w:lvl>'
        )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(parts)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, start_overrides: dict[int, int] | None = None) -> str:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def _parse(xml: str):
    """Parse one w: element written without its namespace declaration."""
    return parse_xml(re.sub(r"^<([\w:]+)", rf"<\1 {NSDECL}", xml.strip(), count=1))


def _num_pr(num_id: int, ilvl: int | None) -> str:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr {NSDECL}>{level}<w:numId w:val="{num_id}"/></w:numPr>'


def _set_numbering(document, numbering: Sequence[str]) -> None:
    root = document.part.numbering_part.element
    for child in list(root):
        root.remove(child)
    ordered = sorted(numbering, key=lambda xml: not xml.startswith("<w:abstractNum"))  # schema order
    for xml in ordered:
        root.append(_parse(xml))


def _add_footnote(document, paragraph, text: str, notes: list[str]) -> None:
    notes.append(text)
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:footnoteReference {NSDECL} w:id="{len(notes)}"/>'))


def _footnotes_part(document, notes: list[str]) -> None:
    bodies = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(notes, start=1)
    )
    xml = (
        f'<w:footnotes {NSDECL}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{bodies}</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _fill(container, items: Sequence, document, notes: list[str]) -> None:
    """Add items to a document body or a table cell (whose first, empty paragraph is reused)."""
    reuse = getattr(container, "_tc", None) is not None and len(container.paragraphs) == 1
    for item in items:
        if isinstance(item, Table):
            _add_table(container, item, document, notes)
            continue
        if isinstance(item, Raw):
            anchor = container._tc if hasattr(container, "_tc") else container.element.body
            element = _parse(item.xml)
            sect = anchor.find(qn("w:sectPr"))
            anchor.insert(list(anchor).index(sect), element) if sect is not None else anchor.append(element)
            continue
        text, options = (item, {}) if isinstance(item, (str, list)) else item
        if reuse:
            paragraph, reuse = container.paragraphs[0], False
        else:
            paragraph = container.add_paragraph()
        for piece in [text] if isinstance(text, str) else text:
            if piece:
                paragraph.add_run(piece)
        if "style" in options:
            paragraph.style = document.styles[options["style"]]
        if "num" in options:
            paragraph._p.get_or_add_pPr().append(parse_xml(_num_pr(*options["num"])))
        if "footnote" in options:
            _add_footnote(document, paragraph, options["footnote"], notes)
        if "comment" in options:
            document.add_comment(paragraph.runs, text=options["comment"], author="审核人")


def _add_table(container, spec: Table, document, notes: list[str]) -> None:
    columns = max(len(row) for row in spec.rows)
    table = container.add_table(len(spec.rows), columns)
    for (r0, c0), (r1, c1) in spec.merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    merged = {
        (r, c)
        for (r0, c0), (r1, c1) in spec.merges
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }
    for r, row in enumerate(spec.rows):
        for c, cell in enumerate(row):
            if (r, c) not in merged:
                _fill(table.cell(r, c), [cell] if isinstance(cell, (str, Table)) else cell, document, notes)


def make_docx(
    path: Path | str,
    paragraphs: Sequence = (),
    *,
    numbering: Sequence[str] | None = None,
    style_numbering: dict[str, tuple[int, int | None]] | None = None,
    styles: dict[str, str] | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """Write a .docx to `path`. `styles` adds paragraph styles {name: based_on_name};
    `style_numbering` puts a w:numPr (numId, ilvl or None) into a style."""
    document = docx.Document()
    if numbering is not None:
        _set_numbering(document, numbering)
    for name, base in (styles or {}).items():
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = document.styles[base]
    for name, (num_id, ilvl) in (style_numbering or {}).items():
        document.styles[name].element.get_or_add_pPr().append(parse_xml(_num_pr(num_id, ilvl)))
    notes: list[str] = []
    _fill(document, paragraphs, document, notes)
    if notes:
        _footnotes_part(document, notes)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    document.save(str(path))
    return Path(path)
