"""YAML reading that remembers where every mapping key is, for errors that name the line."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from checker.yamlfiles import parse_cache

# Bump when what the reader builds changes (LineDict's fields, the key checks): older cache entries then miss.
_CACHE_FORMAT = 2


class YamlError(Exception):
    """A problem in a rule pack or config file: `path:line: message`."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # raised in a worker process, re-raised in the parent
        return YamlError, (self.path, self.line, self.message)


class LineDict(dict):
    """A mapping that knows the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows the 1-based line of each item (a config's selectors, for errors naming the
    line of the mistyped one). Kept as a plain list in the cache, where nothing asks for lines."""

    item_lines: list[int]

    def line_of_item(self, index: int, default: int) -> int:
        lines = getattr(self, "item_lines", ())
        return lines[index] if index < len(lines) else default


@cache
def _line_loader() -> type:
    """PyYAML's safe loader building LineDicts (libyaml's when installed: faster, same marks).
    Made on first use: a run whose YAML is all in the cache never imports PyYAML."""
    import yaml

    class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlError(loader.name, key_node.start_mark.line + 1, "键必须是字符串")
            if key in mapping:
                raise YamlError(loader.name, key_node.start_mark.line + 1, f"重复的键「{key}」")
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(loader: LineLoader, node: yaml.SequenceNode) -> LineList:
        items = LineList(loader.construct_object(child, deep=True) for child in node.value)
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return LineLoader


def _parse(source: bytes, path: str | Path) -> object:
    import yaml

    try:
        loader = _line_loader()(io.TextIOWrapper(io.BytesIO(source), encoding="utf-8"))  # as open(path, encoding="utf-8")
        loader.name = str(path)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise YamlError(path, line, f"YAML 语法错误：{error.problem}") from None
    except UnicodeDecodeError as error:
        raise YamlError(path, None, f"无法读取：{error}") from None


# Aliases let a few lines of YAML name a tree of billions of items; anything that walks it (merging
# options, the cache) would expand it. No real config or rule pack comes near this many.
MAX_EXPANDED_NODES = 1_000_000


def _expanded_size(value: object, sizes: dict[int, int]) -> int:
    """How many items `value` holds with every alias expanded (counted once per shared object)."""
    if not isinstance(value, (dict, list)):
        return 1
    if id(value) not in sizes:
        items = value.values() if isinstance(value, dict) else value
        sizes[id(value)] = min(1 + sum(_expanded_size(item, sizes) for item in items), MAX_EXPANDED_NODES + 1)
    return sizes[id(value)]


def _plain(value: object, done: dict[int, object]) -> object:
    """LineDicts as (mapping, line, key lines) tuples, for the cache (the safe loader makes no tuples).
    What the YAML names twice (an alias) stays one object: marshal keeps shared objects shared. (A
    structure inside itself is refused by the loader: "recursive node".)"""
    if not isinstance(value, (LineDict, list)):
        return value
    if id(value) not in done:
        if isinstance(value, LineDict):
            done[id(value)] = {key: _plain(item, done) for key, item in value.items()}, value.line, value.key_lines
        else:
            done[id(value)] = [_plain(item, done) for item in value]
    return done[id(value)]


def _rebuilt(value: object, done: dict[int, object]) -> object:
    if not isinstance(value, (tuple, list)):
        return value
    if id(value) not in done:
        if isinstance(value, tuple):
            items, line, key_lines = value
            mapping = LineDict((key, _rebuilt(item, done)) for key, item in items.items())
            mapping.line, mapping.key_lines = line, key_lines
            done[id(value)] = mapping
        else:
            done[id(value)] = [_rebuilt(item, done) for item in value]
    return done[id(value)]


def read_yaml(path: str | Path, cached: bool = False) -> object:
    """Parse a YAML file; any problem becomes a YamlError naming the file and line.
    `cached`: a built-in file, whose parse is kept between runs (parse_cache.py)."""
    try:
        with open(path, "rb") as handle:
            source = handle.read()
    except OSError as error:
        raise YamlError(path, None, f"无法读取：{error}") from None
    if cached:
        kept = parse_cache.load(Path(path), source)
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == _CACHE_FORMAT:  # else a miss, or another version's
            return _rebuilt(kept[1], {})
    data = _parse(source, path)
    if _expanded_size(data, {}) > MAX_EXPANDED_NODES:
        raise YamlError(path, None, f"别名（&/*）展开后超过 {MAX_EXPANDED_NODES:,} 项（疑似“别名炸弹”），已拒绝")
    if cached:
        parse_cache.store(Path(path), source, (_CACHE_FORMAT, _plain(data, {})))
    return data
