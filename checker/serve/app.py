"""The ASGI application: GET / is the upload page, POST /check checks the upload and streams the
result page file by file. Each request works in its own workspace (workspace.py): a folder removed,
after its last job, when the response is done, fails, the browser goes away or the server stops.
Each request has a budget of worker time and of paragraphs; files past it are reported, not checked.
Log lines carry counts and timings, never file names or text."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from checker.crossdoc.facts import FileLinks
from checker.engine.batch import Options, check_file, cross_document_links
from checker.findings import FileResult, Finding, Related
from checker.loaders import UNSUPPORTED
from checker.loaders.discover import DEFAULT_EXTENSIONS
from checker.reporters.natural import natural_key
from checker.reporters.summary import summarise
from checker.serve import pages
from checker.serve.archives import ZipRefused, expand_zip
from checker.serve.guard import HostGuard, Reachable
from checker.serve.limits import (
    LimitError,
    Limits,
    over_paragraph_budget,
    over_time_budget,
    request_too_large,
    too_many_files,
)
from checker.serve.outputs import Download, batch_downloads, file_downloads
from checker.serve.uploads import Received, receive_upload
from checker.serve.workspace import Lanes, Workspace
from checker.yamlfiles.reader import YamlError

log = logging.getLogger("checker.serve")

HEADERS = {
    "Cache-Control": "no-store",  # drafts are internal documents: no copy in the browser's cache either
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                               "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@dataclass
class Checked:
    shown: FileResult  # as the user sees it: the uploaded name, not the temporary path
    downloads: list[Download]


class _WorkspaceResponse(StreamingResponse):
    """A streamed response that removes the request's workspace when it is done, however it ends."""

    def __init__(self, close: Callable[[], object], content: AsyncIterator[str]) -> None:
        super().__init__(content, media_type="text/html; charset=utf-8", headers=HEADERS)
        self.close = close

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self.close()


