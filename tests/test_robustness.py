"""Property tests: whatever the input, the whole pipeline ends in findings or a clear load error.

Never an exception escaping, never the "内部错误" that check_file turns a bug into. Inputs: any
Unicode text (and draft-like text built from the seeds' lines), any bytes as a .txt, and a real
.docx mutated (bytes flipped, parts missing, XML broken, archive truncated).

The default run is CI-sized (FAZHI_FUZZ_EXAMPLES, default 60 per property, a few seconds each);
the long run: FAZHI_FUZZ_EXAMPLES=100000 python -m pytest tests/test_robustness.py
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import pytest
from conftest import SEEDS
from docx_parts import draft_docx, members, zipped
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.batch import Options, check_file
from checker.findings import FileResult
from checker.fixes import apply_fixes
from checker.reporters import ReportSettings
from checker.reporters import json as json_reporter

EXAMPLES = int(os.environ.get("FAZHI_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CONTEXTS = [Options(no_config=True),
            Options(no_config=True, year=2021, body="东城区园林绿化局", region=("北京市", "东城区")),
            Options(no_config=True, year=2099, body="某某乡", region=("四川省", "南充市", "阆中市"))]


@cache
def seed_lines() -> tuple[str, ...]:
    return tuple(line for seed in sorted(SEEDS.glob("*.txt")) for line in seed.read_text(encoding="utf-8").splitlines())


MARKERS = ["一、", "二、", "2、", "二.", "（一）", "(一)", "（1）", "(1)", "1.", "1、", "１．", "第三、", "十一、", "（十）"]
PIECES = ["《", "》", "“", "”", "，", "。", ",", "(", ")", "年", "2021年", "2022年", "近", "余件", "法制", "法治", "阆中",
          "七五普法", "八五", "《行政处罚法》", "《信访条例》", "\t", "\u3000", " ", "\u00a0", "\ufeff", "\u200b", "\r"]
unicode_text = st.text(st.characters(codec="utf-8"), max_size=400)
draft_line = st.one_of(
    st.sampled_from(seed_lines()),
    st.builds("".join, st.lists(st.one_of(st.sampled_from(MARKERS), st.sampled_from(PIECES),
                                          st.sampled_from(seed_lines()).map(lambda s: s[:40]), unicode_text), max_size=8)),
)
draft_text = st.lists(draft_line, min_size=1, max_size=40).map("\n".join)


def _checked(path: Path, options: Options) -> FileResult:
    """check_file, the JSON report and the fixes on one file; fails on any sign of a bug."""
    result = check_file(str(path), options)
    assert result.error is None or not result.error.startswith("内部错误"), result.error
    assert result.error is not None or result.format in ("txt", "docx")
    if result.error:
        assert [f.category for f in result.findings] in ([], ["load"])
        assert "\n" not in result.error
    stream = io.StringIO()
    json_reporter.write([result], stream, ReportSettings())
    assert json.loads(stream.getvalue())["files"][0]["path"] == str(path)
    return result


def _check_text(tmp_path: Path, text: str, options: Options) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = _checked(path, options)
    if result.error is None:
        lines = text.encode("utf-8").decode("utf-8").removeprefix("\ufeff")
        for finding in result.findings:
            assert finding.line >= 1 and 1 <= finding.column <= finding.end_column
        apply_fixes(lines, result.findings, unsafe=True)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """One folder for every example (a folder per example would cost more than the check)."""
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(text=unicode_text, context=st.sampled_from(CONTEXTS))
def test_any_unicode_text_gives_findings_or_a_load_error(workdir: Path, text: str, context: Options):
    _check_text(workdir, text, context)


@FUZZ
@given(text=draft_text, context=st.sampled_from(CONTEXTS))
def test_draft_like_text_gives_findings_or_a_load_error(workdir: Path, text: str, context: Options):
    _check_text(workdir, text, context)


@FUZZ
@given(data=st.binary(max_size=2000) | st.sampled_from(seed_lines()).map(lambda s: s.encode("gb18030")) | st.builds(
    lambda prefix, text, cut: (prefix + text.encode("utf-16"))[:cut],
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), unicode_text, st.integers(0, 900)))
def test_any_bytes_as_txt_give_findings_or_a_load_error(workdir: Path, data: bytes):
    path = workdir / "bytes.txt"
    path.write_bytes(data)
    _checked(path, Options(no_config=True))


@cache
def real_docx() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return draft_docx(Path(folder) / "real.docx").read_bytes()


def _members() -> dict[str, bytes]:
    return members(real_docx())


@st.composite
def flipped_bytes(draw) -> bytes:
    data = bytearray(real_docx())
    for _ in range(draw(st.integers(1, 12))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def missing_parts(draw) -> bytes:
    parts = _members()
    gone = draw(st.sets(st.sampled_from(sorted(parts)), min_size=1, max_size=4))
    return zipped({name: data for name, data in parts.items() if name not in gone})


@st.composite
def broken_xml(draw) -> bytes:
    parts = _members()
    name = draw(st.sampled_from(sorted(n for n in parts if n.endswith((".xml", ".rels")))))
    xml = parts[name]
    at = draw(st.integers(0, len(xml)))
    how = draw(st.sampled_from(["cut", "insert", "delete"]))
    if how == "cut":
        xml = xml[:at]
    elif how == "insert":
        xml = xml[:at] + draw(st.sampled_from([b"<", b">", b"&", b"</w:p>", b"<w:p>", b'"', b"\xff", b"\x00",
                                               "法治".encode(), b"<w:numPr><w:numId w:val=\"99\"/></w:numPr>",
                                               b'<w:ilvl w:val="-1"/>', b'w:val="abc"'])) + xml[at:]
    else:
        xml = xml[:at] + xml[at + draw(st.integers(1, 200)):]
    return zipped(parts | {name: xml})


truncated = st.integers(0, 20_000).map(lambda cut: real_docx()[:cut])


@FUZZ
@given(data=st.one_of(flipped_bytes(), missing_parts(), broken_xml(), truncated))
def test_mutated_docx_gives_findings_or_a_load_error(workdir: Path, data: bytes):
    path = workdir / "draft.docx"
    path.write_bytes(data)
    _checked(path, Options(no_config=True))


def test_the_unmutated_docx_is_read(tmp_path: Path):
    path = tmp_path / "draft.docx"
    path.write_bytes(real_docx())
    result = _checked(path, CONTEXTS[1])
    assert result.error is None and result.format == "docx"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_truncated_anywhere_is_checked(tmp_path: Path, name: str):
    data = (SEEDS / name).read_bytes()
    path = tmp_path / name
    for cut in range(1, len(data), max(1, len(data) // 41)):  # also cuts inside a UTF-8 sequence
        path.write_bytes(data[:cut])
        _checked(path, Options(no_config=True))


def test_found_by_fuzzing_a_title_body_named_on_the_title_line_is_located_there(tmp_path: Path):
    """A line above the title joins the title block; the body the title line itself names ("0" in
    "02021年…") was looked for on that upper line, giving column 0."""
    path = tmp_path / "draft.txt"
    path.write_text("A\r02021年法治政府建设年度情况报告", encoding="utf-8")
    result = _checked(path, Options(no_config=True))
    [body_kind] = [f for f in result.findings if f.rule == "FZ110"]
    assert (body_kind.line, body_kind.column, body_kind.end_column) == (2, 1, 2)
