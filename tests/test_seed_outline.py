"""Loader, title block, context and outline of the five real drafts, against seeds/expected/outline.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.loaders import load

SEEDS = Path(__file__).parent.parent / "seeds"
EXPECTED = yaml.safe_load((SEEDS / "expected" / "outline.yaml").read_text(encoding="utf-8"))["documents"]


@pytest.fixture(scope="module", params=sorted(EXPECTED), ids=lambda name: name[:3])
def seed(request):
    return load(str(SEEDS / request.param)), EXPECTED[request.param]


def test_title_block(seed):
    document, expected = seed
    title = document.title_block
    if expected["title"] is None:
        assert title is None
        return
    assert [p.line for p in title.lines] == expected["title"]["lines"]
    assert title.body == expected["title"]["body"]
    assert title.year == expected["title"]["year"]


def test_context(seed):
    document, expected = seed
    values = {what: value for what, value in document.context.to_dict().items() if what in ("body", "region", "year")}
    assert values == expected["context"]


def test_outline(seed):
    document, expected = seed
    actual = [[h.line, h.level, h.marker.text if h.marker else None, h.section] for h in document.outline]
    assert actual == expected["outline"]


def test_parents_are_the_nearest_higher_level_heading(seed):
    document, _ = seed
    for heading in document.outline:
        if heading.parent is not None:
            assert heading.parent.level < heading.level
            assert heading.parent.line < heading.line
