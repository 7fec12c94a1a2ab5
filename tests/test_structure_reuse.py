"""A draft's title block and outline, found once in a run and restored onto the check's own read of the
file (document/structure.py packed_structure): the same structure, never one of another text."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from crossdoc_drafts import DRAFT_2021, DRAFT_2022

from checker.cli import main
from checker.document import analyse
from checker.document.structure import packed_structure, structure_of, unpacked_structure
from checker.loaders import document_from_text
from checker.loaders.txt import parse_text

DRAFT = (
    "西河县农业农村局\n"
    "2023年法治政府建设年度情况报告\n"
    "一、2023年推进法治政府建设的主要举措和成效\n"
    "（一）规范涉农执法。全年开展农资打假专项行动，检查门店八十余家。\n"
    "1.种子市场检查\n"
    "围绕春耕备播时段，抽检玉米、小麦种子样品，督促经营者建立进货台账。\n"
    "（1）抽检情况\n"
    "抽检结果全部向社会公开。\n"
    "（二）推进政务公开。\n"
    "二、2023年推进法治政府建设存在的不足和原因\n"
    "执法人员专业结构不够合理。"
)


def _restored(text: str, packed: bytes):
    return analyse(parse_text(text, "草稿.txt"), structure=unpacked_structure(packed))


def test_a_restored_outline_and_title_block_are_the_ones_found():
    found = document_from_text(DRAFT)
    restored = _restored(DRAFT, packed_structure(found))
    assert restored.title_block == found.title_block and restored.title_block is not None
    assert restored.outline == found.outline and len(found.outline) >= 6
    for heading in restored.outline:
        assert restored.paragraphs[heading.paragraph.index] is heading.paragraph
        assert heading.parent is None or heading.parent in restored.outline
    assert [h.parent.line if h.parent else None for h in restored.outline] == \
        [h.parent.line if h.parent else None for h in found.outline]


def test_a_title_that_is_not_the_paragraphs_own_text_is_kept_as_written():
    found = document_from_text(DRAFT)
    found.outline[0].title = "主要举措和成效"
    restored = _restored(DRAFT, packed_structure(found))
    assert restored.outline[0].title == "主要举措和成效"
    assert structure_of(restored) == structure_of(found)


def test_a_structure_is_not_restored_onto_a_text_of_another_length():
    packed = packed_structure(document_from_text(DRAFT))
    longer = DRAFT + "\n三、2024年推进法治政府建设的主要安排\n继续推进执法规范化建设。"
    assert _restored(longer, packed).outline == document_from_text(longer).outline


def _concise(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "concise", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_last_years_report_keeps_its_own_context_when_the_run_gives_one(tmp_path: Path):
    """--year is this year's draft's: last year's report is read with its own year, not the run's."""
    old, new = tmp_path / "去年.txt", tmp_path / "今年.txt"
    old.write_text(DRAFT_2021, encoding="utf-8")
    new.write_text(DRAFT_2022, encoding="utf-8")
    plain = _concise(str(new), "--previous", str(old), "--select", "FZ354")
    assert "FZ354" in plain
    assert _concise(str(new), "--previous", str(old), "--select", "FZ354", "--year", "2022") == plain
