"""JUnit XML for CI test views: one testsuite per file, one testcase per rule that fired there
(failing, with every finding of that rule as a line of the failure text; a file that could not be
checked at all is an <error>, not a <failure>); a file without findings has one passing testcase,
so the CI view lists every checked file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TextIO
from xml.etree import ElementTree

from checker.findings import FileResult, Finding
from checker.reporters import ReportSettings

FORMAT = "junit"
DESCRIPTION = "JUnit XML（CI 测试报告）"

_CLEAN_CASE = "fazhi-lint"


def _suite(result: FileResult) -> ElementTree.Element:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_rule[finding.rule].append(finding)
    errors = sum(1 for findings in by_rule.values() if findings[0].category == "load")
    suite = ElementTree.Element("testsuite", name=result.path, tests=str(max(1, len(by_rule))),
                                failures=str(len(by_rule) - errors), errors=str(errors), skipped="0", time="0")
    if not by_rule:
        ElementTree.SubElement(suite, "testcase", name=_CLEAN_CASE, classname=result.path, time="0")
    for rule, findings in sorted(by_rule.items()):
        case = ElementTree.SubElement(suite, "testcase", name=f"{rule} {findings[0].name}", classname=result.path, time="0")
        kind = "error" if findings[0].category == "load" else "failure"
        failure = ElementTree.SubElement(case, kind, type=findings[0].severity.value,
                                         message=f"{len(findings)} 处：{findings[0].message}")
        failure.text = "\n".join(f"{result.path}:{f.line}:{f.column}: {f.message}" for f in findings)
    return suite


def as_junit(results: Iterable[FileResult]) -> ElementTree.Element:
    suites = [_suite(result) for result in results]
    root = ElementTree.Element("testsuites", name="fazhi-lint",
                               tests=str(sum(int(s.get("tests")) for s in suites)),
                               failures=str(sum(int(s.get("failures")) for s in suites)),
                               errors=str(sum(int(s.get("errors")) for s in suites)), time="0")
    root.extend(suites)
    return root


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    root = as_junit(results)
    ElementTree.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(root, encoding="unicode"))
    stream.write("\n")
