"""Writing the fix-up checklist as a printable Word table (`--format checklist-docx`): a header with the body, year, counts and date, then a table — 序号, 位置,
问题, 修改建议, 完成 (a box to tick by hand) — with a row per report section and the findings
under it by severity. The header row repeats on every page.

Widths: a Word table has them twice, the grid (w:tblGrid, one w:gridCol per column) and each cell's
w:tcW. LibreOffice lays the table out from the grid, Word from either; python-docx's add_table
makes an equal grid, so the grid is set to the columns' widths too, with the table's own width
their sum and a fixed layout, and every client draws 序号 narrow and 问题 wide."""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.shared import Mm
from docx.table import _Cell

from checker.findings import FileResult
from checker.reporters.checklist_items import FileChecklist, build_checklist, counts_text
from checker.reporters.outputs import save_word
from checker.word.files import HEADING_FONT, new_word_document, set_font

COLUMNS = (("序号", 12), ("位置", 50), ("问题", 95), ("修改建议", 75), ("完成", 13))
UNCHECKED = "☐"


def _fix_widths(table) -> None:
    table.autofit = False  # w:tblLayout fixed: the widths below, not the contents, decide
    for column, (_, width) in zip(table.columns, COLUMNS):
        column.width = Mm(width)
    properties = table._tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:  # python-docx writes one ("auto"); kept in the schema's place otherwise
        table_width = OxmlElement("w:tblW")
        properties.insert_element_before(table_width, "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                                         "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    table_width.set(qn("w:w"), str(sum(Mm(width).twips for _, width in COLUMNS)))
    table_width.set(qn("w:type"), "dxa")


def _repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _append_row(table, spans: list[tuple[int, int]]) -> list[_Cell]:
    """A row of cells, each (width in mm, grid columns it spans), appended as XML: python-docx's
    add_row() and merge() look the table's rows up anew for every row: quadratic in the rows of a
    long checklist."""
    row = OxmlElement("w:tr")
    cells = []
    for width, span in spans:
        cell = CT_Tc.new()
        cell.width = Mm(width)
        if span > 1:
            cell.grid_span = span
        row.append(cell)
        cells.append(_Cell(cell, table))
    table._tbl.append(row)  # w:tr is the last kind of child a w:tbl has
    return cells


def _section_row(table, title: str) -> None:
    (merged,) = _append_row(table, [(sum(width for _, width in COLUMNS), len(COLUMNS))])
    run = merged.paragraphs[0].add_run(title)
    run.bold = True
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "E8E8E8")
    merged._tc.get_or_add_tcPr().append(shading)


def build_document(checklist: FileChecklist):
    word = new_word_document(body_size=10.5)
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Mm(20)
    heading = word.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(heading.add_run(f"修改清单：{checklist.title}"), HEADING_FONT, 16)
    facts = [f"文件：{checklist.path}",
             f"发文机关：{checklist.body or '（未能推断）'}    报告年度：{checklist.year or '（未能推断）'}",
             f"问题：{counts_text(checklist)}    生成日期：{checklist.date}（fazhi-lint）"]
    if checklist.error:
        facts.append(f"未能检查：{checklist.error}")
    for fact in facts:
        word.add_paragraph(fact)
    table = word.add_table(rows=1, cols=len(COLUMNS))
    table.style = word.styles["Table Grid"]
    _fix_widths(table)
    for cell, (title, width) in zip(table.rows[0].cells, COLUMNS):
        cell.width = Mm(width)
        cell.paragraphs[0].add_run(title).bold = True
    _repeat_header(table.rows[0])
    for part in checklist.sections:
        _section_row(table, part.title)
        for severity, items in part.by_severity.items():
            for item in items:
                values = (str(item.number), item.where, f"【{severity.label}】{item.what}", item.fix, UNCHECKED)
                for cell, value in zip(_append_row(table, [(width, 1) for _, width in COLUMNS]), values):
                    cell.paragraphs[0].add_run(value)
    return word


def write_checklist(result: FileResult, target: Path) -> str:
    checklist = build_checklist(result)
    save_word(build_document(checklist), target)
    return counts_text(checklist)
