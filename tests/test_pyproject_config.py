"""[tool.fazhi-lint] in pyproject.toml: found like .fazhi-lint.yaml, the same keys and checks, errors with lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.engine.batch import Options, check_file
from checker.engine.config import find_config, read_config
from checker.findings import Severity
from checker.yamlfiles.reader import YamlError

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措,成效\n"
PYPROJECT = """[project]
name = "草稿库"

[tool.other]
select = ["x"]

[tool.fazhi-lint]
select = ["FZ601", "FZ102"]
fail-on = "error"

[tool.fazhi-lint.severity]
FZ601 = "error"

[tool.fazhi-lint.per-file-ignores]
"附件/*.txt" = ["FZ601"]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_found_walking_up_and_read_with_the_same_keys(tmp_path: Path):
    write(tmp_path / "pyproject.toml", PYPROJECT)
    draft = write(tmp_path / "分局" / "d.txt", DRAFT)
    assert find_config(draft) == tmp_path / "pyproject.toml"
    config = read_config(tmp_path / "pyproject.toml")
    assert config.select == ["FZ601", "FZ102"] and config.fail_on is Severity.ERROR
    assert config.per_file_ignores == {"附件/*.txt": ["FZ601"]}
    findings = check_file(str(draft), Options()).findings
    assert {(f.rule, f.severity) for f in findings} == {("FZ601", Severity.ERROR), ("FZ102", Severity.INFO)}
    attached = write(tmp_path / "附件" / "a.txt", DRAFT)
    assert [f.rule for f in check_file(str(attached), Options()).findings] == ["FZ102"]


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path):
    write(tmp_path / ".fazhi-lint.yaml", "select: [FZ601]\n")
    write(tmp_path / "项目" / "pyproject.toml", "[project]\nname = \"x\"\n[tool.ruff]\nline-length = 100\n")
    draft = write(tmp_path / "项目" / "d.txt", DRAFT)
    assert find_config(draft) == tmp_path / ".fazhi-lint.yaml"


def test_yaml_config_wins_over_pyproject_in_the_same_folder(tmp_path: Path):
    write(tmp_path / "pyproject.toml", PYPROJECT)
    write(tmp_path / ".fazhi-lint.yaml", "select: [FZ102]\n")
    assert find_config(write(tmp_path / "d.txt", DRAFT)) == tmp_path / ".fazhi-lint.yaml"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('[tool.fazhi-lint]\nselect = ["ALL"]\nignroe = ["FZ101"]\n', 3, "未知的配置项「ignroe」"),
        ('[tool.fazhi-lint]\nselect = ["ALL"]\n\n[tool.fazhi-lint.severity]\nFZ601 = "fatal"\n', 5, "严重程度「fatal」无效"),
        ('[tool.fazhi-lint]\nselect = "FZ101"\n', 2, "应为字符串列表"),
        ('[tool.fazhi-lint]\nselect = ["ALL"]\nfail-on = \n', 3, "TOML 语法错误"),
    ],
)
def test_pyproject_errors_name_the_line(tmp_path: Path, text: str, line: int, fragment: str):
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(YamlError) as raised:
        read_config(path)
    assert fragment in raised.value.message
    assert raised.value.line == line


def test_a_mistyped_selector_in_pyproject_is_exit_2_at_its_line(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", '[tool.fazhi-lint]\nselect = ["ALL"]\nignore = ["FZ60l"]\n')
    write(tmp_path / "d.txt", DRAFT)
    result = CliRunner().invoke(main, ["check", "d.txt"])
    assert result.exit_code == 2 and "pyproject.toml:3: " in result.stderr and "是否指 FZ601" in result.stderr


def test_config_option_takes_a_pyproject(tmp_path: Path):
    path = write(tmp_path / "elsewhere" / "pyproject.toml", PYPROJECT)
    draft = write(tmp_path / "d.txt", DRAFT)
    result = CliRunner().invoke(main, ["check", str(draft), "--config", str(path), "--format", "concise", "-q"])
    assert result.exit_code == 1 and "FZ601 [error]" in result.stdout and "FZ101" not in result.stdout
