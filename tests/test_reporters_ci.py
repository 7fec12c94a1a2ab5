"""CI formats: SARIF against the official schema, GitHub workflow commands, GitLab Code Quality,
JUnit read by a real JUnit parser, JSON Lines, concise — on synthetic findings and on the seeds."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ROOT, inputs_unchanged
from findings_factory import result_of, rule
from junitparser import Error, Failure, JUnitXml

from checker.cli import main
from checker.engine.batch import Options, check_files
from checker.reporters import ReportSettings, reporters

SARIF_SCHEMA = json.loads((ROOT / "tests" / "vendor" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
DEBRIS = rule("FZ701", "web-page-debris", "residue", "error", "网页残留「{found}」")
NO_FIX = rule("FZ301", "foreign-place", "copy-paste", "error", "外地地名「{found}」", fix=None)


def render(name: str, results) -> str:
    stream = io.StringIO()
    reporters()[name].write(results, stream, ReportSettings())
    return stream.getvalue()


@pytest.fixture
def results(seed_copy: Path, monkeypatch):
    monkeypatch.chdir(seed_copy.parent)
    return [
        result_of(Path("seeds/002_7154703e6cb5bf5f.txt"), (8, ",", None, "，"), (5, "分享:", DEBRIS, ""),
                  (40, ",", None, "，")),
        result_of(Path("seeds/000_c8eddf8a4fb2ca4f.txt"), (48, "阆中", NO_FIX), (48, "阆中", NO_FIX, None, 2)),
        result_of(Path("seeds/004_b6b30a21da262d98.txt")),
    ]


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_sarif_is_valid_against_the_official_schema(results):
    report = json.loads(render("sarif", results))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(report)
    run = report["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["FZ301", "FZ601", "FZ701"]
    assert len(run["results"]) == 5


def test_sarif_result_points_at_the_flagged_characters_relative_to_the_repo_root(results):
    run = json.loads(render("sarif", results))["runs"][0]
    first = run["results"][1]
    assert first["ruleId"] == "FZ601" and first["level"] == "warning"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "FZ601"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "seeds/002_7154703e6cb5bf5f.txt"
    assert location["region"] == {"startLine": 8, "startColumn": 8, "endLine": 8, "endColumn": 9, "snippet": {"text": ","}}
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["rules"][0]["properties"]["category"] == "copy-paste"


def test_sarif_offers_safe_fixes_only(results):
    by_rule = {}
    for result in json.loads(render("sarif", results))["runs"][0]["results"]:
        by_rule.setdefault(result["ruleId"], []).append(result)
    replacement = by_rule["FZ601"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "，"
    assert replacement["deletedRegion"] == {"startLine": 8, "startColumn": 8, "endLine": 8, "endColumn": 9}
    assert "fixes" not in by_rule["FZ301"][0]


def test_fingerprints_are_stable_when_lines_move_and_distinct_per_occurrence(results, seed_copy):
    before = [r["partialFingerprints"] for r in json.loads(render("sarif", results))["runs"][0]["results"]]
    path = seed_copy / "002_7154703e6cb5bf5f.txt"
    path.write_text("新增的一行\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    moved = result_of(Path("seeds/002_7154703e6cb5bf5f.txt"), (9, ",", None, "，"), (6, "分享:", DEBRIS, ""),
                      (41, ",", None, "，"))
    after = [r["partialFingerprints"] for r in json.loads(render("sarif", [moved, *results[1:]]))["runs"][0]["results"]]
    assert after == before
    assert len({json.dumps(f) for f in before}) == len(before)


def test_github_annotations_escape_their_properties_and_messages(results):
    lines = [line for line in render("github", results).splitlines() if not line.startswith(("::group::", "::endgroup::"))]
    assert len(lines) == 5
    assert lines[1] == ("::warning file=seeds/002_7154703e6cb5bf5f.txt,line=8,col=8,endLine=8,endColumn=9,"
                        "title=FZ601 half-width-comma::中文之间用了半角逗号「,」%0A建议：将「,」改为「，」")
    debris = next(line for line in lines if "FZ701" in line)
    assert debris.startswith("::error file=seeds/002_7154703e6cb5bf5f.txt,line=5,col=1,")
    assert "网页残留「分享:」" in debris  # ":" is escaped only in properties, not in the message


def test_gitlab_report_has_the_keys_gitlab_reads(results):
    issues = json.loads(render("gitlab", results))
    assert len(issues) == 5
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == 5
    assert [i["severity"] for i in issues if i["check_name"].startswith("FZ701")] == ["major"]
    assert issues[0]["location"] == {"path": "seeds/002_7154703e6cb5bf5f.txt", "lines": {"begin": 5, "end": 5}}


def test_junit_has_one_suite_per_file_and_one_failing_case_per_rule(results, tmp_path):
    path = tmp_path / "junit.xml"
    path.write_text(render("junit", results), encoding="utf-8")
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(path))}
    assert list(suites) == [r.path for r in results]
    typography = suites["seeds/002_7154703e6cb5bf5f.txt"]
    cases = {case.name: case for case in typography}
    assert set(cases) == {"FZ601 half-width-comma", "FZ701 web-page-debris"}
    failure = next(r for r in cases["FZ601 half-width-comma"].result if isinstance(r, Failure))
    assert failure.message == "2 处：中文之间用了半角逗号「,」"
    assert failure.text.splitlines() == ["seeds/002_7154703e6cb5bf5f.txt:8:8: 中文之间用了半角逗号「,」",
                                         "seeds/002_7154703e6cb5bf5f.txt:40:32: 中文之间用了半角逗号「,」"]
    clean = list(suites["seeds/004_b6b30a21da262d98.txt"])
    assert len(clean) == 1 and clean[0].is_passed
    assert typography.failures == 2 and typography.tests == 2


def test_junit_reports_a_file_that_could_not_be_checked_as_an_error(tmp_path):
    (tmp_path / "空.txt").write_bytes(b"")
    (tmp_path / "junit.xml").write_text(render("junit", check_files([str(tmp_path / "空.txt")], Options(no_config=True))),
                                        encoding="utf-8")
    [suite] = JUnitXml.fromfile(str(tmp_path / "junit.xml"))
    [case] = list(suite)
    assert (suite.errors, suite.failures) == (1, 0)
    assert isinstance(case.result[0], Error) and case.result[0].message == "1 处：无法检查此文件：文件为空"


def test_json_lines_one_object_per_finding(results):
    rows = [json.loads(line) for line in render("json-lines", results).splitlines()]
    assert [(r["path"], r["rule"], r["line"], r["column"]) for r in rows][:2] == [
        ("seeds/002_7154703e6cb5bf5f.txt", "FZ701", 5, 1), ("seeds/002_7154703e6cb5bf5f.txt", "FZ601", 8, 8)]
    assert len(rows) == 5 and rows[0]["fix"] == {"replacement": "", "safety": "safe"}


def test_concise_one_line_per_finding_then_the_summary(results):
    lines = render("concise", results).splitlines()
    assert lines[0] == "seeds/002_7154703e6cb5bf5f.txt:5:1: FZ701 [error] 网页残留「分享:」"
    assert len(lines) == 6 and lines[-1].startswith("3 个文件，5 处问题")


CI_FORMATS = ["sarif", "github", "gitlab", "junit", "json-lines", "concise"]


@pytest.fixture(scope="module")
def seeds_in_every_ci_format(tmp_path_factory) -> tuple[dict, dict[str, str]]:
    """One run over a copy of the seeds writing JSON and every CI format, each to its own file."""
    folder = tmp_path_factory.mktemp("ci-formats")
    seeds = folder / "seeds"
    seeds.mkdir()
    for seed in sorted(ROOT.joinpath("seeds").glob("*.txt")):
        (seeds / seed.name).write_bytes(seed.read_bytes())
    outputs = [arg for name in ["json", *CI_FORMATS] for arg in ("--format", f"{name}:{folder / name}")]
    with inputs_unchanged(seeds):
        printed = cli("check", str(seeds), "--no-config", "-j", "1", *outputs).stdout
    assert printed == ""  # the summary line goes to stderr
    written = {name: (folder / name).read_text(encoding="utf-8") for name in CI_FORMATS}
    return json.loads((folder / "json").read_text(encoding="utf-8")), written


@pytest.mark.parametrize("name", CI_FORMATS)
def test_ci_format_on_the_seeds_folder_reports_what_json_reports(name, seeds_in_every_ci_format, tmp_path):
    expected, written = seeds_in_every_ci_format
    count = sum(len(f["findings"]) for f in expected["files"])
    assert count > 100
    text = written[name]
    if name == "sarif":
        report = json.loads(text)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(report)
        assert len(report["runs"][0]["results"]) == count
    elif name == "gitlab":
        assert len(json.loads(text)) == count
    elif name == "junit":
        (tmp_path / "out.xml").write_text(text, encoding="utf-8")
        xml = JUnitXml.fromfile(str(tmp_path / "out.xml"))
        assert [s.name for s in xml] == [f["path"] for f in expected["files"]]
    else:
        lines = [line for line in text.splitlines() if re.match(r"^(::(?!group::|endgroup::)|\{|/)", line)]
        assert len(lines) == count


def test_several_formats_in_one_run(seed_copy, tmp_path):
    result = cli("check", str(seed_copy), "--no-config", "-j", "1", "--format", "concise",
                 "--format", f"sarif:{tmp_path / 'a.sarif'}", "--format", f"junit:{tmp_path / 'a.xml'}")
    assert "个文件" in result.output
    assert json.loads((tmp_path / "a.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert JUnitXml.fromfile(str(tmp_path / "a.xml")) is not None
