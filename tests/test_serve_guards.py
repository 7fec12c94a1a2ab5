"""The review desk keeps nothing and serves only its own page: request folders (0700) are removed
after their last job when the browser leaves mid-stream or the server stops, no job writes after
that; a foreign Host or a cross-origin POST gets 403; each request has a time and paragraph budget,
and a small upload is not queued behind big ones."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx2 as httpx
import pytest
from conftest import ROOT
from starlette.testclient import TestClient

from checker.engine.batch import Options, check_file
from checker.serve import app as app_module
from checker.serve.app import create_app
from checker.serve.guard import Reachable
from checker.serve.limits import Limits

uvicorn = pytest.importorskip("uvicorn", reason="the serve extra is not installed (pip install '.[serve]')")
from desk_server import running

DRAFT = "西城区档案局\n\n2022年法治政府建设年度报告\n\n一、2022年推进法治政府建设的主要举措和成效\n（一）完善制度。全年修订制度五项。\n"
TXT = "text/plain"


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    root = tmp_path / "requests"
    root.mkdir()
    return root


def raw_post(port: int, count: int) -> bytes:
    files = [("files", (f"草稿{n}.txt", DRAFT.encode(), TXT)) for n in range(count)]
    request = httpx.Request("POST", f"http://127.0.0.1:{port}/check", files=files)
    head = f"POST /check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in request.headers.items() if k.lower() != "host")
    return (head + "\r\n").encode() + request.read()


@pytest.fixture
def held_word_files(monkeypatch) -> tuple[threading.Event, threading.Event, threading.Event]:
    """Holds each job that makes Word files until `release` is set: `started` says one runs,
    `finished` that one has written its files."""
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    real = app_module._word_files

    def held(result, draft):
        started.set()
        release.wait(30)
        try:
            return real(result, draft)
        finally:
            finished.set()

    monkeypatch.setattr(app_module, "_word_files", held)
    return started, release, finished


def wait_empty(folder: Path, seconds: float = 20) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := sorted(p.name for p in folder.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def test_browser_leaving_mid_stream_leaves_nothing_even_from_the_job_still_running(temp_root, held_word_files):
    started, release, finished = held_word_files
    with running(create_app(temp_root=str(temp_root))) as (_, port):
        browser = socket.create_connection(("127.0.0.1", port), timeout=20)
        browser.sendall(raw_post(port, 3))
        received = b""
        while b"<progress" not in received:
            received += browser.recv(65536)
        assert started.wait(20), "the first file's Word files are being made"
        (folder,) = temp_root.iterdir()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        browser.close()  # mid-stream: the page has its head only
        time.sleep(0.5)  # the server notices the browser is gone while the job still runs
        release.set()
        assert finished.wait(20), "the running job was not stopped: it could only be waited for"
        assert wait_empty(temp_root) == []


def test_stopping_the_server_mid_stream_removes_the_request_folder(temp_root, held_word_files):
    started, release, finished = held_word_files
    with running(create_app(temp_root=str(temp_root)), grace=0.5) as (server, port):
        browser = socket.create_connection(("127.0.0.1", port), timeout=20)
        browser.sendall(raw_post(port, 2))
        assert started.wait(20)
        server.should_exit = True
        threading.Timer(1.0, release.set).start()
    browser.close()
    assert finished.is_set(), "the server stopped only after the running job"
    assert list(temp_root.iterdir()) == []


def test_serve_command_removes_its_folder_when_stopped_and_those_of_killed_desks(tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait()
    stale = tmp_path / f"fazhi-desk-{killed.pid}-abc123"
    (stale / "fazhi-request-x").mkdir(parents=True)
    (stale / "fazhi-request-x" / "draft.txt").write_text("草稿", encoding="utf-8")
    log = tmp_path / "uvicorn.log"
    with log.open("w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        assert process.stdout is not None and "http://127.0.0.1:" in process.stdout.readline()
        (desk_folder,) = tmp_path.glob("fazhi-desk-*")
        assert desk_folder.name.startswith(f"fazhi-desk-{process.pid}-")
        assert stat.S_IMODE(desk_folder.stat().st_mode) == 0o700
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail("the desk did not stop on Ctrl+C; its log:\n" + log.read_text(errors="replace"))
    assert "Shutting down" in log.read_text(), "Ctrl+C after the address line takes uvicorn's graceful stop"
    assert list(tmp_path.glob("fazhi-desk-*")) == []


# --- only the desk's own page ---------------------------------------------------------------------

def client(temp_root: Path, base_url: str = "http://127.0.0.1:8000", **limits) -> TestClient:
    return TestClient(create_app(Limits(**limits), temp_root=str(temp_root)), base_url=base_url,
                      raise_server_exceptions=False)


def upload(test_client: TestClient, headers: dict[str, str] | None = None, count: int = 1) -> httpx.Response:
    files = [("files", (f"草稿{n}.txt", DRAFT.encode(), TXT)) for n in range(count)]
    return test_client.post("/check", files=files, headers=headers or {})


@pytest.mark.parametrize("host", ["attacker.example:8000", "127.0.0.1.attacker.example:8000"])
def test_a_foreign_host_name_is_refused(temp_root, host):
    foreign = client(temp_root, f"http://{host}")
    for response in (foreign.get("/"), upload(foreign)):
        assert response.status_code == 403 and "主机名与审核台的地址不符" in response.text
    assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize("headers", [{"origin": "http://attacker.example"}, {"origin": "null", "sec-fetch-site": "cross-site"},
                                     {"origin": "http://127.0.0.1:9999"}, {"sec-fetch-site": "cross-site"}])
def test_a_post_from_another_origin_is_refused(temp_root, headers):
    response = upload(client(temp_root), headers)
    assert response.status_code == 403 and "其他网页发来的请求已拒绝" in response.text
    assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"])
def test_the_desks_own_page_may_post(temp_root, base_url):
    response = upload(client(temp_root, base_url), {"origin": base_url, "sec-fetch-site": "same-origin"})
    assert response.status_code == 200 and "检查完成" in response.text


def test_the_desks_own_form_posts_with_a_null_origin_under_its_referrer_policy(temp_root):
    response = upload(client(temp_root), {"origin": "null", "sec-fetch-site": "same-origin"})
    assert response.status_code == 200 and "检查完成" in response.text


def test_reachable_names_follow_the_bound_address():
    loopback = Reachable.at("127.0.0.1", 8000)
    assert loopback.allows("localhost", 8000) and not loopback.allows("localhost", 8001)
    assert not loopback.allows("192.168.1.20", 8000)
    everywhere = Reachable.at("0.0.0.0", 8000)
    assert everywhere.allows("192.168.1.20", 8000) and not everywhere.allows("desk.attacker.example", 8000)
    one = Reachable.at("10.0.0.5", 80)
    assert one.allows("10.0.0.5", 80) and not one.allows("127.0.0.1", 80)


# --- budgets and fairness -------------------------------------------------------------------------

def test_files_past_the_time_budget_are_reported_not_checked(temp_root):
    page = upload(client(temp_root, request_seconds=0.0), count=2).text
    assert page.count("此文件未检查") == 2 and "2 个文件未能检查" in page


def test_files_past_the_paragraph_budget_are_reported_not_checked(temp_root, tmp_path):
    draft = tmp_path / "草稿.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    paragraphs = len(check_file(str(draft), Options(no_config=True), keep_document=True).document.paragraphs)
    page = upload(client(temp_root, request_paragraphs=paragraphs + 1), count=3).text
    assert page.count("合计超过") == 2 and "2 个文件未能检查" in page


def test_a_small_upload_is_not_queued_behind_a_big_one(temp_root, monkeypatch):
    """Two requests' Word-file jobs are held; a third request, which has used no time yet, still
    gets through the quick lane while the big ones wait in the long lane."""
    release = threading.Event()
    real = app_module._word_files

    def slow_for_big(result, draft):
        if "大" in draft.name:
            release.wait(30)
        return real(result, draft)

    monkeypatch.setattr(app_module, "_word_files", slow_for_big)
    monkeypatch.setattr(app_module, "_paragraphs", lambda result: 10_000 if "大" in result.path else 5)
    test_client = client(temp_root)
    big = [threading.Thread(target=test_client.post, args=("/check",),
                            kwargs={"files": [("files", (f"大{n}.txt", DRAFT.encode(), TXT))]}) for n in range(2)]
    for thread in big:
        thread.start()
    try:
        time.sleep(0.5)
        started = time.monotonic()
        response = upload(test_client)
        assert response.status_code == 200 and "检查完成：1 个文件" in response.text
        assert not release.is_set() and time.monotonic() - started < 15
    finally:
        release.set()
        for thread in big:
            thread.join(30)
