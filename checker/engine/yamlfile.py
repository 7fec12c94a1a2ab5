"""YAML reading that remembers where every mapping key is, for errors that name the line."""

from __future__ import annotations

from pathlib import Path

import yaml


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


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: ~8× faster, same marks
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
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


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: str | Path) -> object:
    """Parse a YAML file; any problem becomes a YamlError naming the file and line."""
    try:
        with open(path, encoding="utf-8") as handle:
            loader = _LineLoader(handle)
            loader.name = str(path)
            try:
                return loader.get_single_data()
            finally:
                loader.dispose()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise YamlError(path, line, f"YAML 语法错误：{error.problem}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise YamlError(path, None, f"无法读取：{error}") from None
