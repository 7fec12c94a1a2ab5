import pytest

from checker.engine.ruleset import load_rules
from checker.yamlfiles import parse_cache
from checker.yamlfiles.reader import LineDict, YamlError, read_yaml

PACK = "rules:\n  - id: FZ999\n    name: sample\n    options:\n      words: [甲, 乙]\n"


pytestmark = pytest.mark.usefixtures("cache_home")  # every test with a fresh cache folder (conftest.py)


def _lines(value):
    """Everything a LineDict knows, as plain values, to compare two readings."""
    if isinstance(value, LineDict):
        return {k: _lines(v) for k, v in value.items()}, value.line, value.key_lines
    if isinstance(value, list):
        return [_lines(v) for v in value]
    return value


def test_a_cached_file_reads_back_as_parsed_with_its_lines(tmp_path, cache_home):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    first = read_yaml(path, cached=True)
    assert len(list(cache_home.iterdir())) == 1
    second = read_yaml(path, cached=True)
    assert _lines(second) == _lines(first) == _lines(read_yaml(path))
    assert isinstance(second["rules"][0], LineDict)
    assert second["rules"][0].line_of("options") == 4


def test_an_edited_file_is_parsed_again(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    read_yaml(path, cached=True)
    path.write_text(PACK.replace("甲", "丙"), encoding="utf-8")
    assert read_yaml(path, cached=True)["rules"][0]["options"]["words"] == ["丙", "乙"]


def test_a_damaged_entry_is_a_miss(tmp_path, cache_home):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    read_yaml(path, cached=True)
    [entry] = cache_home.iterdir()
    entry.write_bytes(entry.read_bytes()[:40])
    assert _lines(read_yaml(path, cached=True)) == _lines(read_yaml(path))


def test_an_entry_made_by_another_parser_is_a_miss(tmp_path, cache_home, monkeypatch):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(parse_cache, "_parser", lambda: ("another PyYAML",))
        parse_cache.store(path, path.read_bytes(), "stale")
    assert len(list(cache_home.iterdir())) == 1
    assert parse_cache.load(path, path.read_bytes()) is None


def test_an_unwritable_cache_folder_only_costs_the_cache(tmp_path, cache_home):
    cache_home.parent.mkdir()
    cache_home.write_text("not a folder")
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    assert read_yaml(path, cached=True)["rules"][0]["id"] == "FZ999"
    assert not cache_home.is_dir()


def test_values_marshal_cannot_hold_are_not_kept(tmp_path, cache_home):
    path = tmp_path / "dated.yaml"
    path.write_text("when: 2021-06-01\n", encoding="utf-8")
    assert str(read_yaml(path, cached=True)["when"]) == "2021-06-01"
    assert not cache_home.exists() or not list(cache_home.iterdir())


def test_only_cached_reads_make_entries(tmp_path, cache_home):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    read_yaml(path)
    assert not cache_home.exists()


def test_errors_are_reported_the_same_through_the_cache(tmp_path):
    path = tmp_path / "bad.yaml"
    for text in ("rules:\n  - id: [\n", "loop: &loop [1, *loop]\n"):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(YamlError) as plain:
            read_yaml(path)
        with pytest.raises(YamlError) as cached:
            read_yaml(path, cached=True)
        assert str(cached.value) == str(plain.value)
    with pytest.raises(YamlError, match="无法读取"):
        read_yaml(tmp_path / "missing.yaml", cached=True)


def test_builtin_rules_load_the_same_from_the_cache(cache_home):
    first = load_rules()
    assert {p.name.split("-")[0] for p in cache_home.iterdir()} >= {"terms", "structure", "typography"}
    second = load_rules()
    assert [(r.id, r.options, r.line, r.examples) for r in second] == [(r.id, r.options, r.line, r.examples) for r in first]


def test_an_alias_stays_one_object_through_the_cache(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("shared: &lines [甲, {key: 乙}]\nfirst: *lines\nsecond: *lines\n", encoding="utf-8")
    for _ in range(2):  # parsed and kept, then read back
        data = read_yaml(path, cached=True)
        assert data["first"] is data["second"] is data["shared"]
        assert data["first"][1].line_of("key") == 1


@pytest.mark.parametrize("value", ["1", "yes"])
def test_the_cache_can_be_turned_off(tmp_path, cache_home, monkeypatch, value):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    read_yaml(path, cached=True)  # an entry made while the cache is on
    monkeypatch.setenv("FAZHI_LINT_NO_CACHE", value)
    assert parse_cache.load(path, path.read_bytes()) is None  # not read
    parse_cache.store(path, b"other", {"other": 1})
    assert len(list(cache_home.iterdir())) == 1  # nor written
    assert _lines(read_yaml(path, cached=True)) == _lines(read_yaml(path))


@pytest.mark.parametrize("value", ["", "0"])
def test_an_empty_or_zero_setting_leaves_the_cache_on(tmp_path, cache_home, monkeypatch, value):
    monkeypatch.setenv("FAZHI_LINT_NO_CACHE", value)
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    read_yaml(path, cached=True)
    assert parse_cache.load(path, path.read_bytes()) is not None


def test_a_relative_cache_home_is_ignored_as_the_xdg_spec_says(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert parse_cache.entry_path(tmp_path / "pack.yaml").parent == tmp_path / "home" / ".cache" / "fazhi-lint"
