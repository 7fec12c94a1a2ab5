"""click's own words (help headings, usage errors) in Chinese, so that help and errors are not half English.

click looks every message up through the `_` and `ngettext` of its modules (gettext), at the moment it
shows it; we give those modules a lookup in the table below, which falls back to click's English for a
message not in it. A test renders the help of every command and the usual usage errors and finds no
English words left, so a click release that rewords a message is noticed.
"""

from __future__ import annotations

import sys
import unicodedata

MESSAGES = {
    "Usage:": "用法:",  # click adds ":" to the other headings itself
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行「{command} {option}」查看帮助。",
    "Aborted!": "已中止。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Did you mean {possibility}?": "是否指 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否指其中之一：{possibilities}？）",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可用值之一：{choices}。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "float": "数",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值（可用：{states}）",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必需",
}


def _gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def _columns(text: str) -> int:
    """Terminal columns of `text`: CJK characters take two (click counts one, and misaligns the help)."""
    from click._compat import strip_ansi

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in strip_ansi(text))


def install() -> None:
    """Point the gettext lookups of click's loaded modules at MESSAGES, and its help layout at `_columns`."""
    import click.formatting

    click.formatting.term_len = _columns
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if getattr(module, "_", None) is not None and callable(module._):
                module._ = _gettext
            if callable(getattr(module, "ngettext", None)):
                module.ngettext = _ngettext


# Metavars click makes from an option's type (TEXT, INTEGER RANGE, PATH…), and its own placeholders.
_TYPE_METAVARS = {"text": "文本", "integer range": "整数", "integer": "整数", "float range": "数", "float": "数",
                  "path": "路径", "file": "文件"}


def localize(group) -> None:
    """The placeholders click writes in usage lines and option lists, in Chinese, for `group` and its commands."""
    import click

    group.options_metavar = "[选项]"
    group.subcommand_metavar = "命令 [参数]..."
    for command in group.commands.values():
        command.options_metavar = "[选项]"
        for param in command.params:
            if isinstance(param, click.Option) and param.metavar is None and not param.is_flag:
                name = _TYPE_METAVARS.get(param.type.name)
                if name:
                    param.metavar = name
