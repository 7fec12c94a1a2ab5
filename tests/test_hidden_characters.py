"""Zero-width and other invisible format characters are ignored by matching (checker/document/hidden.py):
a word split by one is still found, at its place in the real text, and its fix replaces the hidden
character too; FZ612 alone reads them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.api import lint_text
from checker.cli import main
from checker.fixes import apply_fixes


def spans(text: str, rule: str) -> list[tuple[int, int, int]]:
    return [(f.line, f.column, f.end_column) for f in lint_text(text, select=[rule]) if f.rule == rule]


def test_substitution_term_split_by_a_zero_width_joiner_is_found_over_the_real_characters():
    text = "第二季度，镇里继续推进法\u200d制政府示范创建。"
    assert spans(text, "FZ501") == [(1, 12, 17)]  # 法 is the 12th character; the span holds the joiner


def test_term_split_by_a_zero_width_space_gets_the_same_finding_as_the_plain_one():
    plain, split = "截止本月底，共受理申请四十件。", "截\u200b止本月底，共受理申请四十件。"
    assert spans(plain, "FZ503") == [(1, 1, 3)]
    assert spans(split, "FZ503") == [(1, 1, 4)]
    assert apply_fixes(split, [f for f in lint_text(split, select=["FZ503"]) if f.rule == "FZ503"]) == \
        "截至本月底，共受理申请四十件。"


def test_existence_token_split_by_a_soft_hyphen_and_a_word_joiner():
    text = "窗口人员应熟悉行政许\u00ad可法和行政\u2060强制法的规定。"
    found = [f for f in lint_text(text, select=["FZ404"]) if f.rule == "FZ404"]
    assert [(f.column, f.end_column, f.excerpt[f.column - 1:f.end_column - 1]) for f in found] == [
        (8, 14, "行政许\u00ad可法"), (15, 21, "行政\u2060强制法")]
    assert apply_fixes(text, found) == "窗口人员应熟悉《行政许可法》和《行政强制法》的规定。"


def test_hidden_character_beside_a_space_or_a_line_break_joins_nothing():
    assert spans("园区推进依法 \u200b制政府职能转变。", "FZ501") == []
    assert spans("园区推进依法\u200b\n制政府职能转变。", "FZ501") == []


def test_the_invisible_character_rule_still_sees_the_characters():
    text = "加快建设法\u200b制政府。"
    assert spans(text, "FZ612") == [(1, 6, 7)]
    assert spans(text, "FZ501") == [(1, 5, 10)]


def test_a_rule_yielding_plain_tuples_is_placed_on_the_real_characters_too():
    # FZ601 yields (paragraph, start, end, args, replacement) tuples rather than Hits
    text = "依法\u200b行政,推进\u200b\u200b法治建设(试点)。"
    assert spans(text, "FZ601") == [(1, 6, 7), (1, 15, 16), (1, 18, 19)]
    assert apply_fixes(text, lint_text(text, select=["FZ601"])) == "依法\u200b行政，推进\u200b\u200b法治建设（试点）。"


def test_text_without_hidden_characters_is_read_as_it_is():
    assert spans("加快建设法制政府。", "FZ501") == [(1, 5, 9)]


def test_fix_of_a_txt_draft_replaces_the_hidden_character_with_the_term(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("一、总体情况\n全区法\u200b制政府建设取得新进展。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--select", "FZ501", "--fix", "--unsafe-fixes"])
    assert result.exit_code in (0, 1), result.output
    assert draft.read_text(encoding="utf-8") == "一、总体情况\n全区法治政府建设取得新进展。\n"


REPORT = "关于2023年度法治政府建设情况的报告\n一、主要举措\n全区推进依法行政。\n三、存在的不足\n仍有差距。\n"


def placed(text: str) -> list[tuple[str, int, int, int, str]]:
    return [(f.rule, f.line, f.column, f.end_column, f.message) for f in lint_text(text) if f.rule != "FZ612"]


def test_heading_number_split_by_a_hidden_character_is_still_a_heading():
    assert any(rule == "FZ205" and line == 4 for rule, line, *_ in placed(REPORT))  # 三 after 一: 二 is missing
    assert placed(REPORT.replace("一、主要", "一\u200b、主要")) == placed(REPORT)


def test_heading_title_after_a_hidden_character_is_placed_on_its_visible_text():
    plain = [(rule, column, end) for rule, line, column, end, _ in placed(REPORT) if line == 4 and rule != "FZ205"]
    split = [(rule, column, end) for rule, line, column, end, _ in placed(REPORT.replace("三、存在", "三、\u200b存在"))
             if line == 4 and rule != "FZ205"]
    assert plain and {(column, end) for _, column, end in plain} == {(3, 8)}  # 存在的不足
    assert split == [(rule, column + 1, end + 1) for rule, column, end in plain]
