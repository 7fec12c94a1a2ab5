"""The JSON reporters build indented JSON themselves (json's indenting encoder is pure Python): the
text must be exactly what json.dumps(..., ensure_ascii=False, indent=2) writes, at any depth."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from checker.reporters.json import nested

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_values = st.recursive(_scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@given(_values, st.integers(0, 5))
def test_nested_is_json_dumps_indented_at_that_depth(value: object, depth: int):
    assert nested(value, depth) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
