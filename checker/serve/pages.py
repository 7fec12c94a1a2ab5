"""The desk's HTML: the upload page, and the result page in pieces so it can be streamed file by file.
Each file's block and the overview of the files are the HTML report's own (checker.reporters.html
and its templates), not a second view: the overview sits on top, each file adds its row to it as it
is checked, and the batch's summary and downloads move up beside it when the last file is done."""

from __future__ import annotations

import base64
from functools import cache
from html import escape
from importlib.resources import files

from markupsafe import Markup

from checker import __version__
from checker.findings import FileResult
from checker.loaders import CONVERTIBLE
from checker.loaders.libreoffice import soffice
from checker.reporters import html as html_report
from checker.reporters.html import COLLAPSE_BEYOND, asset, environment
from checker.reporters.html_view import overview_row
from checker.reporters.summary import kinds_of
from checker.serve.limits import Limits, request_too_large, size_text, too_many_files
from checker.serve.outputs import Download

PRIVACY = ("草稿只在检查期间临时保存在服务器上，页面生成完毕即删除；服务器不保存任何文件，"
           "日志中也不记录草稿内容。下载的文件都随本页面一起送到您的浏览器。")


@cache
def _asset(name: str) -> str:
    return files("checker.serve").joinpath("assets", name).read_text(encoding="utf-8")


def _head(title: str) -> str:
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f'<style>{asset("report.css")}{_asset("desk.css")}</style><script>{_asset("desk.js")}</script></head><body>'
            f'<header><h1>fazhi-lint 审核台</h1><span class="hint">法治政府建设年度报告合规检查 · {__version__}</span></header>')


_TAIL = "</body></html>\n"


def upload_page(limits: Limits, problem: str = "", body: str = "", year: str = "") -> str:
    limits_text = (f"每个文件不超过 {size_text(limits.file_bytes)}，一次合计不超过 {size_text(limits.request_bytes)}、"
                   f"最多 {limits.files} 个文件；压缩包最多 {limits.zip_entries} 个条目。")
    return "".join([
        _head("fazhi-lint 审核台"),
        f'<p class="privacy">{PRIVACY}</p>',
        f'<p id="problem" class="problem" role="alert"{"" if problem else " hidden"}>{escape(problem)}</p>',
        (f'<form class="desk" method="post" action="/check" enctype="multipart/form-data" '
        f'data-files="{limits.files}" data-request-bytes="{limits.request_bytes}" '
        f'data-files-message="{escape(too_many_files(limits).message)}" '
        f'data-request-message="{escape(request_too_large(limits).message)}">'),
        '<div class="drop"><div>把草稿拖到这里，或点击选择文件（可多选）</div>',
        f'<div class="hint">{escape(_formats_hint())}</div>',
        f'<input type="file" name="files" multiple accept="{_accepted()}" aria-label="选择文件">',
        '<ul class="chosen"></ul></div>',
        '<div class="fields">',
        (f'<label>发文机关（可不填）<input name="body" value="{escape(body)}" maxlength="{limits.field_chars}" '
        'placeholder="如：东城区园林绿化局"></label>'),
        (f'<label>报告年度（可不填）<input name="year" value="{escape(year)}" inputmode="numeric" maxlength="4" '
        'placeholder="如：2021"></label>'),
        '</div><div class="hint">不填时从标题和开头推断；填写后覆盖推断结果，对本次上传的全部文件有效。</div>',
        '<button type="submit">检查</button>',
        f'<p class="limits">{escape(limits_text)}</p>',
        "</form>",
        _TAIL,
    ])


def _formats_hint() -> str:
    if soffice() is None:
        return "支持 .docx 和 .txt，也可以把整个文件夹压缩成一个 .zip 上传；.doc、.wps 请先在 Word/WPS 中另存为 .docx。"
    return "支持 .docx、.txt，以及 .doc、.wps、.rtf、.odt（在服务器上转换为 .docx 后检查），也可以把整个文件夹压缩成一个 .zip 上传。"


def _accepted() -> str:
    return ",".join([".docx", ".txt", ".zip", *(CONVERTIBLE if soffice() is not None else ())])


def _macro(name: str):
    return getattr(environment().get_template("macros.html.j2").module, name)


def result_head(total: int) -> str:
    """Up to the first file: the progress bar, the overview (rows come with the files) and the place
    the batch's summary and downloads move to."""
    return "".join([
        _head("检查结果 - fazhi-lint 审核台"),
        f'<p class="privacy">{PRIVACY}</p>',
        (f'<div id="progress-box"><progress id="progress" max="{total}" value="0"></progress> '
        f'<span id="progress-text">正在检查：0 / {total}</span> <a href="/">检查其他文件</a></div>'),
        '<section id="batch">',
        f"<h2>文件一览</h2>{_macro('overview_table')([])}" if total > 1 else "",
        '<div id="batch-summary"></div></section><div id="files">',
    ])


def _download_link(download: Download) -> str:
    payload = base64.b64encode(download.data).decode("ascii")
    return (f'<a href="#" download="{escape(download.filename)}" data-type="{download.media_type}" '
            f'data-base64="{payload}">{escape(download.label)}</a>')


def downloads_block(downloads: list[Download], title: str) -> str:
    if not downloads:
        return ""
    links = "".join(_download_link(d) for d in downloads)
    return f'<div class="downloads" aria-label="{escape(title)}"><span>{escape(title)}：</span>{links}</div>'


def file_block(number: int, total: int, result: FileResult, downloads: list[Download]) -> str:
    """One file's block (the HTML report's, its downloads on top), its overview row, the progress update."""
    row = overview_row(result.path, result.context, result.error, kinds_of(result.findings))
    block = _macro("file_block")(row, html_report.file_body(result), total <= COLLAPSE_BEYOND,
                                 top=Markup(downloads_block(downloads, "本文件下载")))
    return "".join([
        block,
        f'<template class="overview-row">{_macro("overview_row")(row, number)}</template>' if total > 1 else "",
        f"<script>progress({number}, {total})</script>\n",
    ])


def result_tail(summary: str, downloads: list[Download]) -> str:
    return "".join([
        '</div><template id="batch-tail"><section id="downloads">',
        downloads_block(downloads, "全部文件"),
        '<p class="hint">批注版 Word 可在 Word 或 WPS 中打开，在“审阅”中逐条查看批注；修改清单可打印后逐项勾选。</p>',
        f'</section><p id="done">检查完成：{escape(summary)}</p></template><script>finish()</script>',
        f"<script>{asset('report.js')}</script><p><a href=\"/\">检查其他文件</a></p>",
        _TAIL,
    ])


def message_page(title: str, message: str) -> str:
    return "".join([
        _head(title),
        f'<p class="problem" role="alert">{escape(message)}</p><p><a href="/">返回上传页面</a></p>',
        _TAIL,
    ])
