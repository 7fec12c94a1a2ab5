"""The Word checklist's table as LibreOffice draws it: a screenshot of its first page (rendered by
LibreOffice headless to PNG), its column borders found in the pixels, the columns as wide as the
checklist asks (序号 narrow, 问题 the widest), not five equal columns. Skipped, with the reason
shown, where LibreOffice is not installed (.ci/run installs it)."""

from __future__ import annotations

import io
from itertools import pairwise
from pathlib import Path

import pytest
from office import SKIP_REASON, SOFFICE, Office
from png_pixels import grey_rows

from checker.engine.batch import Options, check_files
from checker.reporters import ReportSettings, reporters
from checker.reporters.checklist_table import COLUMNS

pytestmark = pytest.mark.skipif(SOFFICE is None, reason=SKIP_REASON)

DRAFT = ("南城区示例局\n2021年法治政府建设年度报告\n"
         "一、2021年推进法治政府建设的主要举措和成效\n"
         "一年来,我局推进依法行政,完善制度(试行),加强培训。\n"
         "二、2022年推进法治政府建设的主要安排\n"
         "继续推进法制宣传,落实责任。\n")
DARK = 128


def borders(rows: list[list[int]]) -> list[int]:
    """x of every vertical line that runs the whole height of the table's header row (between its
    first two full-width horizontal lines; section rows below span all columns), one x per line."""
    width = len(rows[0])
    lines = [y for y, row in enumerate(rows) if sum(v < DARK for v in row) > width // 2]
    top = lines[0]
    bottom = next(y for y in lines if y > top + 2)
    height = bottom - top
    columns = [x for x in range(width) if sum(rows[y][x] < DARK for y in range(top, bottom)) > 0.95 * height]
    found: list[int] = []
    for x in columns:
        if not found or x - found[-1] > 2:
            found.append(x)
    return found


def test_checklist_columns_are_drawn_as_wide_as_asked(tmp_path: Path):
    draft = tmp_path / "稿.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    results = check_files([str(draft)], Options(no_config=True), keep_document=True)
    reporters()["checklist-docx"].write(results, io.StringIO(), ReportSettings(output_dir=str(tmp_path)))
    (page,) = Office(tmp_path / "profile").convert([tmp_path / "稿.checklist.docx"], "png", tmp_path / "shot")
    lines = borders(grey_rows(page))
    assert len(lines) == len(COLUMNS) + 1, lines
    drawn = [b - a for a, b in pairwise(lines)]
    asked = [width for _, width in COLUMNS]
    for got, want in zip(drawn, asked):
        assert abs(got / sum(drawn) - want / sum(asked)) < 0.01, (drawn, asked)
