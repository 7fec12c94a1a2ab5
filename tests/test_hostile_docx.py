"""Hostile files through the whole pipeline: refused with a clear load finding, in bounded time and
memory, nothing leaked, the rest of the batch checked, the inputs untouched.

Limits (checker/loaders/docx.py): all parts together ≤ 200 MB unpacked as declared in the zip
directory, no part over 1 MiB inflating more than 100×, ≤ 10,000 parts; an XML part with a DTD
is refused, entities are never resolved. The 50 MB .txt runs only with FAZHI_SLOW_TESTS=1 (and in
bench/run.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS, inputs_unchanged
from docx_parts import draft_docx, members, zipped

from checker.cli import main
from checker.loaders.docx import MAX_UNPACKED_BYTES

SECRET = "绝密口令-XXE-7f3a"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARTS_READ = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/comments.xml",
              "word/footnotes.xml", "word/header1.xml", "[Content_Types].xml", "word/_rels/document.xml.rels")


@pytest.fixture
def real_docx(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    return draft_docx(tmp_path / "source" / "real.docx")


def _members(path: Path) -> dict[str, bytes]:
    return members(path.read_bytes())


def _with_doctype(xml: bytes, doctype: str, entity_use: bytes) -> bytes:
    """The part with a DOCTYPE inserted after its XML declaration and an entity used in its root."""
    declaration_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    root_end = xml.index(b">", xml.index(b"<", declaration_end + 1))
    body = xml[:root_end + 1] + entity_use + xml[root_end + 1:] if entity_use else xml
    return body[:declaration_end] + doctype.encode() + body[declaration_end:]


def _check(folder: Path, *extra: str) -> dict[str, dict]:
    output = folder.parent / "report.json"  # outside the checked folder
    with inputs_unchanged(folder):
        result = CliRunner().invoke(main, ["check", str(folder), "--no-config", "--format", "json", "-o",
                                           str(output), *extra], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return {Path(f["path"]).name: f for f in json.loads(output.read_text(encoding="utf-8"))["files"]}


def _refused(report: dict, fragment: str) -> None:
    assert report["error"] and fragment in report["error"], report["error"]
    assert [f["rule"] for f in report["findings"]] == ["FZ001"]
    assert "Traceback" not in report["error"] and "内部错误" not in report["error"]


def _peak_rss_mb(path: Path, timeout: float = 120) -> tuple[float, str]:
    """Load and lint `path` in a fresh interpreter: its peak RSS in MB and what it printed."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking process (pytest) across exec.
    code = (
        "import re, sys\n"
        "from checker.engine.batch import Options, check_file\n"
        "result = check_file(sys.argv[1], Options(no_config=True))\n"
        "print(result.error)\n"
        "status = open('/proc/self/status').read()\n"
        "print(int(re.search(r'VmHWM:\\s*(\\d+)', status).group(1)) / 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, check=True)
    error, rss = done.stdout.strip().rsplit("\n", 1)
    return float(rss), error


def _baseline_rss_mb(tmp_path: Path) -> float:
    small = tmp_path / "small.txt"
    small.write_bytes((SEEDS / "004_b6b30a21da262d98.txt").read_bytes())
    return _peak_rss_mb(small)[0]


def test_zip_bomb_part_is_refused_before_it_is_inflated(real_docx: Path, tmp_path: Path):
    bomb = tmp_path / "batch" / "bomb.docx"
    bomb.parent.mkdir()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _members(real_docx).items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(2 * MAX_UNPACKED_BYTES // (16 << 20)):  # 400 MB of zeros, ~400 KB on disk
                part.write(bytes(16 << 20))
    assert bomb.stat().st_size < 2 << 20
    (tmp_path / "batch" / "good.docx").write_bytes(real_docx.read_bytes())
    reports = _check(tmp_path / "batch")
    _refused(reports["bomb.docx"], "压缩")
    assert reports["good.docx"]["error"] is None
    rss, error = _peak_rss_mb(bomb)
    assert "压缩" in error
    assert rss < _baseline_rss_mb(tmp_path) + 40


def test_parts_adding_up_past_the_unpacked_limit_are_refused(real_docx: Path, tmp_path: Path):
    parts = _members(real_docx)
    # Each part compresses less than 100× (random bytes do not compress), together they pass the limit.
    filler = os.urandom(1 << 20)
    padding = {f"word/media/image{i}.bin": filler[i:] + filler[:i] for i in range(MAX_UNPACKED_BYTES // (1 << 20) + 1)}
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "huge.docx").write_bytes(zipped(parts | padding))
    # above the per-file size cap too (--max-file-size), which would refuse it first
    _refused(_check(folder, "--max-file-size", "1GB")["huge.docx"], f"解压后超过 {MAX_UNPACKED_BYTES // 2**20} MB")


def test_a_zip_directory_that_understates_a_part_cannot_inflate_it(real_docx: Path, tmp_path: Path):
    """The zip directory says 4 KB, the data inflates to 64 MB: refused, never inflated whole (zipfile
    would inflate all of it before cutting it to the declared size)."""
    parts = _members(real_docx)
    liar = parts["word/document.xml"] + b" " * (64 << 20)
    data = bytearray(zipped(parts | {"word/document.xml": liar}))
    real_size = len(liar).to_bytes(4, "little")
    for at in _all(data, real_size):  # local header and central directory both declare the size
        data[at:at + 4] = (4096).to_bytes(4, "little")
    path = tmp_path / "batch" / "liar.docx"
    path.parent.mkdir()
    path.write_bytes(bytes(data))
    _refused(_check(path.parent)["liar.docx"], "压缩数据比压缩包声明的大")
    rss, _ = _peak_rss_mb(path)
    assert rss < _baseline_rss_mb(tmp_path) + 40


def _all(data: bytearray, needle: bytes) -> list[int]:
    found, at = [], data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
    return found


LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))


@pytest.mark.parametrize("part", PARTS_READ)
def test_billion_laughs_in_any_part_is_refused_quickly(real_docx: Path, tmp_path: Path, part: str):
    parts = _members(real_docx)
    assert part in parts
    doctype = f'<!DOCTYPE d [<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">{LAUGHS}]>'
    use = b"<w:t>&l9;</w:t>" if part.endswith((".rels", "Types].xml")) else b""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "laughs.docx").write_bytes(zipped(parts | {part: _with_doctype(parts[part], doctype, use)}))
    (folder / "good.docx").write_bytes(real_docx.read_bytes())
    reports = _check(folder, "--timeout", "60")
    _refused(reports["laughs.docx"], "")
    assert reports["good.docx"]["error"] is None


