"""The HTML batch report: self-contained, a table of files with counts by severity and category,
a bar chart per category, every finding in its context with the flagged text marked."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from findings_factory import result_of, rule
from lxml import html as lxml_html

from checker.engine.batch import FileResult
from checker.reporters import ReportSettings, reporters

DEBRIS = rule("FZ701", "web-page-debris", "residue", "error", "网页残留「{found}」")


def render(results) -> str:
    stream = io.StringIO()
    reporters()["html"].write(results, stream, ReportSettings())
    return stream.getvalue()


@pytest.fixture
def results(seed_copy: Path) -> list[FileResult]:
    return [
        result_of(seed_copy / "002_7154703e6cb5bf5f.txt", (8, ",", None, "，"), (5, "分享:", DEBRIS, ""),
                  (40, ",", None, "，")),
        result_of(seed_copy / "004_b6b30a21da262d98.txt"),
        FileResult(str(seed_copy / "坏.txt"), "txt", error="文件为空"),
    ]


def test_report_needs_nothing_from_the_network(results):
    page = render(results)
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|url\(|@import|href=\"(https?:)?//", page)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_file_table_counts_by_severity_and_category(results):
    tree = lxml_html.fromstring(render(results))
    headers = [th.get("data-key") for th in tree.xpath('//table[@id="file-table"]/thead//th')]
    assert headers == ["file", "total", "error", "warning", "info", "typography", "residue"]
    rows = [[td.text_content() for td in tr.xpath("td")] for tr in tree.xpath('//table[@id="file-table"]/tbody/tr')]
    assert [row[1:] for row in rows] == [["3", "1", "2", "0", "2", "1"], ["0"] * 6, ["0"] * 6]
    assert tree.xpath('//tr[@class="failed"]/@data-path') == [results[2].path]


def test_chart_has_one_bar_per_category_with_its_count(results):
    tree = lxml_html.fromstring(render(results))
    bars = [(g.get("data-category"), g.get("data-count")) for g in tree.xpath('//*[@id="chart"]//*[@class="bar"]')]
    assert bars == [("typography", "2"), ("residue", "1")]


def test_each_finding_is_shown_in_context_with_the_flagged_text_marked(results):
    tree = lxml_html.fromstring(render(results))
    findings = tree.xpath('//section[@id="file-1"]//li[contains(@class, "finding")]')
    assert [li.get("data-rule") for li in findings] == ["FZ701", "FZ601", "FZ601"]
    assert [li.xpath(".//mark")[0].text for li in findings] == ["分享:", ",", ","]
    context = findings[1].xpath('.//div[@class="context"]')[0].text_content()
    assert context.startswith("  2021年,延庆区") and context.endswith("…")
    assert findings[1].xpath('.//div[@class="fix"]')[0].text == "建议：将「,」改为「，」"
    assert "第8行第8字" in findings[1].text_content()


def test_clean_and_unreadable_files_say_so(results):
    tree = lxml_html.fromstring(render(results))
    assert tree.xpath('//section[@id="file-2"]/p[@class="empty"]')[0].text == "未发现问题"
    assert tree.xpath('//section[@id="file-3"]/p[@class="error"]')[0].text == "未能检查：文件为空"


def test_draft_text_is_escaped(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text("东城区示例局\n\n2021年法治政府建设年度情况报告\n\n正文<script>alert(1)</script>,完。\n", encoding="utf-8")
    page = render([result_of(draft, (5, ",", None, "，"))])
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_empty_batch_has_no_chart_bars():
    tree = lxml_html.fromstring(render([]))
    assert tree.xpath('//*[@id="chart"]/p')[0].text == "未发现问题"


def test_findings_are_grouped_under_the_report_s_own_sections():
    from checker.engine.batch import Options, check_file

    seed = Path(__file__).parent.parent / "seeds" / "000_c8eddf8a4fb2ca4f.txt"
    result = check_file(str(seed), Options(no_config=True), keep_document=True)
    page = lxml_html.fromstring(reporters()["html"].render([result]))
    sections = [h.text_content() for h in page.xpath('//h3[@class="section"]')]
    assert sections[0] == "标题与开头" or sections[0].startswith("一、2021年推进法治政府建设的主要举措和成效")
    assert "2021年推进法治政府建设存在的不足和原因" in sections
    # the two 法治阆中 findings (line 48) sit under the first-responsible section
    first_responsible = next(h for h in page.xpath('//h3[@class="section"]') if "第一责任人" in h.text_content())
    listed = first_responsible.getnext()
    assert any(li.get("data-rule") == "FZ301" for li in listed.xpath("./li"))
