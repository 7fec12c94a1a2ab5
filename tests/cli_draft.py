"""A small titled draft and the command line run in process, shared by the command-line tests."""

from __future__ import annotations

from click.testing import CliRunner

from checker.cli import main

# A titled draft whose only slip is a half-width comma (FZ601, a warning); with the sections missing it
# also gets FZ101 (errors) and FZ102 (info).
COMMA_DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措,成效\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)
