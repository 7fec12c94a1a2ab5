""".txt fixed in place (encoding, line endings, permissions, backup), --diff, unsafe fixes, .docx
fixed copies with formatting kept, and fixing twice changing nothing the second time."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest
import word_samples
from click.testing import CliRunner
from docx_factory import Raw
from findings_factory import finding_at, result_of, rule
from word_reading import runs_of

from checker.cli import main
from checker.findings import FileResult
from checker.fix_files import fix_results
from checker.loaders import load, load_stdin
from checker.reporters import ReportSettings

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一年来,我局认真贯彻落实法制宣传工作。\n"
TERM = rule("FZ501", "fazhi-not-fazhi", "terminology", "warning", "「{found}」应为「法治」", fix="unsafe")


def fix(*results, unsafe: bool = False, diff_only: bool = False, backup: bool = False, **settings):
    return fix_results(list(results), unsafe, diff_only, backup, ReportSettings(**settings))


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(("codec", "bom"), [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""),
                                            ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_fix_in_place_keeps_encoding_bom_and_crlf(tmp_path: Path, codec: str, bom: bytes):
    path = tmp_path / "草稿.txt"
    path.write_bytes(bom + DRAFT.replace("\n", "\r\n").encode(codec))
    [outcome] = fix(result_of(path, (5, ",", None, "，")))
    assert outcome.applied == 1 and outcome.in_place
    raw = path.read_bytes()
    assert raw[: len(bom)] == bom and (bom or not raw.startswith(codecs.BOM_UTF8))
    assert raw[len(bom) :].decode(codec) == DRAFT.replace(",", "，").replace("\n", "\r\n")


def test_gb18030_draft_stays_gb18030(tmp_path: Path):
    path = tmp_path / "草稿.txt"
    path.write_bytes(DRAFT.encode("gb18030"))
    fix(result_of(path, (5, ",", None, "，")))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert path.read_bytes().decode("gb18030") == DRAFT.replace(",", "，")


def test_unsafe_fix_waits_for_unsafe_fixes(tmp_path: Path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    [outcome] = fix(result_of(path, (5, "法制", TERM, "法治")))
    assert outcome.applied == 0 and path.read_text(encoding="utf-8") == DRAFT
    [outcome] = fix(result_of(path, (5, "法制", TERM, "法治")), unsafe=True)
    assert outcome.applied == 1 and "法治宣传" in path.read_text(encoding="utf-8")


def test_diff_shows_the_change_and_writes_nothing(tmp_path: Path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    [outcome] = fix(result_of(path, (5, ",", None, "，")), diff_only=True)
    assert path.read_text(encoding="utf-8") == DRAFT and outcome.applied == 1
    lines = outcome.diff.splitlines()
    assert lines[0].startswith("--- a/") and lines[1].startswith("+++ b/")
    assert "-一年来,我局认真贯彻落实法制宣传工作。" in lines and "+一年来，我局认真贯彻落实法制宣传工作。" in lines


def test_backup_holds_the_draft_as_it_was_and_permissions_are_kept(tmp_path: Path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    os.chmod(path, 0o640)
    fix(result_of(path, (5, ",", None, "，")), backup=True)
    assert (tmp_path / "草稿.txt.bak").read_text(encoding="utf-8") == DRAFT
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.txt", "草稿.txt.bak"]  # no temporary file left


def test_fixing_through_a_symlink_rewrites_the_file_and_keeps_the_link(tmp_path: Path):
    real = tmp_path / "草稿.txt"
    real.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "链接.txt"
    link.symlink_to(real)
    fix(result_of(link, (5, ",", None, "，")))
    assert link.is_symlink() and "一年来，我局" in real.read_text(encoding="utf-8")


def test_a_draft_edited_after_the_check_is_not_fixed(tmp_path: Path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = result_of(path, (5, ",", None, "，"))
    path.write_text(DRAFT + "新加的一段。\n", encoding="utf-8")
    [outcome] = fix(result)
    assert outcome.problem == "文件在检查之后被改动过，未修复" and outcome.applied == 0
    assert path.read_text(encoding="utf-8") == DRAFT + "新加的一段。\n"


@pytest.fixture
def formatted_docx(tmp_path: Path) -> Path:
    return word_samples.formatted_docx(tmp_path / "草稿.docx", Raw('<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙,丙</w:t></w:r></w:p>'),
                                       "2021年推进法治政府建设存在的不足和原因")


def test_docx_fix_goes_into_a_copy_in_place_with_the_formatting_of_the_replaced_text(formatted_docx: Path):
    before = formatted_docx.read_bytes()
    result = result_of(formatted_docx, (3, ",", None, "，"), (3, "落实法制", TERM, "落实法治"),
                       (5, "", rule("FZ208", "unnumbered", "numbering", "error", "缺少序号"), "二、"))
    [outcome] = fix(result, unsafe=True)
    assert formatted_docx.read_bytes() == before
    copy = formatted_docx.with_name("草稿.fixed.docx")
    assert outcome.written == str(copy) and outcome.applied == 3 and outcome.skipped == 0
    assert [p.text for p in load(str(copy)).paragraphs] == [
        "东城区示例局", "2021年法治政府建设年度情况报告", "一年来，我局认真贯彻落实法治宣传工作。", "甲\t乙,丙",
        "二、2021年推进法治政府建设存在的不足和原因"]
    assert runs_of(copy)[2:6] == [("一年来", False), ("，", False), ("我局", False), ("认真贯彻", True)]
    assert ("落实法治", True) in runs_of(copy) and ("宣传工作。", False) in runs_of(copy)


def test_docx_fix_across_a_tab_is_left_for_the_drafter(formatted_docx: Path):
    [outcome] = fix(result_of(formatted_docx, (4, "甲\t乙", None, "甲乙"), (4, ",", None, "，")))
    assert (outcome.applied, outcome.skipped) == (1, 1)
    assert load(str(formatted_docx.with_name("草稿.fixed.docx"))).line(4).text == "甲\t乙，丙"


def test_docx_fixed_copy_is_not_overwritten_without_force(formatted_docx: Path):
    copy = formatted_docx.with_name("草稿.fixed.docx")
    copy.write_bytes(b"earlier")
    [outcome] = fix(result_of(formatted_docx, (3, ",", None, "，")))
    assert "已存在，未覆盖" in outcome.problem and copy.read_bytes() == b"earlier"
    [outcome] = fix(result_of(formatted_docx, (3, ",", None, "，")), force=True)
    assert outcome.applied == 1 and load(str(copy)).line(3).text.startswith("一年来，")


def test_fixing_the_seeds_twice_changes_nothing_the_second_time(seed_copy: Path):
    first = cli("check", str(seed_copy), "--no-config", "-j", "1", "--fix", "--unsafe-fixes", "--format", "json")
    assert first.exit_code in (0, 1), first.output
    after_first = hashes(seed_copy)
    second = cli("check", str(seed_copy), "--no-config", "-j", "1", "--fix", "--unsafe-fixes", "--format", "json")
    assert hashes(seed_copy) == after_first
    assert "共修复 0 处" in second.stderr.splitlines()  # then the run's summary line (stdout is JSON)
    remaining = json.loads(second.stdout)
    assert not [f for file in remaining["files"] for f in file["findings"] if f["fix"]]


def test_fix_applies_every_safe_fix_json_reports(seed_copy: Path):
    before = json.loads(cli("check", str(seed_copy), "--no-config", "-j", "1", "--format", "json").stdout)
    safe = [f for file in before["files"] for f in file["findings"] if f["fix"] and f["fix"]["safety"] == "safe"]
    assert safe, "the seeds have safe fixes (typography, numbering, residue)"
    result = cli("check", str(seed_copy), "--no-config", "-j", "1", "--fix", "--format", "json")
    after = json.loads(result.stdout)
    assert [f for file in after["files"] for f in file["findings"] if f["fix"] and f["fix"]["safety"] == "safe"] == []
    fixed = [line for line in result.stderr.splitlines() if line.startswith("共修复 ")]
    assert len(fixed) == 1 and fixed[0] != "共修复 0 处"


def test_diff_on_the_seeds_prints_the_changes_and_writes_nothing(seed_copy: Path):
    before = hashes(seed_copy)
    result = cli("check", str(seed_copy), "--no-config", "-j", "1", "--diff")
    assert hashes(seed_copy) == before
    assert result.exit_code == 1 and result.stdout.startswith("--- a/")
    assert "（--diff：未写入任何文件）" in result.stderr


def test_standard_input_can_be_diffed_but_not_fixed_in_place():
    document = load_stdin(DRAFT.encode())
    result = FileResult("-", "txt", document.context.to_dict(), None, [finding_at(document, 5, ",", None, "，")], document)
    [shown] = fix(result, diff_only=True)
    assert "+一年来，我局认真贯彻落实法制宣传工作。" in shown.diff.splitlines()
    [refused] = fix(result)
    assert refused.problem == "标准输入不能就地修复（可用 --diff 查看修改）"


def test_docx_fixes_reach_into_hyperlinks_tracked_insertions_and_tables(tmp_path: Path):
    source = word_samples.containers_docx(tmp_path / "丙.docx")
    [outcome] = fix(result_of(source, (3, ",", None, "，"), (3, ",", None, "，", 2), (4, ",", None, "，"),
                              (4, ",", None, "，", 2), (5, ",", None, "，")))
    assert (outcome.applied, outcome.skipped) == (5, 0)
    assert [p.text for p in load(str(tmp_path / "丙.fixed.docx")).paragraphs][2:] == [
        "访问，首都之窗，网站查看。", "甲，新增，文字结尾。", "表格，单元格", "乙"]
    with zipfile.ZipFile(tmp_path / "丙.fixed.docx") as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "<w:delText>删掉的</w:delText>" in body and "<w:hyperlink" in body and "<w:ins " in body
