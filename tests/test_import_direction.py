"""Lower floors never import higher ones (docs/architecture.md): the document model and its analysis,
and the loaders that build it, know nothing of the engine that runs rules over it, of the rule types,
of the reporters or of the command line; the reporters that write findings know nothing of the engine
or the loaders; word/ sits below the reporters that call it; YAML reading imports nothing else of
the project; the document layer does not use the matching machinery built over it; the cross-document
pass is called by the engine and is handed what the rules need, never reading the engine itself; and
the engine is below the API, the command line, the desk and the reporters. Imports anywhere in a module count, those inside functions too. (Rule types reach
checker.matching only through its door: test_matching_door.py.)"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

CHECKER = Path(__file__).resolve().parent.parent / "checker"
# the packages (engine/ is one without an __init__.py) and modules right under checker/
MEMBERS = sorted(path.stem for path in CHECKER.iterdir()
                 if (path.suffix == ".py" and path.stem != "__init__") or (path.is_dir() and not path.name.startswith("__")))

HIGHER = ("checker.engine", "checker.rules", "checker.reporters", "checker.cli", "checker.serve")
# package → the packages none of its modules may import
FORBIDDEN = {
    "document": (*HIGHER, "checker.matching", "checker.crossdoc", "checker.api"),
    "loaders": HIGHER,
    "crossdoc": (*HIGHER, "checker.api"),
    "engine": ("checker.api", "checker.cli", "checker.serve", "checker.reporters"),
    "reporters": ("checker.engine", "checker.rules", "checker.loaders", "checker.cli", "checker.serve"),
    "word": HIGHER,
    "yamlfiles": tuple(f"checker.{name}" for name in MEMBERS if name != "yamlfiles"),
}


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def offenders(package: Path, forbidden: tuple[str, ...]) -> list[str]:
    """"module: imported name" for every import in `package` of one of the `forbidden` packages."""
    return sorted(f"{path.relative_to(package.parent)}: {name}"
                  for path in sorted(package.rglob("*.py"))
                  for name in _imported(path) if any(_within(name, other) for other in forbidden))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_the_package_imports_nothing_of_a_higher_floor(package: str):
    assert offenders(CHECKER / package, FORBIDDEN[package]) == []


def test_the_check_sees_imports_inside_functions(tmp_path: Path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from checker.engine.run import lint\n    import checker.engine\n", encoding="utf-8")
    assert _imported(module) == {"checker.engine.run", "checker.engine"}


def test_the_check_names_a_reporter_that_imports_the_engine(tmp_path: Path):
    package = tmp_path / "reporters"
    package.mkdir()
    (package / "fine.py").write_text("from checker.findings import Finding\nimport checker.engineering\n", encoding="utf-8")
    (package / "wrong.py").write_text("from checker.engine.batch import Options\n", encoding="utf-8")
    assert offenders(package, FORBIDDEN["reporters"]) == ["reporters/wrong.py: checker.engine.batch"]


def test_a_ci_reporter_loads_neither_the_engine_nor_the_loaders():
    """What importing a reporter costs: findings and the reporter's own modules, not the pipeline."""
    loaded = subprocess.run(
        [sys.executable, "-c", ("import sys, checker.reporters.github, checker.reporters.sarif\n"
                                "print(' '.join(m for m in sys.modules if m.startswith('checker.')))")],
        capture_output=True, text=True, check=True).stdout.split()
    assert "checker.reporters.sarif" in loaded
    assert [m for m in loaded if m.split(".")[1] in ("engine", "loaders", "document", "crossdoc", "yamlfiles")] == []
