"""Rule packs are validated at load: every error names the file, the YAML line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine.ruleset import load_pack, load_rules
from checker.yamlfiles.reader import YamlError

GOOD = """\
rules:
  - id: ZZ001
    name: my-rule
    type: engine
    category: load
    severity: info
    message: 提示
    source: 自定义
"""


def pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_pack_loads(tmp_path: Path):
    [rule] = load_pack(pack(tmp_path, GOOD))
    assert (rule.id, rule.name, rule.category, rule.line) == ("ZZ001", "my-rule", "load", 2)


@pytest.mark.parametrize(
    ("change", "line", "fragment"),
    [
        (("type: engine", "type: nothing"), 4, "未知的规则类型「nothing」"),
        (("category: load", "category: style"), 5, "类别「style」无效"),
        (("severity: info", "severity: fatal"), 6, "严重程度「fatal」无效"),
        (("id: ZZ001", "id: rule1"), 2, "格式应如 FZ101"),
        (("name: my-rule", "name: My_Rule"), 3, "小写连字符"),
        (("    source: 自定义\n", ""), 2, "缺少字段「source」"),
        (("    message: 提示\n", "    message: 提示\n    colour: red\n"), 8, "未知的规则字段「colour」"),
        (("    message: 提示\n", "    message: 提示\n    options: {swap: {}}\n"), 8, "没有选项「swap」"),
        (("    message: 提示\n", "    message: 提示\n    fix: {safety: maybe}\n"), 8, "fix 应为"),
        (("    message: 提示\n", "    message: 提示\n    reads_hidden: yes please\n"), 8, "reads_hidden 应为 true 或 false"),
        (("    message: 提示\n", "    message: 提示\n    reads_furniture: [sidebar]\n"), 8, "reads_furniture 应为列表"),
        (("    message: 提示\n", "    message: 提示\n    reads_furniture: footnote\n"), 8, "reads_furniture 应为列表"),
        (("    message: 提示\n", "    message: 提示\n    message: 再次\n"), 8, "重复的键「message」"),
        (("rules:", "rulez:"), 1, "rules: 列表"),
        (("    name: my-rule\n", "    name: [my-rule\n"), 4, "YAML 语法错误"),
    ],
)
def test_errors_name_the_file_and_line(tmp_path: Path, change, line, fragment):
    path = pack(tmp_path, GOOD.replace(*change))
    with pytest.raises(YamlError) as raised:
        load_pack(path)
    assert raised.value.path == str(path)
    assert fragment in raised.value.message
    assert raised.value.line == line


def test_duplicate_ids_across_packs_are_refused(tmp_path: Path):
    user = pack(tmp_path, GOOD.replace("ZZ001", "FZ001"))
    with pytest.raises(YamlError, match="FZ001.*重复"):
        load_rules([user])


def test_builtin_packs_load_and_have_unique_ids():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    assert all(r.source and r.message and r.description for r in rules)
