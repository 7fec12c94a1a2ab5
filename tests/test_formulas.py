"""Political formulas, plan stages and dated anniversaries (rules/formulas.yaml): what they catch and
the correct sentences they must leave alone."""

from __future__ import annotations

import pytest

from checker.api import lint_text


def findings(text: str, rule: str, **context):
    return [f for f in lint_text(text, select=[rule], **context) if f.rule == rule]


# FZ512: one congress joined to another congress's sessions


@pytest.mark.parametrize(("text", "fixed"), [
    ("学习党的二十大和十九届历次全会精神。", "党的二十大和二十届历次全会"),
    ("学习党的十九大以及二十届历次全会精神。", "党的十九大以及十九届历次全会"),
    ("学习党的二十大精神和党的十九届历次全会精神。", "党的二十大精神和党的二十届历次全会"),
])
def test_a_congress_joined_to_another_congress_s_sessions_is_garbled(text, fixed):
    [finding] = findings(text, "FZ512")
    assert finding.fix.replacement == fixed


@pytest.mark.parametrize("text", [
    "学习党的二十大和二十届历次全会精神。",
    "学习党的二十大和十九届六中全会精神。",  # one named session of the earlier congress, in a 2022 report
    "学习党的二十大、十九届七中全会精神和二十届一中全会精神。",
])
def test_a_congress_with_its_own_sessions_or_a_named_earlier_session_is_left_alone(text):
    assert findings(text, "FZ512") == []
