"""checker/rules/ holds rule types only, and they reach the matching machinery through its one door:
`from checker.matching import <public name>`, never a module inside it or a private name."""

import ast
from pathlib import Path

import checker.matching
import checker.rules
from checker.engine.registry import rule_types

RULES = Path(checker.rules.__file__).parent


def matching_imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every import in `path` that reaches into checker.matching."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker.matching"):
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names if alias.name.startswith("checker.matching")]
    return found


def test_rule_types_import_only_public_names_of_the_matching_package_itself():
    wrong = [
        (path.name, module, name)
        for path in sorted(RULES.glob("*.py"))
        for module, name in matching_imports(path)
        if module != "checker.matching" or not name or name.startswith("_") or name not in checker.matching.__all__
    ]
    assert wrong == []


def test_the_door_check_sees_a_private_import(tmp_path):
    path = tmp_path / "probe.py"
    path.write_text("from checker.matching.automaton import ByteScan\nfrom checker.matching import _pattern\n", encoding="utf-8")
    assert matching_imports(path) == [("checker.matching.automaton", "ByteScan"), ("checker.matching", "_pattern")]


def test_every_module_of_rules_is_a_registered_rule_type():
    registered = {module.__name__ for module in rule_types().values()}
    modules = {f"checker.rules.{path.stem}" for path in RULES.glob("*.py") if path.stem != "__init__"}
    assert modules - registered == set()


def test_every_public_name_of_the_door_exists():
    assert all(hasattr(checker.matching, name) for name in checker.matching.__all__)
