"""The HTML report in a real browser: headless Chromium loads it offline, runs its script (sorting
the file table from the address's #sort=…), and the rendered DOM has the table, the chart and the
findings; a screenshot is taken. Skipped, with the reason shown, where Chromium is not installed
(.ci/run installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from checker.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed: apt-get install chromium")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, check=False,
                          timeout=45)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    seeds = Path(__file__).parent.parent / "seeds"
    target = folder / "report.html"
    result = CliRunner().invoke(main, ["check", str(seeds), "--no-config", "-j", "1", "--format", f"html:{target}"])
    assert result.exit_code in (0, 1), result.output
    return target


def test_chromium_renders_the_table_sorted_by_its_script(report: Path, tmp_path: Path):
    dom = chromium(tmp_path / "profile", "--dump-dom", report.as_uri() + "#sort=total-desc").stdout
    tree = lxml_html.fromstring(dom)
    rows = tree.xpath('//table[@id="file-table"]/tbody/tr')
    totals = [int(row.xpath("td")[1].text_content()) for row in rows]
    assert len(rows) == 5
    assert totals == sorted(totals, reverse=True)
    assert tree.xpath('//th[@data-key="total"]/@aria-sort') == ["descending"]
    summary = tree.xpath('//p[@id="summary"]')[0].text_content()
    assert summary.startswith("5 个文件")
    findings = tree.xpath('//li[contains(@class, "finding")]')
    assert len(findings) == sum(totals)
    assert all(li.xpath(".//mark") or not li.xpath('.//div[@class="context"]') for li in findings)
    bars = tree.xpath('//*[@id="chart"]//*[@class="bar"]')
    assert sum(int(bar.get("data-count")) for bar in bars) == sum(totals)


def test_chromium_sorts_by_file_name_ascending(report: Path, tmp_path: Path):
    dom = chromium(tmp_path / "profile", "--dump-dom", report.as_uri() + "#sort=file").stdout
    paths = lxml_html.fromstring(dom).xpath('//table[@id="file-table"]/tbody/tr/@data-path')
    assert paths == sorted(paths) and len(paths) == 5


def test_chromium_takes_a_screenshot(report: Path, tmp_path: Path):
    shot = tmp_path / "html-report.png"
    chromium(tmp_path / "profile", "--window-size=1280,1400", f"--screenshot={shot}", report.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
