"""Tables typed as lines of text: columns lined up with runs of spaces.

A draft often carries a small table of figures typed line by line, its columns apart by two or more
spaces, a tab, or one ideographic space (as wide as a character: the gap a Chinese typist leaves):

    项目          2022年   2023年   增减
    办结复议案件  45       52       +7
    行政处罚决定（件）　318　简易程序286件

The gaps there are the table's structure, not slips of the text: a rule that deletes a space
between Chinese and a number would glue the cells into one string. A line is a row when its gaps
part it into short cells without a sentence; rows are a table when two or more of them stand
together with the same number of cells and at least half of the cells after the first column are
figures (a count, a share, a change: 96.8, +2.3, 3.2万, 2023年, 45件), or one column after the first
is figures but for its header (项目　数量　备注 over rows whose notes are words). A lone line, or lines
of prose that happen to hold a double space, are no table.
"""

from __future__ import annotations

import regex

from checker.document.frame import SENTENCE_MARK
from checker.document.model import Document, Paragraph
from checker.document.per_document import per_document

# a gap between two cells: two or more blanks, any run holding a tab, or one ideographic space
CELL_GAP = regex.compile(r"[ \u3000]*\t[ \t\u3000]*|[ \u3000]{2,}|\u3000")
_LONGEST_CELL = 24  # characters: a cell of a typed table is a label or a figure, not a clause
# a figure in a cell: a signed number with a unit or a percentage (96.8, +2.3, -8.9%, 3.2万, 2023年, 45件)
_FIGURE = regex.compile(r"[+\-−±]?\d+(?:[.,]\d+)*\s*(?:%|％|‰|\p{Han}{1,2})?")


def cells(paragraph: Paragraph) -> list[str] | None:
    """The cells of a line that reads as a table's row, or None (one cell, a long cell, a sentence)."""
    text = paragraph.text.strip(" \t\u3000")
    parts = CELL_GAP.split(text)
    if len(parts) < 2 or SENTENCE_MARK.search(text) or any(len(p) > _LONGEST_CELL for p in parts):
        return None
    return parts


@per_document
def table_rows(document: Document) -> frozenset[int]:
    """The indexes of the paragraphs that are rows of a table typed as text (see the module)."""
    rows: set[int] = set()
    block: list[tuple[int, list[str]]] = []  # the rows of the table being read, blank lines between them aside
    for paragraph in [*document.paragraphs, None]:
        if paragraph is not None and paragraph.is_blank:
            continue
        found = cells(paragraph) if paragraph is not None else None
        if found is not None and block and len(found) == len(block[0][1]):
            block.append((paragraph.index, found))
            continue
        if _is_table([row for _, row in block]):
            rows.update(index for index, _ in block)
        block = [(paragraph.index, found)] if found is not None else []
    return frozenset(rows)


def _is_table(block: list[list[str]]) -> bool:
    if len(block) < 2:
        return False
    values = [cell for row in block for cell in row[1:]]
    if 2 * sum(_FIGURE.fullmatch(cell) is not None for cell in values) >= len(values):
        return True
    body = block[1:]  # under the header
    return len(body) >= 2 and any(all(_FIGURE.fullmatch(row[column]) for row in body) for column in range(1, len(block[0])))
