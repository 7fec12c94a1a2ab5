from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
# The console script of the fazhi-lint the tests run: the one installed beside this interpreter (the
# venv's bin/, or Scripts\ on Windows), never whichever one happens to be on PATH.
CONSOLE_SCRIPT = Path(sys.executable).parent / ("fazhi-lint.exe" if os.name == "nt" else "fazhi-lint")


def pytest_configure(config) -> None:
    """Every folder holding a `fazhi-lint` leaves PATH for the run, the venv's own bin/ included: a test
    that runs a bare `fazhi-lint` then fails on every machine, not only on a fresh one where nothing of
    the project is on PATH (issue 17: such a test was green wherever someone had installed it by hand)."""
    folders = os.environ.get("PATH", "").split(os.pathsep)
    os.environ["PATH"] = os.pathsep.join(f for f in folders if not (Path(f) / CONSOLE_SCRIPT.name).exists())


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@contextmanager
def inputs_unchanged(*folders: Path) -> Iterator[None]:
    """Fails the test if anything under `folders` is modified, added or removed inside the block."""
    before = [tree_hashes(folder) for folder in folders]
    yield
    assert [tree_hashes(folder) for folder in folders] == before, "an input file was modified"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch) -> Path:
    """The on-disk cache's folder, a fresh one in tmp_path (XDG_CACHE_HOME pointed there)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fazhi-lint"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed drafts copied into a temporary folder (tests may write next to them)."""
    target = tmp_path / "seeds"
    target.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (target / seed.name).write_bytes(seed.read_bytes())
    return target


@pytest.fixture
def comma_draft(tmp_path: Path, monkeypatch) -> Path:
    """cli_draft.COMMA_DRAFT as d.txt in a fresh folder, which is also the working directory."""
    from cli_draft import COMMA_DRAFT

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text(COMMA_DRAFT, encoding="utf-8")
    return tmp_path / "d.txt"
