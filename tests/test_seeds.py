"""The five real drafts against what a careful reader expects (seeds/expected/*.yaml).

Each expectation file owns some categories and lists, per seed, every finding of those categories
a reader expects: rule id and line (column when it matters), each with a note a reviewer can check
against the draft. The tool's findings in those categories must equal the list: nothing missing,
nothing extra.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from checker.engine.batch import Options, check_file

SEEDS = Path(__file__).parent.parent / "seeds"
EXPECTATIONS = sorted((SEEDS / "expected").glob("*.yaml"))


def _cases():
    for path in EXPECTATIONS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "findings" not in data:
            continue
        for seed, expected in data["findings"].items():
            yield pytest.param(path, data["categories"], seed, expected or [], id=f"{path.stem}-{seed[:3]}")


def _key(item, with_column: bool):
    return (item["rule"], item["line"], item["column"]) if with_column else (item["rule"], item["line"])


@pytest.mark.parametrize(("path", "categories", "seed", "expected"), list(_cases()))
def test_seed_findings_match_expectations(path, categories, seed, expected):
    result = check_file(str(SEEDS / seed), Options(no_config=True))
    assert result.error is None
    actual = [f for f in result.findings if f.category in categories]
    with_column = {(e["rule"], e["line"]) for e in expected if "column" in e}
    got = Counter(_key(f.to_dict(), (f.rule, f.line) in with_column) for f in actual)
    want = Counter(_key(e, "column" in e) for e in expected)
    missing = sorted((want - got).elements())
    extra = [(g, next(f.message for f in actual if (f.rule, f.line) == g[:2])) for g in sorted((got - want).elements())]
    assert not missing and not extra, f"{path.name} {seed}: missing {missing}; extra {extra}"
