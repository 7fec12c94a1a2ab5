"""The command line: parse options, call the pipeline, pick a reporter. No logic of its own."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import ExitStack

import click

from checker import __version__
from checker.cli_chinese import install as install_chinese
from checker.cli_chinese import localize
from checker.findings import Severity
from checker.reporters import ReportSettings, reporters

# The commands import the pipeline when they run: --version and --help need none of it.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

install_chinese()  # click's own words (Usage:, Options, its errors) in Chinese, like ours


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _fail(message: str) -> None:
    click.echo(f"fazhi-lint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _default_format() -> str:
    """text; github in GitHub Actions (as yamllint's `auto`): the findings become annotations."""
    import os

    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _format_targets(formats: tuple[str, ...], output_file: str | None) -> list[tuple[str, str | None]]:
    """"--format json --format sarif:out.sarif" → [("json", output_file), ("sarif", "out.sarif")]."""
    targets = []
    for spec in formats or (_default_format(),):
        name, _, path = spec.partition(":")
        if name not in reporters():
            _fail(f"未知的输出格式「{name}」，可用：\n" + "\n".join(f"  {known:<15}{module.DESCRIPTION}" for known, module in sorted(reporters().items())))
        targets.append((name, path or output_file))
    from checker.terminal import stdout_reports

    if len(on_stdout := stdout_reports(targets)) > 1:
        _fail(f"{'、'.join(on_stdout)} 两种报告都写到标准输出；请用 FORMAT:FILE 把其余的写入文件")
    return targets


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fazhi-lint")
def main() -> None:
    """fazhi-lint：法治政府建设年度报告合规检查。"""


_LINT_OPTIONS = (
    click.option("--select", multiple=True, help="只启用这些规则（编号、前缀、名称或类别，逗号分隔）。"),
    click.option("--ignore", multiple=True, help="停用这些规则（编号、前缀、名称或类别，逗号分隔）。"),
    click.option("--extend-select", multiple=True, help="在配置文件或 --select 选定的规则之外再启用这些规则。"),
    click.option("--severity", type=click.Choice([s.value for s in Severity]), default="info", help="只报告此级别及以上。"),
    click.option("--fail-on", type=click.Choice([s.value for s in Severity]),
                 help="有此级别及以上的问题时退出码为 1（默认 warning：只有提示级问题时退出码为 0）。"),
    click.option("--exit-zero", is_flag=True, help="有问题时退出码也为 0（用法、配置错误仍为 2）。"),
    click.option("--allow-empty", is_flag=True, help="没有找到要检查的文件时不算错误（默认退出码 2）。"),
    click.option("--body", help="发文机关，如 东城区园林绿化局。"),
    click.option("--region", help="所在地区，由大到小以空格或 › 分隔，如 “北京市 东城区”；连写的（“湖南省岳阳市平江县”）按地名表切分。"),
    click.option("--year", type=click.IntRange(1990, 2100), help="报告年度（报告所总结的年份）。"),
    click.option("--previous", type=click.Path(exists=True),
                 help="去年的报告（文件，或按发文机关和年度配对的文件夹）：查照搬去年未改的段落、数字和安排。"),
    click.option("--config", type=click.Path(exists=True, dir_okay=False), help="配置文件（不再向上查找）。"),
    click.option("--no-config", is_flag=True, help="不读取任何配置文件。"),
    click.option("--include", multiple=True, help="文件夹中要检查的文件（glob）。"),
    click.option("--exclude", multiple=True, help="文件夹中要跳过的文件（glob）。"),
    click.option("--no-ignore-files", is_flag=True, help="检查文件夹时不理会 .gitignore 和 .fazhi-lintignore。"),
    click.option("--stdin-filename", help="标准输入（-）的文件名：用于查找配置文件、匹配 glob 和报告中显示。"),
    click.option("--jobs", "-j", type=click.IntRange(1, 256), help="并行进程数（文件夹默认用全部核心）。"),
    click.option("--timeout", type=click.FloatRange(min=0),
                 help="每个文件最多检查的秒数；超时或检查进程崩溃的文件报告为无法检查，其余文件照常完成。"
                      "检查文件夹时默认 60 秒，0 表示不限。"),
    click.option("--quiet", "-q", is_flag=True, help="只输出问题，不输出汇总。"),
    click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                 help="颜色：auto 在终端上用颜色（环境变量 NO_COLOR 关闭、FORCE_COLOR 打开）。"),
    click.option("--statistics", is_flag=True, help="按规则统计问题数。"),
    click.option("--output-dir", type=click.Path(file_okay=False),
                 help="批注版、Word 修改清单、修复副本写到此文件夹（默认与输入文件同处）。"),
    click.option("--max-file-size", callback=lambda context, param, value: _size(value), metavar="大小",
                 help="每个文件最多读取的大小（如 100MB、512KB；只写数字时单位为 MB；默认 100MB），超过的文件报告为无法读取。"),
    click.option("--force", is_flag=True, help="覆盖已存在的批注版、修改清单、修复副本，以及不是本工具报告的 -o 输出文件（从不覆盖输入文件）。"),
    click.option("--word-detail", type=click.Choice(["grouped", "all"]), default="grouped", show_default=True,
                 help="批注版：grouped 按配置 word.group 合并同段重复和大量标点问题；all 每个问题一条批注。"),
)


