"""Patterns a built-in pack compiled in an earlier run are compiled on first use; anything else at once."""

import pytest
import regex

from checker.engine.ruleset import load_pack
from checker.loaders.txt import parse_text
from checker.matching import Matcher
from checker.matching import patterns as known_patterns
from checker.matching import required_literals as required_literals_module
from checker.yamlfiles.reader import YamlError

PACK = """rules:
  - id: FZ990
    name: sample-words
    type: existence
    category: residue
    severity: warning
    message: "「{match}」"
    source: 测试
    options:
      patterns: ["甲+乙"]
"""


pytestmark = pytest.mark.usefixtures("cache_home")  # every test with a fresh cache folder (conftest.py)


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The sources regex.compile is asked for."""
    asked: list[str] = []
    compile = regex.compile
    monkeypatch.setattr(regex, "compile", lambda source, *args: asked.append(source) or compile(source, *args))
    return asked


def test_a_pattern_compiled_before_waits_for_its_first_use(tmp_path, compiled):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    load_pack(pack, builtin=True)
    assert "甲+乙" in compiled
    compiled.clear()
    [rule] = load_pack(pack, builtin=True)
    assert "甲+乙" not in compiled
    assert [(hit.start, hit.end) for hit in rule.check(parse_text("丙甲甲乙丁", "x.txt"))] == [(1, 4)]
    assert "甲+乙" in compiled


def test_an_edited_pack_is_compiled_at_once_and_a_bad_pattern_reported_at_load(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    load_pack(pack, builtin=True)
    pack.write_text(PACK.replace("甲+乙", "甲(乙"), encoding="utf-8")
    with pytest.raises(YamlError, match="FZ990"):
        load_pack(pack, builtin=True)


def test_another_regex_version_compiles_again(tmp_path, compiled, monkeypatch):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    load_pack(pack, builtin=True)
    monkeypatch.setattr(regex, "__version__", "0.0")
    compiled.clear()
    load_pack(pack, builtin=True)
    assert "甲+乙" in compiled


def test_user_packs_are_compiled_at_once_and_not_kept(tmp_path, compiled):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    for _ in range(2):
        compiled.clear()
        load_pack(pack)
        assert "甲+乙" in compiled
    assert not (tmp_path / "cache").exists()


def test_compile_deferred_compiles_what_waits(tmp_path, compiled):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    load_pack(pack, builtin=True)
    rules = load_pack(pack, builtin=True)  # kept: what nothing uses any more is not compiled
    compiled.clear()
    known_patterns.compile_deferred()
    assert "甲+乙" in compiled and rules


def test_a_deferred_pattern_answers_as_the_compiled_one():
    deferred = known_patterns.DeferredPattern(r"(?P<year>\d{4})年", regex.MULTILINE)
    plain = regex.compile(r"(?P<year>\d{4})年", regex.MULTILINE)
    assert deferred.groupindex == plain.groupindex and deferred.flags == plain.flags
    assert [m.span() for m in deferred.finditer("2021年\n2022年")] == [(0, 5), (6, 11)]
    assert deferred.search("x") is None and deferred.pattern == plain.pattern


def test_a_matchers_quick_tests_and_prefilter_are_built_on_first_need_or_before_workers_fork():
    first, second = Matcher.of_phrases(["截止(?=\\d)", "字号"]), Matcher.of_phrases(["截止(?=\\d)"])
    assert first._searches is None and second._searches is None and second._prefilter is None
    assert [(o.start, o.end) for o in first.occurrences("截止5日，字号")] == [(5, 7), (0, 2)]
    known_patterns.compile_deferred()
    assert second._searches is not None and second._prefilter is not None


def test_the_strings_a_pattern_needs_are_read_once_and_kept_with_the_pack(tmp_path, monkeypatch):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    load_pack(pack, builtin=True)
    read = []
    reader = required_literals_module._Reader
    monkeypatch.setattr(required_literals_module, "_Reader", lambda pattern: read.append(pattern) or reader(pattern))
    monkeypatch.setattr(required_literals_module, "_read_before", {})
    required_literals_module.required_literals.cache_clear()
    [rule] = load_pack(pack, builtin=True)
    assert [(hit.start, hit.end) for hit in rule.check(parse_text("丙甲甲乙丁\n甲乙", "x.txt"))] == [(1, 4), (0, 2)]
    assert read == [] and required_literals_module.required_literals("甲+乙") == (frozenset({"甲乙"}),)


def test_strings_read_by_another_reader_are_not_used(tmp_path, monkeypatch):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    load_pack(pack, builtin=True)
    monkeypatch.setattr(required_literals_module, "_read_before", {})
    monkeypatch.setattr(known_patterns, "reader_version", lambda: 1)
    load_pack(pack, builtin=True)
    assert required_literals_module._read_before == {}
