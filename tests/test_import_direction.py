"""Lower floors never import higher ones: the document model and its analysis, and the loaders that
build it, know nothing of the engine that runs rules over it, of the rule types, of the reporters or
of the command line (imports anywhere in a module count, those inside functions too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CHECKER = Path(__file__).resolve().parent.parent / "checker"
HIGHER = ("checker.engine", "checker.rules", "checker.reporters", "checker.cli", "checker.serve")


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", ["document", "loaders"])
def test_the_package_imports_nothing_of_the_floors_above(package: str):
    offenders = {f"{path.relative_to(CHECKER)}: {name}"
                 for path in sorted((CHECKER / package).rglob("*.py"))
                 for name in _imported(path) if any(name == high or name.startswith(high + ".") for high in HIGHER)}
    assert not offenders, sorted(offenders)


def test_the_check_sees_imports_inside_functions(tmp_path: Path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from checker.engine.run import lint\n    import checker.engine\n", encoding="utf-8")
    assert _imported(module) == {"checker.engine.run", "checker.engine"}