def _size(value: str | None) -> int | None:
    from checker.loaders.reading import parse_size

    try:
        return parse_size(value) if value is not None else None
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _read_stdin(options) -> bytes:
    """Standard input, one byte past the size cap at most (the loader refuses what is that long)."""
    from checker.engine.batch import max_file_size_for
    from checker.loaders.reading import read_at_most
    from checker.yamlfiles.reader import YamlError

    try:
        limit = max_file_size_for("-", options)
    except YamlError as error:
        _fail(str(error))
    return read_at_most(sys.stdin.buffer, limit + 1)


def _rules_described(files: list[str], options) -> dict:
    """The run's rules as the reports describe them; a broken config or rule pack ends the run here."""
    from checker.engine.batch import rules_described
    from checker.yamlfiles.reader import YamlError

    try:
        return rules_described(files, options)
    except YamlError as error:
        _fail(str(error))


def _sweep_leftovers(files: list[str], targets: list[tuple[str, str | None]], output_dir: str | None) -> None:
    """Remove what a killed run left where this one reads and writes (leftovers.py), saying so."""
    from checker.leftovers import folders_of, sweep

    for note in sweep(folders_of(files, [path for _, path in targets if path], output_dir)):
        click.echo(f"fazhi-lint: {note}", err=True)


def _skipped(path: str, reason: str) -> None:
    click.echo(f"fazhi-lint: 跳过 {path}：{reason}", err=True)


def _lint_options(command):
    """The options `check` and `annotate` share: rule selection, context, files, output files."""
    for option in reversed(_LINT_OPTIONS):
        command = option(command)
    return command


def _target_settings(path: str | None, color: str, settings: ReportSettings) -> ReportSettings:
    from dataclasses import replace

    from checker.terminal import wants_color

    use_color = color == "always" or (path is None and wants_color(color, sys.stdout))
    return replace(settings, color=use_color)


def _parts_report(targets: list[tuple[str, str | None]], color: str, settings: ReportSettings):
    """The report written file by file, if there is one report and its format is written that way
    (reporters/parts.py), in the encoding of the stream the parent copies the parts into; else None."""
    from checker.reporters.parts import PartsReport, written_in_parts

    if len(targets) != 1 or not written_in_parts(targets[0][0]):
        return None
    name, path = targets[0]
    encoding, errors = ("utf-8", "strict") if path else (sys.stdout.encoding, sys.stdout.errors)
    return PartsReport(name, _target_settings(path, color, settings), encoding, errors)


