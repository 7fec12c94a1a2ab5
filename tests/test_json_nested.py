"""The JSON reporters build indented JSON themselves (json's indenting encoder is pure Python): the
text must be exactly what json.dumps(..., ensure_ascii=False, indent=2) writes, at any depth, and a
finding's text, built from parts its rule's findings share, exactly what nested() writes of it."""

from __future__ import annotations

import json
from dataclasses import replace

from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from checker.engine.batch import Options, check_file
from checker.findings import Finding, Related, Severity
from checker.reporters.json import finding_texts, nested

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_values = st.recursive(_scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@given(_values, st.integers(0, 5))
def test_nested_is_json_dumps_indented_at_that_depth(value: object, depth: int):
    assert nested(value, depth) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def _findings_of_every_shape() -> list[Finding]:
    """The seeds' findings (with and without fixes, shared fix objects, runs of one message), then one
    rule's finding again at another severity and source, and one pointing to another file."""
    findings = [f for seed in sorted(SEEDS.glob("*.txt")) for f in check_file(str(seed), Options(no_config=True)).findings]
    first = findings[0]
    return [*findings, replace(first, severity=Severity.INFO, source="另一依据\n“引号”"), first,
            replace(first, related=Related("乙.txt", 3, "《乙》")), replace(first, message="")]


def test_finding_texts_are_nested_dicts_of_the_findings():
    findings = _findings_of_every_shape()
    assert len(findings) > 100 and any(f.fix for f in findings) and any(f.fix is None for f in findings)
    assert list(finding_texts(findings)) == [nested(f.to_dict(), 4) for f in findings]
