"""Web-page debris (FZ701) and the generic existence rule type it is built on."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import document_from_text, lint_text
from checker.engine.batch import Options, check_file
from checker.fixes import apply_fixes
from checker.rules import existence

SEED_002 = next((Path(__file__).parent.parent / "seeds").glob("002_*.txt"))


def _debris(text: str) -> list:
    return [f for f in lint_text(text, select=["FZ701"]) if f.rule == "FZ701"]


def test_web_debris_lines_of_seed_002():
    findings = [f for f in check_file(str(SEED_002), Options(no_config=True)).findings if f.rule == "FZ701"]
    assert [f.line for f in findings] == [3, 5, 6, 56, 58]
    assert all(f.column == 1 and f.fix.safety.value == "safe" and f.fix.replacement == "" for f in findings)
    assert "「您访问的链接即将离开“首都之窗”门户网站 是否继续?」" in findings[3].message


def test_fixing_seed_002_empties_the_debris_lines_and_keeps_the_rest():
    text = SEED_002.read_text(encoding="utf-8")
    findings = [f for f in check_file(str(SEED_002), Options(no_config=True)).findings if f.rule == "FZ701"]
    fixed = apply_fixes(text, findings).split("\n")
    original = text.split("\n")
    assert len(fixed) == len(original)
    assert [fixed[n - 1] for n in (3, 5, 6, 56, 58)] == ["", "", "", "", ""]
    assert fixed[7] == original[7]  # the opening paragraph is untouched


@pytest.mark.parametrize("line", ["首页 > 政务公开 > 法治政府建设年度报告", "【打印本页】【关闭窗口】", "简体 | 繁体", "【大 中 小】",
                                  "扫一扫在手机打开当前页", "发布时间：2022-03-30", "索引号：000014349/2022-00012"])
def test_other_site_chrome_is_debris(line):
    [finding] = _debris(line)
    assert finding.end_column == len(line) + 1


@pytest.mark.parametrize("line", [
    "推进无障碍环境建设，完成无障碍设施改造12处。",
    "编制政务公开全清单，在区政府门户网站集中公开。",
    "案卷已归档保存。",
    "来源于群众诉求的问题全部办结。",
    "分享经验做法，字号统一为三号仿宋。",
])
def test_debris_words_inside_content_are_not_debris(line):
    assert _debris(line) == []


# ---- the existence type itself ----

def _hits(options: dict, text: str) -> list[tuple[int, int, str]]:
    defaults = {name: option.default for name, option in existence.OPTIONS.items()}
    check = existence.compile({**defaults, **options})
    return [(h.start, h.end, h.args["match"]) for h in check(document_from_text(text))]


def test_existence_tokens_and_patterns_share_one_matcher():
    assert _hits({"tokens": ["法制政府"], "patterns": [r"法制(?=思维)"]}, "建设法制政府，树立法制思维。") == [
        (2, 6, "法制政府"), (9, 11, "法制")]


def test_existence_exceptions_drop_overlapping_hits():
    assert _hits({"tokens": ["法制"], "exceptions": ["法制审核", "法制科"]}, "落实法制审核，法制科加强法制宣传。") == [(12, 14, "法制")]


def test_existence_can_skip_or_keep_only_book_titles():
    text = "加强法制宣传，学习《法制日报》。"
    assert _hits({"tokens": ["法制"], "titles": "skip"}, text) == [(2, 4, "法制")]
    assert _hits({"tokens": ["法制"], "titles": "only"}, text) == [(10, 12, "法制")]


def test_existence_whole_line_in_line_scope():
    text = "第一行正文\n已归档\n正文已归档"
    document = document_from_text("x")
    document.paragraphs[0].text = text  # a .docx paragraph may hold soft line breaks
    document.__dict__.pop("view_text", None)  # analysis (the report context) read the view before the edit
    defaults = {name: option.default for name, option in existence.OPTIONS.items()}
    check = existence.compile({**defaults, "tokens": ["已归档"], "whole_line": True, "scope": "line"})
    assert [(h.start, h.end) for h in check(document)] == [(6, 9)]


@pytest.mark.parametrize("options", [{}, {"tokens": ["x"], "scope": "sentence"}, {"tokens": ["x"], "titles": "never"}])
def test_existence_rejects_incomplete_or_unknown_options(options):
    defaults = {name: option.default for name, option in existence.OPTIONS.items()}
    with pytest.raises(ValueError):
        existence.compile({**defaults, **options})
