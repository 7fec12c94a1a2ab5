"""Every output format, run on the seeds folder (as .txt, and the same drafts as .docx): each
produces its output, and the inputs stay byte-identical — only an explicit --fix writes a draft."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_factory import make_docx

from checker.cli import main
from checker.reporters import reporters

FILE_FORMATS = {"docx": ".reviewed.docx", "checklist-docx": ".checklist.docx"}  # one file per draft


def inputs(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.suffix in (".txt", ".docx")}


@pytest.fixture
def drafts(seed_copy: Path) -> Path:
    """The five seeds, plus seed 000 as a Word file (one paragraph per line)."""
    lines = (seed_copy / "000_c8eddf8a4fb2ca4f.txt").read_text(encoding="utf-8").split("\n")
    make_docx(seed_copy / "000_word.docx", [line for line in lines if line])
    return seed_copy


def test_every_registered_format_is_covered():
    assert set(reporters()) >= {"text", "json", "sarif", "github", "gitlab", "junit", "json-lines", "concise",
                                "checklist", "checklist-docx", "html", "docx"}


@pytest.mark.parametrize("name", sorted(reporters()))
def test_format_on_the_seeds_folder_leaves_the_inputs_byte_identical(name: str, drafts: Path, tmp_path: Path):
    before = inputs(drafts)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", str(drafts), "--no-config", "-j", "1", "--format", f"{name}:{tmp_path / 'report'}",
                                       "--output-dir", str(out)])
    assert result.exit_code == 1, result.output  # the seeds have findings
    assert inputs(drafts) == before
    assert (tmp_path / "report").stat().st_size > 0
    if name in FILE_FORMATS:
        written = sorted(p.name for p in out.iterdir())
        assert written == sorted(Path(n).stem + FILE_FORMATS[name] for n in before)


def test_only_an_explicit_fix_writes_a_draft(drafts: Path):
    before = inputs(drafts)
    CliRunner().invoke(main, ["check", str(drafts), "--no-config", "-j", "1", "--diff"])
    assert inputs(drafts) == before
    CliRunner().invoke(main, ["check", str(drafts), "--no-config", "-j", "1", "--fix"])
    after = inputs(drafts)
    assert after["000_word.docx"] == before["000_word.docx"]  # a .docx gets a fixed copy instead
    assert [name for name in before if after[name] != before[name]]
    assert (drafts / "000_word.fixed.docx").exists()
