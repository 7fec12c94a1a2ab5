"""Comments for people: repeats of one rule in a paragraph share a comment, many typography
findings become one summary at the top, errors and copy-paste/structure findings keep their own;
`word: {group: …}` in the config and `--word-detail all` choose; other formats are unchanged."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from findings_factory import result_of, rule
from word_reading import comments

from checker.cli import main
from checker.reporters import ReportSettings, reporters
from checker.word.comment_groups import CommentPlan

COMMA = rule()  # FZ601, typography, warning, safe fix
FOREIGN = rule("FZ301", "foreign-place", "copy-paste", "warning", "「{found}」疑为照抄外地报告的残留", fix=None)
DEBRIS = rule("FZ701", "web-page-debris", "residue", "error", "网页残留「{found}」")
DRAFT = ("东城区示例局\n2021年法治政府建设年度情况报告\n"
         "一年来,我局推进依法行政,完善制度,加强培训,法治南浔建设,法治南浔宣传。\n"
         "二是健全机制,落实责任。\n")


def annotate(results, **settings) -> str:
    stream = io.StringIO()
    reporters()["docx"].write(results, stream, ReportSettings(**settings))
    return stream.getvalue()


def draft(tmp_path: Path, text: str = DRAFT) -> Path:
    path = tmp_path / "稿.txt"
    path.write_text(text, encoding="utf-8")
    return path


def commas(line: int, count: int) -> list[tuple]:
    return [(line, ",", COMMA, "，", n) for n in range(1, count + 1)]


def test_repeats_of_one_rule_in_a_paragraph_share_one_comment_over_their_span(tmp_path: Path):
    path = draft(tmp_path)
    result = result_of(path, *commas(3, 4), *commas(4, 1))
    result.word = {"group": "paragraph"}
    assert annotate([result]).endswith("2 条批注（5 处问题）\n")
    found = comments(path.with_name("稿.reviewed.docx"))
    assert [c.anchored for c in found] == [",我局推进依法行政,完善制度,加强培训,", ","]
    assert found[0].text == ("FZ601 本段 4 处：中文之间用了半角逗号「,」（4 处）\n"
                             "建议：可用 fazhi-lint check --fix 一次改正")
    assert found[1].text == "FZ601 中文之间用了半角逗号「,」\n建议：将「,」改为「，」"


def test_copy_paste_and_error_findings_always_keep_their_own_comment(tmp_path: Path):
    path = draft(tmp_path)
    result = result_of(path, (3, "南浔", FOREIGN, None, 1), (3, "南浔", FOREIGN, None, 2),
                       (4, "二是", DEBRIS, ""), (4, "落实", DEBRIS, ""))
    annotate([result])
    found = comments(path.with_name("稿.reviewed.docx"))
    assert [c.anchored for c in found] == ["南浔", "南浔", "二是", "落实"]


def test_many_typography_findings_become_one_summary_on_the_title_with_counts_per_rule(tmp_path: Path):
    path = draft(tmp_path)
    dash = rule("FZ608", "year-range-hyphen", "typography", "info", "年份起止用了短横线", fix="safe")
    result = result_of(path, *commas(3, 4), *commas(4, 1), (4, "落实", dash, "落实"), (3, "南浔", FOREIGN, None, 1))
    result.word = {"summary-after": 3}
    annotate([result])
    found = comments(path.with_name("稿.reviewed.docx"))
    assert [c.anchored for c in found] == ["2021年法治政府建设年度情况报告", "南浔"]
    summary = found[0].text.split("\n")
    assert summary[0] == "fazhi-lint 汇总：本文有 6 处标点数字问题，未逐条批注："
    assert summary[1:3] == ["FZ601 5 处，如：中文之间用了半角逗号「,」", "FZ608 1 处，如：年份起止用了短横线"]
    assert "其中 6 处可用 fazhi-lint check --fix 一次改正" in summary[3]


def test_at_most_summary_after_typography_findings_are_not_summarised(tmp_path: Path):
    path = draft(tmp_path)
    result = result_of(path, *commas(3, 4))
    result.word = {"summary-after": 4}
    annotate([result])
    assert [c.text.split("：")[0] for c in comments(path.with_name("稿.reviewed.docx"))] == ["FZ601 本段 4 处"]


def test_word_detail_all_writes_one_comment_per_finding_whatever_the_config_says(tmp_path: Path):
    path = draft(tmp_path)
    result = result_of(path, *commas(3, 4), *commas(4, 1))
    result.word = {"group": "summary", "summary-after": 0}
    assert annotate([result], word_detail="all").endswith("5 条批注\n")
    assert CommentPlan.from_config({"group": "summary"}, "all") == CommentPlan("none")


def test_config_word_group_reaches_the_reviewed_copy_and_json_is_unchanged(seed_copy: Path, tmp_path: Path):
    seed = seed_copy / "002_7154703e6cb5bf5f.txt"
    config = tmp_path / "c.yaml"
    counts = {}
    for group in ("none", "paragraph", "summary"):
        config.write_text(f"word: {{group: {group}}}\n", encoding="utf-8")
        out = tmp_path / group
        run = CliRunner().invoke(main, ["annotate", str(seed), "--config", str(config), "--output-dir", str(out)])
        assert run.exit_code == 1, run.output
        counts[group] = len(comments(out / "002_7154703e6cb5bf5f.reviewed.docx"))
    report = json.loads(CliRunner().invoke(main, ["check", str(seed), "--config", str(config), "--format", "json"]).stdout)
    findings = report["files"][0]["findings"]
    assert counts["none"] == len(findings) > counts["paragraph"] > counts["summary"]
    debris = [f for f in findings if f["category"] == "residue"]
    summary_run = tmp_path / "summary" / "002_7154703e6cb5bf5f.reviewed.docx"
    texts = [c.text for c in comments(summary_run)]
    assert sum(t.startswith(debris[0]["rule"]) and "本段" not in t for t in texts) == len(debris)
    assert sum(t.startswith("fazhi-lint 汇总") for t in texts) == 1


def test_comment_ids_continue_after_a_reviewers_own(tmp_path: Path):
    from docx_factory import make_docx

    source = make_docx(tmp_path / "乙.docx", ["东城区示例局", "2021年法治政府建设年度情况报告",
                                             ("法制科负责审核，一年来,我局认真工作,效果好。", {"comment": "法制科是科室名称"})])
    annotate([result_of(source, (3, ",", COMMA, "，", 1), (3, ",", COMMA, "，", 2))], word_detail="all")
    with zipfile.ZipFile(tmp_path / "乙.reviewed.docx") as archive:
        xml = archive.read("word/comments.xml").decode()
    ids = [int(part.split('"')[0]) for part in xml.split('w:id="')[1:]]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_annotate_fix_moves_the_remaining_comments_past_the_fixes_before_them(tmp_path: Path):
    from checker.word.review import build_reviewed

    path = draft(tmp_path, "东城区示例局\n2021年法治政府建设年度情况报告\n一年来  ,我局认真贯彻落实法制宣传工作。\n")
    space = rule("FZ607", "extra-space", "typography", "warning", "多余的空格", fix="safe")
    term = rule("FZ501", "fazhi", "terminology", "warning", "「{found}」应为「法治」", fix="unsafe")
    result = result_of(path, (3, "  ", space, ""), (3, ",", COMMA, "，"), (3, "法制", term, "法治"))
    reviewed = build_reviewed(result, detail="all", fixes="safe")
    assert (reviewed.revisions, reviewed.comments) == (2, 1)
    reviewed.word.save(tmp_path / "r.docx")
    [comment] = comments(tmp_path / "r.docx")
    assert (comment.anchored, comment.text.split()[0]) == ("法制", "FZ501")
