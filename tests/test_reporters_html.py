"""The HTML batch report: self-contained; the overview of the files first (发文机关 and 年度 from the
run's context, counts, main categories, natural name order); a file's findings grouped by rule, the
first in context, every one with an address; collapsed beyond 20 files; the same bytes whether the
files' parts were rendered in workers or in process."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from findings_factory import result_of, rule
from lxml import html as lxml_html
from markupsafe import Markup

from checker.cli import main
from checker.findings import FileResult
from checker.reporters import ReportSettings, reporters
from checker.reporters.html import COLLAPSE_BEYOND, Panel, write_parts
from checker.reporters.html_view import file_key
from checker.reporters.parts import in_place

DEBRIS = rule("FZ701", "web-page-debris", "residue", "error", "网页残留「{found}」")
DRAFT = "南湖区水务局\n\n2022年法治政府建设年度报告\n\n我局全年办理行政许可120件,开展执法检查36次,完成普法宣传8场。\n\n分享:\n"


def render(results) -> str:
    stream = io.StringIO()
    reporters()["html"].write(results, stream, ReportSettings())
    return stream.getvalue()


def _draft(folder: Path, name: str, text: str = DRAFT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def results(tmp_path: Path) -> list[FileResult]:
    return [
        result_of(_draft(tmp_path, "d10.txt"), (5, ",", None, "，"), (7, "分享:", DEBRIS, ""), (5, ",", None, "，", 2)),
        result_of(_draft(tmp_path, "d2.txt")),
        FileResult(str(tmp_path / "d1.txt"), "txt", error="文件为空"),
    ]


def test_report_needs_nothing_from_the_network(results):
    page = render(results)
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|url\(|@import|href=\"(https?:)?//", page)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_overview_comes_first_in_natural_name_order_with_the_run_s_context(results):
    tree = lxml_html.fromstring(render(results))
    table = tree.xpath('//table[@id="file-table"]')[0]
    assert not table.xpath("preceding::details")  # before any file's block
    headers = [th.get("data-key") for th in table.xpath("thead//th")]
    assert headers == ["file", "body", "year", "error", "warning", "info", "categories"]
    rows = [[td.text_content() for td in tr.xpath("td")] for tr in table.xpath("tbody/tr")]
    assert [Path(row[0]).name for row in rows] == ["d1.txt", "d2.txt", "d10.txt"]
    confidence = results[0].context.get("confidence", {})  # the run's context, as the context module decided it
    body, year = ("南湖区水务局" + ("（可能）" if confidence.get("body") == "likely" else ""),
                  "2022" + ("（可能）" if confidence.get("year") == "likely" else ""))
    assert rows[2][1:] == [body, year, "1", "2", "0", "标点数字 2、网页残留 1"]
    assert rows[1][1:] == [body, year, "0", "0", "0", ""]
    assert table.xpath("tbody/tr[1]/@class") == ["failed"]
    links = table.xpath("tbody/tr/td[1]/a/@href")
    blocks = tree.xpath('//details[@class="file"]/@id')
    assert links == [f"#{key}" for key in blocks] and blocks == [file_key(r.path) for r in (results[2], results[1], results[0])]


def test_a_context_held_only_as_likely_says_so(tmp_path: Path):
    context = {"body": "南湖区水务局", "region": [], "year": 2022, "confidence": {"body": "likely", "year": "certain"}}
    tree = lxml_html.fromstring(render([FileResult(str(tmp_path / "甲.txt"), "txt", context)]))
    cells = [td.text_content() for td in tree.xpath('//table[@id="file-table"]/tbody/tr/td')]
    assert cells[1:3] == ["南湖区水务局（可能）", "2022"]


def test_a_file_s_findings_are_grouped_by_rule_errors_first(results):
    tree = lxml_html.fromstring(render(results))
    key = file_key(results[0].path)
    groups = tree.xpath(f'//details[@id="{key}"]//ol[@class="findings"]/li')
    assert [(li.get("data-rule"), li.get("data-sev"), li.xpath("b")[0].text) for li in groups] == [
        ("FZ701", "error", "1"), ("FZ601", "warning", "2")]
    comma = groups[1]
    example = comma.xpath("p[@id]")[0]
    assert example.get("id") == f"{key}-FZ601-1" and example.xpath("a")[0].text == "5:15"
    assert example.xpath("q")[0].text_content() == "…行政许可120件,开展执法检查36…" and example.xpath("q/mark")[0].text == ","
    assert comma.xpath('span[@class="fix"]')[0].text == "将「,」改为「，」"
    assert comma.xpath('p[@class="rest"]')[0].text == "5:25"


def test_every_finding_has_an_address(tmp_path: Path):
    text = "南湖区水务局\n\n2022年法治政府建设年度报告\n\n" + "".join(f"第{n}项,完成。\n" for n in range(1, 40))
    specs = [(line, ",", None, "，") for line in range(5, 44)]
    result = result_of(_draft(tmp_path, "多.txt", text), *specs)
    tree = lxml_html.fromstring(render([result]))
    group = tree.xpath('//li[@data-rule="FZ601"]')[0]
    positions = [f"{line}:{column}" for entry in group.xpath('p[@class="rest"]')[0].text.split()
                 for line, columns in [entry.split(":")] for column in columns.split(",")]
    shown = [p.xpath("a")[0].text for p in group.xpath("p[@id]")] + positions
    assert shown == [f"{f.line}:{f.column}" for f in result.findings] and group.xpath("b")[0].text == "39"


def test_clean_and_unreadable_files_say_so(results):
    tree = lxml_html.fromstring(render(results))
    assert tree.xpath(f'//details[@id="{file_key(results[1].path)}"]/p[@class="empty"]')[0].text == "未发现问题"
    assert tree.xpath(f'//details[@id="{file_key(results[2].path)}"]/p[@class="error"]')[0].text == "未能检查：文件为空"


def test_file_blocks_are_collapsed_beyond_twenty_files(tmp_path: Path):
    many = [FileResult(str(tmp_path / f"d{n}.txt"), "txt") for n in range(COLLAPSE_BEYOND + 1)]
    assert COLLAPSE_BEYOND == 20
    assert all(d.get("open") is not None for d in lxml_html.fromstring(render(many[:20])).xpath("//details"))
    assert all(d.get("open") is None for d in lxml_html.fromstring(render(many)).xpath("//details"))


def test_draft_text_and_names_are_escaped(tmp_path: Path):
    draft = _draft(tmp_path, "<b>甲.txt", "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n正<i>x</i>,完。\n")
    page = render([result_of(draft, (5, ",", None, "，"))])
    assert "<i>x" not in page and "…&lt;i&gt;x&lt;/i&gt;<mark>,</mark>完。" in page
    assert "<b>甲" not in page and "&lt;b&gt;甲.txt" in page


def test_extra_panels_open_a_file_s_block(results):
    stream = io.StringIO()
    panel = Panel("copy", "相互雷同", Markup("<p>与 d2.txt 有 3 段相同</p>"))
    write_parts(in_place(results), stream, ReportSettings(), extra_panels=lambda path: [panel] if path.endswith("d10.txt") else [])
    tree = lxml_html.fromstring(stream.getvalue())
    shown = tree.xpath('//details//section[@data-panel="copy"]')
    assert len(shown) == 1 and shown[0].xpath("h3")[0].text == "相互雷同"
    assert shown[0].getparent().getparent().get("id") == file_key(results[0].path)
    assert shown[0].getparent().getnext().tag == "ol"  # above the findings


def test_empty_batch_has_no_chart_bars():
    tree = lxml_html.fromstring(render([]))
    assert tree.xpath('//*[@id="chart"]/p')[0].text == "未发现问题"


def test_parts_rendered_in_workers_give_the_same_report(tmp_path: Path):
    folder = tmp_path / "稿"
    folder.mkdir()
    seeds = Path(__file__).parent.parent / "seeds"
    for number, seed in enumerate(sorted(seeds.glob("*.txt"))):
        (folder / f"稿{number * 5}.txt").write_bytes(seed.read_bytes())
    pages = []
    for jobs in ("1", "2"):
        target = tmp_path / f"j{jobs}.html"
        done = CliRunner().invoke(main, ["check", str(folder), "--no-config", "-j", jobs, "--format", f"html:{target}"])
        assert done.exit_code == 1, done.output
        pages.append(target.read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    names = [Path(p).name for p in lxml_html.fromstring(pages[0]).xpath('//table[@id="file-table"]/tbody/tr/@data-path')]
    assert names == ["稿0.txt", "稿5.txt", "稿10.txt", "稿15.txt", "稿20.txt"]
