""".doc, .wps, .rtf and .odt drafts: converted by LibreOffice (headless, private profile, timeout,
no network) when it is installed, checked as the converted .docx under the original's name, with a
note that positions are the converted document's; without LibreOffice, the clear notice of before,
now saying how to install it. The files are ones LibreOffice itself saved, made here from a .txt."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from word_reading import comments

from checker.engine.batch import Options, check_file, check_files
from checker.loaders import libreoffice
from checker.loaders.docx import load_docx_bytes
from checker.reporters import ReportSettings, reporters
from checker.word.files import word_source
from checker.word.fixes import fix_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed: apt-get install libreoffice-writer-nogui")

DRAFT = "".join(f"{line}\n" for line in [
    "南湖区水务局",
    "2022年法治政府建设年度报告",
    "一、2022年推进法治政府建设的主要举措和成效",
    "我局全年办理行政许可120件,开展执法检查36次。",
    "二、2022年推进法治政府建设存在的不足和原因",
    "普法宣传的针对性还不够强。",
])


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory) -> dict[str, Path]:
    """The draft as LibreOffice saves it in .doc, .rtf and .odt; the .wps is the .doc's bytes (a WPS
    文字 .wps is the Word 97 binary format, which LibreOffice has no filter to write under that name)."""
    work = tmp_path_factory.mktemp("saved")
    source = work / "南湖区水务局.txt"
    source.write_text(DRAFT, encoding="utf-8")
    drafts = tmp_path_factory.mktemp("drafts")
    profile = work / "profile"
    for extension in ("doc", "rtf", "odt"):
        command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--infilter=Text (encoded):UTF8,LF,,",
                   "--convert-to", extension, "--outdir", str(drafts), str(source)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0 and (drafts / f"{source.stem}.{extension}").is_file(), done.stderr
    shutil.copyfile(drafts / f"{source.stem}.doc", drafts / "南湖区水务局WPS.wps")
    return {path.suffix: path for path in drafts.iterdir()}


@pytest.fixture(scope="module")
def checked(saved_by_libreoffice) -> tuple[dict, dict, list]:
    """The folder's files before and after the check, and the results."""
    drafts = sorted(saved_by_libreoffice.values())
    before = _digest(drafts[0].parent)
    results = check_files([str(p) for p in drafts], Options(no_config=True), jobs=2, keep_document=True)
    return before, _digest(drafts[0].parent), results


@needs_soffice
def test_libreoffice_files_are_converted_and_checked_under_their_own_name(saved_by_libreoffice, checked):
    before, after, results = checked
    assert after == before  # the originals untouched, nothing written beside them
    assert [r.path for r in results] == [str(p) for p in sorted(saved_by_libreoffice.values())]
    for result in results:
        assert result.error is None, (result.path, result.error)
        assert result.context["body"] == "南湖区水务局" and result.context["year"] == 2022, result.path
        note = next(f for f in result.findings if f.rule == "FZ004")
        label = {".doc": "Word 97-2003", ".wps": "WPS", ".rtf": "RTF", ".odt": "ODT"}[Path(result.path).suffix]
        assert f"（{label}）由 LibreOffice 转换" in note.message and "转换后的文档" in note.message
        comma = next(f for f in result.findings if f.rule == "FZ601")
        assert comma.excerpt == "我局全年办理行政许可120件,开展执法检查36次。"
        assert (comma.line, comma.column) == (4, 15)


@needs_soffice
def test_a_converted_draft_gets_a_reviewed_word_copy(checked, tmp_path):
    odt = next(r for r in checked[2] if r.path.endswith(".odt"))
    reporters()["docx"].write([odt], io.StringIO(), ReportSettings(output_dir=str(tmp_path)))
    reviewed = tmp_path / "南湖区水务局.reviewed.docx"
    assert "我局全年办理行政许可120件,开展执法检查36次。" in [p.text for p in docx.Document(str(reviewed)).paragraphs]
    assert any(c.anchored == "," for c in comments(reviewed))
    fixed = fix_docx(word_source(odt.path, odt.document), odt.document, odt.findings, unsafe=False)
    assert fixed.applied >= 1 and b"<w:ins " in zipfile.ZipFile(io.BytesIO(fixed.data)).read("word/document.xml")
    assert "我局全年办理行政许可120件，开展执法检查36次。" in [p.text for p in load_docx_bytes(fixed.data, "x").paragraphs]


@needs_soffice
def test_a_damaged_doc_is_refused_not_read_as_text(tmp_path):
    """LibreOffice reads bytes it cannot place as plain text: the import filter is named, so a
    damaged Word file is refused instead of checked as gibberish."""
    draft = tmp_path / "损坏.doc"
    draft.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 8)
    result = check_file(str(draft), Options(no_config=True))
    assert result.error.startswith("不支持的格式（Word 97-2003），请另存为 .docx 后再检查（LibreOffice 未能转换：")
    assert [f.rule for f in result.findings] == ["FZ002"]


def test_a_file_that_is_not_what_its_extension_says_is_not_given_to_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(libreoffice, "soffice", lambda: "/nonexistent/soffice")  # would fail if started
    for name, data in (("空.doc", b""), ("文本.odt", "正文".encode()), ("短.wps", bytes.fromhex("d0cf11e0a1b11ae1"))):
        (tmp_path / name).write_bytes(data)
        result = check_file(str(tmp_path / name), Options(no_config=True))
        assert result.error.endswith("文件，未转换）") and "请另存为 .docx" in result.error, name


def test_without_libreoffice_the_notice_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(libreoffice, "soffice", lambda: None)
    draft = tmp_path / "旧稿.wps"
    draft.write_bytes(b"\xd0\xcf\x11\xe0 not read")
    result = check_file(str(draft), Options(no_config=True))
    assert result.error == "不支持的格式（WPS），请另存为 .docx 后再检查；安装 LibreOffice 后可自动转换（如 apt-get install libreoffice-writer-nogui）"
    assert [f.rule for f in result.findings] == ["FZ002"]


def test_pdf_is_still_not_converted(tmp_path):
    draft = tmp_path / "扫描件.pdf"
    draft.write_bytes(b"%PDF-1.4")
    assert check_file(str(draft), Options(no_config=True)).error == "不支持的格式（PDF），请另存为 .docx 后再检查"


def test_a_hanging_libreoffice_is_stopped_at_the_timeout(tmp_path, monkeypatch):
    """The whole process group goes: a stand-in soffice that starts a child and hangs."""
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {tmp_path / 'child'}\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setattr(libreoffice, "soffice", lambda: str(fake))
    started = time.monotonic()
    with pytest.raises(libreoffice.OfficeError, match="超过 1 秒仍未完成"):
        libreoffice.run_soffice(["--version"], cwd=str(tmp_path), timeout=1)
    assert time.monotonic() - started < 10
    child = Path(f"/proc/{int((tmp_path / 'child').read_text())}/status")
    time.sleep(0.2)
    assert not child.exists() or "State:\tZ" in child.read_text()  # gone, or dead and not yet reaped