def _write_reports(results, targets: list[tuple[str, str | None]], color: str, settings: ReportSettings,
                   parts=None) -> list[str]:
    """Run each reporter (`parts`: the PartsReport the results are the parts of); returns the outputs
    it refused to write (existing files without --force). A report that cannot be written ends the run."""
    from checker.reporters.outputs import OutputError, WriteError, report_stream

    refused = []
    try:
        with ExitStack() as stack:
            for name, path in targets:
                stream = stack.enter_context(report_stream(path)) if path else sys.stdout
                reporter = reporters()[name]
                try:
                    if parts is not None:
                        parts.write(results, stream)
                    else:
                        reporter.write(results, stream, _target_settings(path, color, settings))
                except OutputError as error:
                    refused.append(str(error))
        sys.stdout.flush()
    except WriteError as error:
        _fail(str(error))
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say, nowhere to say it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_ERROR)
    except OSError as error:  # standard output on a full disk
        # what stays in stdout's buffer would fail again at exit (exit code 120 instead of 2) where
        # stdout is buffered, as it is without PYTHONUNBUFFERED: it goes nowhere instead
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _fail(str(WriteError("标准输出", error)))
    return refused


def _guard_outputs(paths: tuple[str, ...], files: list[str], targets: list[tuple[str, str | None]],
                   settings: ReportSettings, config: str | None, fix: bool, backup: bool) -> list[str]:
    """Stop before anything is read or written when an output would replace an input (write_guard.py);
    the files to check."""
    from checker.reporters.outputs import WriteError
    from checker.write_guard import Clash, check_run

    try:
        return check_run(paths, files, targets, settings, config, fix, backup)
    except (Clash, WriteError) as error:
        _fail(str(error))


def _check_stdin_filename(name: str | None, paths: tuple[str, ...], fixing: bool) -> None:
    if name is None:
        return
    if "-" not in paths:
        _fail("--stdin-filename 只用于标准输入：请在 PATHS 中给出 -")
    if fixing:  # a fix would read, and write, the named file instead of standard input
        _fail("--stdin-filename 不能与 --fix、--diff 同用")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "formats", multiple=True, help="输出格式，可多次给出；FORMAT:FILE 写入文件。")
@click.option("--output-file", "-o", help="把输出写入此文件。")
@_lint_options
@click.option("--fix", is_flag=True, help="应用安全修复：.txt 就地修改，.docx 另存为 <名称>.fixed.docx。")
@click.option("--unsafe-fixes", is_flag=True, help="连同需确认的修复一起应用（配合 --fix 或 --diff）。")
@click.option("--diff", is_flag=True, help="只显示修复会做的修改（统一 diff 格式），不写任何文件。")
@click.option("--backup", is_flag=True, help="--fix 修改 .txt 之前先保存原文件为 FILE.bak。")
def check(**params) -> None:
    """检查 PATHS（文件、文件夹，或 - 表示标准输入）。"""
    from checker.engine.batch import start_up

    with start_up() as started:
        _check(**params, started=started)


