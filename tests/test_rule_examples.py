"""Every rule's own YAML examples are tests (like textlint-prh's specs): a bad example must be
flagged by that rule, a good one must not. An example is a string, or a mapping with `text` and
optional context (`year`, `body`, `region`), `fixed` (the text after applying the rule's fixes), and for
the cross-document rules `previous` and `others` (checker/engine/examples.py)."""

from __future__ import annotations

import pytest

from checker.engine.examples import example_problem
from checker.engine.ruleset import load_rules

RULES = [r for r in load_rules() if r.type != "engine"]


def _cases(kind: str):
    for rule in RULES:
        for number, example in enumerate(rule.examples.get(kind, [])):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}-{number}")


def test_every_rule_has_examples():
    missing = [r.id for r in RULES if not r.examples.get("bad") or not r.examples.get("good")]
    assert missing == []


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_bad_example_is_flagged(rule, example):
    """Flagged by its rule alone, and fixed to its `fixed:` text if it gives one (engine/examples.py,
    as `fazhi-lint test-rules` runs a user's pack)."""
    assert example_problem(rule, "bad", example) is None, example


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_good_example_is_not_flagged(rule, example):
    assert example_problem(rule, "good", example) is None, example
