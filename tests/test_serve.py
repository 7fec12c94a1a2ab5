"""The review desk (`fazhi-lint serve`) through Starlette's test client: the page, uploads, the
streamed results, every download, every limit and bad input, and that nothing is kept or logged."""

from __future__ import annotations

import base64
import html
import io
import itertools
import json
import logging
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import anyio
import docx
import httpx2 as httpx
import jsonschema
import pytest
from conftest import ROOT, SEEDS
from docx_factory import make_docx
from starlette.testclient import TestClient

from checker.engine.batch import Options, check_file
from checker.loaders.docx import load_docx_bytes
from checker.serve import app as app_module
from checker.serve.app import create_app
from checker.serve.limits import MB, Limits

WEB_DEBRIS_SEED = SEEDS / "002_7154703e6cb5bf5f.txt"  # 延庆区: web-page debris, half-width punctuation
DONGCHENG_SEED = SEEDS / "000_c8eddf8a4fb2ca4f.txt"
TXT = "text/plain"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DRAFT = "东城区园林绿化局\n\n2021年法治政府建设年度情况报告\n\n一、2021年推进法治政府建设的主要举措和成效\n（一）加强组织领导。我局召开会议。\n"


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    root = tmp_path / "requests"
    root.mkdir()
    return root


def make_client(temp_root: Path, **limits: int) -> TestClient:
    return TestClient(create_app(Limits(**limits), temp_root=str(temp_root)), base_url="http://127.0.0.1:8000",
                      raise_server_exceptions=False)


@pytest.fixture
def client(temp_root: Path) -> TestClient:
    return make_client(temp_root)


def downloads(page: str) -> dict[str, bytes]:
    """The files the result page offers, decoded (they travel inside the page)."""
    links = re.findall(r'<a href="#" download="([^"]+)" data-type="[^"]+" data-base64="([^"]*)"', page)
    return {html.unescape(name): base64.b64decode(data) for name, data in links}


def sections(page: str, *names: str) -> list[str]:
    """The files' blocks in page order (natural name order), or those of `names`, in that order."""
    blocks = re.findall(r'<details class="file".*?</details>', page, re.DOTALL)
    if not names:
        return blocks
    return [next(b for b in blocks if name in re.search(r'<span class="name">(.*?)</span>', b).group(1)) for name in names]


def post(client: TestClient, files: list[tuple[str, bytes, str]], **fields: str) -> httpx.Response:
    return client.post("/check", files=[("files", f) for f in files], data=fields)


def seed(path: Path) -> tuple[str, bytes, str]:
    return (path.name, path.read_bytes(), TXT)