def _page(html: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _options(base: Options, fields: dict[str, str]) -> Options:
    year_text = fields.get("year", "").strip()
    year = None
    if year_text:
        if not (year_text.isascii() and year_text.isdigit() and 1990 <= int(year_text) <= 2100):
            raise LimitError(f"报告年度「{year_text}」不是 1990 到 2100 之间的年份。", status=400)
        year = int(year_text)
    body = fields.get("body", "").strip() or None
    return replace(base, body=body or base.body, year=year or base.year)


def _drafts(received: list[Received], folder: str, limits: Limits) -> list[Received]:
    """The files to check, zips unpacked; a file refused on its own keeps its reason in `error`."""
    drafts: list[Received] = []
    for upload in received:
        extension = os.path.splitext(upload.name)[1].lower()
        if upload.error:
            drafts.append(upload)
        elif extension == ".zip":
            try:
                drafts += expand_zip(upload, os.path.dirname(upload.path), limits)
            except ZipRefused as refused:
                drafts.append(Received(upload.name, None, refused.message))
        elif extension in DEFAULT_EXTENSIONS or extension in UNSUPPORTED:
            drafts.append(upload)  # the loaders explain .doc/.wps/.pdf themselves
        else:
            drafts.append(Received(upload.name, None, f"不支持的文件类型「{extension or '无扩展名'}」：只能检查 .docx、.txt，"
                                                      "或把它们打包成一个 .zip。"))
    if not drafts:
        raise LimitError("没有收到文件：请先选择或拖入要检查的 .docx、.txt 或 .zip 文件。", status=400)
    if len(drafts) > limits.files:
        raise too_many_files(limits)
    return sorted(drafts, key=lambda draft: natural_key(draft.name))  # 第2号 before 第10号, as people number drafts


def _made_safely(make: Callable[..., list[Download]], *args: object) -> list[Download]:
    """A reporter's failure costs its downloads, not the page."""
    try:
        return make(*args)
    except Exception as error:  # noqa: BLE001 — whatever a reporter raises, the page goes on
        log.warning("生成下载文件失败：%s", type(error).__name__)
        return []


def _failed(draft: Received, message: str) -> Checked:
    format_ = "docx" if draft.name.lower().endswith(".docx") else "txt"
    return Checked(FileResult(draft.name, format_, error=message), [])


def _links(drafts: list[Received], options: Options) -> dict[str, FileLinks]:
    """The request's cross-document facts (paragraphs shared between the uploads of different bodies, an
    upload's last-year report among the others); a failure costs only those."""
    try:
        return cross_document_links([d.path for d in drafts if d.path], options)
    except Exception as error:  # noqa: BLE001 — the files are still checked one by one
        log.warning("跨文稿比较失败：%s", type(error).__name__)
        return {}


def _named(result: FileResult, names: dict[str, str]) -> FileResult:
    """Findings pointing to another upload name it as uploaded, never by its path on the server."""
    def renamed(finding: Finding) -> Finding:
        related = finding.related
        if related is None:
            return finding
        return replace(finding, related=Related(names.get(related.path) or "另一文件", related.line, related.label))

    return replace(result, findings=[renamed(f) for f in result.findings])


def _check(draft: Received, options: Options, links: dict[str, FileLinks] | None = None,
           names: dict[str, str] | None = None) -> FileResult:
    """One file, in a worker thread. check_file turns any failure of the file into its result."""
    assert draft.path is not None
    try:
        return _named(check_file(draft.path, options, keep_document=True, links=links), names or {})
    except YamlError as error:  # the server's config file was edited into a broken state
        return _failed(draft, f"服务器的配置或规则文件有误，请联系管理员：{error}").shown


def _word_files(result: FileResult, draft: Received) -> list[Download]:
    assert draft.path is not None
    return _made_safely(file_downloads, result, draft.name, os.path.join(os.path.dirname(draft.path), "out"))


def _paragraphs(result: FileResult) -> int:
    return len(result.document.paragraphs) if result.document is not None else 0


def _summary(results: list[FileResult]) -> str:
    counts = summarise(results)
    failed = sum(1 for r in results if r.error)
    parts = [f"{counts.files} 个文件"]
    if counts.findings:
        labels = {"error": "错误", "warning": "警告", "info": "提示"}
        detail = "，".join(f"{labels[s]} {n}" for s, n in counts.by_severity.items() if n)
        parts.append(f"{counts.findings} 处问题（{detail}）")
    else:
        parts.append("未发现问题")
    if failed:
        parts.append(f"{failed} 个文件未能检查")
    return "，".join(parts)


class Desk:
    """The application's state: limits, the base options, where request folders go, the request
    slots, the worker lanes and the workspaces open now (removed at shutdown if still there)."""

    def __init__(self, limits: Limits, options: Options, temp_root: str | None) -> None:
        self.limits, self.options, self.temp_root = limits, options, temp_root
        self.slots = anyio.Semaphore(limits.concurrent_requests)
        self.lanes = Lanes(limits.worker_threads, limits.quick_seconds)
        self.open: set[Workspace] = set()

    def _workspace(self) -> Workspace:
        workspace = Workspace(self.temp_root, self.lanes)
        self.open.add(workspace)
        return workspace

    async def _close(self, workspace: Workspace) -> None:
        await workspace.remove()
        self.open.discard(workspace)

    async def shutdown(self) -> None:
        for workspace in list(self.open):
            await self._close(workspace)
        self.lanes.shutdown()

    async def upload_page(self, request: Request) -> Response:
        return _page(pages.upload_page(self.limits))

    async def check(self, request: Request) -> Response:
        declared = request.headers.get("content-length", "")
        workspace = self._workspace()
        fields: dict[str, str] = {}
        try:
            if declared.isdigit() and int(declared) > self.limits.request_bytes:
                raise request_too_large(self.limits)
            upload = await receive_upload(request.headers.get("content-type", ""), request.stream(), workspace.path,
                                          self.limits)
            fields = upload.fields
            options = _options(self.options, fields)
            drafts = await workspace.run(_drafts, upload.files, workspace.path, self.limits)  # unzipping is slow work
        except LimitError as error:
            await self._close(workspace)
            log.info("上传被拒绝（HTTP %d）", error.status)
            page = pages.upload_page(self.limits, error.message, fields.get("body", ""), fields.get("year", ""))
            return _page(page, error.status)
        except ClientDisconnect:
            await self._close(workspace)
            log.info("上传中断")
            return Response(status_code=400)
        except BaseException:
            await self._close(workspace)
            raise
        return _WorkspaceResponse(lambda: self._close(workspace), self._result_page(workspace, drafts, options))

    async def _one(self, workspace: Workspace, draft: Received, options: Options, paragraphs: int,
                   links: dict[str, FileLinks], names: dict[str, str]) -> Checked:
        """One draft within the request's budget; `paragraphs`: how many the request has used before it."""
        if draft.path is None:
            return _failed(draft, draft.error or "未能读取")
        if workspace.worked >= self.limits.request_seconds:
            return _failed(draft, over_time_budget(self.limits))
        result = await workspace.run(_check, draft, options, links, names)
        size = _paragraphs(result)
        if paragraphs + size > self.limits.request_paragraphs:
            return _failed(draft, over_paragraph_budget(self.limits))
        downloads = await workspace.run(_word_files, result, draft, heavy=size > self.limits.heavy_paragraphs)
        return Checked(replace(result, path=draft.name), downloads)

    async def _result_page(self, workspace: Workspace, drafts: list[Received], options: Options) -> AsyncIterator[str]:
        started = time.perf_counter()
        yield pages.result_head(len(drafts))  # the browser shows the progress bar while the request waits its turn
        async with self.slots:
            checked: list[Checked] = []
            paragraphs = 0
            links = await workspace.run(_links, drafts, options) if len(drafts) > 1 else {}
            names = {d.path: d.name for d in drafts if d.path}
            for number, draft in enumerate(drafts, 1):
                one = await self._one(workspace, draft, options, paragraphs, links, names)
                paragraphs += _paragraphs(one.shown)
                checked.append(one)
                yield pages.file_block(number, len(drafts), one.shown, one.downloads)
            results = [c.shown for c in checked]
            word_files = [d for c in checked for d in c.downloads]
            downloads = await workspace.run(_made_safely, batch_downloads, results, word_files)
            yield pages.result_tail(_summary(results), downloads)
        log.info("检查了 %d 个文件，%d 处问题，用时 %.0f ms", len(results), sum(len(r.findings) for r in results),
                 (time.perf_counter() - started) * 1000)


async def _http_error(request: Request, error: HTTPException) -> Response:
    if error.status_code == 405:
        return _page(pages.message_page("请从上传页面提交", "请在上传页面选择文件后按“检查”。"), 405)
    return _page(pages.message_page("页面不存在", "没有这个页面。"), error.status_code)


async def _server_error(request: Request, error: Exception) -> Response:
    log.error("内部错误：%s", type(error).__name__)  # the message could quote a draft: only the type
    return _page(pages.message_page("内部错误", "服务器内部错误，本次检查没有完成。请重试；如果再次出现，请联系管理员。"), 500)


def _refused(message: str) -> Response:
    return _page(pages.message_page("请求被拒绝", message), 403)


def create_app(limits: Limits | None = None, options: Options | None = None, temp_root: str | None = None,
               reachable: Reachable | None = None) -> ASGIApp:
    """The desk as an ASGI app. `options`: the base check options (config file, rule selection);
    `temp_root`: where per-request folders are made (default: the system's temporary folder);
    `reachable`: the addresses it answers to (default: a loopback name, on any port)."""
    desk = Desk(limits or Limits(), options or Options(no_config=True), temp_root)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await desk.shutdown()

    app = Starlette(
        routes=[Route("/", desk.upload_page, methods=["GET"]), Route("/check", desk.check, methods=["POST"])],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
        lifespan=lifespan,
    )
    return HostGuard(app, reachable or Reachable.at("127.0.0.1", None), _refused)
