"""The reviewed .docx: Word comments on exactly the characters their findings concern (one per
finding with --word-detail all; grouping is tested in test_comment_groups.py), runs cut with their
formatting kept, for .docx and .txt drafts; where the file goes and what it never touches."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from pathlib import Path

import pytest
import word_samples
from click.testing import CliRunner
from docx_factory import abstract_num, make_docx, num
from findings_factory import result_of, rule
from word_reading import comments, runs_of

from checker.cli import main
from checker.engine.batch import Options, check_files
from checker.loaders import load
from checker.reporters import ReportSettings, reporters

TERM = rule("FZ501", "fazhi-not-fazhi", "terminology", "warning", "「{found}」应为「法治」", fix="unsafe")
MARKER = rule("FZ202", "marker-style", "numbering", "warning", "序号「{found}」不规范")


def annotate(results, **settings) -> str:
    stream = io.StringIO()
    reporters()["docx"].write(results, stream, ReportSettings(**settings))
    return stream.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def formatted_docx(tmp_path: Path) -> Path:
    """A title, the three-run paragraph (the middle run bold), then a Word-numbered heading."""
    return word_samples.formatted_docx(tmp_path / "草稿.docx", ("推进法治政府建设的主要举措和成效", {"num": (1, 0)}),
                                       numbering=[abstract_num(1, [("chineseCounting", "%1、")]), num(1, 1)])


def test_comment_covers_exactly_the_flagged_characters_inside_one_run(formatted_docx: Path):
    result = result_of(formatted_docx, (3, "贯彻", TERM))
    annotate([result])
    [comment] = comments(formatted_docx.with_name("草稿.reviewed.docx"))
    assert comment.anchored == "贯彻"
    assert comment.author == "fazhi-lint"
    assert comment.text == "FZ501 「贯彻」应为「法治」"


def test_cut_runs_keep_their_formatting_and_the_text_is_unchanged(formatted_docx: Path):
    result = result_of(formatted_docx, (3, "贯彻", TERM))
    annotate([result])
    reviewed = formatted_docx.with_name("草稿.reviewed.docx")
    assert runs_of(reviewed) == [("东城区示例局", False), ("2021年法治政府建设年度情况报告", False), ("一年来,我局", False),
                                 ("认真", True), ("贯彻", True), ("落实", True), ("法制宣传工作。", False),
                                 ("推进法治政府建设的主要举措和成效", False)]
    assert [p.text for p in load(str(reviewed)).paragraphs] == [p.text for p in result.document.paragraphs]


def test_comment_spanning_several_runs_starts_and_ends_mid_run(formatted_docx: Path):
    annotate([result_of(formatted_docx, (3, "我局认真贯彻落实法制", TERM))])
    [comment] = comments(formatted_docx.with_name("草稿.reviewed.docx"))
    assert comment.anchored == "我局认真贯彻落实法制"


def test_several_findings_in_one_paragraph_each_get_their_own_range(formatted_docx: Path):
    result = result_of(formatted_docx, (3, ",", None, "，"), (3, "法制", TERM), (3, "认真贯彻", TERM))
    annotate([result], word_detail="all")
    found = comments(formatted_docx.with_name("草稿.reviewed.docx"))
    assert [(c.anchored, c.text) for c in found] == [
        (",", "FZ601 中文之间用了半角逗号「,」\n建议：将「,」改为「，」"),
        ("认真贯彻", "FZ501 「认真贯彻」应为「法治」"),
        ("法制", "FZ501 「法制」应为「法治」"),
    ]


def test_word_auto_number_is_not_text_the_comment_starts_after_it(formatted_docx: Path):
    document = load(str(formatted_docx))
    assert document.line(4).text.startswith("一、")
    annotate([result_of(formatted_docx, (4, "一、推进", MARKER), (4, "一、", MARKER))], word_detail="all")
    found = comments(formatted_docx.with_name("草稿.reviewed.docx"))
    assert sorted(c.anchored for c in found) == ["推进", "推进法治政府建设的主要举措和成效"]


def test_point_finding_covers_its_paragraph_and_whole_document_finding_goes_on_the_title(formatted_docx: Path):
    result = result_of(formatted_docx, (3, "", MARKER))
    whole = dataclasses.replace(result.findings[0], line=0, end_line=0, paragraph=None, message="缺少必备部分")
    annotate([dataclasses.replace(result, findings=[result.findings[0], whole])])
    found = comments(formatted_docx.with_name("草稿.reviewed.docx"))
    assert sorted(c.anchored for c in found) == ["2021年法治政府建设年度情况报告", "一年来,我局认真贯彻落实法制宣传工作。"]


def test_txt_draft_becomes_a_word_file_of_its_lines_with_comments(seed_copy: Path):
    path = seed_copy / "002_7154703e6cb5bf5f.txt"
    result = result_of(path, (5, "分享:", rule("FZ701", "web-page-debris", "residue", "error", "网页残留「{found}」"), ""),
                       (8, ",", None, "，"), (40, ",", None, "，"))
    assert annotate([result]) == f"{seed_copy / '002_7154703e6cb5bf5f.reviewed.docx'}：3 条批注\n"
    reviewed = seed_copy / "002_7154703e6cb5bf5f.reviewed.docx"
    assert [(c.anchored, c.text.split("\n")[-1]) for c in comments(reviewed)] == [
        ("分享:", "建议：删除「分享:」"), (",", "建议：将「,」改为「，」"), (",", "建议：将「,」改为「，」")]
    assert [p.text for p in load(str(reviewed)).paragraphs] == path.read_text(encoding="utf-8").split("\n")


def test_reviewed_copy_reads_back_with_the_same_text_view_for_every_seed(seed_copy: Path, tmp_path: Path):
    for seed in sorted(seed_copy.glob("*.txt")):
        result = result_of(seed, (1, ""))
        annotate([result], output_dir=str(tmp_path))
        reviewed = load(str(tmp_path / f"{seed.stem}.reviewed.docx"))
        assert [p.text for p in reviewed.paragraphs] == [p.text for p in result.document.paragraphs], seed.name


def test_existing_output_is_kept_without_force_and_replaced_with_it(formatted_docx: Path):
    result = result_of(formatted_docx, (3, "贯彻", TERM))
    target = formatted_docx.with_name("草稿.reviewed.docx")
    target.write_bytes(b"earlier review")
    with pytest.raises(Exception, match="已存在，未覆盖"):
        annotate([result])
    assert target.read_bytes() == b"earlier review"
    annotate([result], force=True)
    assert comments(target)[0].anchored == "贯彻"


def test_the_input_is_never_written_even_when_it_is_named_like_an_output(tmp_path: Path):
    source = make_docx(tmp_path / "甲.docx", ["东城区示例局", "2021年法治政府建设年度情况报告", "正文一年来,我局认真工作。"])
    before = digest(source)
    annotate([result_of(source, (3, ",", None, "，"))], output_dir=str(tmp_path), force=True)
    assert digest(source) == before
    assert (tmp_path / "甲.reviewed.docx").exists()


def test_annotate_command_on_the_seeds_folder_writes_one_reviewed_file_per_draft(seed_copy: Path, tmp_path: Path):
    before = {p.name: digest(p) for p in seed_copy.iterdir()}
    report = json.loads(CliRunner().invoke(main, ["check", str(seed_copy), "--no-config", "-j", "1", "--format", "json"]).stdout)
    out = tmp_path / "reviewed"
    result = CliRunner().invoke(main, ["annotate", str(seed_copy), "--no-config", "-j", "1", "--output-dir", str(out),
                                       "--word-detail", "all"])
    assert result.exit_code in (0, 1), result.output
    assert {p.name: digest(p) for p in seed_copy.iterdir()} == before
    for entry in report["files"]:
        reviewed = out / (Path(entry["path"]).stem + ".reviewed.docx")
        found = comments(reviewed)
        assert len(found) == len(entry["findings"])
        lines = load(entry["path"]).paragraphs  # a finding without a span anchors its whole paragraph
        expected = sorted(f["excerpt"][f["column"] - f["excerpt_column"] : f["end_column"] - f["excerpt_column"]]
                          or lines[f["line"] - 1].text for f in entry["findings"])
        assert sorted(c.anchored for c in found) == expected, entry["path"]
        assert all(c.author == "fazhi-lint" and c.text.startswith(("FZ", "建议")) for c in found)


def test_annotate_refuses_to_overwrite_and_exits_with_2(seed_copy: Path):
    seed = seed_copy / "004_b6b30a21da262d98.txt"
    first = CliRunner().invoke(main, ["annotate", str(seed), "--no-config"])
    assert first.exit_code in (0, 1)
    second = CliRunner().invoke(main, ["annotate", str(seed), "--no-config"])
    assert second.exit_code == 2 and "已存在，未覆盖（用 --force 覆盖）" in second.output
    assert CliRunner().invoke(main, ["annotate", str(seed), "--no-config", "-j", "1", "--force"]).exit_code in (0, 1)


def test_reviewed_file_of_an_unreadable_draft_is_not_made(tmp_path: Path):
    (tmp_path / "空.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "空.txt"), "--no-config", "-j", "1", "--format", "docx"])
    assert "未能读取，没有生成批注版" in result.output
    assert not (tmp_path / "空.reviewed.docx").exists()



def test_checking_the_reviewed_copy_finds_exactly_what_the_draft_had(seed_copy: Path, tmp_path: Path):
    drafts = sorted(str(p) for p in seed_copy.glob("*.txt"))
    CliRunner().invoke(main, ["annotate", *drafts, "--no-config", "-j", "1", "--output-dir", str(tmp_path)])
    for draft in drafts:
        reviewed = tmp_path / (Path(draft).stem + ".reviewed.docx")
        [original, again] = check_files([draft, str(reviewed)], Options(no_config=True))
        assert [(f.rule, f.line, f.column, f.message) for f in again.findings] == [
            (f.rule, f.line, f.column, f.message) for f in original.findings], draft


def test_a_reviewers_own_comments_stay_next_to_the_new_ones(tmp_path: Path):
    source = make_docx(tmp_path / "乙.docx", ["东城区示例局", "2021年法治政府建设年度情况报告",
                                             ("法制科负责审核，一年来,我局认真工作。", {"comment": "法制科是科室名称"})])
    annotate([result_of(source, (3, ",", None, "，"))])
    found = comments(tmp_path / "乙.reviewed.docx")
    assert sorted((c.author, c.text, c.anchored) for c in found) == [
        ("fazhi-lint", "FZ601 中文之间用了半角逗号「,」\n建议：将「,」改为「，」", ","),
        ("审核人", "法制科是科室名称", "法制科负责审核，一年来,我局认真工作。")]


def test_comments_reach_into_hyperlinks_tracked_changes_and_tables(tmp_path: Path):
    source = word_samples.containers_docx(tmp_path / "丙.docx")
    across = rule("FZ501", "x", "terminology", "warning", "「{found}」", fix=None)
    annotate([result_of(source, (3, "访问,首都", across), (3, ",", None, "，", 2), (4, "甲,新增", across),
                        (4, ",", None, "，", 2), (5, ",", None, "，"))])
    reviewed = tmp_path / "丙.reviewed.docx"
    assert [c.anchored for c in comments(reviewed)] == ["访问,首都", ",", "甲,新增", ",", ","]
    assert [p.text for p in load(str(reviewed)).paragraphs] == [p.text for p in load(str(source)).paragraphs]
