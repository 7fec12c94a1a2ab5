from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


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