def _check(paths, formats, output_file, select, ignore, extend_select, severity, fail_on, exit_zero, allow_empty, body, region, year, previous,
           config, no_config, include, exclude, no_ignore_files, stdin_filename, jobs, timeout, quiet, color, statistics, output_dir, max_file_size, force, word_detail,
           fix, unsafe_fixes, diff, backup, started: Callable[[], None], review_fixes: str | None = None) -> None:
    from dataclasses import replace

    from checker.engine.batch import FindingsSeen, Options, check_each, default_jobs, per_file_timeout
    from checker.loaders.discover import discover
    from checker.reporters import needs_document
    from checker.terminal import Counted, needs_counting, progress, write_to_stderr
    from checker.yamlfiles.reader import YamlError

    options = Options(
        config=config, no_config=no_config, select=_split(select), ignore=_split(ignore),
        extend_select=_split(extend_select), body=body,
        region=tuple(r for r in region.replace("›", " ").split() if r) if region else None, year=year,
        severity=Severity(severity), fail_on=fail_on and Severity(fail_on), stdin_filename=stdin_filename,
        max_file_size=max_file_size, previous=previous,
    )
    targets = _format_targets(formats, output_file)
    _check_stdin_filename(stdin_filename, paths, fix or diff)
    files = discover(paths, _split(include), _split(exclude), ignore_files=not no_ignore_files,
                     skipped=_skipped)
    if not files and not allow_empty:
        _fail(f"在 {' '.join(paths)} 中没有找到要检查的文件（文件夹中默认检查 .txt、.docx）；"
              "--allow-empty 允许这种情况（退出码 0）")
    settings = ReportSettings(quiet=quiet, statistics=statistics, output_dir=output_dir, force=force,
                              word_detail=word_detail if word_detail == "all" else None, review_fixes=review_fixes)
    files = _guard_outputs(paths, files, targets, settings, config, fix and not diff, backup)
    _sweep_leftovers(files, targets, output_dir)
    stdin = _read_stdin(options) if "-" in files else None
    settings = replace(settings, rules=_rules_described(files, options))
    jobs = jobs or default_jobs(list(paths))
    timeout = per_file_timeout(timeout, list(paths))
    outcomes = []
    parts = None if fix or diff else _parts_report(targets, color, settings)
    try:
        with ExitStack() as shown:
            if parts is not None:
                shown.enter_context(parts)
            if fix or diff:
                started()  # a fix run checks files while it compiles rules (fix_files.py)
                from checker.fix_files import fix_paths, fix_summary

                results, outcomes = fix_paths(files, options, jobs, stdin, unsafe_fixes, diff, backup, settings, timeout)
                click.echo("".join(outcome.diff for outcome in outcomes), nl=False)
                click.echo("\n".join(fix_summary(outcomes, diff)), err=True)
                if diff:
                    sys.exit(EXIT_FINDINGS if any(outcome.applied for outcome in outcomes) else EXIT_CLEAN)
            else:
                keep = needs_document([name for name, _ in targets])
                results = check_each(files, options, jobs, stdin, timeout=timeout, keep_document=keep, parts=parts)
                started()  # the rules are compiled: the files are checked from here on
                results = shown.enter_context(progress(results, len(files), paths, targets, quiet))
            counted = Counted(results) if needs_counting(targets, settings) else None
            # one reporter reads the results as they come; several each need them all
            results = list(counted or results) if len(targets) > 1 else counted or results
            seen = FindingsSeen(results)
            refused = _write_reports(seen, targets, color, settings, parts)
        if counted:
            write_to_stderr(counted, targets, settings)
    except YamlError as error:
        _fail(str(error))
    if refused or any(outcome.problem for outcome in outcomes):
        _fail("\nfazhi-lint: ".join(refused) or "部分文件未能修复（见上）")  # one line per output, each as a message
    sys.exit(EXIT_FINDINGS if seen.failed and not exit_zero else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_lint_options
@click.pass_context
@click.option("--fix", is_flag=True, help="同时把安全修复写成 Word 修订（可逐处接受或拒绝），批注只标其余问题。")
@click.option("--unsafe-fixes", is_flag=True, help="连同需确认的修复一起写成修订（配合 --fix）。")
def annotate(context: click.Context, fix: bool, unsafe_fixes: bool, **params) -> None:
    """为 PATHS 中每份草稿生成 <名称>.reviewed.docx：问题写成 Word 批注（同 check --format docx）。"""
    fixes = ("unsafe" if unsafe_fixes else "safe") if fix else None
    context.invoke(check, formats=("docx",), review_fixes=fixes, **params)


@main.command("text")
@click.argument("file")
@click.option("--outline", is_flag=True, help="同时列出标题层级、标题块和推断的上下文。")
def text_command(file: str, outline: bool) -> None:
    """按工具所见打印文档：每段一行，行号即问题定位所用的行号。"""
    from checker.loaders import load
    from checker.loaders.errors import LoadError
    from checker.views import outline_view, text_view

    try:
        document = load(file)
    except LoadError as error:
        _fail(f"{file}: {error.message}")
    click.echo(text_view(document))
    if outline:
        click.echo(outline_view(document))


@main.command("rules")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", help="输出格式。")
@click.option("--config", type=click.Path(exists=True, dir_okay=False),
              help="配置文件（默认从当前文件夹向上查找），其 rules: 中的规则包一并列出。")
def rules_command(output: str, config: str | None) -> None:
    """按编号列出全部规则：名称、类别、级别、能否自动修复、一句话说明。"""
    import json

    from checker.views import rules_listing, rules_table
    from checker.yamlfiles.reader import YamlError

    try:
        rules = _rules_of(config)
    except YamlError as error:
        _fail(str(error))
    if output == "json":
        click.echo(json.dumps(rules_table(rules), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(rules_listing(rules)))


@main.command()
@click.argument("rule")
@click.option("--config", type=click.Path(exists=True, dir_okay=False),
              help="配置文件（默认从当前文件夹向上查找），其 rules: 中的规则包也可查询。")
def explain(rule: str, config: str | None) -> None:
    """显示规则说明（编号，大小写均可；或名称），含示例。"""
    from checker.engine.selectors import find_rule, suggestion
    from checker.views import explain_rule
    from checker.yamlfiles.reader import YamlError

    try:
        rules = _rules_of(config)
    except YamlError as error:
        _fail(str(error))
    found = find_rule(rules, rule)
    if found is None:
        _fail(f"没有规则「{rule}」{suggestion(rule, rules, whole_rules_only=True)}（fazhi-lint rules 列出全部规则）")
    click.echo(explain_rule(found))


def _rules_of(config: str | None):
    """The built-in rules and the packs of the config in force here (--config, or found from the
    current folder): what `explain` and `rules` can show."""
    from pathlib import Path

    from checker.engine.config import find_config, read_config
    from checker.engine.ruleset import load_rules

    path = Path(config) if config else find_config(Path.cwd())
    return load_rules(read_config(path).rules if path else [])


@main.command("test-rules")
@click.argument("packs", nargs=-1, required=True, type=click.Path(exists=True))
def test_rules(packs: tuple[str, ...]) -> None:
    """运行规则包（YAML 文件或文件夹）中每条规则的 examples：有问题的示例必须被报告，正确写法不得被报告。"""
    from checker.engine.examples import run_examples
    from checker.engine.ruleset import load_rules
    from checker.yamlfiles.reader import YamlError

    try:
        builtin = {rule.id for rule in load_rules()}
        rules = [rule for rule in load_rules(list(packs)) if rule.id not in builtin]
    except YamlError as error:
        _fail(str(error))
    failures = [f"{rule.pack}:{rule.line}: {rule.id} 没有示例（examples 中 bad、good 各至少一个）"
                for rule in rules if not rule.examples.get("bad") or not rule.examples.get("good")]
    outcomes = list(run_examples(rules))
    failures += [f"{o.rule.pack}:{o.line}: {o.rule.id} {o.kind}[{o.number}]：{o.problem}\n    {o.text.strip()}"
                 for o in outcomes if o.problem]
    click.echo("\n".join(failures) + ("\n" if failures else ""), nl=False)
    if failures:
        click.echo(f"{len(rules)} 条规则，{len(outcomes)} 个示例，{len(failures)} 个失败")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"{len(rules)} 条规则，{len(outcomes)} 个示例全部通过")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；默认只接受本机访问。")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="端口（0 表示任选空闲端口）。")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="所有上传文件都使用的配置文件。")
def serve(host: str, port: int, config: str | None) -> None:
    """在浏览器中检查草稿：启动审核台网页（需要 pip install 'fazhi-lint[serve]'）。"""
    from checker.engine.batch import Options
    from checker.yamlfiles.reader import YamlError

    try:
        from checker.serve.server import serve as run_server
    except ImportError as error:
        _fail(f"审核台需要可选组件（缺少 {error.name}）：pip install 'fazhi-lint[serve]'")
    try:
        run_server(host, port, Options(config=config, no_config=config is None))
    except OSError as error:
        _fail(f"无法在 {host}:{port} 上启动：{error.strerror or error}")
    except YamlError as error:
        _fail(str(error))


localize(main)  # the commands' usage placeholders ([OPTIONS], TEXT…), once they are all defined
