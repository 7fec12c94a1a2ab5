"""The command line: exit codes, bad input in a batch, inputs never modified, the other commands."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CONSOLE_SCRIPT, ROOT, SEEDS, tree_hashes

from checker.cli import main

SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def bad_batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "gbk.txt").write_bytes("东城区示例局\n\n2021年法治政府建设年度情况报告\n\n正文。\n".encode("gbk"))
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    with zipfile.ZipFile(folder / "nodocument.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (folder / "~$lock.docx").write_bytes(b"lock")
    (folder / ".hidden.txt").write_text("隐藏文件", encoding="utf-8")
    (folder / "good.txt").write_bytes((SEEDS / "000_c8eddf8a4fb2ca4f.txt").read_bytes())
    return folder


def test_bad_inputs_each_get_one_clear_line_and_the_batch_goes_on(bad_batch: Path):
    before = tree_hashes(bad_batch)
    result = run("check", str(bad_batch), str(bad_batch / "missing.txt"), "--format", "json", "--no-config")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert set(files) == {"empty.txt", "binary.txt", "gbk.txt", "corrupt.docx", "nodocument.docx", "old.doc",
                          "good.txt", "missing.txt"}
    expected_errors = {"empty.txt": "文件为空", "binary.txt": "NUL", "missing.txt": "路径不存在", "old.doc": ".docx",
                       "corrupt.docx": "", "nodocument.docx": ""}
    for name, fragment in expected_errors.items():
        assert files[name]["error"] and fragment in files[name]["error"], name
        load_findings = [f for f in files[name]["findings"] if f["category"] == "load"]
        assert len(load_findings) == 1 and "\n" not in load_findings[0]["message"]
        assert "Traceback" not in files[name]["error"] and "内部错误" not in files[name]["error"]
    assert files["gbk.txt"]["error"] is None
    assert files["good.txt"]["error"] is None and files["good.txt"]["context"]["body"] == "东城区园林绿化局"
    assert tree_hashes(bad_batch) == before


def test_text_output_has_no_traceback_for_bad_inputs(bad_batch: Path):
    result = run("check", str(bad_batch), "--no-config", "--select", "load")
    assert "Traceback" not in result.output
    assert result.output.count("FZ001") == 4 and result.output.count("FZ002") == 1


def test_exit_code_is_zero_when_nothing_reaches_the_threshold(tmp_path: Path):
    draft = tmp_path / "d.doc"
    draft.write_bytes(b"")
    assert run("check", str(draft), "--no-config").exit_code == 1  # unsupported format: a warning
    assert run("check", str(draft), "--no-config", "--severity", "error").exit_code == 0
    assert run("check", str(draft), "--no-config", "--ignore", "load").exit_code == 0


def test_stdin_is_checked():
    result = run("check", "-", "--format", "json", "--no-config", input="东城区示例局\n\n2021年法治政府建设年度情况报告\n正文。\n".encode())
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "-"
    assert report["files"][0]["context"]["year"] == 2021


def test_seeds_json_validates_against_the_schema():
    result = run("check", str(SEEDS), "--format", "json", "--no-config", "--jobs", "1")
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["files"] == 5
    assert report["summary"]["findings"] == sum(len(f["findings"]) for f in report["files"])


def test_parallel_jobs_give_the_same_results_as_one():
    one = json.loads(run("check", str(SEEDS), "--format", "json", "--no-config", "--jobs", "1").stdout)
    two = json.loads(run("check", str(SEEDS), "--format", "json", "--no-config", "--jobs", "2").stdout)
    assert one == two


def test_unknown_format_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--format", "nope"])
    assert result.exit_code == 2
    assert "未知的输出格式「nope」" in result.output
    # every format listed with what it writes, from each reporter's DESCRIPTION
    assert "  json           JSON（稳定接口" in result.output and "  sarif          SARIF 2.1.0" in result.output


def test_bad_rule_pack_is_exit_2_naming_file_and_line(tmp_path: Path):
    pack = tmp_path / "bad.yaml"
    pack.write_text("rules:\n  - id: ZZ101\n    name: my-rule\n    type: no-such-type\n    category: terminology\n"
                    "    severity: error\n    message: m\n    source: s\n", encoding="utf-8")
    config = tmp_path / ".fazhi-lint.yaml"
    config.write_text("rules: [bad.yaml]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(SEEDS / "000_c8eddf8a4fb2ca4f.txt"), "--config", str(config)])
    assert result.exit_code == 2
    assert f"{pack}:4: 未知的规则类型「no-such-type」" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_bad_config_key_is_exit_2_naming_the_line(tmp_path: Path):
    (tmp_path / ".fazhi-lint.yaml").write_text("select: [ALL]\nignroe: [FZ101]\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("东城区示例局\n\n2021年法治政府建设年度情况报告\n正文。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft)])
    assert result.exit_code == 2
    assert ".fazhi-lint.yaml:2: 未知的配置项「ignroe」" in result.output


def test_rules_json_lists_every_rule_with_its_category():
    rules = json.loads(run("rules", "--format", "json").stdout)
    assert {"FZ001", "FZ002", "FZ003"} <= {r["id"] for r in rules}
    assert all(r["category"] and r["severity"] and r["source"] for r in rules)


def test_explain_renders_the_rule_doc():
    output = run("explain", "load-error").output
    assert "FZ001 load-error" in output and "## 作用" in output and "## 依据" in output
    assert CliRunner().invoke(main, ["explain", "FZ999"]).exit_code == 2


def test_text_view_line_numbers_are_the_file_lines():
    output = run("text", str(SEEDS / "000_c8eddf8a4fb2ca4f.txt")).output.splitlines()
    assert output[39].startswith("40 H1?|") and output[39].endswith("2021年推进法治政府建设存在的不足和原因")
    assert output[0].startswith(" 1 T  | 东城区园林绿化局")


def test_statistics_and_summary_line(bad_batch: Path):
    output = run("check", str(bad_batch), "--no-config", "--statistics", "--select", "load").output
    assert "    4\tFZ001\tload-error\t[load]" in output
    assert output.strip().splitlines()[-1] == "7 个文件，5 处问题（错误 4，警告 1）"


def test_module_and_console_script_entry_points():
    for command in ([sys.executable, "-m", "checker", "--version"], [str(CONSOLE_SCRIPT), "--version"]):
        completed = subprocess.run(command, capture_output=True, text=True, check=True)
        assert "fazhi-lint" in completed.stdout


def test_tests_cannot_find_a_fazhi_lint_on_path():
    """conftest.py takes every fazhi-lint off PATH, so a test running a bare `fazhi-lint` fails here as it
    would on a fresh machine; the console script is reached through the interpreter's own folder."""
    assert shutil.which("fazhi-lint") is None
    assert CONSOLE_SCRIPT.parent == Path(sys.executable).parent
