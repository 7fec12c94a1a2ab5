"""Which files a folder run checks."""

from __future__ import annotations

from pathlib import Path

from checker.loaders.discover import discover


def _touch(folder: Path, *names: str) -> None:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")


def _names(found: list[str], root: Path) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in found]


def test_folder_walk_keeps_drafts_and_unsupported_formats_and_skips_the_rest(tmp_path: Path):
    _touch(tmp_path, "a.txt", "b.docx", "c.doc", "d.wps", "e.pdf", "f.md", "~$b.docx", ".hidden.txt",
           ".git/x.txt", "sub/g.txt", "a.reviewed.docx", "a.fixed.docx", "a.checklist.docx", "h.DOCX")
    assert _names(discover([str(tmp_path)]), tmp_path) == [
        "a.txt", "b.docx", "c.doc", "d.wps", "e.pdf", "h.DOCX", "sub/g.txt"]  # extensions in any case


def test_include_and_exclude_globs(tmp_path: Path):
    _touch(tmp_path, "a.txt", "b.docx", "old/c.txt", "notes.md")
    assert _names(discover([str(tmp_path)], include=["*.md"]), tmp_path) == ["notes.md"]
    assert _names(discover([str(tmp_path)], exclude=["old/*"]), tmp_path) == ["a.txt", "b.docx"]


def test_explicit_files_are_kept_as_given_even_if_missing(tmp_path: Path):
    assert discover([str(tmp_path / "missing.txt"), "-"]) == [str(tmp_path / "missing.txt"), "-"]


def test_a_file_named_twice_is_checked_once(tmp_path: Path):
    _touch(tmp_path, "a.txt")
    assert discover([str(tmp_path / "a.txt"), str(tmp_path / "a.txt")]) == [str(tmp_path / "a.txt")]
