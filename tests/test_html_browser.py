"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright, opens the
report of the seeds (offline, from a file) and its script works: filtering to errors only leaves only
error rows (screenshot kept in the test's tmp folder), rule and text filters, natural-order sorting,
an address opening a finding that was written only as a position, printing one file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium): the browser test needs it", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")

SEEDS = Path(__file__).parent.parent / "seeds"
VISIBLE_GROUPS = 'details.file:not([hidden]) li[data-rule]:not([hidden])'


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The seeds as 稿2 … 稿10 (natural order differs from the names' order) and their report."""
    folder = tmp_path_factory.mktemp("drafts")
    for number, seed in zip((10, 2, 7, 1, 20), sorted(SEEDS.glob("*.txt"))):
        (folder / f"稿{number}.txt").write_bytes(seed.read_bytes())
    target = folder.parent / "report.html"
    done = CliRunner().invoke(main, ["check", str(folder), "--no-config", "-j", "1", "--format", f"html:{target}"])
    assert done.exit_code == 1, done.output
    return target


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, report):
    opened = browser.new_page(viewport={"width": 1280, "height": 1200})
    opened.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    yield opened
    opened.close()


def _visible(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, "all => all.map(e => ({rule: e.dataset.rule, sev: e.dataset.sev}))")


def test_filtering_to_errors_only_leaves_only_error_rows(page, report, tmp_path):
    page.goto(report.as_uri())
    before = _visible(page, VISIBLE_GROUPS)
    assert {g["sev"] for g in before} == {"error", "warning", "info"}
    page.uncheck('#filters input[value="warning"]')
    page.uncheck('#filters input[value="info"]')
    after = _visible(page, VISIBLE_GROUPS)
    assert after and {g["sev"] for g in after} == {"error"}
    assert len(after) == sum(1 for g in before if g["sev"] == "error")
    rows = page.eval_on_selector_all("#file-table tbody tr:not([hidden])", "all => all.map(r => +r.cells[3].textContent)")
    assert rows and all(errors > 0 for errors in rows)
    assert page.inner_text("#shown").startswith(f"显示 {len(rows)} / 5 个文件")
    shot = tmp_path / "html-errors-only.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_rule_and_text_filters(page, report):
    page.goto(report.as_uri())
    page.select_option('#filters select[name="rule"]', "FZ301")
    assert {g["rule"] for g in _visible(page, VISIBLE_GROUPS)} == {"FZ301"}
    page.select_option('#filters select[name="rule"]', "")
    page.fill('#filters input[name="text"]', "阆中")
    shown = page.eval_on_selector_all(VISIBLE_GROUPS, "all => all.map(e => e.textContent)")
    assert shown and all("阆中" in text for text in shown)


def test_file_names_sort_in_natural_order(page, report):
    page.goto(report.as_uri())
    names = "() => [...document.querySelectorAll('#file-table tbody tr')].map(r => r.cells[0].textContent.split('/').pop())"
    assert page.evaluate(names) == ["稿1.txt", "稿2.txt", "稿7.txt", "稿10.txt", "稿20.txt"]
    page.click('#file-table th[data-key="file"]')
    page.click('#file-table th[data-key="file"]')
    assert page.evaluate(names) == ["稿20.txt", "稿10.txt", "稿7.txt", "稿2.txt", "稿1.txt"]
    page.goto(report.as_uri() + "#sort=error-desc")
    errors = page.eval_on_selector_all("#file-table tbody tr", "all => all.map(r => +r.cells[3].textContent)")
    assert errors == sorted(errors, reverse=True)


def test_an_address_opens_a_finding_written_as_a_position(page, report):
    page.goto(report.as_uri())
    rest = page.query_selector("p.rest")
    link = rest.query_selector_all("a")[-1]  # the script made the positions links
    address = link.get_attribute("href")
    page.goto(report.as_uri() + "#sort=file")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = false)")
    page.goto(report.as_uri() + address)
    target = page.query_selector(address)
    assert target is not None and target.is_visible() and "targeted" in target.get_attribute("class")


def test_printing_one_file_shows_only_its_block(page, report):
    page.goto(report.as_uri())
    page.evaluate("() => { window.print = () => {}; }")
    blocks = page.query_selector_all("details.file")
    blocks[1].query_selector(".print-file").click()
    page.emulate_media(media="print")
    assert blocks[1].is_visible() and not any(b.is_visible() for i, b in enumerate(blocks) if i != 1)
    assert not page.is_visible("#file-table") and not page.is_visible("#filters")
