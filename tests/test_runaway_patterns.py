"""User-pack and config patterns that can backtrack catastrophically are refused at load, at their
line (checker/engine/backtracking.py); ordinary patterns, and every built-in one, pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.engine.backtracking import catastrophic
from checker.engine.ruleset import builtin_rules_dir, load_pack
from checker.yamlfiles.reader import YamlError, read_yaml

PACK = """\
rules:
  - id: ZZ201
    name: stray-words
    type: existence
    category: terminology
    severity: warning
    message: 命中
    source: 自定义
    options:
      patterns:
        - '报送材料'
        - '{pattern}'
"""


@pytest.mark.parametrize("pattern", [
    "(a+)+$", "(?:\\s*\\d+)*元", "(a|aa)+$", "(?:年|度|年度)+$", "(?:x|.)*y", "(?:a+|b)+c",
    "(?:a*)*b", "(?:\\d[\\d,]?)+万", "x(?:(?:\\p{Han}+))+",
])
def test_runaway_shapes_are_named(pattern: str):
    assert catastrophic(pattern)


@pytest.mark.parametrize("pattern", [
    "(?:\\d+,)+", "(a|b)+", "(ab?)+", "(?:修订|修正)版", "(?:[一二三四五六七八九十]+、)+", "\\p{Han}{1,12}?",
    "(?:\\s*[，,]\\s*\\d+)+", "(?:\\p{Han}|\\d)+", "(?:第[一二三四五六七八九十]+条、?)+", "(?V1)[[a-z]--[aeiou]]+",
])
def test_ordinary_patterns_pass(pattern: str):
    assert catastrophic(pattern) is None


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_no_option_string_of_the_built_in_packs_is_refused():
    texts = [text for path in sorted(builtin_rules_dir().rglob("*.yaml")) if isinstance(data := read_yaml(path), dict)
             for rule in data.get("rules") or () for text in _strings(rule.get("options") or {})]
    assert len(texts) > 500
    assert [t for t in texts if catastrophic(t)] == []


def test_user_pack_with_a_runaway_pattern_is_refused_at_its_line(tmp_path: Path):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(pattern="(a|aa)+$"), encoding="utf-8")
    with pytest.raises(YamlError) as raised:
        load_pack(path)
    assert (raised.value.path, raised.value.line) == (str(path), 12)
    assert "(a|aa)+$" in raised.value.message and "回溯失控" in raised.value.message


def test_user_pack_with_ordinary_patterns_loads(tmp_path: Path):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(pattern="(?:报送|上报)材料+"), encoding="utf-8")
    assert [rule.id for rule in load_pack(path)] == ["ZZ201"]


def test_config_option_with_a_runaway_pattern_is_a_usage_error(tmp_path: Path):
    (tmp_path / ".fazhi-lint.yaml").write_text('options:\n  FZ404:\n    patterns: ["(x+)+y"]\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("x" * 46 + "!\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--config", str(tmp_path / ".fazhi-lint.yaml")])
    assert result.exit_code == 2
    assert ".fazhi-lint.yaml:3:" in result.output and "(x+)+y" in result.output