def zipped(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def expected_rules(path: Path, **context) -> list[tuple[str, int]]:
    result = check_file(str(path), Options(no_config=True, **context))
    return sorted((f.rule, f.line) for f in result.findings)


def shown_rules(section: str) -> list[tuple[str, int]]:
    """(rule, line) of every finding a file's block shows: each group's first in context, the rest as
    "line:column,column" positions."""
    shown = []
    for rule, group in re.findall(r'<li data-rule="(FZ\d+)".*?</li>', section, re.DOTALL) and \
            re.findall(r'<li data-rule="(FZ\d+)"(.*?)</li>', section, re.DOTALL):
        shown += [(rule, int(line)) for line in re.findall(r'<p id="[^"]+"><a>(\d+):', group)]
        for rest in re.findall(r'<p class="rest">([^<]*)</p>', group):
            shown += [(rule, int(entry.split(":")[0])) for entry in rest.split() for _ in entry.split(":")[1].split(",")]
    return sorted(shown)


# --- the page -------------------------------------------------------------------------------------

def test_upload_page_is_in_chinese_and_says_nothing_is_stored(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.text
    assert '<html lang="zh-CN">' in page
    assert "服务器不保存任何文件" in page and "日志中也不记录草稿内容" in page
    assert 'action="/check"' in page and 'enctype="multipart/form-data"' in page
    assert 'accept=".docx,.txt,.zip' in page and "multiple" in page
    assert 'name="body"' in page and 'name="year"' in page and ">检查</button>" in page


def test_every_page_forbids_caching_and_outside_resources(client):
    for response in (client.get("/"), post(client, [seed(DONGCHENG_SEED)]), client.get("/nothing-here")):
        assert response.headers["cache-control"] == "no-store"
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert response.headers["referrer-policy"] == "no-referrer"


def test_unknown_page_and_get_on_check_answer_in_chinese(client):
    missing = client.get("/nothing-here")
    assert missing.status_code == 404 and "没有这个页面" in missing.text
    wrong_method = client.get("/check")
    assert wrong_method.status_code == 405 and "请在上传页面选择文件后按" in wrong_method.text


# --- results ------------------------------------------------------------------------------------

def test_result_page_shows_each_files_findings_as_the_pipeline_finds_them(client):
    response = post(client, [seed(DONGCHENG_SEED), seed(WEB_DEBRIS_SEED)])
    assert response.status_code == 200
    first, second = sections(response.text)
    assert DONGCHENG_SEED.name in first and WEB_DEBRIS_SEED.name in second
    assert shown_rules(first) == expected_rules(DONGCHENG_SEED)
    assert shown_rules(second) == expected_rules(WEB_DEBRIS_SEED)
    assert expected_rules(WEB_DEBRIS_SEED), "the web-debris seed has findings to show"


def test_flagged_text_is_highlighted_in_its_context(client):
    page = post(client, [seed(WEB_DEBRIS_SEED)]).text
    result = check_file(str(WEB_DEBRIS_SEED), Options(no_config=True))
    firsts = {f.rule: f for f in reversed(result.findings)}  # each rule's first finding is shown in context
    marked = [f.excerpt[f.column - 1:f.end_column - 1] for f in firsts.values()]
    assert any(0 < len(flagged) <= 20 for flagged in marked)
    for flagged in marked:
        if len(flagged) <= 20:  # longer ones are shortened in the middle
            assert f"<mark>{html.escape(flagged)}</mark>" in page


def test_result_page_reports_progress_after_every_file_and_a_summary(client, tmp_path):
    page = post(client, [seed(DONGCHENG_SEED), seed(WEB_DEBRIS_SEED), ("空白.txt", DRAFT.encode(), TXT)]).text
    assert '<progress id="progress" max="3" value="0">' in page
    marks = [m.start() for m in re.finditer(r"<script>progress\(\d, 3\)</script>", page)]
    assert re.findall(r"<script>progress\((\d), 3\)</script>", page) == ["1", "2", "3"]
    assert all(a < b for a, b in itertools.pairwise(marks))
    total = sum(len(check_file(str(p), Options(no_config=True)).findings) for p in (DONGCHENG_SEED, WEB_DEBRIS_SEED))
    draft = tmp_path / "空白.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    total += len(check_file(str(draft), Options(no_config=True)).findings)
    assert re.search(rf'id="done">检查完成：3 个文件，{total} 处问题', page)


async def _asgi_messages(app, body: bytes, headers: list[tuple[bytes, bytes]], leave_early: bool = False) -> list[dict]:
    """Run the app as a server would, recording every message it sends. `leave_early`: the
    browser goes away once the upload is sent, else it stays until the page is complete."""
    sent: list[dict] = []
    chunks = [body[i:i + 4096] for i in range(0, len(body), 4096)] or [b""]

    async def receive() -> dict:
        if chunks:
            chunk = chunks.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}
        if leave_early:
            return {"type": "http.disconnect"}
        await anyio.sleep_forever()

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/check", "raw_path": b"/check", "query_string": b"", "root_path": "",
             "headers": headers, "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000)}
    await app(scope, receive, send)
    return sent


def _raw_upload(*paths: Path) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    request = httpx.Request("POST", "http://127.0.0.1:8000/check", files=[("files", seed(p)) for p in paths])
    return request.read(), [(k.lower().encode(), v.encode()) for k, v in request.headers.items()]


def test_results_are_streamed_one_file_at_a_time(temp_root):
    body, headers = _raw_upload(DONGCHENG_SEED, WEB_DEBRIS_SEED)
    messages = anyio.run(_asgi_messages, create_app(temp_root=str(temp_root)), body, headers)
    bodies = [m["body"].decode() for m in messages if m["type"] == "http.response.body" and m.get("body")]
    assert len(bodies) == 4  # the head with the progress bar, one piece per file, the downloads
    assert "<progress" in bodies[0] and 'class="file"' not in bodies[0]
    assert DONGCHENG_SEED.name in bodies[1] and "progress(1, 2)" in bodies[1]
    assert WEB_DEBRIS_SEED.name in bodies[2] and "progress(2, 2)" in bodies[2]
    assert "检查完成" in bodies[3]


def test_body_and_year_fields_override_what_is_inferred(client):
    page = post(client, [seed(DONGCHENG_SEED)], body="延庆区司法局", year="2022").text
    report = json.loads(downloads(page)["fazhi-lint.json"])
    assert report["files"][0]["context"]["year"] == 2022
    assert report["files"][0]["context"]["body"] == "延庆区司法局"


def test_shown_file_name_drops_client_folders_and_is_escaped(client):
    page = post(client, [("C:\\fakepath\\<b>报告.txt", DRAFT.encode(), TXT)]).text
    assert '<span class="name">&lt;b&gt;报告.txt</span>' in page
    assert "<b>报告" not in page and "fakepath" not in page


# --- downloads -----------------------------------------------------------------------------------

def test_json_download_follows_the_schema_and_equals_the_pipeline(client):
    page = post(client, [seed(DONGCHENG_SEED), seed(WEB_DEBRIS_SEED)]).text
    report = json.loads(downloads(page)["fazhi-lint.json"])
    schema = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    assert [f["path"] for f in report["files"]] == [DONGCHENG_SEED.name, WEB_DEBRIS_SEED.name]
    pipeline = check_file(str(WEB_DEBRIS_SEED), Options(no_config=True)).findings
    assert report["files"][1]["findings"] == [f.to_dict() for f in pipeline]


def test_checklist_markdown_download_lists_every_finding(client):
    page = post(client, [seed(WEB_DEBRIS_SEED)]).text
    checklist = downloads(page)["修改清单.md"].decode("utf-8")
    assert checklist.startswith("# 修改清单")
    count = len(check_file(str(WEB_DEBRIS_SEED), Options(no_config=True)).findings)
    assert checklist.count("- [ ] ") == count > 0


def _comments(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/comments.xml").decode("utf-8") if "word/comments.xml" in archive.namelist() else ""
    return re.findall(r"<w:comment [^>]*>", xml)


def test_reviewed_docx_of_a_txt_draft_opens_with_the_comments_annotate_writes(client):
    from checker.word.review import build_reviewed

    page = post(client, [seed(WEB_DEBRIS_SEED)]).text
    files = downloads(page)
    reviewed = files[WEB_DEBRIS_SEED.stem + ".reviewed.docx"]
    opened = docx.Document(io.BytesIO(reviewed))
    assert any("已归档" in p.text for p in opened.paragraphs)
    checked = check_file(str(WEB_DEBRIS_SEED), Options(no_config=True), keep_document=True)
    grouped = build_reviewed(checked).comments
    assert len(_comments(reviewed)) == grouped < len(checked.findings)


def test_reviewed_docx_of_a_docx_draft_keeps_its_text(client, tmp_path):
    source = tmp_path / "延庆区报告.docx"
    lines = WEB_DEBRIS_SEED.read_text(encoding="utf-8").splitlines()
    make_docx(source, [line for line in lines if line.strip()])
    page = post(client, [(source.name, source.read_bytes(), DOCX_TYPE)]).text
    reviewed = docx.Document(io.BytesIO(downloads(page)["延庆区报告.reviewed.docx"]))
    assert "您访问的链接即将离开“首都之窗”门户网站 是否继续?" in [p.text for p in reviewed.paragraphs]


def test_files_come_in_natural_name_order_under_an_overview(client):
    page = post(client, [("稿10.txt", DRAFT.encode(), TXT), ("稿2.txt", DRAFT.encode(), TXT), seed(WEB_DEBRIS_SEED)]).text
    names = [re.search(r'<span class="name">(.*?)</span>', b).group(1) for b in sections(page)]
    assert names == [WEB_DEBRIS_SEED.name, "稿2.txt", "稿10.txt"]
    assert page.index('<table id="file-table"') < page.index('<details class="file"')
    rows = re.findall(r'<template class="overview-row"><tr data-file="[^"]+" data-path="([^"]+)">', page)
    assert rows == names
    assert "<td>北京市延庆区人民政府</td><td>2021</td>" in page  # the run's context, as the report shows it


def test_each_file_block_opens_with_its_summary_and_downloads(client, tmp_path):
    source = tmp_path / "半角.docx"
    make_docx(source, ["东城区示例局", "2021年法治政府建设年度情况报告", "我局认真贯彻,落实各项要求。"])
    page = post(client, [(source.name, source.read_bytes(), DOCX_TYPE)]).text
    block = sections(page)[0]
    assert block.index('class="facts"') < block.index('class="downloads"') < block.index('<ol class="findings"')
    labels = re.findall(r'data-base64="[^"]*">([^<]+)</a>', block)
    assert labels == ["批注版 Word", "修订版 Word", "修改清单（Word）", "JSON", "全部（.zip）"]
    files = downloads(block)
    fixed = load_docx_bytes(files["半角.fixed.docx"], "半角.fixed.docx")  # the fixes are tracked changes: read as accepted
    assert "我局认真贯彻，落实各项要求。" in [p.text for p in fixed.paragraphs]
    report = json.loads(files["半角.fazhi-lint.json"])
    assert [f["path"] for f in report["files"]] == ["半角.docx"]
    with zipfile.ZipFile(io.BytesIO(files["半角.fazhi-lint.zip"])) as bundle:
        assert sorted(bundle.namelist()) == sorted(["半角.reviewed.docx", "半角.fixed.docx", "半角.checklist.docx",
                                                    "半角.fazhi-lint.json"])


def test_checklist_docx_download_opens_as_a_word_table(client):
    page = post(client, [seed(WEB_DEBRIS_SEED)]).text
    checklist = docx.Document(io.BytesIO(downloads(page)[WEB_DEBRIS_SEED.stem + ".checklist.docx"]))
    cells = " ".join(cell.text for table in checklist.tables for row in table.rows for cell in row.cells)
    assert "FZ701" in cells


def test_batch_zip_holds_every_word_file_once(client):
    page = post(client, [seed(DONGCHENG_SEED), seed(WEB_DEBRIS_SEED), (DONGCHENG_SEED.name, DRAFT.encode(), TXT)]).text
    with zipfile.ZipFile(io.BytesIO(downloads(page)["fazhi-lint-审阅.zip"])) as bundle:
        names = bundle.namelist()
        for name in names:
            docx.Document(io.BytesIO(bundle.read(name)))
    stem = DONGCHENG_SEED.stem
    assert sorted(names) == sorted([
        f"{stem}.reviewed.docx", f"{stem}.checklist.docx", f"{stem}（2）.reviewed.docx", f"{stem}（2）.checklist.docx",
        f"{WEB_DEBRIS_SEED.stem}.reviewed.docx", f"{WEB_DEBRIS_SEED.stem}.checklist.docx",
    ])


def test_a_failing_reporter_costs_its_downloads_not_the_page(client, monkeypatch):
    def broken(*args):
        raise RuntimeError("reporter bug")

    monkeypatch.setattr(app_module, "batch_downloads", broken)
    page = post(client, [seed(WEB_DEBRIS_SEED)]).text
    assert "检查完成" in page
    assert "fazhi-lint.json" not in downloads(page)
    assert WEB_DEBRIS_SEED.stem + ".reviewed.docx" in downloads(page)


# --- nothing kept, nothing logged ---------------------------------------------------------------

def test_request_folders_are_removed_when_the_response_is_done(client, temp_root):
    post(client, [seed(DONGCHENG_SEED), ("a.zip", zipped({"x/b.txt": DRAFT.encode()}), "application/zip")])
    post(client, [("bad.zip", b"PK\x03\x04 broken", "application/zip")])
    client.post("/check", content=b"not a form", headers={"content-type": "text/plain"})
    assert list(temp_root.iterdir()) == []


def test_request_folder_is_removed_when_the_browser_leaves_before_the_page_is_done(temp_root):
    body, headers = _raw_upload(DONGCHENG_SEED, WEB_DEBRIS_SEED)
    messages = anyio.run(_asgi_messages, create_app(temp_root=str(temp_root)), body, headers, True)
    assert not any("检查完成" in m.get("body", b"").decode() for m in messages), "the page was cut short"
    assert list(temp_root.iterdir()) == []


def test_no_log_line_holds_document_text_or_file_names(client, caplog):
    marker = "审核台日志标记甲乙丙"
    draft = DRAFT + f"（二）{marker}，分享:\n"
    with caplog.at_level(logging.DEBUG):
        page = post(client, [(f"{marker}.txt", draft.encode(), TXT), (f"{marker}.png", b"x", "image/png")]).text
        post(client, [(f"{marker}.txt", draft.encode(), TXT)], year=marker)
    assert marker in page
    assert caplog.records, "the desk logs something about each request"
    assert marker not in caplog.text


def test_real_server_logs_hold_no_document_text(caplog):
    """Under uvicorn itself (access log included), with a marker in the draft and its name."""
    uvicorn = pytest.importorskip("uvicorn")
    marker = "真实服务器日志标记丁戊"
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=0, log_config=None, log_level="debug")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    with caplog.at_level(logging.DEBUG):
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        response = httpx.post(f"http://127.0.0.1:{port}/check", timeout=30,
                              files=[("files", (f"{marker}.txt", (DRAFT + marker + "\n").encode(), TXT))])
        server.should_exit = True
        thread.join(timeout=20)
    assert response.status_code == 200 and marker in response.text
    assert any("POST /check" in r.getMessage() for r in caplog.records), "the access log was captured"
    assert marker not in caplog.text


# --- limits and bad input -----------------------------------------------------------------------

def test_file_over_the_size_limit_fails_alone(temp_root):
    client = make_client(temp_root, file_bytes=20 * 1024)
    page = post(client, [("大文件.txt", DRAFT.encode() * 200, TXT), seed(WEB_DEBRIS_SEED)]).text
    big, other = sections(page, "大文件.txt", WEB_DEBRIS_SEED.name)
    assert "未能检查：文件超过 20 KB，未检查" in big
    assert shown_rules(other) == expected_rules(WEB_DEBRIS_SEED)


def test_request_over_the_size_limit_is_refused_with_a_message_in_the_page(temp_root):
    client = make_client(temp_root, request_bytes=32 * 1024)
    response = post(client, [("a.txt", b"x" * 40 * 1024, TXT)], body="东城区园林绿化局")
    assert response.status_code == 413
    assert "一次上传的文件总大小不能超过 32 KB，请分批上传。" in response.text
    assert 'value="东城区园林绿化局"' not in response.text  # refused before the form was read
    assert 'action="/check"' in response.text, "the upload form is shown again"


def test_request_without_length_is_stopped_while_it_streams(temp_root):
    client = make_client(temp_root, request_bytes=64 * 1024)
    request = httpx.Request("POST", "http://127.0.0.1:8000/check", files=[("files", ("a.txt", b"x" * 200 * 1024, TXT))])
    body = request.read()

    def chunked():
        for start in range(0, len(body), 8192):
            yield body[start:start + 8192]

    response = client.post("/check", content=chunked(), headers={"content-type": request.headers["content-type"]})
    assert response.status_code == 413 and "不能超过 64 KB" in response.text
    assert list(temp_root.iterdir()) == []


def test_too_many_files_are_refused(temp_root):
    client = make_client(temp_root, files=2)
    response = post(client, [(f"{n}.txt", DRAFT.encode(), TXT) for n in range(3)])
    assert response.status_code == 413 and "一次最多检查 2 个文件（含压缩包中的文件）" in response.text


def test_files_inside_a_zip_count_towards_the_file_limit(temp_root):
    client = make_client(temp_root, files=2)
    archive = zipped({f"草稿/{n}.txt": DRAFT.encode() for n in range(3)})
    response = post(client, [("草稿.zip", archive, "application/zip")])
    assert response.status_code == 413 and "一次最多检查 2 个文件" in response.text


def test_no_file_chosen_is_refused(client):
    response = client.post("/check", files=[("files", ("", b"", "application/octet-stream"))], data={"year": ""})
    assert response.status_code == 400 and "没有收到文件" in response.text


def test_year_that_is_not_a_year_is_refused_and_the_fields_are_kept(client):
    response = post(client, [seed(DONGCHENG_SEED)], body="东城区园林绿化局", year="二〇二一")
    assert response.status_code == 400
    assert "报告年度「二〇二一」不是 1990 到 2100 之间的年份" in response.text
    assert 'value="东城区园林绿化局"' in response.text


def test_overlong_field_is_refused(client):
    response = post(client, [seed(DONGCHENG_SEED)], body="局" * 1000)
    assert response.status_code == 400 and "表单字段过长" in response.text


def test_post_that_is_not_a_form_upload_is_refused(client):
    response = client.post("/check", content=b"hello", headers={"content-type": "text/plain"})
    assert response.status_code == 400 and "请通过页面上的表单上传文件" in response.text


def test_truncated_upload_is_refused(client):
    request = httpx.Request("POST", "http://127.0.0.1:8000/check", files=[("files", seed(DONGCHENG_SEED))])
    body = request.read()
    response = client.post("/check", content=body[:len(body) // 2] + b"\r\n--x\r\nbroken",
                           headers={"content-type": request.headers["content-type"]})
    assert response.status_code == 400 and "上传的数据不完整或已损坏" in response.text


def test_unsupported_type_fails_alone_with_its_reason(client):
    page = post(client, [("扫描件.png", b"\x89PNG\r\n", "image/png"), ("旧版.doc", b"\xd0\xcf\x11\xe0", "application/msword"),
                         seed(WEB_DEBRIS_SEED)]).text
    png, doc, other = sections(page, "扫描件.png", "旧版.doc", WEB_DEBRIS_SEED.name)
    assert "不支持的文件类型「.png」：只能检查 .docx、.txt，或把它们打包成一个 .zip。" in png
    assert "不支持的格式（Word 97-2003），请另存为 .docx 后再检查" in doc
    assert shown_rules(other) == expected_rules(WEB_DEBRIS_SEED)


def test_broken_docx_fails_alone(client):
    page = post(client, [("坏文件.docx", b"PK\x03\x04 this is not a word file", DOCX_TYPE), seed(WEB_DEBRIS_SEED)]).text
    broken, other = sections(page, "坏文件.docx", WEB_DEBRIS_SEED.name)
    assert "未能检查" in broken
    assert shown_rules(other) == expected_rules(WEB_DEBRIS_SEED)
    assert "检查完成：2 个文件" in page and "1 个文件未能检查" in page


def test_internal_error_is_a_chinese_page_without_a_stack_trace(client, monkeypatch, caplog):
    def broken(*args):
        raise RuntimeError("内部细节秘密")

    monkeypatch.setattr(app_module, "_drafts", broken)
    with caplog.at_level(logging.DEBUG):
        response = post(client, [seed(DONGCHENG_SEED)])
    assert response.status_code == 500
    assert "服务器内部错误，本次检查没有完成" in response.text
    assert "Traceback" not in response.text and "内部细节秘密" not in response.text
    assert "内部细节秘密" not in caplog.text


# --- zips ----------------------------------------------------------------------------------------

def test_zip_of_a_folder_is_checked_file_by_file_with_its_paths(client):
    archive = zipped({
        "报告/东城.txt": DONGCHENG_SEED.read_bytes(),
        "报告/延庆/延庆.txt": WEB_DEBRIS_SEED.read_bytes(),
        "报告/说明.png": b"\x89PNG",  # not a draft: skipped as a folder walk skips it
        "__MACOSX/报告/._东城.txt": b"junk",
        "报告/~$东城.docx": b"lock",
        "报告/.hidden.txt": b"hidden",
        "报告/空文件夹/": b"",
    })
    page = post(client, [("报告.zip", archive, "application/zip")]).text
    first, second = sections(page)
    assert "报告.zip/报告/东城.txt" in first and shown_rules(first) == expected_rules(DONGCHENG_SEED)
    assert "报告.zip/报告/延庆/延庆.txt" in second and shown_rules(second) == expected_rules(WEB_DEBRIS_SEED)
    with zipfile.ZipFile(io.BytesIO(downloads(page)["fazhi-lint-审阅.zip"])) as bundle:
        assert "报告.zip/报告/延庆/延庆.reviewed.docx" in bundle.namelist()


def test_zip_names_written_by_windows_in_gbk_are_read_as_chinese(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("placeholder.txt", DRAFT.encode())
    gbk_name = "东城区报告1.txt".encode("gbk")
    assert len(gbk_name) == len(b"placeholder.txt")
    raw = buffer.getvalue().replace(b"placeholder.txt", gbk_name)
    page = post(client, [("旧电脑.zip", raw, "application/zip")]).text
    assert "旧电脑.zip/东城区报告1.txt" in page


def test_zip_with_too_many_entries_fails_alone(temp_root):
    client = make_client(temp_root, zip_entries=5)
    archive = zipped({f"{n}.txt": DRAFT.encode() for n in range(6)})
    page = post(client, [("多.zip", archive, "application/zip"), seed(WEB_DEBRIS_SEED)]).text
    refused, other = sections(page, "多.zip", WEB_DEBRIS_SEED.name)
    assert "压缩包中的条目超过 5 个，未检查" in refused
    assert shown_rules(other) == expected_rules(WEB_DEBRIS_SEED)


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "/etc/passwd.txt", "草稿/../../出去.txt", "C:/Windows/a.txt", "..\\..\\a.txt"])
def test_zip_with_a_path_leaving_the_folder_is_refused(client, temp_root, name):
    archive = zipped({"好.txt": DRAFT.encode(), name: DRAFT.encode()})
    page = post(client, [("穿越.zip", archive, "application/zip")]).text
    assert "压缩包中有不安全的路径" in page and "整个压缩包未检查" in page
    assert len(sections(page)) == 1
    assert not (temp_root.parent / "etc").exists() and not (temp_root.parent / "出去.txt").exists()


def test_zip_bomb_entry_is_refused(client):
    archive = zipped({"炸弹.txt": b"0" * (5 * MB), "好.txt": DRAFT.encode()})
    assert len(archive) < 50 * 1024
    page = post(client, [("炸弹.zip", archive, "application/zip")]).text
    assert "压缩包中的「炸弹.txt」压缩比异常（疑似“压缩炸弹”），整个压缩包未检查" in page


def test_zip_unpacking_past_the_total_limit_is_refused(temp_root):
    client = make_client(temp_root, zip_unpacked_bytes=100 * 1024, zip_ratio=10_000)
    archive = zipped({f"{n}.txt": b"x" * 60 * 1024 for n in range(2)})
    page = post(client, [("大.zip", archive, "application/zip")]).text
    assert "压缩包解压后超过 100 KB，未检查" in page


def test_zip_that_lies_about_its_sizes_is_stopped_while_inflating(temp_root):
    client = make_client(temp_root, zip_unpacked_bytes=100 * 1024, zip_ratio=10_000)
    archive = bytearray(zipped({"谎报.txt": b"x" * 300 * 1024}))
    size = (300 * 1024).to_bytes(4, "little")
    archive[:] = archive.replace(size, (1024).to_bytes(4, "little"))  # local header and central directory
    page = post(client, [("谎报.zip", bytes(archive), "application/zip")]).text
    assert "未能检查" in page and ("压缩包解压后超过 100 KB" in page or "压缩包已损坏" in page)
    assert "检查完成：1 个文件" in page


def test_entry_over_the_file_limit_in_a_zip_fails_alone(temp_root):
    client = make_client(temp_root, file_bytes=20 * 1024)
    archive = zipped({"大.txt": DRAFT.encode() * 200, "小.txt": DRAFT.encode()}, zipfile.ZIP_STORED)
    page = post(client, [("两个.zip", archive, "application/zip")]).text
    big, small = sections(page)
    assert "文件超过 20 KB，未检查" in big and "未能检查" not in small


def test_zip_inside_a_zip_is_not_unpacked(client):
    inner = zipped({"a.txt": DRAFT.encode()})
    page = post(client, [("外.zip", zipped({"内.zip": inner, "b.txt": DRAFT.encode()}), "application/zip")]).text
    nested, plain = sections(page, "内.zip", "外.zip/b.txt")
    assert "压缩包中的压缩包不会解开" in nested and "外.zip/b.txt" in plain


def test_broken_zip_fails_alone(client):
    page = post(client, [("坏.zip", b"PK\x03\x04 not really", "application/zip"), seed(WEB_DEBRIS_SEED)]).text
    broken, other = sections(page, "坏.zip", WEB_DEBRIS_SEED.name)
    assert "压缩包已损坏或格式不受支持，无法打开" in broken
    assert shown_rules(other) == expected_rules(WEB_DEBRIS_SEED)


def test_encrypted_zip_is_refused_with_its_reason(client):
    archive = bytearray(zipped({"密.txt": DRAFT.encode()}))
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local header, central directory
        archive[archive.index(signature) + flags_at] |= 0x1  # "encrypted"
    page = post(client, [("加密.zip", bytes(archive), "application/zip")]).text
    assert "压缩包已加密，无法读取" in page


# --- the command ---------------------------------------------------------------------------------

def _first_line(process: subprocess.Popen, seconds: float = 30) -> str:
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    assert ready, "the command printed nothing"
    return process.stdout.readline()


def test_serve_command_says_where_to_open_the_page_and_serves_it():
    process = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = _first_line(process)
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url and line.startswith("fazhi-lint 审核台已启动：请在浏览器中打开"), line
        assert "服务器不保存任何文件" in httpx.get(url.group(0), timeout=10).text
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def test_serve_command_on_a_busy_port_fails_with_a_clear_message():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "checker", "serve", "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert f"无法在 127.0.0.1:{port} 上启动" in done.stderr


def test_command_line_does_not_load_the_server_unless_serving():
    probe = "import sys, checker.cli; print(sorted({'starlette', 'uvicorn', 'python_multipart'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.stdout.strip() == "[]"


def test_serve_without_the_extra_says_how_to_install_it():
    without_uvicorn = "import sys; sys.modules['uvicorn'] = None; from checker.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", without_uvicorn, "serve"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2
    assert "审核台需要可选组件（缺少 uvicorn）：pip install 'fazhi-lint[serve]'" in done.stderr
