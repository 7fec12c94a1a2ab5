"""Rules that read a .docx's footnotes as they read its body (`reads_furniture: [footnote]`): the
copy-paste rules on places and bodies (FZ301, FZ302, FZ311, FZ317). A finding there carries the
footnote's line in `fazhi-lint text`; rules without the key leave footnotes alone."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from docx_factory import make_docx

from checker.cli import main
from checker.document.model import Part
from checker.engine.ruleset import load_rules

OPENING = [
    "永春县司法局2023年法治政府建设年度报告",
    "2023年，永春县司法局在县委、县政府的领导下，扎实推进法治政府建设。现将有关情况报告如下。",
    "一、2023年推进法治政府建设的主要举措和成效",
]


def report(path: Path, note: str) -> Path:
    return make_docx(path, [*OPENING, ("全年开展行政执法检查30次，审查行政规范性文件9件。", {"footnote": note}), "基层执法力量仍显不足。"])


def view_lines(path: Path) -> dict[int, str]:
    lines = CliRunner().invoke(main, ["text", str(path)]).output.splitlines()
    return {int(line.split(maxsplit=1)[0]): line.split(" ", 1)[1].strip() for line in lines}


def findings(path: Path) -> list[dict]:
    return json.loads(CliRunner().invoke(main, ["check", str(path), "--no-config", "--format", "json"]).stdout)["files"][0]["findings"]


def test_a_foreign_slogan_in_a_footnote_is_found_on_the_footnote_line(tmp_path: Path):
    path = report(tmp_path / "note.docx", "注：数据取自打造法治德化工作简报。")
    view = view_lines(path)
    slogans = [f for f in findings(path) if f["rule"] == "FZ301"]
    assert len(slogans) == 1
    assert view[slogans[0]["line"]].startswith("注释") and "法治德化" in view[slogans[0]["line"]]


def test_another_county_bureau_as_subject_of_a_footnote(tmp_path: Path):
    path = report(tmp_path / "subject.docx", "德化县司法局高度重视数据统计，按月汇总执法台账。")
    assert [f["rule"] for f in findings(path) if f["line"] > 5] == ["FZ311"]


def test_own_slogans_and_cooperation_in_footnotes_are_not_flagged(tmp_path: Path):
    path = report(tmp_path / "own.docx", "注：数据取自打造法治永春工作简报，与德化县司法局联合开展的检查另行统计。")
    assert not [f for f in findings(path) if f["line"] > 5]


def test_only_the_place_and_body_rules_read_footnotes():
    readers = {rule.id for rule in load_rules() if rule.reads_furniture}
    assert readers == {"FZ301", "FZ302", "FZ311", "FZ317"}
    assert all(rule.reads_furniture == {Part.FOOTNOTE} for rule in load_rules() if rule.reads_furniture)
