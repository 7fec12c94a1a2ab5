"""Rule option values are checked at every depth, in packs and in config files, at their line
(checker/engine/option_shapes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.engine.ruleset import load_pack
from checker.yamlfiles.reader import YamlError

PACK = """\
rules:
  - id: ZZ301
    name: my-terms
    type: substitution
    category: terminology
    severity: warning
    message: 改为{{replacement}}
    source: 自定义
    options:
{options}
"""


@pytest.mark.parametrize(("options", "line", "fragment"), [
    ("      swap:\n        报送材料: [上报材料]\n", 11, "「报送材料」的值应为文字，而不是列表"),
    ("      swap:\n        报送材料: 上报材料\n      exceptions:\n        - 报送材料清单\n        - [报送, 材料]\n", 14,
     "第 2 项应为文字或映射，而不是列表"),
])
def test_pack_option_nested_in_the_wrong_shape_is_refused_at_its_line(tmp_path: Path, options: str, line: int, fragment: str):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(options=options), encoding="utf-8")
    with pytest.raises(YamlError) as raised:
        load_pack(path)
    assert raised.value.line == line
    assert fragment in raised.value.message


def test_pack_option_of_the_right_shape_loads(tmp_path: Path):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(options="      swap:\n        报送材料: 上报材料\n      exceptions: [报送材料清单, 2021]\n"),
                    encoding="utf-8")
    assert [rule.id for rule in load_pack(path)] == ["ZZ301"]


@pytest.mark.parametrize(("options", "fragment"), [
    ("    swap: {法制: [法治]}\n", "「swap」「法制」的值应为文字，而不是列表"),
    ("    swap: {法制: {甲: 乙}}\n", "「swap」「法制」的值应为文字，而不是映射"),
    ("    exceptions: [[法制审核, 法制机构]]\n", "「exceptions」第 1 项应为文字，而不是列表"),
    ("    skip_titles: [true]\n", "「skip_titles」的类型应为"),
])
def test_config_option_in_the_wrong_shape_is_a_usage_error_at_its_line(tmp_path: Path, options: str, fragment: str):
    config = tmp_path / ".fazhi-lint.yaml"
    config.write_text("options:\n  FZ501:\n" + options, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("加快建设法制政府。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert fragment in result.output
    assert ".fazhi-lint.yaml:3:" in result.output


def test_config_option_of_the_right_shape_is_used(tmp_path: Path):
    config = tmp_path / ".fazhi-lint.yaml"
    config.write_text("options:\n  FZ501:\n    exceptions: [法制政府示范]\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("创建法制政府示范区。\n加快建设法制政府。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--config", str(config), "--select", "FZ501"])
    assert result.exit_code == 1, result.output
    assert ":2:" in result.output and ":1:" not in result.output
