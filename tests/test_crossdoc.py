"""Cross-document checks on drafts written for the purpose (tests/crossdoc_drafts.py): a 2022 draft made
from its 2021 report, and five departments' drafts of one batch."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ROOT
from crossdoc_drafts import (
    DRAFT_2021,
    DRAFT_2022,
    FIGURES_2022,
    LEFT_2022,
    OWN_WORK,
    PLAN_2021,
    SHARED,
    UPDATED_2022,
    batch_draft,
)

from checker.api import lint_text
from checker.cli import main

CROSS = ["FZ351", "FZ352", "FZ353", "FZ354", "FZ355"]
SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))


def _line_of(text: str, paragraph: str) -> int:
    return text.splitlines().index(paragraph) + 1


def _findings(rule: str) -> list:
    return [f for f in lint_text(DRAFT_2022, previous=DRAFT_2021, select=CROSS) if f.rule == rule]


def test_every_left_paragraph_is_found_and_no_updated_one():
    found = {f.line for f in _findings("FZ351")}
    assert found == {_line_of(DRAFT_2022, p) for p in LEFT_2022}
    assert not found & {_line_of(DRAFT_2022, p) for p in [*UPDATED_2022, FIGURES_2022]}


def test_left_paragraph_message_gives_similarity_and_last_years_line():
    first = min(_findings("FZ351"), key=lambda f: f.line)
    assert "相似度1.00" in first.message
    assert f"去年报告第{_line_of(DRAFT_2021, LEFT_2022[0])}行" in first.message
    assert first.related.path == "<去年的报告>" and first.related.line == _line_of(DRAFT_2021, LEFT_2022[0])


def test_stale_figures_in_a_rewritten_paragraph_are_found():
    stale = _findings("FZ352")
    assert [(f.line, f.excerpt[f.column - 1 : f.end_column - 1]) for f in stale] == [
        (_line_of(DRAFT_2022, FIGURES_2022), figure) for figure in ("44", "40", "2")]


def test_updated_figures_are_not_stale():
    updated = DRAFT_2022.replace("44件", "51件")
    assert [f for f in lint_text(updated, previous=DRAFT_2021, select=["FZ352"])] == []


def test_plan_repeating_last_years_plan_and_its_year():
    plan_line = _line_of(DRAFT_2022, PLAN_2021)
    assert [f.line for f in _findings("FZ353")] == [plan_line]
    year = _findings("FZ354")
    assert [(f.line, f.excerpt[f.column - 1 : f.end_column - 1], f.fix.replacement) for f in year] == [(plan_line, "2022", "2023")]


def test_without_last_years_report_nothing_is_compared():
    assert [f for f in lint_text(DRAFT_2022, select=CROSS)] == []


def _batch(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, body in enumerate(OWN_WORK):
        path = folder / f"{number}_{body}.txt"
        path.write_text(batch_draft(body), encoding="utf-8")
        paths.append(path)
    return paths


def _json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"], catch_exceptions=False)
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    return report


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_paragraph_shared_by_two_departments_is_found_both_ways(tmp_path: Path, jobs: str):
    paths = _batch(tmp_path / "batch")
    report = _json(str(tmp_path / "batch"), "--select", "FZ355", "--jobs", jobs)
    found = {Path(f["path"]).name: f["findings"] for f in report["files"] if f["findings"]}
    commerce, health = paths[0].name, paths[1].name
    assert set(found) == {commerce, health}
    for mine, theirs in ((commerce, health), (health, commerce)):
        [finding] = found[mine]
        assert finding["related"][0]["path"].endswith(theirs)
        assert finding["line"] == finding["related"][0]["line"] == 7
        assert f"本段与《{theirs}》第7行基本相同（相似度0.89）" in finding["message"]


def test_opening_boilerplate_and_text_every_draft_has_are_not_reported(tmp_path: Path):
    folder = tmp_path / "batch"
    _batch(folder)
    common = "建立行政执法人员轮岗交流制度，每年组织执法骨干到兄弟单位跟班学习两周，回本单位后讲授一次执法实务课。"
    for path in folder.iterdir():  # a paragraph every draft has that no boilerplate list names
        path.write_text(path.read_text(encoding="utf-8") + common + "\n", encoding="utf-8")
    report = _json(str(folder), "--select", "FZ355")
    lines = {f["line"] for r in report["files"] for f in r["findings"]}
    assert lines == {7}  # only the one paragraph two departments share


def test_drafts_of_one_body_are_not_compared_with_each_other(tmp_path: Path):
    folder = tmp_path / "same"
    folder.mkdir()
    for year in (2021, 2022):
        text = batch_draft("东城区商务局").replace("2022年", f"{year}年")
        (folder / f"{year}.txt").write_text(text, encoding="utf-8")
    assert _json(str(folder), "--select", "FZ355")["summary"]["findings"] == 0


def _pair(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True)
    old, new = folder / "去年.txt", folder / "今年.txt"
    old.write_text(DRAFT_2021, encoding="utf-8")
    new.write_text(DRAFT_2022, encoding="utf-8")
    return old, new


def test_previous_option_names_last_years_file(tmp_path: Path):
    old, new = _pair(tmp_path / "pair")
    report = _json(str(new), "--previous", str(old), "--select", "FZ351")
    [result] = report["files"]
    assert len(result["findings"]) == len(LEFT_2022)
    assert all(f["related"][0]["path"] == str(old) for f in result["findings"])


def test_previous_folder_is_paired_by_body_and_year(tmp_path: Path):
    old, new = _pair(tmp_path / "pair")
    (tmp_path / "pair" / "别的局.txt").write_text(batch_draft("东城区民政局"), encoding="utf-8")
    new_place = tmp_path / "今年" / "草稿.txt"
    new_place.parent.mkdir()
    new.rename(new_place)
    report = _json(str(new_place), "--previous", str(tmp_path / "pair"), "--select", "FZ351")
    assert {f["related"][0]["path"] for f in report["files"][0]["findings"]} == {str(old)}


def test_a_folder_pairs_a_draft_with_the_same_bodys_report_of_the_year_before(tmp_path: Path):
    old, new = _pair(tmp_path / "pair")
    report = _json(str(tmp_path / "pair"), "--select", "FZ351,FZ353")
    by_name = {Path(r["path"]).name: r["findings"] for r in report["files"]}
    assert by_name[old.name] == []  # 2021 has no 2020 report beside it
    assert len(by_name[new.name]) == len(LEFT_2022) + 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_versions_of_one_draft_are_each_compared_with_last_years_report(tmp_path: Path, jobs: str):
    # a process keeps the last-year report it loaded for the next draft paired with it (engine/batch.py):
    # each version still gets exactly its own findings, as when checked alone against that report
    old, new = _pair(tmp_path / "pair")
    second = new.with_name("今年（修改稿）.txt")
    second.write_text(DRAFT_2022.replace(LEFT_2022[0], UPDATED_2022[0]), encoding="utf-8")
    together = _json(str(tmp_path / "pair"), "--select", "FZ351,FZ353", "--jobs", jobs)
    by_name = {Path(r["path"]).name: r["findings"] for r in together["files"]}
    for draft in (new, second):
        alone = _json(str(draft), "--previous", str(old), "--select", "FZ351,FZ353")["files"][0]["findings"]
        assert by_name[draft.name] == alone
    assert len(by_name[second.name]) == len(by_name[new.name]) - 1


def test_config_previous_maps_globs_to_last_years_reports(tmp_path: Path):
    _old, new = _pair(tmp_path / "pair")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    new.rename(drafts / "今年.txt")
    (tmp_path / ".fazhi-lint.yaml").write_text('previous:\n  "drafts/*.txt": pair/去年.txt\n', encoding="utf-8")
    report = _json(str(drafts / "今年.txt"), "--select", "FZ351")
    assert len(report["files"][0]["findings"]) == len(LEFT_2022)


def test_unreadable_previous_report_costs_only_the_comparison(tmp_path: Path):
    old, new = _pair(tmp_path / "pair")
    old.write_bytes(b"\x00\x01" * 100)
    result = CliRunner().invoke(main, ["check", str(new), "--previous", str(old), "--select", "FZ351"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert result.stderr.strip() == f"fazhi-lint: {old}: 去年的报告无法读取，未与去年比较"


def test_sarif_points_to_the_other_draft(tmp_path: Path):
    paths = _batch(tmp_path / "batch")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "batch"), "--select", "FZ355", "--format", "sarif"])
    entries = json.loads(result.stdout)["runs"][0]["results"]
    related = [e["relatedLocations"][0] for e in entries]
    assert sorted(r["physicalLocation"]["region"]["startLine"] for r in related) == [7, 7]
    assert {r["message"]["text"] for r in related} == {f"《{paths[0].name}》", f"《{paths[1].name}》"}


def test_shared_paragraph_is_compared_without_boilerplate():
    drafts = [batch_draft(body) for body in OWN_WORK]
    findings = lint_text(drafts[0], others=drafts[1:], select=["FZ355"])
    assert [f.excerpt for f in findings] == [SHARED]


def test_word_review_gives_the_shared_paragraph_its_own_comment_naming_the_other_draft(tmp_path: Path):
    from word_reading import comments

    paths = _batch(tmp_path / "batch")
    out = tmp_path / "reviewed"
    CliRunner().invoke(main, ["annotate", str(tmp_path / "batch"), "--select", "FZ355", "--output-dir", str(out)],
                       catch_exceptions=False)
    [note] = comments(out / f"{paths[0].stem}.reviewed.docx")
    assert note.text.startswith("FZ355 本段与《")
    assert f"对照：《{paths[1].name}》第7行" in note.text
    assert note.anchored == SHARED


def test_html_report_has_a_panel_listing_each_files_partners(tmp_path: Path):
    paths = _batch(tmp_path / "batch")
    report = tmp_path / "report.html"
    CliRunner().invoke(main, ["check", str(tmp_path / "batch"), "--select", "FZ355", "--format", f"html:{report}"],
                       catch_exceptions=False)
    page = report.read_text(encoding="utf-8")
    panels = page.split('<div class="partners"><h3>相互雷同</h3>')[1:]
    assert len(panels) == 2
    assert f"《{paths[1].name}》</span>：本文第7行 ↔ 第7行" in panels[0]
    assert f"《{paths[0].name}》</span>：本文第7行 ↔ 第7行" in panels[1]


def test_desk_compares_the_uploads_and_names_partners_as_uploaded(tmp_path: Path):
    import base64
    import re

    from starlette.testclient import TestClient

    from checker.serve.app import create_app

    client = TestClient(create_app(temp_root=str(tmp_path)), base_url="http://127.0.0.1:8000", raise_server_exceptions=False)
    uploads = [("files", (f"{body}.txt", batch_draft(body).encode(), "text/plain")) for body in OWN_WORK]
    page = client.post("/check", files=uploads).text
    assert page.count('<div class="partners"><h3>相互雷同</h3>') == 2
    assert "《东城区卫生健康委员会.txt》</span>：本文第7行 ↔ 第7行" in page
    [data] = re.findall(r'download="fazhi-lint.json" data-type="[^"]+" data-base64="([^"]*)"', page)
    report = json.loads(base64.b64decode(data))
    related = [f["related"][0]["path"] for r in report["files"] for f in r["findings"] if f["rule"] == "FZ355"]
    assert sorted(related) == ["东城区卫生健康委员会.txt", "东城区商务局.txt"]
    assert str(tmp_path) not in page


def test_one_sentence_frame_with_each_bodys_own_figures_is_not_a_copy():
    frame = "东城区{body}\n2022年法治政府建设年度情况报告\n全年接受人大代表和政协委员的监督，办理人大代表建议{a}件、政协委员提案{b}件，按期办复，办复率达到百分之百。\n"
    mine = frame.format(body="商务局", a=23, b=17)
    assert lint_text(mine, others=[frame.format(body="民政局", a=31, b=12)], select=["FZ355"]) == []
    assert len(lint_text(mine, others=[frame.format(body="民政局", a=23, b=17)], select=["FZ355"])) == 1
