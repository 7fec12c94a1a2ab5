"""`.fazhi-lint.yaml`: discovery, extends, select/ignore, per-file-ignores, severity, context, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine.batch import Options, check_file
from checker.engine.config import find_config, read_config
from checker.findings import Severity
from checker.yamlfiles.reader import YamlError

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n正文。\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_is_found_by_walking_up(tmp_path: Path):
    config = write(tmp_path / ".fazhi-lint.yaml", "ignore: [FZ002]\n")
    draft = write(tmp_path / "a" / "b" / "d.txt", DRAFT)
    assert find_config(draft) == config.resolve()


def test_extends_a_builtin_profile_and_overrides_it(tmp_path: Path):
    config = read_config(write(tmp_path / ".fazhi-lint.yaml", "extends: default\nignore: [FZ003]\n"))
    assert config.select == ["ALL"] and config.ignore == ["FZ003"]


def test_extends_a_file_relative_to_the_config(tmp_path: Path):
    write(tmp_path / "base.yaml", "severity: {FZ002: error}\nignore: [FZ003]\n")
    config = read_config(write(tmp_path / ".fazhi-lint.yaml", "extends: base.yaml\nseverity: {FZ001: warning}\n"))
    assert config.severity == {"FZ002": Severity.ERROR, "FZ001": Severity.WARNING}
    assert config.ignore == ["FZ003"]


def test_extends_cycle_is_an_error(tmp_path: Path):
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\n")
    with pytest.raises(YamlError, match="循环"):
        read_config(tmp_path / "a.yaml")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("select: [ALL]\nignroe: [FZ101]\n", 2, "未知的配置项「ignroe」"),
        ("severity:\n  FZ001: fatal\n", 2, "严重程度「fatal」无效"),
        ("select: FZ101\n", 1, "应为字符串列表"),
        ("context:\n  '*.txt': {year: '2021'}\n", 2, "year 应为整数"),
        ("context:\n  '*.txt': {city: 北京}\n", 2, "context 的值"),
        ("select: [ALL\n", 2, "YAML 语法错误"),
        ("extends: nowhere\n", None, "不存在"),
        ("word:\n  group: some\n", 2, "word.group 应为"),
        ("word:\n  summary-after: -1\n", 2, "word.summary-after 应为非负整数"),
        ("word:\n  detail: all\n", 2, "未知的 word 配置项「detail」"),
        ("context:\n  '*.txt': {region: [[北京市, 东城区]]}\n", 2, "region 应为地名列表"),
        ("context:\n  '*.txt': {body: [东城区园林绿化局]}\n", 2, "body 应为字符串"),
        ("options:\n  a0: &a0 [x]\n" + "".join(f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
         None, "别名炸弹"),
    ],
)
def test_config_errors_name_the_line(tmp_path: Path, text: str, line: int | None, fragment: str):
    path = write(tmp_path / ".fazhi-lint.yaml", text)
    with pytest.raises(YamlError) as raised:
        read_config(path)
    assert fragment in raised.value.message
    if line:
        assert raised.value.line == line


def _doc_result(tmp_path: Path, config_text: str, name: str = "old.doc"):
    write(tmp_path / ".fazhi-lint.yaml", config_text)
    draft = tmp_path / name
    draft.write_bytes(b"")
    return check_file(str(draft), Options())


def test_severity_override_applies(tmp_path: Path):
    result = _doc_result(tmp_path, "severity: {unsupported-format: error}\n")
    assert [f.severity for f in result.findings] == [Severity.ERROR]


@pytest.mark.parametrize("selector", ["FZ002", "FZ00", "unsupported-format", "load"])
def test_ignore_by_id_prefix_name_or_category(tmp_path: Path, selector: str):
    assert _doc_result(tmp_path, f"ignore: [{selector}]\n").findings == []


def test_per_file_ignores_match_globs(tmp_path: Path):
    assert _doc_result(tmp_path, "per-file-ignores: {'old.*': [FZ002]}\n").findings == []
    assert _doc_result(tmp_path, "per-file-ignores: {'other.*': [FZ002]}\n").findings != []


def test_command_line_select_replaces_config_select(tmp_path: Path):
    write(tmp_path / ".fazhi-lint.yaml", "select: [FZ001]\n")
    draft = tmp_path / "old.doc"
    draft.write_bytes(b"")
    assert check_file(str(draft), Options()).findings == []
    assert len(check_file(str(draft), Options(select=("FZ002",))).findings) == 1


def test_context_per_glob_overrides_inference_and_cli_overrides_config(tmp_path: Path):
    write(tmp_path / ".fazhi-lint.yaml", "context:\n  '*.txt': {body: 延庆区司法局, year: 2022}\n")
    draft = write(tmp_path / "d.txt", DRAFT)
    context = check_file(str(draft), Options()).context
    assert (context["body"], context["region"], context["year"]) == ("延庆区司法局", ["北京市", "延庆区"], 2022)
    assert context["confidence"] == {"body": "certain", "region": "certain", "year": "certain"}
    assert check_file(str(draft), Options(year=2023)).context["year"] == 2023


def test_no_config_ignores_config_files(tmp_path: Path):
    write(tmp_path / ".fazhi-lint.yaml", "ignore: [ALL]\n")
    assert _doc_result(tmp_path, "ignore: [ALL]\n").findings == []
    draft = tmp_path / "old.doc"
    assert len(check_file(str(draft), Options(no_config=True)).findings) == 1
