"""Every rule's own YAML examples are tests (like textlint-prh's specs): a bad example must be
flagged by that rule, a good one must not. An example is a string, or a mapping with `text` and
optional context (`year`, `body`, `region`), `fixed` (the text after applying the rule's fixes), and for
the cross-document rules `previous` (last year's report) and `others` (the other drafts of the batch)."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.engine.ruleset import load_rules
from checker.fixes import apply_fixes

RULES = [r for r in load_rules() if r.type != "engine"]


def _cases(kind: str):
    for rule in RULES:
        for number, example in enumerate(rule.examples.get(kind, [])):
            yield pytest.param(rule, example, id=f"{rule.id}-{kind}-{number}")


def _run(rule, example):
    example = {"text": example} if isinstance(example, str) else example
    context = {k: example[k] for k in ("year", "body", "region", "previous", "others") if k in example}
    findings = lint_text(example["text"], select=[rule.id], **context)
    return example, [f for f in findings if f.rule == rule.id]


def test_every_rule_has_examples():
    missing = [r.id for r in RULES if not r.examples.get("bad") or not r.examples.get("good")]
    assert missing == []


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_bad_example_is_flagged(rule, example):
    example, findings = _run(rule, example)
    assert findings, f"{rule.id} did not flag: {example['text']!r}"
    if "fixed" in example:
        assert apply_fixes(example["text"], findings, unsafe=True) == example["fixed"]


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_good_example_is_not_flagged(rule, example):
    example, findings = _run(rule, example)
    assert findings == [], f"{rule.id} flagged good text: {[f.message for f in findings]}"