@pytest.mark.parametrize("part", PARTS_READ)
def test_external_entity_in_any_part_never_reaches_the_output(real_docx: Path, tmp_path: Path, part: str):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    parts = _members(real_docx)
    doctype = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    if part == "word/document.xml":  # the entity where its text would be shown
        xml = parts[part].replace("东城区科信局".encode(), b"&xxe;", 1)
        assert xml != parts[part]
        hostile = _with_doctype(xml, doctype, b"")
    else:
        hostile = _with_doctype(parts[part], doctype, b"")
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "xxe.docx").write_bytes(zipped(parts | {part: hostile}))
    reports = _check(folder)
    assert SECRET not in json.dumps(reports, ensure_ascii=False)
    if part.startswith("word/") and part.endswith(".xml"):
        _refused(reports["xxe.docx"], "DTD/实体声明")
    else:  # package-level XML: parsed without resolving entities, so the draft is read as usual
        assert reports["xxe.docx"]["error"] is None


def test_encrypted_docx_is_reported_as_encrypted(tmp_path: Path, real_docx: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    # What Word writes for a password-protected .docx: an OLE compound file (header sector shown).
    ole_header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + bytes.fromhex("3e000300feff0900") + bytes(488)
    (folder / "password.docx").write_bytes(ole_header + bytes(4096))
    zip_encrypted = bytearray(zipped(_members(real_docx)))
    for at in _all(zip_encrypted, b"PK\x03\x04") + _all(zip_encrypted, b"PK\x01\x02"):
        flag_at = at + (6 if zip_encrypted[at + 2] == 3 else 8)
        zip_encrypted[flag_at] |= 0x1
    (folder / "zipcrypto.docx").write_bytes(bytes(zip_encrypted))
    reports = _check(folder)
    _refused(reports["password.docx"], "已加密")
    _refused(reports["zipcrypto.docx"], "已加密")
    assert "无法读取" in reports["password.docx"]["findings"][0]["message"]


@pytest.mark.skipif(not os.environ.get("FAZHI_SLOW_TESTS"), reason="50 MB: set FAZHI_SLOW_TESTS=1 (bench/run.py runs it)")
def test_a_50_mb_txt_is_checked_in_memory_that_grows_linearly(tmp_path: Path):
    """Memory follows the text and its findings (~350,000 here), nothing worse: 5× the text, ~5× the memory."""
    draft = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))).encode()
    peaks = {}
    for megabytes in (10, 50):
        big = tmp_path / f"big{megabytes}.txt"
        big.write_bytes(draft * (megabytes * 2**20 // len(draft) + 1))
        peaks[megabytes], error = _peak_rss_mb(big, timeout=900)
        assert error == "None"
    baseline = _baseline_rss_mb(tmp_path)
    assert (peaks[50] - baseline) / (peaks[10] - baseline) < 5.5, peaks
    assert peaks[50] < 10 * 50, f"peak RSS {peaks[50]:.0f} MB"  # measured: 8× the file (check_file, no report)
