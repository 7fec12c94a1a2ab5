"""The review desk in a real browser: Debian's headless Chromium, driven by Playwright, against the
desk running under uvicorn on loopback. Opens the page, uploads a seed, sees the 法治阆中 finding,
downloads the reviewed .docx; the screenshots are kept in the test's tmp folder."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from conftest import SEEDS

from checker.serve.app import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
LANGZHONG_SEED = SEEDS / "000_c8eddf8a4fb2ca4f.txt"  # 东城区园林绿化局, with "法治阆中" copied from elsewhere

if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium): the browser test needs it", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
uvicorn = pytest.importorskip("uvicorn", reason="the serve extra is not installed (pip install '.[serve]')")
from desk_server import running


@pytest.fixture(scope="module")
def temp_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("desk-requests")


@pytest.fixture(scope="module")
def desk_url(temp_root: Path) -> Iterator[str]:
    with running(create_app(temp_root=str(temp_root))) as (_, port):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        # Playwright gives the browser a new empty profile of its own.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, locale="zh-CN", viewport={"width": 1200, "height": 900})
    yield context.new_page()
    context.close()


def test_seed_uploaded_in_the_browser_shows_the_langzhong_finding_and_its_reviewed_docx(page, desk_url, temp_root, tmp_path):
    page.goto(desk_url)
    assert "服务器不保存任何文件" in page.inner_text(".privacy")
    page.set_input_files("input[type=file]", str(LANGZHONG_SEED))
    assert LANGZHONG_SEED.name in page.inner_text(".chosen")
    page.screenshot(path=str(tmp_path / "desk-upload.png"), full_page=True)

    page.click("button[type=submit]")
    page.wait_for_selector("#done", timeout=30_000)
    assert page.inner_text("#progress-text") == "已检查 1 个文件"
    langzhong = page.locator('li[data-rule="FZ301"]', has_text="阆中")
    assert langzhong.locator("b").first.inner_text() == "2"  # "法治阆中" twice in paragraph 48, one group
    assert langzhong.is_visible()
    assert "阆中" in langzhong.locator("mark").first.inner_text()
    page.screenshot(path=str(tmp_path / "desk-result.png"), full_page=True)

    with page.expect_download() as waiting:
        page.click("a[download$='.reviewed.docx']")
    download = waiting.value
    assert download.suggested_filename == f"{LANGZHONG_SEED.stem}.reviewed.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    reviewed = docx.Document(str(saved))
    assert any("法治阆中" in p.text for p in reviewed.paragraphs)
    with zipfile.ZipFile(saved) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert re.search(r"FZ301[^<]*阆中", comments), "the 法治阆中 finding is a Word comment"
    assert list(temp_root.iterdir()) == [], "the request's folder is gone once the page is done"
    assert (tmp_path / "desk-result.png").stat().st_size > 10_000


def test_dropping_files_on_the_page_chooses_them(page, desk_url):
    page.goto(desk_url)
    page.evaluate("""() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(["一、测试"], "拖入的草稿.txt", {type: "text/plain"}));
        document.querySelector(".drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
    }""")
    assert "拖入的草稿.txt" in page.inner_text(".chosen")
    assert page.evaluate("document.querySelector('input[type=file]').files.length") == 1


def test_pressing_check_without_files_says_so_without_uploading(page, desk_url):
    page.goto(desk_url)
    page.click("button[type=submit]")
    assert page.inner_text("#problem") == "请先选择或拖入要检查的文件。"
    assert page.url == desk_url


def test_a_batch_shows_progress_for_every_file_and_offers_one_zip(page, desk_url, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    page.goto(desk_url)
    page.set_input_files("input[type=file]", [str(s) for s in seeds])
    page.click("button[type=submit]")
    page.wait_for_selector("#done", timeout=60_000)
    assert page.locator("details.file").count() == len(seeds)
    assert page.inner_text("#progress-text") == f"已检查 {len(seeds)} 个文件"
    # the overview on top holds a row per file, and the batch's summary and downloads moved up beside it
    assert page.locator("#batch #file-table tbody tr").count() == len(seeds)
    assert page.locator("#batch-summary #done").is_visible()
    assert page.evaluate("() => !!(document.getElementById('batch').compareDocumentPosition("
                         "document.querySelector('details.file')) & Node.DOCUMENT_POSITION_FOLLOWING)")
    with page.expect_download() as waiting:
        page.click("a[download='fazhi-lint-审阅.zip']")
    bundle = waiting.value.path().read_bytes()
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        assert sorted(n for n in archive.namelist() if n.endswith(".reviewed.docx")) == [f"{s.stem}.reviewed.docx" for s in seeds]
    page.screenshot(path=str(tmp_path / "desk-batch.png"), full_page=True)
