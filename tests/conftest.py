from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed drafts copied into a temporary folder (tests may write next to them)."""
    target = tmp_path / "seeds"
    target.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (target / seed.name).write_bytes(seed.read_bytes())
    return target
