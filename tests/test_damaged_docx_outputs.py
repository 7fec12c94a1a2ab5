"""Every write path survives what `check` survives: a .docx that loads (its text view is whole) but
that python-docx would refuse (a relationship to a missing part, a broken settings.xml) still gets
its reviewed copy, fixed copy and Word checklist, saying which broken parts were left out; a draft
that cannot be written at all is one line, and the batch goes on. The fix summary counts what was
written."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import tree_hashes
from docx_parts import draft_docx, members, zipped
from word_reading import comments

from checker.cli import main
from checker.engine.batch import Options, check_files
from checker.reporters import ReportSettings, reporters
from checker.word import review
from checker.word.opening import without_broken_parts

RELS = "word/_rels/document.xml.rels"
NOWHERE = b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/gone.png"/>'


def _missing_part(parts: dict[str, bytes]) -> list[str]:
    del parts["word/webSettings.xml"]
    return ["word/webSettings.xml"]


def _broken_settings(parts: dict[str, bytes]) -> list[str]:
    parts["word/settings.xml"] = b"<w:settings><w:zoom"
    return ["word/settings.xml"]


def _relationship_to_nowhere(parts: dict[str, bytes]) -> list[str]:
    parts[RELS] = parts[RELS].replace(b"</Relationships>", NOWHERE + b"</Relationships>")
    return ["word/media/gone.png"]


DAMAGE = {"missing-part": _missing_part, "broken-settings": _broken_settings, "relationship-to-nowhere": _relationship_to_nowhere}


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--no-config", "-j", "1"], catch_exceptions=False)


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request, tmp_path: Path) -> tuple[Path, list[str]]:
    folder = tmp_path / "稿"
    folder.mkdir()
    path = draft_docx(folder / "受损.docx")
    parts = members(path.read_bytes())
    left_out = DAMAGE[request.param](parts)
    path.write_bytes(zipped(parts))
    (folder / "完好.docx").write_bytes(draft_docx(tmp_path / "完好.docx").read_bytes())
    return path, left_out


def test_the_damage_is_left_out_and_nothing_else(damaged):
    path, left_out = damaged
    data, found = without_broken_parts(path.read_bytes())
    assert found == left_out
    kept = members(data)
    assert set(kept) == set(members(path.read_bytes())) - set(left_out)
    assert kept["word/document.xml"] == members(path.read_bytes())["word/document.xml"]


def test_check_annotate_fix_and_checklist_all_give_their_output(damaged):
    path, left_out = damaged
    folder = path.parent
    checked = run("check", str(folder), "--select", "FZ001")
    assert checked.exit_code == 0, checked.output  # the draft loads: no load finding
    before = {name: digest for name, digest in tree_hashes(folder).items()}

    annotated = run("annotate", str(folder))
    assert annotated.exit_code == 1, annotated.output
    assert "受损.reviewed.docx：" in annotated.output and f"未带入：{'、'.join(left_out)}）" in annotated.output
    assert comments(folder / "受损.reviewed.docx") and comments(folder / "完好.reviewed.docx")

    fixed = run("check", str(folder), "--fix", "--unsafe-fixes")
    # what the fixed copies hold is not reported again: only info findings remain (exit 0 at fail-on warning)
    assert fixed.exit_code == 0, fixed.output
    assert "FZ601" not in fixed.output and "FZ102" in fixed.output
    assert "受损.fixed.docx" in fixed.output and "完好.fixed.docx" in fixed.output

    listed = run("check", str(folder), "--format", "checklist-docx")
    assert listed.exit_code == 1 and (folder / "受损.checklist.docx").exists()

    again = run("check", *(str(folder / f"受损.{kind}.docx") for kind in ("reviewed", "fixed", "checklist")), "--select", "FZ001")
    assert again.exit_code == 0, again.output  # our copies are checkable
    assert {name: tree_hashes(folder)[name] for name in before} == before


def test_a_draft_python_docx_cannot_take_costs_only_its_own_output(tmp_path: Path, monkeypatch):
    first, second = draft_docx(tmp_path / "甲.docx"), draft_docx(tmp_path / "乙.docx")
    results = check_files([str(first), str(second)], Options(no_config=True), keep_document=True)
    real = review.open_word
    monkeypatch.setattr(review, "open_word", lambda path: (_ for _ in ()).throw(KeyError("x")) if "甲" in path else real(path))
    stream = io.StringIO()
    with pytest.raises(Exception, match="Word 文档结构异常（KeyError）"):
        reporters()["docx"].write(results, stream, ReportSettings())
    assert not (tmp_path / "甲.reviewed.docx").exists() and comments(tmp_path / "乙.reviewed.docx")
    assert "乙.reviewed.docx：" in stream.getvalue()


def test_stdin_is_not_fixed_and_the_summary_says_so(tmp_path: Path):
    text = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措\n推动法制政府建设，截止12月底完成。\n"
    result = CliRunner().invoke(main, ["check", "-", "--fix", "--unsafe-fixes", "--no-config"], input=text.encode())
    assert "标准输入不能就地修复" in result.output
    assert "共修复 0 处" in result.output and "共修复 1" not in result.output and "共修复 2" not in result.output
    assert result.exit_code == 2


def test_the_summary_counts_fixes_written(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text("东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措\n推动法制政府建设。\n", encoding="utf-8")
    before = hashlib.md5(draft.read_bytes()).hexdigest()
    result = run("check", str(draft), "--fix", "--unsafe-fixes")
    assert hashlib.md5(draft.read_bytes()).hexdigest() != before
    assert f"{draft}：修复 1 处" in result.output and "共修复 1 处" in result.output
